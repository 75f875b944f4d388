"""The command line: thin Typer commands (parse → engine → render → exit code).

Exit codes for every command: 0 found, 1 nothing found, 2 bad usage or bad data.
Every failure is one line on stderr, never a traceback.
"""

# No `from __future__ import annotations` here: Typer reads every command's
# annotations at start-up, and evaluating them from strings made building the
# command tree take 6.5 ms instead of 2.8 ms (benchmarks/startup.py).
import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from . import __version__
from .output import BAD_USAGE, NOTHING_FOUND, PROG, Failure, emit_json, fail, message, prepare_streams, show

EXIT_CODES = """\
Exit status: 0 found, 1 nothing found, 2 bad usage or bad data."""

# The longest query searched: a whole paragraph of the letter (1,401 characters)
# fits; a pasted page does not, and is refused rather than searched for seconds.


class _PipeClosed(Exception):
    """stdout's reader went away (`vr2018 read | head -1`)."""


class _Group(TyperGroup):
    """Runs every command in non-standalone mode so that every failure,
    Typer's own usage errors included, becomes one line on stderr."""

    # The main jobs first, then the reading views (help and overview order).
    ORDER = ("search", "theme", "motions", "refs", "read", "show", "timeline", "people", "cite", "info")

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

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        from .corpus import DataError
        from .text import clean

        prepare_streams()
        # Escape sequences and control characters in the arguments never reach
        # the parser, the engines or a message: `search $'\e[31mRohingya'` is a
        # search for Rohingya, and a title-setting OSC is nothing at all.
        args = [clean(a) for a in (sys.argv[1:] if args is None else args)]
        try:
            result = super().main(args, prog_name or PROG, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
            # Flush here, not at interpreter exit: a reader that went away
            # (`vr2018 --version | true`) must end in the BrokenPipeError
            # branch below, not in Python's exit status 120.
            sys.stdout.flush()
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
        except (BrokenPipeError, _PipeClosed):
            _quiet_closed_pipe()
            code = 0
        except Exception as exc:  # a bug of ours: still one line, never a traceback
            if os.environ.get("VR2018_DEBUG"):
                raise
            message(f"internal error: {type(exc).__name__}: {exc} (set VR2018_DEBUG=1 for the traceback)")
            code = BAD_USAGE
        if standalone_mode:
            sys.exit(code)
        return code


def _quiet_closed_pipe() -> None:
    """stdout was closed by the reader (`vr2018 read | head`): leave quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


app = typer.Typer(
    cls=_Group,
    name=PROG,
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
    names = [n for n in group.list_commands(ctx) if not group.get_command(ctx, n).hidden]
    width = max(map(len, names), default=0)
    commands = "\n".join(
        f"  {name:<{width}}  {group.get_command(ctx, name).get_short_help_str(limit=76)}" for name in names
    )
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


@app.command(short_help="The whole letter in reading order, with a marker wherever text is missing.")
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


# ── reading views: show, timeline, people, cite, info ───────────────────────


def _complete_paragraph(incomplete: str) -> list:
    from .complete import paragraph_ids

    return paragraph_ids(incomplete)


def _complete_person(incomplete: str) -> list:
    from .complete import people

    return people(incomplete)


def _complete_theme(incomplete: str) -> list:
    """Shell completion for a theme NAME: theme ids (or one-word aliases) with their titles."""
    from .complete import themes

    return themes(incomplete)


def _did_you_mean(suggestions: list, listing: str = "") -> str:
    """'; did you mean: a, b?' or, with nothing close, where to look ('vr2018 theme')."""
    if suggestions:
        return f"; did you mean: {', '.join(suggestions)}?"
    return f" (see '{listing}')" if listing else ""


def _joined(parts: list[str] | None) -> str | None:
    """A variadic argument as one string, the way `search` takes its QUERY: the
    words of `people van den hul` are one name. None when none was given."""
    return " ".join(parts) if parts else None


def _paragraph(corpus: Any, query: str) -> Any:
    """The paragraph the user named (an unambiguous prefix will do), or exit 2 with suggestions."""
    from . import reading
    from .text import shorten

    if not query.strip():
        fail(f"empty paragraph id ('{PROG} read' lists every id)", BAD_USAGE)
    paragraph, suggestions = reading.find_paragraph(corpus, query)
    if paragraph is None:
        fail(f"no paragraph '{shorten(query)}'{_did_you_mean(suggestions)} ('{PROG} read' lists every id)", BAD_USAGE)
    return paragraph


def _theme(corpus: Any, name: str) -> Any:
    """The theme the user named, or exit 2 with suggestions."""
    from .themes import UnknownTheme, find

    try:
        return find(corpus, name)
    except UnknownTheme as exc:
        fail(str(exc), BAD_USAGE)


@app.command("show", short_help="One paragraph with its section, themes, people, dates and references.")
def show_(
    paragraph_id: str = typer.Argument(
        ..., metavar="ID", help="A paragraph id, or an unambiguous start of one.", autocompletion=_complete_paragraph
    ),
    context: int = typer.Option(
        0, "--context", "-C", min=0, metavar="N", help="Also show N paragraphs before and after."
    ),
    json_: bool = typer.Option(False, "--json", help="Print the paragraph and what it mentions as JSON."),
) -> None:
    """Show one paragraph with its section, fragment, themes, people, dates and references.

    A marker shows where pages of the letter are missing next to it.
    An unknown id exits with status 2 and suggests the closest ids.

    \b
    Examples:
      vr2018 show iran-2231
      vr2018 show conflict --context 1
      vr2018 show rutte-26-september --json
    """
    from . import reading, render

    corpus = _corpus()
    paragraph = _paragraph(corpus, paragraph_id)
    before, after = reading.neighbours(corpus, paragraph, context)
    if json_:
        emit_json(render.show_json(corpus, paragraph, before, after))
    else:
        show(render.show_view(corpus, paragraph, before, after))


@app.command(short_help="Every dated event in the letter, in chronological order.")
def timeline(
    theme: str | None = typer.Option(
        None, "--theme", "-t", metavar="NAME", help="Only events in paragraphs on this theme.",
        autocompletion=_complete_theme,
    ),
    json_: bool = typer.Option(False, "--json", help="Print the events as a JSON array."),
) -> None:
    """Every dated event the letter mentions, in chronological order.

    Dates are shown at the letter's own precision (day, month, year or a
    range); a year in [brackets] is inferred because the letter gives only
    day and month. Each event points at its paragraph. A theme on which the
    letter dates nothing exits with status 1.

    \b
    Examples:
      vr2018 timeline
      vr2018 timeline --theme caribisch
      vr2018 timeline --json
    """
    from . import reading, render

    corpus = _corpus()
    chosen = _theme(corpus, theme) if theme is not None else None
    events = reading.timeline(corpus, chosen)
    if json_:
        emit_json([render.event_json(e) for e in events])
    if not events:  # only with a theme: the letter dates nothing on it
        fail(f"no dated events in the paragraphs on theme '{chosen.title}'", NOTHING_FOUND)
    if not json_:
        show(render.timeline_view(corpus, events, chosen))


# Typer's defaults are declarations, built once (a variadic argument, as search's QUERY).
_PERSON_NAME = typer.Argument(
    None, metavar="[NAME]...", help="A name, alias or role word (case and accents do not matter; no quotes "
    "needed: van den hul).", autocompletion=_complete_person,
)


@app.command(short_help="Everyone the letter names, their role, and what they did.")
def people(
    name_words: list[str] | None = _PERSON_NAME,
    json_: bool = typer.Option(False, "--json", help="Print the people as a JSON array."),
) -> None:
    """Everyone the letter names, with the role it gives them; or what it says one person did.

    NAME matches names and aliases (an unambiguous start will do), then role
    words ("minister-president"). No match exits with status 1 and suggests
    the closest names (with --json it prints an empty array).

    \b
    Examples:
      vr2018 people
      vr2018 people kaag
      vr2018 people van den hul
      vr2018 people minister-president --json
    """
    from . import reading, render
    from .text import shorten

    name = _joined(name_words)
    if name is not None and not name.strip():
        fail(f"empty name: give a name, alias or role word, or none to list everyone ('{PROG} people')")
    corpus = _corpus()
    if name is None:
        found = corpus.people
    else:
        found, suggestions = reading.find_people(corpus, name)
        if not found:
            if json_:
                emit_json([])
            fail(f"nobody called '{shorten(name)}' in the letter{_did_you_mean(suggestions)}", NOTHING_FOUND)
    if json_:
        emit_json(render.people_json(corpus, found))
    elif name is None:
        show(render.people_view(corpus, found))
    else:
        show(_stack(render.person_view(corpus, p) for p in found))


def _stack(parts: Any) -> Any:
    """Renderables one below the other with a blank line between (Rich imported only when needed)."""
    from rich.console import Group
    from rich.text import Text

    spaced: list = []
    for n, part in enumerate(parts):
        spaced += [Text()] if n else []
        spaced.append(part)
    return Group(*spaced)


def _complete_format(incomplete: str) -> list:
    from .reading import FORMATS

    return [f for f in FORMATS if f.startswith(incomplete)]


@app.command(short_help="A paste-ready citation of the letter or of one paragraph.")
def cite(
    paragraph_id: str | None = typer.Argument(
        None, metavar="[ID]", help="Cite this paragraph rather than the whole letter.",
        autocompletion=_complete_paragraph,
    ),
    format_: str = typer.Option(
        "text", "--format", "-f", metavar="FORMAT", help="Citation style: text, markdown (md) or bibtex.",
        autocompletion=_complete_format,
    ),
    json_: bool = typer.Option(False, "--json", help="Print the citation's fields and every format as JSON."),
) -> None:
    """A paste-ready citation of the letter, or of one paragraph with its section.

    Built only from the letter's metadata: title, date, the two ministers,
    the addressee and reference BZDOC-151021554-15. The letter gives itself
    no Kamerstuk number, so none is cited.

    \b
    Examples:
      vr2018 cite
      vr2018 cite iran-2231 --format markdown
      vr2018 cite -f bibtex
    """
    from . import reading, render
    from .text import resolve, shorten

    style, _ = resolve(format_, {"text": "text", "markdown": "markdown", "md": "markdown", "bibtex": "bibtex"})
    if style is None:
        fail(f"unknown citation format '{shorten(format_)}'; use text, markdown or bibtex", BAD_USAGE)
    corpus = _corpus()
    paragraph = _paragraph(corpus, paragraph_id) if paragraph_id is not None else None
    citation = reading.citation(corpus, paragraph)
    if json_:
        emit_json(render.citation_json(corpus, citation))
    else:
        print(render.clean(reading.format_citation(citation, style)))


@app.command(short_help="What this copy holds: metadata, counts, missing text, version.")
def info(
    json_: bool = typer.Option(False, "--json", help="Print the metadata and counts as JSON."),
) -> None:
    """What this copy of the letter holds: metadata, counts, where text is missing, data version.

    \b
    Examples:
      vr2018 info
      vr2018 info --json
    """
    from . import render

    corpus = _corpus()
    if json_:
        emit_json(render.info_json(corpus, __version__))
    else:
        show(render.info_view(corpus, __version__))

# ── themes, motions and references ─────────────────────────────────────────


def _complete_motion_query(ctx: typer.Context, incomplete: str) -> list:
    """Shell completion for the motions QUERY: Kamerstuk notations (and, without
    --kamerstuk, submitters)."""
    from .complete import motion_queries

    return motion_queries(incomplete, kamerstuk_only=bool(ctx.params.get("kamerstuk")))


# Typer's defaults are declarations, built once (a variadic argument, as search's QUERY).
_THEME_NAME = typer.Argument(
    None, metavar="[NAME]...", autocompletion=_complete_theme,
    help="A theme's id, title or alias, in any case, with or without accents; a prefix will do; "
    "no quotes needed (climate change).",
)


@app.command(short_help="What the letter says per theme: a summary whose every point cites its paragraphs.")
def theme(
    name_words: list[str] | None = _THEME_NAME,
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
      vr2018 theme climate change --full
      vr2018 theme sancties --json
    """
    from . import render, themes

    name = _joined(name_words)
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


# Typer's defaults are declarations, built once (a variadic argument, as search's QUERY).
_MOTION_QUERY = typer.Argument(
    None, metavar="[QUERY]...", autocompletion=_complete_motion_query,
    help="Submitter or subject words (Kuzu, Rohingya, arms embargo), or a Kamerstuk in any notation "
    "(22045, 22 045, nr. 290, 34550-D); no quotes needed.",
)


@app.command(short_help="The motions the letter answers, what was done, and the official links.")
def motions(
    query_words: list[str] | None = _MOTION_QUERY,
    kamerstuk: bool = typer.Option(
        False, "--kamerstuk", "-k",
        help="List by Kamerstuk, number first, with the official link. QUERY, if given, must be a Kamerstuk; "
        "a bare dossier (22045) matches all its documents.",
    ),
    json_: bool = typer.Option(False, "--json", help="Print the motions as a JSON array."),
) -> None:
    """The parliamentary motions the letter answers, and what the government reports it did.

    QUERY finds motions by submitter, subject or the letter's sentence
    reporting on them (typos and English forgiven), or by Kamerstuk when it is
    one. With --kamerstuk the motions are listed by Kamerstuk with their
    official links, and QUERY must be a Kamerstuk.

    \b
    Examples:
      vr2018 motions
      vr2018 motions Kuzu
      vr2018 motions Myanmar
      vr2018 motions arms embargo
      vr2018 motions --kamerstuk
      vr2018 motions --kamerstuk 22045
      vr2018 motions --kamerstuk 22 045, nr. 290
      vr2018 motions --json
    """
    from . import kamerstuk as ks
    from . import motions as engine
    from . import render
    from .output import NOTHING_FOUND

    query = _joined(query_words)
    corpus = _corpus()
    nothing = ""  # why nothing was found, when nothing was
    if query is None:
        found = engine.by_kamerstuk(corpus) if kamerstuk else corpus.motions
    elif kamerstuk or ks.looks_like(query):
        try:
            wanted = ks.parse(query)
        except ValueError as exc:
            fail(str(exc), BAD_USAGE)
        found = engine.matching(corpus, wanted)
        nothing = engine.no_motion_message(corpus, wanted)
        if kamerstuk:
            found = engine.by_kamerstuk(corpus, found)
    else:
        try:
            found = engine.search(corpus, query)
        except ValueError as exc:
            fail(str(exc), BAD_USAGE)
        nothing = engine.no_words_message(corpus, query)
    if json_:  # an empty array too: --json always prints JSON, as search, people and timeline do
        emit_json([render.motion_json(corpus, m) for m in found])
    if not found:
        fail(nothing, NOTHING_FOUND)
    if not json_:
        show(render.motions_by_kamerstuk(corpus, found) if kamerstuk else render.motions_view(corpus, found))


@app.command(short_help="Every Kamerstuk and UN resolution the letter cites, with its paragraphs.")
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



# Typer's defaults are declarations, built once (the variadic QUERY argument).
_QUERY = typer.Argument(
    ..., metavar="QUERY",
    help='What to look for: words, names, numbers, in Dutch or English, typos and all. '
    'Put a "phrase in quotes" to require it.',
)


@app.command(short_help="Find paragraphs: forgiving of typos, accents, inflection and English.")
def search(
    query: list[str] = _QUERY,
    limit: int = typer.Option(
        10, "--limit", "-n", metavar="N", help="Show at most N paragraphs (1 or more)."
    ),
    theme: str | None = typer.Option(
        None, "--theme", "-t", metavar="NAME",
        help="Only paragraphs on this theme (id, title or alias, e.g. klimaat, sanctions).",
        autocompletion=_complete_theme,
    ),
    section: str | None = typer.Option(
        None, "--section", metavar="NAME", help="Only paragraphs in this section (id or title)."
    ),
    full: bool = typer.Option(False, "--full", help="Print whole paragraphs instead of snippets."),
    exact: bool = typer.Option(
        False, "--exact", help="Only the words as typed (case and accents aside): no typos, stems, compounds or glossary."
    ),
    json_: bool = typer.Option(False, "--json", help="Print the hits as a JSON array, best first."),
) -> None:
    """Find paragraphs of the letter: forgiving of typos, accents, hyphens, inflection and English.

    Hits come best first with their section, paragraph id and a snippet in
    which the matching words are bold and underlined. A quoted phrase must
    appear as written (case and accents aside). Exit status 1 when nothing
    matches, saying how many paragraphs match outside --theme/--section, or
    suggesting words of the letter close to those typed.

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
    from .search import QueryError, section_names
    from .search import search as run_search
    from .text import resolve, shorten

    text = " ".join(query)
    if not text.strip():
        fail("empty query: give one or more words to search for")
    if limit < 1:
        fail(f"--limit must be 1 or more (got {limit})")
    corpus = _corpus()
    theme_id = section_id = None
    if theme is not None:
        theme_id = _theme(corpus, theme).id
    if section is not None:
        section_id, close = resolve(section, section_names(corpus))
        if section_id is None:
            fail(f"unknown section '{shorten(section)}'" + _did_you_mean(close, f"{PROG} read"))
    try:
        results = run_search(corpus, text, limit=limit, theme=theme_id, section=section_id, exact=exact)
    except QueryError as exc:
        fail(f"{exc}: '{shorten(text)}'")
    if json_:
        emit_json(render.search_json(corpus, results))
    elif results.hits:
        show(render.search_view(corpus, results, full=full))
    if not results.hits:
        import shlex

        from .search import paragraphs_in

        theme_title = corpus.theme(theme_id).title if theme_id else ""
        section_title = corpus.section(section_id).title if section_id else ""
        why = f"nothing found for '{shorten(text)}'"
        if section_id and not paragraphs_in(corpus, section=section_id):  # VN-hervormingen: a heading, no text
            why += f": the text of section '{section_title}' is missing from this copy of the letter"
            why += ", only its heading survives" if corpus.section(section_id).printed else ""
        elif results.searched == 0:
            why += f": no paragraph on theme '{theme_title}' is in section '{section_title}'"
        else:
            why += f" in theme '{theme_title}'" if theme_id else ""
            why += f" in section '{section_title}'" if section_id else ""
        if results.outside:
            n = results.outside
            again = f"{PROG} search {'-- ' if any(q.startswith('-') for q in query) else ''}{shlex.join(query)}"
            if shorten(again, 100) != again:  # too long or unprintable to quote: describe it instead
                again = "search again without " + " and ".join(
                    flag for flag, used in (("--theme", theme_id), ("--section", section_id)) if used
                )
            them = "them" if theme_id and section_id else "it"
            why += f"; {n} paragraph{'s' if n != 1 else ''} outside {them} match{'es' if n == 1 else ''}: {again}"
        else:
            why += _did_you_mean(list(results.suggestions))
        fail(why, NOTHING_FOUND)


# ── export ──────────────────────────────────────────────────────────────────


def _complete_export(ctx: typer.Context, incomplete: str) -> list:
    from .export import FORMATS, TABLES

    choices = TABLES if ctx.params.get("format_") == "csv" else FORMATS
    return [c for c in choices if c.startswith(incomplete)]


@app.command("export", short_help="Export everything: Markdown, CSV, JSON Lines or an SQLite database.")
def export_(
    format_: str = typer.Argument(..., metavar="FORMAT", autocompletion=_complete_export,
                                  help="markdown, csv, jsonl or sqlite."),
    target: str = typer.Argument(None, metavar="[TABLE|FILE]", autocompletion=_complete_export,
                                 help="csv: the TABLE (paragraphs, sentences, themes, points, events, people, motions, "
                                 "references); sqlite: the database FILE."),
    output: str = typer.Option(None, "-o", "--output", metavar="FILE", help="Write to FILE instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    bom: bool = typer.Option(False, "--bom", help="csv: start with a byte order mark, for Excel."),
) -> None:
    """Export the whole letter, and what vr2018 knows about it, for other tools.

    markdown and jsonl are the whole corpus in one document; csv is one table
    per call; sqlite writes a database with keys and a full-text index. Text
    goes to stdout unless -o FILE is given. A file is written whole or not at
    all, and an existing file is kept unless --force.

    \b
    Examples:
      vr2018 export markdown -o vr2018.md
      vr2018 export csv paragraphs -o paragraphs.csv
      vr2018 export jsonl | jq -c 'select(.type == "motion")'
      vr2018 export sqlite vr2018.db
    """
    from . import export
    from .output import emit_bytes, write_file

    try:
        table, path = export.check(format_, target, output, bom)
    except export.ExportError as exc:
        fail(str(exc), BAD_USAGE)
    corpus = _corpus()
    if format_ == "sqlite" and path is not None:  # check() names a FILE for sqlite
        from .export.sqlite import write_sqlite

        write_file(path, lambda temporary: write_sqlite(corpus, temporary), force)
        return
    if format_ == "csv":
        text = export.csv_text(corpus, table, bom=bom)
    else:
        text = export.markdown(corpus) if format_ == "markdown" else export.jsonl(corpus)
    data = text.encode("utf-8")
    if path is None:
        emit_bytes(data)
    else:
        from pathlib import Path

        write_file(path, lambda temporary: Path(temporary).write_bytes(data), force)


def main() -> None:
    """The console script's entry point."""
    app()


__all__ = ["app", "main", "fail"]
