"""The inverted index: every folded word of every paragraph, where it stands, and the vocabulary
sorted, by length and by stem so that look-ups run in C.

Pure functions and data: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, cast

from vr2018.corpus.record import Record
from vr2018.search.english import EN_OFFSET
from vr2018.text.dutch import stem
from vr2018.text.english import stem_en
from vr2018.text.fold import compounds, fold, tokens, words

if TYPE_CHECKING:
    from typing import TypedDict

    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Paragraph, Reference
    from vr2018.text.fold import Token

    class _Vocabulary(TypedDict):  # the fields of Index that _vocabulary builds
        vocabulary: list[str]
        blob: str
        starts: list[int]
        by_length: dict[int, list[str]]
        stems: dict[str, list[str]]
        stems_en: dict[str, list[str]]


# BM25 parameters (the usual defaults).
K1 = 1.2


B = 0.75


# A glossary value marked as knowledge from outside the letter (a name, a number the
# letter does not give): found, but labelled "outside" so a view can say so.
OUTSIDE_MARK = "outside:"


# Negating prefixes kept with their word: "niet-permanente" is not "permanente".
NEGATIONS = ("niet", "non")


_NEGATED = re.compile(rf"\b({'|'.join(NEGATIONS)})-(?=[a-z])")


# The kind of a citation known only from outside the letter (a UN symbol it does not print).
OUTSIDE_CITATION = "outside-resolutie"


_SYMBOL = re.compile(r"S/RES/([0-9]+) \(([0-9]{4})\)")


_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


class Index(Record):
    """An inverted index over a sequence of paragraphs (any, not only the letter's)."""

    paragraphs: tuple[Paragraph, ...]
    postings: dict[str, dict[int, list[int]]]  # word → {paragraph number: positions}
    norms: list[float]  # BM25's length normalisation per paragraph
    starts_at: list[array[int]]  # per paragraph: where each token starts in its text
    ends_at: list[array[int]]  # … and where it ends
    starts_en: list[array[int]]  # the same for its English (positions from EN_OFFSET: english.py)
    ends_en: list[array[int]]
    sentence_ends: list[array[int]]  # per paragraph: where each sentence ends (vr2018.letter.sentences), in its text
    sentence_ends_en: list[array[int]]  # … and in its English
    vocabulary: list[str]  # sorted
    blob: str  # "\n" + "\n".join(vocabulary) + "\n"
    starts: list[int]  # where each vocabulary word starts in blob
    by_length: dict[int, list[str]]
    stems: dict[str, list[str]]  # stem → vocabulary words
    stems_en: dict[str, list[str]]  # English stem → words of the English rendering
    english_only: frozenset[str]  # words of the English rendering that the Dutch does not use
    surface: dict[str, str]  # folded word → first spelling in the text
    linked: frozenset[str]  # words found only inside links (URLs): matched exactly, never expanded
    glossary: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]  # key words → value word tuples
    glossary_stems: dict[tuple[str, ...], tuple[str, ...]]  # stemmed key → key
    glossary_longest: int
    acronyms: frozenset[str] = frozenset()  # words the text writes only in capitals (TRIP, ICC)
    names: frozenset[str] = frozenset()  # words written with a capital wherever a sentence does not start
    # with them (Maarten, Kameroen, Rohingya): matched as written or by typo, never inflected
    outside: frozenset[tuple[tuple[str, ...], tuple[str, ...]]] = frozenset()  # (key, value) from outside
    cited: tuple[tuple[tuple[str, str | None, str | None, str | None, int | None, str], ...], ...] = ()
    # per paragraph: (kind, dossier, number, chapter, year, as_written) of each reference it cites

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"Index({len(self.paragraphs)} paragraphs, {len(self.vocabulary)} words)"

    def consistent(self) -> bool:
        """Whether the parts that engines index by agree, as :func:`build_index` makes them:
        one entry per paragraph in every per-paragraph list, a start for every end, postings
        only of paragraphs there are, and the vocabulary laid out in ``blob`` with a start
        for each word. A copy restored from the cache is used only then. These are the cheap
        checks, in C; a fault they do not look for (a position past its paragraph's words, a
        word without a spelling) makes the command fail, and then the cache file is removed
        (:func:`vr2018.corpus.cache.forget_used`), so the next run builds the index again."""
        count = len(self.paragraphs)
        per_paragraph = (self.norms, self.starts_at, self.ends_at, self.starts_en, self.ends_en, self.cited)
        if any(len(column) != count for column in (*per_paragraph, self.sentence_ends, self.sentence_ends_en)):
            return False
        if list(map(len, self.starts_at)) != list(map(len, self.ends_at)):
            return False
        if list(map(len, self.starts_en)) != list(map(len, self.ends_en)):
            return False
        if max(set().union(*self.postings.values()), default=-1) >= count:  # the paragraph numbers
            return False
        vocabulary = self.vocabulary
        return len(self.starts) == len(vocabulary) and self.blob == "\n" + "\n".join(vocabulary) + "\n"


def build_index(
    paragraphs: Sequence[Paragraph],
    glossary: Mapping[str, Sequence[str]] | None = None,
    references: Mapping[str, Reference] | None = None,
) -> Index:
    """Index ``paragraphs`` (in order, Dutch ``text`` and English ``text_en``) with ``glossary``
    (user's words → the text's words) and ``references`` (id → Reference: what each paragraph's
    ``references`` cite)."""
    from vr2018.letter.sentences import sentences  # only when building: a cached index has them

    words_of = _Words()
    lengths: list[int] = []
    starts_at: list[array[int]] = []
    ends_at: list[array[int]] = []
    starts_en: list[array[int]] = []
    ends_en: list[array[int]] = []
    for n, paragraph in enumerate(paragraphs):  # the Dutch first: its spellings are the ones shown
        found = words_of.add(n, paragraph.text, 0)
        lengths.append(len(found))
        starts_at.append(array("I", [t.start for t in found]))
        ends_at.append(array("I", [t.end for t in found]))
    for n, paragraph in enumerate(paragraphs):
        found = words_of.add(n, getattr(paragraph, "text_en", None) or "", EN_OFFSET)
        starts_en.append(array("I", [t.start for t in found]))
        ends_en.append(array("I", [t.end for t in found]))
    postings = words_of.postings
    # A word seen only inside links ("veiligheidsraad2018", "magazines") is found when
    # typed, but is not a word of the letter: no compound, stem, typo or suggestion
    # leads to it, so "veiligheid" does not match the link's path.
    linked = frozenset(words_of.in_links - words_of.surface.keys())
    vocabulary = sorted(w for w in postings if w not in linked)
    entries, outside = _glossary(glossary or {}, postings)
    avgdl = (sum(lengths) / len(lengths)) if sum(lengths) else 1.0  # not 0 when no paragraph has a word
    return Index(
        paragraphs=tuple(paragraphs),
        postings=postings,
        norms=[K1 * (1 - B + B * length / avgdl) for length in lengths],
        starts_at=starts_at,
        ends_at=ends_at,
        starts_en=starts_en,
        ends_en=ends_en,
        sentence_ends=[array("I", [end for _, end in sentences(p.text)]) for p in paragraphs],
        sentence_ends_en=[
            array("I", [end for _, end in sentences(getattr(p, "text_en", None) or "")]) for p in paragraphs
        ],
        **_vocabulary(vocabulary, words_of.english),
        surface=words_of.surface,
        linked=linked,
        english_only=frozenset(words_of.english - words_of.dutch),
        glossary={k: tuple(v) for k, v in entries.items()},
        glossary_stems={tuple(stem(w) for w in key): key for key in entries},
        glossary_longest=max((len(k) for k in entries), default=1),
        acronyms=frozenset(w for w, shouted in words_of.capitals.items() if shouted and w.isalpha()),
        names=frozenset(w for w, capital in words_of.named.items() if capital),
        outside=frozenset(outside),
        cited=_cited(paragraphs, references or {}),
    )


class _Words:
    """The postings being built, with each word's first spelling, capitals and link-only words."""

    def __init__(self) -> None:
        self.postings: dict[str, dict[int, list[int]]] = {}
        self.surface: dict[str, str] = {}  # folded word → first spelling in the text
        self.in_links: set[str] = set()
        self.capitals: dict[str, bool] = {}  # folded word → every occurrence written in capitals
        self.named: dict[str, bool] = {}  # folded word → every occurrence inside a sentence has a capital
        self.english: set[str] = set()  # words of the English rendering
        self.dutch: set[str] = set()  # … and of the letter

    def add(self, n: int, text: str, base: int) -> list[Token]:
        """Post paragraph ``n``'s ``text`` at positions from ``base``; its tokens."""
        postings, surface = self.postings, self.surface
        found = tokens(text)
        links = [m.span() for m in _LINK.finditer(text)] if "/" in text else []
        for position, token in enumerate(found, base):
            postings.setdefault(token.word, {}).setdefault(n, []).append(position)
            if links and any(a <= token.start < b for a, b in links):
                self.in_links.add(token.word)
                continue
            written = text[token.start : token.end]
            shouted = len(written) > 1 and written.isalpha() and written.isupper()
            self.capitals[token.word] = self.capitals.get(token.word, True) and shouted
            if not written[:1].isupper():  # written small: not a name (where it is, is of no matter)
                self.named[token.word] = False
            elif not _starts_sentence(text, token.start):  # a capital inside a sentence
                self.named.setdefault(token.word, True)
            surface.setdefault(token.word, written)
            (self.english if base else self.dutch).add(token.word)
        # Compounds share their first part's position; they are extra entries, not extra length.
        # A link's slashes join path segments, not words: no compounds inside a link.
        positions = {t.start: i for i, t in enumerate(found, base)}
        for token in compounds(text, found):
            if links and any(a <= token.start < b or a < token.end <= b for a, b in links):
                continue
            postings.setdefault(token.word, {}).setdefault(n, []).append(positions[token.start])
            surface.setdefault(token.word, text[token.start : token.end])
        return found


def _starts_sentence(text: str, start: int) -> bool:
    """The word at ``start`` opens the text, a sentence, or a quoted or bracketed phrase
    (looking back a few characters only: building the index stays linear in the text)."""
    window = text[max(0, start - _LOOK_BACK) : start]
    before = window.rstrip(" \t\n\"'‘“(")
    if not before:
        return len(window) == start  # only space and quotes since the text began
    return before[-1] in ".!?:;•"


_LOOK_BACK = 8


def _vocabulary(vocabulary: list[str], english: set[str]) -> _Vocabulary:
    """The sorted vocabulary as one blob (C-speed affix look-ups), by length and by stem."""
    blob_parts = ["\n"]
    starts = []
    offset = 1
    for word in vocabulary:
        starts.append(offset)
        blob_parts.append(word + "\n")
        offset += len(word) + 1
    by_length: dict[int, list[str]] = {}
    stems: dict[str, list[str]] = {}
    stems_en: dict[str, list[str]] = {}
    for word in vocabulary:
        if not word.isdigit():  # numbers are never typo-matched
            by_length.setdefault(len(word), []).append(word)
        stems.setdefault(stem(word), []).append(word)
        if word in english:
            stems_en.setdefault(stem_en(word), []).append(word)
    return {
        "vocabulary": vocabulary,
        "blob": "".join(blob_parts),
        "starts": starts,
        "by_length": by_length,
        "stems": stems,
        "stems_en": stems_en,
    }


def _glossary(
    glossary: Mapping[str, Sequence[str]], postings: Mapping[str, object]
) -> tuple[dict[tuple[str, ...], list[tuple[str, ...]]], set[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """The glossary as word tuples: {key: values}, and the (key, value) pairs marked outside the letter."""
    entries: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    outside: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    for key, values in glossary.items():
        key_words = tuple(query_words(key))
        if not key_words:
            continue
        bucket = entries.setdefault(key_words, [])
        for value in values:
            marked = value.startswith(OUTSIDE_MARK)
            value_words = tuple(words(value[len(OUTSIDE_MARK) :] if marked else value))
            joined = "".join(value_words)
            if len(value_words) > 1 and joined in postings:  # "Noord-Korea" → noordkorea
                value_words = (joined,)
            if value_words and value_words not in bucket:
                bucket.append(value_words)
            if value_words and marked:
                outside.add((key_words, value_words))
    return entries, outside


def _cited(
    paragraphs: Sequence[Paragraph], references: Mapping[str, Reference]
) -> tuple[tuple[tuple[str, str | None, str | None, str | None, int | None, str], ...], ...]:
    out = []
    for paragraph in paragraphs:
        refs = [references[r] for r in paragraph.references if r in references]
        cited = [(r.kind, r.dossier, r.number, r.chapter, r.year, r.as_written) for r in refs]
        # A UN symbol the letter does not print ("S/RES/2417 (2018)" for the resolution on
        # Conflict and Hunger) finds the paragraph too, as a bridge from outside the letter.
        for r in refs:
            symbol = _SYMBOL.fullmatch(r.symbol or "")
            if symbol and (symbol.group(1) != r.number or int(symbol.group(2)) != r.year):
                cited.append((OUTSIDE_CITATION, None, symbol.group(1), None, int(symbol.group(2)), r.as_written))
        out.append(tuple(cited))
    return tuple(out)


def query_words(text: str) -> list[str]:
    """Folded words of a query or glossary key, with a negating prefix kept on its word:
    'niet-permanente leden' → nietpermanente, leden (never "permanente")."""
    return words(_NEGATED.sub(lambda m: m.group(1), fold(text)))


def index_for(corpus: Corpus) -> Index:
    """The corpus's index, built on first use and kept with the corpus."""
    return corpus.derived(
        "search-index", lambda c: build_index(c.paragraphs, c.glossary, {r.id: r for r in c.references}), Index
    )


def dutch_only(index: Index) -> Index:
    """The same index without its English positions (for ``--exact``: the letter's own words only)."""
    # The engines only read postings: a read-only mapping stands in for the dict.
    return index.replace(postings=cast("dict[str, dict[int, list[int]]]", DutchPostings(index.postings)))


class DutchPostings(Mapping[str, dict[int, list[int]]]):
    """Postings with the English positions left out, filtered word by word as the
    engine looks words up: a query touches a handful of words, and filtering the
    whole table first made every query slow at 100 times the letter (benchmarks/scale.py)."""

    def __init__(self, every: Mapping[str, dict[int, list[int]]]) -> None:
        self._every = every
        self._kept: dict[str, dict[int, list[int]]] = {}

    def __getitem__(self, word: str) -> dict[int, list[int]]:
        kept = self._kept.get(word)
        if kept is None:
            kept = self._kept[word] = {
                doc: [p for p in positions if p < EN_OFFSET] if positions[-1] >= EN_OFFSET else positions
                for doc, positions in self._every[word].items()
                if positions[0] < EN_OFFSET
            }
        if not kept:  # a word of the English rendering only
            raise KeyError(word)
        return kept

    def __contains__(self, word: object) -> bool:  # without building the filtered postings
        docs = self._every.get(word) if isinstance(word, str) else None
        return docs is not None and any(positions[0] < EN_OFFSET for positions in docs.values())

    def __iter__(self) -> Iterator[str]:
        return (word for word in self._every if word in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)
