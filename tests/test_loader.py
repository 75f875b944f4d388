"""The loader validates on load and names the file, the record and the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vr2018 import DataError, load_corpus
from vr2018.corpus import DATA_FILES, data_dir


def edit(folder: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = folder / f"{name}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}.toml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def error_for(folder: Path) -> str:
    with pytest.raises(DataError) as info:
        load_corpus(folder)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_bundled_data_loads_and_is_cached(corpus):
    assert load_corpus() is corpus
    assert len(corpus.paragraphs) >= 20
    assert corpus.letter.reference == "BZDOC-151021554-15"


def test_data_dir_holds_every_file():
    folder = data_dir()
    for name in DATA_FILES:
        assert (folder / f"{name}.toml").is_file(), name
    assert (folder / "source" / "kamerbrief-2019-02-15.txt").is_file()


def test_public_api_is_small():
    import vr2018

    assert set(vr2018.__all__) == {"DataError", "load_corpus", "__version__"}


def test_missing_file(data_copy):
    (data_copy / "themes.toml").unlink()
    assert error_for(data_copy).startswith("data/themes.toml: file not found")


def test_not_utf8(data_copy):
    (data_copy / "people.toml").write_bytes("[[person]]\nid = \"caf\xe9\"\n".encode("latin-1"))
    assert error_for(data_copy).startswith("data/people.toml: not UTF-8")


def test_invalid_toml_names_line_and_column(data_copy):
    edit(data_copy, "paragraphs", 'id = "opcw-hack"', 'id = "opcw-hack')
    message = error_for(data_copy)
    assert message.startswith("data/paragraphs.toml: invalid TOML")
    assert "line" in message and "column" in message


def test_missing_field(data_copy):
    edit(data_copy, "paragraphs", 'id = "opcw-hack"\nsection = "fragment-2-zonder-kop"\n', 'id = "opcw-hack"\n')
    assert error_for(data_copy) == "data/paragraphs.toml: paragraph 'opcw-hack': field 'section' is missing"


def test_wrong_type(data_copy):
    edit(data_copy, "paragraphs", 'id = "opcw-hack"\nsection = "fragment-2-zonder-kop"\nfragment = 2', 'id = "opcw-hack"\nsection = "fragment-2-zonder-kop"\nfragment = "2"')
    assert error_for(data_copy) == "data/paragraphs.toml: paragraph 'opcw-hack': field 'fragment': expected an integer, got a string"


def test_empty_text(data_copy):
    path = data_copy / "paragraphs.toml"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = ['text = " "' if line.startswith('text = "De Raad bood') else line for line in lines]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert error_for(data_copy) == (
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'text': expected a non-empty string, got an empty string"
    )


def test_duplicate_id(data_copy):
    edit(data_copy, "paragraphs", 'id = "opcw-hack"', 'id = "iran-2231"')
    assert error_for(data_copy) == "data/paragraphs.toml: paragraph 'iran-2231': duplicate id 'iran-2231'"


def test_dangling_theme(data_copy):
    edit(data_copy, "paragraphs", 'themes = ["sancties"]\nplaces = ["Den Haag"]', 'themes = ["sanctions"]\nplaces = ["Den Haag"]')
    assert error_for(data_copy) == "data/paragraphs.toml: paragraph 'opcw-hack': field 'themes': no theme 'sanctions'"


def test_dangling_point_source(data_copy):
    edit(data_copy, "themes", 'sources = ["opcw-hack"]', 'sources = ["opcw-hak"]')
    message = error_for(data_copy)
    assert message.startswith("data/themes.toml: theme 'sancties': points #")
    assert message.endswith("field 'sources': no paragraph 'opcw-hak'")


def test_dangling_motion_reference(data_copy):
    edit(data_copy, "motions", 'reference = "kst-22045-290"', 'reference = "kst-22045-291"')
    assert error_for(data_copy) == "data/motions.toml: motion 'kuzu-wapenembargo': field 'reference': no reference 'kst-22045-291'"


def test_unknown_field_is_a_typo(data_copy):
    edit(data_copy, "people", 'id = "trump"\nname = "Trump"', 'id = "trump"\nnaam = "Trump"')
    assert error_for(data_copy) == "data/people.toml: person 'trump': unknown field 'naam'"


def test_bad_event_date(data_copy):
    edit(data_copy, "events", 'date = "2018-04"', 'date = "april 2018"')
    assert "field 'date': expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY" in error_for(data_copy)


def test_bad_cut_value(data_copy):
    edit(data_copy, "paragraphs", 'cut = "start"', 'cut = "begin"')
    assert error_for(data_copy) == "data/paragraphs.toml: paragraph 'europese-samenwerking-legacy': field 'cut': expected 'start' or 'end', got 'begin'"


def test_cli_reports_bad_data_in_one_line(invoke, data_copy, monkeypatch):
    edit(data_copy, "paragraphs", 'id = "opcw-hack"', 'id = "iran-2231"')
    monkeypatch.setenv("VR2018_DATA", str(data_copy))
    result = invoke("read", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "vr2018: bad data: data/paragraphs.toml: paragraph 'iran-2231': duplicate id 'iran-2231'\n"
    assert "Traceback" not in result.output


def test_json_of_read_round_trips(invoke):
    result = invoke("read", "--json")
    assert json.loads(result.stdout)["letter"]["reference"] == "BZDOC-151021554-15"
