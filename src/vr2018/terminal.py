"""Rich on stdout: the console every view is printed through, and the pager.

Imported only where something is rendered for a terminal or a pipe as text;
``--json``, ``--help`` and ``--version`` never import it (nor Rich).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from .errors import ExitStatus

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    out = Console(
        stderr=stderr,
        markup=False,  # data is never markup
        emoji=False,
        highlight=False,
        # Piped output keeps each paragraph on one line, for grep and friends.
        soft_wrap=not (sys.stderr if stderr else sys.stdout).isatty(),
        # NO_COLOR: no escape codes at all, not even bold (Rich alone would drop
        # only the colours), whatever FORCE_COLOR or the terminal says.
        color_system=None if os.environ.get("NO_COLOR") else "auto",
    )
    # Rich answers a closed pipe with exit status 1 ("nothing found"): hand it
    # back to the CLI, which leaves quietly with status 0.
    out.on_broken_pipe = _closed_pipe  # type: ignore[method-assign]
    return out


def _closed_pipe() -> None:
    raise BrokenPipeError()


def show(renderable: RenderableType, page: bool = False) -> ExitStatus:
    """Print to stdout; page long output when stdout is a terminal. Returns the
    status of a command that printed what was asked for."""
    out = console()
    if page and out.is_terminal and not os.environ.get("VR2018_NO_PAGER"):
        os.environ.setdefault("LESS", "-FRX")
        with out.pager(styles=True):
            out.print(renderable)
    else:
        out.print(renderable)
    return ExitStatus.OK
