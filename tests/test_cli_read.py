"""`vr2018 read`, `--version` and the bare command, through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys

from vr2018 import __version__


def test_version(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"vr2018 {__version__}\n"


def test_python_dash_m_works_from_anywhere(tmp_path):
    done = subprocess.run([sys.executable, "-m", "vr2018", "--version"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.strip() == f"vr2018 {__version__}"


def test_no_arguments_prints_an_overview(invoke):
    result = invoke()
    assert result.exit_code == 0
    assert "read" in result.stdout and "Usage" in result.stdout


def test_read_shows_header_sections_gaps_and_signatures(invoke, corpus):
    result = invoke("read")
    assert result.exit_code == 0
    out = result.stdout
    assert "BZDOC-151021554-15" in out and "15 februari 2019" in out
    assert "Tweede Kamer der Staten-Generaal" in out
    assert out.count("Text missing") == len(corpus.letter.fragments) - 1
    for section in corpus.sections:
        if section.printed:
            assert section.title in out
    for paragraph in corpus.paragraphs:
        assert f"¶ {paragraph.id}" in out
    assert "wapenembargo […]" in out and "[…] geleerde lessen" in out
    assert out.index("Stef Blok") > out.index("2033-2034")


def test_read_in_reading_order(invoke, corpus):
    out = invoke("read").stdout
    positions = [out.index(f"¶ {p.id}") for p in corpus.paragraphs]
    assert positions == sorted(positions)


def test_read_json_schema(invoke, corpus):
    result = invoke("read", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"letter", "sections", "paragraphs", "gaps"}
    assert [s["id"] for s in data["sections"]] == [s.id for s in corpus.sections]
    reform = next(s for s in data["sections"] if s["title"].startswith("VN-hervormingen"))
    assert reform["printed"] and reform["paragraphs"] == []  # a heading whose text is on a missing page
    assert len(data["gaps"]) == len(corpus.letter.fragments) - 1
    assert data["gaps"][0]["after"] == "myanmar-rohingya" and data["gaps"][0]["cut_after"]
    letter = data["letter"]
    assert letter["date"] == "2019-02-15"
    assert letter["reference"] == "BZDOC-151021554-15"
    assert letter["subject"] == "Koninkrijk der Nederlanden als lid van de VN Veiligheidsraad 2018"
    assert [s["name"] for s in letter["signatories"]] == ["Stef Blok", "Sigrid A.M. Kaag"]
    assert letter["earlier_letter"]["as_written"] == "Kamerstuk 26 150; nr. 168"
    ids = [p["id"] for p in data["paragraphs"]]
    assert ids == [p.id for p in corpus.paragraphs]
    for record in data["paragraphs"]:
        assert {"id", "section", "fragment", "text", "cut", "themes", "references", "dates"} <= set(record)


def test_read_unknown_option_is_one_line_exit_2(invoke):
    result = invoke("read", "--bogus")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "--bogus" in result.stderr


def test_unknown_command(invoke):
    result = invoke("raed")
    assert result.exit_code == 2
    assert result.stderr.startswith("vr2018: No such command 'raed'")


def test_every_help_shows_examples_and_exit_codes(invoke):
    from typer.main import get_command

    from vr2018.cli import app

    for name in ["", *get_command(app).commands]:
        result = invoke(*([name] if name else []), "--help")
        assert result.exit_code == 0, name
        assert "Examples:\n" in result.stdout and "vr2018 " in result.stdout.split("Examples:")[1], name
        assert "Exit status: 0 found, 1 nothing found, 2 bad usage or bad data." in result.stdout, name


def test_ctrl_c_while_starting_up_exits_130_without_a_traceback(monkeypatch):
    import pytest

    import vr2018.cli
    from vr2018.__main__ import run

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(vr2018.cli, "main", interrupted)
    with pytest.raises(SystemExit) as exit_:
        run()
    assert exit_.value.code == 130
