"""The letter's dates as a timeline: date labels, windows, the events that name a person.

Pure functions: no I/O, no Rich, no Typer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vr2018.corpus.lang import Lang
from vr2018.corpus.lang import month as lang_month
from vr2018.corpus.record import Record
from vr2018.i18n import N_
from vr2018.problems import Conflict, Invalid, NoEvents
from vr2018.text.dates import When, read_when
from vr2018.text.fold import words

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Event, Person, Theme
from vr2018.people import people_named

# Where the letter gives a date that no paragraph gives (``Event.source``), as views and the
# Markdown export name it: marked for the catalog, translated where it is written.
SOURCE_NAMES = {"letterhead": N_("letterhead")}


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


def window_bound(text: str, last: bool = False, year: int | None = None) -> int:
    """A --from/--to/--in value as YYYYMMDD: a year ('2018'), a month ('2018-09',
    'september 2018', 'sept 2018', 'okt 2018') or a day ('2018-09-26', '26 september 2018')
    (:func:`vr2018.text.dates.read_when`; a month or day without a year takes ``year``);
    its first day, or with ``last`` its last. :class:`~vr2018.problems.Invalid` (a date)
    for anything else."""
    when = read_when(text, year)
    return when.last if last else when.first


def letter_year(corpus: Corpus) -> int:
    """The year the letter looks back on: the year of the dates it gives without one (2018;
    "op 6 juli" is 6 July 2018), which a month or day typed without a year is taken to be in.
    The letter's own year where it gives every date a year."""
    inferred = {int(e.date[:4]) for e in corpus.events if e.year_inferred}
    return min(inferred) if inferred else int(corpus.letter.date[:4])


def gathered(
    since: str | None, until: str | None, within: str | None, rest: str | None
) -> tuple[str | None, str | None, str | None]:
    """--from, --to and --in as meant, with the words a shell split off them (``rest``: the
    command's positional words). A bare year after a month with none is that month's year:
    `--from september 2018` is --from "september 2018" (and `--from september --to december
    2018` gives both months 2018). Other words are the window itself: `timeline september
    2018`, `--in september 2018`. Returns (since, until, within)."""
    if not rest:
        return since, until, within
    year = rest.strip()
    values = (since, until, within)
    if re.fullmatch(r"[0-9]{4}", year, re.ASCII) and any(_yearless(v) for v in values):
        since, until, within = (f"{v} {year}" if _yearless(v) else v for v in values)
        return since, until, within
    return since, until, f"{within} {rest}" if within else rest


def _yearless(value: str | None) -> bool:
    """A month or day typed without a year ('september', '6 juli')."""
    if value is None:
        return False
    try:
        read_when(value)
    except Invalid as exc:
        return exc.reason == "no-year"
    return False


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
    (:func:`vr2018.cli.messages.narrowing` says it): the window as typed, a year the user
    left out added in [brackets] ("september [2018]"), with ``year`` that year; and the
    names of the people."""

    events: tuple[Event, ...]
    since: str | None = None
    until: str | None = None
    people: tuple[str, ...] | None = None
    within: str | None = None
    year: int | None = None  # the year supplied to a month or day typed without one


def dated(
    corpus: Corpus,
    theme: Theme | None = None,
    since: str | None = None,
    until: str | None = None,
    person: str | None = None,
    within: str | None = None,
) -> Dated:
    """The timeline for the filters as typed (--in, --from, --to: a year, month or day, as
    :func:`window_bound` reads them, a month or day without a year in :func:`letter_year`;
    --person: a name, alias or role). --in is from its first day to its last; with --from
    or --to, the days all of them allow. :class:`~vr2018.problems.Conflict` for a window
    that is no window, :class:`~vr2018.problems.NoEvents` with the filters when nothing is
    dated within them."""
    year = letter_year(corpus)
    given = {k: v for k, v in (("since", since), ("until", until), ("within", within)) if v is not None}
    read = {k: read_when(v, year) for k, v in given.items()}
    if "since" in read and "until" in read and read["since"].first > read["until"].last:
        raise Conflict("window", "reversed", since or "", until or "")
    for key, option, value in (("since", "--from", since), ("until", "--to", until)):
        if "within" in read and key in read and not _overlap(read[key], read["within"], key == "since"):
            raise Conflict("window", "outside", option, value or "", within or "")
    starts = [w.first for k, w in read.items() if k != "until"]
    ends = [w.last for k, w in read.items() if k != "since"]
    who = people_named(corpus, person) if person is not None else None
    events = timeline(corpus, theme, start=max(starts, default=None), end=min(ends, default=None), people=who)
    names = None if who is None else tuple(p.name for p in who)
    shown = {k: _shown(v, read[k], year) for k, v in given.items()}
    inferred = year if any(w.year_inferred for w in read.values()) else None
    since_, until_, within_ = shown.get("since"), shown.get("until"), shown.get("within")
    if not events:
        raise NoEvents(theme.title if theme is not None else "", since_, until_, names, within_, inferred)
    return Dated(events=events, since=since_, until=until_, people=names, within=within_, year=inferred)


def _overlap(bound: When, within: When, starts: bool) -> bool:
    """Whether a --from (``starts``) or --to leaves any day of --in."""
    return bound.first <= within.last if starts else bound.last >= within.first


def _shown(typed: str, when: When, year: int) -> str:
    """A window's value as typed, with the year the user left out in [brackets]."""
    value = " ".join(typed.split())
    return f"{value} [{year}]" if when.year_inferred else value
