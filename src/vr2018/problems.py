"""What went wrong, as data: the domain errors the engines raise.

An engine that cannot answer raises one of these, carrying what was asked, what kind
of thing it was ("paragraph", "theme", "section", "person", "sentence", "date",
"motion", "citation format", …), the close candidates and whatever other facts a
message needs. None of them holds a sentence for the user or an exit status: the
command line's edge, :mod:`vr2018.cli.messages`, turns each into one line and a status.

No I/O, no Rich, no Typer, no command-line imports.
"""

from __future__ import annotations

from collections.abc import Sequence


class DataError(Exception):
    """A data file is missing or malformed. The message is one line."""


class Problem(Exception):
    """Something the engines could not answer: ``kind`` of thing, what was ``asked``,
    the close ``candidates`` (what the user may have meant)."""

    def __init__(self, kind: str, asked: str = "", candidates: Sequence[str] = ()) -> None:
        super().__init__(kind, asked, tuple(candidates))
        self.kind = kind
        self.asked = asked
        self.candidates = tuple(candidates)


# ── bad usage: a name or value that names nothing (the edge says status 2) ──


class Unknown(Problem):
    """No ``kind`` goes by ``asked``; or, ``ambiguous``, more than one does (the candidates).
    ``choices``: every accepted name, where the message lists them all."""

    def __init__(
        self,
        kind: str,
        asked: str,
        candidates: Sequence[str] = (),
        *,
        ambiguous: bool = False,
        choices: Sequence[str] = (),
    ) -> None:
        super().__init__(kind, asked, candidates)
        self.ambiguous = ambiguous
        self.choices = tuple(choices)


class Empty(Problem):
    """A blank name or query where a ``kind`` was wanted."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind, "")


class Invalid(Problem):
    """``asked`` is not a valid ``kind``: ``reason`` names the rule it breaks (a short code the
    edge knows), ``detail`` a fact the message quotes (a token, the part of a date the calendar lacks)."""

    def __init__(self, kind: str, asked: str, reason: str, detail: str = "") -> None:
        super().__init__(kind, asked)
        self.reason = reason
        self.detail = detail


class NotAKamerstuk(Invalid, ValueError):
    """Text that is no Kamerstuk notation (``reason``: empty, dossier-first, dossier-digits,
    separator, unexpected; ``detail`` the unexpected token). A ValueError too."""

    def __init__(self, asked: str, reason: str, detail: str = "") -> None:
        super().__init__("kamerstuk", asked, reason, detail)


class BadSentence(Invalid):
    """``ID:N`` whose N is missing, not a number or out of range (``reason``: no-number,
    empty-number, not-a-number, out-of-range); the paragraph and how many sentences it has."""

    def __init__(self, asked: str, reason: str, paragraph: str = "", count: int = 0, number: str = "") -> None:
        super().__init__("sentence", asked, reason, number)
        self.paragraph = paragraph
        self.count = count


class OutOfRange(Invalid):
    """A number past the last ``kind`` ("paragraph" 30 of a copy with ``count`` 23); the
    ``candidates``: ids that hold the number as one of their parts (2231: iran-2231)."""

    def __init__(self, kind: str, asked: str, count: int, candidates: Sequence[str] = ()) -> None:
        super().__init__(kind, asked, "out-of-range")
        self.count = count
        self.candidates = tuple(candidates)


class Resolution(Invalid):
    """A Kamerstuk was wanted but ``asked`` names a UN resolution the letter cites."""

    def __init__(self, asked: str, number: str, as_written: str) -> None:
        super().__init__("kamerstuk", asked, "resolution", number)
        self.number = number
        self.as_written = as_written


class Conflict(Problem):
    """Options that do not go together or a value out of range (``reason``, a short code
    the edge knows; ``facts`` the values it quotes)."""

    def __init__(self, kind: str, reason: str, *facts: str) -> None:
        super().__init__(kind, facts[0] if facts else "")
        self.reason = reason
        self.facts = facts


# ── nothing found: a well-formed question the letter has no answer to (status 1) ──


class NothingFound(Problem):
    """The letter holds no ``kind`` for ``asked``; ``candidates``: close names it does hold."""


class NoHits(NothingFound):
    """A search with no hit. The facts of why: the theme's and section's titles, whether the
    section's text is missing (and its heading printed), whether the filters exclude each
    other, how many paragraphs outside them match, the words as typed, and the printed
    headings that name the words though no text under them survives (``headings``)."""

    def __init__(
        self,
        words: Sequence[str],
        candidates: Sequence[str] = (),
        *,
        theme: str = "",
        section: str = "",
        section_missing: bool = False,
        heading_printed: bool = False,
        disjoint: bool = False,
        outside: int = 0,
        again: str = "",
        headings: Sequence[str] = (),
    ) -> None:
        super().__init__("search", " ".join(words), candidates)
        self.headings = tuple(headings)
        self.words = tuple(words)
        self.theme = theme
        self.section = section
        self.section_missing = section_missing
        self.heading_printed = heading_printed
        self.disjoint = disjoint
        self.outside = outside
        self.again = again  # the command searching again without the filters, or "" where it cannot be quoted


class NoMotion(NothingFound):
    """No motion answers ``asked``: on the Kamerstuk ``label`` (``kamerstuk``), or by its words.
    The facts: a resolution it names (number, as written), a Kamerstuk the letter cites that is
    no motion, the Kamerstukken of the motions, the other Kamerstukken cited, and the motions
    as (submitters, Kamerstuk) for a search by words."""

    def __init__(
        self,
        asked: str,
        *,
        kamerstuk: bool,
        label: str = "",
        resolution: tuple[str, str] | None = None,
        cited: str = "",
        on: Sequence[str] = (),
        also: Sequence[str] = (),
        motions: Sequence[tuple[str, str]] = (),
        count: int = 0,
    ) -> None:
        super().__init__("motion", asked)
        self.kamerstuk = kamerstuk
        self.label = label
        self.resolution = resolution
        self.cited = cited
        self.on = tuple(on)
        self.also = tuple(also)
        self.motions = tuple(motions)
        self.count = count  # how many motions the letter answers


class NoEvents(NothingFound):
    """A timeline the filters leave empty: the theme's title, the window (--from, --to, --in
    as shown), the people named, and ``year``: the year given to a month typed without one."""

    def __init__(
        self,
        theme: str = "",
        since: str | None = None,
        until: str | None = None,
        people: Sequence[str] | None = None,
        within: str | None = None,
        year: int | None = None,
    ) -> None:
        super().__init__("event")
        self.theme = theme
        self.since = since
        self.until = until
        self.people = None if people is None else tuple(people)
        self.within = within
        self.year = year
