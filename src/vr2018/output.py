"""Where output goes, without Rich: JSON on stdout, one-line messages on stderr,
and streams that never die on a terminal that cannot show the letter's characters.

Rich views go through :mod:`vr2018.terminal`; this module never imports Rich,
so `--version`, `--help` and `--json` stay cheap.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from .errors import ExitStatus

PROG = "vr2018"

_ASCII_FALLBACK = {
    "‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‐": "-", "‑": "-",
    "…": "...", "¶": "#", "›": ">", "‹": "<", "•": "*", "─": "-", "│": "|", "×": "x", "≥": ">=", "≤": "<=",
    "·": "|", "ß": "ss", "‒": "-", "―": "-", "−": "-", "‚": ",", "‛": "'", "‟": '"', "′": "'", "″": '"',
    "→": "->", "←": "<-", "↔": "<->",
}


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: 'Italië' → 'Italie', '…' → '...', anything else → '?'."""
    import unicodedata

    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        out.append(base or _ASCII_FALLBACK.get(char, "?"))
    return "".join(out), error.end


def prepare_streams() -> None:
    """Never die on a terminal that cannot show the letter's characters:
    where stdout or stderr cannot encode Unicode, transliterate instead."""
    import codecs

    codecs.register_error("vr2018.transliterate", _transliterate)
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding.startswith("utf"):
            continue
        try:
            stream.reconfigure(errors="vr2018.transliterate")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass


def message(text: str) -> None:
    """One line on stderr, prefixed with the program's name, control characters removed."""
    from .text import clean

    line = " ".join(clean(text).split())
    _write(sys.stderr, f"{PROG}: {line}\n")


def _write(stream: Any, text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


def emit_json(value: Any) -> ExitStatus:
    """JSON on stdout and nothing else; ASCII-escaped where stdout cannot encode UTF-8.
    Returns the status of a command that printed what was asked for."""
    import json

    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    ascii_only = encoding not in ("utf8", "utf16", "utf32")
    text = json.dumps(value, ensure_ascii=ascii_only, indent=2)
    # json escapes C0 controls but not DEL, C1 controls (\x9b is an 8-bit CSI) or
    # bidi and zero-width characters: escape them too, so the JSON still holds
    # the data exactly but no terminal acts on it.
    _write(sys.stdout, _TERMINAL_ACTIVE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
    return ExitStatus.OK


_TERMINAL_ACTIVE = re.compile("[\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
