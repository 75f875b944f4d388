"""`--json` never imports Rich: serialize imports neither Rich nor a view, and no
command's --json pulls Rich in (checked in a real process with -X importtime)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

JSON_COMMANDS = [
    ["read"],
    ["show", "iran-2231", "-C", "1"],
    ["cite"],
    ["cite", "iran-2231"],
    ["info"],
    ["show", "myanmar-rohingya:2"],
    ["cite", "myanmar-rohingya:2"],
    ["timeline"],
    ["timeline", "--theme", "migratie"],
    ["people"],
    ["people", "kaag"],
    ["people", "qqqq"],
    ["theme"],
    ["theme", "klimaat", "--full"],
    ["motions"],
    ["motions", "--kamerstuk", "22045"],
    ["motions", "xyz"],
    ["refs"],
    ["search", "Rohingya"],
    ["search", "xyzzy"],
    ["search", "Rohingya", "--theme", "klimaat", "--section", "inleiding"],
]


def imported(*args: str) -> set[str]:
    """Every module a `python -m vr2018 ARGS` process imports."""
    env = {**os.environ, "VR2018_NO_PAGER": "1"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "vr2018", *args], capture_output=True, text=True, env=env
    )
    assert done.returncode in (0, 1), done.stderr[-500:]
    return {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}


def rich(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m == "rich" or m.startswith("rich."))


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_json_imports_no_rich(args):
    modules = imported(*args, "--json")
    assert "vr2018.cli.main" in modules  # the process ran the command
    assert rich(modules) == []
    assert not [m for m in modules if m.startswith("vr2018.views")]


def test_the_same_command_without_json_does_import_rich():
    """The check above can fail: text output goes through Rich."""
    assert "rich.console" in rich(imported("search", "Rohingya"))


def test_serialize_imports_neither_rich_nor_a_view():
    code = (
        "import sys, vr2018.serialize; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich' or m.startswith('vr2018.views')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_search_json_snippet_is_the_views_snippet(corpus):
    """One snippet for both outputs: the JSON's is the terminal view's text."""
    from vr2018.search import search
    from vr2018.serialize.search import search_json
    from vr2018.views.search import snippet_text

    results = search(corpus, "veiligheid")
    assert results.hits
    for hit, record in zip(results.hits, search_json(corpus, results), strict=True):
        assert record["snippet"] == snippet_text(hit.paragraph, hit.spans).plain
