"""Dates as people type them: a year, a month or a day, in figures ("2018", "2018-09",
"2018-09-26") or with the month's name in Dutch or English, whole or abbreviated
("september 2018", "sept 2018", "Sep. 2018", "okt 2018", "26 september 2018", "2018 sep").
A month or day without a year takes the year it is given ("september": the year the
letter looks back on, which :func:`vr2018.timeline.letter_year` finds) and says so.

Pure functions: no I/O.
"""

from __future__ import annotations

import re

from vr2018.corpus.lang import DUTCH_MONTHS, ENGLISH_MONTHS
from vr2018.corpus.model import day_number
from vr2018.corpus.record import Record
from vr2018.problems import Invalid
from vr2018.text.fold import fold

# Dutch abbreviates maart as "mrt", which is no start of the month's name; every other
# abbreviation in either language is a start of three letters or more ("sep", "sept", "okt").
_OWN_ABBREVIATIONS = {"mrt": 3}

_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?", re.ASCII)

_YEAR = re.compile(r"[0-9]{4}", re.ASCII)

_DAY = re.compile(r"[0-9]{1,2}", re.ASCII)


class When(Record):
    """A year, month or day the user named: ``iso`` ("2018", "2018-09", "2018-09-26");
    ``year_inferred`` when they gave no year and the year was supplied."""

    iso: str
    year_inferred: bool = False

    @property
    def first(self) -> int:
        """Its first day as a YYYYMMDD number."""
        return day_number(self.iso)

    @property
    def last(self) -> int:
        """Its last day as a YYYYMMDD number (a month's counted as its 31st)."""
        return day_number(self.iso, last=True)


def month_number(word: str) -> int | None:
    """The month a word names, in Dutch or English, whole or abbreviated, case, accents
    and a final full stop aside: 'september', 'Sept.', 'sep', 'okt', 'oct', 'mrt', 'March'
    and 'mei' → 9, 9, 9, 10, 10, 3, 3, 5. An abbreviation is a start of the name of three
    letters or more ('ma' could be maart or mei); None for anything else."""
    folded = fold(word.strip()).removesuffix(".")
    if folded in _OWN_ABBREVIATIONS:
        return _OWN_ABBREVIATIONS[folded]
    if len(folded) < 3 or not folded.isalpha():
        return None
    found = {
        n
        for n, names in enumerate(zip(DUTCH_MONTHS, ENGLISH_MONTHS, strict=True), 1)
        for name in names
        if fold(name).startswith(folded)
    }
    return found.pop() if len(found) == 1 else None


def read_when(text: str, year: int | None = None) -> When:
    """A year, month or day as typed (see the module), as a :class:`When`. A month or day
    without a year takes ``year``, marked inferred. :class:`~vr2018.problems.Invalid`
    (kind "date") for anything else: ``reason`` "form" (no such form), "calendar" (no
    such day: 2018-02-30; ``detail`` the part the calendar lacks: "year", "month" or "day"), "month" (a word close to a
    month's name; ``detail`` that name), "no-year" (a month or day, and no ``year`` given)."""
    value = " ".join(fold(text).replace(",", " ").split())
    iso = _ISO.fullmatch(value)
    if iso:
        y, m, d = iso.groups()
        return _checked(text, int(y), int(m) if m else None, int(d) if d else None)
    parts = value.split()
    if not 1 <= len(parts) <= 3:
        raise Invalid("date", text, "form")
    years = [p for p in parts if _YEAR.fullmatch(p)]
    days = [p for p in parts if _DAY.fullmatch(p)]
    names = [p for p in parts if p not in years and p not in days]
    if len(years) > 1 or len(days) > 1 or len(names) != 1:
        raise Invalid("date", text, "form")
    month = month_number(names[0])
    if month is None:
        close = _close_month(names[0])
        raise Invalid("date", text, "month" if close else "form", close)
    if days and parts.index(days[0]) != parts.index(names[0]) - 1:  # a day comes before its month
        raise Invalid("date", text, "form")
    if years and len(parts) == 3 and parts[-1] != years[0]:  # "26 2018 september"
        raise Invalid("date", text, "form")
    if not years and year is None:
        raise Invalid("date", text, "no-year")
    found = _checked(text, int(years[0]) if years else year or 0, month, int(days[0]) if days else None)
    return When(iso=found.iso, year_inferred=not years)


def _checked(text: str, year: int, month: int | None, day: int | None) -> When:
    """The date these parts make, if the calendar has it (2018-00 and 2018-09-00 are no dates:
    a missing part is None, never 0)."""
    from datetime import date

    try:
        date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        part = "year" if not 1 <= year <= 9999 else "month" if month is not None and not 1 <= month <= 12 else "day"
        raise Invalid("date", text, "calendar", part) from None
    iso = f"{year:04d}" + ("" if month is None else f"-{month:02d}") + ("" if day is None else f"-{day:02d}")
    return When(iso=iso)


def _close_month(word: str) -> str:
    """The month's name (Dutch or English, as written in lower case) within two slips of a
    word of four letters or more ('setpember' → 'september'); "" if none is."""
    folded = fold(word).removesuffix(".")
    if len(folded) < 4 or not folded.isalpha():
        return ""
    from rapidfuzz.distance import OSA

    names = [fold(n) for n in (*DUTCH_MONTHS, *ENGLISH_MONTHS)]
    scored = sorted((OSA.distance(folded, n), n) for n in names)
    return scored[0][1] if scored[0][0] <= 2 else ""
