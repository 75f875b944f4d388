"""The Typer application and its command group: how a command is declared (its usage line,
its exit statuses, ``--json`` owed where nothing is found), run (streams, the run's state in
Click's context object, every failure handed to :func:`vr2018.cli.failures.settle`) and helped
(the overview, ``help``).

The commands themselves are in :mod:`vr2018.cli.commands`.
"""

# No `from __future__ import annotations` here: Typer reads the root
# callback's annotations at start-up (see vr2018.cli.main).
# No `from __future__ import annotations` here: Typer reads the root
# callback's annotations at start-up (see vr2018.cli.main).
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from vr2018.cli.status import ExitStatus, Failure, Terminated
from vr2018.cli.streams import PROG, Run, emit_json, prepare_streams, run_state
from vr2018.i18n import _
from vr2018.problems import Problem, Unknown

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
from vr2018.cli.help import InterfaceLanguage, usage_metavar
from vr2018.cli.status import FINDS_NOTHING, PipeClosed, of_problem

PRINTS_NO_VIEW = frozenset({"export", "help"})  # they print files or help, never a view


class _Command(InterfaceLanguage, TyperCommand):
    """Every command: arguments shown as in :func:`usage_metavar`, in the usage line and under Arguments;
    with ``--json``, JSON on stdout even when nothing is found; and, where it prints a view,
    ``--no-pager`` and ``--color``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.name not in PRINTS_NO_VIEW:
            from vr2018.cli.options import display_options

            self.params.extend(display_options())

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except Problem as error:  # nothing answers (status 1): --json still prints JSON, an empty array
            if of_problem(error) == ExitStatus.NOTHING_FOUND and run_state(ctx).json:
                emit_json([])
            raise

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            is_argument = param.param_type_name == "argument"
            pieces += [usage_metavar(param)] if is_argument else param.get_usage_pieces(ctx)
        return pieces


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
                FINDS_NOTHING.add(called)
            return register(function)

        return decorate


class _Group(InterfaceLanguage, TyperGroup):
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

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        # Help wraps at the terminal's width up to 80 columns (Click would never go below 50).
        kwargs.setdefault("terminal_width", help_width() - 2)
        # Click turns a closed pipe into exit status 1 ("nothing found"), which
        # would be a lie: take it out of Click's hands.
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError:
            raise PipeClosed() from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise PipeClosed() from None
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
        from vr2018.text.clean import clean

        prepare_streams()
        # Escape sequences and control characters in the arguments never reach
        # the parser, the engines or a message: `search $'\e[31mRohingya'` is a
        # search for Rohingya, and a title-setting OSC is nothing at all.
        raw = list(sys.argv[1:] if args is None else args)
        cleaned = [clean(a) for a in raw]
        # The run's state travels in Click's context object: a file name is never quietly
        # changed into another one (output.write_file refuses the altered arguments).
        extra.setdefault("obj", Run(c for a, c in zip(raw, cleaned, strict=True) if c != a))
        from vr2018.cli.console import reset

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
            # branch of settle(), not in Python's exit status 120.
            sys.stdout.flush()
        except Exception as exc:  # every failure ends here, as one line
            from vr2018.cli.failures import settle  # only now: most runs end well

            status = settle(exc)
        except KeyboardInterrupt:
            status = ExitStatus.INTERRUPTED
        if standalone_mode:
            sys.exit(int(status))
        return int(status)


def load_letter() -> "Corpus":
    """The letter, loaded on first use (each command calls this after parsing)."""
    from vr2018.corpus.load import load_corpus

    return load_corpus()


def fail(message: str) -> NoReturn:
    """Bad usage: one line on stderr, exit status 2."""
    raise Failure(message)


app = _App(
    cls=_Group,
    name=PROG,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from vr2018.version import __version__

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

    from vr2018.version import __version__ as version

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
    about = _(
        "{prog} {version}: the Kingdom of the Netherlands on the UN Security Council in 2018.\n"
        "The government's letter of 15 February 2019 (BZDOC-151021554-15), offline."
    ).format(prog=PROG, version=version)
    more = _(
        "The letter is in Dutch: add --lang en for our unofficial English translation. "
        "'{prog} help COMMAND' shows a command's options and examples."
    ).format(prog=PROG)
    examples = "".join(
        f"\n  {PROG} {e}"
        for e in ("search Rohingya", "theme klimaat", "show iran-2231 --lang en", "motions --kamerstuk")
    )
    about = "\n".join(fill(line, room, break_long_words=False) for line in about.splitlines())
    usage = _("Usage: ") + f"{PROG} " + _("COMMAND [ARGS]...")
    return (
        f"{about}\n\n{usage}\n\n{_('Commands')}:\n{commands}\n\n{_('Examples:')}{examples}\n\n"
        f"{fill(more, room, break_long_words=False)}"
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
