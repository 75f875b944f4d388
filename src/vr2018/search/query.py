"""Reading a query: its concepts (a word, or a glossary phrase with the letter's words for it),
its quoted phrases, and the stop words it may drop.

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Record
from ..text import STOPWORDS, fold, stem, tokens, words
from .index import query_words
from .match import WEIGHT, fuzzy
from .results import MAX_QUERY, QueryError

if TYPE_CHECKING:
    from .index import Index

GLOSSARY_WEIGHT = 0.9  # the letter's words for a glossary key (an English word, a variant)
LITERAL_WEIGHT = 1.0  # the words of a glossary key themselves
_QUOTED = re.compile(r'"([^"]*)"')


class Concept(Record):
    """One thing the user asked for, and the ways the text may say it: (query words, weight).

    hows      per alternative: "literal" (the words typed), "glossary", "outside", or "typo"
              (a misspelt glossary key that names the letter's own word)
    capitals  the words were typed in capitals (so they may match an acronym: TRIP)
    """

    label: str
    alternatives: tuple[tuple[tuple[str, ...], float], ...]
    hows: tuple[str, ...]
    capitals: bool = False

    def how(self, a: int) -> str:
        return self.hows[a]


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
            concepts.append(
                Concept(
                    label=" ".join(span),
                    alternatives=tuple(alternatives),
                    hows=tuple(alternatives.values()),
                    capitals=all(w in shouted for w in span),
                )
            )
            i = j
            continue
        word = typed[i]
        concepts.append(
            Concept(label=word, alternatives=(((word,), LITERAL_WEIGHT),), hows=("literal",), capitals=word in shouted)
        )
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
        written = query[token.start : token.end]
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
        for value in index.glossary[(key,)]:
            # A key that names the letter's own word ("rohingya" = ["Rohingya"]): the user made a typo.
            how = "outside" if ((key,), value) in index.outside else "typo" if value == (key,) else "glossary"
            out.append((_content(value), weight, how))
    return out
