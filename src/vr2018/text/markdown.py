"""Markdown escaping: text whose CommonMark (and GitHub) rendering is the text itself.

One definition for everything vr2018 writes as Markdown: the export
(:mod:`vr2018.export.md`) and the Markdown citation (:mod:`vr2018.letter.citation_words`).
"""

from __future__ import annotations

import re

# Characters that mean something (CommonMark, GitHub's extensions) anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~$#])")


# ':smile:' is an emoji on GitHub.
_EMOJI = re.compile(r":(?=[a-z0-9_+-]+:)", re.IGNORECASE)


# What starts a block at the beginning of a line: quote, list, rule, setext underline.
_BLOCK_START = re.compile(r"^([>+=-])|^(\d{1,9})([.)])")


def escape(text: str, line_start: bool = True) -> str:
    """Text whose CommonMark rendering is ``text`` itself (one line; spaces kept).
    ``line_start``: the text may begin a line (or a list item), where '- ' or '1. ' would start a block."""
    out = _EMOJI.sub(r"\\:", _INLINE.sub(r"\\\1", text))
    if not line_start:
        return out
    return _BLOCK_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", out)
