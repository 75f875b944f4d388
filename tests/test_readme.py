"""Every example in README.md runs as written.

Each `vr2018 …` line of a ```sh block is run through the real CLI (the part
before a pipe; a trailing `# comment` is not an argument) and must succeed,
print something, and print valid JSON with --json. Each ```console block shows
a failing command and the exact lines it prints on stderr.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
SETUP = README.split("## Usage")[0]


def sh_examples() -> list[list[str]]:
    out = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL):
        for line in block.splitlines():
            words = shlex.split(line.split("|")[0], comments=True)
            if words and words[0] == "vr2018":
                out.append(words[1:])
    return out


EXAMPLES = sh_examples()
CONSOLE = re.findall(r"```console\n(.*?)```", README, re.DOTALL)


def test_readme_opens_with_exactly_two_setup_commands():
    block = re.search(r"```sh\n(.*?)```", SETUP, re.DOTALL).group(1).strip().splitlines()
    assert block == ['pip install . && vr2018 search Rohingya', 'pip install ".[test]" && python -m pytest']


def test_every_command_has_an_example():
    from typer.main import get_command

    from vr2018.cli import app

    commands = set(get_command(app).commands)
    assert commands <= {args[0] for args in EXAMPLES if args}


@pytest.mark.parametrize("args", EXAMPLES, ids=" ".join)
def test_sh_example_runs(invoke, args):
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout
    if "--json" in args:
        json.loads(result.stdout)


@pytest.mark.parametrize("block", CONSOLE)
def test_console_example_prints_what_it_shows(invoke, block):
    command, *expected = block.strip().splitlines()
    assert command.startswith("$ vr2018 ")
    result = invoke(*shlex.split(command[2:])[1:])
    assert result.exit_code != 0
    assert result.stderr.splitlines() == expected
