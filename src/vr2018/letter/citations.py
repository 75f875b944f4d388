"""Citations of the letter, of a paragraph or of one sentence: what a citation is built
from, and the formats it comes in.

Pure functions over a :class:`~vr2018.corpus.load.Corpus`: no I/O, no Rich, no Typer.
Every string kept here comes from the data; nothing is added that the letter does not
give, except the sending ministry, which the forms for reference managers need (see
:mod:`vr2018.letter.citation_formats`). The words a citation is written in, Dutch or
English, are :mod:`vr2018.letter.citation_words`'; the forms (text, Markdown, BibTeX,
CSL-JSON, RIS) are :mod:`vr2018.letter.citation_formats`'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.lang import Lang, text_of
from vr2018.corpus.model import Outside
from vr2018.corpus.record import Record
from vr2018.letter.paragraphs import address_lines, opening

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Paragraph
    from vr2018.letter.sentences import Sentence


FORMATS = ("text", "markdown", "bibtex", "csl-json", "ris")


NAMES = {  # what --format takes
    "text": "text",
    "markdown": "markdown",
    "md": "markdown",
    "bibtex": "bibtex",
    "csl-json": "csl-json",
    "csl": "csl-json",
    "ris": "ris",
}


def format_named(name: str) -> str:
    """The format ``name`` (or an unambiguous start of it) names; bad usage otherwise."""
    from vr2018.problems import Unknown
    from vr2018.text.names import resolve

    found, close = resolve(name, NAMES)
    if found is None:
        raise Unknown("citation format", name, close, choices=FORMATS)
    return found


class Citation(Record):
    """What a citation is built from: only what the letter and our data hold."""

    title: str
    date: str
    date_as_written: str
    reference: str
    addressee: str  # "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    authors: tuple[tuple[str, str], ...]  # (name, office) as signed: ("Stef Blok", "Minister van Buitenlandse Zaken")
    paragraph: Paragraph | None
    section_path: tuple[str, ...]  # the headings the letter prints above the paragraph, outermost first
    opening: str | None
    title_en: str | None = None
    addressee_en: str | None = None  # "the Speaker of the House of Representatives of the States General"
    offices_en: tuple[str, ...] = ()  # each author's office, in English ("Minister of Foreign Affairs")
    section_path_en: tuple[str, ...] = ()  # those headings in English, one for one
    opening_en: str | None = None
    sentence: int | None = None  # citing one sentence of the paragraph (ID:N): N, from 1
    quote: str | None = None  # that sentence, verbatim, with "[…]" where a missing page cuts it
    quote_en: str | None = None  # its English rendering (unofficial)
    place: str | None = None  # where it was sent from: the town of the sender block's postcode line
    ministry: str | None = None  # not in the letter: see ``outside``
    outside: tuple[Outside, ...] = ()  # the sources of what is not in the letter (the ministry)


def sentence_citation(corpus: Corpus, sentence: Sentence) -> Citation:
    """A citation of one sentence (``ID:N``): the paragraph's, plus the sentence itself."""
    from vr2018.letter.sentences import quoted

    english = quoted(sentence.text_en, sentence.cut) if sentence.text_en else None
    return citation(corpus, sentence.paragraph).replace(
        sentence=sentence.number, quote=quoted(sentence.text, sentence.cut), quote_en=english
    )


def citation(corpus: Corpus, paragraph: Paragraph | None = None) -> Citation:
    letter = corpus.letter
    addressee = address_lines(letter.addressee)[0].removeprefix("Aan ")
    addressee_en = address_lines(letter.addressee_en)[0].removeprefix("To ") or None
    # Only headings the letter prints: a citation must not quote ours.
    printed = tuple(s for s in corpus.section_path(paragraph) if s.printed) if paragraph else ()
    return Citation(
        title=letter.title,
        date=letter.date,
        date_as_written=letter.date_as_written,
        reference=letter.reference,
        addressee=addressee,
        addressee_en=addressee_en,
        authors=tuple((s.name, _office(s.office)) for s in letter.signatories),
        paragraph=paragraph,
        section_path=tuple(s.title for s in printed),
        opening=opening(paragraph) if paragraph else None,
        title_en=letter.title_en,
        offices_en=tuple(_office(text_of(s, "office", Lang.en)) for s in letter.signatories),
        section_path_en=tuple(text_of(s, "title", Lang.en) for s in printed),
        opening_en=opening(paragraph, lang=Lang.en) if paragraph else None,
        place=_place(letter.sender),
        ministry=letter.ministry,
        outside=letter.outside,
    )


def _place(sender: tuple[str, ...]) -> str | None:
    """The town of the sender block's postcode line ("2515 XP Den Haag" → "Den Haag")."""
    import re

    for line in sender:
        found = re.fullmatch(r"[0-9]{4} ?[A-Z]{2} (.+)", line.strip())
        if found:
            return found.group(1)
    return None


def _office(office: str) -> str:
    """An office as the signature block prints it, without its article ("De Minister van …")."""
    return office.removeprefix("De ").removeprefix("The ")


def address(c: Citation) -> str:
    """The cited paragraph's id, or 'ID:N' for one sentence of it."""
    assert c.paragraph is not None
    return c.paragraph.id + (f":{c.sentence}" if c.sentence is not None else "")


def citation_key(c: Citation) -> str:
    """The citation's key in BibTeX and its ``id`` in CSL-JSON and RIS: "vr2018-ID" (a sentence:
    "vr2018-ID-N"), or "brief-DATE" for the whole letter."""
    return f"vr2018-{address(c).replace(':', '-')}" if c.paragraph else f"brief-{c.date}"
