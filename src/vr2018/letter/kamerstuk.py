"""Kamerstuk numbers in every notation people type, parsed into one key.

A Kamerstuk (parliamentary paper) is named by its dossier (``22 045``) and,
within it, a document: a number (``nr. 290``), an Eerste Kamer letter
(``D``), or, for a budget dossier, a chapter in Roman numerals (``XVII``),
which may itself hold numbered or lettered documents (``35 000 XVII, nr. 12``,
``34 550 V, D``). A chamber in front (``TK 22045-290``, ``EK 34550-D``) is
accepted and dropped: both chambers' documents of a dossier are numbered in it.

    >>> parse("Kamerstuk 22 045, nr. 290")
    KamerstukKey(dossier='22045', number='290', chapter=None)
    >>> parse("34550-D").label
    '34 550, D'
    >>> parse("kst-35000-XVII").compact
    '35000-XVII'

Anything that is not a Kamerstuk raises :class:`~vr2018.problems.NotAKamerstuk` (a
:class:`ValueError`) saying which rule it breaks; :mod:`vr2018.cli.messages` words it.
Pure functions: no I/O.
"""

from __future__ import annotations

import re

from vr2018.corpus.record import Record
from vr2018.problems import NotAKamerstuk
from vr2018.text.fold import fold

_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


_URL = re.compile(r"^(?:https?://)?(?:www\.|zoek\.)?officielebekendmakingen\.nl/", re.ASCII)


# A chamber before a Kamerstuk: "TK 22045-290", "EK 34550-D", "Tweede Kamer 22045-290".
_CHAMBER = r"(?:tk|ek|(?:tweede|eerste)\s+kamer)(?![a-z])[\s,.:;-]*"


_PREFIX = re.compile(
    # "Kamerstuk", "Kamerstukken II 2017/18,", "kst-", "kst"; a year is four digits
    # followed by a dossier, never the start of one ("Kamerstuk 22045")
    # and a chamber: "TK 22045-290", "EK 34550-D", "Tweede Kamer 22045-290" (the dossier
    # and document name the paper; both chambers number it in one dossier)
    rf"^(?:{_CHAMBER})?"
    r"(?:(?:kamerstukken|kamerstuk|kst)(?![a-z])(?:\s+i{1,2}(?![a-z]))?"
    r"(?:\s+[0-9]{4}(?:[/-][0-9]{2}(?:[0-9]{2})?)?(?![0-9])(?=[\s,.:;-]+[0-9]))?[\s,.:;-]*)?",
    re.ASCII,
)


_CHAMBER_FIRST = re.compile(_CHAMBER + "[0-9k]", re.ASCII)  # a chamber, then a dossier or "kst"/"kamerstuk"


# "22 045" / "22.045" (a thousands separator) or plain digits
_DOSSIER = re.compile(r"[0-9]{1,3}[ .][0-9]{3}(?![0-9])|[0-9]+", re.ASCII)


_SPLIT = re.compile(r"[\s,;:/()\-.]+")


_NUMBER_WORDS = {"nr", "nrs", "no", "nummer"}


class KamerstukKey(Record):
    """A parsed Kamerstuk: the dossier, and the document within it where given."""

    dossier: str  # digits only, no leading zero: "22045"
    number: str | None = None  # "290", or an Eerste Kamer letter: "D"
    chapter: str | None = None  # a budget chapter in Roman numerals: "XVII"

    @property
    def compact(self) -> str:
        """The notation of the official URL, without 'kst-': '22045-290', '35000-XVII'."""
        return "-".join(p for p in (self.dossier, self.chapter, self.number) if p)

    @property
    def label(self) -> str:
        """The way a Kamerstuk is cited: '22 045, nr. 290', '34 550, D', '35 000 XVII'."""
        d = self.dossier
        out = f"{d[:-3]} {d[-3:]}" if len(d) > 3 else d
        if self.chapter:
            out += f" {self.chapter}"
        if self.number:
            out += f", nr. {self.number}" if self.number.isdigit() else f", {self.number}"
        return out

    def matches(self, dossier: str | None, number: str | None = None, chapter: str | None = None) -> bool:
        """Does this key name that document? A bare dossier matches all its documents,
        a chapter all documents in the chapter."""
        if dossier is None or self.dossier != dossier:
            return False
        if self.chapter is not None and self.chapter != chapter:
            # a citation may leave the budget chapter out ("Kamerstuk 34 550, D" for
            # 34 550 V, D): a chapter typed with that document's number still names it
            if chapter is not None or self.number is None or self.number != number:
                return False
        if self.number is None or self.number == number:
            return True
        # "35000-V": a lone Roman letter may name a chapter rather than a document
        return self.chapter is None and number is None and self.number == chapter


def key_of(dossier: str, number: str | None = None, chapter: str | None = None) -> KamerstukKey:
    """The key of a document whose parts are already known (a Reference's fields)."""
    return KamerstukKey(dossier=dossier, number=number, chapter=chapter)


def parse(text: str) -> KamerstukKey:
    """Parse a Kamerstuk in any common notation; :class:`~vr2018.problems.NotAKamerstuk` if it is not one."""
    if not isinstance(text, str):
        raise TypeError(f"a Kamerstuk must be text, not {type(text).__name__}")
    s = " ".join(fold(text).split())
    if not s:
        raise NotAKamerstuk(text, "empty")
    s = _URL.sub("", s)
    s = re.sub(r"\.html?$", "", s)
    s = _PREFIX.sub("", s, count=1)
    found = _DOSSIER.match(s)
    if not found:
        raise NotAKamerstuk(text, "dossier-first")
    dossier = re.sub(r"[^0-9]", "", found.group()).lstrip("0")
    if not dossier or len(dossier) > 6:
        raise NotAKamerstuk(text, "dossier-digits")
    rest = s[found.end() :]
    if rest and rest[0].isalnum() and not rest[0].isdigit():
        # "22045a" is not a dossier followed by a letter: demand a separator
        raise NotAKamerstuk(text, "separator")
    number: str | None = None
    chapter: str | None = None
    tokens = [t for t in _SPLIT.split(rest) if t and t not in _NUMBER_WORDS]
    for at, token in enumerate(tokens):
        if re.fullmatch(r"[0-9]+", token, re.ASCII):
            value = token.lstrip("0")
            if number is not None or not value or len(value) > 4:
                raise NotAKamerstuk(text, "unexpected", token)
            number = value
        elif re.fullmatch(r"[a-z]+", token, re.ASCII):
            upper = token.upper()
            # a chapter is Roman: "XVII", or I, V or X with a document after it ("34550 V D");
            # a lone C, D, L or M is a document letter (no budget chapter numbers 100 or more)
            roman = _ROMAN.fullmatch(upper) and (len(upper) >= 2 or (upper in "IVX" and at + 1 < len(tokens)))
            if roman and chapter is None and number is None:
                chapter = upper
            elif len(upper) <= 2 and number is None:
                number = upper
            else:
                raise NotAKamerstuk(text, "unexpected", token)
        else:
            raise NotAKamerstuk(text, "unexpected", token)
    return KamerstukKey(dossier=dossier, number=number, chapter=chapter)


def looks_like(text: str) -> bool:
    """True if ``text`` is meant as a Kamerstuk (starts with a digit, 'kst' or 'Kamerstuk') and parses."""
    s = fold(text).strip()
    if not (s[:1].isdigit() or s.startswith(("kst", "kamerstuk")) or _URL.match(s) or _CHAMBER_FIRST.match(s)):
        return False
    try:
        parse(text)
    except ValueError:
        return False
    return True


class ResolutionKey(Record):
    """A UN Security Council resolution by its number (and year, where given)."""

    number: str  # digits only: "2396"
    year: int | None = None

    @property
    def label(self) -> str:
        return f"S/RES/{self.number}" + (f" ({self.year})" if self.year else "")


_RESOLUTION = re.compile(
    r"^(?:s\s*/\s*res\s*/\s*|(?:un\s+|vn[-\s]*|unsc\s+)?(?:resolutions?|resoluties?|res)(?![a-z])[\s.:]*(?:nr\.?\s*|no\.?\s*)?)?"
    r"([0-9]{3,4})(?:\s*\(\s*([0-9]{4})\s*\))?$",
    re.ASCII,
)


def parse_resolution(text: str) -> ResolutionKey | None:
    """'2396', 'res. 2396', 'S/RES/2396 (2017)', 'resolutie 2231', 'resolution 2231' → a key; else None."""
    found = _RESOLUTION.match(" ".join(fold(text).split()))
    if not found:
        return None
    return ResolutionKey(number=found.group(1).lstrip("0"), year=int(found.group(2)) if found.group(2) else None)


def parse_citation(text: str) -> tuple[KamerstukKey | ResolutionKey, ...]:
    """What a search query may cite: a Kamerstuk
    ('22045', '22 045, nr. 290', 'kst-22045-290', '34550-D'), a resolution ('S/RES/2396
    (2017)', 'res. 2231'), or both for a bare number ('2396'). Empty when it is neither."""
    out: list[KamerstukKey | ResolutionKey] = []
    resolution = parse_resolution(text)
    if resolution is not None:
        out.append(resolution)
    bare = re.fullmatch(r"[0-9]+", fold(text).strip(), re.ASCII)
    if (resolution is None or bare) and looks_like(text):
        out.append(parse(text))
    return tuple(out)


def cites(
    wanted: KamerstukKey | ResolutionKey,
    kind: str,
    dossier: str | None,
    number: str | None,
    chapter: str | None = None,
    year: int | None = None,
) -> bool:
    """Does a reference (its kind and parts, as in references.toml) name what was asked for?"""
    if isinstance(wanted, ResolutionKey):
        return kind != "kamerstuk" and number == wanted.number and (wanted.year is None or year in (None, wanted.year))
    return kind == "kamerstuk" and wanted.matches(dossier, number, chapter)
