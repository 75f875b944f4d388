"""Rich renderables and plain JSON for the corpus and the engine's results.

Renderers never parse TOML and never decide what was found: they take model
objects and results and turn them into something to print. Every piece of
data (the letter's text, a user's query) goes into :class:`rich.text.Text`
as plain text, never through markup, and is stripped of control characters
first, so nothing in it can reach the terminal as markup or an escape code.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.rule import Rule
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .corpus import Corpus
    from .model import Paragraph

GAP = "[…] Tekst ontbreekt: een of meer pagina's van de brief zijn niet beschikbaar."
GAP_STYLE = "bold yellow"
ID_STYLE = "cyan"
HEADING_STYLE = "bold"
MUTED = "dim"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")


def clean(value: str) -> str:
    """Text safe for a terminal: ANSI sequences and control characters removed."""
    return _CONTROL.sub("", _ANSI.sub("", value))


def plain(value: str, style: str = "") -> Text:
    """Data as Rich text, never interpreted as markup."""
    return Text(clean(value), style=style)


def gap_marker() -> Text:
    return Text(GAP, style=GAP_STYLE)


def cut_text(paragraph: Paragraph, body: Text) -> Text:
    """The paragraph's text with a visible marker where a missing page cuts it."""
    out = Text()
    if paragraph.cut == "start":
        out.append("[…] ", style=GAP_STYLE)
    out.append_text(body)
    if paragraph.cut == "end":
        out.append(" […]", style=GAP_STYLE)
    return out


def paragraph_block(corpus: Corpus, paragraph: Paragraph, body: Text | None = None) -> RenderableType:
    """One paragraph: its id above, its text (with cut markers) below."""
    head = Text.assemble(("¶ ", MUTED), (paragraph.id, ID_STYLE))
    text = cut_text(paragraph, body if body is not None else plain(paragraph.text))
    return Group(head, text, Text())


# ── the letter ──────────────────────────────────────────────────────────────


def letter_view(corpus: Corpus) -> RenderableType:
    """The whole letter in reading order: header, sections, paragraphs, gaps, signatures."""
    letter = corpus.letter
    parts: list[RenderableType] = [
        plain(letter.title, "bold"),
        Text.assemble(("Datum      ", MUTED), clean(letter.date_as_written)),
        Text.assemble(("Referentie ", MUTED), clean(letter.reference)),
        _labelled("Aan", letter.addressee),
        _labelled("Van", letter.sender),
        Text(),
        plain(letter.salutation),
        Text(),
    ]
    fragment: int | None = 1  # None: a gap marker was just shown
    for section in corpus.sections:
        paragraphs = [p for p in corpus.paragraphs if p.section == section.id]
        if paragraphs:
            if fragment is not None and paragraphs[0].fragment != fragment:
                parts += [gap_marker(), Text()]
            fragment = paragraphs[0].fragment
        if section.printed:
            parts.append(plain(section.title, "bold underline" if section.level == 1 else HEADING_STYLE))
        elif section.id != corpus.sections[0].id:
            parts.append(plain(f"[{section.title}]", "italic " + MUTED))
        for paragraph in paragraphs:
            parts.append(paragraph_block(corpus, paragraph))
        if not paragraphs:  # a heading whose text is on a missing page
            parts += [Text(), gap_marker(), Text()]
            fragment = None
    parts.append(Rule(style=MUTED))
    for signatory in letter.signatories:
        parts.append(Text.assemble(clean(signatory.office), "\n", (clean(signatory.name), "bold"), "\n"))
    return Group(*parts)


def _labelled(label: str, lines: tuple[str, ...]) -> Text:
    out = Text()
    for n, line in enumerate(lines):
        out.append(f"{label if n == 0 else '':<11}", style=MUTED)
        out.append(clean(line) + ("\n" if n < len(lines) - 1 else ""))
    return out


# ── JSON ────────────────────────────────────────────────────────────────────


def paragraph_json(corpus: Corpus, paragraph: Paragraph) -> dict[str, Any]:
    section = corpus.section(paragraph.section)
    return {
        "id": paragraph.id,
        "section": section.title,
        "section_id": section.id,
        "section_path": [s.title for s in corpus.section_path(paragraph)],
        "fragment": paragraph.fragment,
        "position": corpus.position(paragraph.id) + 1,
        "text": paragraph.text,
        "cut": paragraph.cut,
        "gap_before": corpus.gap_before(paragraph),
        "gap_after": corpus.gap_after(paragraph),
        "themes": list(paragraph.themes),
        "people": list(paragraph.people),
        "places": list(paragraph.places),
        "organisations": list(paragraph.organisations),
        "references": list(paragraph.references),
        "dates": [e.date for e in corpus.paragraph_events(paragraph.id)],
    }


def letter_json(corpus: Corpus) -> dict[str, Any]:
    letter = corpus.letter
    return {
        "title": letter.title,
        "subject": letter.title,
        "date": letter.date,
        "date_as_written": letter.date_as_written,
        "reference": letter.reference,
        "salutation": letter.salutation,
        "addressee": list(letter.addressee),
        "sender": list(letter.sender),
        "signatories": [{"name": s.name, "office": s.office, "person": s.person} for s in letter.signatories],
        "results_url": letter.results_url,
        "earlier_letter": reference_json(corpus, letter.earlier_letter),
        "attachments": list(letter.attachments),
        "fragments": [
            {"number": f.number, "first_line": f.first_line, "last_line": f.last_line} for f in letter.fragments
        ],
        "data_version": letter.data_version,
    }


def reference_json(corpus: Corpus, reference_id: str) -> dict[str, Any]:
    ref = corpus.reference(reference_id)
    return {
        "id": ref.id,
        "kind": ref.kind,
        "as_written": ref.as_written,
        "dossier": ref.dossier,
        "number": ref.number,
        "chapter": ref.chapter,
        "chamber": ref.chamber,
        "year": ref.year,
        "description": ref.description,
        "url": ref.url,
        "paragraphs": [p.id for p in corpus.citing_paragraphs(ref.id)],
    }


def read_json(corpus: Corpus) -> dict[str, Any]:
    return {
        "letter": letter_json(corpus),
        "paragraphs": [paragraph_json(corpus, p) for p in corpus.paragraphs],
    }
