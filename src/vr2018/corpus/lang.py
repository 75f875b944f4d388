"""Which language a view answers in, and the one place that picks a text by it.

Rich-free and Typer-free: commands parse ``--lang`` (:mod:`vr2018.cli.options`)
into a :class:`Lang` and hand it to views, serialisers and exports as a value.

- ``nl`` (the default): the letter and our texts in Dutch, as the letter has them.
- ``en``: our unofficial English rendering of the letter and English for
  everything we wrote; a view that shows it says so once, at its top
  (:mod:`vr2018.views.bilingual`).
- ``both``: as ``en``, and the Dutch original of each passage of the letter,
  labelled, under it or beside it.

Interface words (labels, markers, messages, the notice) are not the text's: they
are the interface language's (:mod:`vr2018.i18n`), written where views write them. A
heading the letter does not print (``printed = false``: the opening, and the
headings lost on missing pages) is ours, so it is shown in English in every
mode, in [brackets].
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Paragraph, Section


class Lang(str, Enum):
    nl = "nl"
    en = "en"
    both = "both"

    @property
    def english(self) -> bool:
        """True where our English is shown (``en`` and ``both``)."""
        return self is not Lang.nl


NL, EN, BOTH = Lang.nl, Lang.en, Lang.both


DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def text_of(record: Any, field: str, lang: Lang = NL) -> str:
    """``record.field`` in the language asked for: its ``field_en`` sibling for
    ``en`` and ``both`` (the Dutch where a record has no English), else the Dutch."""
    if lang.english:
        english = getattr(record, field + "_en", None)
        if english:
            return str(english)
    return str(getattr(record, field))


def names_of(record: Any, field: str, lang: Lang = NL) -> tuple[str, ...]:
    """A list of names (``places``, ``organisations``) in the language asked for:
    its ``field_en`` sibling for ``en`` and ``both`` where there is one, else the Dutch."""
    if lang.english:
        english = getattr(record, field + "_en", None)
        if english:
            return tuple(english)
    return tuple(getattr(record, field))


def month(number: int, lang: Lang = NL) -> str:
    """The month's name (1-12) in Dutch, or in English for ``en`` and ``both``."""
    return (ENGLISH_MONTHS if lang.english else DUTCH_MONTHS)[number - 1]


def day(iso: str, as_written: str, lang: Lang = NL) -> str:
    """A full date as the letter writes it ("15 februari 2019"), or for ``en`` and
    ``both`` with the English month ("15 February 2019")."""
    if not lang.english:
        return as_written
    year, number, dd = iso.split("-")
    return f"{int(dd)} {month(int(number), lang)} {year}"


def heading(section: Section, lang: Lang = NL) -> str:
    """A section's heading as views show it: the letter's own in Dutch, or in
    English with the Dutch kept ("Root causes (Grondoorzaken)"); a heading the
    letter does not print is ours, in [brackets], in the text's language ("[Inleiding]",
    "[Introduction]")."""
    if not section.printed:
        return f"[{section.title_en if lang.english and section.title_en else section.title}]"
    if not lang.english or not section.title_en or section.title_en == section.title:
        return section.title
    return f"{section.title_en} ({section.title})"


def section_title(corpus: Corpus, paragraph: Paragraph, lang: Lang = NL) -> str:
    """The headings above a paragraph, outermost first, each as :func:`heading` shows it."""
    return " › ".join(heading(s, lang) for s in corpus.section_path(paragraph))
