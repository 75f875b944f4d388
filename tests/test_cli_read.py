"""`vr2018 read`, `--version` and the bare command, through the real CLI."""

from __future__ import annotations

import gc
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
    assert set(data) == {"translation_notice", "letter", "sections", "paragraphs", "gaps"}
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

    from vr2018.cli.main import app
    from vr2018.cli.status import exit_codes

    for name in ["", *get_command(app).commands]:
        result = invoke(*([name] if name else []), "--help")
        assert result.exit_code == 0, name
        assert "Examples:\n" in result.stdout and "vr2018 " in result.stdout.split("Examples:")[1], name
        # only the statuses this command can return: `read` never finds nothing (issue 14)
        expected = exit_codes(name or None)
        assert expected in " ".join(result.stdout.split()), name
        # declared with each command (finds_nothing=True): these four, and the program as a whole
        assert ("1 nothing found" in expected) == (name in ("", "search", "motions", "people", "timeline")), name
    words = {name: " ".join(invoke(name, "--help").stdout.split()) for name in ("search", "read")}
    assert "Exit status: 0 found, 1 nothing found, 2 bad usage or bad data, 130 interrupted." in words["search"]
    assert "Exit status: 0 found, 2 bad usage or bad data, 130 interrupted." in words["read"]


def test_ctrl_c_while_starting_up_exits_130_without_a_traceback(monkeypatch):
    import pytest

    import vr2018.cli.main
    from vr2018.__main__ import run

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(vr2018.cli.main, "main", interrupted)
    try:
        with pytest.raises(SystemExit) as exit_:
            run()
    finally:  # run() is a process's entry point: it turns the collector off and freezes at exit
        gc.unfreeze()
        gc.enable()
    assert exit_.value.code == 130


def test_a_command_runs_with_the_collector_off_and_frozen_at_exit():
    """The entry point's garbage-collector handling (vr2018/__main__.py), seen from inside the process."""
    probe = (
        "import gc, sys; from vr2018.__main__ import run; sys.argv = ['vr2018', '--version']\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 1000)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split()[-2:] == ["False", "True"]


# ── help: usage lines, `vr2018 help` ─────────────────────────────────────────


def test_usage_lines_show_arguments_as_users_type_them(invoke):
    """QUERY... for several words, [ID] when optional, ID when required: never {QUERY}."""
    expected = {
        "search": "Usage: vr2018 search [OPTIONS] QUERY...",
        "show": "Usage: vr2018 show [OPTIONS] ID[:N]",
        "cite": "Usage: vr2018 cite [OPTIONS] [ID[:N]]",
        "people": "Usage: vr2018 people [OPTIONS] [NAME]...",
        "theme": "Usage: vr2018 theme [OPTIONS] [NAME]...",
        "motions": "Usage: vr2018 motions [OPTIONS] [QUERY]...",
        "export": "Usage: vr2018 export [OPTIONS] FORMAT [TABLE|FILE]",
        "help": "Usage: vr2018 help [OPTIONS] [COMMAND]",
    }
    for name, usage in expected.items():
        out = invoke(name, "--help").stdout
        assert out.startswith(usage + "\n"), out.splitlines()[0]
        assert "{" not in out.split("\n\n")[0], name
    assert "\n  QUERY...  What to look for" in invoke("search", "--help").stdout


def test_help_shows_the_overview_and_each_commands_help(invoke):
    overview = invoke()
    result = invoke("help")
    assert result.exit_code == 0 and result.stdout == overview.stdout
    assert "help COMMAND" in result.stdout
    for name in ("search", "read", "export", "help"):
        result = invoke("help", name)
        assert result.exit_code == 0 and result.stderr == ""
        assert result.stdout.rstrip("\n") == invoke(name, "--help").stdout.rstrip("\n"), name


def test_help_for_an_unknown_command_is_one_line_and_status_2(invoke):
    result = invoke("help", "bogus")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "vr2018: no command 'bogus' (see 'vr2018 help')\n"
    result = invoke("help", "serch")
    assert (result.exit_code, result.stderr) == (2, "vr2018: no command 'serch'; did you mean: search?\n")
