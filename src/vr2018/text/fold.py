"""Folding and tokens: how the letter's text and a user's words are made comparable
(case, accents, dashes and quotes), split into words and compounds."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")


_QUOTES = dict.fromkeys(map(ord, "‘’‚‛′"), "'") | dict.fromkeys(map(ord, "“”„‟″"), '"')


_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, with plain dashes and quotes: 'Curaçao' → 'curacao'."""
    if text.isascii():  # nothing to translate or decompose
        return text.lower()
    text = text.translate(_DASHES).translate(_QUOTES)
    # Decompose before and after case-folding: compatibility forms such as
    # '𝕊' only become a cased letter once decomposed.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Folded words; hyphens, slashes and punctuation separate them ('Noord-Korea' → noord, korea)."""
    return _WORD.findall(fold(text))


def name_key(text: str) -> str:
    """A compact matching key for names: folded, with spaces and hyphens removed."""
    return "".join(words(text))


class Token(NamedTuple):
    """A folded word and where it stands in the original text (``text[start:end]``)."""

    word: str
    start: int
    end: int


_CHUNK = re.compile(r"\S+")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


_JOINERS = frozenset("-/")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def tokens(text: str) -> list[Token]:
    """The words of ``text`` as :func:`words` finds them, each with its span in ``text``.

    ``[t.word for t in tokens(s)] == words(s)`` for any ``s``; the spans point
    into the original, unfolded text, so a match can be highlighted there.
    """
    if text.isascii():
        return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text.lower())]
    special = {c: _fold_char(c) for c in set(_NON_ASCII.findall(text))}
    if all(len(f) == 1 for f in special.values()):  # the usual case: one character folds to one
        folded = _NON_ASCII.sub(lambda m: special[m.group()], text).lower()
        return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]
    out: list[Token] = []
    for chunk in _CHUNK.finditer(text):  # 'ß' → 'ss', a bare accent → '': map offsets back
        piece, base = chunk.group(), chunk.start()
        folded_chars: list[str] = []
        origin: list[int] = []  # folded character i comes from piece[origin[i]]
        for i, char in enumerate(piece):
            f = _fold_char(char)
            folded_chars.append(f)
            origin.extend([i] * len(f))
        for m in _WORD.finditer("".join(folded_chars)):
            start, end = origin[m.start()], origin[m.end() - 1] + 1
            while end < len(piece) and not folded_chars[end]:  # trailing combining accents
                end += 1
            out.append(Token(m.group(), base + start, base + end))
    return out


def compounds(text: str, found: list[Token] | None = None) -> list[Token]:
    """Words joined by a hyphen or slash, run together: 'Noord-Korea' → 'noordkorea'.

    A user who types "noordkorea" or "sanctieontduiking" finds the hyphenated
    form; the span covers both parts.
    """
    found = tokens(text) if found is None else found
    out = []
    for left, right in zip(found, found[1:], strict=False):
        if right.start - left.end == 1 and text[left.end] in _JOINERS:
            out.append(Token(left.word + right.word, left.start, right.end))
    return out
