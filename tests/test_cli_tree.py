"""The console script builds only the command it runs (start-up), and everything else whole."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from vr2018.cli import main as cli

ALL = [cli._name(c) for c in cli.app.registered_commands]


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["search", "Rohingya"], ["search"]),
        (["export", "jsonl"], ["export"]),
        (["show", "iran-2231:1", "--lang", "en"], ["show"]),
        ([], ALL),  # the overview lists every command
        (["help", "search"], ALL),  # help shows another command's help
        (["serch", "x"], ALL),  # a misspelt command gets "did you mean"
        (["--help"], ALL),
        (["-V"], ALL),
        (["Search"], ALL),  # names are exact
    ],
)
def test_only_the_invoked_command_is_built(argv, expected, monkeypatch):
    monkeypatch.delenv("_VR2018_COMPLETE", raising=False)
    assert [cli._name(c) for c in cli.only_invoked(cli.app.registered_commands, argv)] == expected


def test_completion_keeps_the_whole_tree(monkeypatch):
    monkeypatch.setenv("_VR2018_COMPLETE", "complete_zsh")
    assert cli.only_invoked(cli.app.registered_commands, ["search"]) == cli.app.registered_commands


@pytest.mark.parametrize(
    "argv, status, out",
    [
        (["search", "Rohingya", "--json"], 0, '"myanmar-rohingya"'),
        (["help", "search"], 0, "Usage: vr2018 search"),
        (["serch", "x"], 2, ""),
        ([], 0, "toc"),
    ],
)
def test_the_console_script_runs_as_before(argv, status, out):
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from vr2018.cli.main import main; sys.argv[0] = 'vr2018'; main()", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "VR2018_NO_PAGER": "1"},
    )
    assert done.returncode == status, done.stderr
    assert out in done.stdout
    assert cli.app.registered_commands  # the module-level app is untouched in this process
