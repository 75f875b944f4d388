"""Terminal-safe text: control characters and escape sequences taken out, long values shortened."""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """A regular expression compiled on its first use. Compiling a character class beyond
    Latin-1 costs about a millisecond, and most runs never need one: text that Python calls
    printable holds none of these characters (:func:`inert`)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:  # search, sub, finditer, ... of the compiled pattern
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return getattr(self._compiled, name)


# What must never reach a terminal: C0 and C1 control characters (tab and
# newline excepted), DEL, zero-width and bidirectional formatting characters
# (U+202E turns text around), line and paragraph separators, the byte-order
# mark, and lone surrogates (undecodable bytes in argv). The one list: clean()
# removes these, JSON output escapes them (vr2018.cli.streams), and the tests hold
# every output to it.
TERMINAL_ACTIVE = LazyPattern(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)


# Escape sequences, removed whole so their parameters do not linger as text:
# CSI (ESC [ or the 8-bit \x9b) with its parameters, OSC (ESC ] or \x9d: titles,
# hyperlinks) up to BEL or ST, and two-character escapes (ESC 7, ESC c, ...).
_ANSI = LazyPattern(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)


def clean(value: str) -> str:
    """Text safe for a terminal: escape sequences and control characters removed.

    Tabs and newlines stay; everything else that a terminal would act on
    (colours, cursor moves, window titles, hyperlinks, bells, bidi overrides)
    goes, so neither a query nor a data file can reach the terminal as an escape.
    """
    if inert(value):
        return value
    return str(TERMINAL_ACTIVE.sub("", _ANSI.sub("", value)))


def inert(text: str) -> bool:
    """``text`` holds nothing a terminal acts on, for certain: every character of
    :data:`TERMINAL_ACTIVE` (and the ESC that starts a sequence) is one that Python does not
    call printable, so printable text but for tabs and newlines is inert. (Other unprintable
    text, such as a no-break space, is not necessarily active: :func:`clean` looks closer.)"""
    return text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable()


def shorten(value: str, width: int = 60) -> str:
    """A user's input as a message quotes it: cleaned, on one line, at most ``width`` characters."""
    line = " ".join(clean(value).split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def escape_terminal_active(json_text: str) -> str:
    """JSON text with the characters a terminal acts on (:data:`TERMINAL_ACTIVE`)
    as \\u escapes: the same data, inert."""
    if inert(json_text):
        return json_text
    return str(TERMINAL_ACTIVE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text))
