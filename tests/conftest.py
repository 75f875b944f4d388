"""Shared fixtures (the corpus, a CLI runner, a writable copy of the data) and the helpers
every test file uses the same way (``from conftest import calm, one_line_failure, run``):
a command run as a process, and the contract every run keeps."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import typer.main
import typer.testing
from typer.testing import CliRunner

# The tests never touch the user's cache: each run gets a fresh cache folder
# (set before anything loads the corpus; subprocesses inherit it).
os.environ["VR2018_CACHE"] = tempfile.mkdtemp(prefix="vr2018-test-cache-")

from vr2018 import load_corpus  # noqa: E402
from vr2018.cli.main import app  # noqa: E402
from vr2018.corpus.load import data_dir  # noqa: E402
from vr2018.text.clean import TERMINAL_ACTIVE  # noqa: E402

# Typer's CliRunner builds the whole Click command tree (every command, every parameter)
# on every invoke: a large part of the in-process tests' time. The tree depends only on
# the app, which no test changes: each app's is built once, as a process builds it once.
_built: dict[typer.Typer, Any] = {}


def _command_of(app: typer.Typer) -> Any:
    command = _built.get(app)
    if command is None:
        command = _built[app] = typer.main.get_command(app)
    return command


typer.testing._get_command = _command_of


@pytest.fixture(scope="session")
def corpus():
    return load_corpus()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def invoke(runner, monkeypatch):
    """Run the CLI as a user would, with no pager and no colour."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("VR2018_NO_PAGER", "1")
    monkeypatch.delenv("VR2018_LANG", raising=False)  # the user's default language never reaches a test
    for name in LOCALE:  # nor the user's locale: a test that wants one sets it
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")

    def run(*args: str, **kwargs):
        return runner.invoke(app, list(args), **kwargs)

    return run


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data folder, for breaking on purpose."""
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


@pytest.fixture(scope="session")
def source_text(corpus) -> str:
    """The letter exactly as supplied (data/source/), the reference the data is held against."""
    return (corpus.data_dir / corpus.letter.source).read_text(encoding="utf-8")


# ── helpers shared by the test files ────────────────────────────────────────

# Variables that would change how a process draws: each test that wants one sets it.
_DRAWING = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES", "TERM")
# The locale's variables, as gettext reads them: they choose the interface's language and the
# text's default one, so every test starts from the C locale and sets the one it wants.
LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "VR2018_LANG")


def run(args: list[str], env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """``python -m vr2018 ARGS`` as a process (output as bytes), with no pager and a clean
    environment: no colour or size variables unless ``env`` gives them, UTF-8 streams."""
    base = {k: v for k, v in os.environ.items() if k not in _DRAWING and k not in LOCALE}
    base.update({"VR2018_NO_PAGER": "1", "PYTHONIOENCODING": "utf-8", "TERM": "xterm-256color", "LANG": "C.UTF-8"})
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "vr2018", *args], check=False, capture_output=True, env=base, timeout=60, **kwargs
    )


def _streams(result: Any) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of a CliRunner result or of a finished process."""
    if isinstance(result, subprocess.CompletedProcess):
        out, err = result.stdout or "", result.stderr or ""
        if isinstance(out, bytes):
            out = out.decode("utf-8", "replace")
        if isinstance(err, bytes):
            err = err.decode("utf-8", "replace")
        return result.returncode, out, err
    return result.exit_code, result.stdout, result.stderr


def calm(result: Any, codes: Iterable[int] = (0, 1, 2), note: bool = False) -> str:
    """The contract every run keeps (in process or as a process): a listed exit status, no
    traceback or internal error, nothing a terminal acts on in stdout or stderr, and on
    stderr nothing after success (with ``note``, at most one 'vr2018: ' line, such as the
    cache's note that it cannot be saved), one 'vr2018: ' line after a failure. Returns stderr."""
    code, out, err = _streams(result)
    assert code in tuple(codes), (code, out[-300:], err)
    assert "Traceback" not in out + err and "internal error" not in err, err
    assert not TERMINAL_ACTIVE.search(out), repr(TERMINAL_ACTIVE.search(out))
    assert not TERMINAL_ACTIVE.search(err), repr(err)
    if code == 0 and note:
        assert err == "" or (err.count("\n") == 1 and err.startswith("vr2018: ")), err
    elif code == 0:
        assert err == "", err
    else:
        assert err.count("\n") == 1 and err.startswith("vr2018: "), err
    return err


def one_line_failure(result: Any, *words: str, code: int = 2) -> str:
    """A failure as every command reports it: exit status ``code``, nothing on stdout, one
    'vr2018: ' line on stderr holding each of ``words``. Returns that line, without its newline."""
    err = calm(result, (code,))
    assert _streams(result)[1] == ""
    line = err.rstrip("\n")
    for word in words:
        assert word in line, (word, line)
    return line
