"""Ranking: BM25 per concept, weighted by how much of the query a paragraph covers (each
concept counted by how distinctive it is), and bonuses for proximity, query order, a
first-sentence mention and exact words; citations of a Kamerstuk typed rank first.

A paragraph is a hit only when the concepts it matches carry at least :data:`MIN_SHARE` of
what the best paragraph's carry: a word that stands in most paragraphs ("Veiligheidsraad",
"Koninkrijk") cannot on its own make a paragraph a hit for a query that asks for more.

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable

from vr2018.search.english import EN_OFFSET, only_english, term_frequency
from vr2018.search.hits import make_hit
from vr2018.search.index import K1, OUTSIDE_CITATION, Index, dutch_only
from vr2018.search.match import Step, expand
from vr2018.search.query import Alternative, Concept, parse
from vr2018.search.results import Hit, Results
from vr2018.text.fold import fold

PROXIMITY_BONUS = 0.5
PHRASE_BONUS = 0.3  # the query's words side by side in the query's order
EXACT_BONUS = 0.1
POSITION_BONUS = 0.25  # a term in the paragraph's first sentence: the paragraph is about it
CITATION_SCORE = 1.0  # what citing the Kamerstuk or resolution typed adds; such paragraphs rank first
# The letter is the Kingdom's account of its seat on the Council: every paragraph is about
# the Netherlands in the Council, even where it says "we" or "het Koninkrijk". So these words
# frame a question ("what did the Netherlands do about Myanmar") and never alone make a hit.
FRAME = frozenset(
    {"nederland", "netherlands", "dutch", "nederlandse", "koninkrijk", "kingdom", "vn", "un", "united", "nations"}
    | {"verenigde", "naties", "veiligheidsraad", "security", "council", "raad", "lidmaatschap", "membership"}
)
MIN_SHARE = 0.5  # the least share of the best hit's matched distinctiveness another hit must match


class Ranked:
    """A short-listed paragraph's final score, and what matched there.

    matched  the numbers of the query's concepts it matches
    exact    every matched concept matched as typed (or inflected), in the letter's own words
    found    per matched concept: {the paragraph's word: how it matched (one of results.HOW)}
    """

    __slots__ = ("score", "doc", "matched", "exact", "found")

    def __init__(
        self, score: float, doc: int, matched: tuple[int, ...], exact: bool, found: dict[int, dict[str, str]]
    ) -> None:
        self.score = score
        self.doc = doc
        self.matched = matched
        self.exact = exact
        self.found = found


class Scored:
    """Pass 1's result: each concept's score per paragraph, and which alternative gave it."""

    __slots__ = ("per_concept", "best_alternative")

    def __init__(self, per_concept: list[dict[int, float]], best_alternative: list[dict[int, int]]) -> None:
        self.per_concept = per_concept
        self.best_alternative = best_alternative


def search_index(
    index: Index, query: str, limit: int = 10, allowed: Iterable[int] | None = None, exact: bool = False
) -> Results:
    """Rank the index's paragraphs for ``query``; ``allowed`` limits them to those numbers.

    With ``exact``, only the words as typed match (case and accents aside): no typo,
    inflection, compound or glossary, like ``grep -iw``. A query that is a Kamerstuk or
    resolution number in any notation puts the paragraphs citing it first.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if exact:  # the letter's own words: not its English rendering
        index = dutch_only(index)
    concepts, phrases = parse(index, query, exact=exact)
    allow = set(allowed) if allowed is not None else None
    match = _Matcher(index)
    scored = _score_concepts(index, concepts, match)
    per_concept = scored.per_concept

    candidates = set().union(*per_concept) if per_concept else set()
    if allow is not None:
        candidates &= allow
    if phrases:
        candidates = {doc for doc in candidates if all(_has_phrase(index, doc, p) for p in phrases)}
    base, coverage = _base(index, per_concept, candidates, [c.label for c in concepts])
    cited = _citing(index, query, allow)
    for doc in cited:
        base[doc] = base.get(doc, 0.0) + CITATION_SCORE
        coverage.setdefault(doc, ())

    # Pass 2, for a short-list only: what matched where, proximity, phrase, position and exact
    # bonuses. Each bonus is a share of the base, which already holds how much of the query the
    # paragraph covers: two adjacent common words cannot outrank the rare words of a question.
    # They add at most (PROXIMITY + PHRASE + POSITION + EXACT) x the base, so a paragraph outside
    # a generous short-list cannot reach the top ``limit``.
    shortlist = heapq.nlargest(max(4 * limit, 50), base, key=lambda d: (d in cited, base[d], -d))
    ranked = [_rank(index, doc, base[doc], coverage[doc], concepts, scored, match) for doc in shortlist]
    top = heapq.nlargest(limit, ranked, key=lambda r: (r.doc in cited, r.score, -r.doc))
    hits = tuple(make_hit(index, r.doc, r.score, concepts, r.matched, r.exact, r.found, cited.get(r.doc)) for r in top)
    absent = () if cited else tuple(c.label for c, scores in zip(concepts, per_concept, strict=True) if not scores)
    return Results(
        query=query,
        terms=tuple(c.label for c in concepts),
        phrases=tuple(" ".join(p) for p in phrases),
        hits=hits,
        total=len(base),
        suggestions=() if hits else _suggest(index, [c.label for c in concepts]),
        absent=absent,
        exact=exact,
        language=asked_in(index, hits),
    )


def asked_in(index: Index, hits: Iterable[Hit]) -> str:
    """The language of the question, from how its terms matched in the hits: a term matched in
    our English, or through a glossary key that only the English uses, is English; a term
    matched in a Dutch word the English never uses is Dutch; a name or number both use, or a
    glossary key neither uses, tells nothing. "en" or "nl" when the terms that tell agree."""
    told: set[str] = set()
    for hit in hits:
        for term, word, how in hit.why:
            if how == "english":
                told.add("en")
            elif how in ("glossary", "outside"):
                keys = [w for w in term.split() if w in index.postings]
                if keys and all(w in index.english_only for w in keys):
                    told.add("en")
                elif keys and not any(_in_english(index, w) for w in keys):
                    told.add("nl")
            else:
                folded = fold(word)
                if folded in index.postings and not _in_english(index, folded):
                    told.add("nl")
    return told.pop() if len(told) == 1 else ""


def _in_english(index: Index, word: str) -> bool:
    """The word stands in some paragraph's English rendering."""
    return any(positions[-1] >= EN_OFFSET for positions in index.postings[word].values())


def _suggest(index: Index, labels: list[str]) -> tuple[str, ...]:
    from vr2018.search.explain import close_words  # only when nothing was found

    return close_words(index, labels)


def _base(
    index: Index, per_concept: list[dict[int, float]], candidates: set[int], labels: list[str]
) -> tuple[dict[int, float], dict[int, tuple[int, ...]]]:
    """Each hit's BM25 sum times the share of the query's distinctiveness it matches, and the
    concepts it matches.

    A concept weighs its idf over the paragraphs it matches (concepts that match nowhere do
    not count). A candidate is a hit only if it matches at least :data:`MIN_SHARE` of what the
    best candidate matches, and, where any candidate does, a concept that is not common (one
    that matches at most half the paragraphs and is not one of the letter's :data:`FRAME` words):
    "Veiligheidsraad" alone does not answer "Veiligheidsraad klimaat"."""
    n = len(index.paragraphs)
    weights = [_idf(n, len(scores)) if scores else 0.0 for scores in per_concept]
    whole = sum(weights) or 1.0
    distinctive = {
        i for i, scores in enumerate(per_concept) if 0 < len(scores) <= n / 2 and not set(labels[i].split()) <= FRAME
    }
    matched_by = {doc: tuple(i for i, scores in enumerate(per_concept) if doc in scores) for doc in candidates}
    shares = {doc: sum(weights[i] for i in matched) / whole for doc, matched in matched_by.items()}
    need_distinctive = any(distinctive.intersection(m) for m in matched_by.values())
    floor = MIN_SHARE * max(shares.values(), default=0.0)
    base: dict[int, float] = {}
    coverage: dict[int, tuple[int, ...]] = {}
    for doc, matched in matched_by.items():
        if shares[doc] < floor or (need_distinctive and not distinctive.intersection(matched)):
            continue
        coverage[doc] = matched
        base[doc] = sum(per_concept[i][doc] for i in matched) * shares[doc]
    return base, coverage


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


class _Matcher:
    """Each query word's vocabulary words (with the step that reaches each), computed once per setting."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.cache: dict[tuple[str, str, bool, bool], dict[str, Step]] = {}

    def __call__(self, concept: Concept, alternative: Alternative, word: str) -> dict[str, Step]:
        # An acronym of the text (TRIP) answers only to capitals, a glossary value, or a
        # glossary entry that names it for its lower-case spelling ("isis" = ["ISIS"]).
        acronyms = alternative.how != "literal" or concept.capitals or (word,) in self.index.glossary.get((word,), ())
        key = (word, alternative.looseness, acronyms, concept.name)
        if key not in self.cache:
            self.cache[key] = expand(self.index, word, alternative.looseness, acronyms, concept.name)
        return self.cache[key]


def _score_concepts(index: Index, concepts: list[Concept], match: _Matcher) -> Scored:
    """Pass 1, floats only: each concept's BM25 score per paragraph (its best alternative).

    An alternative of several words matches a paragraph only where all of them stand, and a
    phrase only where they stand side by side, in order."""
    per_concept: list[dict[int, float]] = []
    best_alternative: list[dict[int, int]] = []
    for concept in concepts:
        best: dict[int, float] = {}
        chosen: dict[int, int] = {}
        for a, alternative in enumerate(concept.alternatives):
            per_word = [_word_scores(index, match(concept, alternative, w)) for w in alternative.content]
            docs = set(per_word[0]).intersection(*per_word[1:]) if per_word else set()
            if alternative.phrase:
                docs = {doc for doc in docs if _has_variant_phrase(index, doc, concept, alternative, match)}
            for doc in docs:
                value = alternative.weight * sum(scores[doc] for scores in per_word) / len(per_word)
                if value > best.get(doc, 0.0):
                    best[doc] = value
                    chosen[doc] = a
        per_concept.append(best)
        best_alternative.append(chosen)
    return Scored(per_concept, best_alternative)


def _has_variant_phrase(index: Index, doc: int, concept: Concept, alternative: Alternative, match: _Matcher) -> bool:
    """The alternative's words (each as it may be matched) stand side by side, in order, in ``doc``."""
    placed: list[set[int]] = []
    for word in alternative.words:
        variants = match(concept, alternative, word) if word in alternative.content else {word: None}
        here = {p for v in variants if v in index.postings for p in index.postings[v].get(doc, ())}
        if not here:
            return False
        placed.append(here)
    return any(all(start + k in placed[k] for k in range(1, len(placed))) for start in placed[0])


def _rank(
    index: Index,
    doc: int,
    base: float,
    matched: tuple[int, ...],
    concepts: list[Concept],
    scored: Scored,
    match: _Matcher,
) -> Ranked:
    """A short-listed paragraph's final score, and per matched concept {word here: how}."""
    groups: list[set[str]] = []
    found: dict[int, dict[str, str]] = {}
    exact = bool(matched)
    for i in matched:
        concept = concepts[i]
        alternative = concept.alternatives[scored.best_alternative[i][doc]]
        literal = alternative.how == "literal"
        here: dict[str, str] = {}
        for word in alternative.content:
            present = {c: step for c, step in match(concept, alternative, word).items() if doc in index.postings[c]}
            for c, step in present.items():
                english = literal and only_english(index.postings[c][doc])
                here.setdefault(c, "english" if english else step.reason if literal else alternative.how)
            exact = (
                exact
                and literal
                and any(
                    s.reason in ("exact", "inflection") and not only_english(index.postings[c][doc])
                    for c, s in present.items()
                )
            )
        found[i] = here
        groups.append(set(here))
    score = base
    if len(matched) > 1:
        score += PROXIMITY_BONUS * base * _proximity(index, doc, groups)
        score += PHRASE_BONUS * base * _in_order(index, doc, groups)
    if matched:
        score += POSITION_BONUS * base * _early(index, doc, groups)
    if exact:
        score += EXACT_BONUS * base
    return Ranked(score, doc, matched, exact, found)


def _early(index: Index, doc: int, groups: list[set[str]]) -> float:
    """The share of matched concepts that the paragraph names in its first sentence: what it is about.

    A name mentioned once in passing, late in a paragraph about something else, gets nothing."""
    ends, ends_en = index.sentence_ends[doc], index.sentence_ends_en[doc]
    end = ends[0] if ends else -1
    end_en = ends_en[0] if ends_en else -1
    starts, starts_en = index.starts_at[doc], index.starts_en[doc]

    def early(p: int) -> bool:
        return starts_en[p - EN_OFFSET] < end_en if p >= EN_OFFSET else starts[p] < end

    return sum(1 for g in groups if any(early(p) for w in g for p in index.postings[w][doc])) / len(groups)


def _citing(index: Index, query: str, allow: set[int] | None) -> dict[int, tuple[str, str]]:
    """Paragraphs citing the Kamerstuk or resolution the whole query names: {number: (as written,
    how)}, how being "exact", or "outside" where only a UN symbol the letter does not print links
    the query to it (S/RES/2417 for "Conflict en Honger")."""
    if not index.cited or len(query) > 80 or not any(ch.isdigit() for ch in query):
        return {}  # every citation has a number: most queries never load the parser
    from vr2018.letter import kamerstuk

    wanted = kamerstuk.parse_citation(query)
    out: dict[int, tuple[str, str]] = {}
    for doc, refs in enumerate(index.cited):
        if allow is not None and doc not in allow:
            continue
        for kind, dossier, number, chapter, year, as_written in refs:
            if any(kamerstuk.cites(w, kind, dossier, number, chapter, year) for w in wanted):
                how = "outside" if kind == OUTSIDE_CITATION else "exact"
                if doc not in out or out[doc][1] == "outside":
                    out[doc] = (as_written, how)
    return out


def _word_scores(index: Index, found: dict[str, Step]) -> dict[int, float]:
    """BM25 of one query word per paragraph: the best of its variants, each weighted by its kind.

    The word and its variants share one idf, from the most frequent of them
    (as for synonyms), so a rare compound or typo match cannot outrank the
    exact, common word.
    """
    if not found:
        return {}
    postings, norms = index.postings, index.norms
    idf = _idf(len(index.paragraphs), max(len(postings[c]) for c in found))
    scores: dict[int, float] = {}
    get = scores.get
    for candidate, step in found.items():
        factor = step.weight * idf * (K1 + 1)
        for doc, positions in postings[candidate].items():
            tf = term_frequency(positions)
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
