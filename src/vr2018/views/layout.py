"""What every view is built from: styles, safe text, gap markers, and layouts
that adapt to the terminal (a table or labelled lines, wide or narrow).

Every piece of data (the letter's text, a user's query) goes into
:class:`rich.text.Text` as plain text, never through markup, and is stripped
of control characters first (:func:`vr2018.text.clean`), so nothing in it can
reach the terminal as markup or an escape code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Group
from rich.style import Style
from rich.text import Text

from ..lang import BOTH, DUTCH_ORIGINAL, NL, UNOFFICIAL, Lang, text_of
from ..text import clean

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from ..corpus import Corpus
    from ..model import Paragraph

GAP = "[…] Text missing: one or more pages of the letter are not available."
GAP_STYLE = "bold yellow"
ID_STYLE = "cyan"
HEADING_STYLE = "bold"
MUTED = "dim"


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
    return Text(GAP, style=GAP_STYLE)


def cut_text(paragraph: Paragraph, body: Text) -> Text:
    """The paragraph's text with a visible marker where a missing page cuts it."""
    out = Text()
    if paragraph.cut == "start":
        out.append("[…] ", style=GAP_STYLE)
    out.append_text(body)
    if paragraph.cut == "end":
        out.append(" […]", style=GAP_STYLE)
    return out


def passage(paragraph: Paragraph, lang: Lang = NL, style: str = "") -> RenderableType:
    """A paragraph's text (with cut markers) in the language asked for. English
    always comes with :data:`~vr2018.lang.UNOFFICIAL` right above it, so no
    English of the letter is ever shown without it; ``both`` adds the Dutch
    original under it."""
    if not lang.english:
        return cut_text(paragraph, linked(plain(paragraph.text, style)))
    parts: list[RenderableType] = [
        Text(UNOFFICIAL, style=MUTED), cut_text(paragraph, linked(plain(text_of(paragraph, "text", lang), style))),
    ]
    if lang is BOTH:
        parts += [Text(DUTCH_ORIGINAL, style=MUTED), cut_text(paragraph, linked(plain(paragraph.text, style)))]
    return Group(*parts)


def translated(record: object, field: str, lang: Lang = NL, style: str = "") -> list[Text]:
    """A short text of the letter (its title, salutation) in the language asked
    for; ``both`` puts the Dutch, dimmed, under the English."""
    shown = [plain(text_of(record, field, lang), style)]
    if lang is BOTH:
        shown.append(plain(text_of(record, field, NL), MUTED))
    return shown


def paragraph_block(corpus: Corpus, paragraph: Paragraph, lang: Lang = NL) -> RenderableType:
    """One paragraph: its id above, its text (with cut markers) below."""
    head = Text.assemble(("¶ ", MUTED), (paragraph.id, ID_STYLE))
    return Group(head, passage(paragraph, lang), Text())


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


class Adaptive:
    """A table on a terminal; when output is piped (soft wrap), plain lines that never wrap,
    so each record stays on its own line(s) for grep and friends."""

    def __init__(self, table: RenderableType, lines: list[Text]) -> None:
        self.table = table
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if console.soft_wrap or _too_narrow(console, options, self.table):
            yield from self.lines  # on a narrow terminal too: they wrap, the table would cut
        else:
            yield self.table


def _too_narrow(console: Console, options: ConsoleOptions, renderable: RenderableType) -> bool:
    """True where ``renderable`` cannot be drawn in the width without cutting text."""
    from rich.measure import Measurement

    return Measurement.get(console, options.update_width(10_000), renderable).minimum > options.max_width


class Fields:
    """Labelled values: on a terminal a grid, the label in a column of its own; a
    value with a word too long for its column (a URL) goes under its label at
    full width, whole, so it can be copied; piped, plain hanging lines."""

    def __init__(self, rows: list[tuple[str, Text]], label_style: str, lines: list[Text]) -> None:
        self.rows = rows
        self.label_style = label_style
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len
        from rich.padding import Padding
        from rich.table import Table

        if console.soft_wrap:
            yield from self.lines
            return
        width = max((cell_len(label) for label, _ in self.rows), default=0)
        room = options.max_width - width - 2
        table = None
        for label, value in self.rows:
            longest = max((cell_len(word) for word in value.plain.split()), default=0)
            if longest <= room:
                if table is None:
                    table = Table.grid(padding=(0, 2))
                    table.add_column(style=self.label_style, no_wrap=True, min_width=width)
                    table.add_column(overflow="fold")
                table.add_row(plain(label), value)
                continue
            if table is not None:
                yield table
                table = None
            yield plain(label, self.label_style)
            indent = 2 if longest + 2 <= options.max_width else 0
            yield Padding(value, (0, 0, 0, indent))
        if table is not None:
            yield table


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
