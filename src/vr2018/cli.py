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
from .output import BAD_USAGE, PROG, Failure, emit_json, fail, message, show

EXIT_CODES = """\
Exit status: 0 found, 1 nothing found, 2 bad usage or bad data."""


class _Group(TyperGroup):
    """Runs every command in non-standalone mode so that every failure,
    Typer's own usage errors included, becomes one line on stderr."""

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        from .corpus import DataError

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


# ── themes, motions and references ─────────────────────────────────────────


def _complete_theme(incomplete: str) -> list:
    """Shell completion for a theme NAME: theme ids (or one-word aliases) with their titles."""
    from .corpus import DataError
    from .themes import complete

    try:
        return complete(_corpus(), incomplete)
    except DataError:  # completion must never print a traceback into the shell
        return []


def _complete_motion_query(ctx: typer.Context, incomplete: str) -> list:
    """Shell completion for the motions QUERY: Kamerstuk notations (and, without
    --kamerstuk, submitters)."""
    from .corpus import DataError
    from .motions import complete

    try:
        return complete(_corpus(), incomplete, kamerstuk_only=bool(ctx.params.get("kamerstuk")))
    except DataError:
        return []


@app.command()
def theme(
    name: Optional[str] = typer.Argument(  # noqa: UP045 - Typer evaluates it on Python 3.9
        None, metavar="[NAME]", autocompletion=_complete_theme,
        help="A theme's id, title or alias, in any case, with or without accents; a prefix will do.",
    ),
    full: bool = typer.Option(False, "--full", help="Also print the text of the paragraphs the points cite."),
    json_: bool = typer.Option(False, "--json", help="Print JSON: the list, or the one theme."),
) -> None:
    """What the letter says per theme: a summary and key points, each citing its paragraphs.

    Without NAME, list the themes. With NAME, show the theme's summary, its
    points with the paragraph ids they rest on, and its motions, people and
    dates; a marker shows where a missing page cuts the theme's text.

    \b
    Examples:
      vr2018 theme
      vr2018 theme klimaat
      vr2018 theme climate --full
      vr2018 theme sancties --json
    """
    from . import render, themes

    corpus = _corpus()
    if name is None:
        if full:
            fail("--full needs a theme NAME (run 'vr2018 theme' for the list)")
        rows = [(t, len(corpus.theme_paragraphs(t.id)), themes.first_sentence(t.summary)) for t in corpus.themes]
        if json_:
            emit_json(render.theme_list_json(corpus, rows))
        else:
            show(render.theme_list(corpus, rows, crop=sys.stdout.isatty()))
        return
    try:
        found = themes.find(corpus, name)
    except themes.UnknownTheme as exc:
        fail(str(exc), BAD_USAGE)
    detail = themes.detail(corpus, found)
    if json_:
        emit_json(render.theme_json(corpus, detail, full=full))
    else:
        show(render.theme_view(corpus, detail, full=full), page=full)


@app.command()
def motions(
    query: Optional[str] = typer.Argument(  # noqa: UP045 - Typer evaluates it on Python 3.9
        None, metavar="[QUERY]", autocompletion=_complete_motion_query,
        help="A submitter or subject word (Kuzu, Rohingya), or a Kamerstuk in any notation "
        "(22045, '22 045, nr. 290', 34550-D).",
    ),
    kamerstuk: bool = typer.Option(
        False, "--kamerstuk", "-k",
        help="List by Kamerstuk, number first, with the official link. QUERY, if given, must be a Kamerstuk; "
        "a bare dossier (22045) matches all its documents.",
    ),
    json_: bool = typer.Option(False, "--json", help="Print the motions as a JSON array."),
) -> None:
    """The parliamentary motions the letter answers, and what the government reports it did.

    QUERY finds motions by submitter or subject (typos forgiven), or by
    Kamerstuk when it is one. With --kamerstuk the motions are listed by
    Kamerstuk with their official links, and QUERY must be a Kamerstuk.

    \b
    Examples:
      vr2018 motions
      vr2018 motions Kuzu
      vr2018 motions --kamerstuk
      vr2018 motions --kamerstuk 22045
      vr2018 motions --kamerstuk "22 045, nr. 290"
      vr2018 motions --json
    """
    from . import kamerstuk as ks
    from . import motions as engine
    from . import render
    from .output import NOTHING_FOUND

    corpus = _corpus()
    if query is None:
        found = engine.by_kamerstuk(corpus) if kamerstuk else corpus.motions
    elif kamerstuk or ks.looks_like(query):
        try:
            wanted = ks.parse(query)
        except ValueError as exc:
            fail(str(exc), BAD_USAGE)
        found = engine.matching(corpus, wanted)
        if not found:
            fail(engine.no_motion_message(corpus, wanted), NOTHING_FOUND)
        if kamerstuk:
            found = engine.by_kamerstuk(corpus, found)
    else:
        try:
            found = engine.search(corpus, query)
        except ValueError as exc:
            fail(str(exc), BAD_USAGE)
        if not found:
            fail(engine.no_words_message(corpus, query), NOTHING_FOUND)
    if json_:
        emit_json([render.motion_json(corpus, m) for m in found])
    elif kamerstuk:
        show(render.motions_by_kamerstuk(corpus, found))
    else:
        show(render.motions_table(corpus, found))


@app.command()
def refs(
    json_: bool = typer.Option(False, "--json", help="Print the references as a JSON array."),
) -> None:
    """Every document the letter cites: Kamerstukken and UN Security Council
    resolutions, each with the paragraphs that cite it and its official link.

    \b
    Examples:
      vr2018 refs
      vr2018 refs --json
    """
    from . import motions as engine
    from . import render

    corpus = _corpus()
    references = engine.references(corpus)
    if json_:
        emit_json(render.references_json(corpus, references))
    else:
        show(render.references_view(corpus, references))



def main() -> None:
    """The console script's entry point."""
    app()


__all__ = ["app", "main", "fail"]
