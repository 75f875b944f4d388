"""Plain dicts and lists for ``--json``: every command's machine-readable output.

Rich-free by design (``--json`` never imports Rich) and never imports
:mod:`vr2018.views`: it takes model objects and engine results and returns
values :func:`json.dumps` can write. The field names are published as JSON
Schemas in ``docs/schema/`` (documented in ``docs/json.md``); keep them stable.

One name for one thing: each object that appears in more than one output
(paragraph, section, event, reference, motion, person, statement, gap, …) is
built by ONE function here, so it has the same fields wherever it appears. A
key named after a record kind in the singular holds that record's id (``section``,
``paragraph``, ``reference``), in the plural a list of ids (``paragraphs``,
``themes``, ``people``); the exception is the envelope outputs about one
paragraph (``show``, a ``search`` hit, ``cite``), whose ``paragraph`` is the
whole paragraph object. Every Dutch text field ``x`` has its English rendering
beside it as ``x_en``, whatever ``--lang``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import reading
from . import sentences as splitter
from .lang import Lang, section_title
from .snippets import snippet

if TYPE_CHECKING:
    from .citations import Citation
    from .corpus import Corpus
    from .model import Event, Letter, Motion, Paragraph, Person, Reference, Section, Signatory, Statement, Theme
    from .search import Hit, Results
    from .sentences import Sentence
    from .themes import ThemeDetail, ThemeGap
    from .toc import Entry

Json = dict[str, Any]

# The JSON value of Reference.kind: JSON values are English (the data keeps the letter's word).
KINDS = {"kamerstuk": "kamerstuk", "resolutie": "resolution"}


def reference_kind(kind: str) -> str:
    return KINDS.get(kind, kind)


# ── the letter ──────────────────────────────────────────────────────────────


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
    from .motions import no_link  # the motions engine, only for the records that need it

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
        for g in reading.gaps(corpus)
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
                "opening": reading.opening(p),
                "opening_en": reading.opening(p, lang=Lang.en),
            }
            for e in entries
            for p in e.paragraphs
        ],
        "gaps": gaps_json(corpus),
    }


# ── shared objects: statements, events, people, motions, themes ────────────


def statement_json(text: str, text_en: str | None, paragraphs: tuple[str, ...]) -> Json:
    """A statement of ours resting on paragraphs: a theme's point, what a person did, what was done."""
    return {"text": text, "text_en": text_en, "paragraphs": list(paragraphs)}


def statements_json(statements: tuple[Statement, ...]) -> list[Json]:
    return [statement_json(s.text, s.text_en, s.paragraphs) for s in statements]


def event_json(event: Event) -> Json:
    """The event object: the same in timeline, show, theme and export."""
    return {
        "date": event.date,
        "precision": event.precision,
        "display": reading.date_label(event),
        "display_en": reading.date_label(event, Lang.en),
        "as_written": event.as_written,
        "year_inferred": event.year_inferred,
        "label": event.label,
        "label_en": event.label_en,
        "paragraph": event.paragraph,  # null where the date is not in a paragraph (source)
        "source": event.source,  # "paragraph" or "letterhead": where the letter gives the date
    }


def person_json(corpus: Corpus, person: Person) -> Json:
    """The person object: the same in people, show, theme and export."""
    return {
        "id": person.id,
        "name": person.name,
        "role": person.role,
        "role_en": person.role_en,
        "aliases": list(person.aliases),
        "paragraphs": list(reading.person_paragraphs(corpus, person)),
        "did": statements_json(person.did),
    }


def motion_json(corpus: Corpus, motion: Motion) -> Json:
    """The motion object: the same in motions, show and export."""
    ref = corpus.reference(motion.reference)
    return {
        "id": motion.id,
        "chamber": motion.chamber,
        "chamber_en": motion.chamber_en,
        "chamber_inferred": motion.chamber_inferred,
        "submitters": list(motion.submitters),
        "kamerstuk": ref.as_written,
        "reference": ref.id,
        "dossier": ref.dossier,
        "number": ref.number,
        "chapter": ref.chapter,
        "subject": motion.subject,
        "subject_en": motion.subject_en,
        "subject_inferred": motion.subject_inferred,  # our reading of the context, not stated by the letter
        "paragraphs": list(motion.paragraphs),
        "url": ref.url,
        "url_note": _no_link(ref),  # why url is null: what the letter gives instead
        "done": statements_json(motion.done),
        "date": motion.date,
        "as_written": motion.as_written,
    }


def theme_entry_json(corpus: Corpus, theme: Theme) -> Json:
    """A theme in brief: what `theme --json` lists and `show --json` names."""
    from .themes import first_sentence

    return {
        "id": theme.id,
        "title": theme.title,
        "title_en": theme.title_en,
        "aliases": list(theme.aliases),
        "aliases_outside": list(theme.aliases_outside),  # names from outside the letter
        "paragraphs": [p.id for p in corpus.theme_paragraphs(theme.id)],
        "line": first_sentence(theme.summary),
        "line_en": first_sentence(theme.summary_en or ""),
    }


# ── reading views: show, timeline, people, cite, info ───────────────────────


def timeline_json(events: tuple[Event, ...]) -> list[Json]:
    return [event_json(e) for e in events]


def show_json(
    corpus: Corpus,
    paragraph: Paragraph,
    before: tuple[Paragraph, ...] = (),
    after: tuple[Paragraph, ...] = (),
    sentence: Sentence | None = None,
) -> Json:
    """One paragraph and what it mentions; for ``show ID:N`` also the sentence's number
    (``sentence``) and text (``quote``, ``quote_en``), else those are null."""
    return {
        "paragraph": paragraph_json(corpus, paragraph),
        "sentence": sentence.number if sentence else None,
        "quote": splitter.quoted(sentence.text, sentence.cut) if sentence else None,
        "quote_en": splitter.quoted(sentence.text_en, sentence.cut) if sentence and sentence.text_en else None,
        "section_label": section_title(corpus, paragraph),  # as `show` prints it
        "section_label_en": section_title(corpus, paragraph, Lang.en),  # … and `show --lang en`
        "themes": [theme_entry_json(corpus, corpus.theme(t)) for t in paragraph.themes],
        "people": [person_json(corpus, corpus.person(i)) for i in paragraph.people],
        "events": [event_json(e) for e in corpus.paragraph_events(paragraph.id)],
        "references": [reference_json(corpus, corpus.reference(r)) for r in paragraph.references],
        "motions": [motion_json(corpus, m) for m in corpus.motions_for([paragraph.id])],
        "context": {
            "before": [paragraph_json(corpus, p) for p in before],
            "after": [paragraph_json(corpus, p) for p in after],
        },
    }


def people_json(corpus: Corpus, people: tuple[Person, ...]) -> list[Json]:
    return [person_json(corpus, p) for p in people]


def citation_json(corpus: Corpus, citation: Citation) -> Json:
    from . import citations  # and the Markdown escaping it uses: only `cite --json` needs them

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
        "key": citations.key(citation),  # the BibTeX key, the CSL-JSON and RIS id
        "csl": citations.csl_item(citation),  # the CSL-JSON item of `cite -f csl-json`, as an object
        "cite_item": citations.cite_item(citation),  # the CSL cite-item pointing into it, or null
        "formats": {fmt: citations.format_citation(citation, fmt) for fmt in citations.FORMATS},
        # `cite --lang en`: the Dutch original cited, our English in [brackets], marked unofficial
        "formats_en": {fmt: citations.format_citation(citation, fmt, Lang.en) for fmt in citations.FORMATS},
    }


def info_json(corpus: Corpus, version: str) -> Json:
    return {
        "letter": letter_json(corpus),
        "kamerstuk": None,
        "counts": reading.counts(corpus),
        "gaps": gaps_json(corpus),
        "data_version": corpus.letter.data_version,
        "version": version,
    }


# ── themes, motions and references ─────────────────────────────────────────


def theme_list_json(corpus: Corpus, themes: tuple[Theme, ...]) -> list[Json]:
    return [theme_entry_json(corpus, theme) for theme in themes]


def theme_gap_json(gap: ThemeGap) -> Json:
    """Where a missing page cuts a theme's text: a cut paragraph, or a section whose text is missing."""
    return {"paragraph": gap.paragraph, "cut": gap.cut, "section": gap.section}


def theme_json(corpus: Corpus, detail: ThemeDetail, full: bool = False) -> Json:
    theme = detail.theme
    out: Json = {
        "id": theme.id,
        "title": theme.title,
        "title_en": theme.title_en,
        "aliases": list(theme.aliases),
        "aliases_outside": list(theme.aliases_outside),  # names from outside the letter
        "summary": theme.summary,
        "summary_en": theme.summary_en,
        "points": [statement_json(p.text, p.text_en, p.sources) for p in theme.points],
        "paragraphs": [p.id for p in detail.paragraphs],
        "motions": [m.id for m in detail.motions],
        "people": [person_json(corpus, p) for p in detail.people],
        "events": [event_json(e) for e in detail.events],
        "sections": [s.id for s in detail.sections],
        "gaps": [theme_gap_json(g) for g in detail.gaps],
    }
    if full:
        out["texts"] = [paragraph_json(corpus, p) for p in detail.cited]
    return out


def motions_json(corpus: Corpus, motions: tuple[Motion, ...]) -> list[Json]:
    return [motion_json(corpus, m) for m in motions]


def references_json(corpus: Corpus, references: tuple[Reference, ...]) -> list[Json]:
    return [reference_json(corpus, ref) for ref in references]


# ── search ──────────────────────────────────────────────────────────────────


def hit_json(corpus: Corpus, rank: int, hit: Hit) -> Json:
    """One search hit: how it matched (what it lacks, ``missing``; how each term matched, ``why``;
    its best sentence's number, ``sentence``; where it matched in the English, ``matches_en``,
    ``spans_en`` and ``snippet_en``), then the paragraph object as `read --json` gives it."""
    return {
        "rank": rank,
        "score": hit.score,
        "matches": list(hit.matches),
        "terms": list(hit.terms),
        "exact": hit.exact,
        "spans": [[s, e] for s, e in hit.spans],
        "snippet": snippet(hit.paragraph, hit.spans),
        "missing": list(hit.missing),
        "why": [{"term": term, "word": word, "how": how} for term, word, how in hit.why],
        "sentence": hit.sentence,
        "matches_en": list(hit.matches_en),
        "spans_en": [[s, e] for s, e in hit.spans_en],
        "snippet_en": snippet(hit.paragraph, hit.spans_en, english=True),
        "paragraph": paragraph_json(corpus, hit.paragraph),
    }


def search_json(corpus: Corpus, results: Results) -> list[Json]:
    """One object per hit, best first."""
    return [hit_json(corpus, rank, hit) for rank, hit in enumerate(results.hits, 1)]
