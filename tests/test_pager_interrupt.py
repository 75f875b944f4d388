"""Ctrl-C while the pager shows a view: vr2018 waits for the pager, then exits 130 (interrupted),
never 0. Run in a pseudo-terminal that is the process's controlling terminal, so that Ctrl-C
is what a user's keyboard sends: the terminal's SIGINT to the whole foreground process group."""

from __future__ import annotations

import os
import select
import shutil
import struct
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def _controlling_terminal() -> None:
    """In the child: a session of its own, with the pseudo-terminal (its stdin) as controlling terminal."""
    import fcntl
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def at_the_keyboard(args: list[str], pager: str | None, keys: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    """``vr2018 ARGS`` on a 80×24 terminal with ``pager`` (None: the default, less); for each
    ``(wait_for, send)``, wait until the screen shows ``wait_for`` and type ``send``.
    Returns the exit status and what the screen got."""
    import fcntl
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PAGER", "MANPAGER", "LESS")}
    env.update({"NO_COLOR": "1", "VR2018_NO_PAGER": "", "TERM": "xterm"})
    if pager is not None:
        env["PAGER"] = pager
    process = subprocess.Popen(
        [sys.executable, "-m", "vr2018", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
        preexec_fn=_controlling_terminal,
    )
    os.close(slave)
    screen = b""
    try:
        for wait_for, send in keys:
            end = time.monotonic() + 30
            while wait_for not in screen and time.monotonic() < end:
                if select.select([master], [], [], 0.1)[0]:
                    try:
                        screen += os.read(master, 65536)
                    except OSError:
                        break
            assert wait_for in screen, (wait_for, screen[-500:])
            time.sleep(0.2)  # the pager is reading the keyboard
            os.write(master, send)
        end = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < end:
            if select.select([master], [], [], 0.1)[0]:
                try:
                    screen += os.read(master, 65536)
                except OSError:
                    break
        return process.wait(timeout=30), screen
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)


def test_ctrl_c_in_a_pager_that_quits_on_it_exits_130():
    pager = "cat >/dev/null; echo PAGER-READY; sleep 30"  # reads the view, then waits to be stopped
    status, screen = at_the_keyboard(["read"], pager, [(b"PAGER-READY", b"\x03")])
    assert status == 130, screen[-500:]
    assert b"Traceback" not in screen


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_ctrl_c_in_less_then_q_exits_130():
    """less keeps the screen on Ctrl-C; the user then quits it with q: still interrupted."""
    status, screen = at_the_keyboard(["read"], None, [(b"Geachte voorzitter", b"\x03"), (b"", b"q")])
    assert status == 130, screen[-500:]
    assert b"Traceback" not in screen


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_quitting_less_without_ctrl_c_exits_0():
    status, screen = at_the_keyboard(["read"], None, [(b"Geachte voorzitter", b"q")])
    assert status == 0, screen[-500:]
