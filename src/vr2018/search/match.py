"""Matching one query word against the index's vocabulary: exactly, by stem, as part of a
compound, or by a typo (RapidFuzz, imported only when a typo is looked for).

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..text import STOPWORDS, stem
from .english import stem_en
from .index import NEGATIONS

if TYPE_CHECKING:
    from .index import Index

# How much a match of each kind is worth, relative to the exact word.
WEIGHT = {
    "exact": 1.0,
    "stem": 0.9,  # sancties ↔ sanctie
    "prefix": 0.7,  # the query starts a compound: sanctie → sanctiecomite
    "suffix": 0.7,  # the query is a compound's head: embargo → wapenembargo
    "infix": 0.5,  # honger → uithongering
    "part": 0.45,  # a vocabulary word is part of the query: klimaatbeleid → klimaat
    "fuzzy1": 0.6,  # one edit: rohinga → rohingya
    "fuzzy2": 0.4,  # two edits, only in words of eight letters or more
}
MIN_AFFIX = 4  # shortest query word matched as the start or head of a compound
MIN_INFIX = 5
MAX_ENGLISH_ENDING = 4  # threat → threatens, prevent → prevention; longer is another word
MAX_AFFIXES = 40  # compounds one query word may stand for, at most


def expand(
    index: Index, word: str, typos: bool = True, affixes: bool = True, acronyms: bool = True, stems: bool = True
) -> dict[str, tuple[float, str]]:
    """The vocabulary words ``word`` may stand for: {vocabulary word: (weight, kind)}.

    With ``typos``, and only when nothing matches exactly or by stem, words
    within a few edits are added too. Without ``affixes``, only the word itself
    and its inflections match, never a compound it starts, ends or is part of;
    without ``stems`` not even its inflections. Without ``acronyms``, no word the
    text writes only in capitals (TRIP, ICC) matches: "trip" is not "TRIP".
    """
    found: dict[str, tuple[float, str]] = {}
    english = word in index.english_only  # an English word is not the start of a Dutch compound: human ↛ humanitair

    def add(candidate: str, kind: str) -> None:
        if candidate in STOPWORDS and candidate != word:  # war ↛ waar: a stop word only stands for itself
            return
        if (english or candidate in index.english_only) and not _english_variant(word, candidate, kind):
            return
        if not acronyms and candidate in index.acronyms:
            return
        weight = WEIGHT[kind]
        if candidate not in found or found[candidate][0] < weight:
            found[candidate] = (weight, kind)

    if word in index.postings:
        add(word, "exact")
    if word.isdigit() or word in STOPWORDS or not stems:  # numbers and stop words: exactly or not at all
        return found
    root = stem(word)
    for candidate in index.stems.get(root, ()):
        add(candidate, "stem")
    for candidate in index.stems_en.get(stem_en(word), ()):  # weapons ↔ weapon, threatened ↔ threatens
        add(candidate, "stem")
    if not affixes:
        return found
    compounds: dict[str, str] = {}
    for needle in dict.fromkeys((word, root)):
        if len(needle) >= MIN_AFFIX:
            for candidate, kind in _affixes(index, needle):
                if candidate not in compounds or WEIGHT[kind] > WEIGHT[compounds[candidate]]:
                    compounds[candidate] = kind
    if len(compounds) > MAX_AFFIXES:  # a short, common start: keep the closest, most used words
        keep = sorted(compounds, key=lambda c: (len(c), -len(index.postings[c])))[:MAX_AFFIXES]
        compounds = {c: compounds[c] for c in keep}
    for candidate, kind in compounds.items():
        add(candidate, kind)
    # Vocabulary words inside the query word: klimaatbeleid → klimaat, beleid;
    # mensenhandelaar → mensenhandel.
    for cut in range(MIN_AFFIX, len(word) - 1):
        if word[:cut] in index.postings and word[:cut] not in index.linked:
            add(word[:cut], "part")
    for cut in range(2, len(word) - MIN_INFIX + 1):
        if word[:cut] in NEGATIONS:  # "nietpermanente" is not "permanente"
            continue
        if word[cut:] in index.postings and word[cut:] not in index.linked:
            add(word[cut:], "part")
    if typos and not any(kind in ("exact", "stem") for _, kind in found.values()):
        for candidate, distance in fuzzy(index, word):
            add(candidate, "fuzzy1" if distance <= 1 else "fuzzy2")
    return found


def _english_variant(word: str, candidate: str, kind: str) -> bool:
    """English does not write compounds as one word: an English word matches as itself, an
    inflection or a typo, or as a derivation with a short ending (threat → threatens), never as
    the head or middle of a longer word (city ↛ scarcity, human ↛ humanitarian)."""
    if kind == "prefix":
        return len(candidate) - len(word) <= MAX_ENGLISH_ENDING
    return kind not in ("suffix", "infix", "part")


def _affixes(index: Index, needle: str) -> Iterable[tuple[str, str]]:
    """Vocabulary words that start with, end with or contain ``needle`` (one C-speed scan)."""
    blob, starts, vocabulary = index.blob, index.starts, index.vocabulary
    at = blob.find(needle)
    budget = 8 * MAX_AFFIXES  # enough to choose the closest from; a huge vocabulary is not walked
    while at != -1 and budget:
        budget -= 1
        i = bisect.bisect_right(starts, at) - 1
        candidate = vocabulary[i]
        if candidate != needle:
            begin = starts[i]
            if at == begin:
                yield candidate, "prefix"
            elif at + len(needle) == begin + len(candidate):
                yield candidate, "suffix"
            elif len(needle) >= MIN_INFIX:
                yield candidate, "infix"
        at = blob.find(needle, at + 1)


def max_edits(word: str) -> int:
    """Typos forgiven in a word: none up to four letters, one up to seven, two beyond."""
    if len(word) < 5 or word.isdigit():
        return 0
    return 1 if len(word) <= 7 else 2


def fuzzy(index: Index, word: str, pool: Iterable[str] | None = None) -> list[tuple[str, int]]:
    """Vocabulary words within :func:`max_edits` of ``word`` (RapidFuzz, imported only here)."""
    limit = max_edits(word)
    if not limit:
        return []
    if pool is None:
        pool = []
        for n in range(len(word) - limit, len(word) + limit + 1):
            pool += index.by_length.get(n, ())
    candidates = pool if isinstance(pool, list) else list(pool)
    if not candidates:
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import OSA  # transpositions count as one edit

    found = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=limit, limit=8)
    return [(candidate, int(distance)) for candidate, distance, _ in found]
