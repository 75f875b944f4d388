"""How a command runs and ends: the Typer application, its command group, and
the one error handler that turns every failure into one line on stderr and
an exit status (:class:`~vr2018.errors.ExitStatus`), never a traceback. The
engines' domain errors are worded, and their status decided, in :mod:`vr2018.messages`.

The commands themselves are in :mod:`vr2018.commands`.
"""

# No `from __future__ import annotations` here: Typer reads the root
# callback's annotations at start-up (see vr2018.cli).
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .errors import ExitStatus, Failure, Terminated
from .output import PROG, Run, emit_json, message, prepare_streams, run_state
from .problems import Problem, Unknown

if TYPE_CHECKING:
    from .corpus import Corpus

# ── exit statuses: which command can end how, declared with each command ────
# Every command can end with 0 (it printed what was asked for), 2 (bad usage or
# bad data) and 130 (interrupted); one declared ``finds_nothing=True`` (its engine
# may raise NothingFound) can also answer 1, nothing found. Filled as commands register.
_FINDS_NOTHING: set[str] = set()

_MEANING = {
    ExitStatus.OK: "found",
    ExitStatus.NOTHING_FOUND: "nothing found",
    ExitStatus.BAD_USAGE: "bad usage or bad data",
    ExitStatus.INTERRUPTED: "interrupted",
}


def exit_statuses(command: str | None = None) -> tuple[ExitStatus, ...]:
    """The statuses ``vr2018 COMMAND`` can exit with (None: any command)."""
    finds_nothing = command is None or command in _FINDS_NOTHING
    return tuple(s for s in ExitStatus if s != ExitStatus.NOTHING_FOUND or finds_nothing)


def exit_codes(command: str | None = None) -> str:
    """The line that ends a command's --help: the statuses it can exit with."""
    return "Exit status: " + ", ".join(f"{int(s)} {_MEANING[s]}" for s in exit_statuses(command)) + "."


EXIT_CODES = exit_codes()


def usage_metavar(param: Any) -> str:
    """An argument as usage lines show it: ``ID``, ``[ID]``, ``QUERY...``, ``[NAME]...``
    (Typer would print a required one in braces, ``{QUERY}``, and drop the dots)."""
    name = param.metavar if param.metavar is not None else (param.name or "").upper()
    base = name.replace("...", "")
    if base.startswith("[") and base.endswith("]"):  # "[ID[:N]]": optional; "ID[:N]" is not
        base = base[1:-1]
    dots = "..." if param.nargs != 1 else ""
    return f"{base}{dots}" if param.required else f"[{base}]{dots}"


PRINTS_NO_VIEW = frozenset({"export", "help"})  # they print files or help, never a view


class _Command(TyperCommand):
    """Every command: arguments shown as in :func:`usage_metavar`, in the usage line and under Arguments;
    with ``--json``, JSON on stdout even when nothing is found; and, where it prints a view,
    ``--no-pager`` and ``--color``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.name not in PRINTS_NO_VIEW:
            from .options import display_options

            self.params.extend(display_options())

    def invoke(self, ctx: Any) -> Any:
        from . import messages

        try:
            return super().invoke(ctx)
        except Problem as error:  # nothing answers (status 1): --json still prints JSON, an empty array
            if messages.status(error) == ExitStatus.NOTHING_FOUND and run_state(ctx).json:
                emit_json([])
            raise

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            is_argument = param.param_type_name == "argument"
            pieces += [usage_metavar(param)] if is_argument else param.get_usage_pieces(ctx)
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                sections["Arguments"].append((usage_metavar(param), record[1]))
            else:
                sections["Options"].append(record)
        for title, rows in sections.items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


_CommandFunction = TypeVar("_CommandFunction", bound=Callable[..., Any])


class _App(typer.Typer):
    """The Typer application whose commands are :class:`_Command`."""

    def command(
        self,
        name: str | None = None,
        *,
        finds_nothing: bool = False,
        cls: type[TyperCommand] | None = None,
        **kwargs: Any,
    ) -> Callable[[_CommandFunction], _CommandFunction]:
        """Typer's decorator, with :class:`_Command`: the decorated function keeps its signature for
        type checkers. ``finds_nothing``: the command can exit 1 (its --help says so)."""
        register = super().command(name, cls=cls or _Command, **kwargs)

        def decorate(function: _CommandFunction) -> _CommandFunction:
            called = name or function.__name__.replace("_", "-")  # as Typer names it
            if finds_nothing:
                _FINDS_NOTHING.add(called)
            return register(function)

        return decorate


class _PipeClosed(Exception):
    """stdout's reader went away (`vr2018 read | head -1`)."""


class _Group(TyperGroup):
    """Runs every command in non-standalone mode so that every failure,
    Typer's own usage errors included, becomes one line on stderr."""

    # The main jobs first, then the reading views (help and overview order).
    ORDER = (
        "search",
        "theme",
        "motions",
        "refs",
        "read",
        "toc",
        "show",
        "timeline",
        "people",
        "cite",
        "info",
        "export",
        "help",
    )

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(self.ORDER)}
        return sorted(names, key=lambda n: rank.get(n, len(rank)))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, command in self.commands.items():  # every command's --help states its exit codes
            command.epilog = command.epilog or exit_codes(name)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        # Help wraps at the terminal's width up to 80 columns (Click would never go below 50).
        kwargs.setdefault("terminal_width", help_width() - 2)
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
        except Terminated as exc:  # SIGTERM, SIGHUP while a file was written (Typer would say 130 for any)
            raise typer.Exit(exc.status) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        from .text import clean

        prepare_streams()
        # Escape sequences and control characters in the arguments never reach
        # the parser, the engines or a message: `search $'\e[31mRohingya'` is a
        # search for Rohingya, and a title-setting OSC is nothing at all.
        raw = list(sys.argv[1:] if args is None else args)
        cleaned = [clean(a) for a in raw]
        # The run's state travels in Click's context object: a file name is never quietly
        # changed into another one (output.write_file refuses the altered arguments).
        extra.setdefault("obj", Run(c for a, c in zip(raw, cleaned, strict=True) if c != a))
        from .terminal import reset

        reset()  # --no-pager and --color hold for this run only
        try:
            result = super().main(
                cleaned,
                prog_name or PROG,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
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

    if isinstance(exc, Problem):  # raised by the engines: worded, and its status decided, in one place
        from . import messages

        message(messages.line(exc))
        return messages.status(exc)
    if isinstance(exc, Failure):
        message(str(exc))
        return exc.status
    if isinstance(exc, DataError):
        message(f"bad data: {exc}")
        return ExitStatus.BAD_USAGE
    if isinstance(exc, typer.TyperException):
        _keep_close_possibilities(exc)
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
        message(f"{_quoted_short(_env_hint_if_from_env(exc))}{_lang_hint(exc, ctx) or hint}")
        return exc.exit_code
    if isinstance(exc, typer.Exit):
        return exc.exit_code
    if isinstance(exc, typer.Abort):
        return ExitStatus.INTERRUPTED
    if isinstance(exc, (BrokenPipeError, _PipeClosed)):
        _quiet_closed_pipe()
        return ExitStatus.OK
    cache = sys.modules.get("vr2018.cache")
    if cache is not None:  # what it read may be what failed: the next run reads the TOML
        cache.forget_used()
    if os.environ.get("VR2018_DEBUG"):  # a bug of ours: still one line, never a traceback
        raise exc
    message(f"internal error: {type(exc).__name__}: {exc} (set VR2018_DEBUG=1 for the traceback)")
    return ExitStatus.BAD_USAGE


def _keep_close_possibilities(exc: Exception) -> None:
    """Click offers an option as "possible" when it is close counting the leading dashes
    (`--count` → `--json`): keep only the names close without them (`--limt` → `--limit`)."""
    possibilities = getattr(exc, "possibilities", None)
    typed = getattr(exc, "option_name", None)
    if not possibilities or not isinstance(typed, str):
        return
    from difflib import SequenceMatcher

    def close(name: str) -> bool:
        return SequenceMatcher(None, typed.lstrip("-"), name.lstrip("-")).ratio() >= CLOSE_OPTION

    exc.possibilities = [p for p in possibilities if close(p)]  # type: ignore[attr-defined]


CLOSE_OPTION = 0.6  # difflib's own cutoff, applied to the names without their dashes


def _lang_hint(exc: Exception, ctx: Any) -> str:
    """`vr2018 --lang en` or `vr2018 help --lang en`: say where --lang goes, not just that it is unknown here."""
    if getattr(exc, "option_name", None) != "--lang" or ctx is None:
        return ""
    if ctx.parent is not None and ctx.info_name != "help":
        return ""
    return (
        f" here: it goes after a command ('{PROG} search Rohingya --lang en'), or set VR2018_LANG=en for every command"
    )


def _quoted_short(text: str) -> str:
    """Click's message with every quoted value of the user's cut to 60 characters
    (`--lang` given 3,000 characters quoted them all)."""
    import re

    from .text import shorten

    text = re.sub(r"'([^']{61,})'", lambda m: f"'{shorten(m.group(1))}'", text)
    return re.sub(r"\S{81,}", lambda m: shorten(m.group(), 80), text)  # "No such option: --xxxx…"


def _env_hint_if_from_env(exc: typer.TyperException) -> str:
    """Click's message, naming the environment variable (VR2018_LANG) only when the bad value came from it."""
    text = exc.format_message()
    param, ctx = getattr(exc, "param", None), getattr(exc, "ctx", None)
    envvar = getattr(param, "envvar", None)
    if param is None or ctx is None or not isinstance(envvar, str):
        return text
    source = ctx.get_parameter_source(param.name)  # an enum member; its name, not Click's private module
    if getattr(source, "name", None) == "ENVIRONMENT":
        return text
    return text.replace(f" (env var: '{envvar}')", "")


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


app = _App(
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


def help_width() -> int:
    """The width help text wraps at: the terminal's, at most 80 columns (30 at least)."""
    import shutil

    return max(min(shutil.get_terminal_size().columns, 80), 30)


def _overview(ctx: Any) -> str:
    """What `vr2018` with no arguments prints: what it is, the commands, an example. No data is read."""
    from textwrap import fill

    group = ctx.command
    assert isinstance(group, TyperGroup)
    found = {n: group.get_command(ctx, n) for n in group.list_commands(ctx)}
    shown = {n: c for n, c in found.items() if c is not None and not c.hidden}
    width, room = max(map(len, shown), default=0), help_width()
    hang = " " * (width + 4)
    commands = "\n".join(
        fill(
            f"  {name:<{width}}  {c.get_short_help_str(limit=200)}",
            room,
            subsequent_indent=hang,
            break_long_words=False,
            break_on_hyphens=False,
        )
        for name, c in shown.items()
    )
    about = (
        f"{PROG} {__version__}: the Kingdom of the Netherlands on the UN Security Council in 2018.\n"
        "The government's letter of 15 February 2019 (BZDOC-151021554-15), offline."
    )
    more = (
        f"The letter is in Dutch: add --lang en for our unofficial English translation. "
        f"'{PROG} help COMMAND' shows a command's options and examples."
    )
    examples = "".join(
        f"\n  {PROG} {e}"
        for e in ("search Rohingya", "theme klimaat", "show iran-2231 --lang en", "motions --kamerstuk")
    )
    about = "\n".join(fill(line, room, break_long_words=False) for line in about.splitlines())
    return (
        f"{about}\n\nUsage: {PROG} COMMAND [ARGS]...\n\n"
        f"Commands:\n{commands}\n\nExamples:{examples}\n\n{fill(more, room, break_long_words=False)}"
    )


def _complete_command(ctx: typer.Context, incomplete: str) -> list[str]:
    return [name for name in _Group.ORDER if name.startswith(incomplete)]


@app.command("help", short_help="The overview, or a command's help: vr2018 help search.")
def help_(
    ctx: typer.Context,
    command: Annotated[
        str | None,
        typer.Argument(metavar="[COMMAND]", help="A command whose help to show.", autocompletion=_complete_command),
    ] = None,
) -> ExitStatus:
    """Show the overview of vr2018, or with COMMAND its help, as 'vr2018 COMMAND --help' does.

    \b
    Examples:
      vr2018 help
      vr2018 help search
    """
    root = ctx.parent
    assert root is not None and isinstance(root.command, TyperGroup)
    if command is None:
        print(_overview(root))
        return ExitStatus.OK
    found = root.command.get_command(root, command)
    if found is None or found.hidden:
        import difflib

        close = difflib.get_close_matches(command.lower(), list(_Group.ORDER), n=2)  # SEARCH: search
        raise Unknown("command", command, close)
    with found.make_context(command, [], parent=root, resilient_parsing=True) as sub:
        print(found.get_help(sub))
    return ExitStatus.OK
