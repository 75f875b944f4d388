"""Read the TOML data files and validate them against the model's schema.

What each record holds is declared once, by the annotations in
:mod:`vr2018.model` (a field with a default is optional; ``tuple[Point, ...]``
is a list of ``[[points]]`` tables; ``x_en`` is the English of ``x``, a list's one for one), plus
the few facts annotations cannot state, in the tables below (TOML dates,
enumerations, which ids a field refers to). One generic routine,
:meth:`_Reader.record`, checks every table of every file against that: unknown
keys, missing required fields, wrong types, empty strings, enumerations. A
second pass checks what spans records and files: duplicate ids, references
that resolve, fragment numbers, reading order.

Every fault raises :class:`DataError` with one line naming the file, the
record and the field (and the line and column of a TOML syntax error).
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .corpus import DataError
from .model import (
    Corpus,
    Event,
    Fragment,
    Letter,
    Motion,
    Outside,
    Paragraph,
    Person,
    Point,
    Record,
    Reference,
    Section,
    Signatory,
    Statement,
    Theme,
)
from .schema import field_types, translations

__all__ = ["DATA_FILES", "DataError", "load", "read_toml"]

_R = TypeVar("_R", bound=Record)

DATA_FILES = (
    "letter",
    "sections",
    "paragraphs",
    "references",
    "motions",
    "people",
    "events",
    "themes",
    "glossary",
    "terms",
)

# ── What the annotations cannot say ─────────────────────────────────────────

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


_CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "str": (lambda v: isinstance(v, str) and v.strip() != "", "a non-empty string"),
    "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "an integer"),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "date": (lambda v: isinstance(v, _dt.date) and not isinstance(v, _dt.datetime), "a date (YYYY-MM-DD)"),
    "strs": (
        lambda v: isinstance(v, list) and all(isinstance(s, str) and s.strip() for s in v),
        "a list of non-empty strings",
    ),
}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "an empty string" if not value.strip() else "a string"
    return {int: "an integer", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


# ── Reading one file ────────────────────────────────────────────────────────


def read_toml(folder: Path, name: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised only on Python < 3.11
        import tomli as tomllib

    path = folder / f"{name}.toml"
    label = f"data/{name}.toml"
    from .cache import read_regular

    try:
        raw = read_regular(path)
    except FileNotFoundError:
        raise DataError(f"{label}: file not found (looked in {folder})") from None
    except OSError as exc:  # a folder, a FIFO, a device, no permission
        raise DataError(f"{label}: cannot read: {exc.strerror or 'not a regular file'}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{label}: not UTF-8 (byte {exc.start})") from None
    try:
        doc: dict[str, Any] = tomllib.loads(text)  # typed so for 3.10 too, where tomli's types are not seen
        return doc
    except tomllib.TOMLDecodeError as exc:  # its message names the line and column
        raise DataError(f"{label}: invalid TOML: {exc}") from None


class _Reader:
    """Validates the tables of one file against the schema, remembering where each record came from."""

    def __init__(self, file: str, found: list[tuple[str, str, Record]]) -> None:
        self.file = f"data/{file}.toml"
        self.found = found  # (file, where, record) for every record read, nested ones too

    def fail(self, where: str, message: str) -> DataError:
        return DataError(f"{self.file}: {where}: {message}")

    def tables(self, doc: dict[str, Any], key: str, where: str = "") -> list[tuple[str, dict[str, Any]]]:
        """The ``[[key]]`` tables of ``doc``, each labelled by its id or its number."""
        items = doc.get(key)
        at = f"{where}{key}"
        if items is None:
            raise self.fail(at, "missing (expected a list of [[" + key + "]] tables)")
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise self.fail(at, "expected a list of [[" + key + "]] tables")
        named = []
        for n, item in enumerate(items, 1):
            rid = item.get("id")
            named.append((f"{at} {rid!r}" if isinstance(rid, str) else f"{at} #{n}", item))
        return named

    def records(self, doc: dict[str, Any], key: str, cls: type[_R]) -> list[_R]:
        return [self.record(cls, where, item) for where, item in self.tables(doc, key)]

    def record(self, cls: type[_R], where: str, item: dict[str, Any], given: dict[str, Any] | None = None) -> _R:
        """One record of type ``cls`` from its table: the generic check of every field."""
        given = given or {}
        types = field_types(cls)
        extra = sorted(set(item) - set(types) - set(given))
        if extra:
            raise self.fail(where, f"unknown field '{extra[0]}'")
        # Two languages, one authority: a Dutch field without its English
        # sibling (``text`` without ``text_en``) is rejected, so they cannot drift apart.
        english = translations(cls)
        values = dict(given)
        for name, node in types.items():
            if name in given:
                continue
            if name not in item:
                if hasattr(cls, name) and english.get(name) not in item:
                    continue  # optional: the model's default
                raise self.fail(where, f"field '{name}' is missing")
            values[name] = self.value(cls, where, item, name, node)
        record = cls(**values)
        rule = RULES.get(cls)
        message = _one_for_one(record, english) or (rule(record) if rule else None)
        if message:
            raise self.fail(where, message)
        self.found.append((self.file, where, record))
        return record

    def value(self, cls: type[Record], where: str, item: dict[str, Any], name: str, node: tuple[Any, ...]) -> Any:
        if node[0] == "optional":
            node = node[1]
        if node[0] == "tuple" and node[1][0] == "record":
            return tuple(self.record(node[1][1], sub, entry) for sub, entry in self.tables(item, name, f"{where}: "))
        kind = "date" if (cls, name) in TOML_DATES else "strs" if node == ("tuple", ("str",)) else node[0]
        value = item[name]
        check, expected = _CHECKS[kind]
        if not check(value):
            raise self.fail(where, f"field '{name}': expected {expected}, got {_describe(value)}")
        choices = CHOICES.get((cls, name))
        if choices is not None and value not in choices:
            wanted = " or ".join(repr(c) for c in choices)
            raise self.fail(where, f"field '{name}': expected {wanted}, got {value!r}")
        if kind == "strs":
            return tuple(value)
        if kind == "date":
            return value.isoformat()
        if (cls, name) in SPACED:
            return " ".join(value.split())
        return value


# ── Rules within one record ─────────────────────────────────────────────────


def _one_for_one(record: Record, english: dict[str, str]) -> str | None:
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


# ── The files that are not lists of records ─────────────────────────────────


class _Lines(Record):
    """[letter.addressee] and [letter.sender]: the lines of an address block, and their English."""

    lines: tuple[str, ...]
    lines_en: tuple[str, ...] = ()


def _letter(doc: dict[str, Any], found: list[tuple[str, str, Record]]) -> Letter:
    r = _Reader("letter", found)
    raw = doc.get("letter")
    if not isinstance(raw, dict):
        raise r.fail("[letter]", "table is missing")
    item = dict(raw)
    given: dict[str, Any] = {}
    for name in ("addressee", "sender"):
        table = item.pop(name, None)
        if not isinstance(table, dict):
            raise r.fail("[letter]", f"table '{name}' is missing")
        block = r.record(_Lines, f"[letter.{name}]", table)
        given[name], given[name + "_en"] = block.lines, block.lines_en
    fragments = r.records(doc, "fragment", Fragment)
    if [f.number for f in fragments] != list(range(1, len(fragments) + 1)):
        raise r.fail("fragment", "numbers must run 1, 2, 3, … in order")
    given["fragments"] = tuple(fragments)
    return r.record(Letter, "[letter]", item, given)


def _glossary(doc: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """glossary.toml: a user's words (English, spelling variants) → the letter's."""
    r = _Reader("glossary", [])
    terms = doc.get("terms")
    if not isinstance(terms, dict):
        raise r.fail("[terms]", "table is missing")
    check, expected = _CHECKS["strs"]
    for key, value in terms.items():
        if not check(value):
            raise r.fail(f"[terms] {key!r}", f"field '{key}': expected {expected}, got {_describe(value)}")
    return {key: tuple(value) for key, value in terms.items()}


def _terms(doc: dict[str, Any]) -> dict[str, str]:
    """terms.toml: the termbase, a key Dutch term → its one English rendering; a term
    given twice (case aside) would have two."""
    r = _Reader("terms", [])
    terms = doc.get("terms")
    if not isinstance(terms, dict):
        raise r.fail("[terms]", "table is missing")
    check, expected = _CHECKS["str"]
    seen: dict[str, str] = {}
    for term, rendering in terms.items():
        if not term.strip():
            raise r.fail("[terms]", "an empty term")
        if not check(rendering):
            raise r.fail(f"[terms] {term!r}", f"expected {expected}, got {_describe(rendering)}")
        other = seen.setdefault(term.lower(), term)
        if other != term:
            raise r.fail(f"[terms] {term!r}", f"the same term as {other!r} (case aside)")
    return dict(terms)


# ── Loading: every file, then what spans them ───────────────────────────────


def load(folder: Path) -> Corpus:
    """Read and validate every data file in ``folder``; raise :class:`DataError` on the first fault."""
    docs = {name: read_toml(folder, name) for name in DATA_FILES}
    found: list[tuple[str, str, Record]] = []
    letter = _letter(docs["letter"], found)
    lists: dict[str, list[Any]] = {}
    for file, (key, cls) in FILES.items():
        lists[file] = _Reader(file, found).records(docs[file], key, cls)
    if not lists["events"]:
        raise _Reader("events", found).fail("event", "missing (expected a list of [[event]] tables)")
    _check_across(found, lists, letter)
    return Corpus(
        letter=letter,
        sections=tuple(lists["sections"]),
        paragraphs=tuple(lists["paragraphs"]),
        references=tuple(lists["references"]),
        motions=tuple(lists["motions"]),
        people=tuple(lists["people"]),
        events=tuple(sorted(lists["events"], key=lambda e: e.sort_key)),
        themes=tuple(lists["themes"]),
        glossary=_glossary(docs["glossary"]),
        data_dir=folder,
        terms=_terms(docs["terms"]),
    )


def _check_across(found: list[tuple[str, str, Record]], lists: dict[str, list[Any]], letter: Letter) -> None:
    """The second pass: unique ids, fragments in range and order, every reference resolves."""
    ids: dict[str, set[str]] = {key: set() for key, _ in FILES.values()}
    top = {cls: key for key, cls in FILES.values()}
    for file, where, record in found:  # duplicates first: a renamed id is a duplicate, not a dangling one
        rid = getattr(record, "id", None)
        if type(record) in top and rid is not None:
            if rid in ids[top[type(record)]]:
                raise DataError(f"{file}: {where}: duplicate id '{rid}'")
            ids[top[type(record)]].add(rid)
    count = len(letter.fragments)
    for file, where, record in found:
        if isinstance(record, Paragraph) and not 1 <= record.fragment <= count:
            raise DataError(f"{file}: {where}: field 'fragment': expected 1 to {count}, got {record.fragment}")
    fragments = [p.fragment for p in lists["paragraphs"]]
    if fragments != sorted(fragments):
        raise DataError("data/paragraphs.toml: paragraph: fragments must appear in reading order")
    for file, where, record in found:
        for name in record._fields:
            refers = REFERS.get((type(record), name))
            if refers is None:
                continue
            value = getattr(record, name)
            for i in (value,) if isinstance(value, str) else value or ():
                if i not in ids[refers[0]]:
                    raise DataError(f"{file}: {where}: field '{name}': no {refers[0]} '{i}'{refers[1]}")
