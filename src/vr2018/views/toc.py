"""`vr2018 toc` on a terminal: every heading, its paragraphs' ids and first words,
and where pages are missing, one line each (about 40 lines for this letter).

On a terminal each line is cropped to the width (the first words end in "…"),
so nothing wraps and the whole structure keeps one line per item; piped, the
lines are whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from .. import reading
from ..text import clean
from .layout import GAP_STYLE, HEADING_STYLE, ID_STYLE, MUTED, plain

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from ..corpus import Corpus
    from ..model import Paragraph
    from ..toc import Entry

OPENING_WORDS = 8
KEY = "[Heading]: ours, the letter's is on a missing page.  […]: pages missing."


def toc_view(corpus: Corpus, entries: tuple[Entry, ...]) -> RenderableType:
    """The table of contents: a summary line, then headings, paragraphs and gaps in reading order."""
    from ..toc import gap_count

    letter = corpus.letter
    paragraphs = sum(len(e.paragraphs) for e in entries)
    summary = (f"{len(letter.fragments)} fragments, {len(entries)} sections, {paragraphs} paragraphs; "
               f"pages missing in {gap_count(entries)} places")
    lines: list[Text] = [plain(letter.title, HEADING_STYLE), plain(summary, MUTED)]
    # the first words start in one column, whatever the heading's level
    width = max((2 * e.section.level + len(p.id) for e in entries for p in e.paragraphs), default=0)
    for entry in entries:
        if entry.gap_before:
            lines.append(Text(f"[…] pages missing; fragment {entry.fragment} begins", style=GAP_STYLE))
        lines.append(_heading(entry))
        indent = "  " * entry.section.level
        for paragraph in entry.paragraphs:
            lines.append(_paragraph(paragraph, indent, width))
    lines.append(Text(KEY, style=MUTED))
    return _Cropped(lines)


def _heading(entry: Entry) -> Text:
    section = entry.section
    title = clean(section.title)
    out = Text("  " * (section.level - 1))
    if section.printed:
        out.append(title, style="bold underline" if section.level == 1 else HEADING_STYLE)
    else:
        out.append(f"[{title}]", style="italic " + MUTED)
    out.append("  § ", style=MUTED)
    out.append(section.id, style=ID_STYLE)
    if entry.text_missing:
        out.append("  […] its text is on missing pages", style=GAP_STYLE)
    return out


def _paragraph(paragraph: Paragraph, indent: str, width: int) -> Text:
    out = Text(indent)
    out.append(f"{paragraph.id:<{width - len(indent)}}", style=ID_STYLE)
    out.append("  ")
    if paragraph.cut == "start":
        out.append("[…] ", style=GAP_STYLE)
    out.append(clean(reading.opening(paragraph, OPENING_WORDS)))
    return out


class _Cropped:
    """Lines that never wrap on a terminal (cropped with "…"); whole when piped."""

    def __init__(self, lines: list[Text]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if console.soft_wrap:
            yield from self.lines
            return
        for line in self.lines:
            line = line.copy()
            line.truncate(options.max_width, overflow="ellipsis")
            yield line
