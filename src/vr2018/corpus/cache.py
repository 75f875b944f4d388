"""The corpus cache: one file per data folder, correct or not used.

Reading and validating the TOML and building the search index take longer
than the rest of a command's own work, so the validated corpus and what engines
derive from it (:meth:`Corpus.derived`, the search index) are kept in a cache
file. The TOML is always the truth; the cache is only faster, and when anything
about it is wrong it is not used (docs/performance.md has the figures).

Where
    ``$VR2018_CACHE`` when it names a folder (``off``, ``0``, ``no`` or ``false`` turns the
    cache off); otherwise the platform's cache folder: ``$XDG_CACHE_HOME/vr2018`` or
    ``~/.cache/vr2018`` on Linux and other Unixes, ``~/Library/Caches/vr2018`` on macOS,
    ``%LOCALAPPDATA%\vr2018\\Cache`` on Windows.

Names of our own
    ``vr2018-corpus-<hash of the data folder's resolved path>.cache``, one per
    data folder, so two data folders or two installs never evict each other;
    a save writes ``.vr2018-corpus-<that hash>.cache.<random>.tmp`` first and
    renames it. The folder may be shared (``VR2018_CACHE=/tmp``): saving removes only files
    whose whole name has exactly these forms (and, for a cache file, that start with our magic
    line): other data folders' cache files not touched for 30 days, and temporary files older
    than 10 minutes (left by a save that was killed). Earlier versions' ``corpus-<hash>.marshal``
    files go the same way, by their exact name and magic line.

Keyed on content
    The key (:mod:`.cache_key`) is a BLAKE2b hash over the names and bytes of every file in
    the data folder, the content of every module of the package, the package's version, the
    file format and the machine's byte order. Each data file is read once: the bytes hashed
    are the bytes parsed on a miss, so an edit while vr2018 runs is never stored under the
    other key. The modules are read and hashed again only when their signature (each one's
    name, size, inode, modification and status-change time) differs from the one the file
    recorded beside their hash: no edit, copy or unpacking keeps a file's status-change time
    (Windows has none: there every run reads them).

Correct or not used
    A file is used only when it is a regular file (not a link), owned by this user and
    writable by no one else (on systems with owners), starts with the magic line, has the
    right CRC-32, holds this key, decodes completely (:mod:`.columns`) and the corpus it holds
    passes every rule the loader enforces (:func:`.rules.check`). A derived value (the search
    index) is decoded only when an engine asks for it, and used only when its parts agree
    (``Index.consistent``). Anything else is ignored, the TOML is read, and the file is written
    again at exit. When a command fails anyway in a way it never should (an "internal error")
    after using anything from a cache file, :func:`forget_used` removes that file: the next
    run reads the TOML. So a damaged, stale or hostile file costs at most one rebuild and one
    failed run, never two.

Memory
    Reading a file of N bytes costs N bytes and at most a few dozen times N in the values
    built, whatever the file says (:mod:`.columns`: no count is read from the file; every
    count is implied by, or checked against, the bytes that hold the values, before anything
    is built).

What a hostile writer of the cache folder can and cannot do
    Someone else who can write the folder can delete or replace files there,
    or put a folder or a link where the cache file goes: that costs a rebuild
    per run (and a line on stderr when vr2018 can no longer save), nothing
    more. The files they make are never read: a file not owned by this user,
    or that others may write, or a link, is ignored (on systems with owners).
    This user's own programs, and anyone on Windows, where owners are not
    checked, can write a file that vr2018 reads: they can make it show other
    text, well-formed and passing every rule (as they could by editing the
    data, or vr2018 itself), or make the run that reads it fail, after which
    that file is gone. Nobody can make vr2018 run code from the cache folder
    (nothing in the file is called or imported, and neither pickle nor
    marshal reads it: Python's documentation says marshal is not secure
    against maliciously constructed data), use more memory than a small
    multiple of the file's size, write through a link there, or delete a
    file whose name and first line are not exactly ours.

A directory where the cache file should be
    If it is empty it is removed (it bears our file's name and holds nothing) and the cache
    works again. If it holds anything, it is not ours to delete: the cache is not used, and
    one line on stderr says so at every run.

Saving happens at exit (with whatever was derived meanwhile), only when something changed, through
a temporary file and an atomic ``os.replace``; if the folder can't be written, one line says so.
"""

from __future__ import annotations

import os
import re
import sys
import time
import zlib
from functools import partial
from pathlib import Path
from typing import Any

from vr2018.corpus.cache_key import FORMAT, blake2b, code_key, code_signature, content_key
from vr2018.corpus.columns import decode, encode, frame, frames
from vr2018.corpus.files import NOFOLLOW, NONBLOCK, read_regular
from vr2018.corpus.model import Corpus
from vr2018.corpus.record import Record
from vr2018.corpus.schema import field_types
from vr2018.i18n import N_, _

CACHE_ENV = "VR2018_CACHE"


OFF = ("off", "0", "no", "false")


MAGIC = f"vr2018 corpus cache, format {FORMAT}\n".encode()


# Our files' names, whole: the cache file, a save's temporary file, and format 1's file.
OURS = r"vr2018-corpus-[0-9a-f]{16}\.cache"


TEMPORARY = r"\.vr2018-corpus-[0-9a-f]{16}\.cache\.[a-z0-9_]{1,16}\.tmp"


EARLIER = r"corpus-[0-9a-f]{16}\.marshal"


EARLIER_MAGIC = b"vr2018 corpus cache\n"  # format 1's first line


KEEP_OTHERS = 30 * 24 * 3600  # seconds: other data folders' files untouched this long are removed


KEEP_TMP = 10 * 60  # seconds: a save's temporary file this old was left by a killed process


# What the user is told, in one place (``{}`` fields filled in when said).
SAID = {
    "directory": N_("not using the cache: {path} is a directory; remove it or set {env}=off"),
    "unwritable": N_(
        "cannot save the cache in {folder} ({reason}), so every run reads the data again; "
        "set {env} to a folder you can write, or {env}=off"
    ),
}


def _tell(what: str, **fields: Any) -> None:
    """One line on stderr, at most once per run for each kind of thing to say."""
    if what in _told:
        return
    _told.add(what)
    from vr2018.text.clean import shorten  # on one line, without control characters, not endless

    named = {name: shorten(str(value), 240) for name, value in fields.items()}
    try:
        print(f"vr2018: {_(SAID[what]).format(env=CACHE_ENV, **named)}", file=sys.stderr, flush=True)
    except (OSError, ValueError):  # stderr closed: nobody to tell
        pass


_told: set[str] = set()


def cache_dir() -> Path | None:
    """The folder of cache files, or None when the cache is off."""
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() in OFF:
        return None
    if setting:
        return Path(setting)
    home = os.path.expanduser("~")
    if sys.platform == "darwin":
        return Path(home, "Library", "Caches", "vr2018")
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local"), "vr2018", "Cache")
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return Path(xdg if os.path.isabs(xdg) else os.path.join(home, ".cache"), "vr2018")


def cache_file(folder: Path) -> Path | None:
    """The cache file for the data in ``folder`` (one per folder), or None when the cache is off."""
    base = cache_dir()
    if base is None:
        return None
    name = blake2b(str(Path(folder).resolve()).encode("utf-8", "surrogateescape"), digest_size=8)
    return base / f"vr2018-corpus-{name.hexdigest()}.cache"


class Entry:
    """The cache's bookkeeping for one corpus: its file, its key, and what came from the file."""

    __slots__ = ("blobs", "code", "corpus", "forgotten", "from_file", "key", "known", "path", "restored")

    def __init__(self, path: Path, key: str, corpus: Corpus, from_file: bool, known: bytes = b"") -> None:
        self.path = path
        self.key = key
        self.corpus = corpus
        self.from_file = from_file  # the corpus was read from the file, not the TOML
        self.known = known  # the code's signature and hash as the file has them
        self.code = known  # … and as they are now (code_signature, code_key)
        self.blobs: dict[str, memoryview] = {}  # derived values in the file not yet decoded
        self.restored: dict[str, Any] = {}  # … and those decoded (or saved) as they are
        self.forgotten = False  # a command failed: the file is gone and nothing is saved

    def changed(self) -> bool:
        """Whether the file lacks something this run has (the corpus, something derived, the code's signature)."""
        if not self.from_file or self.known != self.code:
            return True
        return any(self.restored.get(name) is not value for name, value in self.corpus.derivations().items())


_entries: list[Entry] = []


def load_cached(folder: Path) -> Corpus:
    """The corpus in ``folder``: from its cache file when that holds this content, else from the TOML."""
    path = cache_file(folder)
    if path is None:
        from vr2018.corpus.loader import load  # only now: the loader and the TOML parser cost start-up

        return load(folder)
    parts = _parts(path)
    signature = code_signature()
    known = bytes(parts[1]) if parts else b""  # the code's signature and hash when the file was written
    code = known[16:] if signature and known[:16] == signature and len(known) == 32 else code_key()
    key, read = content_key(folder, code)
    entry = _entry(parts, path, key, folder) if parts else None
    if entry is None:
        from vr2018.corpus.loader import load

        entry = Entry(path, key, load(folder, read), from_file=False)  # the bytes that were hashed
    entry.code = signature + code if signature else b""
    _entries.append(entry)
    if _usable(path):
        import atexit

        atexit.register(_save, entry)  # at exit: with whatever was derived meanwhile
    return entry.corpus


def save(corpus: Corpus) -> None:
    """Write the cache file of a corpus :func:`load_cached` gave, now, if anything changed."""
    for entry in _entries:
        if entry.corpus is corpus:
            _save(entry)


def hush() -> None:
    """Say nothing more this run: it ended in a failure, whose one line is all it says."""
    _told.update(SAID)


def forget_used() -> None:
    """A command failed in a way it never should: remove every cache file this run read
    anything from (it may be what failed), and save nothing at exit. The next run reads
    the TOML and writes the file again."""
    for entry in _entries:
        entry.forgotten = True
        if entry.from_file:
            try:
                os.unlink(entry.path)
            except OSError:  # a folder we may not write: empty the file (ours) instead
                try:
                    os.close(os.open(entry.path, os.O_WRONLY | os.O_TRUNC | NOFOLLOW))
                except OSError:
                    pass


def _usable(path: Path) -> bool:
    """False when a directory that is not ours to remove stands where the cache file goes."""
    if not os.path.isdir(path):  # never raises (a name too long, a folder we may not search)
        return True
    try:
        path.rmdir()  # only an empty one
        return True
    except OSError:
        _tell("directory", path=path)
        return False


def read_file(path: Path, key: str, folder: Path) -> Entry | None:
    """What the cache file at ``path`` holds, if it is ours, intact, for ``key`` and correct; else None."""
    parts = _parts(path)
    return _entry(parts, path, key, folder) if parts else None


def _parts(path: Path) -> list[memoryview] | None:
    """The columns of the cache file at ``path``: the key, the code's signature and hash, the
    corpus, then each derived value's name and value; None unless it is a regular file of
    ours, starts with our magic line and has the right CRC-32."""
    try:
        data = read_regular(path, own=True)
    except OSError:  # missing, a link, not ours, a FIFO, a name too long
        return None
    head = len(MAGIC) + 4
    if data[: len(MAGIC)] != MAGIC:
        return None
    payload = memoryview(data)[head:]
    if zlib.crc32(payload) != int.from_bytes(data[len(MAGIC) : head], "little"):
        return None
    try:
        parts = frames(payload)
    except ValueError:
        return None
    return parts if len(parts) >= 3 and len(parts) % 2 else None


def _entry(parts: list[memoryview], path: Path, key: str, folder: Path) -> Entry | None:
    """The entry for the corpus in ``parts``, if they are for ``key`` and it passes every rule."""
    if parts[0] != key.encode("ascii"):
        return None
    try:
        fields = _corpus_fields()
        values = decode(parts[2], ("fixed", tuple(fields.values())))
        blobs = {str(name, "utf-8"): blob for name, blob in zip(parts[3::2], parts[4::2], strict=True)}
        corpus = Corpus(**dict(zip(fields, values, strict=True)), data_dir=folder)
        from vr2018.corpus.rules import check

        check(corpus)
    except Exception:  # noqa: BLE001 - any shape or content we would not have written: rebuild
        return None
    entry = Entry(path, key, corpus, from_file=True, known=bytes(parts[1]))
    entry.blobs = blobs
    for name in blobs:
        corpus.offer(name, partial(_restore, entry, name))
    return entry


def _corpus_fields() -> dict[str, tuple[Any, ...]]:
    return {name: node for name, node in field_types(Corpus).items() if name != "data_dir"}


def _restore(entry: Entry, name: str, kind: type[Record]) -> Any:
    """The derived value ``name`` from the file, if it is a ``kind`` whose parts agree; else None.

    Fields that were the corpus's own objects when saved (the index's paragraphs) are
    stored as the name of that field and given the corpus's object back."""
    try:
        shared, others = frames(entry.blobs.pop(name))  # once decoded, the file's bytes may go
        types = field_types(kind)
        corpus_fields = _corpus_fields()
        given = {}
        for pair in decode(shared, ("tuple", ("str",))):
            field, _, source = pair.partition("=")
            if field not in types or corpus_fields.get(source) != types[field]:
                return None
            given[field] = getattr(entry.corpus, source)
        rest = [(field, node) for field, node in types.items() if field not in given]
        values = decode(others, ("fixed", tuple(node for _, node in rest)))
        value = object.__new__(kind)  # every field set, as Record.__init__ would
        value.__dict__.update(given)
        value.__dict__.update(zip((field for field, _ in rest), values, strict=True))
        consistent = getattr(value, "consistent", None)
        if consistent is not None and not consistent():
            return None
    except Exception:  # noqa: BLE001 - any other shape, or parts that disagree: the engine rebuilds it
        return None
    entry.restored[name] = value
    return value


def _save(entry: Entry) -> None:
    """Write the entry's corpus to its file if anything changed, atomically; never fail.
    A folder we cannot write is said on stderr, once per run."""
    if entry.forgotten or not entry.changed():
        return
    try:
        contents = _contents(entry)
    except Exception:  # noqa: BLE001 - a value this format cannot hold: only slower
        return
    tmp = None
    folder = entry.path.parent
    try:
        import tempfile

        folder.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{entry.path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(contents)
        os.replace(tmp, entry.path)
        tmp = None
    except OSError as exc:
        why = _(N_("not a folder")) if isinstance(exc, (FileExistsError, NotADirectoryError)) else exc.strerror
        _tell("unwritable", folder=folder, reason=why or exc)
        return
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    entry.from_file = True
    entry.known = entry.code
    entry.restored = entry.corpus.derivations()
    prune(folder, keep=entry.path)


def _contents(entry: Entry) -> bytes:
    """The file: magic line, CRC-32, then columns: the key, the code's signature and hash, the
    corpus, and each derived value by name."""
    corpus = entry.corpus
    fields = _corpus_fields()
    parts = [frame(entry.key.encode("ascii")), frame(entry.code)]
    parts.append(frame(encode(tuple(getattr(corpus, name) for name in fields), ("fixed", tuple(fields.values())))))
    derived = corpus.derivations()
    for name, blob in entry.blobs.items():  # never asked for: as read
        parts += [frame(name.encode()), frame(bytes(blob))]
    for name, value in derived.items():
        parts += [frame(name.encode()), frame(_encode_derived(corpus, value))]
    payload = b"".join(parts)
    return MAGIC + zlib.crc32(payload).to_bytes(4, "little") + payload


def _encode_derived(corpus: Corpus, value: Record) -> bytes:
    """A derived record: the names of its fields that are the corpus's own, then the others."""
    own = {id(getattr(corpus, name)): (name, node) for name, node in _corpus_fields().items()}
    shared, rest = [], []
    for field, node in field_types(type(value)).items():
        found = own.get(id(getattr(value, field)))
        if found is not None and found[1] == node:
            shared.append(f"{field}={found[0]}")
        else:
            rest.append((getattr(value, field), node))
    others = encode(tuple(v for v, _ in rest), ("fixed", tuple(n for _, n in rest)))
    return frame(encode(tuple(shared), ("tuple", ("str",)))) + frame(others)


def prune(folder: Path, keep: Path, now: float | None = None) -> None:
    """Remove other data folders' cache files unused for 30 days and temporary files of killed
    saves: only files whose whole name is one of ours (and, for a cache file, that start with
    our magic line); never a link, a folder or another program's file."""
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    kinds = [(re.compile(OURS), KEEP_OTHERS, MAGIC), (re.compile(EARLIER), KEEP_OTHERS, EARLIER_MAGIC)]
    kinds.append((re.compile(TEMPORARY), KEEP_TMP, b""))
    for entry in entries:
        name = entry.name
        found = [(limit, magic) for pattern, limit, magic in kinds if pattern.fullmatch(name)]
        if not found:
            continue
        limit, magic = found[0]
        try:
            if name == keep.name or not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime > limit and _starts_with(entry.path, magic):
                os.unlink(entry.path)
        except OSError:
            pass


def _starts_with(path: str, magic: bytes) -> bool:
    if not magic:
        return True
    fd = os.open(path, os.O_RDONLY | NOFOLLOW | NONBLOCK)
    try:
        return os.read(fd, len(magic)) == magic
    finally:
        os.close(fd)
