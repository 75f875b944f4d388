"""Reading a query: its concepts (a word, or a glossary phrase with the letter's words for it),
its quoted phrases, and the stop words it may drop.

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vr2018.corpus.record import Record
from vr2018.search.index import NEGATIONS, query_words
from vr2018.search.match import AS_WRITTEN, FORGIVING, IN_NAME, LINKS, MIN_AFFIX, is_word
from vr2018.search.results import MAX_QUERY, QueryError
from vr2018.text.dutch import stem
from vr2018.text.fold import Token, fold, tokens, words
from vr2018.text.stopwords import STOPWORDS

if TYPE_CHECKING:
    from vr2018.search.index import Index

GLOSSARY_WEIGHT = 0.9  # the letter's words for a glossary key (an English word, a variant)
LITERAL_WEIGHT = 1.0  # the words of a glossary key themselves
COMPOUND_WEIGHT = 0.7  # the two words of a compound typed as one (klimaatbeleid: klimaat + beleid)
_QUOTED = re.compile(r'"([^"]*)"')


class Alternative:
    """One way the text may say a concept.

    words      the folded words, stop words included (for a phrase's order)
    content    the words matched and scored (without stop words, unless they are all there is)
    weight     what a match of this alternative is worth
    how        "literal" (the words typed), "glossary", "outside" (a glossary bridge the letter
               does not make), or "compound" (the two words of a compound typed as one)
    phrase     the words must stand side by side, in order (a glossary phrase)
    looseness  how each word is matched (:data:`.match.FORGIVING` or :data:`.match.AS_WRITTEN`)
    """

    __slots__ = ("words", "content", "weight", "how", "phrase", "looseness")

    def __init__(
        self, words: tuple[str, ...], content: tuple[str, ...], weight: float, how: str, phrase: bool, looseness: str
    ) -> None:
        self.words = words
        self.content = content
        self.weight = weight
        self.how = how
        self.phrase = phrase
        self.looseness = looseness


class Concept(Record):
    """One thing the user asked for, and the ways the text may say it.

    capitals  the words were typed in capitals (so they may match an acronym: TRIP)
    name      the word was typed with a capital (a typo in it may only be a name's)
    """

    label: str
    alternatives: tuple[Alternative, ...]
    capitals: bool = False
    name: bool = False


def parse(index: Index, query: str, exact: bool = False) -> tuple[list[Concept], list[tuple[str, ...]]]:
    """The query's concepts and its quoted phrases (as folded word tuples).

    With ``exact``, every word is a concept of its own, matched as written, and no glossary entry is read.
    """
    if len(query) > MAX_QUERY:
        raise QueryError(query, "too-long")
    folded = fold(query)
    phrases = [tuple(words(p)) for p in _QUOTED.findall(folded)]
    phrases = [p for p in phrases if p]
    typed = query_words(folded.replace('"', " "))
    if not typed:
        raise QueryError(query, "no-words")
    shouted = _capitals(query)
    capitalised = _capitalised(query)
    runs = {} if exact else _name_runs(query, typed)
    concepts: list[Concept] = []
    i = 0
    n = len(typed)
    while i < n:
        acronym = typed[i] in shouted and typed[i] in index.acronyms  # TRIP, typed so: the acronym only
        matched = None if exact or acronym else _glossary_span(index, typed, i)
        if matched:
            j, span, key = matched
            concepts.append(_glossary_concept(index, span, key, all(w in shouted for w in span)))
            i = j
            continue
        if i in runs and _asked_whole(index, query, typed, i, runs[i]):
            j = runs[i]
            concepts.append(_name_concept(index, tuple(typed[i:j]), shouted))
            i = j
            continue
        word = typed[i]
        looseness = AS_WRITTEN if exact else FORGIVING
        alternatives = [_alternative((word,), LITERAL_WEIGHT, "literal", False, looseness)]
        parts = None if exact else _compound_parts(index, word)
        if parts:
            alternatives.append(_alternative(parts, COMPOUND_WEIGHT, "compound", False, AS_WRITTEN))
        concepts.append(
            Concept(label=word, alternatives=tuple(alternatives), capitals=word in shouted, name=word in capitalised)
        )
        i += 1
    content = [c for c in concepts if not _is_filler(c)]
    return (content or concepts), phrases


def _name_runs(query: str, typed: list[str]) -> dict[int, int]:
    """Where the query names something in several words: {first word: one past the last}.

    Words joined by a hyphen ("Zuid-Korea", "Wever-Croes") are one name, and so is a run of
    two or more words typed with capitals ("Sint Eustatius", "Internationaal Gerechtshof";
    "Van den Hul" with its lower-case particles). A name is asked for whole: its words are
    never separate concepts, so "Korea" alone does not answer "Zuid-Korea".
    """
    found = tokens(query.replace('"', " "))
    if [t.word for t in found] != typed:  # a negation kept on its word ("niet-permanente"): no runs
        return {}
    runs: dict[int, int] = {}
    i = 0
    while i < len(found):
        j = i + 1
        while j < len(found) and _joins(query, found[j - 1], found[j]):
            j += 1
        while j - i > 1 and found[j - 1].word in STOPWORDS:  # a run does not end in a particle
            j -= 1
        if j - i > 1:
            runs[i] = j
        i = max(j, i + 1)
    return runs


def _joins(query: str, left: Token, right: Token) -> bool:
    """``right`` continues the name ``left`` belongs to: joined by a hyphen, or both typed with a
    capital and not in capitals only (a lower-case particle such as "den" between counts)."""
    between = query[left.end : right.start]
    if between == "-":
        return True
    if between.strip() or not _titled(query[left.start : left.end]):
        return False
    return _titled(query[right.start : right.end]) or (right.word in STOPWORDS and len(right.word) <= 3)


def _titled(written: str) -> bool:
    return written[:1].isupper() and not (len(written) > 1 and written.isupper())


def _asked_whole(index: Index, query: str, typed: list[str], i: int, j: int) -> bool:
    """A run of names is one concept when it is hyphenated, when the letter writes it so (side by
    side), or when one of its words is not in the letter ("Sint Eustatius": not "Sint" alone);
    names the letter has, typed next to each other ("Trump Rutte"), stay separate concepts."""
    span = typed[i:j]
    if "-" in query or any(w not in index.postings for w in span if w not in STOPWORDS):
        return True
    content = [w for w in span if w not in STOPWORDS]
    first = index.postings[span[0]]
    for doc, positions in first.items():
        later = [index.postings[w].get(doc) for w in span[1:]]
        if all(later) and any(all(p + k in later[k - 1] for k in range(1, len(span))) for p in positions):  # type: ignore[operator]
            return True
    return len(content) < 2


def _name_concept(index: Index, span: tuple[str, ...], shouted: set[str]) -> Concept:
    """A name of several words: the words side by side (or run together, as the index keeps a
    hyphenated compound), else all of them in one paragraph; never one of them alone."""
    alternatives = [_alternative(span, LITERAL_WEIGHT, "literal", True, IN_NAME)]
    joined = "".join(span)
    if len(span) == 2 and joined in index.postings:
        alternatives.append(_alternative((joined,), LITERAL_WEIGHT, "literal", False, AS_WRITTEN))
    alternatives.append(_alternative(span, COMPOUND_WEIGHT * LITERAL_WEIGHT, "literal", False, IN_NAME))
    return Concept(
        label=" ".join(span), alternatives=tuple(alternatives), capitals=all(w in shouted for w in span), name=True
    )


def _alternative(words_: tuple[str, ...], weight: float, how: str, phrase: bool, looseness: str) -> Alternative:
    return Alternative(words_, _content(words_), weight, how, phrase and len(words_) > 1, looseness)


def _glossary_concept(index: Index, span: tuple[str, ...], key: tuple[str, ...], capitals: bool) -> Concept:
    """A run of query words that is a glossary key: the words as typed (side by side when they
    are several), and the letter's words for it, each a target matched as written."""
    alternatives = {span: _alternative(span, LITERAL_WEIGHT, "literal", True, FORGIVING)}
    for value in index.glossary[key]:
        how = "outside" if (key, value) in index.outside else "glossary"
        if value not in alternatives:
            alternatives[value] = _alternative(value, GLOSSARY_WEIGHT, how, True, AS_WRITTEN)
    return Concept(label=" ".join(span), alternatives=tuple(alternatives.values()), capitals=capitals)


def _compound_parts(index: Index, word: str) -> tuple[str, str] | None:
    """A typed word that is not in the letter but is two of its words run together, at a real
    boundary (klimaatbeleid → klimaat, beleid): both parts, which a paragraph must both contain.
    Neither part alone carries the word: Kamerlid is not Kamer."""
    if word in index.postings or len(word) < 2 * MIN_AFFIX or word in index.english_only:
        return None
    for cut in range(len(word) - MIN_AFFIX, MIN_AFFIX - 1, -1):  # the longest first part first
        head = word[cut:]
        if word[:cut] in NEGATIONS or head not in index.postings or not is_word(index, head):
            continue
        for link in LINKS:
            modifier = word[: cut - len(link)] if link else word[:cut]
            if word[cut - len(link) : cut] == link and modifier in index.postings and is_word(index, modifier):
                return modifier, head
    return None


def _glossary_span(index: Index, typed: list[str], i: int) -> tuple[int, tuple[str, ...], tuple[str, ...]] | None:
    """The longest run of query words from ``i`` that is a glossary key (as typed or by stem)."""
    for j in range(min(len(typed), i + index.glossary_longest), i, -1):
        span = tuple(typed[i:j])
        key = span if span in index.glossary else index.glossary_stems.get(tuple(stem(w) for w in span))
        if key is not None:
            return j, span, key
    return None


def _capitalised(query: str) -> set[str]:
    """The folded words the user typed with a capital: a name, whose typo can only be a name."""
    return {t.word for t in tokens(query) if query[t.start : t.start + 1].isupper()}


def _capitals(query: str) -> set[str]:
    """The folded words the user typed in capitals (two letters or more): 'TRIP', not 'Trip'."""
    out = set()
    for token in tokens(query):
        written = query[token.start : token.end]
        if len(written) > 1 and written.isupper():
            out.add(token.word)
    return out


def _content(phrase: tuple[str, ...]) -> tuple[str, ...]:
    """A phrase's words without its stop words, unless they are all it has: the words that
    are scored and highlighted (a stop word would match nearly every paragraph by itself);
    a phrase's order is still checked with all its words."""
    content = tuple(w for w in phrase if w not in STOPWORDS)
    return content or phrase


def _is_filler(concept: Concept) -> bool:
    if len(concept.alternatives) > 1 or len(concept.alternatives[0].words) > 1:
        return False
    (only,) = concept.alternatives[0].words
    return only in STOPWORDS or (len(only) == 1 and not only.isdigit())
