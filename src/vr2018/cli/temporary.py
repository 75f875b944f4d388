"""The temporary file an export fills beside its destination, and how it never outlives the export.

:func:`vr2018.cli.streams.write_file` fills a temporary file in the destination's folder and
renames it onto the destination when it is whole. Three things keep that file from
being left behind:

- **Stop signals.** While a file is written (:func:`stop_signals`), SIGTERM and SIGHUP
  are handled as Ctrl-C is: each raises an exception (:class:`~vr2018.cli.status.Terminated`,
  a ``KeyboardInterrupt``) that unwinds through the code that removes the temporary
  file, and the command exits ``128 + signum`` (130 for SIGINT, 143 for SIGTERM, 129
  for SIGHUP). A signal the process was started with ignored (``nohup``) stays ignored.
  Once the first has been raised, further stop signals are noted and not raised
  again, so a second Ctrl-C cannot cut the clean-up short.
- **No window.** The temporary file's name is chosen before the file is created
  (:func:`beside`, then :func:`create`, with ``O_EXCL``), so a signal at any moment finds
  the name already known to the code that removes it.
- **SIGKILL.** Nothing can run when a process is killed outright, so the next export
  into the same folder removes what it left (:func:`remove_stale`). Only names of our
  own pattern are touched, ``.NAME.vr2018-HOST-PID-RANDOM.tmp``, only regular files
  owned by the user, and only when the process that made the file is gone: made on
  this host (``HOST`` is a digest of its name) by a process ID that no longer runs.
  A file of a live export, of another host sharing the folder, or of another program
  is never removed. (Where process IDs cannot be checked, on Windows, nothing is
  removed.)
"""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from vr2018.cli.status import Terminated

MARK = "vr2018"


# What an export's temporary file is called: the destination's name, our mark, the host's
# digest, the process ID and 16 random hex digits. Nothing else is ever removed as ours.
_OURS = re.compile(r"\..+\." + MARK + r"-(?P<host>[0-9a-f]{8})-(?P<pid>[1-9][0-9]*)-[0-9a-f]{16}\.tmp", re.DOTALL)


_NAME_BYTES = 200  # of the destination's name in the temporary file's (a name is at most 255 bytes)


_STOPPING = ("SIGINT", "SIGTERM", "SIGHUP")


class _State:
    signum: int | None = None  # the stop signal being acted on, if any


def _stop(signum: int, frame: Any) -> None:
    """The handler of every stop signal while a file is written: raise once, then only note."""
    if _State.signum is not None:
        return
    _State.signum = signum
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(signum)


@contextmanager
def stop_signals() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise in the main thread while this block runs
    (KeyboardInterrupt, :class:`~vr2018.cli.status.Terminated`); the handlers before are
    restored after. A signal that is ignored, or handled by someone else, is left alone."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (the Python API from a thread)
        return
    previous: dict[int, Any] = {}
    for name in _STOPPING:
        signum = getattr(signal, name, None)
        if signum is None:  # no SIGHUP on Windows
            continue
        current = signal.getsignal(signum)
        if current in (signal.SIG_DFL, signal.default_int_handler):
            previous[signum] = signal.signal(signum, _stop)
    _State.signum = None
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        _State.signum = None


def _host() -> str:
    """Eight hex digits for this host's name: a temporary file says where it was made."""
    import zlib

    uname = getattr(os, "uname", None)
    node = uname().nodename if uname is not None else os.environ.get("COMPUTERNAME", "")
    return f"{zlib.crc32(node.encode('utf-8', 'replace')):08x}"


def beside(path: str) -> str:
    """A new name for the temporary file of ``path``, in its folder (nothing is created)."""
    import secrets

    folder, name = os.path.split(path)
    while len(os.fsencode(name)) > _NAME_BYTES:
        name = name[:-1]
    return os.path.join(folder, f".{name}.{MARK}-{_host()}-{os.getpid()}-{secrets.token_hex(8)}.tmp")


def create(temporary: str) -> None:
    """Create the file ``temporary`` (which must not exist), with the permissions of an
    ordinary new file (0666 less the umask)."""
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666))


def sync(path: str) -> None:
    """``path`` on disk before it takes the destination's name: never a half-written file, even after a crash."""
    done = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(done)
    finally:
        os.close(done)


def remove(temporary: str) -> None:
    """Remove our temporary file, if it is there."""
    with suppress(OSError):
        os.unlink(temporary)


def remove_stale(folder: str) -> list[str]:
    """Remove the temporary files that exports killed outright left in ``folder``
    (see the module's docstring for which); return their names."""
    if os.name != "posix":
        return []
    host, uid, removed = _host(), os.getuid(), []
    try:
        entries = list(os.scandir(folder or "."))
    except OSError:
        return []
    for entry in entries:
        match = _OURS.fullmatch(entry.name)
        if match is None or match["host"] != host or _running(int(match["pid"])):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_uid == uid:
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    """Whether a process ``pid`` runs on this host (ours or another user's); this process counts."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # another user's process (it exists), or no process ID at all
        return True
    return True


__all__ = ["MARK", "stop_signals", "beside", "create", "sync", "remove", "remove_stale"]
