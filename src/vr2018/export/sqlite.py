"""The corpus as an SQLite database: one table per record kind, keys, and full-text search.

For ``sqlite3``, ``sqlite-utils`` and Datasette, with the standard library only.
Columns are the ``--json`` field names (English text in ``x_en`` beside ``x``; a
reference's ``kind`` is ``kamerstuk`` or ``resolution``). Lists become link tables
(``paragraph_theme``, ``point_paragraph``, …) with
foreign keys both ways; statements that cite paragraphs (theme points, what a
person did, what was done on a motion) get a row each. Full-text search (FTS5,
folding accents: ``curacao`` finds Curaçao) covers the paragraphs, the sentences,
the theme points and the people, each in Dutch and English (``text``, ``text_en``:
a word in either finds the row): ``paragraph_fts``, ``sentence_fts`` and ``point_fts``
are declared with ``content=`` their table, so Datasette offers a search box on it;
``person_fts`` holds a person's names, role and what they did (see :data:`FTS`).
What each table and column holds, for Datasette, is :mod:`vr2018.export.metadata`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vr2018.corpus.lang import Lang

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus

SCHEMA = """
CREATE TABLE fragment (number INTEGER PRIMARY KEY, first_line INTEGER NOT NULL, last_line INTEGER NOT NULL);
CREATE TABLE section (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, title TEXT NOT NULL, level INTEGER NOT NULL,
  printed INTEGER NOT NULL, parent TEXT REFERENCES section(id), title_en TEXT, heading_inferred INTEGER NOT NULL);
CREATE TABLE paragraph (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, section TEXT NOT NULL REFERENCES section(id),
  fragment INTEGER NOT NULL REFERENCES fragment(number), text TEXT NOT NULL, cut TEXT,
  gap_before INTEGER NOT NULL, gap_after INTEGER NOT NULL, text_en TEXT, note_en TEXT);
CREATE TABLE sentence (
  id TEXT PRIMARY KEY, paragraph TEXT NOT NULL REFERENCES paragraph(id), number INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, text_en TEXT, cut TEXT,
  UNIQUE (paragraph, number));
CREATE TABLE gap (
  after_paragraph TEXT PRIMARY KEY REFERENCES paragraph(id), before_paragraph TEXT NOT NULL REFERENCES paragraph(id));
CREATE TABLE gap_heading (
  after_paragraph TEXT NOT NULL REFERENCES gap(after_paragraph), section TEXT NOT NULL REFERENCES section(id),
  PRIMARY KEY (after_paragraph, section));
CREATE TABLE reference (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, as_written TEXT NOT NULL, description TEXT NOT NULL,
  dossier TEXT, number TEXT, chapter TEXT, chamber TEXT, year INTEGER, url TEXT, description_en TEXT,
  as_written_en TEXT, chamber_en TEXT, symbol TEXT, adopted TEXT, outside TEXT, sources TEXT);
CREATE TABLE person (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, role_en TEXT);
CREATE TABLE person_alias (
  person TEXT NOT NULL REFERENCES person(id), alias TEXT NOT NULL, PRIMARY KEY (person, alias));
CREATE TABLE theme (
  id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, title TEXT NOT NULL, summary TEXT NOT NULL,
  title_en TEXT, summary_en TEXT);
CREATE TABLE theme_alias (
  theme TEXT NOT NULL REFERENCES theme(id), alias TEXT NOT NULL, outside INTEGER NOT NULL,
  PRIMARY KEY (theme, alias));
CREATE TABLE theme_section (
  theme TEXT NOT NULL REFERENCES theme(id), section TEXT NOT NULL REFERENCES section(id),
  PRIMARY KEY (theme, section));
CREATE TABLE point (
  id INTEGER PRIMARY KEY, theme TEXT NOT NULL REFERENCES theme(id), number INTEGER NOT NULL, text TEXT NOT NULL,
  text_en TEXT, UNIQUE (theme, number));
CREATE TABLE point_paragraph (
  point INTEGER NOT NULL REFERENCES point(id), paragraph TEXT NOT NULL REFERENCES paragraph(id),
  PRIMARY KEY (point, paragraph));
CREATE TABLE motion (
  id TEXT PRIMARY KEY, reference TEXT NOT NULL REFERENCES reference(id), chamber TEXT NOT NULL,
  chamber_inferred INTEGER NOT NULL, subject TEXT NOT NULL, subject_inferred INTEGER NOT NULL,
  as_written TEXT NOT NULL, date TEXT, subject_en TEXT, chamber_en TEXT);
CREATE TABLE motion_submitter (
  motion TEXT NOT NULL REFERENCES motion(id), position INTEGER NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY (motion, position));
CREATE TABLE motion_person (
  motion TEXT NOT NULL REFERENCES motion(id), person TEXT NOT NULL REFERENCES person(id),
  PRIMARY KEY (motion, person));
CREATE TABLE motion_done (
  id INTEGER PRIMARY KEY, motion TEXT NOT NULL REFERENCES motion(id), number INTEGER NOT NULL, text TEXT NOT NULL,
  text_en TEXT);
CREATE TABLE motion_done_paragraph (
  done INTEGER NOT NULL REFERENCES motion_done(id), paragraph TEXT NOT NULL REFERENCES paragraph(id),
  PRIMARY KEY (done, paragraph));
CREATE TABLE person_did (
  id INTEGER PRIMARY KEY, person TEXT NOT NULL REFERENCES person(id), number INTEGER NOT NULL, text TEXT NOT NULL,
  text_en TEXT);
CREATE TABLE person_did_paragraph (
  did INTEGER NOT NULL REFERENCES person_did(id), paragraph TEXT NOT NULL REFERENCES paragraph(id),
  PRIMARY KEY (did, paragraph));
CREATE TABLE event (
  id INTEGER PRIMARY KEY, date TEXT NOT NULL, precision TEXT NOT NULL, display TEXT NOT NULL,
  as_written TEXT NOT NULL, label TEXT NOT NULL, paragraph TEXT REFERENCES paragraph(id),
  source TEXT NOT NULL, year_inferred INTEGER NOT NULL, label_en TEXT, display_en TEXT NOT NULL);
CREATE TABLE letter (
  title TEXT NOT NULL, date TEXT NOT NULL, date_as_written TEXT NOT NULL, reference TEXT NOT NULL,
  salutation TEXT NOT NULL, addressee TEXT NOT NULL, sender TEXT NOT NULL, results_url TEXT,
  earlier_letter TEXT REFERENCES reference(id), data_version TEXT NOT NULL, title_en TEXT, salutation_en TEXT,
  addressee_en TEXT NOT NULL, sender_en TEXT NOT NULL);
CREATE TABLE signatory (
  position INTEGER PRIMARY KEY, name TEXT NOT NULL, office TEXT NOT NULL, person TEXT REFERENCES person(id),
  office_en TEXT);
"""

# One link table per list field of a paragraph: (table, columns, paragraph attribute); a
# list with English names (places_en) has a second column with the English name of each.
PARAGRAPH_LISTS = (
    ("paragraph_theme", "theme TEXT NOT NULL REFERENCES theme(id)", "themes"),
    ("paragraph_person", "person TEXT NOT NULL REFERENCES person(id)", "people"),
    ("paragraph_reference", "reference TEXT NOT NULL REFERENCES reference(id)", "references"),
    ("paragraph_place", "place TEXT NOT NULL, place_en TEXT", "places"),
    ("paragraph_organisation", "organisation TEXT NOT NULL, organisation_en TEXT", "organisations"),
)

# Full-text search, every index folding accents (`curacao` finds Curaçao) and covering both languages.
# Paragraphs, sentences and points: external-content FTS5 tables over their own table (content=), which
# Datasette finds by itself. People: their names, other names, role and what they did, which live in
# three tables, in one FTS5 table of its own whose rowid is the person's (metadata.json names it).
TOKENIZE = "unicode61 remove_diacritics 2"
FTS = f"""
CREATE VIRTUAL TABLE paragraph_fts USING fts5(id UNINDEXED, text, text_en, content="paragraph", tokenize="{TOKENIZE}");
INSERT INTO paragraph_fts(paragraph_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE sentence_fts USING fts5(id UNINDEXED, text, text_en, content="sentence", tokenize="{TOKENIZE}");
INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE point_fts USING fts5(
  theme UNINDEXED, text, text_en, content="point", content_rowid="id", tokenize="{TOKENIZE}");
INSERT INTO point_fts(point_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE person_fts USING fts5(
  id UNINDEXED, name, aliases, role, role_en, did, did_en, tokenize="{TOKENIZE}");
"""
# The full-text index of each table that has one (Datasette's fts_table).
FTS_TABLES = {"paragraph": "paragraph_fts", "sentence": "sentence_fts", "point": "point_fts", "person": "person_fts"}


def _link_tables() -> str:
    return "".join(
        f"CREATE TABLE {name} (paragraph TEXT NOT NULL REFERENCES paragraph(id), {column}, "
        f"PRIMARY KEY (paragraph, {column.split()[0]}));\n"
        for name, column, _ in PARAGRAPH_LISTS
    )


def _insert(con: Any, table: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)


def _statements(con: Any, table: str, links: str, rows: list[tuple[str, tuple[Any, ...]]]) -> None:
    """Statements that cite paragraphs: (owner, citations) → a numbered row each, plus its links."""
    counter = 0
    for owner, citations in rows:
        for n, citation in enumerate(citations, 1):
            counter += 1
            _insert(con, table, [(counter, owner, n, citation.text, citation.text_en)])
            _insert(con, links, [(counter, p) for p in dict.fromkeys(citation.paragraphs)])


def _letter(con: Any, corpus: Corpus) -> None:
    from vr2018.letter.outline import gaps
    from vr2018.serialize.letter import reference_kind

    letter = corpus.letter
    _insert(con, "fragment", [(f.number, f.first_line, f.last_line) for f in letter.fragments])
    _insert(
        con,
        "section",
        [
            (s.id, i, s.title, s.level, s.printed, s.parent, s.title_en, s.heading_inferred)
            for i, s in enumerate(corpus.sections, 1)
        ],
    )
    _insert(
        con,
        "reference",
        [
            (
                r.id,
                reference_kind(r.kind),
                r.as_written,
                r.description,
                r.dossier,
                r.number,
                r.chapter,
                r.chamber,
                r.year,
                r.url,
                r.description_en,
                r.as_written_en,
                r.chamber_en,
                r.symbol,
                r.adopted,
                ", ".join(r.outside_facts) or None,
                " | ".join(f"{o.source} <{o.url}>" for o in r.outside) or None,
            )
            for r in corpus.references
        ],
    )
    _insert(con, "person", [(p.id, p.name, p.role, p.role_en) for p in corpus.people])
    _insert(con, "person_alias", [(p.id, a) for p in corpus.people for a in dict.fromkeys(p.aliases)])
    _insert(
        con,
        "paragraph",
        [
            (
                p.id,
                i,
                p.section,
                p.fragment,
                p.text,
                p.cut,
                corpus.gap_before(p),
                corpus.gap_after(p),
                p.text_en,
                p.note_en,
            )
            for i, p in enumerate(corpus.paragraphs, 1)
        ],
    )
    from vr2018.export import sentence_rows

    columns = ("id", "paragraph", "number", "start", "end", "text", "text_en", "cut")  # the table's, in order
    _insert(con, "sentence", [tuple(row[c] for c in columns) for row in sentence_rows(corpus)])
    missing = gaps(corpus)
    _insert(con, "gap", [(g.after.id, g.before.id) for g in missing])
    _insert(con, "gap_heading", [(g.after.id, s.id) for g in missing for s in g.headings])
    _insert(
        con,
        "letter",
        [
            (
                letter.title,
                letter.date,
                letter.date_as_written,
                letter.reference,
                letter.salutation,
                "\n".join(letter.addressee),
                "\n".join(letter.sender),
                letter.results_url,
                letter.earlier_letter,
                letter.data_version,
                letter.title_en,
                letter.salutation_en,
                "\n".join(letter.addressee_en),
                "\n".join(letter.sender_en),
            )
        ],
    )
    _insert(
        con, "signatory", [(i, s.name, s.office, s.person, s.office_en) for i, s in enumerate(letter.signatories, 1)]
    )


def _about(con: Any, corpus: Corpus) -> None:
    from vr2018.timeline import date_label

    _insert(
        con, "theme", [(t.id, i, t.title, t.summary, t.title_en, t.summary_en) for i, t in enumerate(corpus.themes, 1)]
    )
    _insert(
        con,
        "theme_alias",
        [(t.id, a, a in t.aliases_outside) for t in corpus.themes for a in dict.fromkeys(t.names)],
    )
    _insert(con, "theme_section", [(t.id, s) for t in corpus.themes for s in dict.fromkeys(t.sections)])
    for name, columns, attribute in PARAGRAPH_LISTS:
        english = "_en " in columns
        _insert(con, name, [(p.id, *row) for p in corpus.paragraphs for row in _list_rows(p, attribute, english)])
    _statements(con, "point", "point_paragraph", [(t.id, tuple(_as_statements(t.points))) for t in corpus.themes])
    _insert(
        con,
        "motion",
        [
            (
                m.id,
                m.reference,
                m.chamber,
                m.chamber_inferred,
                m.subject,
                m.subject_inferred,
                m.as_written,
                m.date,
                m.subject_en,
                m.chamber_en,
            )
            for m in corpus.motions
        ],
    )
    _insert(con, "motion_submitter", [(m.id, i, s) for m in corpus.motions for i, s in enumerate(m.submitters, 1)])
    _insert(con, "motion_person", [(m.id, p) for m in corpus.motions for p in dict.fromkeys(m.people)])
    _statements(con, "motion_done", "motion_done_paragraph", [(m.id, m.done) for m in corpus.motions])
    _statements(con, "person_did", "person_did_paragraph", [(p.id, p.did) for p in corpus.people])
    _insert(
        con,
        "event",
        [
            (
                i,
                e.date,
                e.precision,
                date_label(e),
                e.as_written,
                e.label,
                e.paragraph,
                e.source,
                e.year_inferred,
                e.label_en,
                date_label(e, Lang.en),
            )
            for i, e in enumerate(corpus.events, 1)
        ],
    )


def _list_rows(paragraph: Any, attribute: str, english: bool) -> list[tuple[str, ...]]:
    """A paragraph's list, each value once; with its English name beside it where asked."""
    values = getattr(paragraph, attribute)
    if not english:
        return [(v,) for v in dict.fromkeys(values)]
    names = getattr(paragraph, attribute + "_en") or (None,) * len(values)
    return list(dict(zip(values, names, strict=True)).items())


def _as_statements(points: tuple[Any, ...]) -> list[Any]:
    """A theme's points as statements (text, text_en, paragraphs), as in --json."""
    from vr2018.corpus.model import Statement

    return [Statement(text=p.text, paragraphs=p.sources, text_en=p.text_en) for p in points]


def _person_search(con: Any, corpus: Corpus) -> None:
    """``person_fts``: each person's names, other names (one a line), role and what they did
    (one statement a line), under the person's own rowid."""
    rowid = {i: r for r, i in con.execute("SELECT rowid, id FROM person")}
    _insert(
        con,
        "person_fts(rowid, id, name, aliases, role, role_en, did, did_en)",
        [
            (
                rowid[p.id],
                p.id,
                p.name,
                "\n".join(dict.fromkeys(p.aliases)),
                p.role,
                p.role_en,
                "\n".join(d.text for d in p.did),
                "\n".join(d.text_en or "" for d in p.did),
            )
            for p in corpus.people
        ],
    )


def write_sqlite(corpus: Corpus, path: str) -> None:
    """Write the database to ``path`` (a new or empty file), foreign keys checked as rows go in."""
    import sqlite3

    try:
        _write(sqlite3.connect(path), corpus)
    except sqlite3.Error as exc:  # a full disk, a file size limit: the caller's "cannot write" line
        raise OSError(str(exc)) from exc


def _write(con: Any, corpus: Corpus) -> None:
    try:
        con.execute("PRAGMA foreign_keys = ON")
        # A temporary file, renamed into place only when whole (and synced then, by the caller):
        # no journal, no sync per statement.
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        con.executescript("BEGIN;" + SCHEMA + _link_tables() + "COMMIT;")
        with con:
            _letter(con, corpus)
            _about(con, corpus)
        con.executescript("BEGIN;" + FTS + "COMMIT;")
        with con:
            _person_search(con, corpus)
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"foreign key check failed: {problems[:3]}")
    finally:
        con.close()
