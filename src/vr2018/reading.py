"""The reading views' engine: paragraphs by id, the timeline, people, what this copy holds.

Citations live in :mod:`vr2018.citations`.

Pure functions over a :class:`~vr2018.corpus.Corpus`: no I/O, no Rich, no
Typer. ``find_*`` lookups return what they found plus "did you mean"
suggestions; ``*_named`` lookups raise a :mod:`~vr2018.problems` error with
what was asked and the close candidates instead. Every string built here comes from the data;
nothing is added that the letter does not give.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .lang import Lang, text_of
from .lang import day as lang_day
from .lang import month as lang_month
from .model import Record, day_number
from .problems import Conflict, Empty, Invalid, NoEvents, NothingFound, Unknown
from .text import STOPWORDS, key, resolve, suggest, words

if TYPE_CHECKING:
    from .corpus import Corpus
    from .model import Event, Letter, Paragraph, Person, Section, Theme


# ── paragraphs ──────────────────────────────────────────────────────────────


def find_paragraph(corpus: Corpus, query: str) -> tuple[Paragraph | None, list[str]]:
    """A paragraph by its id, or an unambiguous prefix of one; else suggestions.

    An id is made of words joined by hyphens, and people remember one of them:
    the ids that have a typed word as one of their parts (or as the start of
    one) come first ('rohingya' → myanmar-rohingya), then the ids whose whole
    or one of whose parts is within a typo or two ('rute' → rutte-26-september).
    """
    ids = [p.id for p in corpus.paragraphs]
    found, suggestions = resolve(query, {i: i for i in ids})
    if found:
        return corpus.paragraph(found), []
    if suggestions and all(key(s).startswith(key(query)) for s in suggestions):
        return None, suggestions  # an ambiguous start: name what it could be
    typed = [w for w in words(query) if len(w) >= 3 or w.isdigit()]
    parts = {i: i.split("-") for i in ids}
    named = [i for i in ids if any(part == w for w in typed for part in parts[i])]
    named += [i for i in ids if any(part.startswith(w) for w in typed for part in parts[i])]
    every_part = list(dict.fromkeys(part for i in ids for part in parts[i]))  # in reading order: stable
    close = [i for w in typed for hit in suggest(w, every_part) for i in ids if hit in parts[i]]
    return None, list(dict.fromkeys([*named, *close, *suggestions]))[:5]


def paragraph_named(corpus: Corpus, query: str) -> Paragraph:
    """The paragraph the user named (an unambiguous prefix will do); else
    :class:`~vr2018.problems.Unknown` naming the closest ids (:class:`~vr2018.problems.Empty` if blank)."""
    if not query.strip():
        raise Empty("paragraph")
    paragraph, suggestions = find_paragraph(corpus, query)
    if paragraph is None:
        raise Unknown("paragraph", query, suggestions)
    return paragraph


def address_lines(lines: tuple[str, ...]) -> tuple[str, ...]:
    """An address block with its first two lines joined: they are one phrase
    ("Aan de Voorzitter van de" / "Tweede Kamer der Staten-Generaal")."""
    return (" ".join(lines[:2]), *lines[2:])


def neighbours(corpus: Corpus, paragraph: Paragraph, n: int) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """Up to ``n`` paragraphs before and after ``paragraph``, in reading order."""
    i = corpus.position(paragraph.id)
    n = max(n, 0)
    return corpus.paragraphs[max(i - n, 0) : i], corpus.paragraphs[i + 1 : i + 1 + n]


def opening(paragraph: Paragraph, n: int = 8, lang: Lang = Lang.nl) -> str:
    """The paragraph's first ``n`` words, verbatim, for locating it in the letter
    (of our English rendering for ``en`` and ``both``)."""
    parts = text_of(paragraph, "text", lang).split()
    head = " ".join(parts[:n])
    return head + (" …" if len(parts) > n else "")


# ── dates and the timeline ──────────────────────────────────────────────────


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


def letter_date(letter: Letter, lang: Lang = Lang.nl) -> str:
    """The letter's date: as it is written ("15 februari 2019"), or with the
    English month for ``en`` and ``both`` ("15 February 2019")."""
    return lang_day(letter.date, letter.date_as_written, lang)


def dated_and_signed(letter: Letter, lang: Lang = Lang.nl) -> tuple[str, tuple[str, ...]]:
    """What `info` and the Markdown export head the letter with: its date (with the ISO
    date after it) and each signatory as "name, office"."""
    date = f"{letter_date(letter, lang)} ({letter.date})"
    return date, tuple(f"{s.name}, {text_of(s, 'office', lang)}" for s in letter.signatories)


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
    (the window as typed, the names of the people; :func:`vr2018.messages.narrowing` says it)."""

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


# ── people ──────────────────────────────────────────────────────────────────


def person_names(person: Person) -> tuple[str, ...]:
    return (person.id, person.name, *person.aliases)


def person_paragraphs(corpus: Corpus, person: Person) -> tuple[str, ...]:
    """Every paragraph that names the person or says what they did, in reading order."""
    ids = set(person.paragraphs) | {p.id for p in corpus.paragraphs if person.id in p.people}
    return tuple(p.id for p in corpus.paragraphs if p.id in ids)


def find_people(corpus: Corpus, query: str) -> tuple[tuple[Person, ...], list[str]]:
    """People matching ``query``, case- and accent-insensitively, and suggestions if none do.

    First a name, alias or id (exact, then an unambiguous prefix: "kaag",
    "Sigrid", "romeo"); then everyone whose name, aliases and role, in Dutch or
    English, hold every word of the query in any order ("minister-president",
    "prime minister", "foreign minister", "curacao"; stop words such as "the"
    and "of" aside), those whose role the query covers best first; else nothing,
    with the closest names to suggest.
    """
    names = {name: person.id for person in corpus.people for name in person_names(person)}
    found, suggestions = resolve(query, names)
    if found:
        return (corpus.person(found),), []
    wanted = [w for w in words(query) if w not in STOPWORDS] or words(query)
    if wanted:
        matches = [person for person in corpus.people if all(_has_word(person, w) for w in wanted)]
        if matches:
            return tuple(sorted(matches, key=lambda p: -_role_cover(p, wanted))), []
    # Suggest people's names, not ids: "Kaag" reads better than "kaag".
    shown = [corpus.person(names[s]).name for s in suggestions if s in names]
    return (), list(dict.fromkeys(shown))


def people_named(corpus: Corpus, name: str) -> tuple[Person, ...]:
    """The people :func:`find_people` finds; :class:`~vr2018.problems.NothingFound`
    naming the closest names when nobody matches; :class:`~vr2018.problems.Empty` for a blank name."""
    if not name.strip():
        raise Empty("person")
    found, suggestions = find_people(corpus, name)
    if not found:
        raise NothingFound("person", name, suggestions)
    return found


def _has_word(person: Person, word: str) -> bool:
    pool = {w for text in (*person_names(person), person.role, person.role_en or "") for w in words(text)}
    return word in pool


def _role_cover(person: Person, wanted: list[str]) -> float:
    """How much of the person's role (Dutch or English) the query's words make up:
    "prime minister" is all of Rutte's role, two thirds of Rhuggenaath's."""
    best = 0.0
    for role in (person.role, person.role_en or ""):
        own = [w for w in words(role) if w not in STOPWORDS]
        if own:
            best = max(best, sum(w in wanted for w in own) / len(own))
    return best


# ── what this copy holds ────────────────────────────────────────────────────


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


def word_count(corpus: Corpus) -> int:
    """Words in the paragraphs we have (whitespace-separated, as a reader counts them)."""
    return sum(len(p.text.split()) for p in corpus.paragraphs)


def counts(corpus: Corpus) -> dict[str, int]:
    """How many of each kind of record this copy holds (what `info` reports)."""
    return {
        "fragments": len(corpus.letter.fragments),
        "sections": len(corpus.sections),
        "paragraphs": len(corpus.paragraphs),
        "words": word_count(corpus),
        "themes": len(corpus.themes),
        "motions": len(corpus.motions),
        "references": len(corpus.references),
        "people": len(corpus.people),
        "events": len(corpus.events),
    }
