"""Types at the edges: what a user of the Python API and of the commands' functions gets from mypy.

The package ships ``py.typed``, its records are read as keyword-only frozen dataclasses
(``dataclass_transform`` on :class:`vr2018.corpus.record.Record`), and the command decorator keeps
each command's signature. One mypy run over a small snippet checks all three, as an
installed package is checked (skipped where mypy is not installed; CI installs it).
"""

import importlib.util
import re
import subprocess
import sys
from importlib.resources import files

import pytest

SNIPPET = """\
from pathlib import Path

import typer

from vr2018 import load_corpus
from vr2018.cli.commands.search import search
from vr2018.corpus.model import Corpus, Paragraph

reveal_type(load_corpus)
reveal_type(search)
ok = Paragraph(id="x", section="s", fragment=1, text="t")
Paragraph(idd="x", fragment="1")
Paragraph(id="x", section="s", fragment=1)
ok.text = "changed"


def _command_call(ctx: typer.Context) -> None:
    search(ctx, ["Rohingya"], limit="3")


Corpus(letter=load_corpus().letter, data_dir=Path("."))
"""


def test_py_typed_ships_with_the_package():
    assert files("vr2018").joinpath("py.typed").is_file()


@pytest.fixture(scope="module")
def mypy_says(tmp_path_factory):
    """mypy's report on SNIPPET, line number → its messages."""
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed")
    folder = tmp_path_factory.mktemp("types")
    (folder / "snippet.py").write_text(SNIPPET, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(folder / "cache"),
            "snippet.py",
        ],
        cwd=folder,  # no project configuration: the package as an installed one is checked
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 2: mypy itself failed
    said: dict[int, list[str]] = {}
    for line in done.stdout.splitlines():
        found = re.match(r"snippet\.py:(\d+): (?:error|note): (.*)", line)
        assert found, line
        said.setdefault(int(found.group(1)), []).append(
            found.group(2).replace("builtins.", "")
        )  # as mypy < 1.11 wrote types
    return said


def line_of(code):
    return SNIPPET.splitlines().index(code) + 1


def test_the_package_is_typed_for_its_users(mypy_says):
    """load_corpus and the commands are seen with their types (not Any: py.typed, a typed decorator)."""
    (load,) = mypy_says[line_of("reveal_type(load_corpus)")]
    assert load.startswith('Revealed type is "def (path:') and load.endswith('-> vr2018.corpus.model.Corpus"')
    (command,) = mypy_says[line_of("reveal_type(search)")]
    assert command.startswith('Revealed type is "def (ctx: typer.models.Context, query: list[str], limit: int =')
    assert command.endswith('-> vr2018.cli.status.ExitStatus"')


def test_a_record_is_constructed_only_with_its_fields(mypy_says):
    assert line_of('ok = Paragraph(id="x", section="s", fragment=1, text="t")') not in mypy_says
    wrong = mypy_says[line_of('Paragraph(idd="x", fragment="1")')]
    assert any('Unexpected keyword argument "idd" for "Paragraph"' in m for m in wrong), wrong
    assert any('Argument "fragment" to "Paragraph" has incompatible type "str"; expected "int"' in m for m in wrong)
    (missing,) = mypy_says[line_of('Paragraph(id="x", section="s", fragment=1)')]
    assert 'Missing named argument "text" for "Paragraph"' in missing
    corpus = mypy_says[line_of('Corpus(letter=load_corpus().letter, data_dir=Path("."))')]
    assert any(re.match(r'Missing named arguments? .*"sections"', m) for m in corpus), corpus


def test_a_record_is_read_only(mypy_says):
    (assigned,) = mypy_says[line_of('ok.text = "changed"')]
    assert 'Property "text" defined in "Paragraph" is read-only' in assigned


def test_a_command_keeps_its_signature(mypy_says):
    (call,) = mypy_says[line_of('    search(ctx, ["Rohingya"], limit="3")')]
    assert 'Argument "limit" to "search" has incompatible type "str"; expected "int"' in call


def test_corpus_init_names_every_field():
    """Corpus spells its fields out in __init__ for type checkers: the same names, in order."""
    import inspect

    from vr2018.corpus.model import Corpus

    assert list(inspect.signature(Corpus.__init__).parameters)[1:] == list(Corpus._fields)
