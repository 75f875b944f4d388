"""What the data must satisfy beyond its types, in one place, for both ways a corpus is read.

The annotations in :mod:`vr2018.corpus.model` say what type each field has; the tables
here say what they cannot: which fields are TOML dates, which take one of a few
values, which hold ids of other records, and the rules within one record. The
loader (:mod:`vr2018.corpus.loader`) applies them to the TOML as it reads it, naming
the file, the record and the field of the first fault. The cache
(:mod:`vr2018.corpus.cache`) applies the same tables to a whole corpus read back from
its file, with :func:`check`, column by column (a fault there only means: read
the TOML instead).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from functools import partial
from itertools import chain
from operator import attrgetter, is_not
from typing import Any

from vr2018.corpus.model import (
    Corpus,
    Event,
    Letter,
    Motion,
    Outside,
    Paragraph,
    Person,
    Point,
    Reference,
    Section,
    Signatory,
    Statement,
    Theme,
)
from vr2018.corpus.record import Record
from vr2018.corpus.schema import field_types, translations

TOML_DATES = {(Letter, "date"), (Motion, "date"), (Reference, "adopted")}  # a TOML date, kept as ISO text


CHOICES: dict[tuple[type, str], tuple[Any, ...]] = {
    (Section, "level"): (1, 2),
    (Paragraph, "cut"): ("start", "end"),
    (Reference, "kind"): ("kamerstuk", "resolutie"),
    (Event, "source"): ("paragraph", "letterhead"),
}


SPACED = {(Theme, "summary"), (Theme, "summary_en")}  # runs of white space become one space


# (record type, field) → the kind of record its ids name, and what the message adds
REFERS: dict[tuple[type, str], tuple[str, str]] = {
    (Section, "parent"): ("section", ""),
    (Paragraph, "section"): ("section", " in data/sections.toml"),
    (Paragraph, "themes"): ("theme", ""),
    (Paragraph, "people"): ("person", ""),
    (Paragraph, "references"): ("reference", ""),
    (Statement, "paragraphs"): ("paragraph", ""),
    (Point, "sources"): ("paragraph", ""),
    (Motion, "reference"): ("reference", ""),
    (Motion, "people"): ("person", ""),
    (Event, "paragraph"): ("paragraph", ""),
    (Theme, "sections"): ("section", ""),
    (Letter, "earlier_letter"): ("reference", ""),
    (Signatory, "person"): ("person", ""),
}


# The files that are lists of [[tables]]: file → (table name, record type); the
# table name is also the kind of id that REFERS names.
FILES: dict[str, tuple[str, type[Record]]] = {
    "sections": ("section", Section),
    "paragraphs": ("paragraph", Paragraph),
    "references": ("reference", Reference),
    "motions": ("motion", Motion),
    "people": ("person", Person),
    "themes": ("theme", Theme),
    "events": ("event", Event),
}


def one_for_one(record: Record, english: dict[str, str]) -> str | None:
    """A list's English sibling names the same things, one for one (``places_en`` for ``places``)."""
    for name, dutch_name in english.items():
        dutch, theirs = getattr(record, dutch_name), getattr(record, name)
        if isinstance(dutch, tuple) and len(theirs or ()) != len(dutch):
            return (
                f"field '{name}': expected one entry for each of the {len(dutch)} in '{dutch_name}', "
                f"got {len(theirs or ())}"
            )
    return None


def _kamerstuk_has_dossier(ref: Reference) -> str | None:
    if ref.kind == "kamerstuk" and ref.dossier is None:
        return "field 'dossier' is missing (required for a kamerstuk)"
    return None


# The fields that hold a fact from outside the letter, per record type: the letter
# prints no UN document symbol, no adoption date and no ministry. (A reference's
# number and year are only ever what the letter writes: resolution 2417 is not
# numbered there, so its number is in its symbol alone.)
OUTSIDE_FIELDS: dict[type, tuple[str, ...]] = {
    Reference: ("symbol", "adopted"),
    Letter: ("ministry",),
}


def _outside_marked(record: Reference | Letter) -> str | None:
    """Every fact from outside the letter is marked ``outside`` with its source, and only those."""
    marked = [f for o in record.outside for f in o.facts]
    allowed = OUTSIDE_FIELDS[type(record)]
    for fact in marked:
        if fact not in allowed:
            return f"field 'outside': {fact!r} cannot come from outside the letter (only {', '.join(allowed)})"
        if getattr(record, fact) is None:
            return f"field 'outside': {fact!r} is marked as from outside the letter but has no value"
    if len(marked) != len(set(marked)):
        return "field 'outside': a fact is named twice"
    for fact in allowed:
        if getattr(record, fact) is not None and fact not in marked:
            return f"field '{fact}': not in the letter, so it must be marked in an [[outside]] table with its source"
    return None


def _reference(ref: Reference) -> str | None:
    """A Kamerstuk has a dossier; a UN symbol agrees with the number and year the letter gives."""
    message = _kamerstuk_has_dossier(ref) or _outside_marked(ref)
    if message or ref.symbol is None:
        return message
    if ref.kind != "resolutie":
        return "field 'symbol': only a UN resolution has a UN document symbol"
    found = re.fullmatch(r"S/RES/([0-9]+) \(([0-9]{4})\)", ref.symbol)
    if found is None:
        return f"field 'symbol': expected 'S/RES/<number> (<year>)', got {ref.symbol!r}"
    number, year = found.groups()
    if ref.number is not None and ref.number != number:
        return f"field 'symbol': {ref.symbol!r} does not have the number the letter gives, {ref.number}"
    if ref.year is not None and ref.year != int(year):
        return f"field 'symbol': {ref.symbol!r} does not have the year the letter gives, {ref.year}"
    if ref.adopted is not None and not ref.adopted.startswith(f"{year}-"):
        return f"field 'adopted': {ref.adopted} is not in the symbol's year, {year}"
    return None


def _outside_source(outside: Outside) -> str | None:
    if not outside.facts:
        return "field 'facts': name at least one fact the source gives"
    if not outside.url.startswith("https://"):
        return f"field 'url': expected the source's https:// address, got {outside.url!r}"
    return None


def _point_cites(point: Point) -> str | None:
    return None if point.sources else "field 'sources': a point must cite at least one paragraph"


def _inferred_heading_is_ours(section: Section) -> str | None:
    """A heading the letter prints is the letter's: only one of ours can be a guess."""
    if section.heading_inferred and section.printed:
        return "field 'heading_inferred': a printed heading is the letter's, not inferred"
    return None


def _theme_has_points(theme: Theme) -> str | None:
    """Points are what a theme says; a theme may have none only where the letter keeps
    nothing but its heading, and then it names that heading's section. An alias is
    either the letter's words or from outside it, never both."""
    both = sorted(set(theme.aliases) & set(theme.aliases_outside))
    if both:
        return f"field 'aliases_outside': {both[0]!r} is also in 'aliases' (an alias is from outside or not)"
    if theme.points or theme.sections:
        return None
    return "field 'points' is missing (a theme without points must name its heading's section in 'sections')"


def _event_date(event: Event) -> str | None:
    if not is_period(event.date):
        return f"field 'date': expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY, got {event.date!r}"
    if event.source == "paragraph" and event.paragraph is None:
        return "field 'paragraph' is missing (or give source = \"letterhead\" for a date the letterhead prints)"
    if event.source != "paragraph" and event.paragraph is not None:
        return f"field 'paragraph': an event from the {event.source} cites no paragraph"
    return None


RULES: dict[type, Callable[[Any], str | None]] = {
    Section: _inferred_heading_is_ours,
    Reference: _reference,
    Letter: _outside_marked,
    Outside: _outside_source,
    Point: _point_cites,
    Theme: _theme_has_points,
    Event: _event_date,
}


def is_period(value: str) -> bool:
    """YYYY, YYYY-MM, YYYY-MM-DD, or a range of years YYYY/YYYY."""
    parts = value.split("/")
    if len(parts) == 2:
        return all(len(p) == 4 and p.isdigit() for p in parts) and parts[0] < parts[1]
    if len(parts) != 1:
        return False
    try:
        if len(value) == 4 and value.isdigit():
            return True
        if len(value) == 7:
            _dt.date.fromisoformat(value + "-01")
            return True
        if len(value) == 10:
            _dt.date.fromisoformat(value)
            return True
    except ValueError:
        return False
    return False


class Broken(ValueError):
    """A corpus breaks a rule the loader would have enforced on its TOML."""


def check(corpus: Corpus) -> None:
    """Raise :class:`Broken` unless ``corpus`` satisfies every rule the loader enforces:
    non-blank strings, the choices, ISO dates, English lists one for one, the rules within
    a record, unique ids, fragments in range and in reading order, events there and in
    the order the loader sorts them into, and every id that a field names resolving.
    (Types are the cache format's to check; what the loader only tidies, the spaces in a
    summary, is not a fault.)"""
    records = _records(corpus)
    ids: dict[str, set[str]] = {}
    for key, cls in FILES.values():
        if "id" in cls._fields:
            column = list(map(attrgetter("id"), records[cls]))
            ids[key] = set(column)
            if len(ids[key]) != len(column):
                _fail(f"duplicate {key} id")
    for cls, found in records.items():
        _check_fields(cls, found, ids)
    if not all(map(str.strip, chain.from_iterable(corpus.glossary.values()))):
        _fail("a blank glossary entry")
    numbers = [f.number for f in corpus.letter.fragments]
    fragments = [p.fragment for p in corpus.paragraphs]
    if numbers != list(range(1, len(numbers) + 1)) or fragments != sorted(fragments):
        _fail("fragments out of order")
    if fragments and not 1 <= fragments[0] <= fragments[-1] <= len(numbers):
        _fail("a paragraph's fragment out of range")
    keys = [e.sort_key for e in corpus.events]
    if not keys or keys != sorted(keys):
        _fail("events missing or out of order")


def _records(corpus: Corpus) -> dict[type, list[Any]]:
    """Every record of the corpus by type, nested ones (statements, points, signatories) too."""
    found: dict[type, list[Any]] = {Letter: [corpus.letter]}
    for file, (_, cls) in FILES.items():
        found[cls] = list(getattr(corpus, file))
    pending: list[tuple[type, list[Any]]] = list(found.items())
    while pending:
        cls, records = pending.pop()
        for name, node in field_types(cls).items():
            if node[0] == "tuple" and node[1][0] == "record":
                items = list(chain.from_iterable(map(attrgetter(name), records)))
                found.setdefault(node[1][1], []).extend(items)
                pending.append((node[1][1], items))
    return found


def _check_fields(cls: type[Record], records: list[Any], ids: dict[str, set[str]]) -> None:
    """The rules of every field of ``cls``, each over the column of its values in ``records``."""
    types = field_types(cls)
    names = tuple(types)
    rows = list(map(attrgetter(*names), records)) if len(names) > 1 else [(getattr(r, names[0]),) for r in records]
    columns = dict(zip(names, map(list, zip(*rows, strict=True)), strict=True)) if rows else dict.fromkeys(names, [])
    strings: list[Any] = []  # every string the loader requires to be more than blanks
    for name, node in types.items():
        column = columns[name]
        if node[0] == "optional":
            node = node[1]
            column = list(filter(_present, column))
        if node == ("str",):
            strings.append(column)
        elif node == ("tuple", ("str",)):
            column = list(chain.from_iterable(column))
            strings.append(column)
        if (cls, name) in _SPECIAL:
            _check_special(cls, name, column, ids)
    if not all(map(str.strip, chain.from_iterable(strings))):
        _fail(f"a blank string in a {cls.__name__}")
    for english, dutch in translations(cls).items():  # one for one, as one_for_one() says
        if types[dutch][0] == "tuple" and list(map(len, columns[dutch])) != [len(v or ()) for v in columns[english]]:
            _fail(f"{cls.__name__}.{english} not one for one with {dutch}")
    rule = RULES.get(cls)
    message = next(filter(None, map(rule, records)), None) if rule else None
    if message:
        _fail(f"{cls.__name__}: {message}")


def _check_special(cls: type[Record], name: str, column: list[Any], ids: dict[str, set[str]]) -> None:
    """A choice, a TOML date, or the ids of other records (``column``: the values present, flattened)."""
    choices = CHOICES.get((cls, name))
    if choices is not None and not set(column) <= set(choices):
        _fail(f"{cls.__name__}.{name} not one of {choices}")
    if (cls, name) in TOML_DATES and not all(map(_is_iso_date, column)):
        _fail(f"{cls.__name__}.{name} not a date")
    refers = REFERS.get((cls, name))
    if refers is not None and not ids[refers[0]].issuperset(column):
        _fail(f"{cls.__name__}.{name} names no {refers[0]}")


_SPECIAL = {*CHOICES, *TOML_DATES, *REFERS}


_present = partial(is_not, None)


def _is_iso_date(value: str) -> bool:
    try:
        return _dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _fail(message: str) -> None:
    raise Broken(message)
