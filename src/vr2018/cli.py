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


# Typer's defaults are declarations, built once (the variadic QUERY argument).
_QUERY = typer.Argument(
    ..., metavar="QUERY",
    help='What to look for: words, names, numbers, in Dutch or English, typos and all. '
    'Put a "phrase in quotes" to require it.',
)


@app.command()
def search(
    query: list[str] = _QUERY,
    limit: int = typer.Option(10, "--limit", "-n", help="Show at most this many paragraphs (1 or more)."),
    theme: Optional[str] = typer.Option(
        None, "--theme", "-t", help="Only paragraphs on this theme (id, title or alias, e.g. klimaat, sanctions)."
    ),
    section: Optional[str] = typer.Option(None, "--section", help="Only paragraphs in this section (id or title)."),
    full: bool = typer.Option(False, "--full", help="Print whole paragraphs instead of snippets."),
    json_: bool = typer.Option(False, "--json", help="Print the hits as a JSON array, best first."),
) -> None:
    """Find paragraphs of the letter: forgiving of typos, accents, hyphens, inflection and English.

    Hits come best first with their section, paragraph id and a snippet in
    which the matching words are bold and underlined. A quoted phrase must
    appear as written (case and accents aside). Exit status 1 when nothing
    matches, with suggestions where the letter has something close.

    \b
    Examples:
      vr2018 search Rohingya
      vr2018 search rohinga
      vr2018 search noord korea sancties
      vr2018 search "human trafficking" --json
      vr2018 search '"nucleaire deal"' --full
      vr2018 search veiligheid --theme klimaat -n 3
    """
    from . import render
    from .output import NOTHING_FOUND
    from .search import QueryError, section_names, theme_names
    from .search import search as run_search
    from .text import resolve

    text = " ".join(query)
    if not text.strip():
        fail("empty query: give one or more words to search for")
    if limit < 1:
        fail(f"--limit must be 1 or more (got {limit})")
    corpus = _corpus()
    theme_id = section_id = None
    if theme is not None:
        names = theme_names(corpus)
        theme_id, close = resolve(theme, names)
        close = list({names[n]: n for n in reversed(close)}.values())[::-1]  # one name per theme
        if theme_id is None:
            fail(f"unknown theme '{theme}'" + _did_you_mean(close, "vr2018 theme"))
    if section is not None:
        section_id, close = resolve(section, section_names(corpus))
        if section_id is None:
            fail(f"unknown section '{section}'" + _did_you_mean(close, "vr2018 read"))
    try:
        results = run_search(corpus, text, limit=limit, theme=theme_id, section=section_id)
    except QueryError as exc:
        fail(f"{exc}: '{text}'")
    if json_:
        emit_json(render.search_json(corpus, results))
    elif results.hits:
        show(render.search_view(corpus, results, full=full))
    if not results.hits:
        where = f" in theme '{corpus.theme(theme_id).title}'" if theme_id else ""
        where += f" in section '{corpus.section(section_id).title}'" if section_id else ""
        hint = ""
        if results.suggestions:
            hint = "; did you mean " + " or ".join(f"'{s}'" for s in results.suggestions) + "?"
        fail(f"nothing found for '{text}'{where}{hint}", NOTHING_FOUND)


def _did_you_mean(names: list[str], listing: str) -> str:
    if names:
        return "; did you mean " + " or ".join(f"'{n}'" for n in names) + "?"
    return f" (see '{listing}')"


def main() -> None:
    """The console script's entry point."""
    app()


__all__ = ["app", "main", "fail"]
