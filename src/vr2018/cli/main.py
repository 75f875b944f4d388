"""The command line: the Typer app with every command registered.

The commands live in :mod:`vr2018.cli.commands`, one module per family (letter,
people, themes, motions, search, export). Each parses its arguments, calls an
engine, hands the result to a view (:mod:`vr2018.views`, Rich) or a serialiser
(:mod:`vr2018.serialize`, ``--json``) through :func:`vr2018.cli.streams.respond`.
Engines raise the domain errors of :mod:`vr2018.problems` (data, no sentences);
:mod:`vr2018.cli.messages` words each as one line and decides its exit status, and
:mod:`vr2018.cli.app` prints that line, and every other failure, on stderr.

Start-up is most of what a command costs, so:
- engines, views and serialisers are imported inside the commands that use
  them: `--help` imports none, and `--json` never imports Rich;
- no `from __future__ import annotations` in the command modules: Typer reads every command's
  annotations at start-up, and evaluating them from strings made building the
  command tree take about twice as long (docs/performance.md).
"""

import os
import sys

from typer.models import CommandInfo

from vr2018.cli import commands  # noqa: F401  (registers every command on the app)
from vr2018.cli.app import app


def main() -> None:
    """The console script's entry point."""
    registered = app.registered_commands
    app.registered_commands = only_invoked(registered, sys.argv[1:])
    try:
        app()
    finally:
        app.registered_commands = registered


def only_invoked(registered: list[CommandInfo], argv: list[str]) -> list[CommandInfo]:
    """The one command ``argv`` runs, when its first word names one exactly; else all.

    Typer builds a Click command, with every parameter, for each registered command
    before it parses anything: a process that runs one command
    needs only that one. Help, the overview, shell completion, `help`, a misspelt
    command (which is answered with "did you mean") and anything that starts with an
    option keep the whole tree.
    """
    if not argv or any(name.endswith("_COMPLETE") for name in os.environ):
        return registered
    wanted = [c for c in registered if _name(c) == argv[0] != "help"]
    return wanted or registered


def _name(command: CommandInfo) -> str:
    """A registered command's name as Typer derives it (the function's, with dashes)."""
    if command.name:
        return command.name
    assert command.callback is not None  # registered with a decorator: it has its function
    return command.callback.__name__.lower().replace("_", "-")


__all__ = ["app", "main"]
