"""The corpus cache: one file per data folder, trusted only after checking.

Reading and validating the TOML takes ~15 ms and building the search index
~5 ms, more than the rest of a command's own work, so the validated corpus and
what engines derive from it (:meth:`Corpus.derived`, the search index) are
kept in a cache file. The TOML is always the truth; the cache is only faster.

Where
    ``$VR2018_CACHE`` when it names a folder (``off``, ``0``, ``no`` or
    ``false`` turns the cache off); otherwise the platform's cache folder:
    ``$XDG_CACHE_HOME/vr2018`` or ``~/.cache/vr2018`` on Linux and other
    Unixes, ``~/Library/Caches/vr2018`` on macOS,
    ``%LOCALAPPDATA%\\vr2018\\Cache`` on Windows.

One file per data folder
    ``corpus-<hash of the data folder's resolved path>.marshal``, so two data
    folders or two installs never evict each other. Saving removes only other
    ``corpus-*`` files not touched for 30 days and ``.tmp-*`` files (left by a
    save that was killed) older than 10 minutes.

Keyed on content
    The key is a BLAKE2b hash over the bytes and names of every file in the
    data folder (about 0.4 ms for the bundled data), the package's version,
    the cache format, and the size and modification time of the package's
    modules. A data edit that keeps size and modification time (``cp -p``,
    ``rsync -t``, ``tar x``) changes the key.

A format that cannot run code
    ``marshal`` of plain values only (tuples, lists, dicts, frozensets, str,
    int, float, bool, bytes, None), converted to and from the records by one
    generic routine driven by the records' annotations (:mod:`vr2018.schema`).
    The file starts with a magic line and a CRC-32 of the payload, so a
    truncated or damaged file never reaches ``marshal``; then every value is
    checked against the schema (exact types, field counts) before a record is
    built. What engines derive (the search index) is kept as a marshal of its
    own inside the file, read and checked only when an engine asks for it.
    Anything else (a pickle, garbage, another shape, another key) is ignored
    and rebuilt from the TOML. Nothing in the file is ever called or
    imported. Whoever can write the cache folder can still change what
    vr2018 shows (as they could by editing the data), but cannot run code.

A directory where the cache file should be
    If it is empty it is removed (it bears our file's name and holds nothing)
    and the cache works again. If it holds anything, it is not ours to delete:
    the cache is not used, and one line on stderr says so, at every run, so
    that the slowdown is never silent.

Saving happens at exit (with whatever was derived meanwhile), only when
something changed, through a temporary file and an atomic ``os.replace``.
"""

from __future__ import annotations

import marshal
import os
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # hashlib would load OpenSSL first, which costs start-up more than all the hashing
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

from . import __version__
from .model import Corpus, Record
from .schema import Invalid, field_types, from_plain, to_plain

CACHE_ENV = "VR2018_CACHE"
OFF = ("off", "0", "no", "false")
FORMAT = 1
MAGIC = b"vr2018 corpus cache\n"
KEEP_OTHERS = 30 * 24 * 3600  # seconds: other data folders' files untouched this long are removed
KEEP_TMP = 10 * 60  # seconds: a save's temporary file this old was left by a killed process


# ── Where ───────────────────────────────────────────────────────────────────


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
    return base / f"corpus-{name.hexdigest()}.marshal"


def content_key(folder: Path) -> str:
    """A hash of every data file's name and bytes, the version and the package's modules."""
    digest = blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{__version__}\0".encode())
    try:
        package = Path(__file__).parent
        for folder_name in ("", "search"):  # the modules, and the sub-package the search index comes from
            with os.scandir(package / folder_name) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.name.endswith(".py"):
                        info = entry.stat()
                        name = f"{folder_name}/{entry.name}"
                        digest.update(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    except OSError:  # not a folder on disk (a zip): the version alone stands for the code
        digest.update(b"\0code not on disk")
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                data = read_regular(path)
            except OSError:  # unreadable, or a FIFO or device (never waited on, never read forever)
                data = b"\0unreadable"
            relative = os.path.relpath(path, folder)
            digest.update(f"{relative}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            digest.update(data)
    return digest.hexdigest()


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file; OSError for anything else. A FIFO or a device is
    opened without waiting and never read (a FIFO would block, /dev/zero never ends)."""
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{os.fspath(path)}: not a regular file")
        return handle.read()


# ── Loading and saving ──────────────────────────────────────────────────────


def load_cached(folder: Path) -> Corpus:
    """The corpus in ``folder``: from its cache file when that holds this content, else from the TOML."""
    path = cache_file(folder)
    key = "" if path is None else content_key(folder)
    corpus = None if path is None else read(path, key, folder)
    if corpus is None:
        from .loader import load  # only now: the loader and the TOML parser cost start-up

        corpus = load(folder)
    if path is None:
        return corpus
    if _usable(path):
        import atexit

        atexit.register(save, corpus, path, key)  # at exit: with whatever was derived meanwhile
    return corpus


def _usable(path: Path) -> bool:
    """False when a directory that is not ours to remove stands where the cache file goes."""
    if not os.path.isdir(path):  # never raises (a name too long, a folder we may not search)
        return True
    try:
        path.rmdir()  # only an empty one
        return True
    except OSError:
        print(f"vr2018: not using the cache: {path} is a directory; remove it or set {CACHE_ENV}=off", file=sys.stderr)
        return False


def read(path: Path, key: str, folder: Path) -> Corpus | None:
    """The corpus held by the cache file at ``path`` if it is ours, intact and for ``key``; else None."""
    try:
        data = read_regular(path)
    except OSError:  # missing, unreadable, a directory, or a FIFO (which would block every run)
        return None
    head = len(MAGIC) + 4
    payload = data[head:]
    if data[:head] != MAGIC + zlib.crc32(payload).to_bytes(4, "big"):
        return None
    try:
        return decode(marshal.loads(payload), key, folder)
    except Exception:  # noqa: BLE001 - any other shape, or a marshal it cannot read: rebuild
        return None


def save(corpus: Corpus, path: Path, key: str) -> None:
    """Write the corpus to its cache file if it changed, atomically; never fail."""
    if not corpus._changed:
        return
    tmp = None
    try:
        import tempfile

        payload = marshal.dumps(encode(corpus, key), 4)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(tmp, path)
        tmp = None
        object.__setattr__(corpus, "_changed", False)
        prune(path.parent, keep=path)
    except Exception:  # noqa: BLE001 - a cache we cannot write is only slower
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def prune(folder: Path, keep: Path, now: float | None = None) -> None:
    """Remove other data folders' cache files unused for 30 days and temporary files of killed saves."""
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("corpus-") and entry.name != keep.name:
            limit = KEEP_OTHERS
        elif entry.name.startswith(".tmp-"):
            limit = KEEP_TMP
        else:
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > limit:
                os.unlink(entry.path)
        except OSError:
            pass


# ── The file's contents ─────────────────────────────────────────────────────


def encode(corpus: Corpus, key: str) -> tuple[Any, ...]:
    """The plain value a cache file holds: format, key, the corpus's fields, derived values (each a marshal)."""
    fields = tuple((name, node) for name, node in field_types(Corpus).items() if name != "data_dir")
    body = tuple(to_plain(getattr(corpus, name), node) for name, node in fields)
    derived = {name: blob for name, (blob, _) in corpus._pending.items()}
    for name, value in corpus._derived.items():  # records: Corpus.derived says of which type
        derived[name] = marshal.dumps(to_plain(value, ("record", type(value))), 4)
    return (FORMAT, key, body, derived)


def decode(plain: Any, key: str, folder: Path) -> Corpus:
    """The corpus from the plain value read from a cache file; raises when it is not for ``key``."""
    if type(plain) is not tuple or len(plain) != 4 or plain[0] != FORMAT or plain[1] != key:
        raise Invalid("not this format or not this content")
    _, _, body, derived = plain
    fields = [(name, node) for name, node in field_types(Corpus).items() if name != "data_dir"]
    if type(body) is not tuple or len(body) != len(fields) or type(derived) is not dict:
        raise Invalid("not a corpus")
    values = {name: from_plain(value, node) for (name, node), value in zip(fields, body, strict=True)}
    corpus = Corpus(**values, data_dir=folder)
    object.__setattr__(corpus, "_changed", False)
    for name, blob in derived.items():
        if type(name) is str and type(blob) is bytes:
            corpus._pending[name] = (blob, _restorer(blob))
    return corpus


def _restorer(blob: bytes) -> Callable[[type[Record]], Any]:
    def restore(kind: type[Record]) -> Any:
        try:
            return from_plain(marshal.loads(blob), ("record", kind))
        except Exception:  # noqa: BLE001 - damaged or another shape: the engine rebuilds it
            return None

    return restore
