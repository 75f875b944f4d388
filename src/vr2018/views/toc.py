"""`vr2018 toc` on a terminal: every heading, its paragraphs' ids and first words,
and where pages are missing, one line each (about 40 lines for this letter).

The ids come first, in a column of their own, so they are never cut: on a
terminal each line is cropped to the width at its end (the first words end in
"…"), so nothing wraps and the structure keeps one line per item; piped, the
lines are whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from vr2018.corpus.lang import NL, Lang, heading, text_of
from vr2018.i18n import N_, _, ngettext
from vr2018.letter.paragraphs import opening
from vr2018.text.clean import clean
from vr2018.views.bilingual import unofficial
from vr2018.views.layout import GAP_STYLE, HEADING_STYLE, ID_STYLE, MUTED, inferred, plain

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Paragraph
    from vr2018.letter.outline import Entry

OPENING_WORDS = 8
KEY = N_("§ section id · [Heading]: ours, the letter's is missing · […]: pages missing")
INFERRED = N_("(inferred) after a section id: our guess that a new section begins there.")


def toc_view(corpus: Corpus, entries: tuple[Entry, ...], lang: Lang = NL) -> RenderableType:
    """The table of contents: a summary line, then headings, paragraphs and gaps in reading
    order, in two columns: the ids (a section's after "§", a paragraph's indented under
    it), then the heading or the paragraph's first words."""
    from vr2018.letter.outline import gap_count

    letter = corpus.letter
    paragraphs = sum(len(e.paragraphs) for e in entries)
    summary = _summary(len(letter.fragments), len(entries), paragraphs, gap_count(entries))
    rows: list[Row] = [(plain(text_of(letter, "title", lang), HEADING_STYLE), None), (plain(summary, MUTED), None)]
    for entry in entries:
        if entry.gap_before:
            begins = _("[…] pages missing; fragment {fragment} begins").format(fragment=entry.fragment)
            rows.append((Text(begins, style=GAP_STYLE), None))
        rows.append(_heading(entry, lang))
        rows += [_paragraph(entry, paragraph, lang) for paragraph in entry.paragraphs]
    rows.append((Text(_(KEY), style=MUTED), None))
    if any(e.section.heading_inferred for e in entries):
        rows.append((Text(_(INFERRED), style=MUTED), None))
    return Group(*unofficial(lang), _Columns(rows))


def _summary(fragments: int, sections: int, paragraphs: int, gaps: int) -> str:
    """'4 fragments, 14 sections, 23 paragraphs; pages missing in 3 places'."""
    return _("{fragments}, {sections}, {paragraphs}; pages missing in {places}").format(
        fragments=ngettext("{n} fragment", "{n} fragments", fragments).format(n=fragments),
        sections=ngettext("{n} section", "{n} sections", sections).format(n=sections),
        paragraphs=ngettext("{n} paragraph", "{n} paragraphs", paragraphs).format(n=paragraphs),
        places=ngettext("{n} place", "{n} places", gaps).format(n=gaps),
    )


Row = tuple[Text, "Text | None"]  # the id column, and the heading or first words (None: a line of its own)


def _heading(entry: Entry, lang: Lang) -> Row:
    section = entry.section
    ids = Text.assemble("  " * (section.level - 1), ("§ ", MUTED), (section.id, ID_STYLE))
    if entry.text_missing:  # in the id column, which is never cropped
        ids.append(" […]", style=GAP_STYLE)
    if section.heading_inferred:  # there too: a section that is our guess
        ids.append(" " + inferred(), style=MUTED)
    title = clean(heading(section, lang))  # as read shows it: ours in [brackets]
    if section.printed:
        return ids, Text(title, style="bold underline" if section.level == 1 else HEADING_STYLE)
    return ids, Text(title, style="italic " + MUTED)


def _paragraph(entry: Entry, paragraph: Paragraph, lang: Lang) -> Row:
    ids = Text.assemble("  " * entry.section.level, (paragraph.id, ID_STYLE))
    words = Text()
    if paragraph.cut == "start":
        words.append("[…] ", style=GAP_STYLE)
    words.append(clean(opening(paragraph, OPENING_WORDS, lang)))
    return ids, words


class _Columns:
    """Two columns, one line per row: the ids whole, the text after them cropped to the
    width ("…") so nothing wraps; piped, whole lines. On a terminal too narrow for
    both columns, the text goes under its id, indented, and wraps."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.width = max((len(ids.plain) for ids, text in rows if text is not None), default=0)

    def lines(self) -> list[Text]:
        return [
            ids if text is None else Text.assemble(ids, " " * (self.width - len(ids.plain) + 2), text)
            for ids, text in self.rows
        ]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if console.soft_wrap:
            yield from self.lines()
            return
        if options.max_width < self.width + 2 + 24:
            from rich.padding import Padding

            for ids, text in self.rows:  # the text under its id, wrapping under its own first line
                yield ids
                if text is not None:
                    yield Padding(text, (0, 0, 0, 6))
            return
        for line in self.lines():
            line.truncate(options.max_width, overflow="ellipsis")
            yield line
