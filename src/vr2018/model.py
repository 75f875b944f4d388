"""The corpus's record types: frozen, validated on load by :mod:`vr2018.corpus`.

Everything here is plain data plus small derived properties; no I/O, no
rendering. Optional fields are ``None`` where the letter does not give them:
nothing is filled in that the letter does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KAMERSTUK_URL = "https://zoek.officielebekendmakingen.nl/kst-{dossier}-{number}.html"


@dataclass(frozen=True, slots=True)
class Fragment:
    """A run of the source text between missing pages (source line numbers)."""

    number: int
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    office: str
    person: str


@dataclass(frozen=True, slots=True)
class Letter:
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


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    level: int  # 1 = chapter, 2 = sub-heading
    printed: bool  # False: the heading is not in the text we have
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
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


@dataclass(frozen=True, slots=True)
class Citation:
    """A statement of ours that rests on the cited paragraphs."""

    text: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reference:
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


@dataclass(frozen=True, slots=True)
class Motion:
    id: str
    reference: str
    chamber: str
    submitters: tuple[str, ...]
    people: tuple[str, ...]
    as_written: str
    subject: str
    done: tuple[Citation, ...]
    date: str | None = None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for c in self.done for p in c.paragraphs))


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    role: str
    aliases: tuple[str, ...]
    did: tuple[Citation, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for c in self.did for p in c.paragraphs))


@dataclass(frozen=True, slots=True)
class Event:
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


@dataclass(frozen=True, slots=True)
class Point:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    title: str
    aliases: tuple[str, ...]
    summary: str
    points: tuple[Point, ...]
    sections: tuple[str, ...] = field(default=())
