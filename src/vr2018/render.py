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


# ── themes, motions and references ─────────────────────────────────────────


def _ids(ids: Any) -> Text:
    """Paragraph ids as a citation: [inleiding, conflict-en-honger]."""
    return Text.assemble(("[", MUTED), (", ".join(ids), ID_STYLE), ("]", MUTED))


def _heading(title: str) -> Text:
    return Text("\n" + title, style=HEADING_STYLE)


def _event_date(event: Any) -> str:
    return event.date + ("*" if event.year_inferred else "")


def theme_list(corpus: Corpus, rows: list[tuple[Any, int, str]], crop: bool = False) -> RenderableType:
    """One line per theme: id, number of paragraphs, title, the summary's first sentence;
    ``crop`` cuts each line to the screen's width (on a terminal), else lines stay whole."""
    width = max(len(theme.id) for theme, _, _ in rows)
    lines: list[RenderableType] = [Text(f"{'theme':<{width}}   ¶  title — summary", style=HEADING_STYLE)]
    for theme, count, line in rows:
        lines.append(Text.assemble(
            (f"{clean(theme.id):<{width}}", ID_STYLE), f" {count:>3}  ", (clean(theme.title), "bold"),
            (" — " + clean(line), MUTED), no_wrap=crop, overflow="ellipsis" if crop else None,
        ))
    lines.append(Text("\nvr2018 theme NAME shows one theme (its id, title or any alias).", style=MUTED))
    return Group(*lines)


def theme_view(corpus: Corpus, detail: Any, full: bool = False) -> RenderableType:
    """A theme: title, summary, points with citations, motions, people, dates, gaps;
    with ``full``, the cited paragraphs' text with gap markers."""
    theme = detail.theme
    parts: list[RenderableType] = [
        Text.assemble((clean(theme.title), "bold"), "  ", (f"({theme.id})", ID_STYLE)),
    ]
    if theme.aliases:
        parts.append(Text.assemble(("also: ", MUTED), (clean(", ".join(theme.aliases)), MUTED)))
    parts += [Text(), plain(theme.summary)]

    parts.append(_heading("Points"))
    for n, point in enumerate(theme.points, 1):
        parts.append(Text.assemble(f"{n:>2}. ", clean(point.text), " ", _ids(point.sources)))

    if detail.motions:
        parts.append(_heading("Motions"))
        for motion in detail.motions:
            ref = corpus.reference(motion.reference)
            parts.append(Text.assemble(
                "  ", (clean(ref.as_written), "bold"), "  ", clean("/".join(motion.submitters)),
                (f" ({clean(motion.chamber)})", MUTED), ": ", clean(motion.subject),
            ))
    if detail.people:
        parts.append(_heading("People"))
        for person in detail.people:
            parts.append(Text.assemble("  ", (clean(person.name), "bold"), (f"  {clean(person.role)}", MUTED)))
    if detail.events:
        parts.append(_heading("Dates"))
        for event in detail.events:
            parts.append(Text.assemble(
                "  ", (f"{_event_date(event):<11}", "bold"), " ", clean(event.label), " ", _ids([event.paragraph]),
            ))
        if any(e.year_inferred for e in detail.events):
            parts.append(Text("  * year not in the letter: the year it looks back on", style=MUTED))

    parts.append(_heading("Paragraphs"))
    parts.append(Text.assemble("  ", _ids([p.id for p in detail.paragraphs]) if detail.paragraphs else Text("none")))
    for gap in detail.gaps:
        if gap.section:
            where = f"  the section '{corpus.section(gap.section).title}' has only its heading"
        else:
            where = f"  ¶ {gap.paragraph} is cut at its {gap.cut} by a missing page"
        parts.append(Text.assemble(("[…] ", GAP_STYLE), (clean(where.strip()), GAP_STYLE)))

    if full:
        parts.append(_heading("Cited paragraphs"))
        parts.append(Text())
        marked = False  # one marker per gap, even where two cited paragraphs border it
        heading = None
        for paragraph in detail.cited:
            if corpus.gap_before(paragraph) and not marked:
                parts += [gap_marker(), Text()]
            if corpus.section_title(paragraph) != heading:
                heading = corpus.section_title(paragraph)
                parts.append(plain(heading, MUTED))
            parts.append(paragraph_block(corpus, paragraph))
            marked = corpus.gap_after(paragraph)
            if marked:
                parts += [gap_marker(), Text()]
        for gap in detail.gaps:
            if gap.section:
                parts += [plain(corpus.section(gap.section).title, HEADING_STYLE), gap_marker(), Text()]
    return Group(*parts)


def theme_list_json(corpus: Corpus, rows: list[tuple[Any, int, str]]) -> list[dict[str, Any]]:
    return [
        {
            "id": theme.id,
            "title": theme.title,
            "aliases": list(theme.aliases),
            "paragraphs": [p.id for p in corpus.theme_paragraphs(theme.id)],
            "line": line,
        }
        for theme, _count, line in rows
    ]


def theme_json(corpus: Corpus, detail: Any, full: bool = False) -> dict[str, Any]:
    theme = detail.theme
    out: dict[str, Any] = {
        "id": theme.id,
        "title": theme.title,
        "aliases": list(theme.aliases),
        "summary": theme.summary,
        "points": [{"text": p.text, "sources": list(p.sources)} for p in theme.points],
        "paragraphs": [p.id for p in detail.paragraphs],
        "motions": [m.id for m in detail.motions],
        "people": [{"id": p.id, "name": p.name, "role": p.role} for p in detail.people],
        "events": [
            {"date": e.date, "as_written": e.as_written, "label": e.label, "paragraph": e.paragraph,
             "year_inferred": e.year_inferred}
            for e in detail.events
        ],
        "sections": [s.id for s in detail.sections],
        "gaps": [
            {"section": g.section} if g.section else {"paragraph": g.paragraph, "cut": g.cut} for g in detail.gaps
        ],
    }
    if full:
        out["texts"] = [paragraph_json(corpus, p) for p in detail.cited]
    return out


def motion_json(corpus: Corpus, motion: Any) -> dict[str, Any]:
    ref = corpus.reference(motion.reference)
    return {
        "id": motion.id,
        "chamber": motion.chamber,
        "submitters": list(motion.submitters),
        "kamerstuk": ref.as_written,
        "reference": ref.id,
        "dossier": ref.dossier,
        "number": ref.number,
        "chapter": ref.chapter,
        "subject": motion.subject,
        "paragraphs": list(motion.paragraphs),
        "url": ref.url,
        "done": [{"text": c.text, "paragraphs": list(c.paragraphs)} for c in motion.done],
        "date": motion.date,
        "as_written": motion.as_written,
    }


def _kamerstuk_short(ref: Any) -> str:
    """The letter's notation without the word 'Kamerstuk': '22 045, nr. 290'."""
    return ref.as_written.removeprefix("Kamerstuk ")


def motions_table(corpus: Corpus, motions: Any) -> RenderableType:
    """Kamerstuk, submitters, chamber, subject, what the government reports it did."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_lines=True, header_style=HEADING_STYLE, expand=True, pad_edge=False)
    table.add_column("Kamerstuk", min_width=9, max_width=16)
    table.add_column("Submitters", overflow="fold", min_width=11, max_width=13)
    table.add_column("Chamber", overflow="fold", min_width=6, max_width=8)
    table.add_column("Subject", overflow="fold", min_width=14, ratio=1)
    table.add_column("What was done", overflow="fold", ratio=1)
    for motion in motions:
        ref = corpus.reference(motion.reference)
        done = Text()
        for n, citation in enumerate(motion.done):
            if n:
                done.append("\n")
            done.append_text(Text.assemble(clean(citation.text), " ", _ids(citation.paragraphs)))
        submitters = "\n".join(motion.submitters)
        table.add_row(plain(_kamerstuk_short(ref)), plain(submitters), plain(motion.chamber), plain(motion.subject), done)
    return table


def motions_by_kamerstuk(corpus: Corpus, motions: Any) -> RenderableType:
    """Number first, then the motion, then the official link (or why there is none)."""
    parts: list[RenderableType] = []
    for motion in motions:
        ref = corpus.reference(motion.reference)
        parts.append(Text.assemble(
            (f"Kamerstuk {_kamerstuk_short(ref)}", "bold"), "  ",
            clean("motie " + "/".join(motion.submitters)), (f" ({clean(motion.chamber)})", MUTED),
        ))
        parts.append(Text.assemble("  ", clean(motion.subject), " ", _ids(motion.paragraphs)))
        if ref.url:
            parts.append(Text.assemble("  ", (ref.url, "underline")))
        else:
            parts.append(Text("  no official link: the letter gives no document number", style=MUTED))
        parts.append(Text())
    return Group(*parts)


def references_json(corpus: Corpus, references: Any) -> list[dict[str, Any]]:
    out = []
    for ref in references:
        record = reference_json(corpus, ref.id)
        record["motions"] = [m.id for m in corpus.motions if m.reference == ref.id]
        out.append(record)
    return out


def references_view(corpus: Corpus, references: Any) -> RenderableType:
    """Every reference, grouped by kind, with the paragraphs citing it and the link where known."""
    parts: list[RenderableType] = []
    kind = None
    for ref in references:
        if ref.kind != kind:
            kind = ref.kind
            title = "Kamerstukken" if kind == "kamerstuk" else "UN Security Council resolutions"
            parts.append(Text(("\n" if parts else "") + title, style="bold underline"))
        paragraphs = [p.id for p in corpus.citing_paragraphs(ref.id)]
        parts.append(Text.assemble((clean(ref.as_written), "bold"), " ", _ids(paragraphs)))
        parts.append(Text.assemble("  ", clean(ref.description)))
        if ref.kind == "kamerstuk":
            if ref.url:
                parts.append(Text.assemble("  ", (ref.url, "underline")))
            else:
                parts.append(Text("  no official link: the letter gives no document number", style=MUTED))
    return Group(*parts)
