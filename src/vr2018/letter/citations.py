"""Citations of the letter, of a paragraph or of one sentence: the record and its
text, Markdown, BibTeX, CSL-JSON and RIS forms.

Pure functions over a :class:`~vr2018.corpus.load.Corpus`: no I/O, no Rich, no Typer.
Every string built here comes from the data; nothing is added that the letter
does not give, except the sending ministry, which the forms for reference
managers need (BibTeX ``institution``, CSL ``authority`` and ``publisher``, RIS
``PB``): it is from outside the letter (``letter.toml``, with its source), and
each of those forms says so in a field that styles do not print (``annote``,
RIS's second ``N1``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.lang import Lang, text_of
from vr2018.corpus.lang import day as lang_day
from vr2018.corpus.model import Outside
from vr2018.corpus.record import Record
from vr2018.letter.paragraphs import address_lines, opening
from vr2018.text.markdown import escape as _md

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


TRANSLATED = (
    "Text in [square brackets]: unofficial translation into English (vr2018); the Dutch original is authoritative."
)


class Citation(Record):
    """What a citation is built from: only what the letter and our data hold."""

    title: str
    date: str
    date_as_written: str
    reference: str
    addressee: str  # "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    authors: tuple[tuple[str, str], ...]  # (name, office) as signed
    paragraph: Paragraph | None
    section: str | None
    section_path: tuple[str, ...]
    opening: str | None
    title_en: str | None = None
    addressee_en: str | None = None  # "the Speaker of the House of Representatives of the States General"
    offices_en: tuple[str, ...] = ()  # each author's office, in English
    section_en: str | None = None
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
        section=" › ".join(s.title for s in printed) or None,
        section_path=tuple(s.title for s in printed),
        opening=opening(paragraph) if paragraph else None,
        title_en=letter.title_en,
        offices_en=tuple(_office(text_of(s, "office", Lang.en)) for s in letter.signatories),
        section_en=" › ".join(text_of(s, "title", Lang.en) for s in printed) or None,
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
    return office.removeprefix("De ").removeprefix("The ")


def _english(value: str | None, lang: Lang, quoted: bool = False) -> str:
    """`` [value]``: our English rendering after the Dutch, for ``en`` and ``both`` only."""
    if not lang.english or not value:
        return ""
    return f' ["{value}"]' if quoted else f" [{value}]"


def locator(c: Citation, lang: Lang = Lang.nl) -> str:
    """Where the cited paragraph (or sentence) stands: its printed section (if any),
    how the paragraph begins, and the sentence's number in it."""
    paragraph = c.paragraph
    assert paragraph is not None
    where = f"section {c.section}{_english(c.section_en, lang)}, " if c.section else ""
    begins = f'"{c.opening}"{_english(c.opening_en, lang, quoted=True)}'
    which = f", sentence {c.sentence}" if c.sentence is not None else ""
    if paragraph.cut == "start":  # its real start is on a missing page
        return f"{where}paragraph that begins on a missing page, here from {begins}{which} (vr2018: {address(c)})"
    return f"{where}paragraph beginning {begins}{which} (vr2018: {address(c)})"


def address(c: Citation) -> str:
    """The cited paragraph's id, or 'ID:N' for one sentence of it."""
    assert c.paragraph is not None
    return c.paragraph.id + (f":{c.sentence}" if c.sentence is not None else "")


def format_citation(c: Citation, fmt: str, lang: Lang = Lang.nl) -> str:
    """The citation as paste-ready text, Markdown, BibTeX, CSL-JSON or RIS."""
    if fmt == "text":
        return _text(c, lang)
    if fmt == "markdown":
        return _markdown(c, lang)
    if fmt == "bibtex":
        return _bibtex(c, lang)
    if fmt == "csl-json":
        import json

        return json.dumps([csl_item(c, lang)], ensure_ascii=False, indent=2)
    if fmt == "ris":
        return _ris(c, lang)
    raise ValueError(f"unknown citation format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _authors(c: Citation, lang: Lang) -> str:
    pairs = zip(c.authors, _offices(c), strict=True)
    return " and ".join(f"{name} ({office}{_english(english, lang)})" for (name, office), english in pairs)


def _offices(c: Citation) -> tuple[str | None, ...]:
    return c.offices_en or (None,) * len(c.authors)


def _addressee(c: Citation, lang: Lang) -> str:
    """'the Voorzitter van de Tweede Kamer der Staten-Generaal': the letter's words after an English
    article, with our English after them for ``en`` and ``both``, as for the title."""
    return "the " + c.addressee.removeprefix("de ") + _english(c.addressee_en, lang)


def _date(c: Citation, lang: Lang) -> str:
    return lang_day(c.date, c.date_as_written, lang)


def _sentence(text: str) -> str:
    return f" {text[0].upper()}{text[1:]}."


def _text(c: Citation, lang: Lang) -> str:
    out = (
        f'{_authors(c, lang)}, "{c.title}"{_english(c.title_en, lang)}, letter to {_addressee(c, lang)}, '
        f"{_date(c, lang)}, reference {c.reference}."
    )
    if c.paragraph is not None:
        out += _sentence(locator(c, lang))
    out += f" {TRANSLATED}" if lang.english else ""
    if c.quote is None:
        return out
    return f"“{c.quote}”{_english(c.quote_en and f'“{c.quote_en}”', lang)}\n{out}"


def _markdown(c: Citation, lang: Lang) -> str:
    english = f" \\[{_md(c.title_en)}\\]" if lang.english and c.title_en else ""
    out = (
        f"{_md(_authors(c, lang))}, *{_md(c.title)}*{english}, letter to {_md(_addressee(c, lang))}, "
        f"{_md(_date(c, lang))}, reference `{c.reference}`."
    )
    if c.paragraph is not None:
        text = _md(locator(c, lang)).replace(f"(vr2018: {_md(address(c))})", f"(vr2018: `{address(c)}`)")
        out += _sentence(text)
    out += f" {_md(TRANSLATED)}" if lang.english else ""
    if c.quote is None:
        return out
    english = f"\n>\n> \\[{_md(c.quote_en)}\\]" if lang.english and c.quote_en else ""
    return f"> {_md(c.quote)}{english}\n\n{out}"


_BIB_SPECIAL = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def _bib(value: str) -> str:
    return value.translate(_BIB_SPECIAL)


def _bib_name(name: str) -> str:
    """ "Sigrid A.M. Kaag" → "Kaag, Sigrid A.M."; the letter prints the names, we only reorder them."""
    *first, last = name.split()
    return f"{last}, {' '.join(first)}" if first else last


_BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def citation_key(c: Citation) -> str:
    """The citation's key in BibTeX and its ``id`` in CSL-JSON and RIS: "vr2018-ID" (a sentence:
    "vr2018-ID-N"), or "brief-DATE" for the whole letter."""
    return f"vr2018-{address(c).replace(':', '-')}" if c.paragraph else f"brief-{c.date}"


GENRE = "Kamerbrief"  # what the document is (CSL genre, RIS M3, BibTeX type): a letter to the Kamer


def _letter_from(c: Citation, lang: Lang) -> str:
    """'Letter from the Minister van … and the Minister voor … to the Voorzitter van …': who wrote
    to whom, in the letter's words (our English after each in [brackets] for ``en`` and ``both``)."""
    offices = " and the ".join(
        f"{office}{_english(english, lang)}" for (_, office), english in zip(c.authors, _offices(c), strict=True)
    )
    return f"Letter from the {offices} to {_addressee(c, lang)}"


def note(c: Citation, lang: Lang, letter: bool = False) -> str:
    """What a reference manager's note holds and styles print: (``letter``: who wrote to whom,)
    our English title (``en``, ``both``), where the cited paragraph or sentence stands, and the
    quoted sentence; the translation label last. Empty for the whole letter in Dutch."""
    parts = [_letter_from(c, lang)] if letter else []
    if lang.english and c.title_en:
        parts.append(f"Title{_english(c.title_en, lang)}")
    if c.paragraph is not None:
        where = _sentence(locator(c, lang))[1:-1]
        if c.quote is not None:
            where += f": “{c.quote}”{_english(c.quote_en and f'“{c.quote_en}”', lang)}"
        parts.append(where)
    if lang.english:
        parts.append(TRANSLATED.removesuffix("."))
    return ". ".join(parts)


def outside_note(c: Citation, fields: str) -> str | None:
    """'Not in the letter: institution (Ministerie van Buitenlandse Zaken); source: …': how the
    forms for reference managers mark the ministry, in a field that styles do not print."""
    if c.ministry is None:
        return None
    found = "; ".join(f"{o.source} <{o.url}>" for o in c.outside if "ministry" in o.facts)
    return f"Not in the letter: {fields} ({c.ministry}), from {found}"


def _bibtex(c: Citation, lang: Lang) -> str:
    """BibTeX of the Dutch original: a ``@techreport`` of type "Kamerbrief" whose number is the
    letter's reference and whose institution is the ministry (marked in ``annote`` as not in the
    letter); ``note``, which styles print, says who wrote to whom and where the cited paragraph
    stands, and quotes the sentence; for ``en`` and ``both`` it carries our English, marked as unofficial."""
    year, month, _ = c.date.split("-")
    fields = [
        ("author", " and ".join(_bib(_bib_name(name)) for name, _ in c.authors)),
        ("title", "{" + _bib(c.title) + "}"),
        ("type", GENRE),
        ("number", _bib(c.reference)),
    ]
    if c.ministry:
        fields.append(("institution", _bib(c.ministry)))
    if c.place:
        fields.append(("address", _bib(c.place)))
    fields += [
        ("year", year),
        ("month", _BIB_MONTHS[int(month) - 1]),  # a BibTeX month macro, not braced
        ("date", c.date),  # for biblatex
        ("note", _bib(note(c, lang, letter=True))),
        ("language", "dutch"),
    ]
    marked = outside_note(c, "institution")
    if marked:
        fields.append(("annote", _bib(marked)))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(
        f"  {name:<{width}} = {value if name == 'month' else '{' + value + '}'}" for name, value in fields
    )
    return f"@techreport{{{citation_key(c)},\n{body}\n}}"


def _names(name: str) -> dict[str, str]:
    """A signatory's name as the letter prints it, split for CSL: "Sigrid A.M. Kaag" →
    family "Kaag", given "Sigrid A.M."."""
    *first, last = name.split()
    return {"family": last, "given": " ".join(first)} if first else {"family": last}


def csl_item(c: Citation, lang: Lang = Lang.nl) -> dict[str, object]:
    """The citation as one CSL-JSON item (CSL 1.0.2, ``csl-data.json``), as Zotero, Mendeley,
    pandoc and citeproc read it: the letter as a ``report`` of genre "Kamerbrief" whose number
    is its reference, by the two ministers as the letter prints their names, to its addressee,
    issued on its date, in Dutch; the ministry (not in the letter: ``annote`` says so and
    where it is from) as authority and publisher. For a paragraph or a sentence, ``locator``
    is its vr2018 address (``ID`` or ``ID:N``: a paragraph of the letter; CSL's cite-item
    label for it is "paragraph") and ``note`` says where it stands and quotes the sentence."""
    year, month, day = (int(part) for part in c.date.split("-"))
    item: dict[str, object] = {
        "id": citation_key(c),
        "type": "report",
        "genre": GENRE,
        "title": c.title,
        "number": c.reference,
        "author": [_names(name) for name, _ in c.authors],
        "recipient": [{"literal": c.addressee.removeprefix("de ")}],
        "issued": {"date-parts": [[year, month, day]]},
        "language": "nl",
    }
    if c.ministry:
        item["authority"] = item["publisher"] = c.ministry
    if c.place:
        item["publisher-place"] = c.place
    if c.paragraph is not None:
        item["locator"] = address(c)
    written = note(c, lang)
    if written:
        item["note"] = written
    marked = outside_note(c, "authority and publisher")
    if marked:
        item["annote"] = marked
    return item


def cite_item(c: Citation) -> dict[str, str] | None:
    """The CSL cite-item (``csl-citation.json``) that points into the item: its id, the vr2018
    address as ``locator`` and "paragraph" as ``label``; None for the whole letter."""
    if c.paragraph is None:
        return None
    return {"id": citation_key(c), "locator": address(c), "label": "paragraph"}


def _ris_value(value: str) -> str:
    """A RIS value is one line."""
    return " ".join(value.split())


def _ris(c: Citation, lang: Lang) -> str:
    """The citation as one RIS record (``TY  - RPRT``, which Zotero imports as a report, and
    exports its reports as): authors "Family, Given", title, year and date, the genre as
    report type (M3), the reference as report number (SN), the ministry as institution (PB,
    marked not in the letter in the second N1), the place, the language, and a note (N1)
    saying who wrote to whom and where the cited paragraph stands, with the quote."""
    year, month, day = c.date.split("-")
    lines = [("TY", "RPRT"), ("ID", citation_key(c))]
    lines += [("AU", _bib_name(name)) for name, _ in c.authors]
    lines += [("TI", c.title), ("PY", year), ("DA", f"{year}/{month}/{day}"), ("M3", GENRE), ("SN", c.reference)]
    if c.ministry:
        lines.append(("PB", c.ministry))
    if c.place:
        lines.append(("CY", c.place))
    lines += [("LA", "nl"), ("N1", note(c, lang, letter=True))]
    marked = outside_note(c, "PB, the institution")
    if marked:
        lines.append(("N1", marked))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {_ris_value(value)}".rstrip() for tag, value in lines)
