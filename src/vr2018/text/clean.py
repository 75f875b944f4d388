"""Terminal-safe text: control characters and escape sequences taken out, long values shortened."""

from __future__ import annotations

import re

# What must never reach a terminal: C0 and C1 control characters (tab and
# newline excepted), DEL, zero-width and bidirectional formatting characters
# (U+202E turns text around), line and paragraph separators, the byte-order
# mark, and lone surrogates (undecodable bytes in argv). The one list: clean()
# removes these, JSON output escapes them (vr2018.cli.streams), and the tests hold
# every output to it.
TERMINAL_ACTIVE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)


# Escape sequences, removed whole so their parameters do not linger as text:
# CSI (ESC [ or the 8-bit \x9b) with its parameters, OSC (ESC ] or \x9d: titles,
# hyperlinks) up to BEL or ST, and two-character escapes (ESC 7, ESC c, ...).
_ANSI = re.compile(
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
    if value.isascii() and value.isprintable():
        return value
    return TERMINAL_ACTIVE.sub("", _ANSI.sub("", value))


def shorten(value: str, width: int = 60) -> str:
    """A user's input as a message quotes it: cleaned, on one line, at most ``width`` characters."""
    line = " ".join(clean(value).split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def escape_terminal_active(json_text: str) -> str:
    """JSON text with the characters a terminal acts on (:data:`TERMINAL_ACTIVE`)
    as \\u escapes: the same data, inert."""
    return TERMINAL_ACTIVE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
