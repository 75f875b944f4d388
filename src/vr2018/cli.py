"""The command line: the Typer app with every command registered.

The commands live in :mod:`vr2018.commands`, one module per family (letter,
people, themes, motions, search, export). Each parses its arguments, calls an
engine, hands the result to a view (:mod:`vr2018.views`, Rich) or a serialiser
(:mod:`vr2018.serialize`, ``--json``), and returns the exit status. Engines raise
:class:`~vr2018.errors.NotFound` when nothing answers; :mod:`vr2018.app` turns
that, and every other failure, into one line on stderr.

Start-up is most of what a command costs, so:
- engines, views and serialisers are imported inside the commands that use
  them: `--help` imports none, and `--json` never imports Rich;
- no `from __future__ import annotations` in the command modules: Typer reads every command's
  annotations at start-up, and evaluating them from strings made building the
  command tree take 6.5 ms instead of 2.8 ms (benchmarks/startup.py).
"""

from . import commands  # noqa: F401  (registers every command on the app)
from .app import EXIT_CODES, app


def main() -> None:
    """The console script's entry point."""
    app()


__all__ = ["EXIT_CODES", "app", "main"]
