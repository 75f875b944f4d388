"""What the user is told, and how a command ends: the one edge of the command line.

Every domain error the engines raise (:mod:`vr2018.problems`) becomes here one line
in one style, ``what was wrong; did you mean: a, b?`` (``vr2018:`` is put before it
on stderr), and one exit status (:class:`~vr2018.cli.status.ExitStatus`): 1 when a
well-formed question has no answer in the letter, 2 for everything else (decided in
:func:`vr2018.cli.status.of_problem`). Every
sentence is a whole template in this module, a function of the error's data, in the
interface language (:mod:`vr2018.i18n`): English, or Dutch under a Dutch locale.

Used by the command line only (:mod:`vr2018.cli.app`, the commands, the views).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from vr2018.i18n import N_, _, ngettext
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
        return _("; did you mean: {candidates}?").format(candidates=", ".join(candidates))
    return see(listing) if listing else ""


def see(command: str) -> str:
    """ " (see 'vr2018 toc')": where to look."""
    return _(" (see '{command}')").format(command=command)


def and_list(items: Sequence[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or, with ``word`` "or", 'a, b or c'), in the interface language."""
    if len(items) == 1:
        return items[0]
    joined = _("{items} or {last}") if word == "or" else _("{items} and {last}")
    return joined.format(items=", ".join(items[:-1]), last=items[-1])


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
        out.append(_("naming {people}").format(people=and_list(list(people), "or")))
    if within is not None:
        out.append(_("in {when}").format(when=shorten(within, 24)))
    if since is not None:
        out.append(_("from {date}").format(date=shorten(since, 20)))
    if until is not None:
        out.append(_("to {date}").format(date=shorten(until, 20)))
    return " ".join(out)


_LISTING = {
    "paragraph": f"{PROG} toc",
    "theme": f"{PROG} theme",
    "section": f"{PROG} toc",
    "command": f"{PROG} help",
    "person": f"{PROG} people",
}

# Each kind of thing has its own sentences: in Dutch the words around a noun depend on it
# ("onbekend thema", "onbekende sectie").
_UNKNOWN = {
    "theme": N_("unknown theme '{asked}'"),
    "section": N_("unknown section '{asked}'"),
    "paragraph": N_("no paragraph '{asked}'"),
    "command": N_("no command '{asked}'"),
    "person": N_("unknown person '{asked}'"),
    "citation format": N_("unknown citation format '{asked}'"),
    "format": N_("unknown format '{asked}'"),
    "table": N_("unknown table '{asked}'"),
}
_AMBIGUOUS = {
    "theme": N_("ambiguous theme '{asked}'"),
    "section": N_("ambiguous section '{asked}'"),
    "paragraph": N_("ambiguous paragraph '{asked}'"),
    "command": N_("ambiguous command '{asked}'"),
    "person": N_("ambiguous name '{asked}'"),
}
_EMPTY = {
    "paragraph": N_("empty paragraph id (see '{prog} toc')"),
    "theme": N_("empty theme name: give a theme's id, title or alias (see '{prog} theme')"),
    "person": N_("empty name: give a name, alias or role word (see '{prog} people')"),
    "motion": N_("empty query: give a submitter or a word from the subject, e.g. Kuzu or Rohingya"),
    "query": N_("empty query: give one or more words to search for"),
}


KAMERSTUK_EXAMPLES = "22045, '22 045, nr. 290', 22045-290, 34550-D, '34550 V D' {or} 35000-XVII"


def _examples() -> str:
    return KAMERSTUK_EXAMPLES.format(**{"or": _("or")})


def _unknown(p: Unknown) -> str:
    asked = shorten(p.asked, 40 if p.kind == "section" else 60)
    listing = _LISTING.get(p.kind, "")
    templates = _AMBIGUOUS if p.ambiguous else _UNKNOWN
    said = _(templates.get(p.kind, N_("unknown {kind} '{asked}'"))).format(asked=asked, kind=p.kind)
    if p.ambiguous or p.kind in ("paragraph", "command"):
        return said + did_you_mean(p.candidates, listing)
    if p.kind == "section":
        every = ", ".join(p.choices)
        return said + did_you_mean(p.candidates) + _("; sections: {sections}").format(sections=every) + see(listing)
    if p.kind == "citation format":
        return said + _("; use {choices}").format(choices=and_list(p.choices, "or"))
    if p.kind in ("format", "table"):
        return said + _(": choose {choices}").format(choices=and_list(p.choices, "or"))
    return said + did_you_mean(p.candidates, listing)


def _empty(p: Empty) -> str:
    return _(_EMPTY.get(p.kind, N_("empty {kind}"))).format(prog=PROG, kind=p.kind)


DATE_FORMS = N_("a year (2018), a month (september 2018, sep 2018, 2018-09, or september alone) or a day (2018-09-26)")


def _invalid(p: Invalid) -> str:
    shown = shorten(p.asked, 30)
    if p.kind == "date" and p.reason == "calendar":
        said = {
            "year": N_("'{shown}' is not a date: the year is out of range"),
            "month": N_("'{shown}' is not a date: there is no such month"),
        }.get(p.detail, N_("'{shown}' is not a date: that month has no such day"))
        return _(said).format(shown=shown)
    if p.kind == "date" and p.reason == "month":
        said = _("'{typed}' is not a date: did you mean {month}? Give {forms}")
        return said.format(typed=shown, month=p.detail, forms=_(DATE_FORMS))
    if p.kind == "date" and p.reason == "no-year":
        return _("'{typed}' has no year: give one, e.g. {typed} 2018").format(typed=shown)
    if p.kind == "date":
        return _("'{typed}' is not a date: give {forms}").format(typed=shown, forms=_(DATE_FORMS))
    if p.kind == "query" and p.reason == "too-long":
        return _("query too long: {length} characters, at most {most}; search for a few words or one sentence").format(
            length=len(p.asked), most=p.detail
        )
    if p.kind == "query":
        return _("the query has no letters or digits to search for: '{asked}'").format(asked=shorten(p.asked))
    return _("'{shown}' is not a {kind}").format(shown=shown, kind=p.kind)


def _out_of_range(p: OutOfRange) -> str:
    asked = shorten(p.asked.strip(), 30)
    said = _("no paragraph {number}: this copy of the letter has paragraphs 1 to {count}, in reading order")
    return said.format(number=asked, count=p.count) + did_you_mean(p.candidates, _LISTING["paragraph"])


def _kamerstuk(p: NotAKamerstuk) -> str:
    shown = shorten(" ".join(p.asked.split()), 40)
    token = shorten(" ".join(p.detail.split()), 40)
    template = {
        "empty": N_("empty Kamerstuk: give a dossier or document, e.g. {examples}"),
        "dossier-first": N_("'{shown}' is not a Kamerstuk: expected a dossier number first, e.g. {examples}"),
        "dossier-digits": N_("'{shown}' is not a Kamerstuk: a dossier number has one to six digits, e.g. {examples}"),
        "separator": N_("'{shown}' is not a Kamerstuk: put a space or '-' between dossier and document"),
    }.get(p.reason, N_("'{shown}' is not a Kamerstuk: unexpected '{token}'; e.g. {examples}"))
    return _(template).format(shown=shown, token=token, examples=_examples())


def _resolution_clause(number: str, as_written: str) -> str:
    return _("{number} is the UN Security Council resolution the letter cites as '{as_written}'").format(
        number=number, as_written=as_written
    ) + see(f"{PROG} refs")


def _resolution(p: Resolution) -> str:
    return _("'{shown}' is not a Kamerstuk: {why}").format(
        shown=shorten(p.asked, 30), why=_resolution_clause(p.number, p.as_written)
    )


def _sentence(p: BadSentence) -> str:
    if p.reason == "no-number":
        return _("no sentence number in '{asked}': write ID:N, e.g. myanmar-rohingya:2").format(asked=shorten(p.asked))
    n, i = p.count, p.paragraph
    has = ngettext("{id} has {n} sentence ({id}:1)", "{id} has {n} sentences ({id}:1 to {id}:{n})", n).format(id=i, n=n)
    if p.reason == "empty-number":
        return _("no sentence number after '{id}:': {has}").format(id=i, has=has)
    if p.reason == "not-a-number":
        return _("'{number}' is not a sentence number: {has}").format(number=shorten(p.detail), has=has)
    return _("no sentence {number}: {has}").format(number=shorten(p.detail, 30), has=has)


def _conflict(p: Conflict) -> str:
    if p.reason == "reversed":
        return _("--from {since} is after --to {until}").format(since=p.facts[0], until=p.facts[1])
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
        return _("--bom is for csv only")
    if reason == "csv-without-table":
        return _("csv needs a TABLE: {tables}").format(tables=and_list(facts, "or"))
    if reason == "two-files":
        return _("two files given ('{first}' and '{last}'): name the database once").format(first=first, last=last)
    if reason == "sqlite-without-file":
        return _("sqlite needs a FILE: {prog} export sqlite vr2018.db").format(prog=PROG)
    if reason == "metadata-given-file":
        return _("metadata takes the DATABASE it describes (vr2018.db), not a FILE to write: use -o {file}").format(
            file=last
        )
    return _("{format} takes no TABLE or FILE: write to a file with -o {file}").format(format=first, file=last)


def _nothing(p: NothingFound) -> str:
    if p.kind == "person":
        said = _("nobody called '{asked}' in the letter").format(asked=shorten(p.asked))
    else:
        said = _("no {kind} for '{asked}'").format(kind=p.kind, asked=shorten(p.asked))
    return said + did_you_mean(p.candidates)


def _no_hits(p: NoHits) -> str:
    why = _("nothing found for '{asked}'").format(asked=shorten(p.asked))
    if p.section_missing:
        why += _(": no paragraph of this copy of the letter is known to stand in section '{section}'").format(
            section=p.section
        )
        why += _(" (the pages after its heading are missing)") if p.heading_printed else ""
    elif p.disjoint:
        why += _(": no paragraph on theme '{theme}' is in section '{section}'").format(theme=p.theme, section=p.section)
    else:
        why += _(" in theme '{theme}'").format(theme=p.theme) if p.theme else ""
        why += _(" in section '{section}'").format(section=p.section) if p.section else ""
    if p.outside:
        used = and_list([f for f, v in (("--theme", p.theme), ("--section", p.section)) if v])
        again = p.again or _("search again without {options}").format(options=used)
        if p.theme and p.section:
            outside = ngettext(
                "; {n} paragraph outside them matches: {again}",
                "; {n} paragraphs outside them match: {again}",
                p.outside,
            )
        else:
            outside = ngettext(
                "; {n} paragraph outside it matches: {again}", "; {n} paragraphs outside it match: {again}", p.outside
            )
        return why + outside.format(n=p.outside, again=again)
    if p.headings:
        titles = and_list([f"'{title}'" for title in p.headings])
        return why + _(": the letter has the heading {titles}, but the pages after it are missing").format(
            titles=titles
        )
    return why + did_you_mean(p.candidates)


def _no_motion(p: NoMotion) -> str:
    if not p.kamerstuk:
        if p.resolution is not None:  # 'motions S/RES/2231'
            return _("no motion matches '{asked}': {why}").format(
                asked=shorten(p.asked, 30), why=_resolution_clause(*p.resolution)
            )
        listed = ", ".join(f"{who} ({k})" for who, k in p.motions)
        return ngettext(
            "no motion matches '{asked}'; the letter answers {n} motion: {listed}",
            "no motion matches '{asked}'; the letter answers {n} motions: {listed}",
            p.count,
        ).format(asked=shorten(p.asked), n=p.count, listed=listed)
    if p.resolution is not None:  # '--kamerstuk 2231': a well-formed dossier, but meant as the resolution
        return _("no motion in the letter is on Kamerstuk {label}: {why}").format(
            label=p.label, why=_resolution_clause(*p.resolution)
        )
    text = _("no motion in the letter is on Kamerstuk {label}").format(label=p.label)
    if p.cited:
        text += _("; the letter cites {cited}, which is not a motion").format(cited=p.cited) + see(f"{PROG} refs")
    text += _("; the motions it answers are on Kamerstuk {kamerstukken}").format(kamerstukken=and_list(p.on))
    if p.also:
        text += _("; it also cites Kamerstuk {kamerstukken}").format(kamerstukken=and_list(p.also))
    return text


def _no_events(p: NoEvents) -> str:
    where = [_("in the paragraphs on theme '{theme}'").format(theme=p.theme)] if p.theme else []
    narrowed = narrowing(p.since, p.until, p.people, p.within)
    if narrowed:
        where.append(narrowed)
    said = _("no dated events {where}").format(where=" ".join(where)) if where else _("no dated events in the letter")
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
