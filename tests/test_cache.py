"""The corpus cache: faster start-up, never a different answer."""

from __future__ import annotations

import os
import pickle

import pytest

from vr2018 import corpus as corpus_module
from vr2018.corpus import Corpus, _load, _load_cached, _save, cache_file
from vr2018.search import index_for


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("VR2018_CACHE", str(folder))
    return folder


def fresh(folder):
    """Load as a new process would: through the cache file, not the in-memory copy."""
    return _load_cached(folder)


def same_content(a: Corpus, b: Corpus) -> bool:
    return (a.letter, a.sections, a.paragraphs, a.references, a.motions, a.people, a.events, a.themes, a.glossary) == (
        b.letter, b.sections, b.paragraphs, b.references, b.motions, b.people, b.events, b.themes, b.glossary
    )


def test_cache_round_trip_gives_the_same_corpus_and_index(cache_dir, data_copy, monkeypatch):
    first = fresh(data_copy)
    index = index_for(first)
    _save(first, cache_file(data_copy))
    assert cache_file(data_copy).is_file()

    monkeypatch.setattr(corpus_module, "_load", lambda folder: pytest.fail("the TOML was parsed again"))
    second = fresh(data_copy)
    assert second is not first and same_content(first, second)
    assert index_for(second).vocabulary == index.vocabulary  # derived data came from the cache too
    assert second.paragraph("iran-2231") == first.paragraph("iran-2231")


def test_editing_a_data_file_invalidates_the_cache(cache_dir, data_copy):
    before = cache_file(data_copy)
    _save(fresh(data_copy), before)
    path = data_copy / "people.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('role = "Amerikaanse president"', 'role = "President"'),
                    encoding="utf-8")
    after = cache_file(data_copy)
    assert after != before
    assert fresh(data_copy).person("trump").role == "President"


def test_saving_removes_caches_of_earlier_data(cache_dir, data_copy):
    _save(fresh(data_copy), cache_file(data_copy))
    path = data_copy / "people.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _save(fresh(data_copy), cache_file(data_copy))
    assert [p.name for p in cache_dir.glob("corpus-*.pickle")] == [cache_file(data_copy).name]


def test_a_damaged_cache_file_is_ignored(cache_dir, data_copy):
    path = cache_file(data_copy)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert same_content(fresh(data_copy), _load(data_copy))


def test_a_cache_holding_something_else_is_ignored(cache_dir, data_copy):
    path = cache_file(data_copy)
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps({"not": "a corpus"}))
    assert isinstance(fresh(data_copy), Corpus)


def test_an_unwritable_cache_is_only_slower(tmp_path, monkeypatch, data_copy):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("VR2018_CACHE", str(blocker / "below-a-file"))
    corpus = fresh(data_copy)
    _save(corpus, cache_file(data_copy))  # must not raise
    assert not (blocker / "below-a-file").exists()


def test_cache_can_be_turned_off(monkeypatch, data_copy):
    monkeypatch.setenv("VR2018_CACHE", "off")
    assert cache_file(data_copy) is None


def test_default_location_follows_xdg(monkeypatch, tmp_path, data_copy):
    monkeypatch.delenv("VR2018_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_file(data_copy).parent == tmp_path / "vr2018"


def test_bad_data_is_never_cached(cache_dir, data_copy):
    path = data_copy / "paragraphs.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('id = "opcw-hack"', 'id = "iran-2231"'), encoding="utf-8")
    with pytest.raises(corpus_module.DataError):
        fresh(data_copy)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_the_cli_writes_the_cache_at_exit(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "VR2018_CACHE": str(tmp_path / "c"), "VR2018_NO_PAGER": "1"}
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "vr2018", "search", "Rohingya", "--json"],
                              capture_output=True, text=True, env=env, cwd=tmp_path)
        assert done.returncode == 0 and done.stderr == ""
    assert len(list((tmp_path / "c").glob("corpus-*.pickle"))) == 1
