"""Property tests for the whole command line: hostile argument vectors drawn from
the real command tree (Typer/Click introspection, so a new command or option is
covered without touching this file).

For every generated argv: the exit code is 0, 1 or 2; no traceback; no escape or
control character in any output; stderr is empty on success and one line
otherwise; and --json output, when there is any, parses.

About 1,400 argument vectors in all (see ``EXAMPLES``), in-process, in a few
seconds; run ``pytest tests/test_cli_fuzz.py --hypothesis-show-statistics`` for
the exact counts.
"""

from __future__ import annotations

import json
import re

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from vr2018.cli import app

GROUP = typer.main.get_command(app)
COMMANDS = {name: GROUP.get_command(None, name) for name in GROUP.list_commands(None)}
ENV = {"NO_COLOR": "1", "VR2018_NO_PAGER": "1", "VR2018_DEBUG": ""}
RUNNER = CliRunner()

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
EXAMPLES = 150  # per command; ten commands and the top level: ~1,400 argv vectors

# ── hostile values ───────────────────────────────────────────────────────────

SNIPPETS = [
    "\x1b[31m", "\x1b[0m", "\x1b]8;;http://evil\x1b\\", "\x1b]0;title\x07", "\x00", "\x07", "\x08", "\r", "\x7f",
    "\x9b2J", "\u202e", "\u200b", "\ufeff", "\u2028", "[/]", "[bold red]", "[link=http://x]", "[/link]", "\\", ".*",
    "(", ")", "[", "]", "{", "}", "*", "+", "?", "|", "^", "$", '"', "'", "—", "…", "\u0327", "\u0308", "ß", "İ",
    "ﬁ", "𝕊", "\t", "\n", " ", "-", "--", "-n", "--json", "=",
]
WORDS = [
    "Rohingya", "rohinga", "Curaçao", "Cura\u0327cao", "Haïti", "klimaat", "sancties", "Kaag", "kagg", "Kuzu",
    "Noord-Korea", "iran-2231", "iran", "opcw-hack", "inleiding", "caribisch", "de", "the", "2231", "2396",
    "22045", "22 045, nr. 290", "kst-22045-290", "34550-D", "35000-XVII", "35 000; nr. XVII", "Kamerstuk 26 150",
    "text", "markdown", "md", "bibtex", "Voorkomen en genezen", "minister-president", "human trafficking",
    '"nucleaire deal"', "https://zoek.officielebekendmakingen.nl/kst-22045-290.html",
]
NUMBERS = [
    "0", "1", "2", "-1", "-0", "3", "10", "999999", str(10**30), str(-(10**30)), "9223372036854775808", "1.5",
    "1e3", "0x10", "abc", "", " ", "½", "٣", "1_000", "+5",
]

hostile_text = st.one_of(
    st.sampled_from(WORDS),
    st.lists(st.one_of(st.sampled_from(SNIPPETS), st.sampled_from(WORDS)), min_size=1, max_size=5).map("".join),
    st.text(max_size=30),
    st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=12),
    st.integers(min_value=1, max_value=3000).map(lambda n: "rohingya klimaat " * (n // 17 + 1)),  # long
)
numbers = st.one_of(st.sampled_from(NUMBERS), st.integers().map(str), hostile_text)


def _value_for(param) -> st.SearchStrategy[str]:
    kind = type(param.type).__name__.lower()
    if "int" in kind or "float" in kind:
        return numbers
    return hostile_text


def _units(command) -> st.SearchStrategy[list[list[str]]]:
    """The command's parameters as argv pieces (an option with its value stays together)."""
    pieces = []
    for param in command.params:
        if param.param_type_name == "option":
            if param.hidden:
                continue
            names = st.sampled_from([*param.opts, *param.secondary_opts])
            if param.is_flag:
                pieces.append(st.lists(names.map(lambda n: [n]), max_size=2))
            else:
                pieces.append(st.lists(st.tuples(names, _value_for(param)).map(list), max_size=2))
        else:  # an argument: variadic or one value, possibly left out
            if param.nargs == -1:
                pieces.append(st.lists(hostile_text.map(lambda v: [v]), max_size=4))
            else:
                pieces.append(st.lists(hostile_text.map(lambda v: [v]), max_size=2))
    extras = st.lists(st.sampled_from([["--"], ["--bogus"], ["-x"], ["--json"], ["-h"], ["extra"]]), max_size=1)
    return st.tuples(*pieces, extras).map(lambda groups: [unit for group in groups for unit in group])


def argv_for(name: str) -> st.SearchStrategy[list[str]]:
    command = COMMANDS[name]
    return _units(command).flatmap(
        lambda units: st.permutations(units).map(lambda order: [name] + [a for unit in order for a in unit])
    )


# ── the properties ───────────────────────────────────────────────────────────


CHECKED = [0]  # argv vectors run, for the curious: generated examples, not counting shrinking


def check(argv: list[str]) -> None:
    CHECKED[0] += 1
    result = RUNNER.invoke(app, argv, env=ENV)
    out, err = result.stdout, result.stderr
    where = f"argv={argv!r}\nstdout={out[-500:]!r}\nstderr={err!r}"
    assert result.exit_code in (0, 1, 2), where
    assert result.exception is None or isinstance(result.exception, SystemExit), where
    assert "Traceback" not in out + err, where
    assert "internal error" not in err, where
    assert not CONTROL.search(out), where
    assert not CONTROL.search(err), where
    if result.exit_code == 0:
        assert err == "", where
    else:
        assert err.count("\n") == 1 and err.startswith("vr2018: "), where
    options = argv[: argv.index("--")] if "--" in argv else argv  # after "--", "--json" is a query word
    wants_help = any(a in ("-h", "--help") for a in options)
    if "--json" in options and out and not wants_help and result.exit_code in (0, 1):
        json.loads(out)


fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_survives_hostile_arguments(name):
    @fuzz
    @given(argv_for(name))
    def run(argv):
        check(argv)

    run()


@fuzz
@given(st.lists(st.one_of(st.sampled_from(sorted(COMMANDS)), hostile_text, st.sampled_from(["--version", "-V",
                                                                                            "--help", "--bogus"])),
                max_size=4))
def test_the_top_level_survives_anything(argv):
    check(argv)


def test_the_tree_is_introspected():
    """The strategies come from the real command tree, not a list kept by hand."""
    assert {"read", "search", "theme", "motions", "refs", "show", "timeline", "people", "cite", "info"} <= set(COMMANDS)
    options = {opt for command in COMMANDS.values() for p in command.params for opt in getattr(p, "opts", ())}
    assert {"--json", "--limit", "-n", "--theme", "-t", "--full", "--format", "-f", "--context", "--kamerstuk"} <= options
