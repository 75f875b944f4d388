"""The letter as plain JSON data: paragraphs, sentences, sections, references, the outline,
citations and the letter's own details. Never imports Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vr2018.corpus.lang import Lang
from vr2018.letter import sentences as splitter

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import (
        Letter,
        Paragraph,
        Reference,
        Section,
        Signatory,
        Statement,
    )
    from vr2018.letter.citations import Citation
    from vr2018.letter.outline import Entry
    from vr2018.letter.sentences import Sentence

Json = dict[str, Any]


# The JSON value of Reference.kind: JSON values are English (the data keeps the letter's word).
KINDS = {"kamerstuk": "kamerstuk", "resolutie": "resolution"}


def reference_kind(kind: str) -> str:
    return KINDS.get(kind, kind)


def paragraph_json(corpus: Corpus, paragraph: Paragraph) -> Json:
    """The paragraph object: the same in read, show, search, cite, theme --full and export."""
    section = corpus.section(paragraph.section)
    path = corpus.section_path(paragraph)
    return {
        "id": paragraph.id,
        "section": section.id,
        "section_title": section.title,
        "section_title_en": section.title_en,
        "section_path": [s.title for s in path],
        "section_path_en": [s.title_en for s in path],
        "section_printed": section.printed,  # false: the heading is ours
        "fragment": paragraph.fragment,
        "position": corpus.position(paragraph.id) + 1,
        "text": paragraph.text,
        "text_en": paragraph.text_en,
        "note_en": paragraph.note_en,  # a translator's note on the English, or null
        "cut": paragraph.cut,
        "gap_before": corpus.gap_before(paragraph),
        "gap_after": corpus.gap_after(paragraph),
        "themes": list(paragraph.themes),
        "people": list(paragraph.people),
        "places": list(paragraph.places),
        "places_en": list(paragraph.places_en),
        "organisations": list(paragraph.organisations),
        "organisations_en": list(paragraph.organisations_en),
        "references": list(paragraph.references),
        "dates": [e.date for e in corpus.paragraph_events(paragraph.id)],
        "sentences": [sentence_json(s) for s in splitter.of(paragraph)],
    }


def sentence_json(sentence: Sentence) -> Json:
    """One sentence: its address ``ID:N``, its number (from 1), where it stands in the
    paragraph's ``text`` (``text[start:end]``), both languages, and ``cut`` ("start" or
    "end") where a missing page cuts it."""
    return {
        "id": sentence.address,
        "paragraph": sentence.paragraph.id,
        "number": sentence.number,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "text_en": sentence.text_en,
        "cut": sentence.cut,
    }


def section_json(corpus: Corpus, section: Section) -> Json:
    return {
        "id": section.id,
        "title": section.title,
        "title_en": section.title_en,
        "level": section.level,
        "parent": section.parent,
        "printed": section.printed,
        "heading_inferred": section.heading_inferred,  # the section is our guess (after missing pages)
        "paragraphs": [p.id for p in corpus.paragraphs if p.section == section.id],
    }


def signatory_json(signatory: Signatory) -> Json:
    return {
        "name": signatory.name,
        "office": signatory.office,
        "office_en": signatory.office_en,
        "person": signatory.person,
    }


def outside_json(record: Letter | Reference) -> Json:
    """What a record holds from outside the letter: the fields (``outside``; a reference's
    ``url`` too where it is made from its symbol) and the public sources they were checked
    against (``sources``, each with its address in ``source_urls``, one for one)."""
    return {
        "outside": list(record.outside_facts),
        "sources": [o.source for o in record.outside],
        "source_urls": [o.url for o in record.outside],
    }


def letter_json(corpus: Corpus) -> Json:
    letter = corpus.letter
    return {
        "title": letter.title,
        "title_en": letter.title_en,
        "subject": letter.title,
        "subject_en": letter.title_en,
        "date": letter.date,
        "date_as_written": letter.date_as_written,
        "reference": letter.reference,
        "salutation": letter.salutation,
        "salutation_en": letter.salutation_en,
        "addressee": list(letter.addressee),
        "addressee_en": list(letter.addressee_en),
        "sender": list(letter.sender),
        "sender_en": list(letter.sender_en),
        "signatories": [signatory_json(s) for s in letter.signatories],
        "results_url": letter.results_url,
        "earlier_letter": reference_json(corpus, corpus.reference(letter.earlier_letter)),
        "attachments": list(letter.attachments),
        "fragments": [
            {"number": f.number, "first_line": f.first_line, "last_line": f.last_line} for f in letter.fragments
        ],
        "data_version": letter.data_version,
        "ministry": letter.ministry,  # not in the letter: see outside and sources
        "ministry_en": letter.ministry_en,
        **outside_json(letter),
    }


def _no_link(ref: Reference) -> str | None:
    from vr2018.motions import no_link  # the motions engine, only for the records that need it

    return no_link(ref)


def reference_json(corpus: Corpus, ref: Reference) -> Json:
    """The reference object: the same in refs, show, read's letter and export."""
    return {
        "id": ref.id,
        "kind": reference_kind(ref.kind),
        "as_written": ref.as_written,
        "as_written_en": ref.as_written_en,
        "dossier": ref.dossier,
        "number": ref.number,
        "chapter": ref.chapter,
        "chamber": ref.chamber,
        "chamber_en": ref.chamber_en,
        "year": ref.year,
        "symbol": ref.symbol,  # a UN resolution's document symbol: "S/RES/2231 (2015)"
        "adopted": ref.adopted,
        "description": ref.description,
        "description_en": ref.description_en,
        "url": ref.url,
        "url_note": _no_link(ref),
        "paragraphs": [p.id for p in corpus.citing_paragraphs(ref.id)],
        "motions": [m.id for m in corpus.motions if m.reference == ref.id],
        **outside_json(ref),
    }


def gaps_json(corpus: Corpus) -> list[Json]:
    """Where pages are missing: the paragraphs either side, and headings whose text is lost."""
    from vr2018.letter.outline import gaps  # only this output needs it: search --json loads less

    return [
        {
            "after": g.after.id,
            "before": g.before.id,
            "after_fragment": g.after.fragment,
            "before_fragment": g.before.fragment,
            "cut_after": g.after.cut == "end",
            "cut_before": g.before.cut == "start",
            "headings": [s.title for s in g.headings],
            "headings_en": [s.title_en for s in g.headings],
        }
        for g in gaps(corpus)
    ]


def read_json(corpus: Corpus) -> Json:
    """The whole letter: metadata, every heading (also those without text), every paragraph, every gap."""
    return {
        "letter": letter_json(corpus),
        "sections": [section_json(corpus, s) for s in corpus.sections],
        "paragraphs": [paragraph_json(corpus, p) for p in corpus.paragraphs],
        "gaps": gaps_json(corpus),
    }


def toc_json(corpus: Corpus, entries: tuple[Entry, ...]) -> Json:
    """The table of contents: fragments, every heading (the section object, with its
    fragment and where pages are missing), each paragraph's id and first words, and the
    gaps; the same names as `read --json`."""
    from vr2018.letter.paragraphs import opening  # only this output needs it: search --json loads less

    return {
        "title": corpus.letter.title,
        "title_en": corpus.letter.title_en,
        "fragments": [
            {"number": f.number, "first_line": f.first_line, "last_line": f.last_line} for f in corpus.letter.fragments
        ],
        "sections": [
            {
                **section_json(corpus, e.section),
                "fragment": e.fragment,
                "gap_before": e.gap_before,
                "text_missing": e.text_missing,
            }
            for e in entries
        ],
        "paragraphs": [
            {
                "id": p.id,
                "section": p.section,
                "fragment": p.fragment,
                "cut": p.cut,
                "opening": opening(p),
                "opening_en": opening(p, lang=Lang.en),
            }
            for e in entries
            for p in e.paragraphs
        ],
        "gaps": gaps_json(corpus),
    }


def statement_json(text: str, text_en: str | None, paragraphs: tuple[str, ...]) -> Json:
    """A statement of ours resting on paragraphs: a theme's point, what a person did, what was done."""
    return {"text": text, "text_en": text_en, "paragraphs": list(paragraphs)}


def statements_json(statements: tuple[Statement, ...]) -> list[Json]:
    return [statement_json(s.text, s.text_en, s.paragraphs) for s in statements]


def citation_json(corpus: Corpus, citation: Citation) -> Json:
    from vr2018.letter import citation_formats, citations  # and the Markdown escaping: only `cite --json` needs them

    paragraph = citation.paragraph
    letter = corpus.letter
    return {
        "title": citation.title,
        "title_en": letter.title_en,
        "date": citation.date,
        "date_as_written": citation.date_as_written,
        "reference": citation.reference,
        "kamerstuk": None,  # the letter gives itself no Kamerstuk number
        "url": None,  # and no address of its own
        "addressee": citation.addressee,
        "addressee_en": citation.addressee_en,
        "signatories": [signatory_json(s) for s in letter.signatories],
        "ministry": letter.ministry,  # not in the letter: see outside and sources
        "ministry_en": letter.ministry_en,
        **outside_json(letter),
        "paragraph": None if paragraph is None else paragraph_json(corpus, paragraph),
        "printed_section_path": list(citation.section_path),  # only headings the letter prints
        "opening": citation.opening,
        "opening_en": citation.opening_en,
        "sentence": citation.sentence,  # cite ID:N: N, and the sentence quoted
        "quote": citation.quote,
        "quote_en": citation.quote_en,
        # what the cited paragraph cites: Kamerstukken and UN resolutions (with their symbols)
        "references": []
        if paragraph is None
        else [reference_json(corpus, corpus.reference(r)) for r in paragraph.references],
        "key": citations.citation_key(citation),  # the BibTeX key, the CSL-JSON and RIS id
        "csl": citation_formats.csl_item(citation),  # the CSL-JSON item of `cite -f csl-json`, as an object
        "cite_item": citation_formats.cite_item(citation),  # the CSL cite-item pointing into it, or null
        # `cite` (Dutch, after the Leidraad) and `cite --lang en` (English), as each prints it
        "formats": {fmt: citation_formats.format_citation(citation, fmt) for fmt in citations.FORMATS},
        "formats_en": {fmt: citation_formats.format_citation(citation, fmt, Lang.en) for fmt in citations.FORMATS},
    }


def info_json(corpus: Corpus, version: str) -> Json:
    from vr2018.letter.paragraphs import counts  # only this output needs it: search --json loads less

    return {
        "letter": letter_json(corpus),
        "kamerstuk": None,
        "counts": counts(corpus),
        "gaps": gaps_json(corpus),
        "data_version": corpus.letter.data_version,
        "version": version,
    }


def references_json(corpus: Corpus, references: tuple[Reference, ...]) -> list[Json]:
    return [reference_json(corpus, ref) for ref in references]
