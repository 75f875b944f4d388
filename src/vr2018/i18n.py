"""The interface language: the words we write (labels, headings, help, messages), in Dutch
when the locale names Dutch and in English otherwise, through :mod:`gettext`.

The locale is read the way gettext reads it: the first of ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES`` and ``LANG`` that is set, ``LANGUAGE`` being a list tried in order. The
catalog is ``locale/nl/LC_MESSAGES/vr2018.mo`` inside the package, compiled from the ``.po``
beside it (``python tools/catalog.py compile``; a test holds the two together).

Source strings are English. ``_("…")`` translates at the moment it is called, so it is
called where text is written (a view, a message, help being formatted), never at import:
the environment decides, even between two runs in one process. ``N_("…")`` marks a string
for the catalog without translating it (option help, kept English until help is formatted).

This module is the interface's language only. The text's language (``--lang``) is
:func:`text_language`'s: the flag, else ``VR2018_LANG``, else the locale's when it names
Dutch or English, else Dutch.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping
    from gettext import NullTranslations

DOMAIN = "vr2018"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")
_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_TRANSLATIONS: dict[str, NullTranslations] = {}


def locale_language(environ: Mapping[str, str] | None = None) -> str | None:
    """ "nl" or "en" when the locale names Dutch or English first, else None (C, POSIX, or
    another language). ``LANGUAGE=de:nl`` names Dutch: German is not offered, Dutch is."""
    env = os.environ if environ is None else environ
    for variable in _VARIABLES:
        value = env.get(variable)
        if not value:
            continue
        for item in value.split(":"):
            code = item.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            if code in ("nl", "en"):
                return code
            if code in ("c", "posix"):
                return None
        return None
    return None


def interface_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface's language: "nl" when the locale names Dutch, "en" otherwise."""
    return "nl" if locale_language(environ) == "nl" else "en"


def _translations(language: str) -> NullTranslations:
    found = _TRANSLATIONS.get(language)
    if found is None:
        import gettext

        if language == "en":
            found = gettext.NullTranslations()
        else:
            found = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
        _TRANSLATIONS[language] = found
    return found


def _(message: str) -> str:
    """``message`` (English) in the interface language."""
    language = interface_language()
    return message if language == "en" else _translations(language).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the interface language."""
    language = interface_language()
    if language == "en":
        return singular if n == 1 else plural
    return _translations(language).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802  (gettext's own name for a marker)
    """Mark ``message`` for the catalog; it is translated later, where it is written."""
    return message


def text_language(given: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The text's language: ``given`` (the ``--lang`` flag), else ``VR2018_LANG``, else the
    locale's when it names Dutch or English, else Dutch (the letter's own)."""
    env = os.environ if environ is None else environ
    return given or env.get("VR2018_LANG") or locale_language(env) or "nl"


def use_for_typer() -> None:
    """Point the process's default gettext domain at our catalog, so that the strings Typer
    itself translates ("Options", "Arguments", "[required]") follow the interface language.
    Only the command line calls this: a library import never changes global state."""
    import gettext

    gettext.bindtextdomain(DOMAIN, LOCALE_DIR)
    gettext.textdomain(DOMAIN)
