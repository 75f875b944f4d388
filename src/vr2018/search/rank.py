"""Ranking: BM25 per concept, the share of concepts matched, and bonuses for proximity, query
order, a first-sentence mention and exact words; citations of a Kamerstuk typed rank first.

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable

from .english import EN, dutch_only, only_english, term_frequency
from .hits import make_hit
from .index import K1, Index
from .match import expand
from .query import LITERAL_WEIGHT, Concept, _fuzzy_glossary, parse
from .results import Results

PROXIMITY_BONUS = 0.5
PHRASE_BONUS = 0.3  # the query's words side by side in the query's order
EXACT_BONUS = 0.1
POSITION_BONUS = 0.25  # a term in the paragraph's first sentence: the paragraph is about it
CITATION_SCORE = 1.0  # what citing the Kamerstuk or resolution typed adds; such paragraphs rank first
_HOW_OF_KIND = {
    "exact": "exact",
    "stem": "inflection",
    "prefix": "compound",
    "suffix": "compound",
    "infix": "compound",
    "part": "compound",
    "fuzzy1": "typo",
    "fuzzy2": "typo",
}


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
    match = _Matcher(index, exact)
    resolved = concepts if exact else [_with_fuzzy_glossary(index, c, match) for c in concepts]
    per_concept, best_alternative = _score_concepts(index, resolved, match)

    candidates = set().union(*per_concept) if per_concept else set()
    if allow is not None:
        candidates &= allow
    if phrases:
        candidates = {doc for doc in candidates if all(_has_phrase(index, doc, p) for p in phrases)}
    base, coverage = _base(per_concept, candidates)
    cited = _citing(index, query, allow)
    for doc in cited:
        base[doc] = base.get(doc, 0.0) + CITATION_SCORE
        coverage.setdefault(doc, ())

    # Pass 2, for a short-list only: what matched where, proximity, phrase, position and exact
    # bonuses. The bonuses add at most (PROXIMITY + PHRASE + POSITION + EXACT) x the base, so a
    # paragraph outside a generous short-list cannot reach the top ``limit``.
    shortlist = heapq.nlargest(max(4 * limit, 50), base, key=lambda d: (d in cited, base[d], -d))
    ranked = [
        _rank(index, doc, base[doc], coverage[doc], resolved, per_concept, best_alternative, match) for doc in shortlist
    ]
    top = heapq.nlargest(limit, ranked, key=lambda r: (r[1] in cited, r[0], -r[1]))
    hits = tuple(
        make_hit(index, doc, score, resolved, matched, exact_hit, found, cited.get(doc))
        for score, doc, matched, exact_hit, found in top
    )
    absent = () if cited else tuple(c.label for c, scores in zip(resolved, per_concept, strict=True) if not scores)
    return Results(
        query=query,
        terms=tuple(c.label for c in resolved),
        phrases=tuple(" ".join(p) for p in phrases),
        hits=hits,
        total=len(base),
        suggestions=() if hits else _suggest(index, [c.label for c in concepts]),
        absent=absent,
        exact=exact,
    )


def _suggest(index: Index, labels: list[str]) -> tuple[str, ...]:
    from .explain import did_you_mean  # only when nothing was found

    return did_you_mean(index, labels)


def _base(
    per_concept: list[dict[int, float]], candidates: set[int]
) -> tuple[dict[int, float], dict[int, tuple[int, ...]]]:
    """Each candidate's BM25 sum times the share of the query's concepts it matches, and those concepts."""
    n_concepts = len(per_concept)
    base: dict[int, float] = {}
    coverage: dict[int, tuple[int, ...]] = {}
    for doc in candidates:
        matched = tuple(i for i, scores in enumerate(per_concept) if doc in scores)
        coverage[doc] = matched
        base[doc] = sum(per_concept[i][doc] for i in matched) * len(matched) / n_concepts
    return base, coverage


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
        key = (word, typos, affixes, acronyms)  # stems follow from typos and affixes: off only under exact
        if key not in self.cache:
            self.cache[key] = expand(self.index, word, typos, affixes, acronyms, stems)
        return self.cache[key]


def _with_fuzzy_glossary(index: Index, concept: Concept, match: _Matcher) -> Concept:
    """A concept of one word that matches nothing (or only by typo) may be a misspelt glossary word."""
    if len(concept.alternatives) != 1 or len(concept.alternatives[0][0]) != 1:
        return concept
    found = match(concept, 0, concept.alternatives[0][0][0])
    if found and not all(k.startswith("fuzzy") for _, k in found.values()):
        return concept
    extra = _fuzzy_glossary(index, concept.alternatives[0][0][0])
    return Concept(
        label=concept.label,
        alternatives=concept.alternatives + tuple((w, f) for w, f, _ in extra),
        hows=(concept.how(0), *(h for _, _, h in extra)),
        capitals=concept.capitals,
    )


def _score_concepts(
    index: Index, resolved: list[Concept], match: _Matcher
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


def _rank(
    index: Index,
    doc: int,
    base: float,
    matched: tuple[int, ...],
    resolved: list[Concept],
    per_concept: list[dict[int, float]],
    best_alternative: list[dict[int, int]],
    match: _Matcher,
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
            literal = concept.how(a) == "literal"
            for c, kind in present.items():
                english = literal and only_english(index.postings[c][doc])
                here.setdefault(c, "english" if english else _how(concept.how(a), kind))
            exact = (
                exact
                and literal
                and any(k in ("exact", "stem") and not only_english(index.postings[c][doc]) for c, k in present.items())
            )
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
    return alternative if alternative in ("glossary", "outside", "english", "typo") else _HOW_OF_KIND[kind]


def _early(index: Index, doc: int, groups: list[set[str]]) -> float:
    """The share of matched concepts that the paragraph names in its first sentence: what it is about.

    A name mentioned once in passing, late in a paragraph about something else, gets nothing."""
    ends, ends_en = index.sentence_ends[doc], index.sentence_ends_en[doc]
    end = ends[0] if ends else -1
    end_en = ends_en[0] if ends_en else -1
    starts, starts_en = index.starts_at[doc], index.starts_en[doc]

    def early(p: int) -> bool:
        return starts_en[p - EN] < end_en if p >= EN else starts[p] < end

    return sum(1 for g in groups if any(early(p) for w in g for p in index.postings[w][doc])) / len(groups)


def _citing(index: Index, query: str, allow: set[int] | None) -> dict[int, str]:
    """Paragraphs citing the Kamerstuk or resolution the whole query names: {number: as written}."""
    if not index.cited or len(query) > 80 or not any(ch.isdigit() for ch in query):
        return {}  # every citation has a number: most queries never load the parser
    from .. import kamerstuk

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
