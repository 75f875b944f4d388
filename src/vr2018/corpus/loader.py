"""Read the TOML data files and validate them against the model's schema.

What each record holds is declared once, by the annotations in
:mod:`vr2018.corpus.model` (a field with a default is optional; ``tuple[Point, ...]``
is a list of ``[[points]]`` tables; ``x_en`` is the English of ``x``, a list's one for one), plus
the few facts annotations cannot state, in the tables of :mod:`vr2018.corpus.rules`
(TOML dates, enumerations, which ids a field refers to), which the cache
applies too. One generic routine,
:meth:`_Reader.record`, checks every table of every file against that: unknown
keys, missing required fields, wrong types, empty strings, enumerations. A
second pass checks what spans records and files: duplicate ids, references
that resolve, fragment numbers, reading order.

Every fault raises :class:`DataError` with one line naming the file, the
record and the field (and the line and column of a TOML syntax error).
"""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from vr2018.corpus.files import read_regular
from vr2018.corpus.model import Corpus, Fragment, Letter, Paragraph
from vr2018.corpus.record import Record
from vr2018.corpus.rules import CHOICES, FILES, REFERS, RULES, SPACED, TOML_DATES, one_for_one
from vr2018.corpus.schema import field_types, translations
from vr2018.problems import DataError

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


def read_toml(folder: Path, name: str, read: Mapping[str, bytes | OSError] | None = None) -> dict[str, Any]:
    """The TOML document ``name``.toml of ``folder``; from ``read`` (file name → its bytes, or
    the error reading it gave) when given, so that what is parsed is what was hashed."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised only on Python < 3.11
        import tomli as tomllib

    path = folder / f"{name}.toml"
    label = f"data/{name}.toml"
    try:
        found = read_regular(path) if read is None else read.get(f"{name}.toml")
        if found is None:  # not among the files read: say why, as reading it does (a folder, gone)
            read_regular(path)
            raise FileNotFoundError(path)  # it appeared since then; what was hashed did not have it
        if isinstance(found, OSError):
            raise found
        raw = found
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
        message = one_for_one(record, english) or (rule(record) if rule else None)
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


def load(folder: Path, read: Mapping[str, bytes | OSError] | None = None) -> Corpus:
    """Read and validate every data file in ``folder``; raise :class:`DataError` on the first fault.

    ``read`` holds the files already read (file name → bytes, or the error reading it gave):
    the cache passes the bytes it hashed, so the corpus it keeps is exactly that content."""
    docs = {name: read_toml(folder, name, read) for name in DATA_FILES}
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
