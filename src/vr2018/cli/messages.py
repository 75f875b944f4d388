"""What the user is told, and how a command ends: the one edge of the command line.

Every domain error the engines raise (:mod:`vr2018.problems`) becomes here one line
in one style, ``what was wrong; did you mean: a, b?`` (``vr2018:`` is put before it
on stderr), and one exit status (:class:`~vr2018.cli.status.ExitStatus`): 1 when a
well-formed question has no answer in the letter, 2 for everything else. Every
sentence is a whole template in this module, a function of the error's data, so
that one day it can be translated in one place.

Used by the command line only (:mod:`vr2018.cli.app`, the commands, the views).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from vr2018.cli.status import ExitStatus
from vr2018.i18n import _
from vr2018.problems import (
    BadSentence,
    Conflict,
    Empty,
    Invalid,
    NoEvents,
    NoHits,
    NoMotion,
    NotAKamerstuk,
    NothingFound,
    OutOfRange,
    Problem,
    Resolution,
    Unknown,
)
from vr2018.text.clean import shorten

PROG = "vr2018"


def status(problem: Problem) -> ExitStatus:
    """The exit status of a command that ended in ``problem``: the one place that decides it."""
    return ExitStatus.NOTHING_FOUND if isinstance(problem, NothingFound) else ExitStatus.BAD_USAGE


def line(problem: Problem) -> str:
    """The one line that says what ``problem`` is (without the ``vr2018:`` prefix)."""
    for cls in type(problem).__mro__:
        say = _SAYERS.get(cls)
        if say is not None:
            return say(problem)
    return f"{problem.kind}: '{shorten(problem.asked)}'"  # pragma: no cover - every Problem has a sayer


def did_you_mean(candidates: Sequence[str], listing: str = "") -> str:
    """'; did you mean: a, b?' or, with nothing close, where to look (" (see 'vr2018 theme')")."""
    if candidates:
        return f"; did you mean: {', '.join(candidates)}?"
    return f" (see '{listing}')" if listing else ""


def and_list(items: Sequence[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or, with ``word`` "or", 'a, b or c')."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def narrowing(
    since: str | None = None,
    until: str | None = None,
    people: Sequence[str] | None = None,
    within: str | None = None,
) -> str:
    """How --person, --in, --from and --to narrowed a timeline, in words: "from 2018-09 to
    2018-12", "in september [2018]"."""
    out = []
    if people is not None:
        out.append("naming " + " or ".join(people))
    if within is not None:
        out.append(_("in {when}").format(when=shorten(within, 24)))
    if since is not None:
        out.append(f"from {shorten(since, 20)}")
    if until is not None:
        out.append(f"to {shorten(until, 20)}")
    return " ".join(out)


_LISTING = {
    "paragraph": f"{PROG} toc",
    "theme": f"{PROG} theme",
    "section": f"{PROG} toc",
    "command": f"{PROG} help",
    "person": f"{PROG} people",
}


_EMPTY = {
    "paragraph": f"empty paragraph id (see '{PROG} toc')",
    "theme": f"empty theme name: give a theme's id, title or alias (see '{PROG} theme')",
    "person": f"empty name: give a name, alias or role word (see '{PROG} people')",
    "motion": "empty query: give a submitter or a word from the subject, e.g. Kuzu or Rohingya",
    "query": "empty query: give one or more words to search for",
}


KAMERSTUK_EXAMPLES = "22045, '22 045, nr. 290', 22045-290, 34550-D, '34550 V D' or 35000-XVII"


def _unknown(p: Unknown) -> str:
    asked = shorten(p.asked, 40 if p.kind == "section" else 60)
    listing = _LISTING.get(p.kind, "")
    if p.ambiguous:
        return f"ambiguous {p.kind} '{asked}'{did_you_mean(p.candidates, listing)}"
    if p.kind in ("paragraph", "command"):
        return f"no {p.kind} '{asked}'{did_you_mean(p.candidates, listing)}"
    if p.kind == "section":
        every = ", ".join(p.choices)
        return f"unknown section '{asked}'{did_you_mean(p.candidates)}; sections: {every} (see '{listing}')"
    if p.kind == "citation format":
        return f"unknown citation format '{asked}'; use {and_list(p.choices, 'or')}"
    if p.kind in ("format", "table"):
        return f"unknown {p.kind} '{asked}': choose {and_list(p.choices, 'or')}"
    return f"unknown {p.kind} '{asked}'{did_you_mean(p.candidates, listing)}"


def _empty(p: Empty) -> str:
    return _EMPTY.get(p.kind, f"empty {p.kind}")


DATE_FORMS = "a year (2018), a month (september 2018, sep 2018, 2018-09, or september alone) or a day (2018-09-26)"


def _invalid(p: Invalid) -> str:
    shown = shorten(p.asked, 30)
    if p.kind == "date" and p.reason == "calendar":
        return f"'{shown}' is not a date: {p.detail}"
    if p.kind == "date" and p.reason == "month":
        said = _("'{typed}' is not a date: did you mean {month}? Give {forms}")
        return said.format(typed=shown, month=p.detail, forms=_(DATE_FORMS))
    if p.kind == "date" and p.reason == "no-year":
        return _("'{typed}' has no year: give one, e.g. {typed} 2018").format(typed=shown)
    if p.kind == "date":
        return _("'{typed}' is not a date: give {forms}").format(typed=shown, forms=_(DATE_FORMS))
    if p.kind == "query" and p.reason == "too-long":
        return f"query too long: {len(p.asked)} characters, at most {p.detail}; search for a few words or one sentence"
    if p.kind == "query":
        return f"the query has no letters or digits to search for: '{shorten(p.asked)}'"
    return f"'{shown}' is not a {p.kind}"


def _out_of_range(p: OutOfRange) -> str:
    asked = shorten(p.asked.strip(), 30)
    said = _("no paragraph {number}: this copy of the letter has paragraphs 1 to {count}, in reading order")
    return said.format(number=asked, count=p.count) + did_you_mean(p.candidates, _LISTING["paragraph"])


def _kamerstuk(p: NotAKamerstuk) -> str:
    shown = shorten(" ".join(p.asked.split()), 40)
    token = shorten(" ".join(p.detail.split()), 40)
    return {
        "empty": f"empty Kamerstuk: give a dossier or document, e.g. {KAMERSTUK_EXAMPLES}",
        "dossier-first": f"'{shown}' is not a Kamerstuk: expected a dossier number first, e.g. {KAMERSTUK_EXAMPLES}",
        "dossier-digits": (
            f"'{shown}' is not a Kamerstuk: a dossier number has one to six digits, e.g. {KAMERSTUK_EXAMPLES}"
        ),
        "separator": f"'{shown}' is not a Kamerstuk: put a space or '-' between dossier and document",
    }.get(p.reason, f"'{shown}' is not a Kamerstuk: unexpected '{token}'; e.g. {KAMERSTUK_EXAMPLES}")


def _resolution_clause(number: str, as_written: str) -> str:
    return f"{number} is the UN Security Council resolution the letter cites as '{as_written}' (see '{PROG} refs')"


def _resolution(p: Resolution) -> str:
    return f"'{shorten(p.asked, 30)}' is not a Kamerstuk: {_resolution_clause(p.number, p.as_written)}"


def _sentence(p: BadSentence) -> str:
    if p.reason == "no-number":
        return f"no sentence number in '{shorten(p.asked)}': write ID:N, e.g. myanmar-rohingya:2"
    n, i = p.count, p.paragraph
    has = f"{i} has {n} sentence{'s' if n != 1 else ''}" + (f" ({i}:1 to {i}:{n})" if n > 1 else f" ({i}:1)")
    if p.reason == "empty-number":
        return f"no sentence number after '{i}:': {has}"
    if p.reason == "not-a-number":
        return f"'{shorten(p.detail)}' is not a sentence number: {has}"
    return f"no sentence {shorten(p.detail, 30)}: {has}"


def _conflict(p: Conflict) -> str:
    if p.reason == "reversed":
        return f"--from {p.facts[0]} is after --to {p.facts[1]}"
    if p.reason == "outside":  # --from or --to, its value, --in's
        option, value, within = (shorten(f, 24) for f in p.facts)
        return _("{option} {value} leaves no day of {within}").format(option=option, value=value, within=within)
    if p.kind == "export":
        return _export(p.reason, p.facts)
    return f"{p.kind}: {', '.join(p.facts)}"  # pragma: no cover - every reason has its sentence


def _export(reason: str, facts: tuple[str, ...]) -> str:
    first = shorten(facts[0]) if facts else ""
    last = shorten(facts[-1]) if facts else ""
    if reason == "bom-not-csv":
        return "--bom is for csv only"
    if reason == "csv-without-table":
        return f"csv needs a TABLE: {and_list(facts, 'or')}"
    if reason == "two-files":
        return f"two files given ('{first}' and '{last}'): name the database once"
    if reason == "sqlite-without-file":
        return f"sqlite needs a FILE: {PROG} export sqlite vr2018.db"
    if reason == "metadata-given-file":
        return f"metadata takes the DATABASE it describes (vr2018.db), not a FILE to write: use -o {last}"
    return f"{first} takes no TABLE or FILE: write to a file with -o {last}"  # takes-no-target


def _nothing(p: NothingFound) -> str:
    if p.kind == "person":
        return f"nobody called '{shorten(p.asked)}' in the letter{did_you_mean(p.candidates)}"
    return f"no {p.kind} for '{shorten(p.asked)}'{did_you_mean(p.candidates)}"


def _no_hits(p: NoHits) -> str:
    why = f"nothing found for '{shorten(p.asked)}'"
    if p.section_missing:
        why += f": no paragraph of this copy of the letter is known to stand in section '{p.section}'"
        why += " (the pages after its heading are missing)" if p.heading_printed else ""
    elif p.disjoint:
        why += f": no paragraph on theme '{p.theme}' is in section '{p.section}'"
    else:
        why += (f" in theme '{p.theme}'" if p.theme else "") + (f" in section '{p.section}'" if p.section else "")
    if p.outside:
        n = p.outside
        them = "them" if p.theme and p.section else "it"
        used = and_list([f for f, v in (("--theme", p.theme), ("--section", p.section)) if v])
        again = p.again or f"search again without {used}"
        return why + f"; {n} paragraph{'s' if n != 1 else ''} outside {them} match{'es' if n == 1 else ''}: {again}"
    return why + did_you_mean(p.candidates)


def _no_motion(p: NoMotion) -> str:
    if not p.kamerstuk:
        if p.resolution is not None:  # 'motions S/RES/2231'
            return f"no motion matches '{shorten(p.asked, 30)}': {_resolution_clause(*p.resolution)}"
        listed = ", ".join(f"{who} ({k})" for who, k in p.motions)
        return f"no motion matches '{shorten(p.asked)}'; the letter answers {p.count} motions: {listed}"
    if p.resolution is not None:  # '--kamerstuk 2231': a well-formed dossier, but meant as the resolution
        return f"no motion in the letter is on Kamerstuk {p.label}: {_resolution_clause(*p.resolution)}"
    text = f"no motion in the letter is on Kamerstuk {p.label}"
    if p.cited:
        text += f"; the letter cites {p.cited}, which is not a motion (see '{PROG} refs')"
    text += f"; the motions it answers are on Kamerstuk {and_list(p.on)}"
    if p.also:
        text += f"; it also cites Kamerstuk {and_list(p.also)}"
    return text


def _no_events(p: NoEvents) -> str:
    where = [f"in the paragraphs on theme '{p.theme}'"] if p.theme else []
    narrowed = narrowing(p.since, p.until, p.people, p.within)
    if narrowed:
        where.append(narrowed)
    said = f"no dated events {' '.join(where) or 'in the letter'}"
    return said + (f" ({year_note(p.year)})" if p.year is not None else "")


def year_note(year: int) -> str:
    """What a year in [brackets] after a window's month or day means: the user gave none."""
    return _("[{year}]: no year given, so {year}, the year the letter looks back on").format(year=year)


_P = TypeVar("_P", bound=Problem)


def _sayer(say: Callable[[_P], str]) -> Callable[[Problem], str]:
    return say  # type: ignore[return-value]  # each is looked up by its own class


_SAYERS: dict[type[Problem], Callable[[Problem], str]] = {
    Unknown: _sayer(_unknown),
    Empty: _sayer(_empty),
    NotAKamerstuk: _sayer(_kamerstuk),
    Resolution: _sayer(_resolution),
    OutOfRange: _sayer(_out_of_range),
    BadSentence: _sayer(_sentence),
    Invalid: _sayer(_invalid),
    Conflict: _sayer(_conflict),
    NoHits: _sayer(_no_hits),
    NoMotion: _sayer(_no_motion),
    NoEvents: _sayer(_no_events),
    NothingFound: _sayer(_nothing),
}
