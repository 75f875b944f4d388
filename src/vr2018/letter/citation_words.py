"""What a citation says, wholly in one language: Dutch, after the Leidraad voor juridische
auteurs, or English. The text and Markdown forms, and the note of the forms for reference
managers (:mod:`vr2018.letter.citation_formats`).

Dutch (``nl``). The Leidraad cites a letter to the House that is no Kamerstuk by its
kenmerk: "Brief van de minister van Buitenlandse Zaken en de minister voor Buitenlandse
Handel en Ontwikkelingssamenwerking aan de Voorzitter van de Tweede Kamer der
Staten-Generaal, 15 februari 2019, kenmerk BZDOC-151021554-15". The offices are those of the
signature block, in lower case as Dutch writes an office in running text; the addressee is
the address block's; the date as the letter writes it. Then the letter's subject, as its
"Betreft" line gives it ("betreft ‘Koninkrijk der …’"), and the vindplaats of a paragraph or
sentence: "onder ‘Veiligheid voor burgers, wereldwijd’, alinea beginnend met ‘Zo hebben we
…’, zin 2 (vr2018: myanmar-rohingya:2)". Every word is Dutch.

English (``en`` and ``both``). The same frame in English: "Letter from the Minister of
Foreign Affairs and the Minister for Foreign Trade and Development Cooperation to the Speaker
of the House of Representatives of the States General, 15 February 2019, reference
BZDOC-151021554-15", the offices and the addressee as the data renders them (``office_en``,
``lines_en``: the termbase's renderings). The letter's title and headings are its own, kept in
Dutch with our English after each in [brackets]; a passage of the letter (the quoted
sentence, a paragraph's first words) is our English, followed by "(unofficial
translation)". No Dutch date, office or addressee.

A title is always quoted (‘…’ in Dutch, “…” in English), so one with a comma in it
("Veiligheid voor burgers, wereldwijd") reads as one part of the citation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from vr2018.corpus.lang import Lang
from vr2018.corpus.lang import day as lang_day
from vr2018.letter.citations import address
from vr2018.text.markdown import escape as _md

if TYPE_CHECKING:
    from vr2018.letter.citations import Citation


class Words(NamedTuple):
    """The words a citation is written in, in one language."""

    letter_from: str
    and_: str
    to: str
    reference: str
    subject: str
    under: str
    paragraph: str
    cut_paragraph: str  # a paragraph whose start is on a missing page
    sentence: str
    opens: str  # the quotation marks around a title or a paragraph's first words
    closes: str
    unofficial: str  # after a passage of the letter in our English
    title_in_english: str  # a note's gloss of the title
    dutch_original: str  # a note's Dutch of the quoted passage (``both``)
    not_in_letter: str  # what the forms for reference managers mark
    taken_from: str


DUTCH = Words(
    letter_from="Brief van",
    and_="en",
    to="aan",
    reference="kenmerk",
    subject="betreft",
    under="onder",
    paragraph="alinea beginnend met",
    cut_paragraph="alinea die op een ontbrekende pagina begint, hier vanaf",
    sentence="zin",
    opens="‘",
    closes="’",
    unofficial="",
    title_in_english="",
    dutch_original="",
    not_in_letter="Niet in de brief",
    taken_from="ontleend aan",
)


ENGLISH = Words(
    letter_from="Letter from",
    and_="and",
    to="to",
    reference="reference",
    subject="subject",
    under="under",
    paragraph="paragraph beginning",
    cut_paragraph="paragraph that begins on a missing page, here from",
    sentence="sentence",
    opens="“",
    closes="”",
    unofficial=" (unofficial translation)",
    title_in_english="Title in English:",
    dutch_original="Dutch original:",
    not_in_letter="Not in the letter",
    taken_from="from",
)


def words(lang: Lang) -> Words:
    """Dutch for ``nl``; English for ``en`` and ``both``."""
    return ENGLISH if lang.english else DUTCH


def titled(title: str, english: str | None, lang: Lang) -> str:
    """A title of the letter's, quoted: ‘Titel’; in English “Titel” [Title]."""
    w = words(lang)
    out = f"{w.opens}{title}{w.closes}"
    return out + (f" [{english}]" if lang.english and english and english != title else "")


def _passage(dutch: str, english: str | None, lang: Lang, opens: str, closes: str) -> str:
    """Words of the letter, quoted: the Dutch, or our English marked as a translation."""
    if lang.english and english:
        return f"{opens}{english}{closes}{ENGLISH.unofficial}"
    return f"{opens}{dutch}{closes}"


def quotation(c: Citation, lang: Lang) -> str:
    """The quoted sentence (``ID:N``): “…” verbatim, or our English “…” (unofficial translation)."""
    assert c.quote is not None
    return _passage(c.quote, c.quote_en, lang, "“", "”")


def original(c: Citation) -> str | None:
    """The Dutch of the passage a citation quotes (the sentence, else the paragraph's first
    words), for ``both`` to give after the English; None for the whole letter."""
    return c.quote if c.quote is not None else c.opening


def _joined(parts: list[str], and_: str) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {and_} {parts[-1]}"


def _offices(c: Citation, lang: Lang) -> str:
    """'de minister van Buitenlandse Zaken en de minister voor …' (the signature block's
    offices, in running text) or 'the Minister of Foreign Affairs and the Minister for …'."""
    if lang.english:
        return _joined([f"the {office}" for office in c.offices_en], ENGLISH.and_)
    return _joined([f"de {office[:1].lower()}{office[1:]}" for _, office in c.authors], DUTCH.and_)


def sender_and_addressee(c: Citation, lang: Lang) -> str:
    """'Brief van de minister van … aan de Voorzitter van …': who wrote to whom."""
    w = words(lang)
    addressee = (c.addressee_en or c.addressee) if lang.english else c.addressee
    return f"{w.letter_from} {_offices(c, lang)} {w.to} {addressee}"


def frame(c: Citation, lang: Lang) -> str:
    """The letter as cited: who wrote to whom, the date, the reference and the subject."""
    w = words(lang)
    date = lang_day(c.date, c.date_as_written, lang)
    return (
        f"{sender_and_addressee(c, lang)}, {date}, {w.reference} {c.reference}, "
        f"{w.subject} {titled(c.title, c.title_en, lang)}"
    )


def vindplaats(c: Citation, lang: Lang) -> str:
    """Where the cited paragraph (or sentence) stands: its printed headings (if any), how the
    paragraph begins, the sentence's number in it, and its vr2018 address."""
    paragraph = c.paragraph
    assert paragraph is not None and c.opening is not None
    w = words(lang)
    parts = []
    if c.section_path:
        english = c.section_path_en or (None,) * len(c.section_path)
        headings = (titled(title, en, lang) for title, en in zip(c.section_path, english, strict=True))
        parts.append(f"{w.under} {' › '.join(headings)}")
    begins = _passage(c.opening, c.opening_en, lang, w.opens, w.closes)
    parts.append(f"{w.cut_paragraph if paragraph.cut == 'start' else w.paragraph} {begins}")
    if c.sentence is not None:
        parts.append(f"{w.sentence} {c.sentence}")
    return f"{', '.join(parts)} (vr2018: {address(c)})"


def line(c: Citation, lang: Lang) -> str:
    """The citation in one line: the letter, and where the paragraph or sentence stands in it."""
    where = f", {vindplaats(c, lang)}" if c.paragraph is not None else ""
    return f"{frame(c, lang)}{where}."


def text(c: Citation, lang: Lang) -> str:
    """The citation as paste-ready text; a quoted sentence on the line above it."""
    out = line(c, lang)
    return out if c.quote is None else f"{quotation(c, lang)}\n{out}"


def markdown(c: Citation, lang: Lang) -> str:
    """The citation as Markdown: the text's, escaped, the reference and the vr2018 address as
    code, a quoted sentence as a block quote above it."""
    w = words(lang)
    out = _md(line(c, lang)).replace(f" {w.reference} {_md(c.reference)}", f" {w.reference} `{c.reference}`", 1)
    if c.paragraph is not None:
        out = out.replace(f"(vr2018: {_md(address(c))})", f"(vr2018: `{address(c)}`)")
    return out if c.quote is None else f"> {_md(quotation(c, lang))}\n\n{out}"


def _capital(value: str) -> str:
    return value[:1].upper() + value[1:]


def note(c: Citation, lang: Lang, letter: bool = False) -> str:
    """What a reference manager's note holds and styles print: (``letter``: who wrote to
    whom,) in English our English title, where the cited paragraph or sentence stands and
    the quoted sentence, and with ``both`` the Dutch original of what it quotes. Empty for
    the whole letter in Dutch."""
    w = words(lang)
    parts = [sender_and_addressee(c, lang)] if letter else []
    if lang.english and c.title_en and c.title_en != c.title:
        parts.append(f"{w.title_in_english} {c.title_en}")
    if c.paragraph is not None:
        where = vindplaats(c, lang)
        parts.append(_capital(where if c.quote is None else f"{where}: {quotation(c, lang)}"))
    dutch = original(c) if lang is Lang.both else None
    if dutch:
        parts.append(f"{w.dutch_original} “{dutch}”")
    return ". ".join(parts)
