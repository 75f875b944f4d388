"""The README's examples for theme, motions and refs run as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
SECTIONS = ("### `vr2018 theme`", "### `vr2018 motions`", "### `vr2018 refs`")


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(title)
    end = re.compile(r"^##", re.MULTILINE).search(text, start + len(title))
    return text[start : end.start() if end else len(text)]


def blocks(kind: str) -> list[tuple[str, str]]:
    out = []
    for title in SECTIONS:
        out += [(title, b) for b in re.findall(rf"```{kind}\n(.*?)```", section(title), re.DOTALL)]
    return out


SH = [line for _, block in blocks("sh") for line in block.splitlines() if line.strip()]
CONSOLE = [block for _, block in blocks("console")]


def test_every_section_has_examples():
    for title in SECTIONS:
        assert "```sh" in section(title), title


@pytest.mark.parametrize("line", SH)
def test_sh_example_runs(invoke, line):
    args = shlex.split(line)
    assert args[0] == "vr2018"
    result = invoke(*args[1:])
    assert result.exit_code == 0, f"{line}: {result.stderr}"
    assert result.stdout


@pytest.mark.parametrize("block", CONSOLE)
def test_console_example_prints_what_it_shows(invoke, block):
    command, *expected = block.strip().splitlines()
    assert command.startswith("$ vr2018 ")
    result = invoke(*shlex.split(command[2:])[1:])
    assert result.exit_code != 0
    assert result.stderr.splitlines() == expected
