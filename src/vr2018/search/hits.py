"""A ranked paragraph as a :class:`~.results.Hit`: the spans of its matched words, why each
term matched, what is missing, and its best sentence.

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..sentences import sentences as sentence_spans
from ..text import compounds, tokens, words
from .results import Hit

if TYPE_CHECKING:
    from .index import Index
    from .query import Concept


def make_hit(index: Index, doc: int, score: float, resolved: list[Concept], matched: tuple[int, ...], exact: bool,
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

