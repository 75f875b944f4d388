"""The corpus cache: faster start-up, never a different answer, never code from the cache folder."""

from __future__ import annotations

import marshal
import os
import pickle
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from vr2018 import cache, loader
from vr2018.cache import cache_file, content_key, load_cached, save
from vr2018.model import Corpus
from vr2018.search import index_for, search

OLD = time.time() - 40 * 24 * 3600  # older than the 30 days a foreign cache file is kept


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("VR2018_CACHE", str(folder))
    return folder


def fresh(folder: Path) -> Corpus:
    """Load as a new process would: through the cache file, not the in-memory copy."""
    return load_cached(folder)


def saved(folder: Path) -> Corpus:
    """Load as a new process would, derive the search index, and write the cache as at exit."""
    corpus = fresh(folder)
    index_for(corpus)
    save(corpus, cache_file(folder), content_key(folder))
    return corpus


def from_cache_only(monkeypatch) -> None:
    monkeypatch.setattr(loader, "load", lambda folder: pytest.fail("the TOML was parsed again"))


def same_content(a: Corpus, b: Corpus) -> bool:
    mine = (a.letter, a.sections, a.paragraphs, a.references, a.motions, a.people, a.events, a.themes)
    return (*mine, a.glossary, a.terms) == (
        b.letter,
        b.sections,
        b.paragraphs,
        b.references,
        b.motions,
        b.people,
        b.events,
        b.themes,
        b.glossary,
        b.terms,
    )


def cli(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vr2018", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "VR2018_NO_PAGER": "1", **env},
        cwd=cwd,
    )


def test_cache_round_trip_gives_the_same_corpus_and_index(cache_dir, data_copy, monkeypatch):
    first = saved(data_copy)
    assert cache_file(data_copy).is_file()
    from_cache_only(monkeypatch)
    second = fresh(data_copy)
    assert second is not first and same_content(first, second)
    assert second._changed is False
    for name in index_for(first)._fields:  # derived data came from the cache too, value for value
        assert getattr(index_for(second), name) == getattr(index_for(first), name), name
    assert search(second, "rohinga").hits[0].paragraph.id == search(first, "rohinga").hits[0].paragraph.id


def test_editing_a_data_file_invalidates_the_cache(cache_dir, data_copy):
    saved(data_copy)
    path = data_copy / "people.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('role = "Amerikaanse president"', 'role = "President"'),
        encoding="utf-8",
    )
    assert fresh(data_copy).person("trump").role == "President"


def test_an_edit_keeping_size_and_mtime_is_not_served_stale(cache_dir, data_copy):
    """cp -p, rsync -t and tar x keep size and modification time: the key is the content."""
    saved(data_copy)
    path = data_copy / "people.toml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert 'role = "Amerikaanse president"' in text
    path.write_text(text.replace('role = "Amerikaanse president"', 'role = "Amerikaanse PRESIDENT"'), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert fresh(data_copy).person("trump").role == "Amerikaanse PRESIDENT"


def test_two_data_folders_do_not_evict_each_other(cache_dir, data_copy, tmp_path, monkeypatch):
    import shutil

    other = tmp_path / "other-data"
    shutil.copytree(data_copy, other)
    path = other / "people.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('role = "Amerikaanse president"', 'role = "President"'),
        encoding="utf-8",
    )
    for _ in range(2):  # alternate, as two installs or two projects would
        saved(data_copy)
        saved(other)
    assert cache_file(data_copy) != cache_file(other)
    assert cache_file(data_copy).is_file() and cache_file(other).is_file()
    from_cache_only(monkeypatch)
    assert fresh(data_copy).person("trump").role == "Amerikaanse president"
    assert fresh(other).person("trump").role == "President"


def test_a_damaged_cache_file_is_ignored(cache_dir, data_copy):
    saved(data_copy)
    path = cache_file(data_copy)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a save cut short
    assert same_content(fresh(data_copy), loader.load(data_copy))
    path.write_bytes(b"not a cache file")
    assert same_content(fresh(data_copy), loader.load(data_copy))


class Boom:
    """Unpickling this runs code: it creates a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_pickle_in_the_cache_folder_is_never_run(cache_dir, data_copy, tmp_path):
    marker = tmp_path / "code-ran"
    path = cache_file(data_copy)
    path.parent.mkdir(parents=True)
    payload = pickle.dumps(Boom(marker))
    path.write_bytes(payload)
    (path.parent / "corpus-00000000.pickle").write_bytes(payload)  # the name earlier versions used
    # … and one dressed as ours: right magic line and checksum, a pickle inside
    (path.parent / "corpus-decoy.marshal").write_bytes(cache.MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
    corpus = fresh(data_copy)
    assert same_content(corpus, loader.load(data_copy))
    assert not marker.exists()


def framed(plain: object) -> bytes:
    payload = marshal.dumps(plain, 4)
    return cache.MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload


@pytest.mark.parametrize("shape", ["wrong body", "code object", "bool for int", "short record", "foreign key"])
def test_a_well_formed_cache_of_another_shape_is_not_trusted(cache_dir, data_copy, shape):
    reference = saved(data_copy)
    path = cache_file(data_copy)
    fmt, key, body, derived = marshal.loads(path.read_bytes()[len(cache.MAGIC) + 4 :])
    paragraphs = list(body[2])
    if shape == "wrong body":
        plain = (fmt, key, ("x",), derived)
    elif shape == "code object":
        paragraphs[0] = (compile("open('/tmp/x', 'w')", "x", "exec"), *paragraphs[0][1:])
        plain = (fmt, key, (*body[:2], tuple(paragraphs), *body[3:]), derived)
    elif shape == "bool for int":
        paragraphs[0] = (*paragraphs[0][:2], True, *paragraphs[0][3:])
        plain = (fmt, key, (*body[:2], tuple(paragraphs), *body[3:]), derived)
    elif shape == "short record":
        paragraphs[0] = paragraphs[0][:-1]
        plain = (fmt, key, (*body[:2], tuple(paragraphs), *body[3:]), derived)
    else:
        plain = (fmt, "0" * len(key), body, derived)
    path.write_bytes(framed(plain))
    corpus = fresh(data_copy)
    assert same_content(corpus, reference)
    assert corpus._changed is True  # rebuilt from the TOML, so written again at exit


def test_a_damaged_search_index_in_the_cache_is_rebuilt(cache_dir, data_copy, monkeypatch):
    reference = saved(data_copy)
    path = cache_file(data_copy)
    fmt, key, body, derived = marshal.loads(path.read_bytes()[len(cache.MAGIC) + 4 :])
    path.write_bytes(framed((fmt, key, body, {"search-index": marshal.dumps(("not", "an", "index"))})))
    from_cache_only(monkeypatch)  # the corpus itself is fine and comes from the cache
    corpus = fresh(data_copy)
    assert corpus._changed is False
    assert index_for(corpus).vocabulary == index_for(reference).vocabulary
    assert corpus._changed is True


def test_an_unwritable_cache_is_only_slower(tmp_path, monkeypatch, data_copy):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("VR2018_CACHE", str(blocker / "below-a-file"))
    saved(data_copy)  # must not raise
    assert not (blocker / "below-a-file").exists()


def test_an_empty_directory_in_place_of_the_cache_file_is_removed(cache_dir, data_copy, monkeypatch):
    cache_file(data_copy).mkdir(parents=True)
    saved(data_copy)
    assert cache_file(data_copy).is_file()
    from_cache_only(monkeypatch)
    assert fresh(data_copy)._changed is False


def test_a_directory_in_place_of_the_cache_file_is_left_alone_and_said(tmp_path, data_copy):
    cache_folder = tmp_path / "c"
    env = {"VR2018_CACHE": str(cache_folder), "VR2018_DATA": str(data_copy)}
    done = cli("search", "Rohingya", "--json", env=env, cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    path = next(cache_folder.glob("corpus-*"))
    path.unlink()
    path.mkdir()
    (path / "someone-elses").write_text("x")
    for _ in range(2):
        done = cli("search", "Rohingya", "--json", env=env, cwd=tmp_path)
        assert done.returncode == 0 and '"myanmar-rohingya"' in done.stdout
        assert done.stderr == f"vr2018: not using the cache: {path} is a directory; remove it or set VR2018_CACHE=off\n"
    assert (path / "someone-elses").read_text() == "x"


def test_saving_prunes_only_old_files_of_others_and_stale_temporaries(cache_dir, data_copy):
    cache_dir.mkdir()
    names = {
        "corpus-other-recent.marshal": time.time(),  # another data folder, in use: kept
        "corpus-other-old.marshal": OLD,  # unused for 40 days: removed
        "corpus-0123abcd.pickle": OLD,  # an earlier version's, long unused: removed
        ".tmp-fresh": time.time(),  # a save in progress in another process: kept
        ".tmp-stale": time.time() - 3600,  # left by a killed save: removed
        "notes.txt": OLD,  # not ours: kept
    }
    for name, when in names.items():
        (cache_dir / name).write_text("x")
        os.utime(cache_dir / name, (when, when))
    saved(data_copy)
    left = {p.name for p in cache_dir.iterdir()}
    assert left == {cache_file(data_copy).name, "corpus-other-recent.marshal", ".tmp-fresh", "notes.txt"}


def test_cache_can_be_turned_off(monkeypatch, data_copy):
    for value in ("off", "OFF", "0", "no", "false"):
        monkeypatch.setenv("VR2018_CACHE", value)
        assert cache_file(data_copy) is None


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"XDG_CACHE_HOME": "{tmp}/xdg"}, "{tmp}/xdg/vr2018"),
        ("linux", {}, "{home}/.cache/vr2018"),
        ("linux", {"XDG_CACHE_HOME": "relative/xdg"}, "{home}/.cache/vr2018"),  # the spec: relative is ignored
        ("freebsd14", {"XDG_CACHE_HOME": "{tmp}/xdg"}, "{tmp}/xdg/vr2018"),
        ("darwin", {"XDG_CACHE_HOME": "{tmp}/xdg"}, "{home}/Library/Caches/vr2018"),
        ("win32", {"LOCALAPPDATA": "{tmp}/Local"}, "{tmp}/Local/vr2018/Cache"),
        ("win32", {}, "{home}/AppData/Local/vr2018/Cache"),
        ("darwin", {"VR2018_CACHE": "{tmp}/mine"}, "{tmp}/mine"),
    ],
)
def test_default_location_follows_the_platform(monkeypatch, tmp_path, data_copy, platform, env, expected):
    home = tmp_path / "home"
    for name in ("VR2018_CACHE", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    for name, value in env.items():
        monkeypatch.setenv(name, value.format(tmp=tmp_path))
    monkeypatch.setattr(sys, "platform", platform)
    assert cache_file(data_copy).parent == Path(expected.format(tmp=tmp_path, home=home))


def test_bad_data_is_never_cached(cache_dir, data_copy):
    path = data_copy / "paragraphs.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('id = "opcw-hack"', 'id = "iran-2231"'), encoding="utf-8")
    with pytest.raises(loader.DataError):
        fresh(data_copy)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_the_cli_writes_the_cache_at_exit_and_reads_it_next_time(tmp_path, data_copy):
    env = {"VR2018_CACHE": str(tmp_path / "c"), "VR2018_DATA": str(data_copy)}
    for _ in range(2):
        done = cli("search", "Rohingya", "--json", env=env, cwd=tmp_path)
        assert done.returncode == 0 and done.stderr == ""
    files = list((tmp_path / "c").glob("corpus-*.marshal"))
    assert len(files) == 1
    written = files[0].stat().st_mtime_ns
    done = cli("theme", "klimaat", env=env, cwd=tmp_path)
    assert done.returncode == 0
    assert files[0].stat().st_mtime_ns == written  # nothing changed: nothing written
