"""The English rendering in the index: where its positions start, and a light English stemmer.

Each paragraph's English (``paragraph.text_en``) is indexed into the same postings
as its Dutch, at positions counted from :data:`EN`: a position ``p >= EN`` is
English token ``p - EN``. Both languages share one vocabulary and one document
frequency, but positions never run across the two texts, so proximity, query
order and quoted phrases are measured within one language, and a word's count
in a paragraph is the larger of its two counts, never their sum (a match in
either language is one match of the paragraph).

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from .index import Index

EN = 1 << 20  # first English position: far beyond any paragraph's Dutch token count


def term_frequency(positions: list[int]) -> int:
    """A word's count in one paragraph: the larger of its Dutch and English counts."""
    if positions[-1] < EN:
        return len(positions)
    dutch = bisect.bisect_left(positions, EN)
    return max(dutch, len(positions) - dutch)


def only_english(positions: list[int]) -> bool:
    """The word stands in the paragraph's English only, not in its Dutch."""
    return positions[0] >= EN


def stem_en(word: str) -> str:
    """A light English stemmer for folded words: plurals, -ing and -ed to one form.

    'weapons' → 'weapon'; 'refugees' → 'refuge'; 'threatened' and 'threatens' →
    'threaten'; 'countries' → 'country'; 'elected' → 'elect'; 'stopping' → 'stop'.
    Numbers and words of up to three letters are left alone. Conservative, like the
    Dutch one: derivations are found by prefix matching instead.
    """
    if len(word) < 4 or not word.isalpha():
        return word
    w = word
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":  # stopping → stopp → stop
                w = w[:-1]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def dutch_only(index: Index) -> Index:
    """The same index without its English positions (for ``--exact``: the letter's own words only)."""
    # The engines only read postings: a read-only mapping stands in for the dict.
    return index.replace(postings=cast("dict[str, dict[int, list[int]]]", DutchPostings(index.postings)))


class DutchPostings(Mapping[str, dict[int, list[int]]]):
    """Postings with the English positions left out, filtered word by word as the
    engine looks words up: a query touches a handful of words, and filtering the
    whole table first cost 0.1 s a query at 100 times the letter (benchmarks/scale.py)."""

    def __init__(self, every: Mapping[str, dict[int, list[int]]]) -> None:
        self._every = every
        self._kept: dict[str, dict[int, list[int]]] = {}

    def __getitem__(self, word: str) -> dict[int, list[int]]:
        kept = self._kept.get(word)
        if kept is None:
            kept = self._kept[word] = {
                doc: [p for p in positions if p < EN] if positions[-1] >= EN else positions
                for doc, positions in self._every[word].items()
                if positions[0] < EN
            }
        if not kept:  # a word of the English rendering only
            raise KeyError(word)
        return kept

    def __contains__(self, word: object) -> bool:  # without building the filtered postings
        docs = self._every.get(word) if isinstance(word, str) else None
        return docs is not None and any(positions[0] < EN for positions in docs.values())

    def __iter__(self) -> Iterator[str]:
        return (word for word in self._every if word in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)
