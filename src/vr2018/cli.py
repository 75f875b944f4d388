"""The command line: thin Typer commands (parse → engine → render → exit code).

Exit codes for every command: 0 found, 1 nothing found, 2 bad usage or bad data.
Every failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys
from typing import Any, Optional

import typer
from typer.core import TyperGroup

from . import __version__
from .output import BAD_USAGE, PROG, Failure, emit_json, fail, message, prepare_streams, show

EXIT_CODES = """\
Exit status: 0 found, 1 nothing found, 2 bad usage or bad data."""


class _Group(TyperGroup):
    """Runs every command in non-standalone mode so that every failure,
    Typer's own usage errors included, becomes one line on stderr."""

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        from .corpus import DataError

        prepare_streams()
        try:
            result = super().main(args, prog_name or PROG, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except Failure as exc:
            message(str(exc))
            code = exc.code
        except DataError as exc:
            message(f"bad data: {exc}")
            code = BAD_USAGE
        except typer.TyperException as exc:
            hint = ""
            ctx = getattr(exc, "ctx", None)
            if ctx is not None:
                hint = f" (see '{ctx.command_path} --help')"
            message(f"{exc.format_message()}{hint}")
            code = exc.exit_code
        except typer.Exit as exc:
            code = exc.exit_code
        except typer.Abort:
            code = 130
        except KeyboardInterrupt:
            code = 130
        except BrokenPipeError:
            _quiet_closed_pipe()
            code = 0
        if standalone_mode:
            sys.exit(code)
        return code


def _quiet_closed_pipe() -> None:
    """stdout was closed by the reader (`vr2018 read | head`): leave quietly."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


app = typer.Typer(
    cls=_Group,
    name=PROG,
    help="The Kingdom of the Netherlands on the UN Security Council in 2018: "
    "the government's letter of 15 February 2019 (BZDOC-151021554-15), searchable offline.",
    epilog=EXIT_CODES,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _corpus():
    from .corpus import load_corpus

    return load_corpus()


def _version(value: bool) -> None:
    if value:
        print(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Optional[bool] = typer.Option(
        None, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """The Kingdom of the Netherlands on the UN Security Council in 2018.

    \b
    Examples:
      vr2018 search Rohingya
      vr2018 read --json
    """
    if ctx.invoked_subcommand is None:
        print(ctx.get_help())


@app.command()
def read(
    json_: bool = typer.Option(False, "--json", help="Print the letter as one JSON object."),
) -> None:
    """Read the whole letter in reading order, with a marker wherever text is missing.

    On a terminal the letter opens in a pager; piped, it prints plain text.

    \b
    Examples:
      vr2018 read
      vr2018 read --json | jq '.paragraphs[].id'
    """
    from . import render

    corpus = _corpus()
    if json_:
        emit_json(render.read_json(corpus))
    else:
        show(render.letter_view(corpus), page=True)


def main() -> None:
    """The console script's entry point."""
    app()


__all__ = ["app", "main", "fail"]
