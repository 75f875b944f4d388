"""Click's usage errors in the interface language.

The Click that Typer bundles writes its usage errors in English only ("No such option:
--limt", "Missing argument 'QUERY'.", "Invalid value for '--lang': 'xx' is not one of 'nl',
'en', 'both'."). Each form it can take is matched here whole and rewritten from a template of
the catalog, its parts (the option, the value) kept as typed; a part that is itself a sentence
(the reason a value is invalid) is rewritten the same way. A form not listed stays English:
tests/test_interface_language.py runs every kind of usage error under a Dutch locale.
"""

from __future__ import annotations

import re

from vr2018.i18n import N_, _, interface_language

# (what Click writes, as a whole-message pattern; our template with the same named parts)
_FORMS = (
    (
        r"No such option: (?P<option>.+?) \(Possible options: (?P<options>.+)\)",
        N_("No such option: {option} (possible options: {options})"),
    ),
    (r"No such option: (?P<option>.+)", N_("No such option: {option}")),
    (r"No such command (?P<command>'.*')\.?", N_("No such command {command}.")),
    (r"Missing command\.", N_("Missing command.")),
    (r"Missing argument (?P<name>.+)\.", N_("Missing argument {name}.")),
    (r"Missing option (?P<name>.+)\.", N_("Missing option {name}.")),
    (r"Invalid value for (?P<name>.+?): (?P<reason>.+)", N_("Invalid value for {name}: {reason}")),
    (r"Invalid value: (?P<reason>.+)", N_("Invalid value: {reason}")),
    (r"(?P<value>.+) is not one of (?P<choices>.+?)\.?", N_("{value} is not one of {choices}.")),
    (r"(?P<value>.+) is not a valid (?:int|integer|int range)\.", N_("{value} is not a whole number.")),
    (r"Option (?P<option>'.+?') does not take a value\.", N_("Option {option} does not take a value.")),
    (r"(?P<value>.+) is not a valid float\.", N_("{value} is not a number.")),
    (r"(?P<value>.+) is not in the range (?P<range>.+)\.", N_("{value} is not in the range {range}.")),
    (r"Option (?P<option>'.+?') requires an argument\.", N_("Option {option} requires a value.")),
    (r"Option (?P<option>'.+?') requires (?P<n>\d+) arguments\.", N_("Option {option} requires {n} values.")),
    (r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", N_("Unexpected extra argument ({args})")),
)
_SUGGESTION = r"(?P<before>.*?)\.? Did you mean (?P<suggestions>.+)\?"
_ENV = r"(?P<before>.*) \(env var: (?P<variable>'[^']*')\)(?P<after>.*)"


def translate(message: str) -> str:
    """Click's English ``message``, in the interface language."""
    if interface_language() == "en":
        return message
    return _rewrite(message)


def _rewrite(message: str) -> str:
    env = re.fullmatch(_ENV, message, re.DOTALL)
    if env:
        inner = _rewrite(env["before"] + env["after"])
        return inner + _(" (environment variable {variable})").format(variable=env["variable"])
    suggestion = re.fullmatch(_SUGGESTION, message, re.DOTALL)
    if suggestion:
        return _rewrite(suggestion["before"]) + _("; did you mean: {candidates}?").format(
            candidates=suggestion["suggestions"]
        )
    for pattern, template in _FORMS:  # compiled on first use (re caches them): most runs have no error
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found:
            parts = found.groupdict()
            if "reason" in parts:
                parts["reason"] = _rewrite(parts["reason"])
            return _(template).format(**parts)
    return message
