"""What every view is built from: styles, safe text, gap markers, and layouts
that adapt to the terminal (a table or labelled lines, wide or narrow).

Every piece of data (the letter's text, a user's query) goes into
:class:`rich.text.Text` as plain text, never through markup, and is stripped
of control characters first (:func:`vr2018.text.clean.clean`), so nothing in it can
reach the terminal as markup or an escape code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text

from vr2018.i18n import N_, _
from vr2018.text.clean import clean

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from vr2018.corpus.model import Event, Motion, Paragraph
    from vr2018.letter.sentences import Sentence

GAP_STYLE = "bold yellow"
ID_STYLE = "cyan"
HEADING_STYLE = "bold"
MUTED = "dim"


# What a marker in a view means: one line under the view, only where it shows the marker
# (marked for the catalog here, translated where the legend is written).
KEYS = {
    "year": N_(
        "[2018]: a year in brackets is inferred: the letter gives only day or month, in the year it looks back on."
    ),
    "chamber": N_(
        "inferred: the letter does not name the chamber; a motion it does not call a Senate "
        "motion is taken to be one of the House of Representatives, to which the letter is addressed."
    ),
    "subject": N_("(inferred) after a subject: our reading of the context, not what the letter states."),
    "heading": N_("(inferred) after a [heading]: our guess that a new section begins there."),
}


def inferred() -> str:
    """The marker after what is our reading, not the letter's statement: "(inferred)"."""
    return _("(inferred)")


def legend(*markers: str) -> list[RenderableType]:
    """A blank line and one dim line per marker that the view shows (``"year"``, ``"chamber"``);
    nothing when it shows none."""
    if not markers:
        return []
    return [Text(), *(prose(Text(_(KEYS[m]), style=MUTED)) for m in dict.fromkeys(markers))]


def markers(events: Iterable[Event] = (), motions: Iterable[Motion] = ()) -> list[str]:
    """The markers these events and motions put in a view: an inferred year, chamber or subject
    (a view that shows an inferred section adds ``"heading"`` itself)."""
    motions = tuple(motions)
    found = ["year"] if any(e.year_inferred for e in events) else []
    found += ["chamber"] if any(m.chamber_inferred for m in motions) else []
    return found + (["subject"] if any(m.subject_inferred for m in motions) else [])


def plain(value: str, style: str = "") -> Text:
    """Data as Rich text, never interpreted as markup."""
    return Text(clean(value), style=style)


# A URL in running text: up to white space, without the sentence's closing punctuation.
_URL = re.compile(r"https?://\S+?(?=[.,;:!?)\]]*(?:\s|$))")


def link(text: str, url: str | None, style: str = "") -> Text:
    """``text`` that opens ``url`` when clicked (Ctrl-click) on a terminal: an OSC 8
    hyperlink, which Rich emits only where it writes escape codes at all; in a pipe or
    under NO_COLOR the text is all there is, so a URL is shown whole as its own text.
    The one rule for every link vr2018 shows."""
    if not url:
        return plain(text, style)
    return Text(clean(text), style=Style.parse(style or "none") + Style(link=clean(url)))


def linked(text: Text) -> Text:
    """``text`` with every URL in it made a link to itself (the letter's own URLs)."""
    for found in _URL.finditer(text.plain):
        text.stylize(Style(link=found.group()), found.start(), found.end())
    return text


def gap_marker() -> Text:
    """The line that stands where pages of the letter are missing."""
    return Text(_("[…] Text missing: one or more pages of the letter are not available."), style=GAP_STYLE)


def cut_text(paragraph: Paragraph | Sentence, body: Text) -> Text:
    """A paragraph's (or sentence's) text with a visible marker where a missing page cuts it."""
    out = Text()
    if paragraph.cut == "start":
        out.append("[…] ", style=GAP_STYLE)
    out.append_text(body)
    if paragraph.cut == "end":
        out.append(" […]", style=GAP_STYLE)
    return out


def ids(values: Iterable[str]) -> Text:
    """Paragraph ids as a citation: [inleiding, conflict-en-honger]."""
    return Text.assemble(("[", MUTED), (", ".join(values), ID_STYLE), ("]", MUTED))


def heading(title: str) -> Text:
    return Text("\n" + title, style=HEADING_STYLE)


def joined(values: Iterable[str]) -> Text:
    return plain(" · ".join(values))


def lines(values: Iterable[str]) -> Text:
    return plain("\n".join(values))


def stack(parts: Iterable[RenderableType]) -> RenderableType:
    """Renderables one below the other with a blank line between."""
    spaced: list[RenderableType] = []
    for n, part in enumerate(parts):
        spaced += [Text()] if n else []
        spaced.append(part)
    return Group(*spaced)


# ── the layout rules every view follows ────────────────────────────────────
# 1. Running text is never wider than MEASURE columns (a readable line), however
#    wide the terminal; tables (Adaptive, Wide) may use the whole width.
# 2. An indented block wraps under its own first line: indentation is layout
#    (Indent), never spaces in the text, which the wrapped lines would lose.
# 3. A word is never split: a word longer than the line (a URL) goes on a line
#    of its own, whole, even where it overflows (the console prints with
#    overflow "ignore" and no cropping: vr2018.cli.console).
# 4. A table is drawn only where no cell wraps; otherwise its rows become
#    labelled lines. Labelled values (Fields) are a grid only where every value
#    has room beside its label, else each value goes under its label.
# 5. Two languages (``--lang both``) are side by side, one sentence a row, only on
#    a terminal of at least 140 columns and only where every word fits its column
#    (vr2018.views.bilingual.Bilingual); else, and always in a pipe, the Dutch
#    stands under the English, labelled.

MEASURE = 100
"""The widest line of running text, in columns."""

MIN_VALUE = 30
"""Labelled values sit beside their labels only where they have this many columns."""


class Measure:
    """Running text at most :data:`MEASURE` columns wide (rule 1)."""

    def __init__(self, renderable: RenderableType, width: int = MEASURE) -> None:
        self.renderable = renderable
        self.width = width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # On a terminal, lines end where their text ends: Rich leaves a space where it wrapped.
        view = self.renderable if console.soft_wrap else Indent(self.renderable, 0)
        yield from console.render(view, options.update_width(min(options.max_width, self.width)))


class Wide:
    """A table or listing that may use the terminal's whole width, past :data:`MEASURE` (rule 1)."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from console.render(self.renderable, options.update_width(max(options.max_width, console.width)))


class Indent:
    """``renderable`` with every line of it indented (rule 2): wrapped lines hang
    under the first. ``first`` replaces the indent on the first line (a bullet,
    a number). Nothing is cropped or padded: a whole URL may overflow (rule 3),
    and piped output keeps one line per paragraph."""

    def __init__(self, renderable: RenderableType, size: int = 2, first: Text | None = None) -> None:
        self.renderable = renderable
        self.size = size
        self.first = None if first is None else _spanned(first)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rendered = console.render(self.renderable, options.update_width(max(options.max_width - self.size, 1)))
        pad = Segment(" " * self.size)
        for n, line in enumerate(Segment.split_lines(rendered)):
            if n == 0 and self.first is not None:
                yield from self.first.render(console)
            elif any(segment.text for segment in line):  # no trailing spaces on a blank line
                yield pad
            yield from _rstrip(line)
            yield Segment.line()


def _spanned(text: Text) -> Text:
    """``text`` with its own style (a link, a dimmed key) as a span over all of it:
    ``Text.render``, which these renderables call line by line, draws spans only."""
    if not text.style:
        return text
    spanned = text.copy()
    spanned.style = ""
    spanned.spans.insert(0, Span(0, len(spanned), text.style))  # under the text's own spans
    return spanned


def _rstrip(line: list[Segment]) -> list[Segment]:
    """A rendered line without the spaces Rich leaves at its end."""
    while line and not line[-1].control and not line[-1].text.rstrip():
        line = line[:-1]
    if line and not line[-1].control:
        last = line[-1]
        line = [*line[:-1], Segment(last.text.rstrip(), last.style)]
    return line


def indent(renderable: RenderableType, size: int = 2) -> Indent:
    """``renderable`` indented ``size`` columns, wrapped lines included."""
    return Indent(renderable, size)


def hang(renderable: RenderableType, size: int = 2) -> Indent:
    """``renderable``'s first line at the margin, its wrapped lines ``size`` columns in."""
    return Indent(renderable, size, first=Text())


def item(marker: str, body: RenderableType, style: str = "") -> Indent:
    """A list item: ``marker`` ("• ", "12. ") and the body hanging under its first word."""
    return Indent(body, cell_len(marker), first=Text(marker, style=style))


class Prose:
    """Text that wraps between words only (rule 3): where Rich would fold a word
    longer than the line (a URL in a paragraph) into pieces, it gets a line of
    its own, whole."""

    def __init__(self, text: Text) -> None:
        self.text = _spanned(text)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.text.__rich_measure__(console, options)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.no_wrap:  # piped: one line per paragraph
            yield self.text
            return
        for line in wrap(self.text, options.max_width):
            yield from line.render(console)
            yield Segment.line()


_WORD_AND_SPACE = re.compile(r"\s*(?:¶ )?\S+\s*")  # "¶ id" is one word: the mark stays with its id


def _breaks(text: str, width: int) -> list[int]:
    """Where the lines of ``text`` start when it is wrapped at ``width`` between words only
    (a paragraph mark and the id after it count as one word)."""
    offsets, position = [], 0
    for match in _WORD_AND_SPACE.finditer(text):
        word = match.group()
        if position and position + cell_len(word.rstrip()) > width:
            offsets.append(match.start())
            position = cell_len(word)
        else:
            position += cell_len(word)
    return offsets


def wrap(text: Text, width: int) -> list[Text]:
    """``text``'s lines at ``width`` columns, broken between words only (rule 3), without
    the spaces at their ends; its own newlines kept."""
    out = []
    for paragraph in _spanned(text).split("\n", allow_blank=True):
        for line in paragraph.divide(_breaks(paragraph.plain, width)):
            line.rstrip()
            out.append(line)
    return out


def prose(text: Text) -> Prose:
    """Running text whose words, URLs included, are never split."""
    return Prose(text)


def url(value: str, style: str = "underline") -> Text:
    """A link: never wrapped, never cut (rule 3)."""
    text = link(value, value, style)  # and a hyperlink where the terminal takes one
    text.no_wrap, text.overflow = True, "ignore"
    return text


class Adaptive:
    """Rows under column headers (rule 4): the table where every cell fits on one
    line; where any cell would wrap, ``narrow`` (labelled lines); piped (soft
    wrap), ``lines``, one plain line per row that never wraps, for grep and friends."""

    def __init__(self, table: RenderableType, lines: list[Text], narrow: RenderableType) -> None:
        self.table = table
        self.lines = lines
        self.narrow = narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if console.soft_wrap:
            yield from self.lines
            return
        width = max(options.max_width, console.width)  # a table may use the whole width
        if _wraps(console, options.update_width(width), self.table):
            yield self.narrow
        else:
            yield from console.render(Indent(self.table, 0), options.update_width(width))  # no padding at line ends


def _wraps(console: Console, options: ConsoleOptions, renderable: RenderableType) -> bool:
    """True where ``renderable`` cannot be drawn in the width without wrapping some cell."""
    return Measurement.get(console, options.update_width(10_000), renderable).maximum > options.max_width


class Fields:
    """Labelled values (rule 4): on a terminal a grid, the label in a column of
    its own, where every value has :data:`MIN_VALUE` columns and no word too long
    for its column; otherwise every value under its label, indented, a URL whole.
    Piped, plain lines, continuation lines under the value."""

    def __init__(self, rows: list[tuple[str, Text]], label_style: str, lines: list[Text]) -> None:
        self.rows = rows
        self.label_style = label_style
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.table import Table

        if console.soft_wrap:
            yield from self.lines
            return
        width = max((cell_len(label) for label, _ in self.rows), default=0)
        room = options.max_width - width - 2
        longest = max((cell_len(word) for _, value in self.rows for word in value.plain.split()), default=0)
        if room >= MIN_VALUE and longest <= room:
            table = Table.grid(padding=(0, 2))
            table.add_column(style=self.label_style, no_wrap=True, min_width=width)
            table.add_column()
            for label, value in self.rows:
                table.add_row(plain(label), prose(value))  # wrapped as prose: "¶ id" together
            yield Indent(table, 0)  # without the spaces that pad the grid's cells
            return
        for label, value in self.rows:
            yield plain(label, self.label_style)
            yield Indent(prose(value))


def fields(rows: list[tuple[str, Text]], label_style: str = MUTED) -> Fields:
    """Labelled values, the label in a column of its own; a value's lines hang under its first."""
    width = max((len(label) for label, _ in rows), default=0)
    out = []
    for label, value in rows:
        for n, part in enumerate(value.split("\n")):
            line = Text(f"{label if n == 0 else '':<{width}}  ", style=label_style if n == 0 else "")
            line.append_text(part)
            out.append(line)
    return Fields(rows, label_style, out)


class Fit:
    """``wide`` where the terminal has ``need`` columns, else ``narrow``: a narrow
    terminal gets a layout that wraps rather than one that cuts text off."""

    def __init__(self, wide: RenderableType, narrow: RenderableType, need: int) -> None:
        self.wide = wide
        self.narrow = narrow
        self.need = need

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide if options.max_width >= self.need else self.narrow
