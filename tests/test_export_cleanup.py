"""An export stopped by SIGINT, SIGTERM or SIGHUP leaves nothing behind; one killed outright
(SIGKILL) leaves its temporary file, which the next export removes, and nothing but
vr2018's own temporary files is ever removed (src/vr2018/cli/temporary.py)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vr2018.cli import temporary

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and process IDs")

OLD = b"the old file"


def ours(folder: Path) -> list[str]:
    """The temporary files of ours in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if f".{temporary.MARK}-" in p.name)


def whole_or_old(target: Path) -> None:
    """The destination is the old file or a whole database: never anything in between."""
    if target.read_bytes() == OLD:
        return
    con = sqlite3.connect(target)
    try:
        assert con.execute("pragma integrity_check").fetchone() == ("ok",)
        assert con.execute("select count(*) from paragraph").fetchone()[0] > 20
    finally:
        con.close()


def export(target: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "vr2018", "export", "sqlite", str(target), "--force"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "VR2018_NO_PAGER": "1"},
        **kwargs,
    )


# ── a stop signal while the temporary file is being filled ─────────────────

SELF_STOPPING = """
import os, signal, sys
from vr2018.export import sqlite

write = sqlite.write_sqlite

def write_then_stop(corpus, path):
    write(corpus, path)  # the temporary file is whole, not yet renamed
    os.kill(os.getpid(), signal.{signal})

sqlite.write_sqlite = write_then_stop
sys.argv = ["vr2018", "export", "sqlite", sys.argv[1], "--force"]
from vr2018.__main__ import run
run()
"""


@pytest.mark.parametrize(("name", "status"), [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_stop_signal_while_writing_exits_quietly_and_leaves_nothing(tmp_path, name, status):
    target = tmp_path / "vr2018.db"
    target.write_bytes(OLD)
    done = subprocess.run(
        [sys.executable, "-c", SELF_STOPPING.format(signal=name), str(target)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == status, done.stderr
    assert done.stderr == b""  # no traceback, no message: as Ctrl-C
    assert [p.name for p in tmp_path.iterdir()] == ["vr2018.db"]
    assert target.read_bytes() == OLD


def test_an_ignored_hangup_stays_ignored(tmp_path):
    """`nohup vr2018 export …`: SIGHUP was ignored when the export started, and stays so."""
    target = tmp_path / "vr2018.db"
    done = subprocess.run(
        [sys.executable, "-c", SELF_STOPPING.format(signal="SIGHUP"), str(target)],
        capture_output=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),
    )
    assert done.returncode == 0, done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["vr2018.db"]
    whole_or_old(target)


def test_the_handlers_before_are_restored_after_writing():
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    with temporary.stop_signals():
        assert signal.getsignal(signal.SIGTERM) is not before[signal.SIGTERM]
    assert {s: signal.getsignal(s) for s in before} == before


# ── killed at random moments ───────────────────────────────────────────────

STOPS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL]


def _wait_for_temporary(folder: Path, process: subprocess.Popen, timeout: float = 20) -> None:
    """Until the export has made its temporary file (or has ended)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end and process.poll() is None:
        if ours(folder):
            return
        time.sleep(0.0005)


def test_exports_stopped_at_random_moments_leave_nothing_after_the_next_one(tmp_path):
    """12 exports, each stopped by one of SIGINT, SIGTERM, SIGHUP and SIGKILL: half at a random
    moment from the start, half a random moment after the temporary file appeared (while the
    database is filled). A stop signal leaves no file of its own; what SIGKILL left, the next
    export that reaches the writing removes. The destination is always the old file or a whole database."""
    rng = random.Random(20190215)
    target = tmp_path / "vr2018.db"
    target.write_bytes(OLD)
    seen = set()
    for run in range(12):
        stop = STOPS[run % len(STOPS)]
        process = export(target)
        if run // len(STOPS) % 2:
            time.sleep(rng.uniform(0, 0.4))
        else:
            _wait_for_temporary(tmp_path, process)
            time.sleep(rng.uniform(0, 0.05))
        if process.poll() is None:
            process.send_signal(stop)
        status = process.wait(timeout=60)
        err = process.stderr.read().decode() if process.stderr else ""
        if process.stderr:
            process.stderr.close()
        # finished first (0), stopped cleanly (128 + N), or ended by the signal before vr2018
        # handled it (-N: while Python was starting, before any temporary file existed); Ctrl-C
        # while the interpreter itself starts (site, runpy, the first import) is Python's: its own
        # report, ending in KeyboardInterrupt, and status 1, or -SIGINT where Python re-raises the
        # signal so that the parent sees how it ended (runpy's import of the package)
        python_starting = stop == signal.SIGINT and status in (1, -stop) and err.rstrip().endswith("KeyboardInterrupt")
        assert status in (0, 128 + stop, -stop) or python_starting, (run, stop, status, err)
        assert "Traceback" not in err or python_starting, err
        seen.add((stop, status))
        if stop != signal.SIGKILL:  # its own file is gone (one a SIGKILL left may wait for an export that gets further)
            assert not [n for n in ours(tmp_path) if f"-{process.pid}-" in n], (run, stop, status)
        whole_or_old(target)
    assert {status for _, status in seen} & {129, 130, 143}, (
        "no export was stopped while writing: the test did not test"
    )
    process = export(target)
    assert process.wait(timeout=60) == 0
    process.stderr.close()  # type: ignore[union-attr]
    assert [p.name for p in tmp_path.iterdir()] == ["vr2018.db"]
    whole_or_old(target)
    assert target.read_bytes() != OLD


# ── what the next export removes, and what it never touches ────────────────


def _dead_pid() -> int:
    """The process ID of a process that has ended (and been reaped)."""
    done = subprocess.Popen([sys.executable, "-c", "pass"])
    done.wait()
    return done.pid


def test_the_next_export_removes_only_what_a_killed_export_of_ours_left(tmp_path, invoke):
    host = temporary.beside("x").split(f".{temporary.MARK}-")[1].split("-")[0]
    dead = _dead_pid()
    left = f".vr2018.db.{temporary.MARK}-{host}-{dead}-0123456789abcdef.tmp"
    other_name = f".notes.txt.{temporary.MARK}-{host}-{dead}-0123456789abcdef.tmp"  # another export of ours, killed
    kept = {
        ".vr2018.db.Ab3x_9kq.tmp": b"another program's temporary file (and vr2018's before 1.x)",
        f".vr2018.db.{temporary.MARK}-{host}-{os.getpid()}-0123456789abcdef.tmp": b"a live export's",
        f".vr2018.db.{temporary.MARK}-0badc0de-{dead}-0123456789abcdef.tmp": b"another host's",
        f".vr2018.db.{temporary.MARK}-{host}-{dead}-0123456789ABCDEF.tmp": b"not our pattern (upper case)",
        f"vr2018.db.{temporary.MARK}-{host}-{dead}-0123456789abcdef.tmp": b"not our pattern (no dot)",
        f".vr2018.db.{temporary.MARK}-{host}-{dead}-0123456789abcdef.tmp.bak": b"not our pattern (suffix)",
        "notes.txt": b"the user's",
    }
    for name, data in kept.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / left).write_bytes(b"half a database")
    (tmp_path / other_name).write_bytes(b"half a text")
    folder = tmp_path / f".x.{temporary.MARK}-{host}-{dead}-0123456789abcdef.tmp"  # a folder: never removed
    folder.mkdir()
    link = tmp_path / f".y.{temporary.MARK}-{host}-{dead}-0123456789abcdef.tmp"  # a link: never followed or removed
    link.symlink_to(tmp_path / "notes.txt")

    result = invoke("export", "sqlite", str(tmp_path / "vr2018.db"))
    assert result.exit_code == 0, result.stderr
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"vr2018.db", *kept, folder.name, link.name}
    for name, data in kept.items():
        assert (tmp_path / name).read_bytes() == data


def test_a_text_export_removes_them_too(tmp_path, invoke):
    host = temporary.beside("x").split(f".{temporary.MARK}-")[1].split("-")[0]
    left = tmp_path / f".out.md.{temporary.MARK}-{host}-{_dead_pid()}-0123456789abcdef.tmp"
    left.write_bytes(b"half")
    assert invoke("export", "markdown", "-o", str(tmp_path / "out.md")).exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_the_temporary_name_is_ours_and_fits(tmp_path):
    name = os.path.basename(temporary.beside(str(tmp_path / ("é" * 200 + ".db"))))
    assert len(os.fsencode(name)) <= 255
    assert temporary._OURS.fullmatch(name)
    assert temporary._OURS.fullmatch(os.path.basename(temporary.beside("vr2018.db")))
