"""Shared fixtures: the corpus, a CLI runner, and a writable copy of the data."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

# The tests never touch the user's cache: each run gets a fresh cache folder
# (set before anything loads the corpus; subprocesses inherit it).
os.environ["VR2018_CACHE"] = tempfile.mkdtemp(prefix="vr2018-test-cache-")

from vr2018 import load_corpus  # noqa: E402
from vr2018.cli import app  # noqa: E402
from vr2018.corpus import data_dir  # noqa: E402


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
