"""The corpus's record types: frozen, validated on load by :mod:`vr2018.corpus.loader`.

Everything here is plain data plus small derived properties; no I/O, no
rendering. Optional fields are ``None`` where the letter does not give them:
nothing is filled in that the letter does not hold.

The annotations are the schema (:mod:`vr2018.corpus.schema` reads them): the loader
validates the TOML against them and the cache file's format
(:mod:`vr2018.corpus.columns`) writes and reads records by them. A field ``x_en`` is the English rendering of the
field ``x`` beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from vr2018.corpus.record import _R, Record

if TYPE_CHECKING:
    from pathlib import Path

KAMERSTUK_URL = "https://zoek.officielebekendmakingen.nl/kst-{dossier}-{number}.html"
# The UN's permanent link to a document by its symbol, without spaces: "S/RES/2231 (2015)" →
# https://undocs.org/S/RES/2231(2015) (the form the UN libraries' research guides give).
UNDOCS_URL = "https://undocs.org/{symbol}"


class Fragment(Record):
    """A run of the source text between missing pages (source line numbers)."""

    number: int
    first_line: int
    last_line: int


class Outside(Record):
    """Facts a record holds that the letter does not give (field names in ``facts``), and
    the public source they come from: every view shows them as not in the letter."""

    facts: tuple[str, ...]
    source: str  # what the source is and what it says: "UN press release SC/13354: …"
    url: str


class Signatory(Record):
    name: str
    office: str
    person: str
    office_en: str | None = None


class Letter(Record):
    title: str
    date: str  # ISO 8601
    date_as_written: str
    reference: str
    salutation: str
    attachments: tuple[str, ...] = ()
    results_url: str
    earlier_letter: str  # a Reference id
    source: str  # path of the source text inside the data folder
    data_version: str
    addressee: tuple[str, ...]
    sender: tuple[str, ...]
    signatories: tuple[Signatory, ...]
    fragments: tuple[Fragment, ...]
    title_en: str | None = None
    salutation_en: str | None = None
    addressee_en: tuple[str, ...] = ()  # line for line
    sender_en: tuple[str, ...] = ()
    ministry: str | None = None  # the sending ministry: not printed by the letter, so in ``outside``
    ministry_en: str | None = None
    outside: tuple[Outside, ...] = ()

    @property
    def outside_facts(self) -> tuple[str, ...]:
        """The fields whose value is not in the letter (see :class:`Outside`)."""
        return tuple(dict.fromkeys(f for o in self.outside for f in o.facts))


class Section(Record):
    id: str
    title: str
    level: int  # 1 = chapter, 2 = sub-heading
    printed: bool  # False: the heading is not in the text we have
    parent: str | None = None
    title_en: str | None = None
    # True: the section is our guess. After missing pages we cannot see whether a new
    # chapter began (nor at which level) or the text continues the section before the gap.
    heading_inferred: bool = False


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
    text_en: str | None = None
    places_en: tuple[str, ...] = ()  # English names, one for one with places
    organisations_en: tuple[str, ...] = ()
    note_en: str | None = None  # a translator's note: where the English decides or repairs what the Dutch leaves


class Statement(Record):
    """A statement of ours that rests on the cited paragraphs."""

    text: str
    paragraphs: tuple[str, ...]
    text_en: str | None = None


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
    description_en: str | None = None
    as_written_en: str | None = None  # "resolution 2231"; a Kamerstuk keeps its Dutch notation
    chamber_en: str | None = None
    # A UN resolution's official symbol ("S/RES/2231 (2015)") and adoption date: never in the
    # letter, so always in ``outside`` with their source. ``number`` and ``year`` above stay what
    # the letter writes ("resolutie 2231": no year); the symbol gives the UN's whole identifier.
    symbol: str | None = None
    adopted: str | None = None  # ISO 8601
    outside: tuple[Outside, ...] = ()

    @property
    def url(self) -> str | None:
        """The official publication: a Kamerstuk's where the letter gives dossier and number,
        a UN document's (on undocs.org) where its symbol is known."""
        if self.kind == "kamerstuk" and self.dossier and self.number:
            return KAMERSTUK_URL.format(dossier=self.dossier, number=self.number)
        if self.symbol:
            return UNDOCS_URL.format(symbol=self.symbol.replace(" ", ""))
        return None

    @property
    def outside_facts(self) -> tuple[str, ...]:
        """The fields whose value is not in the letter, and ``url`` where it is made from one."""
        facts = tuple(dict.fromkeys(f for o in self.outside for f in o.facts))
        return facts + (("url",) if "symbol" in facts and self.url else ())


class Motion(Record):
    id: str
    reference: str
    chamber: str
    submitters: tuple[str, ...]
    people: tuple[str, ...] = ()
    as_written: str
    subject: str
    done: tuple[Statement, ...]
    date: str | None = None
    chamber_inferred: bool = False  # the letter does not name the chamber
    subject_en: str | None = None
    subject_inferred: bool = False  # the subject is our reading of the context, not stated by the letter
    chamber_en: str | None = None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for c in self.done for p in c.paragraphs))


class Person(Record):
    id: str
    name: str
    role: str
    aliases: tuple[str, ...] = ()
    did: tuple[Statement, ...]
    role_en: str | None = None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for c in self.did for p in c.paragraphs))


class Event(Record):
    date: str  # ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY
    as_written: str
    label: str
    paragraph: str | None = None  # the paragraph that gives the date; None when ``source`` is not a paragraph
    year_inferred: bool = False
    label_en: str | None = None
    source: str = "paragraph"  # where the letter gives the date: "paragraph" or "letterhead"

    @property
    def where(self) -> str:
        """Where the date is in the letter, as every view names it: a paragraph id, or "letterhead"."""
        return self.paragraph if self.paragraph is not None else self.source

    @property
    def precision(self) -> str:
        if "/" in self.date:
            return "range"
        return {4: "year", 7: "month", 10: "day"}[len(self.date)]

    @property
    def span(self) -> tuple[int, int]:
        """The first and last day the date can mean, as YYYYMMDD numbers: '2017' →
        (20170101, 20171231), '2018-09' → (20180901, 20180931), '2017/2018' →
        (20170101, 20181231). A month ends on its 31st: only ever compared."""
        first, _, last = self.date.partition("/")
        return day_number(first), day_number(last or first, last=True)

    @property
    def sort_key(self) -> tuple[int, int]:
        """Chronological order: by the first day the date can mean; on the same first
        day the wider date first (a range of years, then a year, a month, a day), as a
        period comes before what happens in it. Equal dates keep the data's order."""
        start, end = self.span
        return start, -end


def day_number(iso: str, last: bool = False) -> int:
    """'2018' / '2018-09' / '2018-09-26' → its first (or ``last``) day as YYYYMMDD
    (a month's last day counted as its 31st: only the order of days matters)."""
    parts = [int(p) for p in iso.split("-")]
    year, month, day = (parts + [12 if last else 1, 31 if last else 1][len(parts) - 1 :])[:3]
    return year * 10_000 + month * 100 + day


class Point(Record):
    text: str
    sources: tuple[str, ...]
    text_en: str | None = None


class Theme(Record):
    id: str
    title: str
    aliases: tuple[str, ...] = ()
    summary: str
    points: tuple[Point, ...] = ()  # none only where nothing but the theme's heading survives (``sections``)
    sections: tuple[str, ...] = ()
    title_en: str | None = None
    summary_en: str | None = None
    aliases_outside: tuple[
        str, ...
    ] = ()  # names from outside the letter ("JCPOA"): found by, shown as not in the letter

    @property
    def names(self) -> tuple[str, ...]:
        """Every alias, the letter's words and outside names alike: what the theme is found by."""
        return (*self.aliases, *self.aliases_outside)


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
    terms: dict[str, str]  # the termbase: a key Dutch term → its one English rendering
    data_dir: Path

    # Private state set in __init__ (names with "_" are not record fields).
    _sections: dict[str, Section]
    _paragraphs: dict[str, Paragraph]
    _references: dict[str, Reference]
    _motions: dict[str, Motion]
    _people: dict[str, Person]
    _themes: dict[str, Theme]
    _position: dict[str, int]
    _derived: dict[str, Any]  # what engines derived: name → value (Corpus.derived)
    _offers: dict[str, Callable[[type[Record]], Any]]  # name → restore(kind): a ready-made value, or None

    # One corpus is one object: compared and hashed by identity, not field by field.
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __init__(
        self,
        *,
        letter: Letter,
        sections: tuple[Section, ...],
        paragraphs: tuple[Paragraph, ...],
        references: tuple[Reference, ...],
        motions: tuple[Motion, ...],
        people: tuple[Person, ...],
        events: tuple[Event, ...],
        themes: tuple[Theme, ...],
        glossary: dict[str, tuple[str, ...]],
        terms: dict[str, str],
        data_dir: Path,
    ) -> None:  # the fields, named once more: a type checker reads a record's own __init__ instead of its fields
        super().__init__(
            letter=letter,
            sections=sections,
            paragraphs=paragraphs,
            references=references,
            motions=motions,
            people=people,
            events=events,
            themes=themes,
            glossary=glossary,
            terms=terms,
            data_dir=data_dir,
        )
        object.__setattr__(self, "_derived", {})
        object.__setattr__(self, "_offers", {})

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
        return self._sections[id]

    def paragraph(self, id: str) -> Paragraph:
        return self._paragraphs[id]

    def reference(self, id: str) -> Reference:
        return self._references[id]

    def motion(self, id: str) -> Motion:
        return self._motions[id]

    def person(self, id: str) -> Person:
        return self._people[id]

    def theme(self, id: str) -> Theme:
        return self._themes[id]

    def position(self, paragraph_id: str) -> int:
        """The paragraph's index in reading order."""
        return self._position[paragraph_id]

    def derived(self, name: str, build: Callable[[Corpus], _R], kind: type[_R]) -> _R:
        """What an engine derives from the corpus (the search index, a record of type
        ``kind``), built once and kept with the corpus. Whoever loaded the corpus may have
        offered a ready-made one (the cache, from its file: :meth:`offer`); it is used when
        it restores to a ``kind`` whose ``consistent()`` (if it has one) holds, else built."""
        value = self._derived.get(name)
        if value is None:
            offer = self._offers.pop(name, None)
            value = offer(kind) if offer is not None else None
            if value is None:
                value = build(self)
            self._derived[name] = value
        return value

    def offer(self, name: str, restore: Callable[[type[Record]], Any]) -> None:
        """A ready-made value for :meth:`derived` ``(name, …)``: ``restore(kind)`` returns it, or None."""
        self._offers[name] = restore

    def derivations(self) -> dict[str, Any]:
        """What has been derived so far (built, or restored from an offer): name → value."""
        return dict(self._derived)

    # derived views
    def section_path(self, paragraph: Paragraph) -> tuple[Section, ...]:
        """The headings above a paragraph, outermost first."""
        section = self.section(paragraph.section)
        path = [section]
        while section.parent:
            section = self.section(section.parent)
            path.insert(0, section)
        return tuple(path)

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
