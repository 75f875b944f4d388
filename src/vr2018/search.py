"""Search the letter: an inverted index over folded words and a forgiving query.

Pure functions and data: no I/O, no Rich, no Typer.

How a query is answered
-----------------------
1. The index (built once per corpus, :func:`index_for`) maps every folded word
   of every paragraph, and every hyphen/slash compound run together
   ("Noord-Korea" → ``noordkorea``), to the paragraphs and positions where it
   stands. Its vocabulary is kept sorted, by length, by stem, and as one
   newline-joined string so that prefix, suffix and infix look-ups run in C.
2. The query is folded and tokenised with the same :mod:`vr2018.text`
   functions. Quoted parts are phrases that must appear. Runs of words that are
   a glossary key ("water scarcity", "security council") become one *concept*
   whose alternatives are the letter's words for it; every other word is a
   concept of its own. Stop words are dropped unless they are all there is,
   from the query and from every glossary phrase alike.
3. Each word is matched against the **vocabulary**, never against the text:
   exactly, by stem (sancties ↔ sanctie), as the start, head or middle of a
   compound (sanctie → sanctiecomité, embargo → wapenembargo, honger →
   uithongering), as a compound of vocabulary words, and, only when nothing
   matches exactly or by stem, by RapidFuzz edit distance (1 edit up to seven
   letters, 2 beyond) against words of about the same length. Each kind of
   match has a weight below 1 so exact words rank first.
4. Paragraphs are scored with BM25 per concept (best alternative, best
   variant; one idf per query word over all its variants, as for synonyms),
   multiplied by the share of concepts they match, plus a proximity bonus
   when the concepts stand close together, a phrase bonus when they stand
   side by side in the query's order, and a small bonus when every match is
   exact.

Cost grows with the vocabulary and with the postings of the words matched,
not with the length of the text.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from array import array
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from . import kamerstuk
from .model import Record
from .sentences import sentences as sentence_spans
from .text import STOPWORDS, compounds, fold, stem, suggest, tokens, words

if TYPE_CHECKING:
    from .corpus import Corpus
    from .errors import NotFound
    from .model import Paragraph, Reference

# BM25 parameters (the usual defaults).
K1 = 1.2
B = 0.75

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
GLOSSARY_WEIGHT = 0.9  # the letter's words for a glossary key (an English word, a variant)
LITERAL_WEIGHT = 1.0  # the words of a glossary key themselves
PROXIMITY_BONUS = 0.5
PHRASE_BONUS = 0.3  # the query's words side by side in the query's order
EXACT_BONUS = 0.1
MIN_AFFIX = 4  # shortest query word matched as the start or head of a compound
MIN_INFIX = 5
MAX_AFFIXES = 40  # compounds one query word may stand for, at most
POSITION_BONUS = 0.25  # a term in the paragraph's first sentence: the paragraph is about it
CITATION_SCORE = 1.0  # what citing the Kamerstuk or resolution typed adds; such paragraphs rank first

# How a query term was matched, as a hit reports it (``Hit.why``).
HOW = ("exact", "inflection", "compound", "typo", "english", "glossary", "outside")
_HOW_OF_KIND = {
    "exact": "exact", "stem": "inflection", "prefix": "compound", "suffix": "compound", "infix": "compound",
    "part": "compound", "fuzzy1": "typo", "fuzzy2": "typo",
}
# A glossary value marked as knowledge from outside the letter (a name, a number the
# letter does not give): found, but labelled "outside" so a view can say so.
OUTSIDE_MARK = "outside:"
# Negating prefixes kept with their word: "niet-permanente" is not "permanente".
NEGATIONS = ("niet", "non")
_NEGATED = re.compile(r"\b(niet|non)-(?=[a-z])")

_QUOTED = re.compile(r'"([^"]*)"')
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


# The longest query worth answering: the letter's longest paragraph is 1,401
# characters; beyond this, matching work grows with nothing to gain.
MAX_QUERY = 2000


class QueryError(ValueError):
    """The query cannot be searched: nothing to search for, or far too long."""


# ── Results ─────────────────────────────────────────────────────────────────


class Hit(Record):
    """One paragraph that matches, with what matched and where.

    paragraph  the :class:`~vr2018.model.Paragraph`
    score      higher is better; comparable only within one query
    terms      the query's terms that matched, in query order
    matches    the paragraph's words that matched, as written, in reading order
    spans      (start, end) offsets of those words in ``paragraph.text``, sorted, disjoint
    exact      every matched term matched as typed (or inflected), without typo,
               compound or glossary help
    missing    the query's terms (never stop words) this paragraph does not contain
    why        (term, word as the paragraph writes it, how) per match; how is one of :data:`HOW`
    sentence   1-based number of the paragraph's best sentence (most terms matched), 0 if none
    """

    paragraph: Paragraph
    score: float
    terms: tuple[str, ...]
    matches: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    exact: bool
    missing: tuple[str, ...] = ()
    why: tuple[tuple[str, str, str], ...] = ()
    sentence: int = 0


class Results(Record):
    """The answer to one query.

    query        as typed
    terms        the concepts the query was read as (glossary phrases are one term)
    phrases      quoted phrases, folded; every hit contains each of them
    hits         best first, at most ``limit``
    total        paragraphs that matched before the limit
    suggestions  "did you mean": words of the letter close to the query, when nothing matched
                 (none when the query matches outside a filter: the words are right)
    searched     paragraphs a theme or section filter let through; None without a filter
    outside      when nothing matched inside a filter: the paragraphs that match outside it
    absent       the query's terms that match nowhere in the text searched ("not in the letter")
    exact        the query was matched literally (``exact=True``): no typo, stem, compound or glossary
    """

    query: str
    terms: tuple[str, ...]
    phrases: tuple[str, ...]
    hits: tuple[Hit, ...]
    total: int
    suggestions: tuple[str, ...]
    searched: int | None = None
    outside: int = 0
    absent: tuple[str, ...] = ()
    exact: bool = False


# ── The index ───────────────────────────────────────────────────────────────


class Index(Record):
    """An inverted index over a sequence of paragraphs (any, not only the letter's)."""

    paragraphs: tuple[Paragraph, ...]
    postings: dict[str, dict[int, list[int]]]  # word → {paragraph number: positions}
    lengths: list[int]
    norms: list[float]  # BM25's length normalisation per paragraph
    starts_at: list[array]  # per paragraph: where each token starts in its text
    ends_at: list[array]  # … and where it ends
    avgdl: float
    vocabulary: list[str]  # sorted
    blob: str  # "\n" + "\n".join(vocabulary) + "\n"
    starts: list[int]  # where each vocabulary word starts in blob
    by_length: dict[int, list[str]]
    stems: dict[str, list[str]]  # stem → vocabulary words
    surface: dict[str, str]  # folded word → first spelling in the text
    linked: frozenset[str]  # words found only inside links (URLs): matched exactly, never expanded
    glossary: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]  # key words → value word tuples
    glossary_stems: dict[tuple[str, ...], tuple[str, ...]]  # stemmed key → key
    glossary_longest: int
    acronyms: frozenset[str] = frozenset()  # words the text writes only in capitals (TRIP, ICC)
    outside: frozenset[tuple[tuple[str, ...], tuple[str, ...]]] = frozenset()  # (key, value) from outside
    cited: tuple[tuple[tuple[str, str | None, str | None, str | None, int | None, str], ...], ...] = ()
    # per paragraph: (kind, dossier, number, chapter, year, as_written) of each reference it cites
    # A second language (English) will be indexed into the same postings from a
    # per-paragraph field; its words then carry how="english" (see _how).

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"Index({len(self.paragraphs)} paragraphs, {len(self.vocabulary)} words)"

    @property
    def size(self) -> int:
        return len(self.paragraphs)


def build_index(paragraphs: Sequence[Paragraph], glossary: Mapping[str, Sequence[str]] | None = None,
                references: Mapping[str, Reference] | None = None) -> Index:
    """Index ``paragraphs`` (in order) with ``glossary`` (user's words → the text's words) and
    ``references`` (id → Reference: what each paragraph's ``references`` cite)."""
    postings: dict[str, dict[int, list[int]]] = {}
    lengths: list[int] = []
    starts_at: list[array] = []
    ends_at: list[array] = []
    surface: dict[str, str] = {}
    in_links: set[str] = set()
    capitals: dict[str, bool] = {}  # folded word → every occurrence written in capitals
    for n, paragraph in enumerate(paragraphs):
        text = paragraph.text
        found = tokens(text)
        links = [m.span() for m in _LINK.finditer(text)] if "/" in text else []
        lengths.append(len(found))
        starts_at.append(array("I", [t.start for t in found]))
        ends_at.append(array("I", [t.end for t in found]))
        for position, token in enumerate(found):
            postings.setdefault(token.word, {}).setdefault(n, []).append(position)
            if links and any(a <= token.start < b for a, b in links):
                in_links.add(token.word)
            else:
                written = text[token.start:token.end]
                shouted = len(written) > 1 and written.isalpha() and written.isupper()
                capitals[token.word] = capitals.get(token.word, True) and shouted
                if token.word not in surface:
                    surface[token.word] = written
        # Compounds share their first part's position; they are extra entries, not extra length.
        # A link's slashes join path segments, not words: no compounds inside a link.
        positions = {t.start: i for i, t in enumerate(found)}
        for token in compounds(text, found):
            if links and any(a <= token.start < b or a < token.end <= b for a, b in links):
                continue
            postings.setdefault(token.word, {}).setdefault(n, []).append(positions[token.start])
            if token.word not in surface:
                surface[token.word] = text[token.start:token.end]
    # A word seen only inside links ("veiligheidsraad2018", "magazines") is found when
    # typed, but is not a word of the letter: no compound, stem, typo or suggestion
    # leads to it, so "veiligheid" does not match the link's path.
    linked = frozenset(in_links - surface.keys())
    vocabulary = sorted(w for w in postings if w not in linked)
    blob_parts = ["\n"]
    starts = []
    offset = 1
    for word in vocabulary:
        starts.append(offset)
        blob_parts.append(word + "\n")
        offset += len(word) + 1
    by_length: dict[int, list[str]] = {}
    stems: dict[str, list[str]] = {}
    for word in vocabulary:
        if not word.isdigit():  # numbers are never typo-matched
            by_length.setdefault(len(word), []).append(word)
        stems.setdefault(stem(word), []).append(word)
    entries: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    outside: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    for key, values in (glossary or {}).items():
        key_words = tuple(query_words(key))
        if not key_words:
            continue
        bucket = entries.setdefault(key_words, [])
        for value in values:
            marked = value.startswith(OUTSIDE_MARK)
            value_words = tuple(words(value[len(OUTSIDE_MARK):] if marked else value))
            joined = "".join(value_words)
            if len(value_words) > 1 and joined in postings:  # "Noord-Korea" → noordkorea
                value_words = (joined,)
            if value_words and value_words not in bucket:
                bucket.append(value_words)
            if value_words and marked:
                outside.add((key_words, value_words))
    glossary_stems = {tuple(stem(w) for w in key): key for key in entries}
    avgdl = (sum(lengths) / len(lengths)) if lengths else 1.0
    return Index(
        paragraphs=tuple(paragraphs),
        postings=postings,
        lengths=lengths,
        norms=[K1 * (1 - B + B * length / avgdl) for length in lengths],
        starts_at=starts_at,
        ends_at=ends_at,
        avgdl=avgdl,
        vocabulary=vocabulary,
        blob="".join(blob_parts),
        starts=starts,
        by_length=by_length,
        stems=stems,
        surface=surface,
        linked=linked,
        glossary={k: tuple(v) for k, v in entries.items()},
        glossary_stems=glossary_stems,
        glossary_longest=max((len(k) for k in entries), default=1),
        acronyms=frozenset(w for w, shouted in capitals.items() if shouted and w.isalpha()),
        outside=frozenset(outside),
        cited=_cited(paragraphs, references or {}),
    )


def _cited(paragraphs: Sequence[Paragraph], references: Mapping[str, Reference]) -> tuple:
    out = []
    for paragraph in paragraphs:
        refs = [references[r] for r in paragraph.references if r in references]
        out.append(tuple((r.kind, r.dossier, r.number, r.chapter, r.year, r.as_written) for r in refs))
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


# ── Matching one query word against the vocabulary ──────────────────────────


def expand(index: Index, word: str, typos: bool = True, affixes: bool = True, acronyms: bool = True,
           stems: bool = True) -> dict[str, tuple[float, str]]:
    """The vocabulary words ``word`` may stand for: {vocabulary word: (weight, kind)}.

    With ``typos``, and only when nothing matches exactly or by stem, words
    within a few edits are added too. Without ``affixes``, only the word itself
    and its inflections match, never a compound it starts, ends or is part of;
    without ``stems`` not even its inflections. Without ``acronyms``, no word the
    text writes only in capitals (TRIP, ICC) matches: "trip" is not "TRIP".
    """
    found: dict[str, tuple[float, str]] = {}

    def add(candidate: str, kind: str) -> None:
        if candidate in STOPWORDS and candidate != word:  # war ↛ waar: a stop word only stands for itself
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


# ── Reading the query ───────────────────────────────────────────────────────


class Concept(Record):
    """One thing the user asked for, and the ways the text may say it: (query words, weight).

    hows      per alternative: "literal" (the words typed), "glossary" or "outside"
    capitals  the words were typed in capitals (so they may match an acronym: TRIP)
    """

    label: str
    alternatives: tuple[tuple[tuple[str, ...], float], ...]
    hows: tuple[str, ...] = ()
    capitals: bool = False

    def how(self, a: int) -> str:
        return self.hows[a] if a < len(self.hows) else ("literal" if a == 0 else "glossary")


def parse(index: Index, query: str, exact: bool = False) -> tuple[list[Concept], list[tuple[str, ...]]]:
    """The query's concepts and its quoted phrases (as folded word tuples).

    With ``exact``, every word is a concept of its own, and no glossary entry is read.
    """
    if len(query) > MAX_QUERY:
        raise QueryError(
            f"query too long: {len(query)} characters, at most {MAX_QUERY}; search for a few words or one sentence"
        )
    folded = fold(query)
    phrases = [tuple(words(p)) for p in _QUOTED.findall(folded)]
    phrases = [p for p in phrases if p]
    typed = query_words(folded.replace('"', " "))
    if not typed:
        raise QueryError("the query has no letters or digits to search for")
    shouted = _capitals(query)
    concepts: list[Concept] = []
    i = 0
    n = len(typed)
    while i < n:
        acronym = typed[i] in shouted and typed[i] in index.acronyms  # TRIP, typed so: the acronym only
        matched = None if exact or acronym else _glossary_span(index, typed, i)
        if matched:
            j, span, key = matched
            alternatives = {(_content(span), LITERAL_WEIGHT): "literal"}
            for value in index.glossary[key]:
                how = "outside" if (key, value) in index.outside else "glossary"
                alternatives.setdefault((_content(value), GLOSSARY_WEIGHT), how)
            concepts.append(Concept(label=" ".join(span), alternatives=tuple(alternatives),
                                    hows=tuple(alternatives.values()), capitals=all(w in shouted for w in span)))
            i = j
            continue
        word = typed[i]
        concepts.append(Concept(label=word, alternatives=(((word,), LITERAL_WEIGHT),), hows=("literal",),
                                capitals=word in shouted))
        i += 1
    content = [c for c in concepts if not _is_filler(c)]
    return (content or concepts), phrases


def _glossary_span(index: Index, typed: list[str], i: int) -> tuple[int, tuple[str, ...], tuple[str, ...]] | None:
    """The longest run of query words from ``i`` that is a glossary key (as typed or by stem)."""
    for j in range(min(len(typed), i + index.glossary_longest), i, -1):
        span = tuple(typed[i:j])
        key = span if span in index.glossary else index.glossary_stems.get(tuple(stem(w) for w in span))
        if key is not None:
            return j, span, key
    return None


def _capitals(query: str) -> set[str]:
    """The folded words the user typed in capitals (two letters or more): 'TRIP', not 'Trip'."""
    out = set()
    for token in tokens(query):
        written = query[token.start:token.end]
        if len(written) > 1 and written.isupper():
            out.add(token.word)
    return out


def _content(phrase: tuple[str, ...]) -> tuple[str, ...]:
    """A phrase's words without its stop words, unless they are all it has.

    Each word of an alternative is matched on its own, so a stop word left in
    ("nuclear deal" → "nucleaire deal *met* Iran", "trafficking *in* persons")
    would match, and highlight, nearly every paragraph by itself.
    """
    content = tuple(w for w in phrase if w not in STOPWORDS)
    return content or phrase


def _is_filler(concept: Concept) -> bool:
    if len(concept.alternatives) > 1:
        return False
    (only,), _ = concept.alternatives[0]
    return only in STOPWORDS or (len(only) == 1 and not only.isdigit())


def _fuzzy_glossary(index: Index, word: str) -> list[tuple[tuple[str, ...], float, str]]:
    """A misspelt glossary word ('starvaton'): the letter's words for the closest key."""
    singles = [key[0] for key in index.glossary if len(key) == 1 and not key[0].isdigit()]
    out = []
    for key, distance in fuzzy(index, word, pool=singles):
        weight = GLOSSARY_WEIGHT * WEIGHT["fuzzy1" if distance <= 1 else "fuzzy2"]
        out += [(_content(value), weight, "outside" if ((key,), value) in index.outside else "glossary")
                for value in index.glossary[(key,)]]
    return out


# ── Scoring ─────────────────────────────────────────────────────────────────


def search_index(index: Index, query: str, limit: int = 10, allowed: Iterable[int] | None = None,
                 exact: bool = False) -> Results:
    """Rank the index's paragraphs for ``query``; ``allowed`` limits them to those numbers.

    With ``exact``, only the words as typed match (case and accents aside): no typo,
    inflection, compound or glossary, like ``grep -iw``. A query that is a Kamerstuk or
    resolution number in any notation puts the paragraphs citing it first.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    concepts, phrases = parse(index, query, exact=exact)
    allow = set(allowed) if allowed is not None else None
    match = _Matcher(index, exact)
    resolved = concepts if exact else [_with_fuzzy_glossary(index, c, match) for c in concepts]
    per_concept, best_alternative = _score_concepts(index, resolved, match)

    candidates = set().union(*per_concept) if per_concept else set()
    if allow is not None:
        candidates &= allow
    if phrases:
        candidates = {doc for doc in candidates if all(_has_phrase(index, doc, p) for p in phrases)}
    n_concepts = len(resolved)
    base: dict[int, float] = {}
    coverage: dict[int, tuple[int, ...]] = {}
    for doc in candidates:
        matched = tuple(i for i, scores in enumerate(per_concept) if doc in scores)
        coverage[doc] = matched
        base[doc] = sum(per_concept[i][doc] for i in matched) * len(matched) / n_concepts
    cited = _citing(index, query, allow)
    for doc in cited:
        base[doc] = base.get(doc, 0.0) + CITATION_SCORE
        coverage.setdefault(doc, ())

    # Pass 2, for a short-list only: what matched where, proximity, phrase, position and exact
    # bonuses. The bonuses add at most (PROXIMITY + PHRASE + POSITION + EXACT) x the base, so a
    # paragraph outside a generous short-list cannot reach the top ``limit``.
    shortlist = heapq.nlargest(max(4 * limit, 50), base, key=lambda d: (d in cited, base[d], -d))
    ranked = [_rank(index, doc, base[doc], coverage[doc], resolved, per_concept, best_alternative, match)
              for doc in shortlist]
    top = heapq.nlargest(limit, ranked, key=lambda r: (r[1] in cited, r[0], -r[1]))
    hits = tuple(_hit(index, doc, score, resolved, matched, exact_hit, found, cited.get(doc))
                 for score, doc, matched, exact_hit, found in top)
    absent = () if cited else tuple(c.label for c, scores in zip(resolved, per_concept, strict=True) if not scores)
    return Results(
        query=query,
        terms=tuple(c.label for c in resolved),
        phrases=tuple(" ".join(p) for p in phrases),
        hits=hits,
        total=len(base),
        suggestions=() if hits else did_you_mean(index, [c.label for c in concepts]),
        absent=absent,
        exact=exact,
    )


class _Matcher:
    """Each query word's vocabulary variants, computed once per (word, looseness)."""

    def __init__(self, index: Index, exact: bool) -> None:
        self.index = index
        self.exact = exact
        self.cache: dict[tuple[str, bool, bool, bool], dict[str, tuple[float, str]]] = {}

    def __call__(self, concept: Concept, a: int, word: str) -> dict[str, tuple[float, str]]:
        alternative, weight = concept.alternatives[a]
        how = concept.how(a)
        if self.exact:
            typos = affixes = stems = False
        else:
            (typos, affixes), stems = _looseness(concept, alternative, weight), True
        # An acronym of the text (TRIP) answers only to capitals, a glossary value, or a
        # glossary entry that names it for its lower-case spelling ("isis" = ["ISIS"]).
        acronyms = how != "literal" or concept.capitals or (word,) in self.index.glossary.get((word,), ())
        return self.words(word, typos, affixes, acronyms, stems)

    def words(self, word: str, typos: bool = True, affixes: bool = True, acronyms: bool = True,
              stems: bool = True) -> dict[str, tuple[float, str]]:
        key = (word, typos and stems, affixes and stems, acronyms)
        if key not in self.cache:
            self.cache[key] = expand(self.index, word, typos and stems, affixes and stems, acronyms, stems)
        return self.cache[key]


def _with_fuzzy_glossary(index: Index, concept: Concept, match: _Matcher) -> Concept:
    """A concept of one word that matches nothing (or only by typo) may be a misspelt glossary word."""
    if len(concept.alternatives) != 1 or len(concept.alternatives[0][0]) != 1:
        return concept
    found = match(concept, 0, concept.alternatives[0][0][0])
    if found and not all(k.startswith("fuzzy") for _, k in found.values()):
        return concept
    extra = _fuzzy_glossary(index, concept.alternatives[0][0][0])
    return Concept(label=concept.label, alternatives=concept.alternatives + tuple((w, f) for w, f, _ in extra),
                   hows=(concept.how(0), *(h for _, _, h in extra)), capitals=concept.capitals)


def _score_concepts(index: Index, resolved: list[Concept], match: _Matcher
                    ) -> tuple[list[dict[int, float]], list[dict[int, int]]]:
    """Pass 1, floats only: each concept's BM25 score per paragraph (best alternative)."""
    per_concept: list[dict[int, float]] = []
    best_alternative: list[dict[int, int]] = []
    for concept in resolved:
        best: dict[int, float] = {}
        chosen: dict[int, int] = {}
        for a, (alternative, alt_weight) in enumerate(concept.alternatives):
            n_words = len(alternative)
            sums: dict[int, float] = {}
            counts: dict[int, int] = {}
            for word in alternative:
                for doc, value in _word_scores(index, match(concept, a, word)).items():
                    sums[doc] = sums.get(doc, 0.0) + value
                    counts[doc] = counts.get(doc, 0) + 1
            for doc, total in sums.items():
                value = alt_weight * total * counts[doc] / (n_words * n_words)
                if value > best.get(doc, 0.0):
                    best[doc] = value
                    chosen[doc] = a
        per_concept.append(best)
        best_alternative.append(chosen)
    return per_concept, best_alternative


def _rank(index: Index, doc: int, base: float, matched: tuple[int, ...], resolved: list[Concept],
          per_concept: list[dict[int, float]], best_alternative: list[dict[int, int]], match: _Matcher
          ) -> tuple[float, int, tuple[int, ...], bool, dict[int, dict[str, str]]]:
    """A short-listed paragraph's final score, and per matched concept {word here: how}."""
    raw = sum(per_concept[i][doc] for i in matched)
    groups: list[set[str]] = []
    found: dict[int, dict[str, str]] = {}
    exact = bool(matched)
    for i in matched:
        concept = resolved[i]
        a = best_alternative[i][doc]
        here: dict[str, str] = {}
        for word in concept.alternatives[a][0]:
            present = {c: kind for c, (_, kind) in match(concept, a, word).items() if doc in index.postings[c]}
            for c, kind in present.items():
                here.setdefault(c, _how(concept.how(a), kind))
            exact = exact and concept.how(a) == "literal" and any(k in ("exact", "stem") for k in present.values())
        found[i] = here
        groups.append(set(here))
    score = base
    if len(matched) > 1:
        score += PROXIMITY_BONUS * raw * _proximity(index, doc, groups)
        score += PHRASE_BONUS * raw * _in_order(index, doc, groups)
    if matched:
        score += POSITION_BONUS * raw * _early(index, doc, groups)
    if exact:
        score += EXACT_BONUS * raw
    return score, doc, matched, exact, found


def _how(alternative: str, kind: str) -> str:
    """How a word matched, for :data:`HOW`: the glossary's word, or the kind of match of the typed word."""
    return alternative if alternative in ("glossary", "outside", "english") else _HOW_OF_KIND[kind]


def _early(index: Index, doc: int, groups: list[set[str]]) -> float:
    """The share of matched concepts that the paragraph names in its first sentence: what it is about.

    A name mentioned once in passing, late in a paragraph about something else, gets nothing."""
    first = sentence_spans(index.paragraphs[doc].text)
    if not first:
        return 0.0
    end = first[0][1]
    starts = index.starts_at[doc]
    early = sum(1 for g in groups if any(starts[p] < end for w in g for p in index.postings[w][doc]))
    return early / len(groups)


def _citing(index: Index, query: str, allow: set[int] | None) -> dict[int, str]:
    """Paragraphs citing the Kamerstuk or resolution the whole query names: {number: as written}."""
    if not index.cited or len(query) > 80:
        return {}
    wanted = kamerstuk.parse_citation(query)
    out: dict[int, str] = {}
    for doc, refs in enumerate(index.cited):
        if allow is not None and doc not in allow:
            continue
        for kind, dossier, number, chapter, year, as_written in refs:
            if any(kamerstuk.cites(w, kind, dossier, number, chapter, year) for w in wanted):
                out.setdefault(doc, as_written)
    return out


def _looseness(concept: Concept, alternative: tuple[str, ...], weight: float) -> tuple[bool, bool]:
    """How an alternative's words are matched: (typos forgiven, compounds matched).

    A glossary key's own words are not typo-matched: the glossary says what
    they mean. The words of a glossary *phrase* are not matched as parts of
    compounds either: in "human trafficking" (mensenhandel), "human" is not
    the start of "humanitaire".
    """
    if len(concept.alternatives) == 1 or weight != LITERAL_WEIGHT:
        return True, True
    return False, len(alternative) == 1


def _word_scores(index: Index, found: dict[str, tuple[float, str]]) -> dict[int, float]:
    """BM25 of one query word per paragraph: the best of its variants, each weighted by its kind.

    The word and its variants share one idf, from the most frequent of them
    (as for synonyms), so a rare compound or typo match cannot outrank the
    exact, common word.
    """
    if not found:
        return {}
    postings, norms = index.postings, index.norms
    df = max(len(postings[c]) for c in found)
    n = len(index.paragraphs)
    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
    scores: dict[int, float] = {}
    get = scores.get
    for candidate, (weight, _) in found.items():
        factor = weight * idf * (K1 + 1)
        for doc, positions in postings[candidate].items():
            tf = len(positions)
            value = factor * tf / (tf + norms[doc])
            if value > get(doc, 0.0):
                scores[doc] = value
    return scores


def _has_phrase(index: Index, doc: int, phrase: tuple[str, ...]) -> bool:
    try:
        lists = [index.postings[w][doc] for w in phrase]
    except KeyError:
        return False
    following = [set(p) for p in lists[1:]]
    return any(all(start + k + 1 in following[k] for k in range(len(following))) for start in lists[0])


def _in_order(index: Index, doc: int, groups: list[set[str]]) -> float:
    """The share of consecutive query concepts that stand next to each other, in order, somewhere."""
    def positions(group: set[str]) -> set[int]:
        return {p for word in group for p in index.postings[word][doc]}

    placed = [positions(g) for g in groups]
    pairs = sum(1 for a, b in zip(placed, placed[1:], strict=False) if any(p + 1 in b for p in a))
    return pairs / (len(groups) - 1)


def _proximity(index: Index, doc: int, groups: list[set[str]]) -> float:
    """1.0 when one occurrence of every matched concept stands side by side, less the further apart."""
    events: list[tuple[int, int]] = []
    for g, matched in enumerate(groups):
        for word in matched:
            events.extend((p, g) for p in index.postings[word][doc])
    events.sort()
    need = len(groups)
    counts = [0] * need
    have = 0
    window = math.inf
    left = 0
    for position, g in events:
        counts[g] += 1
        if counts[g] == 1:
            have += 1
        while have == need:
            window = min(window, position - events[left][0])
            lg = events[left][1]
            counts[lg] -= 1
            if counts[lg] == 0:
                have -= 1
            left += 1
    if window == math.inf:
        return 0.0
    return (need - 1) / max(window, need - 1)


def _hit(index: Index, doc: int, score: float, resolved: list[Concept], matched: tuple[int, ...], exact: bool,
         found: dict[int, dict[str, str]], citation: str | None = None) -> Hit:
    paragraph = index.paragraphs[doc]
    text, starts, ends = paragraph.text, index.starts_at[doc], index.ends_at[doc]
    raw = []
    why: list[tuple[str, str, str]] = []
    concept_at: list[tuple[int, int]] = []  # (character offset, concept) of every match
    for i in matched:
        for word, how in found[i].items():
            for k, p in enumerate(index.postings[word][doc]):
                end = ends[p]
                if words(text[starts[p]:end]) != [word] and p + 1 < len(ends):  # a hyphen compound
                    end = ends[p + 1]
                raw.append((starts[p], end))
                concept_at.append((starts[p], i))
                if k == 0:
                    why.append((resolved[i].label, text[starts[p]:end], how))
    spans = merge_spans(text, raw)
    missing = tuple(c.label for i, c in enumerate(resolved) if i not in matched)
    if citation is not None:
        at = text.find(citation)
        if at >= 0:
            spans = merge_spans(text, [*spans, (at, at + len(citation))])
            concept_at += [(at, -1)] * (len(resolved) + 1)
        why.insert(0, (" ".join(c.label for c in resolved), citation, "exact"))
        missing = ()
    return Hit(
        paragraph=paragraph, score=round(score, 4), terms=tuple(resolved[i].label for i in matched),
        matches=tuple(dict.fromkeys(text[s:e] for s, e in spans)), spans=spans, exact=exact,
        missing=missing, why=tuple(sorted(set(why), key=why.index)), sentence=_best_sentence(text, concept_at),
    )


def _best_sentence(text: str, concept_at: list[tuple[int, int]]) -> int:
    """The 1-based number of the sentence holding the most distinct matched concepts (the first of equals)."""
    spans = sentence_spans(text)
    if not spans or not concept_at:
        return 0
    best, best_n = 0, 1
    for n, (start, end) in enumerate(spans, 1):
        here = [c for at, c in concept_at if start <= at < end]
        count = len(set(here)) + (len(here) if -1 in here else 0)
        if count > best:
            best, best_n = count, n
    return best_n


def merge_spans(text: str, raw: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, disjoint spans; overlapping ones, or ones joined by a hyphen ("Noord-Korea"), become one."""
    spans: list[tuple[int, int]] = []
    for start, end in sorted(raw):
        if spans and (start <= spans[-1][1] or (start == spans[-1][1] + 1 and text[spans[-1][1]] in "-/")):
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return tuple(spans)


def highlight(text: str, matched: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Spans of any ``text`` whose folded words (or hyphen compounds) are in ``matched``."""
    wanted = set(matched)
    found = tokens(text)
    raw = [(t.start, t.end) for t in found if t.word in wanted]
    raw += [(t.start, t.end) for t in compounds(text, found) if t.word in wanted]
    return merge_spans(text, raw)


def suggestion_edits(word: str) -> int:
    """Edits a "did you mean" may be from what was typed: one up to six letters, two up to ten, three beyond.

    A similarity ratio alone is too kind to short words: 'Yemen' is 75% 'een'
    and 'Brexit' 71% 'bedreigt'. Real typos stay within this budget: 'Trmp' →
    Trump, 'Kamroen' → Kameroen, 'Rohinjya' → Rohingya are one edit each.
    """
    return 1 if len(word) <= 6 else 2 if len(word) <= 10 else 3


def did_you_mean(index: Index, labels: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """Words of the letter (or glossary keys) close to the query's words, as the letter writes them.

    Never the word typed itself: a quoted '"Rohingya crisis"' finds nothing,
    but suggesting Rohingya would not help.
    """
    from rapidfuzz.distance import OSA

    pool = [index.surface[w] for w in index.vocabulary if len(w) > 2 and not w.isdigit()]
    pool += [" ".join(k) for k in index.glossary]
    labels = list(labels)
    typed = {"".join(words(label)) for label in labels}
    out: dict[str, str] = {}  # one suggestion per folded word, as the letter writes it
    for label in labels:
        wanted = "".join(words(label))
        budget = suggestion_edits(wanted)
        for candidate in suggest(label, pool, limit=4 * limit, cutoff=70.0):
            folded = "".join(words(candidate))
            if folded in typed:
                continue
            if OSA.distance(wanted, folded, score_cutoff=budget) <= budget:
                out.setdefault(fold(candidate), candidate)
    return tuple(list(out.values())[:limit])


# ── The letter ──────────────────────────────────────────────────────────────


def search(corpus: Corpus, query: str, limit: int = 10, theme: str | None = None,
           section: str | None = None, exact: bool = False) -> Results:
    """Search the letter's paragraphs; ``theme`` and ``section`` are ids (already resolved).

    When a filter leaves nothing, the result says how many paragraphs match
    outside it (``outside``), and then offers no "did you mean".
    """
    index = index_for(corpus)
    if theme is None and section is None:
        return search_index(index, query, limit=limit, exact=exact)
    allowed = paragraphs_in(corpus, theme, section)
    results = search_index(index, query, limit=limit, allowed=allowed, exact=exact)
    outside = 0 if results.hits else search_index(index, query, limit=1, exact=exact).total
    values = {name: getattr(results, name) for name in Results._fields}
    values.update(searched=len(allowed), outside=outside)
    if outside:
        values["suggestions"] = ()
    return Results(**values)


def paragraphs_in(corpus: Corpus, theme: str | None = None, section: str | None = None) -> list[int]:
    """The numbers of the paragraphs on ``theme`` and in ``section`` (or its sub-sections), in order."""
    return [
        n for n, p in enumerate(corpus.paragraphs)
        if (theme is None or theme in p.themes)
        and (section is None or any(s.id == section for s in corpus.section_path(p)))
    ]


def section_names(corpus: Corpus) -> dict[str, str]:
    """Every name a section answers to (id, title) → its id."""
    names: dict[str, str] = {}
    for section in corpus.sections:
        for name in (section.id, section.title):
            names.setdefault(name, section.id)
    return names


def find_section(corpus: Corpus, name: str) -> str:
    """The id of the section named by id or title (case and accents aside, a
    prefix will do); :class:`~vr2018.errors.NotFound` (exit status 2) otherwise."""
    from .errors import ExitStatus, NotFound, did_you_mean
    from .text import resolve, shorten

    found, close = resolve(name, section_names(corpus))
    if found is None:
        raise NotFound(f"unknown section '{shorten(name)}'" + did_you_mean(close, "vr2018 read"),
                       ExitStatus.BAD_USAGE, close)
    return found


# ── Why nothing was found ───────────────────────────────────────────────────


def explain_nothing_found(corpus: Corpus, query: Sequence[str], results: Results,
                          theme: str | None = None, section: str | None = None) -> NotFound:
    """Why ``results`` (of ``query``, the words as typed, within ``theme`` and
    ``section``) hold no hit, as one line: the section's text is missing, the
    filters exclude each other, how many paragraphs match outside the filters
    and the command that shows them, or else words of the letter close to those
    typed. Status 1 (nothing found)."""
    from .errors import NotFound, did_you_mean
    from .text import shorten

    why = f"nothing found for '{shorten(' '.join(query))}'" + _where(corpus, results, theme, section)
    if results.outside:
        n = results.outside
        them = "them" if theme and section else "it"
        again = _search_again(query, theme, section)
        why += f"; {n} paragraph{'s' if n != 1 else ''} outside {them} match{'es' if n == 1 else ''}: {again}"
    else:
        why += did_you_mean(list(results.suggestions))
    return NotFound(why, suggestions=results.suggestions)


def _where(corpus: Corpus, results: Results, theme: str | None, section: str | None) -> str:
    """Where the search looked, or why no paragraph could match there."""
    theme_title = corpus.theme(theme).title if theme else ""
    section_title = corpus.section(section).title if section else ""
    if section and not paragraphs_in(corpus, section=section):  # VN-hervormingen: a heading, no text
        why = f": the text of section '{section_title}' is missing from this copy of the letter"
        return why + (", only its heading survives" if corpus.section(section).printed else "")
    if results.searched == 0:
        return f": no paragraph on theme '{theme_title}' is in section '{section_title}'"
    return (f" in theme '{theme_title}'" if theme else "") + (f" in section '{section_title}'" if section else "")


def _search_again(query: Sequence[str], theme: str | None, section: str | None) -> str:
    """The command that searches the same words without the filters, or, where it is
    too long or unprintable to quote, what to leave out."""
    import shlex

    from .text import shorten

    again = f"vr2018 search {'-- ' if any(q.startswith('-') for q in query) else ''}{shlex.join(query)}"
    if shorten(again, 100) != again:
        used = (flag for flag, value in (("--theme", theme), ("--section", section)) if value)
        again = "search again without " + " and ".join(used)
    return again
