"""The corpus cache: faster start-up, never a different answer, never code, memory or
files of the cache folder's choosing, at most one rebuild for anything wrong with it."""

from __future__ import annotations

import atexit
import json
import marshal
import os
import pickle
import re
import shutil
import subprocess
import sys
import textwrap
import time
import zlib
from array import array
from pathlib import Path

import pytest

import vr2018
from vr2018.corpus import cache, cache_key, columns, files, loader, rules
from vr2018.corpus.cache import cache_file, content_key, load_cached, save
from vr2018.corpus.model import Corpus
from vr2018.search import index_for, search
from vr2018.search.index import Index

OLD = time.time() - 40 * 24 * 3600  # older than the 30 days a foreign cache file is kept
PACKAGE = Path(vr2018.__file__).parent


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch):
    """Each test starts as a new process would: no corpus handed out, nothing said yet;
    and what it loads is saved when it says so (``save``), not when the test session ends."""
    monkeypatch.setattr(cache, "_entries", [])
    monkeypatch.setattr(cache, "_told", set())
    monkeypatch.setattr(atexit, "register", lambda *args, **kwargs: None)


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("VR2018_CACHE", str(folder))
    return folder


def fresh(folder: Path) -> Corpus:
    """Load as a new process would: through the cache file, not the in-memory copy."""
    cache._entries.clear()
    return load_cached(folder)


def entry(corpus: Corpus) -> cache.Entry:
    return next(e for e in cache._entries if e.corpus is corpus)


def saved(folder: Path) -> Corpus:
    """Load as a new process would, derive the search index, and write the cache as at exit."""
    corpus = fresh(folder)
    index_for(corpus)
    save(corpus)
    return corpus


def from_cache_only(monkeypatch) -> None:
    monkeypatch.setattr(loader, "load", lambda *args: pytest.fail("the TOML was parsed again"))


def same_content(a: Corpus, b: Corpus) -> bool:
    fields = [name for name in Corpus._fields if name != "data_dir"]
    return all(getattr(a, name) == getattr(b, name) for name in fields)


def plant(path: Path, data: bytes) -> None:
    """Write a cache file as vr2018 would (this user's, 0600), whatever it holds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(0o600)


def framed(payload: bytes) -> bytes:
    return cache.MAGIC + zlib.crc32(payload).to_bytes(4, "little") + payload


def value(*cols: bytes) -> bytes:
    """A value's bytes as vr2018.corpus.columns lays them out: its columns, each framed."""
    return b"".join(map(columns.frame, cols))


def sizes(*numbers: int) -> bytes:
    return array("I", numbers).tobytes()


def cache_of(corpus: Corpus, folder: Path, index: Index | None = None) -> bytes:
    """The cache file vr2018 would write for ``corpus`` (and ``index``) under the key of ``folder``."""
    made = cache.Entry(cache_file(folder), content_key(folder)[0], corpus, from_file=False)
    signature = cache.code_signature()
    made.code = signature + cache.code_key() if signature else b""
    if index is not None:
        corpus.offer("search-index", lambda kind: index)
        index_for(corpus)
    return cache._contents(made)


def cli(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vr2018", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "VR2018_NO_PAGER": "1", **env},
        cwd=cwd,
        timeout=60,
    )


# ── the cache does its job ──────────────────────────────────────────────────


def test_cache_round_trip_gives_the_same_corpus_and_index(cache_dir, data_copy, monkeypatch):
    first = saved(data_copy)
    assert cache_file(data_copy).is_file()
    from_cache_only(monkeypatch)
    second = fresh(data_copy)
    assert second is not first and same_content(first, second)
    assert entry(second).from_file and not entry(second).changed()
    for name in Index._fields:  # derived data came from the cache too, value for value
        assert getattr(index_for(second), name) == getattr(index_for(first), name), name
    assert index_for(second).paragraphs is second.paragraphs  # stored once, as the corpus's own
    assert not entry(second).changed()  # restored as it was: nothing to write at exit
    assert search(second, "rohinga").hits[0].paragraph.id == search(first, "rohinga").hits[0].paragraph.id


def test_the_file_and_its_temporary_files_have_names_of_our_own(cache_dir, data_copy):
    saved(data_copy)
    (name,) = [p.name for p in cache_dir.iterdir()]
    assert re.fullmatch(cache.OURS, name) and name.startswith("vr2018-corpus-")
    assert re.fullmatch(cache.TEMPORARY, f".{name}.a1b2c_d3.tmp")  # what tempfile.mkstemp makes of our prefix


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


def test_what_is_parsed_is_what_was_hashed(cache_dir, data_copy, monkeypatch):
    """An edit between hashing the data and parsing it (was: the new text stored under the
    old text's key, and served once the old text was back) changes nothing that is kept."""
    path = data_copy / "people.toml"
    old = path.read_bytes()
    new = old.replace(b'role = "Amerikaanse president"', b'role = "President"')
    assert new != old
    hashed = cache.content_key

    def then_edited(folder, *args):
        key = hashed(folder, *args)
        path.write_bytes(new)  # someone saves the file just after vr2018 hashed it
        return key

    monkeypatch.setattr(cache, "content_key", then_edited)
    corpus = fresh(data_copy)
    assert corpus.person("trump").role == "Amerikaanse president"  # what was hashed, not what is there now
    save(corpus)
    monkeypatch.setattr(cache, "content_key", hashed)
    assert fresh(data_copy).person("trump").role == "President"  # the new text, under its own key
    save(cache._entries[-1].corpus)
    path.write_bytes(old)
    assert fresh(data_copy).person("trump").role == "Amerikaanse president"  # and the old text under its own


def test_two_data_folders_do_not_evict_each_other(cache_dir, data_copy, tmp_path, monkeypatch):
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


# ── the code part of the key ────────────────────────────────────────────────


def test_the_code_key_covers_every_module_of_the_package():
    modules = {relative for relative, _ in cache_key._modules(str(PACKAGE), "")}
    on_disk = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    assert modules == on_disk
    assert {"corpus/cache.py", "search/index.py", "views/letter.py", "cli/commands/search.py"} <= modules


@pytest.mark.parametrize("module", ["views/letter.py", "cli/main.py", "search/rank.py"])
def test_an_edit_to_any_module_keeping_size_and_mtime_changes_the_key(tmp_path, module):
    package = tmp_path / "vr2018"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache_key.code_key(str(package))
    path = package / module
    info = path.stat()
    data = path.read_bytes()
    at = data.index(b"def ")
    path.write_bytes(data[:at] + b"DEF " + data[at + 4 :])  # same length
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns
    assert cache_key.code_key(str(package)) != before
    assert cache_key.code_key(str(package)) == cache_key.code_key(str(package))


def test_the_modules_are_read_again_only_when_one_may_have_changed(cache_dir, data_copy, monkeypatch):
    """The file keeps the modules' signature (names, sizes, inodes, times) beside their hash:
    while the signature holds, no run reads the modules; when it changes, they are hashed."""
    saved(data_copy)
    code = cache.code_key()
    with monkeypatch.context() as patched:
        patched.setattr(cache, "code_key", lambda *args: pytest.fail("the modules were read"))
        assert entry(fresh(data_copy)).from_file
    monkeypatch.setattr(cache, "code_signature", lambda *args: b"s" * 16)  # a module touched, say
    read = []
    monkeypatch.setattr(cache, "code_key", lambda *args: read.append(1) or code)
    corpus = fresh(data_copy)
    assert read and entry(corpus).from_file  # the same content: the file still holds
    assert entry(corpus).changed()  # … and is written again with the new signature
    save(corpus)
    read.clear()
    assert entry(fresh(data_copy)).from_file and not read


def test_the_signature_changes_with_any_edit_of_a_module(tmp_path, monkeypatch):
    package = tmp_path / "vr2018"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache_key.code_signature(str(package))
    assert before and cache_key.code_signature(str(package)) == before
    path = package / "search" / "rank.py"
    info = path.stat()
    time.sleep(0.05)  # past the clock's tick, which the file system's times follow
    path.write_bytes(path.read_bytes())  # the same bytes, the same size, the old time put back
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert cache_key.code_signature(str(package)) != before  # the status-change time moved on
    monkeypatch.setattr(sys, "platform", "win32")  # no status-change time: no shortcut
    assert cache_key.code_signature(str(package)) == b""


def test_the_key_names_the_code_the_version_and_the_byte_order(data_copy, monkeypatch):
    key = content_key(data_copy)[0]
    monkeypatch.setattr(cache_key, "_code", [b"other code"])
    assert content_key(data_copy)[0] != key
    monkeypatch.setattr(cache_key, "_code", [])
    monkeypatch.setattr(cache_key, "__version__", "0.0.0-other")
    assert content_key(data_copy)[0] != key
    monkeypatch.setattr(cache_key, "__version__", vr2018.__version__)
    monkeypatch.setattr(sys, "byteorder", "big" if sys.byteorder == "little" else "little")
    assert content_key(data_copy)[0] != key


# ── damaged, foreign and hostile files ──────────────────────────────────────


def test_a_damaged_cache_file_is_ignored(cache_dir, data_copy):
    saved(data_copy)
    path = cache_file(data_copy)
    data = path.read_bytes()
    for damaged in (data[: len(data) // 2], b"not a cache file", data[:-1] + bytes([data[-1] ^ 1])):
        plant(path, damaged)  # a save cut short, garbage, one bit flipped
        corpus = fresh(data_copy)
        assert same_content(corpus, loader.load(data_copy)) and not entry(corpus).from_file


class Boom:
    """Unpickling this runs code: it creates a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_pickle_or_a_marshal_in_the_cache_folder_is_never_run(cache_dir, data_copy, tmp_path):
    marker = tmp_path / "code-ran"
    path = cache_file(data_copy)
    payload = pickle.dumps(Boom(marker))
    plant(path, payload)
    plant(path.parent / "corpus-00000000.pickle", payload)  # the name earlier versions used
    assert same_content(fresh(data_copy), loader.load(data_copy))
    plant(path, framed(payload))  # … and dressed as ours: magic line and checksum, a pickle inside
    assert same_content(fresh(data_copy), loader.load(data_copy))
    code = marshal.dumps(compile("open('/tmp/x', 'w')", "x", "exec"))
    plant(path, framed(code))
    assert same_content(fresh(data_copy), loader.load(data_copy))
    assert not marker.exists()


def test_a_file_of_another_format_or_key_is_not_used(cache_dir, data_copy):
    reference = saved(data_copy)
    path = cache_file(data_copy)
    good = path.read_bytes()
    key = content_key(data_copy)[0].encode()
    other_key = framed(good[len(cache.MAGIC) + 4 :].replace(key, b"0" * len(key), 1))
    left_over = framed(good[len(cache.MAGIC) + 4 :] + columns.frame(b"search-index"))  # a name without its value
    for planted in (other_key, left_over, b"vr2018 corpus cache\n" + good[len(cache.MAGIC) :]):
        plant(path, planted)
        corpus = fresh(data_copy)
        assert same_content(corpus, reference) and not entry(corpus).from_file  # rebuilt, so written again at exit


@pytest.mark.parametrize("shape", ["field missing", "string count", "bytes left over", "a size too large"])
def test_well_framed_columns_of_another_shape_are_not_used(cache_dir, data_copy, shape):
    reference = saved(data_copy)
    fields = cache._corpus_fields()
    values = tuple(getattr(reference, name) for name in fields)
    node = ("fixed", tuple(fields.values()))
    body = columns.encode(values, node)
    if shape == "field missing":
        body = columns.encode(values[:-1], ("fixed", node[1][:-1]))
    elif shape == "string count":  # the letter's title, the first column, as two strings
        body = columns.frame(b"\x00a\x00b") + body[4 + int.from_bytes(body[:4], "little") :]
    elif shape == "bytes left over":
        body += b"\x00"
    else:
        sizes = columns.frame(array("I", [len(reference.sections)]).tobytes())
        assert sizes in body
        body = body.replace(sizes, columns.frame(array("I", [len(reference.sections) + 1]).tobytes()), 1)
    with pytest.raises(ValueError):
        columns.decode(body, node)
    key = content_key(data_copy)[0].encode()
    plant(cache_file(data_copy), framed(columns.frame(key) + columns.frame(b"") + columns.frame(body)))
    corpus = fresh(data_copy)
    assert same_content(corpus, reference) and not entry(corpus).from_file


def _point_without_sources(c: Corpus) -> Corpus:
    theme = c.themes[0]
    return c.replace(themes=(theme.replace(points=(theme.points[0].replace(sources=()),)), *c.themes[1:]))


def _paragraph(c: Corpus, pid: str, **changes) -> Corpus:
    return c.replace(paragraphs=tuple(p.replace(**changes) if p.id == pid else p for p in c.paragraphs))


# Well-typed corpora that break a rule the loader enforces: each is discarded when read back.
BROKEN = {
    "a section that does not exist": lambda c: _paragraph(c, "myanmar-rohingya", section="nergens"),
    "a reference that does not resolve": lambda c: _paragraph(c, "myanmar-rohingya", references=("kst-1-1",)),
    "a theme that does not exist": lambda c: _paragraph(c, "myanmar-rohingya", themes=("geen-thema",)),
    "a duplicate id": lambda c: _paragraph(c, "iran-2231", id="myanmar-rohingya"),
    "a fragment out of range": lambda c: c.replace(
        paragraphs=(*c.paragraphs[:-1], c.paragraphs[-1].replace(fragment=9))
    ),
    "fragments out of reading order": lambda c: c.replace(paragraphs=(c.paragraphs[-1], *c.paragraphs[:-1])),
    "a blank string": lambda c: _paragraph(c, "myanmar-rohingya", text="  "),
    "a blank string in a list": lambda c: _paragraph(c, "myanmar-rohingya", places=("Myanmar", " ")),
    "a value not among the choices": lambda c: _paragraph(c, "myanmar-rohingya", cut="middle"),
    "English names not one for one": lambda c: _paragraph(c, "myanmar-rohingya", places_en=("Myanmar",)),
    "a letter date that is no date": lambda c: c.replace(letter=c.letter.replace(date="2019-02-30")),
    "an event date that is no period": lambda c: c.replace(events=(c.events[0].replace(date="2018-13"), *c.events[1:])),
    "events out of order": lambda c: c.replace(events=tuple(reversed(c.events))),
    "a kamerstuk without a dossier": lambda c: c.replace(
        references=(c.references[0].replace(dossier=None), *c.references[1:])
    ),
    "a point that cites nothing": _point_without_sources,
    "a person a signatory names who is not there": lambda c: c.replace(
        letter=c.letter.replace(signatories=(c.letter.signatories[0].replace(person="niemand"),))
    ),
    "a blank glossary word": lambda c: c.replace(glossary={**c.glossary, "x": ("",)}),
}


@pytest.mark.parametrize("fault", list(BROKEN))
def test_a_well_typed_but_inconsistent_corpus_is_not_used(cache_dir, data_copy, fault):
    good = loader.load(data_copy)
    broken = BROKEN[fault](good)
    with pytest.raises(rules.Broken):
        rules.check(broken)
    plant(cache_file(data_copy), cache_of(broken, data_copy))
    corpus = fresh(data_copy)
    assert same_content(corpus, good) and not entry(corpus).from_file
    rules.check(good)  # … and the letter as it is breaks none of them


def test_an_inconsistent_search_index_is_rebuilt(cache_dir, data_copy, monkeypatch):
    reference = saved(data_copy)
    index = index_for(reference)
    word = next(iter(index.postings))
    broken = {
        "postings of a paragraph past the last": dict(postings={**index.postings, word: {len(index.paragraphs): [0]}}),
        "a paragraph's norm missing": dict(norms=index.norms[:-1]),
        "a start without its end": dict(ends_at=[*index.ends_at[:-1], index.ends_at[-1][:-1]]),
        "a word without its start": dict(starts=index.starts[:-1]),
        "a blob of other words": dict(blob=index.blob.replace("\n", "\nx", 1)),
    }
    assert index.consistent()
    for changes in broken.values():
        bad = index.replace(**changes)
        assert not bad.consistent(), changes
        plant(cache_file(data_copy), cache_of(loader.load(data_copy), data_copy, bad))
        with monkeypatch.context() as patched:
            from_cache_only(patched)  # the corpus itself is fine and comes from the cache
            corpus = fresh(data_copy)
        assert entry(corpus).from_file and not entry(corpus).changed()
        rebuilt = index_for(corpus)  # built again, not the one in the file
        assert all(getattr(rebuilt, name) == getattr(index, name) for name in Index._fields if name != "paragraphs")
        assert entry(corpus).changed()  # so the file is written again at exit


def test_a_derived_value_of_another_shape_is_rebuilt(cache_dir, data_copy, monkeypatch):
    reference = saved(data_copy)
    payload = framed(
        columns.frame(content_key(data_copy)[0].encode())
        + columns.frame(b"")
        + columns.frame(
            columns.encode(
                tuple(getattr(reference, n) for n in cache._corpus_fields()),
                ("fixed", tuple(cache._corpus_fields().values())),
            )
        )
        + columns.frame(b"search-index")
        + columns.frame(columns.encode(("not", "an", "index"), ("tuple", ("str",))))
    )
    plant(cache_file(data_copy), payload)
    from_cache_only(monkeypatch)
    corpus = fresh(data_copy)
    assert entry(corpus).from_file
    assert index_for(corpus).vocabulary == index_for(reference).vocabulary


def test_a_file_anyone_else_could_have_written_is_not_read(cache_dir, data_copy):
    if files.UID is None:
        pytest.skip("a system without file owners")
    saved(data_copy)
    path = cache_file(data_copy)
    path.chmod(0o666)  # writable by others: whoever they are, it is not ours any more
    assert not entry(fresh(data_copy)).from_file
    path.chmod(0o600)
    assert entry(fresh(data_copy)).from_file
    if os.geteuid() == 0:  # as root, a file of another user's is in reach
        os.chown(path, 65534, -1)
        assert not entry(fresh(data_copy)).from_file


def test_a_link_in_place_of_the_cache_file_is_never_followed(cache_dir, data_copy, tmp_path):
    saved(data_copy)
    path = cache_file(data_copy)
    target = tmp_path / "elsewhere"
    path.rename(target)
    path.symlink_to(target)
    corpus = fresh(data_copy)
    assert not entry(corpus).from_file
    save(corpus)
    assert not path.is_symlink() and path.is_file()  # the save replaced the link …
    assert target.is_file()  # … and never wrote through it


# ── memory: a file of N bytes costs about N ─────────────────────────────────


MEASURE = textwrap.dedent(
    """
    import json, os, resource, sys, tracemalloc
    from pathlib import Path
    from vr2018.corpus import cache
    path, folder = Path(sys.argv[1]), Path(sys.argv[2])
    key = cache.content_key(folder)[0]
    tracemalloc.start()
    entry = cache.read_file(path, key, folder)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    print(json.dumps({"used": entry is not None, "peak": peak, "rss": rss}))
    """
)


def measured(path: Path, folder: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), str(folder)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


MiB = 1 << 20


def test_a_file_that_claims_millions_of_values_costs_no_memory(cache_dir, data_copy):
    """Was: 29 bytes (the magic line, a valid CRC, a tuple claiming 2^26 items) made a run
    allocate 529 MiB. Counts in this format are implied by the bytes present, never read."""
    path = cache_file(data_copy)
    key = content_key(data_copy)[0].encode()
    claims = {
        # the earlier format's 29 bytes, where the file now goes
        "marshal tuple": b"vr2018 corpus cache\n"
        + zlib.crc32(b"(\x00\x00\x00\x04").to_bytes(4, "big")
        + b"(\x00\x00\x00\x04",
        # a column that says it is 64 MiB long
        "column length": framed((1 << 26).to_bytes(4, "little")),
        # the right key, then the letter's five strings, then 2^26 attachments, in 4 bytes
        "container size": framed(value(key, b"", value(*[b"\x00x"] * 5, sizes(1 << 26)))),
        # … or 2^32 - 1 of them
        "largest size": framed(value(key, b"", value(*[b"\x00x"] * 5, b"\xff" * 4))),
    }
    for name, data in claims.items():
        plant(path, data)
        found = measured(path, data_copy)
        assert not found["used"], name
        assert found["peak"] < MiB, (name, found)  # tracemalloc: what reading it allocated
        assert found["rss"] < 200 * MiB, (name, found)  # the whole process, imports included


def test_the_measurement_would_see_a_claim(tmp_path):
    """The harness above sees what a marshal claim costs (here 2^22 items: 32 MiB)."""
    code = "import marshal, tracemalloc\ntracemalloc.start()\ntry:\n    marshal.loads(b'(\\x00\\x00\\x40\\x00')\nexcept EOFError:\n    pass\nprint(tracemalloc.get_traced_memory()[1])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert int(done.stdout) > 30 * MiB


def test_reading_a_real_file_costs_a_small_multiple_of_its_size(cache_dir, data_copy):
    saved(data_copy)
    path = cache_file(data_copy)
    found = measured(path, data_copy)
    assert found["used"]
    assert found["peak"] < 20 * path.stat().st_size, found


def test_a_budget_bounds_what_any_columns_can_build():
    for node in (("tuple", ("str",)), ("list", ("int",)), ("dict", ("str",), ("str",)), ("tuple", ("none",))):
        with pytest.raises(columns.Invalid):
            columns.decode(value(sizes(1 << 30)), node)
    eight = ("fixed", (("tuple", ("none",)),) * 8)
    with pytest.raises(columns.Invalid):  # one budget for all the values: 8 x 40 of them in 64 bytes
        columns.decode(value(*[sizes(40)] * 8), eight)
    assert columns.decode(value(*[sizes(5)] * 8), eight) == ((None,) * 5,) * 8
    with pytest.raises(columns.Invalid):  # items that take no bytes of their own count all the same
        columns.decode(value(sizes(1000)), ("tuple", ("fixed", ())))
    strings = ("tuple", ("str",))
    assert columns.decode(value(sizes(3), b"\x00a\x00b\x00a"), strings) == ("a", "b", "a")
    with pytest.raises(columns.Invalid):  # as many strings as separators, no more
        columns.decode(value(sizes(3), b"\x00a\x00b"), strings)
    for flags in (b"\x02", b"\x01\x00"):  # a flag is 0 or 1, one per value
        with pytest.raises(columns.Invalid):
            columns.decode(value(flags, b"\x00a"), ("optional", ("str",)))
    assert columns.decode(value(b"\x01", b"\x00a"), ("optional", ("str",))) == "a"


@pytest.mark.parametrize(
    ("value", "node"),
    [
        ((), ("tuple", ("str",))),
        (("", "a\x00b", "\x1f\x1e\ufffe", "é€😀"), ("tuple", ("str",))),
        ({(1, "x"): [None, 2.5]}, ("dict", ("fixed", (("int",), ("str",))), ("list", ("optional", ("float",))))),
        (frozenset({True, False}), ("frozenset", ("bool",))),
        ([array("I", [1, 2]), array("d", [])], ("list", ("array",))),
    ],
)
def test_columns_round_trip(value, node):
    assert columns.decode(columns.encode(value, node), node) == value


# ── a file that makes a command fail goes, and the next run is right ────────


def test_a_command_that_fails_on_a_cached_value_removes_the_file(tmp_path, data_copy):
    """A fault the checks do not look for (a position past its paragraph's words) makes one
    run fail; that run removes the file, and every run after it answers."""
    env = {"VR2018_CACHE": str(tmp_path / "c"), "VR2018_DATA": str(data_copy)}
    expected = cli("search", "Rohingya", "--json", env=env, cwd=tmp_path)
    assert expected.returncode == 0 and expected.stderr == ""
    (path,) = (tmp_path / "c").iterdir()
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from vr2018.corpus import cache
        from vr2018.search.index import index_for
        corpus = cache.load_cached(Path(sys.argv[1]))
        index = index_for(corpus)
        for paragraphs in index.postings.values():
            for positions in paragraphs.values():
                positions[:] = [p + 100_000 for p in positions]
        assert index.consistent()
        cache._entries[0].restored.clear()
        cache.save(corpus)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(data_copy)], env={**os.environ, **env}, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    first = cli("search", "Rohingya", "--json", env=env, cwd=tmp_path)
    assert first.returncode == 2 and "internal error" in first.stderr  # once …
    assert not path.exists()
    for _ in range(2):  # … and never again
        again = cli("search", "Rohingya", "--json", env=env, cwd=tmp_path)
        assert again.returncode == 0 and again.stderr == "" and again.stdout == expected.stdout
    assert path.is_file()


@pytest.mark.parametrize(
    ("fault", "args", "expect"),
    [
        ("a section that does not exist", ("show", "myanmar-rohingya", "--json"), '"myanmar-rohingya"'),
        ("a reference that does not resolve", ("search", "Rohingya", "--json"), '"myanmar-rohingya"'),
    ],
)
def test_an_inconsistent_cache_file_never_fails_a_command(tmp_path, data_copy, fault, args, expect, monkeypatch):
    """Was: "internal error … exit 2" at every run until someone deleted the file."""
    folder = tmp_path / "c"
    monkeypatch.setenv("VR2018_CACHE", str(folder))
    plant(cache_file(data_copy), cache_of(BROKEN[fault](loader.load(data_copy)), data_copy))
    env = {"VR2018_CACHE": str(folder), "VR2018_DATA": str(data_copy)}
    for _ in range(2):
        done = cli(*args, env=env, cwd=tmp_path)
        assert done.returncode == 0 and done.stderr == "" and expect in done.stdout


def test_forget_used_removes_the_file_and_saves_nothing(cache_dir, data_copy):
    saved(data_copy)
    corpus = fresh(data_copy)
    assert entry(corpus).from_file
    cache.forget_used()
    assert not cache_file(data_copy).exists()
    index_for(corpus)
    save(corpus)  # what a failed run has is not written back
    assert not cache_file(data_copy).exists()


# ── where and how it is written ─────────────────────────────────────────────


def test_an_unwritable_cache_folder_is_said_once_and_the_run_answers(tmp_path, data_copy, capsys, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("VR2018_CACHE", str(blocker / "below-a-file"))
    for _ in range(2):
        saved(data_copy)  # must not raise
    assert not (blocker / "below-a-file").exists()
    err = capsys.readouterr().err
    assert err == (
        f"vr2018: cannot save the cache in {blocker / 'below-a-file'} (not a folder), so every run reads the data "
        "again; set VR2018_CACHE to a folder you can write, or VR2018_CACHE=off\n"
    )


def test_the_cli_says_once_when_it_cannot_save_the_cache(tmp_path, data_copy):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    env = {"VR2018_CACHE": str(blocker / "c"), "VR2018_DATA": str(data_copy)}
    done = cli("search", "Rohingya", "--json", env=env, cwd=tmp_path)
    assert done.returncode == 0 and '"myanmar-rohingya"' in done.stdout
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("vr2018: cannot save the cache in ")
    assert "VR2018_CACHE" in done.stderr
    done = cli("search", "Rohingya", "--json", env={**env, "VR2018_CACHE": "off"}, cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""  # turned off: nothing to say


def test_an_empty_directory_in_place_of_the_cache_file_is_removed(cache_dir, data_copy, monkeypatch):
    cache_file(data_copy).mkdir(parents=True)
    saved(data_copy)
    assert cache_file(data_copy).is_file()
    from_cache_only(monkeypatch)
    assert entry(fresh(data_copy)).from_file


def test_a_directory_in_place_of_the_cache_file_is_left_alone_and_said(tmp_path, data_copy):
    cache_folder = tmp_path / "c"
    env = {"VR2018_CACHE": str(cache_folder), "VR2018_DATA": str(data_copy)}
    done = cli("search", "Rohingya", "--json", env=env, cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    path = next(cache_folder.glob("vr2018-corpus-*"))
    path.unlink()
    path.mkdir()
    (path / "someone-elses").write_text("x")
    for _ in range(2):
        done = cli("search", "Rohingya", "--json", env=env, cwd=tmp_path)
        assert done.returncode == 0 and '"myanmar-rohingya"' in done.stdout
        assert done.stderr == f"vr2018: not using the cache: {path} is a directory; remove it or set VR2018_CACHE=off\n"
    assert (path / "someone-elses").read_text() == "x"


def test_saving_prunes_only_our_own_old_files_in_a_shared_folder(cache_dir, data_copy, tmp_path):
    cache_dir.mkdir()
    ours = "vr2018-corpus-0123456789abcdef.cache"
    names = {
        # (when touched, contents): kept?
        "vr2018-corpus-00000000000000aa.cache": (time.time(), cache.MAGIC, True),  # another data folder, in use
        "vr2018-corpus-00000000000000bb.cache": (OLD, cache.MAGIC, False),  # unused for 40 days
        "vr2018-corpus-00000000000000cc.cache": (OLD, b"another program's", True),  # our name, not our file
        "corpus-00000000000000dd.marshal": (OLD, cache.EARLIER_MAGIC, False),  # the earlier format's, long unused
        "corpus-00000000000000ee.marshal": (OLD, b"someone else's", True),
        f".{ours}.x7_k2abc.tmp": (time.time(), b"", True),  # a save in progress in another process
        f".{ours}.q9w8e7r6.tmp": (time.time() - 3600, b"", False),  # left by a killed save
        # not ours, however old, however named
        "corpus-x": (OLD, cache.MAGIC, True),
        ".tmp-x": (OLD, b"", True),
        ".tmp-abcdefgh": (OLD, b"", True),
        "corpus-0123abcd.pickle": (OLD, b"", True),
        "vr2018-corpus-0123.cache": (OLD, cache.MAGIC, True),
        "notes.txt": (OLD, b"", True),
    }
    for name, (when, contents, _) in names.items():
        (cache_dir / name).write_bytes(contents)
        os.utime(cache_dir / name, (when, when))
    target = tmp_path / "precious"
    target.write_bytes(cache.MAGIC)
    os.utime(target, (OLD, OLD))
    (cache_dir / "vr2018-corpus-00000000000000ff.cache").symlink_to(target)  # a link, named as ours
    saved(data_copy)
    left = {p.name for p in cache_dir.iterdir()}
    kept = {name for name, (_, _, keep) in names.items() if keep}
    assert left == kept | {cache_file(data_copy).name, "vr2018-corpus-00000000000000ff.cache"}
    assert target.read_bytes() == cache.MAGIC


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
    files = list((tmp_path / "c").iterdir())
    assert len(files) == 1 and re.fullmatch(cache.OURS, files[0].name)
    assert files[0].stat().st_mode & 0o777 == 0o600
    written = files[0].stat().st_mtime_ns
    done = cli("theme", "klimaat", env=env, cwd=tmp_path)
    assert done.returncode == 0
    assert files[0].stat().st_mtime_ns == written  # nothing changed: nothing written
