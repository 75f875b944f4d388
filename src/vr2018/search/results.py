"""What a search answers: :class:`Results` and its :class:`Hit` records, and the query's errors.

Pure data: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.record import Record
from vr2018.problems import Invalid

if TYPE_CHECKING:
    from vr2018.corpus.model import Paragraph

# How a query term was matched, as a hit reports it (``Hit.why``).
HOW = ("exact", "inflection", "compound", "typo", "english", "glossary", "outside")


# The longest query worth answering: the letter's longest paragraph is 1,401
# characters; beyond this, matching work grows with nothing to gain.
MAX_QUERY = 2000


class QueryError(Invalid, ValueError):
    """The query cannot be searched (``reason``): nothing to search for ("no-words"),
    or far too long ("too-long", ``detail`` the most it may be)."""

    def __init__(self, query: str, reason: str) -> None:
        super().__init__("query", query, reason, str(MAX_QUERY) if reason == "too-long" else "")


class Hit(Record):
    """One paragraph that matches, with what matched and where.

    paragraph  the :class:`~vr2018.corpus.model.Paragraph`
    score      higher is better; comparable only within one query
    terms      the query's terms that matched, in query order
    matches    the paragraph's words that matched, as written, in reading order
    spans      (start, end) offsets of those words in ``paragraph.text``, sorted, disjoint
    exact      every matched term matched as typed (or inflected), without typo,
               compound or glossary help
    missing    the query's terms (never stop words) this paragraph does not contain
    why        (term, word as the paragraph writes it, how) per match; how is one of :data:`HOW`
    sentence   1-based number of the paragraph's best sentence (most terms matched), 0 if none
    spans_en   (start, end) offsets of the matched words in ``paragraph.text_en`` (its English)
    matches_en those words, as the English writes them
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
    spans_en: tuple[tuple[int, int], ...] = ()
    matches_en: tuple[str, ...] = ()


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
    absent       the query's terms that match nowhere in the letter ("not in the letter")
    in_headings  (term, section id) for a term no paragraph holds but a printed heading names,
                 whose text is missing (VN-hervormingen)
    exact        the query was matched literally (``exact=True``): no typo, stem, compound or glossary
    language     the language the question was asked in, as its matches show: "en" when every term
                 that tells matched through English (our rendering, or an English glossary key),
                 "nl" when every such term matched a Dutch word, "" when none tells or they differ
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
    in_headings: tuple[tuple[str, str], ...] = ()
    exact: bool = False
    language: str = ""
