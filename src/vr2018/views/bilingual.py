"""The letter's text in the language asked for: the unofficial-translation notice (once, at
the top of a view that shows our English), the "Dutch original:" label, and the two layouts
of ``--lang both``: our English and the Dutch original side by side, sentence by sentence,
on a terminal wide enough, else one under the other.

Side by side follows EUR-Lex's bilingual display: each row one sentence, English left,
Dutch right, so a reader finds the Dutch of any English sentence on the same line. The
sentences are the project's one split (:mod:`vr2018.letter.sentences`, the one that numbers
``ID:N``); every paragraph's English has as many as its Dutch (tests/test_translation.py),
and where a text's two renderings do not pair up, it is stacked instead: a sentence is never
set beside another's translation.

Interface words are written here, through ``_()``, when a view is built.
"""

from __future__ import annotations

from itertools import zip_longest
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group
from rich.segment import Segment
from rich.text import Text

from vr2018.corpus.lang import BOTH, NL, Lang, names_of, text_of
from vr2018.i18n import _
from vr2018.letter.sentences import Sentence, of
from vr2018.views.layout import ID_STYLE, MEASURE, MUTED, cut_text, lines, linked, plain, prose, wrap

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

    from vr2018.corpus.model import Paragraph

SIDE_BY_SIDE = 140
"""The fewest columns on which ``--lang both`` sets English and Dutch side by side."""

GUTTER = " │ "
"""Between the English column and the Dutch one."""


def unofficial_notice() -> str:
    """What our English is: said once, at the top of every view that shows it."""
    return _("English: unofficial translation; the Dutch text is authoritative.")


def unofficial(lang: Lang) -> list[RenderableType]:
    """The notice as a view's first line where it shows our English (``en``, ``both``); else nothing."""
    return [prose(Text(unofficial_notice(), style=MUTED))] if lang.english else []


def dutch_original() -> Text:
    """The label over (or beside) every Dutch original that ``both`` shows under our English."""
    return Text(_("Dutch original:"), style=MUTED)


def english_translation() -> Text:
    """The head of the English column, beside :func:`dutch_original`, when they are side by side."""
    return Text(_("English translation:"), style=MUTED)


class Bilingual:
    """Our English and the Dutch original (``both``). On a terminal of at least
    :data:`SIDE_BY_SIDE` columns, two columns under their labels, one row per sentence
    (``rows``: English, Dutch), each column at most :data:`~vr2018.views.layout.MEASURE`
    wide; where any word is too long for its column (a URL), or there are no rows, or the
    terminal is narrower, or output goes to a pipe: ``english``, then the Dutch under its
    label. A view's own block, at its left margin: it measures the terminal, not the
    running text's measure, as :class:`~vr2018.views.layout.Wide` does."""

    def __init__(self, english: Text, dutch: Text, rows: list[tuple[Text, Text]] | None) -> None:
        self.english = english
        self.dutch = dutch
        self.rows = rows

    def stacked(self) -> RenderableType:
        return Group(prose(self.english), dutch_original(), prose(self.dutch))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, console.width)
        column = min((width - cell_len(GUTTER)) // 2, MEASURE)
        wide = console.is_terminal and not console.soft_wrap and width >= SIDE_BY_SIDE
        if not wide or not self.rows or not _fits(self.rows, column):
            yield self.stacked()
            return
        between = Text.assemble(" " * column, (GUTTER.rstrip(), MUTED))  # a blank line between two sentences
        for n, (left, right) in enumerate([(english_translation(), dutch_original()), *self.rows]):
            if n > 1:
                yield from between.render(console)
                yield Segment.line()
            for english, dutch in zip_longest(wrap(left, column), wrap(right, column), fillvalue=Text()):
                line = Text.assemble(english, " " * (column - cell_len(english.plain)), (GUTTER, MUTED), dutch)
                line.rstrip()
                yield from line.render(console)
                yield Segment.line()


def _fits(rows: list[tuple[Text, Text]], column: int) -> bool:
    """True where every word of every row has room in a column ``column`` wide."""
    return all(cell_len(word) <= column for row in rows for text in row for word in text.plain.split())


def pairs(paragraph: Paragraph | Sentence) -> list[tuple[Sentence, str, str]] | None:
    """A paragraph's (or a sentence's) sentences with their English and Dutch, one row
    each; None where the English does not pair up with the Dutch sentence for sentence."""
    sentences = (paragraph,) if isinstance(paragraph, Sentence) else of(paragraph)
    if any(s.text_en is None for s in sentences):
        return None
    return [(s, str(s.text_en), s.text) for s in sentences]


def passage(paragraph: Paragraph | Sentence, lang: Lang = NL, style: str = "") -> RenderableType:
    """A paragraph's (or a sentence's) text with cut markers, in the language asked for:
    our English for ``en``; for ``both`` our English and the Dutch original, labelled, side by
    side where there is room (:class:`Bilingual`). The notice is the view's, at its top."""

    def shown(text: str, cut: Paragraph | Sentence) -> Text:
        return cut_text(cut, linked(plain(text, style)))

    if not lang.english:
        return prose(shown(paragraph.text, paragraph))
    english = shown(text_of(paragraph, "text", lang), paragraph)
    if lang is not BOTH:
        return prose(english)
    found = pairs(paragraph)
    rows = None if found is None else [(shown(en, s), shown(nl, s)) for s, en, nl in found]
    return Bilingual(english, shown(paragraph.text, paragraph), rows)


def paragraph_block(paragraph: Paragraph, lang: Lang = NL) -> RenderableType:
    """One paragraph: its id above, its text (with cut markers) below."""
    head = Text.assemble(("¶ ", MUTED), (paragraph.id, ID_STYLE))
    return Group(head, passage(paragraph, lang), Text())


def translated(record: object, field: str, lang: Lang = NL, style: str = "") -> list[Text]:
    """A short text of the letter (its title, salutation) in the language asked
    for; ``both`` puts the Dutch, dimmed and labelled, under the English."""
    shown = [plain(text_of(record, field, lang), style)]
    if lang is BOTH:
        shown.append(Text.assemble(dutch_original(), " ", plain(text_of(record, field, NL), MUTED)))
    return shown


def translated_lines(record: object, field: str, lang: Lang = NL) -> Text:
    """A block of the letter's lines (an address) in the language asked for;
    ``both`` puts the Dutch, dimmed, under the English and its label."""
    shown = lines(names_of(record, field, lang))
    if lang is BOTH:
        shown.append("\n")
        shown.append_text(dutch_original())
        shown.append("\n" + "\n".join(names_of(record, field, NL)), style=MUTED)
    return shown
