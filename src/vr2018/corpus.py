"""Load the TOML data files into validated model objects, once.

``load_corpus()`` reads the data bundled with the package (or the folder named
by ``VR2018_DATA``), checks every field's presence and type, unique ids and
every cross-reference, and returns a :class:`Corpus`. Any fault raises
:class:`DataError` whose message is one line naming the file, the record and
the field.

Parsing and validating the TOML takes ~15 ms and building the search index
~5 ms: more than the rest of a command's own work. So the validated corpus,
with what engines derived from it (:meth:`Corpus.derived`), is kept in a
cache file (``$XDG_CACHE_HOME/vr2018``, or ``VR2018_CACHE``; ``off``
disables it), keyed by the size and modification time of every data file and
of the package's own code. A missing, stale, unreadable or unwritable cache
is silently rebuilt from the TOML: the TOML is always the truth.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import __version__
from .model import (
    Citation,
    Event,
    Fragment,
    Letter,
    Motion,
    Paragraph,
    Person,
    Point,
    Record,
    Reference,
    Section,
    Signatory,
    Theme,
)

DATA_ENV = "VR2018_DATA"
CACHE_ENV = "VR2018_CACHE"
DATA_FILES = ("letter", "sections", "paragraphs", "references", "motions", "people", "events", "themes", "glossary")
CUT_VALUES = ("start", "end")
REFERENCE_KINDS = ("kamerstuk", "resolutie")


class DataError(Exception):
    """A data file is missing or malformed. The message is one line."""


# ── The corpus ──────────────────────────────────────────────────────────────


class Corpus(Record):
    """All records, in reading order, with lookups by id."""

    letter: Letter
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    references: tuple[Reference, ...]
    motions: tuple[Motion, ...]
    people: tuple[Person, ...]
    events: tuple[Event, ...]  # chronological
    themes: tuple[Theme, ...]
    glossary: dict[str, tuple[str, ...]]
    data_dir: Path

    # One corpus is one object: compared and hashed by identity, not field by field.
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        object.__setattr__(self, "_derived", {})
        object.__setattr__(self, "_changed", True)  # not yet in the cache file

        def by_id(records: tuple[Any, ...]) -> dict[str, Any]:
            return {r.id: r for r in records}

        object.__setattr__(self, "_sections", by_id(self.sections))
        object.__setattr__(self, "_paragraphs", by_id(self.paragraphs))
        object.__setattr__(self, "_references", by_id(self.references))
        object.__setattr__(self, "_motions", by_id(self.motions))
        object.__setattr__(self, "_people", by_id(self.people))
        object.__setattr__(self, "_themes", by_id(self.themes))
        object.__setattr__(self, "_position", {p.id: i for i, p in enumerate(self.paragraphs)})

    # lookups (KeyError on an unknown id)
    def section(self, id: str) -> Section:
        return self._sections[id]  # type: ignore[attr-defined]

    def paragraph(self, id: str) -> Paragraph:
        return self._paragraphs[id]  # type: ignore[attr-defined]

    def reference(self, id: str) -> Reference:
        return self._references[id]  # type: ignore[attr-defined]

    def motion(self, id: str) -> Motion:
        return self._motions[id]  # type: ignore[attr-defined]

    def person(self, id: str) -> Person:
        return self._people[id]  # type: ignore[attr-defined]

    def theme(self, id: str) -> Theme:
        return self._themes[id]  # type: ignore[attr-defined]

    def position(self, paragraph_id: str) -> int:
        """The paragraph's index in reading order."""
        return self._position[paragraph_id]  # type: ignore[attr-defined]

    def derived(self, name: str, build: Callable[[Corpus], Any]) -> Any:
        """What an engine derives from the corpus (the search index), built once
        and kept with the corpus, also in the cache file."""
        value = self._derived.get(name)  # type: ignore[attr-defined]
        if value is None:
            value = self._derived[name] = build(self)  # type: ignore[attr-defined]
            object.__setattr__(self, "_changed", True)
        return value

    # derived views
    def section_path(self, paragraph: Paragraph) -> tuple[Section, ...]:
        """The headings above a paragraph, outermost first."""
        section = self.section(paragraph.section)
        path = [section]
        while section.parent:
            section = self.section(section.parent)
            path.insert(0, section)
        return tuple(path)

    def section_title(self, paragraph: Paragraph) -> str:
        """The headings above a paragraph, as every view shows them: a heading
        that is not in our copy of the letter (the opening has none; others are
        on missing pages) is in [brackets], never passed off as the letter's."""
        return " › ".join(s.title if s.printed else f"[{s.title}]" for s in self.section_path(paragraph))

    def gap_after(self, paragraph: Paragraph) -> bool:
        """True where pages are missing right after this paragraph."""
        i = self.position(paragraph.id) + 1
        return i < len(self.paragraphs) and self.paragraphs[i].fragment != paragraph.fragment

    def gap_before(self, paragraph: Paragraph) -> bool:
        i = self.position(paragraph.id)
        return i > 0 and self.paragraphs[i - 1].fragment != paragraph.fragment

    def theme_paragraphs(self, theme_id: str) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if theme_id in p.themes)

    def paragraph_events(self, paragraph_id: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.paragraph == paragraph_id)

    def citing_paragraphs(self, reference_id: str) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if reference_id in p.references)

    def motions_for(self, paragraph_ids: tuple[str, ...] | list[str]) -> tuple[Motion, ...]:
        wanted = set(paragraph_ids)
        return tuple(m for m in self.motions if wanted.intersection(m.paragraphs))

    def people_in(self, paragraph_ids: tuple[str, ...] | list[str]) -> tuple[Person, ...]:
        wanted = [self.paragraph(p) for p in paragraph_ids]
        ids = dict.fromkeys(person for p in wanted for person in p.people)
        return tuple(self.person(i) for i in ids)

    def source_text(self) -> str:
        """The letter exactly as supplied (the reference for fidelity)."""
        return (self.data_dir / self.letter.source).read_text(encoding="utf-8")


# ── Loading ─────────────────────────────────────────────────────────────────

_lock = threading.Lock()
_loaded: dict[Path, Corpus] = {}
def data_dir() -> Path:
    """Where the data files are: ``$VR2018_DATA``, the installed package, or a checkout."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    # Installed from a wheel, the package is a plain folder and its data sits
    # beside this file: exactly what importlib.resources.files() would return,
    # without the ~19 ms that importing importlib.resources costs every command
    # (python -X importtime). Any other kind of installation goes through it.
    bundled = Path(__file__).with_name("data")
    if bundled.is_dir():
        return bundled
    checkout = Path(__file__).resolve().parents[2] / "data"  # an editable install or a checkout
    if checkout.is_dir():
        return checkout
    from importlib.resources import files

    return Path(str(files("vr2018") / "data"))  # any other loader that keeps files on disk


def load_corpus(path: str | os.PathLike[str] | None = None) -> Corpus:
    """The corpus, loaded and validated on first use and kept per folder."""
    folder = Path(path) if path is not None else data_dir()
    with _lock:
        corpus = _loaded.get(folder)
        if corpus is None:
            corpus = _loaded[folder] = _load_cached(folder)
        return corpus


# ── The cache file ──────────────────────────────────────────────────────────


def cache_file(folder: Path) -> Path | None:
    """Where the corpus read from ``folder`` is cached, or None when caching is off.

    The name changes with the version, the folder, and the size and
    modification time of every data file and of every module of the package.
    """
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        base = Path(setting)
    else:
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = Path(home) / "vr2018"
    import zlib

    stamp = [__version__, str(folder.absolute())]
    for where in (folder, folder / "source", Path(__file__).parent):
        try:
            with os.scandir(where) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.is_file():
                        info = entry.stat()
                        stamp.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            stamp.append(f"{where}:missing")
    return base / f"corpus-{zlib.crc32(chr(0).join(stamp).encode()):08x}.pickle"


def _load_cached(folder: Path) -> Corpus:
    path = cache_file(folder)
    corpus = None
    if path is not None:
        try:
            import pickle

            with open(path, "rb") as handle:
                found = pickle.load(handle)
            if isinstance(found, Corpus):
                corpus = found
                object.__setattr__(corpus, "_changed", False)
        except Exception:  # noqa: BLE001 - missing, stale or damaged: the TOML decides
            corpus = None
    if corpus is None:
        corpus = _load(folder)
    if path is not None:
        import atexit

        atexit.register(_save, corpus, path)  # at exit: with whatever was derived meanwhile
    return corpus


def _save(corpus: Corpus, path: Path) -> None:
    """Write the corpus to its cache file if it changed; never fail."""
    if not corpus._changed:  # type: ignore[attr-defined]
        return
    try:
        import pickle
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-", delete=False) as handle:
            pickle.dump(corpus, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        object.__setattr__(corpus, "_changed", False)
        for old in path.parent.glob("corpus-*.pickle"):  # earlier versions of data or code
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a cache we cannot write is only slower
        try:
            os.unlink(handle.name)  # type: ignore[possibly-undefined]
        except Exception:  # noqa: BLE001
            pass


# ── Reading and validating the TOML ─────────────────────────────────────────


def _read(folder: Path, name: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised only on Python < 3.11
        import tomli as tomllib

    path = folder / f"{name}.toml"
    label = f"data/{name}.toml"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{label}: file not found (looked in {folder})") from None
    except OSError as exc:
        raise DataError(f"{label}: cannot read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{label}: not UTF-8 (byte {exc.start})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{label}: invalid TOML: {exc}") from None


class _Records:
    """Type-checks the records of one file, naming file, record and field on error."""

    def __init__(self, file: str) -> None:
        self.file = f"data/{file}.toml"

    def fail(self, where: str, message: str) -> DataError:
        return DataError(f"{self.file}: {where}: {message}")

    def tables(self, doc: dict[str, Any], key: str, where: str = "") -> list[tuple[str, dict[str, Any]]]:
        items = doc.get(key)
        at = f"{where}{key}"
        if items is None:
            raise self.fail(at, "missing (expected a list of [[" + key + "]] tables)")
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise self.fail(at, "expected a list of [[" + key + "]] tables")
        named = []
        for n, item in enumerate(items, 1):
            rid = item.get("id")
            label = f"{at} {rid!r}" if isinstance(rid, str) else f"{at} #{n}"
            named.append((label, item))
        return named

    def field(self, where: str, item: dict[str, Any], name: str, kind: str, required: bool = True) -> Any:
        if name not in item:
            if required:
                raise self.fail(where, f"field '{name}' is missing")
            return () if kind == "strs" else None
        value = item[name]
        check: Callable[[Any], bool] = {
            "str": lambda v: isinstance(v, str) and v.strip() != "",
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "bool": lambda v: isinstance(v, bool),
            "date": lambda v: isinstance(v, _dt.date) and not isinstance(v, _dt.datetime),
            "strs": lambda v: isinstance(v, list) and all(isinstance(s, str) and s.strip() for s in v),
        }[kind]
        if not check(value):
            expected = {
                "str": "a non-empty string",
                "int": "an integer",
                "bool": "true or false",
                "date": "a date (YYYY-MM-DD)",
                "strs": "a list of non-empty strings",
            }[kind]
            raise self.fail(where, f"field '{name}': expected {expected}, got {_describe(value)}")
        if kind == "strs":
            return tuple(value)
        if kind == "date":
            return value.isoformat()
        return value

    def unknown(self, where: str, item: dict[str, Any], known: set[str]) -> None:
        # English renderings (`*_en`, see tests/test_translation.py) are accepted and not loaded yet.
        extra = sorted(k for k in set(item) - known if not k.endswith("_en"))
        if extra:
            raise self.fail(where, f"unknown field '{extra[0]}'")

    def unique(self, labelled: list[tuple[str, Any]]) -> None:
        seen: set[str] = set()
        for where, record in labelled:
            if record.id in seen:
                raise self.fail(where, f"duplicate id '{record.id}'")
            seen.add(record.id)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "an empty string" if not value.strip() else "a string"
    return {int: "an integer", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def _citations(r: _Records, where: str, item: dict[str, Any], key: str, text: str, ids: str) -> tuple[Citation, ...]:
    out = []
    for sub, entry in r.tables(item, key, f"{where}: "):
        r.unknown(sub, entry, {text, ids})
        out.append(Citation(r.field(sub, entry, text, "str"), r.field(sub, entry, ids, "strs")))
    return tuple(out)


def _load(folder: Path) -> Corpus:
    docs = {name: _read(folder, name) for name in DATA_FILES}

    # letter.toml
    r = _Records("letter")
    raw = docs["letter"].get("letter")
    if not isinstance(raw, dict):
        raise r.fail("[letter]", "table is missing")
    where = "[letter]"
    known = {
        "title", "date", "date_as_written", "reference", "salutation", "attachments", "results_url",
        "earlier_letter", "source", "data_version", "addressee", "sender", "signatories",
    }
    r.unknown(where, raw, known)
    block = {}
    for name in ("addressee", "sender"):
        table = raw.get(name)
        if not isinstance(table, dict):
            raise r.fail(where, f"table '{name}' is missing")
        block[name] = r.field(f"[letter.{name}]", table, "lines", "strs")
    signatories = []
    for sub, entry in r.tables(raw, "signatories", "[letter]: "):
        r.unknown(sub, entry, {"name", "office", "person"})
        signatories.append(Signatory(*(r.field(sub, entry, f, "str") for f in ("name", "office", "person"))))
    fragments = []
    for sub, entry in r.tables(docs["letter"], "fragment"):
        r.unknown(sub, entry, {"number", "first_line", "last_line"})
        fragments.append(Fragment(*(r.field(sub, entry, f, "int") for f in ("number", "first_line", "last_line"))))
    letter = Letter(
        title=r.field(where, raw, "title", "str"),
        date=r.field(where, raw, "date", "date"),
        date_as_written=r.field(where, raw, "date_as_written", "str"),
        reference=r.field(where, raw, "reference", "str"),
        salutation=r.field(where, raw, "salutation", "str"),
        attachments=r.field(where, raw, "attachments", "strs", required=False),
        results_url=r.field(where, raw, "results_url", "str"),
        earlier_letter=r.field(where, raw, "earlier_letter", "str"),
        source=r.field(where, raw, "source", "str"),
        data_version=r.field(where, raw, "data_version", "str"),
        addressee=block["addressee"],
        sender=block["sender"],
        signatories=tuple(signatories),
        fragments=tuple(fragments),
    )
    if [f.number for f in fragments] != list(range(1, len(fragments) + 1)):
        raise r.fail("fragment", "numbers must run 1, 2, 3, … in order")

    # sections.toml
    r = _Records("sections")
    sections = []
    for where, item in r.tables(docs["sections"], "section"):
        r.unknown(where, item, {"id", "title", "level", "printed", "parent"})
        section = Section(
            id=r.field(where, item, "id", "str"),
            title=r.field(where, item, "title", "str"),
            level=r.field(where, item, "level", "int"),
            printed=r.field(where, item, "printed", "bool"),
            parent=r.field(where, item, "parent", "str", required=False),
        )
        if section.level not in (1, 2):
            raise r.fail(where, f"field 'level': expected 1 or 2, got {section.level}")
        sections.append((where, section))
    r.unique(sections)
    section_ids = {s.id for _, s in sections}
    for where, s in sections:
        if s.parent is not None and s.parent not in section_ids:
            raise r.fail(where, f"field 'parent': no section '{s.parent}'")

    # paragraphs.toml
    r = _Records("paragraphs")
    paragraphs = []
    fields = ("themes", "people", "places", "organisations", "references")
    for where, item in r.tables(docs["paragraphs"], "paragraph"):
        r.unknown(where, item, {"id", "section", "fragment", "text", "cut", *fields})
        p = Paragraph(
            id=r.field(where, item, "id", "str"),
            section=r.field(where, item, "section", "str"),
            fragment=r.field(where, item, "fragment", "int"),
            text=r.field(where, item, "text", "str"),
            cut=r.field(where, item, "cut", "str", required=False),
            **{f: r.field(where, item, f, "strs", required=False) for f in fields},
        )
        if p.cut is not None and p.cut not in CUT_VALUES:
            raise r.fail(where, f"field 'cut': expected 'start' or 'end', got {p.cut!r}")
        if p.section not in section_ids:
            raise r.fail(where, f"field 'section': no section '{p.section}' in data/sections.toml")
        if not 1 <= p.fragment <= len(fragments):
            raise r.fail(where, f"field 'fragment': expected 1 to {len(fragments)}, got {p.fragment}")
        paragraphs.append((where, p))
    r.unique(paragraphs)
    if [p.fragment for _, p in paragraphs] != sorted(p.fragment for _, p in paragraphs):
        raise r.fail("paragraph", "fragments must appear in reading order")
    paragraph_ids = {p.id for _, p in paragraphs}

    # references.toml
    r = _Records("references")
    references = []
    for where, item in r.tables(docs["references"], "reference"):
        r.unknown(where, item, {
            "id", "kind", "as_written", "description", "dossier", "number", "chapter", "chamber", "year",
        })
        ref = Reference(
            id=r.field(where, item, "id", "str"),
            kind=r.field(where, item, "kind", "str"),
            as_written=r.field(where, item, "as_written", "str"),
            description=r.field(where, item, "description", "str"),
            dossier=r.field(where, item, "dossier", "str", required=False),
            number=r.field(where, item, "number", "str", required=False),
            chapter=r.field(where, item, "chapter", "str", required=False),
            chamber=r.field(where, item, "chamber", "str", required=False),
            year=r.field(where, item, "year", "int", required=False),
        )
        if ref.kind not in REFERENCE_KINDS:
            raise r.fail(where, f"field 'kind': expected 'kamerstuk' or 'resolutie', got {ref.kind!r}")
        if ref.kind == "kamerstuk" and ref.dossier is None:
            raise r.fail(where, "field 'dossier' is missing (required for a kamerstuk)")
        references.append((where, ref))
    r.unique(references)
    reference_ids = {ref.id for _, ref in references}

    # people.toml
    r = _Records("people")
    people = []
    for where, item in r.tables(docs["people"], "person"):
        r.unknown(where, item, {"id", "name", "role", "aliases", "did"})
        people.append((where, Person(
            id=r.field(where, item, "id", "str"),
            name=r.field(where, item, "name", "str"),
            role=r.field(where, item, "role", "str"),
            aliases=r.field(where, item, "aliases", "strs", required=False),
            did=_citations(r, where, item, "did", "text", "paragraphs"),
        )))
    r.unique(people)
    person_ids = {p.id for _, p in people}
    for where, person in people:
        for c in person.did:
            _resolve(r, where, "did.paragraphs", c.paragraphs, paragraph_ids, "paragraph")

    # motions.toml
    r = _Records("motions")
    motions = []
    for where, item in r.tables(docs["motions"], "motion"):
        r.unknown(where, item, {
            "id", "reference", "chamber", "chamber_inferred", "submitters", "people", "as_written", "subject", "done",
            "date",
        })
        motion = Motion(
            id=r.field(where, item, "id", "str"),
            reference=r.field(where, item, "reference", "str"),
            chamber=r.field(where, item, "chamber", "str"),
            submitters=r.field(where, item, "submitters", "strs"),
            people=r.field(where, item, "people", "strs", required=False),
            as_written=r.field(where, item, "as_written", "str"),
            subject=r.field(where, item, "subject", "str"),
            done=_citations(r, where, item, "done", "text", "paragraphs"),
            date=r.field(where, item, "date", "date", required=False),
            chamber_inferred=bool(r.field(where, item, "chamber_inferred", "bool", required=False)),
        )
        _resolve(r, where, "reference", (motion.reference,), reference_ids, "reference")
        _resolve(r, where, "people", motion.people, person_ids, "person")
        for c in motion.done:
            _resolve(r, where, "done.paragraphs", c.paragraphs, paragraph_ids, "paragraph")
        motions.append((where, motion))
    r.unique(motions)

    # events.toml
    r = _Records("events")
    events = []
    for n, item in enumerate(docs["events"].get("event", None) or [], 1):
        where = f"event #{n}"
        if not isinstance(item, dict):
            raise r.fail(where, "expected a table")
        r.unknown(where, item, {"date", "as_written", "label", "paragraph", "year_inferred"})
        event = Event(
            date=r.field(where, item, "date", "str"),
            as_written=r.field(where, item, "as_written", "str"),
            label=r.field(where, item, "label", "str"),
            paragraph=r.field(where, item, "paragraph", "str"),
            year_inferred=bool(r.field(where, item, "year_inferred", "bool", required=False)),
        )
        if not _iso_date(event.date):
            raise r.fail(where, f"field 'date': expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY, got {event.date!r}")
        _resolve(r, where, "paragraph", (event.paragraph,), paragraph_ids, "paragraph")
        events.append(event)
    if not events:
        raise r.fail("event", "missing (expected a list of [[event]] tables)")

    # themes.toml
    r = _Records("themes")
    themes = []
    for where, item in r.tables(docs["themes"], "theme"):
        r.unknown(where, item, {"id", "title", "aliases", "summary", "points", "sections"})
        points = []
        for sub, entry in r.tables(item, "points", f"{where}: "):
            r.unknown(sub, entry, {"text", "sources"})
            point = Point(r.field(sub, entry, "text", "str"), r.field(sub, entry, "sources", "strs"))
            if not point.sources:
                raise r.fail(sub, "field 'sources': a point must cite at least one paragraph")
            _resolve(r, sub, "sources", point.sources, paragraph_ids, "paragraph")
            points.append(point)
        theme = Theme(
            id=r.field(where, item, "id", "str"),
            title=r.field(where, item, "title", "str"),
            aliases=r.field(where, item, "aliases", "strs", required=False),
            summary=" ".join(r.field(where, item, "summary", "str").split()),
            points=tuple(points),
            sections=r.field(where, item, "sections", "strs", required=False),
        )
        _resolve(r, where, "sections", theme.sections, section_ids, "section")
        themes.append((where, theme))
    r.unique(themes)
    theme_ids = {t.id for _, t in themes}

    # cross-references from the paragraphs and the letter
    r = _Records("paragraphs")
    for where, p in paragraphs:
        _resolve(r, where, "themes", p.themes, theme_ids, "theme")
        _resolve(r, where, "people", p.people, person_ids, "person")
        _resolve(r, where, "references", p.references, reference_ids, "reference")
    r = _Records("letter")
    _resolve(r, "[letter]", "earlier_letter", (letter.earlier_letter,), reference_ids, "reference")
    for s in letter.signatories:
        _resolve(r, "[letter.signatories]", "person", (s.person,), person_ids, "person")

    # glossary.toml: a user's words (English, spelling variants) → the letter's
    r = _Records("glossary")
    terms = docs["glossary"].get("terms")
    if not isinstance(terms, dict):
        raise r.fail("[terms]", "table is missing")
    glossary = {key: r.field(f"[terms] {key!r}", terms, key, "strs") for key in terms}

    return Corpus(
        letter=letter,
        sections=tuple(s for _, s in sections),
        paragraphs=tuple(p for _, p in paragraphs),
        references=tuple(ref for _, ref in references),
        motions=tuple(m for _, m in motions),
        people=tuple(p for _, p in people),
        events=tuple(sorted(events, key=lambda e: e.sort_key)),
        themes=tuple(t for _, t in themes),
        glossary=glossary,
        data_dir=folder,
    )


def _resolve(r: _Records, where: str, field: str, ids: tuple[str, ...], known: set[str], kind: str) -> None:
    for i in ids:
        if i not in known:
            raise r.fail(where, f"field '{field}': no {kind} '{i}'")


def _iso_date(value: str) -> bool:
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
