"""The corpus's record types: frozen, validated on load by :mod:`vr2018.corpus`.

Everything here is plain data plus small derived properties; no I/O, no
rendering. Optional fields are ``None`` where the letter does not give them:
nothing is filled in that the letter does not hold.
"""

from __future__ import annotations

from typing import Any, ClassVar

KAMERSTUK_URL = "https://zoek.officielebekendmakingen.nl/kst-{dossier}-{number}.html"


class Record:
    """A small read-only record, declared like a dataclass: annotated fields in
    order, class attributes as defaults.

    Why not ``@dataclass(frozen=True)``: every such class costs about 0.6 ms to
    define, and this CLI is all start-up (benchmarks/startup.py). A Record
    class costs next to nothing to define and behaves the same way here:
    keyword or positional construction, read-only attributes, value equality,
    hashing and a readable repr.
    """

    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names: dict[str, None] = {}
        for klass in reversed(cls.__mro__):
            for name, kind in klass.__dict__.get("__annotations__", {}).items():
                if not name.startswith("_") and "ClassVar" not in str(kind):
                    names[name] = None
        cls._fields = tuple(names)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        if len(args) > len(cls._fields):
            raise TypeError(f"{cls.__name__} takes {len(cls._fields)} fields, got {len(args)}")
        values = dict(zip(cls._fields, args, strict=False))  # trailing fields may be defaults
        for name, value in kwargs.items():
            if name not in cls._fields:
                raise TypeError(f"{cls.__name__}: unexpected field {name!r}")
            if name in values:
                raise TypeError(f"{cls.__name__}: field {name!r} given twice")
            values[name] = value
        for name in cls._fields:
            if name in values:
                object.__setattr__(self, name, values[name])
            elif not hasattr(cls, name):
                raise TypeError(f"{cls.__name__}: missing field {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"


class Fragment(Record):
    """A run of the source text between missing pages (source line numbers)."""

    number: int
    first_line: int
    last_line: int


class Signatory(Record):
    name: str
    office: str
    person: str


class Letter(Record):
    title: str
    date: str  # ISO 8601
    date_as_written: str
    reference: str
    salutation: str
    attachments: tuple[str, ...]
    results_url: str
    earlier_letter: str  # a Reference id
    source: str  # path of the source text inside the data folder
    data_version: str
    addressee: tuple[str, ...]
    sender: tuple[str, ...]
    signatories: tuple[Signatory, ...]
    fragments: tuple[Fragment, ...]


class Section(Record):
    id: str
    title: str
    level: int  # 1 = chapter, 2 = sub-heading
    printed: bool  # False: the heading is not in the text we have
    parent: str | None = None


class Paragraph(Record):
    id: str
    section: str
    fragment: int
    text: str
    cut: str | None = None  # "start" or "end": a missing page cuts it there
    themes: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    references: tuple[str, ...] = ()


class Citation(Record):
    """A statement of ours that rests on the cited paragraphs."""

    text: str
    paragraphs: tuple[str, ...]


class Reference(Record):
    id: str
    kind: str  # "kamerstuk" or "resolutie"
    as_written: str
    description: str
    dossier: str | None = None
    number: str | None = None
    chapter: str | None = None
    chamber: str | None = None
    year: int | None = None

    @property
    def url(self) -> str | None:
        """The official publication, where the letter gives dossier and number."""
        if self.kind == "kamerstuk" and self.dossier and self.number:
            return KAMERSTUK_URL.format(dossier=self.dossier, number=self.number)
        return None


class Motion(Record):
    id: str
    reference: str
    chamber: str
    submitters: tuple[str, ...]
    people: tuple[str, ...]
    as_written: str
    subject: str
    done: tuple[Citation, ...]
    date: str | None = None
    chamber_inferred: bool = False  # the letter does not name the chamber

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for c in self.done for p in c.paragraphs))


class Person(Record):
    id: str
    name: str
    role: str
    aliases: tuple[str, ...]
    did: tuple[Citation, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for c in self.did for p in c.paragraphs))


class Event(Record):
    date: str  # ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY
    as_written: str
    label: str
    paragraph: str
    year_inferred: bool = False

    @property
    def precision(self) -> str:
        if "/" in self.date:
            return "range"
        return {4: "year", 7: "month", 10: "day"}[len(self.date)]

    @property
    def sort_key(self) -> str:
        return self.date


class Point(Record):
    text: str
    sources: tuple[str, ...]


class Theme(Record):
    id: str
    title: str
    aliases: tuple[str, ...]
    summary: str
    points: tuple[Point, ...]
    sections: tuple[str, ...] = ()
