"""Text folding, tokenising and name matching, shared by every part that compares words.

``fold`` is the one definition of "the same word" in vr2018: case, accents and
diacritics (Curaçao = Curacao, Haïti = Haiti), typographic quotes and dashes
are folded away. Search, the glossary, highlighting, theme and person lookup
all go through it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = dict.fromkeys(map(ord, "‘’‚‛′"), "'") | dict.fromkeys(map(ord, "“”„‟″"), '"')
_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, with plain dashes and quotes: 'Curaçao' → 'curacao'."""
    text = text.translate(_DASHES).translate(_QUOTES)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Folded words; hyphens, slashes and punctuation separate them ('Noord-Korea' → noord, korea)."""
    return _WORD.findall(fold(text))


def key(text: str) -> str:
    """A compact matching key for names: folded, with spaces and hyphens removed."""
    return "".join(words(text))


def suggest(query: str, candidates: Iterable[str], limit: int = 3, cutoff: float = 70.0) -> list[str]:
    """The candidates closest to ``query`` (folded comparison), best first, for "did you mean"."""
    from rapidfuzz import fuzz, process

    pool = list(dict.fromkeys(candidates))
    if not pool or not key(query):
        return []
    keyed = [key(c) for c in pool]
    found = process.extract(key(query), keyed, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
    return [pool[index] for _, _, index in found]


def resolve(query: str, names: dict[str, str]) -> tuple[str | None, list[str]]:
    """Find an id by any of its names: exact (folded), then an unambiguous prefix.

    ``names`` maps every accepted name (id, title, alias) to an id. Returns the
    id, or None and the closest names to suggest.
    """
    wanted = key(query)
    if not wanted:
        return None, []
    keyed: dict[str, set[str]] = {}
    for name, target in names.items():
        keyed.setdefault(key(name), set()).add(target)
    exact = keyed.get(wanted)
    if exact and len(exact) == 1:
        return next(iter(exact)), []
    prefixed = {t for k, targets in keyed.items() if k.startswith(wanted) for t in targets}
    if len(prefixed) == 1:
        return next(iter(prefixed)), []
    if prefixed:  # ambiguous: show what it could be
        return None, sorted(n for n, t in names.items() if t in prefixed and key(n).startswith(wanted))[:5]
    return None, suggest(query, names)


def near(word: str, candidates: Iterable[str]) -> bool:
    """True if the folded ``word`` is in, or within a typo of, one of the candidate words.

    A candidate matches when it contains the word ('embargo' finds
    'wapenembargo', 'hul' finds 'hul'); for a word of four letters or more,
    when the whole candidate is within one edit of it (two edits from six
    letters on: 'Kuzo' finds 'Kuzu', 'Rohinga' finds 'Rohingya'); and for a
    word of five letters or more, when a stretch of a longer candidate is
    within one edit ('embarg0' finds 'wapenembargo'). rapidfuzz is only
    imported when no candidate contains the word.
    """
    wanted = key(word)
    if not wanted:
        return False
    pool = [key(c) for c in candidates]
    if any(wanted in c for c in pool):
        return True
    if len(wanted) < 4:
        return False
    from rapidfuzz.distance import Levenshtein

    whole = 1 if len(wanted) <= 5 else 2
    for cand in pool:
        if Levenshtein.distance(wanted, cand, score_cutoff=whole) <= whole:
            return True
        if len(wanted) >= 5 and len(cand) > len(wanted) + 1:
            for size in (len(wanted) - 1, len(wanted), len(wanted) + 1):
                for start in range(len(cand) - size + 1):
                    if Levenshtein.distance(wanted, cand[start : start + size], score_cutoff=1) <= 1:
                        return True
    return False
