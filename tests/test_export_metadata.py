"""`vr2018 export metadata`: Datasette's metadata for the SQLite export. It is valid JSON, it
describes every table and column of the database and nothing else, its label and search
settings name what exists, every full-text index answers in both languages with accents
folded, and it gives no address that is not in the data."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3

import pytest

from vr2018.export.metadata import LICENSE_URL, metadata
from vr2018.export.sqlite import FTS_TABLES, TOKENIZE, write_sqlite

SHADOW = re.compile(r"_fts_(data|idx|docsize|config|content)$")  # FTS5's own tables, which Datasette hides


@pytest.fixture(scope="module")
def database(tmp_path_factory, corpus):
    path = tmp_path_factory.mktemp("metadata") / "vr2018.db"
    write_sqlite(corpus, str(path))
    return path


@pytest.fixture(scope="module")
def db(database):
    con = sqlite3.connect(database)
    yield con
    con.close()


@pytest.fixture(scope="module")
def tables(corpus):
    return metadata(corpus)["databases"]["vr2018"]["tables"]


def columns(db, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"pragma table_info({table})")]


def test_the_cli_writes_valid_json_with_title_source_and_licence(invoke, corpus, tmp_path):
    result = invoke("export", "metadata")
    assert result.exit_code == 0, result.stderr
    found = json.loads(result.stdout)
    assert found == metadata(corpus)
    for key in ("title", "description", "source", "license", "license_url"):
        assert isinstance(found[key], str) and found[key], key
    letter = corpus.letter
    assert letter.reference in found["source"] and "15 February 2019" in found["source"]
    assert all(s.name in found["source"] for s in letter.signatories)
    assert found["license"] == "MIT"  # as pyproject.toml says of the package, which ships the data
    path = tmp_path / "metadata.json"
    assert invoke("export", "metadata", "-o", str(path)).exit_code == 0
    assert json.loads(path.read_text(encoding="utf-8")) == found


def test_no_address_that_is_not_in_the_data(corpus):
    """The letter has no checked public address in the data, so there is no source_url: the
    only links are the licence's and the one the letter itself gives."""
    text = json.dumps(metadata(corpus))
    assert set(re.findall(r"https?://[^\"\s]+", text)) == {LICENSE_URL, corpus.letter.results_url}
    assert "source_url" not in metadata(corpus)


def test_the_database_is_named_as_datasette_names_its_file(invoke):
    for target, name in (("letter.db", "letter"), ("data/vr2018-2019.sqlite", "vr2018-2019")):
        result = invoke("export", "metadata", target)
        assert list(json.loads(result.stdout)["databases"]) == [name]
    result = invoke("export", "metadata", "metadata.json")  # the output file given as the database
    assert result.exit_code == 2 and "-o metadata.json" in result.stderr and result.stdout == ""


def test_every_table_and_column_is_described_and_exists(db, tables):
    existing = {
        name for (name,) in db.execute("select name from sqlite_master where type = 'table'") if not SHADOW.search(name)
    }
    assert set(tables) == existing, set(tables) ^ existing
    for name, table in tables.items():
        assert table["description"].strip(), name
        assert set(table["columns"]) == set(columns(db, name)), (name, set(table["columns"]) ^ set(columns(db, name)))
        assert all(text.strip() for text in table["columns"].values()), name


def test_labels_sorts_and_search_name_what_exists(db, tables):
    for name, table in tables.items():
        for key in ("label_column", "sort"):
            if key in table:
                assert table[key] in columns(db, name), (name, key)
        if "fts_table" in table:
            fts = table["fts_table"]
            sql = db.execute("select sql from sqlite_master where name = ?", (fts,)).fetchone()[0]
            assert "fts5" in sql.lower() and TOKENIZE in sql, fts
    assert {name: t["fts_table"] for name, t in tables.items() if "fts_table" in t} == FTS_TABLES
    # every table another one points at names its rows by more than an id, but a paragraph (whose id is its name)
    targets = {
        row[2]
        for (name,) in db.execute("select name from sqlite_master where type = 'table'")
        for row in db.execute(f"pragma foreign_key_list({name})")
    }
    assert targets - {t for t in tables if "label_column" in tables[t]} <= {"paragraph", "fragment", "gap"}


@pytest.mark.parametrize(
    ("table", "key", "dutch", "english", "expected"),
    [
        ("paragraph", "id", "curacao", "refugees", ("water-klimaat-expertise", "myanmar-rohingya")),
        ("sentence", "id", "curacao", "refugees", ("water-klimaat-expertise:3", "myanmar-rohingya:2")),
        ("point", "theme", "curacao", "curacao", ("caribisch", "caribisch")),
        ("person", "id", "ondertekende", "signed", ("kaag", "kaag")),
    ],
)
def test_full_text_search_answers_as_datasette_asks_in_both_languages(db, table, key, dutch, english, expected):
    """Datasette's table search: rows whose rowid the index matches (its fts_pk is rowid)."""
    fts = FTS_TABLES[table]

    def search(words: str) -> list[str]:
        query = f"select {key} from {table} where rowid in (select rowid from {fts} where {fts} match ?) order by rowid"
        return [row[0] for row in db.execute(query, (words,))]

    assert expected[0] in search(dutch)
    assert expected[1] in search(english)
    assert expected[0] in search(dutch.upper())  # case and accents folded
    if dutch == "curacao":
        assert expected[0] in search("Curaçao")


def test_person_search_covers_names_roles_and_deeds(db, corpus):
    def found(words: str) -> set[str]:
        return {
            r[0]
            for r in db.execute(
                "select id from person where rowid in (select rowid from person_fts where person_fts match ?)", (words,)
            )
        }

    def phrase(text: str) -> str:  # an FTS5 string: "…" with any " doubled
        return '"' + text.replace('"', '""') + '"'

    for person in corpus.people:
        assert person.id in found(phrase(person.name)), person.id
        for alias in person.aliases:
            assert person.id in found(phrase(alias)), alias
        assert person.id in found("role : " + phrase(person.role)), person.role
        if person.role_en:
            assert person.id in found("role_en : " + phrase(person.role_en)), person.role_en
        for did in person.did:
            assert person.id in found("did : " + phrase(did.text)) and person.id in found(
                "did_en : " + phrase(did.text_en)
            )


def test_datasette_serves_the_database_with_the_metadata(database, corpus):
    """If Datasette is installed: pages, named foreign keys and a search on each searchable table."""
    datasette_app = pytest.importorskip("datasette.app")
    ds = datasette_app.Datasette([str(database)], metadata=metadata(corpus))

    async def get(path: str):
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        return response

    async def check() -> None:
        index = await get("/")
        assert corpus.letter.reference in index.text and "MIT" in index.text
        for table, word, expected in (
            ("paragraph", "curacao", "water-klimaat-expertise"),
            ("sentence", "refugees", "myanmar-rohingya:2"),
            ("point", "curacao", "caribisch"),
            ("person", "pompeo", "blok"),
        ):
            rows = (await get(f"/vr2018/{table}.json?_search={word}&_shape=array&_labels=on")).json()
            key = "theme" if table == "point" else "id"
            values = [r[key]["value"] if isinstance(r[key], dict) else r[key] for r in rows]
            assert expected in values, (table, values)
        links = (await get("/vr2018/paragraph_theme.json?_shape=array&_labels=on&_size=200")).json()
        assert {"value": "afrikaanse-unie", "label": "Afrikaanse Unie"} in [r["theme"] for r in links]

    asyncio.run(check())
