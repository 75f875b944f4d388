"""The letter's table of contents: every heading in reading order, the fragment it
stands in, its paragraphs, and where pages are missing.

Built from :func:`vr2018.letter.outline.outline`, the order `read` lays the letter out
in, so the two cannot disagree. Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.record import Record

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Paragraph, Section
from collections.abc import Iterator

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Paragraph, Section


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
    from vr2018.letter.outline import outline

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


class PageGap(Record):
    """Where pages are missing: between two paragraphs in reading order."""

    after: Paragraph
    before: Paragraph
    headings: tuple[Section, ...]  # printed headings whose text is on the missing pages


def gaps(corpus: Corpus) -> tuple[PageGap, ...]:
    out = []
    order = {s.id: i for i, s in enumerate(corpus.sections)}
    with_text = {p.section for p in corpus.paragraphs}
    for paragraph in corpus.paragraphs:
        if corpus.gap_after(paragraph):
            nxt = corpus.paragraphs[corpus.position(paragraph.id) + 1]
            between = corpus.sections[order[paragraph.section] : order[nxt.section]]
            headings = tuple(s for s in between if s.printed and s.id not in with_text)
            out.append(PageGap(after=paragraph, before=nxt, headings=headings))
    return tuple(out)


def outline(corpus: Corpus) -> Iterator[tuple[str, Section | Paragraph | None]]:
    """The letter in reading order as `read` lays it out: ``("section", s)``,
    ``("paragraph", p)`` and ``("gap", None)`` wherever pages are missing (between
    fragments, and after a printed heading whose text is on the missing pages)."""
    fragment: int | None = 1  # None: a gap was just given
    for section in corpus.sections:
        paragraphs = [p for p in corpus.paragraphs if p.section == section.id]
        if paragraphs:
            if fragment is not None and paragraphs[0].fragment != fragment:
                yield "gap", None
            fragment = paragraphs[0].fragment
        yield "section", section
        for paragraph in paragraphs:
            yield "paragraph", paragraph
        if not paragraphs:  # a heading whose text is on a missing page
            yield "gap", None
            fragment = None
