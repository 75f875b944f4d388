"""A citation in every format: paste-ready text and Markdown, and the forms reference
managers import (BibTeX, CSL-JSON, RIS), each wholly in the text language.

Pure functions: no I/O, no Rich, no Typer. The forms for reference managers need the
sending ministry (BibTeX ``institution``, CSL ``authority`` and ``publisher``, RIS ``PB``),
which the letter does not print: it is from outside the letter (``letter.toml``, with its
source), and each of those forms says so in a field that styles do not print (``annote``,
RIS's second ``N1``). They keep the Dutch title and language of the source whatever the
text language; their printed note is in it (:func:`vr2018.letter.citation_words.note`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.lang import Lang
from vr2018.letter import citation_words
from vr2018.letter.citations import FORMATS, address, citation_key

if TYPE_CHECKING:
    from vr2018.letter.citations import Citation


def format_citation(c: Citation, fmt: str, lang: Lang = Lang.nl) -> str:
    """The citation as paste-ready text, Markdown, BibTeX, CSL-JSON or RIS."""
    if fmt == "text":
        return citation_words.text(c, lang)
    if fmt == "markdown":
        return citation_words.markdown(c, lang)
    if fmt == "bibtex":
        return _bibtex(c, lang)
    if fmt == "csl-json":
        import json

        return json.dumps([csl_item(c, lang)], ensure_ascii=False, indent=2)
    if fmt == "ris":
        return _ris(c, lang)
    raise ValueError(f"unknown citation format {fmt!r}; expected one of {', '.join(FORMATS)}")


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


GENRE = "Kamerbrief"  # what the document is (CSL genre, RIS M3, BibTeX type): a letter to the Kamer


# The fields that hold the ministry, as each form's marking names them, in each language.
_MINISTRY_FIELDS = {
    "bibtex": {Lang.nl: "institution", Lang.en: "institution"},
    "csl-json": {Lang.nl: "authority en publisher", Lang.en: "authority and publisher"},
    "ris": {Lang.nl: "PB, de instelling", Lang.en: "PB, the institution"},
}


def outside_note(c: Citation, fmt: str, lang: Lang = Lang.nl) -> str | None:
    """'Not in the letter: institution (Ministerie van Buitenlandse Zaken), from …': how the
    form ``fmt`` for reference managers marks the ministry, in a field that styles do not
    print; in Dutch 'Niet in de brief: …, ontleend aan <address>' (the sources' descriptions
    are English: the Dutch gives their addresses only)."""
    if c.ministry is None:
        return None
    w = citation_words.words(lang)
    fields = _MINISTRY_FIELDS[fmt][Lang.en if lang.english else Lang.nl]
    sources = [o for o in c.outside if "ministry" in o.facts]
    found = "; ".join(f"{o.source} <{o.url}>" if lang.english else f"<{o.url}>" for o in sources)
    return f"{w.not_in_letter}: {fields} ({c.ministry}), {w.taken_from} {found}"


def _bibtex(c: Citation, lang: Lang) -> str:
    """BibTeX of the Dutch original: a ``@techreport`` of type "Kamerbrief" whose number is the
    letter's reference and whose institution is the ministry (marked in ``annote`` as not in the
    letter); ``note``, which styles print, says who wrote to whom and where the cited paragraph
    stands, and quotes the sentence, in the text language."""
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
        ("note", _bib(citation_words.note(c, lang, letter=True))),
        ("language", "dutch"),
    ]
    marked = outside_note(c, "bibtex", lang)
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
    written = citation_words.note(c, lang)
    if written:
        item["note"] = written
    marked = outside_note(c, "csl-json", lang)
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
    lines += [("LA", "nl"), ("N1", citation_words.note(c, lang, letter=True))]
    marked = outside_note(c, "ris", lang)
    if marked:
        lines.append(("N1", marked))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {_ris_value(value)}".rstrip() for tag, value in lines)
