"""Datasette's metadata for the SQLite export: ``datasette vr2018.db -m metadata.json``.

What the database is and where it comes from (title, description, source: the letter
by its date, signatories and reference; the licence of vr2018's data, the package's),
a description of every table and every column, the column that names a row (so a
foreign key shows a name, not an id: ``label_column``) and the full-text index of each
searchable table (``fts_table``), as Datasette documents them in "Metadata" and
"Table configuration" (Datasette 0.x reads them from metadata.json; 1.0 moves the table
configuration to datasette.yaml itself). English, as every label of ours.

No link is given for the letter itself: vr2018 holds no public address of it that has
been checked, and an address is never guessed. The link the letter gives in its own
text, to the summary of the results, is the database's ``about_url``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from vr2018.export.sqlite import FTS_TABLES, TOKENIZE

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus

# The package's licence (pyproject.toml), which the data files ship under.
LICENSE = "MIT"
LICENSE_URL = "https://spdx.org/licenses/MIT.html"

_EN = "our unofficial English translation (the Dutch is authoritative)"
_OURS = "written for vr2018 from the letter's text, not part of the letter"
_PARAGRAPH = "the paragraph (its id)"
_SEARCH = f"Full-text index (FTS5, tokenize '{TOKENIZE}': accents folded, so curacao finds Curaçao)"

# Every table of the export: (what a row is, {column: what it holds}). A test holds this to the
# database both ways: every table and column described exists, and every one that exists is described.
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "letter": (
        "The letter's metadata, as printed in its header and signature block: one row.",
        {
            "title": "The letter's subject line, in Dutch",
            "title_en": f"The subject line in English: {_EN}",
            "date": "The letter's date (ISO 8601)",
            "date_as_written": "The date as the letter writes it",
            "reference": "The letter's reference (kenmerk)",
            "salutation": "The salutation, in Dutch",
            "salutation_en": f"The salutation in English: {_EN}",
            "addressee": "The address block of the addressee, one printed line per line",
            "addressee_en": f"The addressee's block in English, line for line: {_EN}",
            "sender": "The sender's address block, one printed line per line",
            "sender_en": f"The sender's block in English, line for line: {_EN}",
            "results_url": "The link to a summary of the results that the letter gives in its introduction",
            "earlier_letter": "The letter of October 2017 that set out the priorities (a reference)",
            "data_version": "The version of vr2018's data",
        },
    ),
    "signatory": (
        "Who signed the letter, in the order of the signature block.",
        {
            "position": "Order in the signature block, from 1",
            "name": "The name as signed",
            "office": "The office as printed under the signature, in Dutch",
            "office_en": f"The office in English: {_EN}",
            "person": "The person (its id in the person table)",
        },
    ),
    "fragment": (
        "The runs of the letter's text between missing pages: our copy has pages missing.",
        {
            "number": "The fragment's number, from 1, in reading order",
            "first_line": "Its first line in the source text (1-based)",
            "last_line": "Its last line in the source text (inclusive)",
        },
    ),
    "section": (
        "Every heading of the letter in reading order, also those whose text is on a missing page.",
        {
            "id": "The section's id",
            "position": "Reading order, from 1",
            "title": "The heading as the letter prints it, or (printed 0) a description of ours in Dutch",
            "title_en": f"The heading in English: {_EN}",
            "level": "1 for a heading, 2 for a subheading",
            "printed": "1 if the letter prints this heading, 0 if it is ours (lost on a missing page, or none)",
            "parent": "The heading this one is under (a section id)",
            "heading_inferred": "1 if the section itself is our guess (a fragment begins after missing pages: "
            "whether a new chapter began there is not known), else 0",
        },
    ),
    "paragraph": (
        "Every paragraph of the letter in reading order, its text verbatim.",
        {
            "id": "The paragraph's id, a readable slug; sentence N of it is ID:N",
            "position": "Reading order, from 1",
            "section": "The section it is under",
            "fragment": "The fragment (run of text between missing pages) it is in",
            "text": "The paragraph's text, verbatim, in Dutch: the authority",
            "text_en": f"The paragraph in English: {_EN}",
            "note_en": "A translator's note where the English repairs the Dutch (ours, in English only)",
            "cut": "'start' or 'end' if a missing page cuts the paragraph there",
            "gap_before": "1 if pages are missing just before this paragraph",
            "gap_after": "1 if pages are missing just after this paragraph",
        },
    ),
    "sentence": (
        "Every sentence of every paragraph, addressable as ID:N.",
        {
            "id": "ID:N, the paragraph's id and the sentence's number",
            "paragraph": _PARAGRAPH,
            "number": "The sentence's number in its paragraph, from 1",
            "start": "Where the sentence starts in the paragraph's text (a character offset)",
            "end": "Where it ends (exclusive)",
            "text": "The sentence, verbatim, in Dutch",
            "text_en": f"The sentence in English: {_EN}",
            "cut": "'start' or 'end' if a missing page cuts the sentence there",
        },
    ),
    "gap": (
        "Where pages of the letter are missing: between two paragraphs.",
        {
            "after_paragraph": "The last paragraph before the missing pages",
            "before_paragraph": "The first paragraph after them",
        },
    ),
    "gap_heading": (
        "Headings known to stand on missing pages, by the gap they are lost in.",
        {"after_paragraph": "The gap (by the paragraph before it)", "section": "The heading lost there"},
    ),
    "reference": (
        "Every Kamerstuk (parliamentary paper) and UN resolution the letter cites.",
        {
            "id": "The reference's id",
            "kind": "kamerstuk or resolution",
            "as_written": "The reference as the letter writes it",
            "as_written_en": "The reference in English (a Kamerstuk keeps its Dutch notation)",
            "description": f"What the document is, in Dutch: {_OURS}",
            "description_en": f"What the document is, in English: {_OURS}",
            "dossier": "A Kamerstuk's dossier number",
            "number": "A Kamerstuk's number within its dossier (ondernummer), or a resolution's number",
            "chapter": "A budget chapter, where the letter gives one instead of a number",
            "chamber": "The chamber of parliament, in Dutch",
            "chamber_en": "The chamber of parliament, in English",
            "year": "The year, where known",
            "url": "The official publication, where the letter gives enough to link it (a UN resolution's by "
            "its symbol, which is not in the letter)",
            "symbol": "A UN resolution's official document symbol (S/RES/2231 (2015)): not in the letter",
            "adopted": "The date the Council adopted the resolution (ISO 8601): not in the letter",
            "outside": "The fields of this row that are not in the letter but from the public sources named",
            "sources": "The public sources those fields were checked against, each with its address",
        },
    ),
    "person": (
        "Everyone the letter names.",
        {
            "id": "The person's id",
            "name": "The name as the letter gives it",
            "role": "Their role, in Dutch",
            "role_en": f"Their role in English: {_EN}",
        },
    ),
    "person_alias": (
        "Other names a person goes by in the letter.",
        {"person": "The person", "alias": "Another name"},
    ),
    "person_did": (
        f"What a person did, according to the letter: statements {_OURS}.",
        {
            "id": "The statement's row number",
            "person": "The person",
            "number": "Its number among the person's statements, from 1",
            "text": "The statement, in Dutch",
            "text_en": "The statement, in English",
        },
    ),
    "person_did_paragraph": (
        "The paragraphs each statement about a person rests on (none: the signature block).",
        {"did": "The statement", "paragraph": _PARAGRAPH},
    ),
    "theme": (
        f"The letter's themes, each summarised: {_OURS}.",
        {
            "id": "The theme's id",
            "position": "Order of the themes, from 1",
            "title": "The theme's title, in Dutch",
            "title_en": "The title, in English",
            "summary": "A summary of what the letter says on it, in Dutch",
            "summary_en": "The summary, in English",
        },
    ),
    "theme_alias": (
        "Other names a theme can be looked up by, in Dutch and English.",
        {
            "theme": "The theme",
            "alias": "Another name",
            "outside": "1 if the name is not the letter's (JCPOA, Agenda 2030): from outside, shown as such",
        },
    ),
    "theme_section": ("The sections of the letter a theme covers.", {"theme": "The theme", "section": "The section"}),
    "point": (
        f"The points of each theme, numbered: statements {_OURS}, each citing the paragraphs it rests on.",
        {
            "id": "The point's row number",
            "theme": "The theme",
            "number": "Its number within the theme, from 1",
            "text": "The point, in Dutch",
            "text_en": "The point, in English",
        },
    ),
    "point_paragraph": ("The paragraphs each point rests on.", {"point": "The point", "paragraph": _PARAGRAPH}),
    "motion": (
        "The motions of parliament the letter answers.",
        {
            "id": "The motion's id",
            "reference": "Its Kamerstuk",
            "chamber": "The chamber that adopted it, in Dutch",
            "chamber_en": "The chamber, in English",
            "chamber_inferred": "1 if the letter does not name the chamber and it is inferred",
            "subject": "What the motion asks, in Dutch",
            "subject_en": "What it asks, in English",
            "subject_inferred": "1 if the letter does not state the subject and it is inferred",
            "as_written": "The motion as the letter refers to it",
            "date": "The motion's date, where the letter gives it (ISO 8601)",
        },
    ),
    "motion_submitter": (
        "Who submitted each motion, as the letter names them.",
        {"motion": "The motion", "position": "Order among the submitters, from 1", "name": "The name"},
    ),
    "motion_person": (
        "The people of the person table who submitted a motion.",
        {"motion": "The motion", "person": "The person"},
    ),
    "motion_done": (
        f"What the government reports it did on each motion: statements {_OURS}.",
        {
            "id": "The statement's row number",
            "motion": "The motion",
            "number": "Its number among the motion's statements, from 1",
            "text": "The statement, in Dutch",
            "text_en": "The statement, in English",
        },
    ),
    "motion_done_paragraph": (
        "The paragraphs each statement about a motion rests on.",
        {"done": "The statement", "paragraph": _PARAGRAPH},
    ),
    "event": (
        "Every dated event the letter mentions, in timeline order.",
        {
            "id": "Timeline order, from 1",
            "date": "The date (ISO 8601: a year, year-month or day, as precise as the letter)",
            "precision": "year, month or day",
            "display": "The date as the timeline shows it, in Dutch; a year in [brackets] is inferred",
            "display_en": "The date as the timeline shows it, in English",
            "as_written": "The date as the letter writes it",
            "label": "What happened, in Dutch",
            "label_en": "What happened, in English",
            "paragraph": "The paragraph that mentions it (none for the letter's own date)",
            "source": "paragraph, or letterhead for the letter's own date",
            "year_inferred": "1 if the letter gives no year and the year is inferred",
        },
    ),
    "paragraph_theme": ("The themes each paragraph bears on.", {"paragraph": _PARAGRAPH, "theme": "The theme"}),
    "paragraph_person": ("The people each paragraph names.", {"paragraph": _PARAGRAPH, "person": "The person"}),
    "paragraph_reference": (
        "The Kamerstukken and resolutions each paragraph cites.",
        {"paragraph": _PARAGRAPH, "reference": "The reference"},
    ),
    "paragraph_place": (
        "The places each paragraph names.",
        {"paragraph": _PARAGRAPH, "place": "The place, as the letter names it", "place_en": "Its English name"},
    ),
    "paragraph_organisation": (
        "The organisations each paragraph names.",
        {
            "paragraph": _PARAGRAPH,
            "organisation": "The organisation, as the letter names it",
            "organisation_en": "Its English name",
        },
    ),
    "paragraph_fts": (
        f"{_SEARCH} over the paragraphs, Dutch and English.",
        {"id": _PARAGRAPH, "text": "The Dutch text", "text_en": "The English text"},
    ),
    "sentence_fts": (
        f"{_SEARCH} over the sentences, Dutch and English.",
        {"id": "The sentence (ID:N)", "text": "The Dutch text", "text_en": "The English text"},
    ),
    "point_fts": (
        f"{_SEARCH} over the theme points, Dutch and English.",
        {"theme": "The theme", "text": "The Dutch text", "text_en": "The English text"},
    ),
    "person_fts": (
        f"{_SEARCH} over the people: names, role and what they did, Dutch and English; its rowid is the person's.",
        {
            "id": "The person",
            "name": "The name",
            "aliases": "Other names, one a line",
            "role": "The role, in Dutch",
            "role_en": "The role, in English",
            "did": "What they did, in Dutch, one statement a line",
            "did_en": "What they did, in English",
        },
    ),
}

# The column that names a row, shown wherever another table points at it.
LABELS = {
    "section": "title",
    "reference": "as_written",
    "person": "name",
    "theme": "title",
    "point": "text",
    "motion": "subject",
    "motion_done": "text",
    "person_did": "text",
    "event": "label",
    "signatory": "name",
}
# Tables shown in reading order rather than by their id.
SORT = {"section": "position", "paragraph": "position", "theme": "position"}


def database_name(path: str) -> str:
    """The name Datasette gives the database in ``path``: its file name without the extension."""
    return os.path.splitext(os.path.basename(path))[0] or "vr2018"


def metadata(corpus: Corpus, database: str = "vr2018") -> dict[str, Any]:
    """Datasette's metadata for the SQLite export, the database named ``database``."""
    from vr2018.corpus.lang import EN, names_of, text_of
    from vr2018.letter.paragraphs import address_lines, letter_date

    letter = corpus.letter
    date = letter_date(letter, EN)
    signed = " and ".join(f"{s.name} ({text_of(s, 'office', EN)})" for s in letter.signatories)
    to = address_lines(names_of(letter, "addressee", EN))[0]
    title_en = text_of(letter, "title", EN)
    source = f"Letter of {date}, reference {letter.reference}, signed by {signed}, {to[:1].lower()}{to[1:]}"
    tables: dict[str, Any] = {}
    for name, (description, columns) in TABLES.items():
        table: dict[str, Any] = {"description": description, "columns": dict(columns)}
        if name in LABELS:
            table["label_column"] = LABELS[name]
        if name in SORT:
            table["sort"] = SORT[name]
        if name in FTS_TABLES:
            table["fts_table"] = FTS_TABLES[name]
        if name.endswith("_fts"):
            table["hidden"] = True
        tables[name] = table
    about = {"about": "The summary of the results that the letter links to", "about_url": letter.results_url}
    return {
        "title": f"vr2018: {letter.title}",
        "description": (
            f"{title_en}: the letter of {date} from the Dutch government to parliament, as vr2018 holds it "
            f"(data version {letter.data_version}). Every paragraph is verbatim in Dutch, the authority, with "
            "vr2018's unofficial English translation beside it; themes, points, motions, references, a timeline "
            "and people are vr2018's, each citing the paragraphs it rests on. Our copy of the letter has pages missing "
            "(tables fragment and gap). Search paragraphs, sentences, theme points and people in either "
            "language, accents folded."
        ),
        "source": source,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        **(about if letter.results_url else {}),
        "databases": {database: {"description": f"{letter.title} ({title_en})", "tables": tables}},
    }


def metadata_json(corpus: Corpus, database: str = "vr2018") -> str:
    """:func:`metadata` as JSON text: UTF-8 as is, indented, ending in a newline."""
    import json

    return json.dumps(metadata(corpus, database), ensure_ascii=False, indent=2) + "\n"


__all__ = ["TABLES", "LABELS", "LICENSE", "LICENSE_URL", "database_name", "metadata", "metadata_json"]
