"""Plain JSON for the corpus and the engines' results: dicts and lists, never Rich.

Every ``--json`` output and ``vr2018 export jsonl`` are built here, so that
printing JSON never imports Rich (``python -X importtime -m vr2018 read --json``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import Corpus
    from .model import Paragraph


def paragraph_json(corpus: Corpus, paragraph: Paragraph) -> dict[str, Any]:
    section = corpus.section(paragraph.section)
    return {
        "id": paragraph.id,
        "section": section.title,
        "section_id": section.id,
        "section_path": [s.title for s in corpus.section_path(paragraph)],
        "section_printed": corpus.section(paragraph.section).printed,  # false: the heading is ours
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


def gaps_json(corpus: Corpus) -> list[dict[str, Any]]:
    """Where pages are missing: the paragraphs either side, and headings whose text is lost."""
    from . import reading

    return [
        {
            "after": g.after.id,
            "before": g.before.id,
            "after_fragment": g.after.fragment,
            "before_fragment": g.before.fragment,
            "cut_after": g.after.cut == "end",
            "cut_before": g.before.cut == "start",
            "headings": [s.title for s in g.headings],
        }
        for g in reading.gaps(corpus)
    ]


def read_json(corpus: Corpus) -> dict[str, Any]:
    """The whole letter: metadata, every heading (also those without text), every paragraph, every gap."""
    return {
        "letter": letter_json(corpus),
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "level": s.level,
                "parent": s.parent,
                "printed": s.printed,
                "paragraphs": [p.id for p in corpus.paragraphs if p.section == s.id],
            }
            for s in corpus.sections
        ],
        "paragraphs": [paragraph_json(corpus, p) for p in corpus.paragraphs],
        "gaps": gaps_json(corpus),
    }


def event_json(event: Any) -> dict[str, Any]:
    from . import reading

    return {
        "date": event.date,
        "precision": event.precision,
        "label": event.label,
        "paragraph": event.paragraph,
        "as_written": event.as_written,
        "year_inferred": event.year_inferred,
        "display": reading.date_label(event),
    }


def show_json(corpus: Corpus, paragraph: Paragraph, before: tuple[Paragraph, ...] = (),
              after: tuple[Paragraph, ...] = ()) -> dict[str, Any]:

    return {
        "paragraph": paragraph_json(corpus, paragraph),
        "section_label": corpus.section_title(paragraph),
        "themes": [{"id": t, "title": corpus.theme(t).title} for t in paragraph.themes],
        "people": [
            {"id": p.id, "name": p.name, "role": p.role} for p in (corpus.person(i) for i in paragraph.people)
        ],
        "events": [event_json(e) for e in corpus.paragraph_events(paragraph.id)],
        "references": [reference_json(corpus, r) for r in paragraph.references],
        "motions": [
            {"id": m.id, "reference": m.reference, "as_written": m.as_written, "subject": m.subject}
            for m in corpus.motions_for([paragraph.id])
        ],
        "context": {
            "before": [paragraph_json(corpus, p) for p in before],
            "after": [paragraph_json(corpus, p) for p in after],
        },
    }


def people_json(corpus: Corpus, people: tuple[Any, ...]) -> list[dict[str, Any]]:
    from . import reading

    return [
        {
            "id": p.id,
            "name": p.name,
            "role": p.role,
            "aliases": list(p.aliases),
            "paragraphs": list(reading.person_paragraphs(corpus, p)),
            "did": [{"text": c.text, "paragraphs": list(c.paragraphs)} for c in p.did],
        }
        for p in people
    ]


def citation_json(corpus: Corpus, citation: Any) -> dict[str, Any]:
    from . import reading

    paragraph = citation.paragraph
    return {
        "title": citation.title,
        "date": citation.date,
        "date_as_written": citation.date_as_written,
        "reference": citation.reference,
        "kamerstuk": None,  # the letter gives itself no Kamerstuk number
        "url": None,  # and no address of its own
        "addressee": citation.addressee,
        "authors": [{"name": name, "office": office} for name, office in citation.authors],
        "paragraph": None if paragraph is None else {
            "id": paragraph.id,
            "section": citation.section,
            "section_path": list(citation.section_path),
            "opening": citation.opening,
        },
        "formats": {fmt: reading.format_citation(citation, fmt) for fmt in reading.FORMATS},
    }


def info_json(corpus: Corpus, version: str) -> dict[str, Any]:
    from . import reading

    return {
        "letter": letter_json(corpus),
        "kamerstuk": None,
        "counts": {
            "fragments": len(corpus.letter.fragments),
            "sections": len(corpus.sections),
            "paragraphs": len(corpus.paragraphs),
            "words": reading.word_count(corpus),
            "themes": len(corpus.themes),
            "motions": len(corpus.motions),
            "references": len(corpus.references),
            "people": len(corpus.people),
            "events": len(corpus.events),
        },
        "gaps": gaps_json(corpus),
        "data_version": corpus.letter.data_version,
        "version": version,
    }


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
        "chamber_inferred": motion.chamber_inferred,
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


def references_json(corpus: Corpus, references: Any) -> list[dict[str, Any]]:
    out = []
    for ref in references:
        record = reference_json(corpus, ref.id)
        record["motions"] = [m.id for m in corpus.motions if m.reference == ref.id]
        out.append(record)
    return out
