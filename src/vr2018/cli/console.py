"""Rich on stdout: the console every view is printed through, and the pager.

Imported only where something is rendered for a terminal or a pipe as text;
``--json``, ``--help`` and ``--version`` never import it (nor Rich).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from vr2018.cli.status import ExitStatus

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


_given: Console | None = None  # set by printing_on()


# What --no-pager and --color said for this run (None: not given); the command line's main
# resets them at the start of every run. The flags win over VR2018_NO_PAGER, NO_COLOR and FORCE_COLOR.
_no_pager: bool = False


_color: str | None = None


COLORS = ("auto", "always", "never")


def configure(no_pager: bool | None = None, color: str | None = None) -> None:
    """Take --no-pager and --color (``auto``, ``always``, ``never``) for this run."""
    global _no_pager, _color
    if no_pager is not None:
        _no_pager = no_pager
    if color is not None:
        _color = None if color == "auto" else color


def reset() -> None:
    """Every run starts from the environment alone."""
    global _no_pager, _color
    _no_pager, _color = False, None


def console(**settings: Any) -> Console:
    """The console every view is printed on: stdout. ``settings`` (Rich's Console
    arguments) change only what they name, e.g. a file, a width, a terminal forced on
    (tests and docs/screenshots.py, which then pass it in with :func:`printing_on`)."""
    from rich.console import Console

    forced = settings.get("force_terminal")
    terminal = bool(forced) if forced is not None else (settings.get("file") or sys.stdout).isatty()
    ours: dict[str, Any] = {
        "markup": False,  # data is never markup
        "emoji": False,
        "highlight": False,
        # Piped output keeps each paragraph on one line, for grep and friends.
        "soft_wrap": not terminal,
        # NO_COLOR: no escape codes at all, not even bold (Rich alone would drop
        # only the colours), whatever FORCE_COLOR or the terminal says.
        "color_system": None if os.environ.get("NO_COLOR") else "auto",
    }
    if _color == "never":  # --color never: as NO_COLOR
        ours["color_system"] = None
    elif _color == "always":  # --color always: as FORCE_COLOR, NO_COLOR notwithstanding
        ours["color_system"] = "auto"
        ours["force_terminal"] = True
    out = Console(**{**ours, **settings})
    # Rich answers a closed pipe with exit status 1 ("nothing found"): hand it
    # back to the CLI, which leaves quietly with status 0.
    out.on_broken_pipe = _closed_pipe  # type: ignore[method-assign]
    return out


def _closed_pipe() -> None:
    raise BrokenPipeError()


@contextmanager
def printing_on(out: Console) -> Iterator[Console]:
    """Every view is printed on ``out`` meanwhile, instead of on stdout (a console made
    with :func:`console`, to record or measure what a command shows)."""
    global _given
    before, _given = _given, out
    try:
        yield out
    finally:
        _given = before


def show(renderable: RenderableType) -> ExitStatus:
    """Print a view to stdout, the one way every command does it, and return the
    status of a command that printed what was asked for.

    Running text is kept to a readable measure (:class:`vr2018.views.layout.Measure`);
    a word longer than the line (a URL) is printed whole, never cut or folded.
    The pager rule, the same for every command: on a terminal, output taller
    than the screen opens in the pager (``PAGER``, else ``less``); output that
    fits is printed; a pipe never gets a pager; ``VR2018_NO_PAGER`` turns it off."""
    from vr2018.views.layout import Measure

    out = _given if _given is not None else console()
    view = Measure(renderable)
    if not (out.is_terminal and not os.environ.get("VR2018_NO_PAGER") and not _no_pager):
        out.print(view, crop=False)
        return ExitStatus.OK
    with out.capture() as captured:
        out.print(view, crop=False)
    text = captured.get()
    if rows(text, out.width) > out.height:
        page(text)
    else:
        out.file.write(text)
        out.file.flush()
    return ExitStatus.OK


def rows(text: str, width: int) -> int:
    """How many screen rows ``text`` takes at ``width`` columns (a line wider than
    the screen, a long URL, takes more than one)."""
    from rich.cells import cell_len
    from rich.text import Text

    lines = Text.from_ansi(text).plain.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return sum(max(1, -(-cell_len(line) // max(width, 1))) for line in lines)


def page(text: str) -> None:
    """``text`` (with its escape codes) through the pager: ``PAGER`` if set, else
    ``less`` told to keep colours and the screen (``LESS=-FRX`` unless set).

    Ctrl-C while the pager runs reaches the pager too, which decides what it means
    (``less`` stops what it is doing and keeps the screen; others quit); vr2018 waits
    for it to end, as it must, and then exits 130 (interrupted), never 0. (Python's
    pager swallows KeyboardInterrupt, so Ctrl-C is noted here instead of raised.)"""
    import pydoc
    import signal
    import threading

    os.environ.setdefault("LESS", "-FRX")
    noted: list[int] = []
    owner = threading.current_thread() is threading.main_thread()
    before = signal.getsignal(signal.SIGINT) if owner else None
    if before is signal.default_int_handler:
        signal.signal(signal.SIGINT, lambda signum, frame: noted.append(signum))
    try:
        pydoc.pager(text)
    finally:
        if before is signal.default_int_handler:
            signal.signal(signal.SIGINT, before)
    if noted:
        raise KeyboardInterrupt
