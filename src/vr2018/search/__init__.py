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

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from vr2018.search.hits import merge_spans
from vr2018.search.index import OUTSIDE_MARK, Index, build_index, index_for, query_words
from vr2018.search.match import WEIGHT, expand, fuzzy, max_edits
from vr2018.search.query import Concept, parse
from vr2018.search.rank import search_index
from vr2018.search.results import HOW, MAX_QUERY, Hit, QueryError, Results

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.search.explain import close_words, explain_nothing_found, find_section, paragraphs_in, section_names

# Why nothing was found, and finding a section by name, load on first use: a search
# that finds something never needs them (start-up is most of this CLI's time).
_EXPLAIN = frozenset({"close_words", "explain_nothing_found", "find_section", "paragraphs_in", "section_names"})


def __getattr__(name: str) -> Any:
    if name in _EXPLAIN:
        from vr2018.search import explain

        return getattr(explain, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "HOW",
    "MAX_QUERY",
    "OUTSIDE_MARK",
    "WEIGHT",
    "Concept",
    "Hit",
    "Index",
    "QueryError",
    "Results",
    "answer",
    "build_index",
    "close_words",
    "expand",
    "explain_nothing_found",
    "find_section",
    "fuzzy",
    "index_for",
    "max_edits",
    "merge_spans",
    "paragraphs_in",
    "parse",
    "query_words",
    "search",
    "search_index",
    "section_names",
]


def search(
    corpus: Corpus,
    query: str,
    limit: int = 10,
    theme: str | None = None,
    section: str | None = None,
    exact: bool = False,
) -> Results:
    """Search the letter's paragraphs; ``theme`` and ``section`` are ids (already resolved).

    When a filter leaves nothing, the result says how many paragraphs match
    outside it (``outside``), and then offers no "did you mean".
    """
    index = index_for(corpus)
    if theme is None and section is None:
        return _in_headings(corpus, search_index(index, query, limit=limit, exact=exact))
    from vr2018.search.explain import paragraphs_in

    allowed = paragraphs_in(corpus, theme, section)
    results = search_index(index, query, limit=limit, allowed=allowed, exact=exact)
    outside = 0 if results.hits else search_index(index, query, limit=1, exact=exact).total
    return results.replace(searched=len(allowed), outside=outside, suggestions=() if outside else results.suggestions)


def _in_headings(corpus: Corpus, results: Results) -> Results:
    """A term no paragraph holds but a printed heading names is in the letter: it moves from
    ``absent`` ("not in the letter") to ``in_headings``."""
    if not results.absent:
        return results
    from vr2018.search.explain import headings_without_text

    named = headings_without_text(corpus, results.absent)
    terms = {term for term, _ in named}
    return results.replace(absent=tuple(t for t in results.absent if t not in terms), in_headings=named)


def answer(
    corpus: Corpus,
    words: Sequence[str],
    limit: int = 10,
    theme: str | None = None,
    section: str | None = None,
    exact: bool = False,
) -> Results:
    """What `vr2018 search` asks: :func:`search` for the words as typed, the results when
    something is found; :class:`~vr2018.problems.NoHits` saying why not otherwise."""
    results = search(corpus, " ".join(words), limit=limit, theme=theme, section=section, exact=exact)
    if not results.hits:
        from vr2018.search.explain import explain_nothing_found

        raise explain_nothing_found(corpus, words, results, theme=theme, section=section)
    return results
