"""The letter's table of contents: every heading in reading order, the fragment it
stands in, its paragraphs, and where pages are missing.

Built from :func:`vr2018.reading.outline`, the order `read` lays the letter out
in, so the two cannot disagree. Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Record

if TYPE_CHECKING:
    from .corpus import Corpus
    from .model import Paragraph, Section


class Entry(Record):
    """One heading of the letter (printed, or ours where the letter's is missing)."""

    section: Section
    fragment: int  # the fragment the heading stands in
    paragraphs: tuple[Paragraph, ...]  # in reading order; none where its text is missing
    gap_before: bool  # pages are missing just before this heading

    @property
    def text_missing(self) -> bool:
        """A printed heading whose text is on the missing pages."""
        return not self.paragraphs


def contents(corpus: Corpus) -> tuple[Entry, ...]:
    """Every heading in reading order with its fragment, paragraphs and the gaps before it."""
    from .reading import outline

    rows: list[tuple[Section, list[Paragraph], bool]] = []
    pending = False
    for kind, item in outline(corpus):
        if kind == "gap":
            pending = True
        elif kind == "section":
            rows.append((item, [], pending))  # type: ignore[arg-type]
            pending = False
        else:
            rows[-1][1].append(item)  # type: ignore[arg-type]
    out: list[Entry] = []
    fragment = 1  # the loader numbers fragments 1, 2, 3, …
    for section, paragraphs, gap in rows:
        if paragraphs:
            fragment = paragraphs[0].fragment
        elif gap:  # a heading after missing pages with none of its text: the next fragment's
            fragment += 1
        out.append(Entry(section=section, fragment=fragment, paragraphs=tuple(paragraphs), gap_before=gap))
    return tuple(out)


def gap_count(entries: tuple[Entry, ...]) -> int:
    """In how many places pages are missing (between fragments, and under a lost heading's text)."""
    return sum(e.gap_before for e in entries)
