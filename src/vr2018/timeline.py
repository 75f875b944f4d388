"""The letter's dates as a timeline: date labels, windows, the events that name a person.

Pure functions: no I/O, no Rich, no Typer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.lang import Lang
from vr2018.corpus.lang import month as lang_month
from vr2018.corpus.model import day_number
from vr2018.corpus.record import Record
from vr2018.problems import Conflict, Invalid, NoEvents
from vr2018.text.fold import words

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Event, Person, Theme
from vr2018.people import people_named


def date_label(event: Event, lang: Lang = Lang.nl) -> str:
    """The date at the letter's precision, in Dutch: "6 juli [2018]", "april 2018", "2033-2034";
    for ``en`` and ``both`` with English month names ("6 July [2018]").

    A year in [brackets] is inferred: the letter gives only day and month.
    """
    if event.precision == "range":
        return event.date.replace("/", "-")
    year = event.date[:4]
    shown_year = f"[{year}]" if event.year_inferred else year
    if event.precision == "year":
        return shown_year
    month = lang_month(int(event.date[5:7]), lang)
    if event.precision == "month":
        return f"{month} {shown_year}"
    return f"{int(event.date[8:10])} {month} {shown_year}"


def timeline(
    corpus: Corpus,
    theme: Theme | None = None,
    start: int | None = None,
    end: int | None = None,
    people: tuple[Person, ...] | None = None,
) -> tuple[Event, ...]:
    """Every dated event in chronological order (:attr:`Event.sort_key`), narrowed to
    those whose paragraph carries ``theme``, that lie within the window from ``start``
    to ``end`` (YYYYMMDD numbers, inclusive, from :func:`window_bound`: an event is in
    it when every day its date can mean is, so "2018" is not within September to
    December 2018: the letter does not say when in 2018), and that name one of
    ``people`` in their label."""
    out = []
    for event in corpus.events:
        first, last = event.span
        if theme is not None and not (event.paragraph and theme.id in corpus.paragraph(event.paragraph).themes):
            continue
        if (start is not None and first < start) or (end is not None and last > end):
            continue
        if people is not None and not any(names_person(event, p) for p in people):
            continue
        out.append(event)
    return tuple(out)


def window_bound(text: str, last: bool = False) -> int:
    """A --from/--to value as YYYYMMDD: a year ('2018'), a month ('2018-09') or a date
    ('2018-09-26'); its first day, or with ``last`` its last. :class:`~vr2018.problems.Invalid`
    (a date) for anything else."""
    import re
    from datetime import date

    value = text.strip()
    found = re.fullmatch(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?", value, re.ASCII)
    if not found:
        raise Invalid("date", text, "form")
    year = int(found.group(1))
    month, day = (int(g) if g else None for g in found.groups()[1:])
    try:  # 2018-00 and 2018-09-00 are no dates: a missing part is None, never 0
        date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError as exc:
        raise Invalid("date", text, "calendar", str(exc)) from None
    return day_number(value, last)


def names_person(event: Event, person: Person) -> bool:
    """True if the event's label (Dutch or English) names the person by name or alias."""
    label = [*words(event.label), "/", *words(event.label_en or "")]
    for name in (person.name, *person.aliases):
        wanted = words(name)
        n = len(wanted)
        if n and any(label[i : i + n] == wanted for i in range(len(label) - n + 1)):
            return True
    return False


class Dated(Record):
    """A timeline as `timeline` filters it: its events, and the filters that narrowed it
    (the window as typed, the names of the people; :func:`vr2018.cli.messages.narrowing` says it)."""

    events: tuple[Event, ...]
    since: str | None = None
    until: str | None = None
    people: tuple[str, ...] | None = None


def dated(
    corpus: Corpus,
    theme: Theme | None = None,
    since: str | None = None,
    until: str | None = None,
    person: str | None = None,
) -> Dated:
    """The timeline for the filters as typed (--from, --to: a year, month or day; --person: a
    name, alias or role). :class:`~vr2018.problems.Conflict` for a window that is no window,
    :class:`~vr2018.problems.NoEvents` with the filters when nothing is dated within them."""
    start = window_bound(since) if since is not None else None
    end = window_bound(until, last=True) if until is not None else None
    if start is not None and end is not None and start > end:
        raise Conflict("window", "reversed", since or "", until or "")
    who = people_named(corpus, person) if person is not None else None
    events = timeline(corpus, theme, start=start, end=end, people=who)
    names = None if who is None else tuple(p.name for p in who)
    if not events:
        raise NoEvents(theme.title if theme is not None else "", since, until, names)
    return Dated(events=events, since=since, until=until, people=names)
