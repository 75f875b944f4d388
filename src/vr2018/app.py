"""How a command runs and ends: the Typer application, its command group, and
the one error handler that turns every failure into one line on stderr and
an exit status (:class:`~vr2018.errors.ExitStatus`), never a traceback.

The commands themselves are in :mod:`vr2018.cli`.
"""

# No `from __future__ import annotations` here: Typer reads the root
# callback's annotations at start-up (see vr2018.cli).
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import ExitStatus, Failure, NotFound
from .output import PROG, emit_json, message, prepare_streams

if TYPE_CHECKING:
    from .corpus import Corpus

EXIT_CODES = """\
Exit status: 0 found, 1 nothing found, 2 bad usage or bad data."""


class _PipeClosed(Exception):
    """stdout's reader went away (`vr2018 read | head -1`)."""


class _Group(TyperGroup):
    """Runs every command in non-standalone mode so that every failure,
    Typer's own usage errors included, becomes one line on stderr."""

    # The main jobs first, then the reading views (help and overview order).
    ORDER = ("search", "theme", "motions", "refs", "read", "toc", "show", "timeline", "people", "cite", "info",
             "export")

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(self.ORDER)}
        return sorted(names, key=lambda n: rank.get(n, len(rank)))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():  # every command's --help states the exit codes
            command.epilog = command.epilog or EXIT_CODES

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        # Click turns a closed pipe into exit status 1 ("nothing found"), which
        # would be a lie: take it out of Click's hands.
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:
            raise _PipeClosed() from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _PipeClosed() from None

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:
        from .text import clean

        prepare_streams()
        # Escape sequences and control characters in the arguments never reach
        # the parser, the engines or a message: `search $'\e[31mRohingya'` is a
        # search for Rohingya, and a title-setting OSC is nothing at all.
        cleaned = [clean(a) for a in (sys.argv[1:] if args is None else args)]
        try:
            result = super().main(cleaned, prog_name or PROG, complete_var, standalone_mode=False,
                                  windows_expand_args=windows_expand_args, **extra)
            status = result if isinstance(result, int) else ExitStatus.OK
            # Flush here, not at interpreter exit: a reader that went away
            # (`vr2018 --version | true`) must end in the BrokenPipeError
            # branch of _status, not in Python's exit status 120.
            sys.stdout.flush()
        except Exception as exc:  # every failure ends here, as one line
            status = _status(exc)
        except KeyboardInterrupt:
            status = ExitStatus.INTERRUPTED
        if standalone_mode:
            sys.exit(int(status))
        return int(status)


def _status(exc: Exception) -> int:
    """Say what went wrong in one line on stderr (if anything is to be said) and
    return the exit status: the one error handler of every command."""
    from .corpus import DataError

    if isinstance(exc, Failure):  # NotFound included: raised by the engines
        message(str(exc))
        return exc.status
    if isinstance(exc, DataError):
        message(f"bad data: {exc}")
        return ExitStatus.BAD_USAGE
    if isinstance(exc, typer.TyperException):
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        message(f"{exc.format_message()}{hint}")
        return exc.exit_code
    if isinstance(exc, typer.Exit):
        return exc.exit_code
    if isinstance(exc, typer.Abort):
        return ExitStatus.INTERRUPTED
    if isinstance(exc, (BrokenPipeError, _PipeClosed)):
        _quiet_closed_pipe()
        return ExitStatus.OK
    if os.environ.get("VR2018_DEBUG"):  # a bug of ours: still one line, never a traceback
        raise exc
    message(f"internal error: {type(exc).__name__}: {exc} (set VR2018_DEBUG=1 for the traceback)")
    return ExitStatus.BAD_USAGE


def _quiet_closed_pipe() -> None:
    """stdout was closed by the reader (`vr2018 read | head`): leave quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# ── what the commands share ────────────────────────────────────────────────


def load_letter() -> "Corpus":
    """The letter, loaded on first use (each command calls this after parsing)."""
    from .corpus import load_corpus

    return load_corpus()


def fail(message: str) -> NoReturn:
    """Bad usage: one line on stderr, exit status 2."""
    raise Failure(message)


def nothing_found(error: NotFound, json_: bool) -> NoReturn:
    """Nothing answers (status 1): with --json an empty array first, as --json always prints JSON."""
    if json_:
        emit_json([])
    raise error


app = typer.Typer(
    cls=_Group,
    name=PROG,
    epilog=EXIT_CODES,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool | None = typer.Option(
        None, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """The Kingdom of the Netherlands on the UN Security Council in 2018: the
    government's letter of 15 February 2019 (BZDOC-151021554-15), searchable offline.

    \b
    Examples:
      vr2018 search Rohingya
      vr2018 theme klimaat
      vr2018 motions --kamerstuk
      vr2018 read --json
    """
    if ctx.invoked_subcommand is None:
        print(_overview(ctx))


def _overview(ctx: typer.Context) -> str:
    """What `vr2018` with no arguments prints: what it is, the commands, an example. No data is read."""
    group = ctx.command
    assert isinstance(group, TyperGroup)
    found = {n: group.get_command(ctx, n) for n in group.list_commands(ctx)}
    shown = {n: c for n, c in found.items() if c is not None and not c.hidden}
    width = max(map(len, shown), default=0)
    commands = "\n".join(f"  {name:<{width}}  {c.get_short_help_str(limit=76)}" for name, c in shown.items())
    return (
        f"{PROG} {__version__}: the Kingdom of the Netherlands on the UN Security Council in 2018.\n"
        "The government's letter of 15 February 2019 (BZDOC-151021554-15) as data, offline.\n"
        "\n"
        f"Usage: {PROG} COMMAND [ARGS]...\n"
        "\n"
        f"Commands:\n{commands}\n"
        "\n"
        "Examples:\n"
        f"  {PROG} search Rohingya\n"
        f"  {PROG} theme klimaat\n"
        f"  {PROG} motions --kamerstuk\n"
        f"  {PROG} show iran-2231\n"
        "\n"
        f"'{PROG} COMMAND --help' for a command's options and examples; '{PROG} --help' for all options."
    )
