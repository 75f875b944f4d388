"""The cache key: what a cache file must have been made from to be used.

A BLAKE2b hash over the names and bytes of every file in the data folder, the
content of every module of the package (:func:`code_key`), the package's
version, the cache file's format and the machine's byte order
(:func:`content_key`). Each data file is read once, and the bytes read are
handed on: the bytes that are hashed are the bytes that are parsed on a miss.

Reading every module at every run would cost start-up more than the rest of
the key, so :func:`code_signature` says, cheaply, whether any module may have
changed since a cache file recorded its hash (:mod:`vr2018.corpus.cache` keeps the two
side by side in the file).
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path

from vr2018.corpus.files import NONBLOCK, read_regular
from vr2018.version import __version__

try:  # hashlib would load OpenSSL first, which costs start-up more than all the hashing
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


__all__ = ["FORMAT", "blake2b", "code_key", "code_signature", "content_key"]


FORMAT = 2  # the cache file's format (vr2018.corpus.columns, and the file's layout in vr2018.corpus.cache)


def content_key(folder: Path, code: bytes | None = None) -> tuple[str, dict[str, bytes | OSError]]:
    """The key for the data in ``folder`` and this code (``code``: :func:`code_key`), and what
    was read to make it: each file's name (relative to ``folder``) → its bytes, or the error
    reading it gave."""
    digest = blake2b(digest_size=16)
    digest.update(f"{FORMAT}\0{__version__}\0{sys.byteorder}\0".encode())
    digest.update(code_key() if code is None else code)
    read: dict[str, bytes | OSError] = {}
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            relative = os.path.relpath(path, folder)
            try:
                data = read[relative] = read_regular(path)
            except OSError as exc:  # unreadable, or a FIFO or device (never waited on, never read forever)
                read[relative] = exc
                data = b"\0unreadable"
            digest.update(f"{relative}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
            digest.update(data)
    return digest.hexdigest(), read


def code_key(package: str | None = None) -> bytes:
    """A hash of every module of the package (or of the package folder ``package``), by
    name, length and content; the installed package's once per process.

    The modules' bytes go in through one running CRC-32, which reads every byte all the
    same and costs a fraction of BLAKE2b: an edit is missed only if it keeps every length
    and the CRC-32 (by chance, one in four billion; nobody edits code to fool a cache)."""
    if package is None:
        if not _code:
            _code.append(code_key(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
        return _code[0]
    names, crc = [], 0
    try:
        for relative, path in sorted(_modules(package, "")):
            fd = os.open(path, os.O_RDONLY | NONBLOCK)
            try:
                size = 0
                while True:
                    data = os.read(fd, 1 << 16)
                    crc = zlib.crc32(data, crc)
                    size += len(data)
                    if len(data) < 1 << 16:  # a short read of a regular file is its end
                        break
            finally:
                os.close(fd)
            names.append(f"{relative}\0{size}")
    except OSError:  # not a folder on disk (a zip): the version alone stands for the code
        return b"code not on disk"
    return blake2b(f"{chr(0).join(names)}\0{crc}".encode("utf-8", "surrogateescape"), digest_size=16).digest()


_code: list[bytes] = []


def _modules(folder: str, prefix: str) -> list[tuple[str, str]]:
    """(name relative to the package, path) of every module, in sub-packages too."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".py"):
                found.append((prefix + entry.name, entry.path))
            elif entry.name not in ("__pycache__", "data") and entry.is_dir(follow_symlinks=False):
                found += _modules(entry.path, f"{prefix}{entry.name}/")
    return found


def code_signature(package: str | None = None) -> bytes:
    """Where every module of the package is and when it last changed: its name, size, inode,
    and modification and status-change times. No edit, copy, checkout or unpacking keeps
    the status-change time (ctime): the system sets it (to its clock's tick, a few ms), and
    only setting the clock back could repeat it.
    So while this is the same, the modules hold the bytes they held: a cache file that
    records it with :func:`code_key` spares every later run reading all the modules.
    Empty (no shortcut) where there is no status-change time: Windows."""
    if sys.platform == "win32":
        return b""
    package = package or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        found = [
            f"{relative}\0{info.st_size}\0{info.st_ino}\0{info.st_dev}\0{info.st_mtime_ns}\0{info.st_ctime_ns}"
            for relative, info in sorted((relative, os.stat(path)) for relative, path in _modules(package, ""))
        ]
    except OSError:
        return b""
    return blake2b("\0".join(found).encode("utf-8", "surrogateescape"), digest_size=16).digest()
