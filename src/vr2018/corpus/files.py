"""Reading a file without surprises: regular files only, never waiting on a FIFO,
never reading a device forever, and (for files vr2018 writes itself) never through a
link or from a file someone else could have written."""

from __future__ import annotations

import os
import stat

NONBLOCK = getattr(os, "O_NONBLOCK", 0)


NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


UID = os.geteuid() if hasattr(os, "geteuid") else None  # None: a system without file owners to check


def read_regular(path: str | os.PathLike[str], own: bool = False) -> bytes:
    """The bytes of a regular file; OSError for anything else. A FIFO or a device is
    opened without waiting and never read (a FIFO would block, /dev/zero never ends).
    With ``own``: never through a link, and only a file of this user's that no one else
    may write (where files have owners)."""
    fd = os.open(path, os.O_RDONLY | NONBLOCK | (NOFOLLOW if own else 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{os.fspath(path)}: not a regular file")
        if own and UID is not None and (info.st_uid != UID or info.st_mode & 0o022):
            raise OSError(f"{os.fspath(path)}: not this user's own file")
        data = os.read(fd, info.st_size + 1)  # the whole file in one call, as a rule
        if len(data) == info.st_size:
            return data
        parts = [data]
        while parts[-1]:  # it grew meanwhile, or a system that reads less at a time
            parts.append(os.read(fd, 1 << 20))
        return b"".join(parts)
    finally:
        os.close(fd)
