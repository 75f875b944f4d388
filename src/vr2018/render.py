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


# ── search ──────────────────────────────────────────────────────────────────

HIGHLIGHT = "bold underline"  # no colour: it still reads under NO_COLOR
SNIPPET_CHARS = 240
SNIPPET_LEAD = 70  # characters of context before the first highlighted word


def highlighted(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], start: int = 0,
                end: int | None = None) -> Text:
    """``text[start:end]`` as Rich text with the spans in bold and underlined."""
    end = len(text) if end is None else end
    out = Text()
    at = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        if s > at:
            out.append(clean(text[at:s]))
        out.append(clean(text[s:e]), style=HIGHLIGHT)
        at = e
    if at < end:
        out.append(clean(text[at:end]))
    return out


def snippet_window(text: str, spans: tuple[tuple[int, int], ...], width: int = SNIPPET_CHARS) -> tuple[int, int]:
    """Where to cut a snippet of about ``width`` characters: around the most matches, on word boundaries."""
    if len(text) <= width:
        return 0, len(text)
    best_start, best_count = 0, -1
    for anchor, _ in spans or ((0, 0),):
        count = sum(1 for s, e in spans if s >= anchor and e <= anchor + width - SNIPPET_LEAD)
        if count > best_count:
            best_start, best_count = anchor, count
    start = max(0, best_start - SNIPPET_LEAD)
    end = min(len(text), start + width)
    if end == len(text):
        start = max(0, end - width)
    if start > 0:
        space = text.find(" ", start, best_start)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def snippet_text(paragraph: Paragraph, spans: tuple[tuple[int, int], ...], full: bool = False) -> Text:
    """The snippet (or whole paragraph) with matches highlighted, '…' where shortened, '[…]' where a page is missing."""
    text = paragraph.text
    start, end = (0, len(text)) if full else snippet_window(text, spans)
    out = Text()
    if paragraph.cut == "start" and start == 0:
        out.append("[…] ", style=GAP_STYLE)
    if start > 0:
        out.append("…", style=MUTED)
    out.append_text(highlighted(text, spans, start, end))
    if end < len(text):
        out.append("…", style=MUTED)
    if paragraph.cut == "end":
        out.append(" […]", style=GAP_STYLE)
    return out


def search_view(corpus: Corpus, results: Any, full: bool = False) -> RenderableType:
    """Hits best first: rank, paragraph id, section, score; the snippet; what matched."""
    parts: list[RenderableType] = []
    for rank, hit in enumerate(results.hits, 1):
        paragraph = hit.paragraph
        head = Text.assemble(
            (f"{rank}. ", "bold"),
            ("¶ ", MUTED),
            (paragraph.id, ID_STYLE),
            ("  ", ""),
            (clean(corpus.section_title(paragraph)), HEADING_STYLE),
            (f"  score {hit.score:.2f}", MUTED),
        )
        parts.append(head)
        parts.append(snippet_text(paragraph, hit.spans, full))
        notes = Text("matched: " + ", ".join(clean(m) for m in hit.matches), style=MUTED)
        if paragraph.cut:
            where = "ends" if paragraph.cut == "end" else "starts"
            notes.append(f" · [the paragraph {where} at a missing page]", style=MUTED)
        parts.append(notes)
        parts.append(Text())
    shown = len(results.hits)
    summary = f"{shown} of {results.total} matching paragraph{'s' if results.total != 1 else ''}"
    summary += " · query read as: " + "; ".join(results.terms)
    if results.phrases:
        summary += " · phrase: " + "; ".join(f'"{p}"' for p in results.phrases)
    parts.append(plain(summary, MUTED))
    return Group(*parts)


def snippet_plain(paragraph: Paragraph, spans: tuple[tuple[int, int], ...]) -> str:
    return snippet_text(paragraph, spans).plain


def search_json(corpus: Corpus, results: Any) -> list[dict[str, Any]]:
    """One object per hit, best first: search fields, then the paragraph as `read --json` gives it."""
    out = []
    for rank, hit in enumerate(results.hits, 1):
        record = {
            "rank": rank,
            "id": hit.paragraph.id,
            "score": hit.score,
            "matches": list(hit.matches),
            "terms": list(hit.terms),
            "exact": hit.exact,
            "spans": [[s, e] for s, e in hit.spans],
            "snippet": snippet_plain(hit.paragraph, hit.spans),
        }
        for key, value in paragraph_json(corpus, hit.paragraph).items():
            record.setdefault(key, value)
        out.append(record)
    return out
