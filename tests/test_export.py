"""`vr2018 export`: every format parses back, holds every paragraph byte for byte,
and a file is written whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import one_line_failure
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from vr2018.export import TABLES, markdown
from vr2018.letter.sentences import sentences
from vr2018.text.markdown import escape

# CommonMark plus the GitHub extensions that could change text (tables, strikethrough).
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def export(invoke, *args):
    result = invoke("export", *args)
    assert result.exit_code == 0, result.stderr
    return result


def shown(paragraph) -> str:
    """The paragraph as every reading view shows it: '[…]' where a missing page cuts it."""
    return ("[…] " if paragraph.cut == "start" else "") + paragraph.text + (" […]" if paragraph.cut == "end" else "")


# ── jsonl ───────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def jsonl_records(corpus):
    from vr2018.export import jsonl

    text = jsonl(corpus)
    assert text.endswith("\n") and "\n\n" not in text
    return [json.loads(line) for line in text.splitlines()]


def test_jsonl_has_every_record_of_every_kind(corpus, jsonl_records):
    counts: dict[str, int] = {}
    for record in jsonl_records:
        counts[record["type"]] = counts.get(record["type"], 0) + 1
    assert counts == {
        "letter": 1,
        "section": len(corpus.sections),
        "paragraph": len(corpus.paragraphs),
        "gap": 3,
        "theme": len(corpus.themes),
        "reference": len(corpus.references),
        "motion": len(corpus.motions),
        "event": len(corpus.events),
        "person": len(corpus.people),
        "sentence": sum(len(sentences(p.text)) for p in corpus.paragraphs),
    }


def test_jsonl_sentences_are_those_read_json_lists(invoke, jsonl_records):
    got = [{k: v for k, v in r.items() if k != "type"} for r in jsonl_records if r["type"] == "sentence"]
    expected = [s for p in json.loads(invoke("read", "--json").stdout)["paragraphs"] for s in p["sentences"]]
    assert got == expected
    assert got[0]["id"] == "inleiding:1" and all(s["text_en"] for s in got)


def test_jsonl_paragraphs_are_verbatim_and_in_reading_order(corpus, jsonl_records):
    paragraphs = [r for r in jsonl_records if r["type"] == "paragraph"]
    assert [(p["id"], p["text"]) for p in paragraphs] == [(p.id, p.text) for p in corpus.paragraphs]


@pytest.mark.parametrize(
    "command, kind, pick",
    [
        (("read", "--json"), "paragraph", lambda out: out["paragraphs"]),
        (("read", "--json"), "section", lambda out: out["sections"]),
        (("motions", "--json"), "motion", lambda out: out),
        (("refs", "--json"), "reference", lambda out: out),
        (("timeline", "--json"), "event", lambda out: out),
        (("people", "--json"), "person", lambda out: out),
    ],
)
def test_jsonl_records_are_what_json_gives(invoke, jsonl_records, command, kind, pick):
    expected = pick(json.loads(invoke(*command).stdout))
    got = [{k: v for k, v in r.items() if k != "type"} for r in jsonl_records if r["type"] == kind]
    assert sorted(got, key=json.dumps) == sorted(expected, key=json.dumps)


def test_jsonl_theme_is_what_theme_json_gives(invoke, jsonl_records):
    theme = next(r for r in jsonl_records if r["type"] == "theme")
    shown = json.loads(invoke("theme", theme["id"], "--json").stdout)
    shown.pop("translation_notice")  # the output's, said once; a record never carries it (docs/json.md)
    assert {**shown, "type": "theme"} == theme


def test_jsonl_through_the_cli_is_utf8(invoke, corpus):
    out = export(invoke, "jsonl").stdout_bytes
    assert "Curaçao".encode() in out
    assert len(out.splitlines()) == sum(1 for _ in __import__("vr2018.export", fromlist=["records"]).records(corpus))


# ── csv ─────────────────────────────────────────────────────────────────────


def read_csv(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


@pytest.mark.parametrize("table", TABLES)
def test_csv_table_parses_back_with_a_header_and_crlf(invoke, table):
    raw = export(invoke, "csv", table).stdout_bytes
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"\r\n")
    assert raw.count(b"\r\n") >= 2  # a header and at least one row (multi-line cells may add more)
    rows = read_csv(raw)
    assert rows and all(None not in row for row in rows)  # no row longer than the header


def test_csv_paragraphs_verbatim_with_lists_joined(invoke, corpus):
    rows = read_csv(export(invoke, "csv", "paragraphs").stdout_bytes)
    assert [(r["id"], r["text"]) for r in rows] == [(p.id, p.text) for p in corpus.paragraphs]
    for row, paragraph in zip(rows, corpus.paragraphs, strict=True):
        for field in ("themes", "people", "places", "organisations", "references"):
            assert (row[field].split(";") if row[field] else []) == list(getattr(paragraph, field))
        assert row["cut"] == (paragraph.cut or "")
        assert row["gap_after"] in ("true", "false")


def test_csv_columns_are_the_json_field_names(invoke):
    expected = {
        "paragraphs": [
            "id",
            "section",
            "section_title",
            "section_title_en",
            "section_path",
            "section_path_en",
            "section_printed",
            "fragment",
            "position",
            "text",
            "text_en",
            "note_en",
            "cut",
            "gap_before",
            "gap_after",
            "themes",
            "people",
            "places",
            "places_en",
            "organisations",
            "organisations_en",
            "references",
            "dates",
        ],
        "points": ["theme", "number", "text", "text_en", "paragraphs"],
        "events": [
            "date",
            "precision",
            "display",
            "display_en",
            "as_written",
            "year_inferred",
            "label",
            "label_en",
            "paragraph",
            "source",
        ],
        "people": ["id", "name", "role", "role_en", "aliases", "paragraphs", "did", "did_en"],
        "statements": ["kind", "owner", "number", "paragraph", "text", "text_en"],
        "sections": ["id", "title", "title_en", "level", "parent", "printed", "heading_inferred", "paragraphs"],
        "gaps": [
            "after",
            "before",
            "after_fragment",
            "before_fragment",
            "cut_after",
            "cut_before",
            "headings",
            "headings_en",
        ],
        "themes": [
            "id",
            "title",
            "title_en",
            "aliases",
            "aliases_outside",
            "summary",
            "summary_en",
            "paragraphs",
            "motions",
            "people",
            "sections",
        ],
    }
    for table, header in expected.items():
        raw = export(invoke, "csv", table).stdout_bytes
        assert raw.split(b"\r\n")[0].decode().split(",") == header


# Which jsonl record each CSV table's rows are (the letter's row is flattened: see below).
CSV_KINDS = {
    "sections": "section",
    "paragraphs": "paragraph",
    "sentences": "sentence",
    "gaps": "gap",
    "themes": "theme",
    "events": "event",
    "people": "person",
    "motions": "motion",
    "references": "reference",
}


@pytest.mark.parametrize("table", TABLES)
def test_csv_every_text_column_has_its_english_beside_it(invoke, jsonl_records, table):
    """Every field with an English rendering in JSON has it in CSV too, and so does every list of
    statements (a person's did, a motion's done: each line's English on the same line of *_en)."""
    header = read_csv(export(invoke, "csv", table).stdout_bytes)[0].keys()
    kind = CSV_KINDS.get(table, table)
    records = [r for r in jsonl_records if r["type"] == kind]
    english = {k for r in records for k in r if k.endswith("_en")}
    english |= {f"{k}_en" for r in records for k, v in r.items() if k in ("did", "done")}
    if table == "letter":
        english |= {"signatory_offices_en"}
    if table in ("points", "statements"):
        english = {"text_en"}
    skipped = {"themes": {"points_en", "events_en", "gaps_en"}}.get(table, set())  # tables of their own
    assert english - skipped <= set(header), english - set(header)
    for column in header:  # and no English column without its Dutch (but a translator's note, ours alone)
        if column.endswith("_en"):
            assert column.removesuffix("_en") in header or column in ("signatory_offices_en", "note_en"), column


def test_csv_statements_english_line_for_line(invoke, corpus):
    for table, field, items in (("people", "did", corpus.people), ("motions", "done", corpus.motions)):
        rows = read_csv(export(invoke, "csv", table).stdout_bytes)
        for row, item in zip(rows, items, strict=True):
            statements = getattr(item, field)
            assert row[field].split("\n") == [s.text for s in statements] or not statements
            assert row[f"{field}_en"].split("\n") == [s.text_en for s in statements] or not statements


def test_csv_statements_link_every_statement_to_the_paragraphs_it_cites(invoke, corpus):
    rows = read_csv(export(invoke, "csv", "statements").stdout_bytes)
    ids = {p.id for p in corpus.paragraphs}
    assert all(r["paragraph"] in ids for r in rows if r["paragraph"])
    expected = []
    for theme in corpus.themes:
        expected += [("point", theme.id, n, p.text, p.text_en, p.sources) for n, p in enumerate(theme.points, 1)]
    for motion in corpus.motions:
        expected += [("done", motion.id, n, d.text, d.text_en, d.paragraphs) for n, d in enumerate(motion.done, 1)]
    for person in corpus.people:
        expected += [("did", person.id, n, d.text, d.text_en, d.paragraphs) for n, d in enumerate(person.did, 1)]
    for n, event in enumerate(corpus.events, 1):
        expected.append(("event", "", n, event.label, event.label_en, (event.paragraph,) if event.paragraph else ()))
    got = [(r["kind"], r["owner"], int(r["number"]), r["text"], r["text_en"], r["paragraph"]) for r in rows]
    want = [
        (kind, owner, n, text, text_en, paragraph)
        for kind, owner, n, text, text_en, cited in expected
        for paragraph in (list(dict.fromkeys(cited)) or [""])
    ]
    assert got == want
    assert {r["kind"] for r in rows} == {"point", "done", "did", "event"}
    events = read_csv(export(invoke, "csv", "events").stdout_bytes)  # an event's number is its row in csv events
    for row in (r for r in rows if r["kind"] == "event"):
        assert events[int(row["number"]) - 1]["label"] == row["text"]


def test_csv_letter_sections_and_gaps(invoke, corpus, jsonl_records):
    (letter,) = read_csv(export(invoke, "csv", "letter").stdout_bytes)
    meta = corpus.letter
    assert (letter["date"], letter["reference"], letter["title"]) == (meta.date, meta.reference, meta.title)
    assert letter["addressee"].split("\n") == list(meta.addressee)
    assert letter["sender_en"].split("\n") == list(meta.sender_en)
    assert letter["signatories"].split(";") == [s.name for s in meta.signatories]
    assert letter["signatory_offices_en"].split(";") == [s.office_en for s in meta.signatories]
    assert letter["signatory_people"].split(";") == [s.person or "" for s in meta.signatories]
    assert letter["earlier_letter"] == meta.earlier_letter
    assert letter["fragments"].split(";") == [f"{f.first_line}-{f.last_line}" for f in meta.fragments]
    sections = read_csv(export(invoke, "csv", "sections").stdout_bytes)
    assert [r["id"] for r in sections] == [s.id for s in corpus.sections]
    assert [r["title_en"] for r in sections] == [s.title_en for s in corpus.sections]
    gaps = read_csv(export(invoke, "csv", "gaps").stdout_bytes)
    assert [(g["after"], g["before"]) for g in gaps] == [
        (r["after"], r["before"]) for r in jsonl_records if r["type"] == "gap"
    ]
    assert any(g["headings"] and g["headings_en"] for g in gaps)


def test_csv_points_cite_paragraphs_that_exist(invoke, corpus):
    rows = read_csv(export(invoke, "csv", "points").stdout_bytes)
    assert len(rows) == sum(len(t.points) for t in corpus.themes)
    ids = {p.id for p in corpus.paragraphs}
    assert all(set(r["paragraphs"].split(";")) <= ids for r in rows)


def test_csv_sentences_cover_every_paragraph_verbatim(invoke, corpus):
    rows = read_csv(export(invoke, "csv", "sentences").stdout_bytes)
    assert list(rows[0]) == ["id", "paragraph", "number", "start", "end", "text", "text_en", "cut"]
    for paragraph in corpus.paragraphs:
        mine = [r for r in rows if r["paragraph"] == paragraph.id]
        assert mine, paragraph.id
        assert [r["id"] for r in mine] == [f"{paragraph.id}:{n}" for n in range(1, len(mine) + 1)]
        at = 0
        for row in mine:  # in order, verbatim, and only white space between them
            start, end = int(row["start"]), int(row["end"])
            assert paragraph.text[at:start].strip() == ""
            assert row["text"] == paragraph.text[start:end]
            at = end
        assert paragraph.text[at:].strip() == ""
        cuts = [(r["number"], r["cut"]) for r in mine if r["cut"]]
        expected = {"start": [("1", "start")], "end": [(str(len(mine)), "end")], None: []}[paragraph.cut]
        assert cuts == expected


def test_sqlite_sentences_are_the_csv_ones(invoke, db):
    rows = read_csv(export(invoke, "csv", "sentences").stdout_bytes)
    got = db.execute(
        "select id, paragraph, number, start, end, text, text_en, cut from sentence order by rowid"
    ).fetchall()
    assert [tuple(str(v) if v is not None else "" for v in row) for row in got] == [tuple(r.values()) for r in rows]
    assert db.execute("select text from sentence where id = 'myanmar-rohingya:1'").fetchone()[0].startswith("Zo hebben")


def test_csv_bom_only_when_asked(invoke):
    raw = export(invoke, "csv", "motions", "--bom").stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    assert read_csv(raw[3:])[0]["id"]


# ── sqlite ──────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def db(tmp_path_factory, corpus):
    from vr2018.export.sqlite import write_sqlite

    path = tmp_path_factory.mktemp("db") / "vr2018.db"
    write_sqlite(corpus, str(path))
    con = sqlite3.connect(path)
    yield con
    con.close()


def test_sqlite_paragraphs_verbatim(db, corpus):
    rows = db.execute("select id, text from paragraph order by position").fetchall()
    assert rows == [(p.id, p.text) for p in corpus.paragraphs]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("rohingya", "myanmar-rohingya"),
        ("curacao", "water-klimaat-expertise"),  # the letter writes Curaçao
        ("Curaçao", "water-klimaat-expertise"),
        ("haiti", "caribisch-perspectief"),  # Haïti
    ],
)
def test_sqlite_full_text_search_folds_accents(db, query, expected):
    found = [r[0] for r in db.execute("select id from paragraph_fts where paragraph_fts match ?", (query,))]
    assert expected in found


@pytest.mark.parametrize(
    "query, expected",
    [
        ("refugees", "myanmar-rohingya"),  # only in the English rendering
        ("starvation", "conflict-en-honger"),
    ],
)
def test_sqlite_full_text_search_covers_the_english(db, corpus, query, expected):
    found = [r[0] for r in db.execute("select id from paragraph_fts where paragraph_fts match ?", (query,))]
    assert expected in found
    assert query not in corpus.paragraph(expected).text.lower()
    only = [r[0] for r in db.execute("select id from paragraph_fts where text_en match ?", (query,))]
    assert expected in only and not db.execute("select id from paragraph_fts where text match ?", (query,)).fetchall()


def test_sqlite_english_is_the_data(db, corpus):
    assert dict(db.execute("select id, text_en from paragraph")) == {p.id: p.text_en for p in corpus.paragraphs}


def test_sqlite_keys_hold(db):
    assert db.execute("pragma foreign_key_check").fetchall() == []
    links = {
        (table, row[2], row[3])
        for (table,) in db.execute("select name from sqlite_master where type = 'table'")
        for row in db.execute(f"pragma foreign_key_list({table})")
    }
    for wanted in [
        ("paragraph", "section", "section"),
        ("point", "theme", "theme"),
        ("point_paragraph", "paragraph", "paragraph"),
        ("point_paragraph", "point", "point"),
        ("event", "paragraph", "paragraph"),
        ("motion", "reference", "reference"),
        ("paragraph_theme", "theme", "theme"),
        ("motion_done_paragraph", "paragraph", "paragraph"),
    ]:
        assert wanted in links


def test_sqlite_columns_are_the_json_field_names(db, corpus):
    """A table that holds one kind of --json object names its columns as the object's fields
    (plus its own row number or position), English siblings included."""
    from vr2018 import themes
    from vr2018.serialize.letter import (
        letter_json,
        paragraph_json,
        reference_json,
        section_json,
        signatory_json,
        statement_json,
    )
    from vr2018.serialize.motions import motion_json
    from vr2018.serialize.people import event_json, person_json
    from vr2018.serialize.themes import theme_json

    objects = {
        "letter": letter_json(corpus),
        "signatory": signatory_json(corpus.letter.signatories[0]),
        "section": section_json(corpus, corpus.sections[0]),
        "paragraph": paragraph_json(corpus, corpus.paragraphs[0]),
        "reference": reference_json(corpus, corpus.references[0]),
        "person": person_json(corpus, corpus.people[0]),
        "motion": motion_json(corpus, corpus.motions[0]),
        "event": event_json(corpus.events[0]),
        "theme": theme_json(corpus, themes.detail(corpus, corpus.themes[0])),
        "point": {"theme": "", **statement_json("", "", ())},
        "motion_done": {"motion": "", **statement_json("", "", ())},
        "person_did": {"person": "", **statement_json("", "", ())},
    }
    for table, fields in objects.items():
        columns = {row[1] for row in db.execute(f"pragma table_info({table})")} - {"id", "position", "number"}
        assert columns <= set(fields), (table, columns - set(fields))
        assert {f for f in fields if f.endswith("_en") and f.removesuffix("_en") in columns} <= columns, table
    assert {k for (k,) in db.execute("select distinct kind from reference")} == {"kamerstuk", "resolution"}


def test_sqlite_marks_a_theme_name_from_outside_the_letter(db, corpus):
    outside = set(db.execute("select theme, alias from theme_alias where outside").fetchall())
    assert outside == {(t.id, a) for t in corpus.themes for a in t.aliases_outside}
    assert ("sancties", "JCPOA") in outside
    inside = set(db.execute("select theme, alias from theme_alias where not outside").fetchall())
    assert inside == {(t.id, a) for t in corpus.themes for a in t.aliases}


def test_sqlite_counts_and_metadata(db, corpus):
    def count(table):
        return db.execute(f"select count(*) from {table}").fetchone()[0]

    assert count("point") == sum(len(t.points) for t in corpus.themes)
    assert count("event") == len(corpus.events)
    assert count("motion") == len(corpus.motions)
    assert count("person") == len(corpus.people)
    assert db.execute("select date, reference from letter").fetchall() == [
        (corpus.letter.date, corpus.letter.reference)
    ]
    point_links = db.execute(
        "select t.id, count(*) from point_paragraph pp join point pt on pt.id = pp.point join theme t on t.id = pt.theme"
        " group by t.id"
    ).fetchall()
    assert dict(point_links) == {t.id: sum(len(set(p.sources)) for p in t.points) for t in corpus.themes if t.points}


def test_sqlite_through_the_cli_and_the_sqlite3_tool(invoke, tmp_path):
    path = tmp_path / "vr2018.db"
    result = export(invoke, "sqlite", str(path))
    assert result.stdout == ""
    con = sqlite3.connect(path)
    assert con.execute("select count(*) from paragraph").fetchone()[0] > 20
    con.close()
    assert [p.name for p in tmp_path.iterdir()] == ["vr2018.db"]  # no temporary or journal file left
    if os.path.exists("/usr/bin/sqlite3"):
        out = subprocess.run(
            ["sqlite3", str(path), "select id from paragraph_fts where paragraph_fts match 'rohingya'"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "myanmar-rohingya" in out.split()


# ── markdown ────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def md_tokens(corpus):
    return MD.parse(markdown(corpus))


def _paragraph_inlines(tokens):
    return [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "paragraph_open"]


def test_markdown_every_paragraph_under_its_anchor_verbatim(corpus, md_tokens):
    inlines = _paragraph_inlines(md_tokens)
    anchor = re.compile(r'<a id="p-([^"]+)"></a>`¶ \1`')
    found = {}
    for i, inline in enumerate(inlines):
        if anchor.fullmatch(inline.content):
            assert [c.type for c in inline.children] == ["html_inline", "html_inline", "code_inline"]
            text = inlines[i + 1]
            # nothing became markup but a URL, which became a link whose text is the URL itself
            assert {c.type for c in text.children} <= {"text", "link_open", "link_close"}, text.content
            for n, child in enumerate(text.children):
                if child.type == "link_open":
                    assert text.children[n + 1].content == child.attrs["href"], child.attrs
            found[anchor.fullmatch(inline.content).group(1)] = "".join(
                c.content for c in text.children if c.type == "text"
            )
    assert found == {p.id: shown(p) for p in corpus.paragraphs}


def test_markdown_headings_are_the_letters_sections_then_ours(corpus, md_tokens):
    headings = [
        (md_tokens[i].tag, "".join(c.content for c in md_tokens[i + 1].children))
        for i, t in enumerate(md_tokens)
        if t.type == "heading_open"
    ]
    assert headings[0] == ("h1", corpus.letter.title)
    printed = [s.title for s in corpus.sections if s.printed]
    texts = [h[1] for h in headings]
    letter = texts[: texts.index("Themes")]
    assert [t for t in letter if t in printed] == printed
    # headings of ours: in brackets, in the text's language (Dutch here)
    missing = [f"[{s.title}]" for s in corpus.sections[1:] if not s.printed]
    assert [t for t in letter if t.startswith("[")] == missing
    for part in ("Themes", "Motions", "References", "Timeline", "People"):
        assert ("h2", part) in headings
    assert texts[texts.index("Themes") + 1 : texts.index("Motions")] == [th.title for th in corpus.themes]


def test_markdown_links_to_anchors_resolve(corpus, md_tokens):
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', markdown(corpus)))
    hrefs = [
        c.attrs["href"] for t in md_tokens if t.type == "inline" for c in t.children or [] if c.type == "link_open"
    ]
    internal = {h[1:] for h in hrefs if h.startswith("#")}
    assert internal and internal <= anchors
    # every point of every theme links to each paragraph it rests on
    assert {f"p-{s}" for t in corpus.themes for p in t.points for s in p.sources} <= internal
    external = {h for h in hrefs if not h.startswith("#")}
    assert {r.url for r in corpus.references if r.url} <= external


def test_markdown_marks_every_gap(corpus):
    text = markdown(corpus)
    from vr2018.letter.outline import gaps, outline

    assert text.count("Text missing: one or more pages") == sum(1 for kind, _ in outline(corpus) if kind == "gap")
    assert sum(1 for kind, _ in outline(corpus) if kind == "gap") == len(gaps(corpus))


def test_markdown_to_stdout_and_to_a_file_agree(invoke, tmp_path, corpus):
    out = export(invoke, "markdown").stdout_bytes
    assert out == markdown(corpus).encode("utf-8")
    path = tmp_path / "letter.md"
    export(invoke, "markdown", "-o", str(path))
    assert path.read_bytes() == out


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Zs"), blacklist_characters="\ufeff")
        | st.sampled_from(list(" -+*_`[]()<>!#&;:|~$=1.)\\")),
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
def test_escape_renders_as_the_text_itself(text):
    tokens = MD.parse(escape(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], escape(text)
    assert [(c.type, c.content) for c in tokens[1].children] == [("text", text)]


# ── files: whole or not at all ─────────────────────────────────────────────


def test_refuses_to_overwrite_without_force(invoke, tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("mine")
    line = one_line_failure(invoke("export", "csv", "people", "-o", str(path)), "exists", "--force")
    assert line.startswith("vr2018: ")
    assert path.read_text() == "mine"
    export(invoke, "csv", "people", "-o", str(path), "--force")
    assert path.read_bytes().startswith(b"id,name,role")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_sqlite_refuses_to_overwrite_without_force(invoke, tmp_path):
    path = tmp_path / "vr2018.db"
    path.write_bytes(b"precious")
    one_line_failure(invoke("export", "sqlite", str(path)), "exists")
    assert path.read_bytes() == b"precious"
    export(invoke, "sqlite", str(path), "--force")
    assert sqlite3.connect(path).execute("select count(*) from paragraph").fetchone()[0] > 20


@pytest.mark.parametrize(
    "args, words",
    [
        (("pdf",), ("unknown format 'pdf'", "markdown")),
        (("csv",), ("csv needs a TABLE", "paragraphs")),
        (("csv", "paragraph"), ("unknown table 'paragraph'", "paragraphs")),
        (("sqlite",), ("sqlite needs a FILE",)),
        (("markdown", "x.md"), ("-o x.md",)),
        (("jsonl", "--bom"), ("csv only",)),
    ],
)
def test_bad_usage_is_one_line(invoke, args, words):
    one_line_failure(invoke("export", *args), *words)


def test_unwritable_paths_are_one_line_and_leave_nothing(invoke, tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    for target in (tmp_path / "no-such-folder" / "out.md", a_file / "out.md", tmp_path):
        one_line_failure(invoke("export", "markdown", "-o", str(target)), "cannot write")
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def test_a_failure_while_writing_leaves_no_partial_file(invoke, tmp_path, monkeypatch):
    from vr2018.export import sqlite as engine

    def broken(corpus, path):
        with open(path, "wb") as f:
            f.write(b"half a database")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(engine, "write_sqlite", broken)
    old = tmp_path / "old.db"
    old.write_bytes(b"the old one")
    one_line_failure(invoke("export", "sqlite", str(tmp_path / "new.db")), "No space left")
    one_line_failure(invoke("export", "sqlite", str(old), "--force"), "No space left")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]
    assert old.read_bytes() == b"the old one"


def test_an_interrupted_export_leaves_no_partial_file(invoke, tmp_path, monkeypatch):
    from vr2018.export import sqlite as engine

    def interrupted(corpus, path):
        with open(path, "wb") as f:
            f.write(b"half a database")
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "write_sqlite", interrupted)
    assert invoke("export", "sqlite", str(tmp_path / "new.db")).exit_code == 130
    assert list(tmp_path.iterdir()) == []


def test_a_written_file_has_ordinary_permissions(invoke, tmp_path):
    path = tmp_path / "letter.jsonl"
    export(invoke, "jsonl", "-o", str(path))
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize(
    "fmt", [("markdown",), ("jsonl",), ("csv", "paragraphs"), ("sqlite", "{tmp}/x.db"), ("metadata",)]
)
def test_export_never_imports_rich(tmp_path, fmt):
    args = [a.format(tmp=tmp_path) for a in fmt]
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "vr2018", "export", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr[-500:]
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]
    assert "vr2018.export" in imported
    assert not [m for m in imported if m == "rich" or m.startswith("rich.")]


# ── docs/export.md: every transcript runs and prints what it shows ─────────
# tests/test_docs.py runs the vr2018-only examples of every page through the CLI
# runner; the `shellsession` transcripts of docs/export.md write files and use
# other tools (head, jq, sqlite3), so they run here, as processes, in a temporary folder.

DOCS = Path(__file__).resolve().parents[1] / "docs" / "export.md"


def _console_blocks() -> list[str]:
    return re.findall(r"```shellsession\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)


@pytest.mark.parametrize("block", _console_blocks())
def test_docs_example_prints_what_it_shows(block, tmp_path_factory):
    folder = tmp_path_factory.getbasetemp() / "docs-examples"  # one folder: later blocks use earlier files
    folder.mkdir(exist_ok=True)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    steps = re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block, re.MULTILINE)
    assert steps
    for command, expected in steps:
        tools = {"sqlite3", "jq"} & set(re.findall(r"[\w.]+", command))
        if any(shutil.which(t) is None for t in tools):
            pytest.skip(f"{' and '.join(sorted(tools))} not installed")
        done = subprocess.run(command, shell=True, cwd=folder, env=env, capture_output=True, text=True)
        assert (done.stdout + done.stderr).splitlines() == expected.splitlines(), command
        assert done.returncode == (2 if expected.startswith("vr2018: ") else 0), command


def test_outline_lays_out_gaps_where_read_shows_them(invoke, corpus):
    """outline (the Markdown's layout) and `read` agree on every paragraph and gap, in order."""
    from vr2018.letter.outline import gaps, outline

    shown_by_read = []
    for line in invoke("read").stdout.splitlines():
        if line.startswith("¶ "):
            shown_by_read.append(line[2:])
        elif "Tekst ontbreekt" in line or "Text missing" in line:
            shown_by_read.append("GAP")
    outline = [item.id if kind == "paragraph" else "GAP" for kind, item in outline(corpus) if kind != "section"]
    assert outline == shown_by_read
    assert outline.count("GAP") == len(gaps(corpus))


def _pandoc() -> str | None:
    try:
        import pypandoc  # type: ignore[import-not-found]

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return shutil.which("pandoc")


class _Html(HTMLParser):
    """What a reader made of the document: every id, every link, and the text outside links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.outside_links: list[str] = []
        self.in_link = 0

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if "id" in found:
            self.ids.append(found["id"])
        if tag == "a" and "href" in found:
            self.hrefs.append(found["href"])
            self.in_link += 1

    def handle_endtag(self, tag):
        if tag == "a" and self.in_link:
            self.in_link -= 1

    def handle_data(self, data):
        if not self.in_link:
            self.outside_links.append(data)


@pytest.fixture(scope="module")
def pandoc() -> str:
    found = _pandoc()
    if found is None:
        pytest.skip("pandoc is not installed")
    return found


@pytest.mark.parametrize("lang", ["nl", "both"])
@pytest.mark.parametrize("reader", ["commonmark", "gfm", "commonmark_x"])
def test_markdown_through_pandoc_keeps_every_paragraph_with_unique_ids_and_links(corpus, pandoc, reader, lang):
    """pandoc's three CommonMark readers: every paragraph verbatim (and in English beside it),
    no HTML id twice (a heading's id is never a paragraph's anchor: 'Afrikaanse Unie'), every
    in-document link lands on an id, and every URL is a link (the letter's own, under plain
    CommonMark too), the same links under every reader."""
    from vr2018.corpus.lang import BOTH, NL

    text = markdown(corpus, BOTH if lang == "both" else NL)

    def convert(to: str) -> str:
        done = subprocess.run(
            [pandoc, "-f", reader, "-t", to, "--wrap=none"], input=text, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    plain = convert("plain")
    assert [p.id for p in corpus.paragraphs if shown(p) not in plain] == []
    if lang == "both":
        english = [
            ("[…] " if p.cut == "start" else "") + p.text_en + (" […]" if p.cut == "end" else "")
            for p in corpus.paragraphs
        ]
        assert [e for e in english if e not in plain] == []
    html = _Html()
    html.feed(convert("html"))
    duplicates = {i for i in html.ids if html.ids.count(i) > 1}
    assert not duplicates, duplicates
    assert {f"p-{p.id}" for p in corpus.paragraphs} <= set(html.ids)
    internal = {h[1:] for h in html.hrefs if h.startswith("#")}
    assert internal and internal <= set(html.ids), internal - set(html.ids)
    external = {h for h in html.hrefs if not h.startswith("#")}
    expected = {r.url for r in corpus.references if r.url} | {corpus.letter.results_url, "https://www.rijksoverheid.nl"}
    assert external == expected
    bare = re.findall(r"(?:https?://|www\.)\S+", "".join(html.outside_links))
    assert bare == [], bare  # no URL left as plain text


def test_markdown_statements_never_end_in_empty_parentheses(corpus):
    from vr2018.corpus.lang import BOTH, EN, NL

    for lang in (NL, EN, BOTH):
        text = markdown(corpus, lang)
        assert "()" not in text and "( )" not in text
        assert text.count("(signature block, not a paragraph)") == sum(
            1 for person in corpus.people for did in person.did if not did.paragraphs
        )


@pytest.mark.parametrize(
    "words, expected",
    [
        ("vr2018 export ", ["markdown", "csv", "jsonl", "sqlite", "metadata"]),
        ("vr2018 export j", ["jsonl"]),
        ("vr2018 export csv p", ["paragraphs", "points", "people"]),
    ],
)
def test_export_completes_formats_and_tables(runner, words, expected):
    from vr2018.cli.main import app

    env = {"_VR2018_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    result = runner.invoke(app, [], env=env)
    assert result.exit_code == 0
    assert result.stdout.split() == expected


class _Paragraphs(HTMLParser):
    """The text of every <p> of an HTML document, as read (entities decoded, tags dropped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        if tag == "p":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.paragraphs[-1] += data


@pytest.mark.parametrize("reader", ["commonmark", "gfm", "commonmark_x"])
def test_markdown_prose_reads_back_as_itself_under_every_pandoc_reader(pandoc, reader):
    """400 random texts full of what Markdown reads as markup (CommonMark, GitHub's and pandoc's
    extensions: lists, fenced divs, smart quotes and dashes, superscripts), with URLs among them,
    each one paragraph written as the export writes text: each reads back as itself, as one
    paragraph, under all three readers (one pandoc run each). (A www address with '_' or '&' is
    left out: pandoc's gfm reader autolinks it again from the source, backslashes and all.)"""
    import random

    from vr2018.export.md import prose

    rng = random.Random(21)
    pieces = [*" -+*_`[]()<>!#&;:|~$=1.)\\'\"^{}@%aZé’…", "--", "...", "a.", "i)", ":::", "(a)", "#."]
    pieces += [
        " www.x.nl ",
        " !www.x.nl/ab. ",
        " https://a.nl/b_c ",
        " (https://a.nl/b?q=1&r=2). ",
        ' "https://a.nl/x" ',
    ]
    texts: list[str] = []
    while len(texts) < 400:
        text = " ".join("".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(1, 5)))
        if text.split():
            texts.append(" ".join(text.split()))  # pandoc keeps one space where several were
    document = "\n\n".join(prose(t) for t in texts)
    done = subprocess.run(
        [pandoc, "-f", reader, "-t", "html", "--wrap=none"], input=document, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    html = _Paragraphs()
    html.feed(done.stdout)
    assert len(html.paragraphs) == len(texts)
    wrong = [(t, prose(t), b) for t, b in zip(texts, html.paragraphs, strict=True) if b != t]
    assert not wrong, wrong[:5]


def test_markdown_links_a_resolution_by_its_symbol_marked_as_not_in_the_letter(invoke, corpus):
    md = invoke("export", "markdown").stdout
    for ref in corpus.references:
        if ref.symbol:
            assert f"[{ref.as_written}](<" not in md  # the letter's words do not open the UN's link
            line = next(line for line in md.splitlines() if f"(<{ref.url}>)" in line)
            assert "not in the letter: " in line and ref.adopted in line


def test_sqlite_resolutions_carry_their_outside_symbol_and_sources(db, corpus):
    rows = {r[0]: r[1:] for r in db.execute("select id, symbol, adopted, outside, sources from reference")}
    for ref in corpus.references:
        symbol, adopted, outside, sources = rows[ref.id]
        assert (symbol, adopted) == (ref.symbol, ref.adopted)
        if ref.symbol:
            assert "symbol" in outside and all(o.url in sources for o in ref.outside)
        else:
            assert outside is None and sources is None
