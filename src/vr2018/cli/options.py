"""The command line's options and arguments, each declared once.

An option several commands share is a factory: a command states it as
``Annotated[type, json_flag("help")]``, so the flag's names, metavar and shell
completion live here while the help line, which says what that command prints
or filters, stays with the command. The rest are whole ``Annotated`` types.
Completion callbacks load what they need lazily, so declaring them costs nothing.
"""

# No `from __future__ import annotations` here (see vr2018.cli.main: Typer evaluates annotations eagerly).
from typing import Annotated, Any

import typer

from vr2018.corpus.lang import Lang


def _complete_paragraph(incomplete: str) -> list[tuple[str, str]]:
    from vr2018.cli.completion import paragraph_ids

    return paragraph_ids(incomplete)


def _complete_person(incomplete: str) -> list[tuple[str, str]]:
    from vr2018.cli.completion import people

    return people(incomplete)


def _complete_theme(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for a theme NAME: theme ids (or one-word aliases) with their titles."""
    from vr2018.cli.completion import themes

    return themes(incomplete)


def _complete_format(incomplete: str) -> list[str]:
    from vr2018.letter.citations import FORMATS

    return [f for f in (*FORMATS, "md", "csl") if f.startswith(incomplete)]


def _complete_motion_query(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for the motions QUERY: Kamerstuk notations (and, without
    --kamerstuk, submitters)."""
    from vr2018.cli.completion import motion_queries

    return motion_queries(
        incomplete, kamerstuk_only=bool(ctx.params.get("kamerstuk")), before=tuple(ctx.params.get("query_words") or ())
    )


def _wants_json(ctx: typer.Context, value: bool) -> bool:
    """Note in the run's state (:class:`vr2018.cli.streams.Run`) that JSON was asked for: a
    command that finds nothing then still prints JSON, an empty array."""
    if value:
        from vr2018.cli.streams import run_state

        run_state(ctx).json = True
    return value


def json_flag(help: str) -> Any:
    """``--json``: nothing but JSON on stdout (:mod:`vr2018.serialize`), never Rich."""
    return typer.Option("--json", help=help, callback=_wants_json)


def full_flag(help: str) -> Any:
    """``--full``: whole paragraphs rather than ids or snippets."""
    return typer.Option("--full", help=help)


def theme_filter(help: str) -> Any:
    """``--theme/-t NAME``: only what lies in the paragraphs on one theme."""
    return typer.Option("--theme", "-t", metavar="NAME", help=help, autocompletion=_complete_theme)


def paragraph_id(metavar: str, help: str) -> Any:
    """A paragraph id (an unambiguous start will do), completed from the letter's ids."""
    return typer.Argument(metavar=metavar, help=help, autocompletion=_complete_paragraph)


CitationFormat = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="Citation style: text, markdown (md), bibtex, csl-json (csl) or ris.",
        autocompletion=_complete_format,
    ),
]


def _text_language(ctx: typer.Context, param: Any, value: Lang) -> str:
    """The text's language: the flag, else VR2018_LANG (both read by Click), else the locale's
    when it names Dutch or English, else Dutch (:func:`vr2018.i18n.text_language`). Whether
    the user chose it is noted in the run's state: a search then answers in the language
    of its question only when nobody chose."""
    source = ctx.get_parameter_source(param.name) if param.name else None
    if getattr(source, "name", "DEFAULT") != "DEFAULT":
        from vr2018.cli.streams import run_state

        run_state(ctx).lang_chosen = True
        return value.value  # Typer converts the returned value to the enum again, by its value
    from vr2018.i18n import text_language  # neither the flag nor VR2018_LANG was given: the rest of the rule

    return text_language(None)


LangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
        envvar="VR2018_LANG",
        case_sensitive=False,
        metavar="nl|en|both",
        show_default=False,
        callback=_text_language,
        help="nl (the Dutch original), en (our unofficial English translation) or both (English with the "
        "Dutch original of each passage of the letter under it, or beside it on a terminal of 140 columns or "
        "more). Default: VR2018_LANG, else your locale's language when it is Dutch or English, else nl.",
    ),
]


PersonName = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[NAME]...",
        help="A name, alias or role word (case and accents do not matter; no quotes needed: van den hul).",
        autocompletion=_complete_person,
    ),
]


ThemeName = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[NAME]...",
        autocompletion=_complete_theme,
        help="A theme's id, title or alias, in any case, with or without accents; a prefix will do; "
        "no quotes needed (climate change).",
    ),
]


MotionQuery = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[QUERY]...",
        autocompletion=_complete_motion_query,
        help="Submitter or subject words (Kuzu, Rohingya, arms embargo), or a Kamerstuk in any notation "
        "(22045, 22 045, nr. 290, 34550-D, 34550 V D, TK 22045-290); no quotes needed.",
    ),
]


SearchQuery = Annotated[
    list[str],
    typer.Argument(
        metavar="QUERY",
        help="What to look for: words, names, numbers, in Dutch or English, typos and all. "
        'Put a "phrase in quotes" to require it.',
    ),
]


Neighbours = Annotated[
    int, typer.Option("--context", "-C", min=0, metavar="N", help="Also show N paragraphs before and after.")
]


KamerstukFlag = Annotated[
    bool,
    typer.Option(
        "--kamerstuk",
        "-k",
        help="List by Kamerstuk, number first, with the official link. QUERY, if given, must be a Kamerstuk; "
        "a bare dossier (22045) matches all its documents.",
    ),
]


Since = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="WHEN",
        help="Only events from WHEN on: a year, month or day (2018, september 2018, sep 2018, 2018-09, 2018-09-26).",
    ),
]


Until = Annotated[
    str | None, typer.Option("--to", metavar="WHEN", help="Only events up to WHEN, inclusive: a year, month or day.")
]


Within = Annotated[
    str | None,
    typer.Option(
        "--in", metavar="WHEN", help="Only events within WHEN: a year, month or day, as the WHEN argument takes it."
    ),
]


WhenWords = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[WHEN]...",
        help="Only events within this year, month or day: 2018, september 2018, sept 2018, okt 2018, 2018-09, "
        "or a month alone (september: the year the letter looks back on, 2018). No quotes needed.",
        show_default=False,
    ),
]


PersonFilter = Annotated[
    str | None,
    typer.Option(
        "--person",
        "-p",
        metavar="NAME",
        autocompletion=_complete_person,
        help="Only events naming this person (name, alias or role, e.g. rutte, prime minister).",
    ),
]


Limit = Annotated[int, typer.Option("--limit", "-n", metavar="N", help="Show at most N paragraphs (1 or more).")]


Section = Annotated[
    str | None, typer.Option("--section", metavar="NAME", help="Only paragraphs in this section (id or title).")
]


Exact = Annotated[
    bool,
    typer.Option(
        "--exact", help="Only the words as typed (case and accents aside): no typos, stems, compounds or glossary."
    ),
]


def joined(parts: list[str] | None) -> str | None:
    """A variadic argument as one string; None when none was given."""
    return " ".join(parts) if parts else None


def _complete_export_format(incomplete: str) -> list[str]:
    from vr2018.export import FORMATS

    return [c for c in FORMATS if c.startswith(incomplete)]


def _complete_export_target(ctx: typer.Context, incomplete: str) -> list[str]:
    """csv's TABLE; sqlite's FILE is the shell's to complete, and the other formats take none."""
    from vr2018.export import TABLES

    return [c for c in TABLES if c.startswith(incomplete)] if ctx.params.get("format_") == "csv" else []


ExportFormat = Annotated[
    str,
    typer.Argument(
        metavar="FORMAT", autocompletion=_complete_export_format, help="markdown, csv, jsonl, sqlite or metadata."
    ),
]


ExportTarget = Annotated[
    str | None,
    typer.Argument(
        metavar="[TABLE|FILE]",
        autocompletion=_complete_export_target,
        help="csv: the TABLE (letter, sections, paragraphs, sentences, gaps, themes, points, statements, events, "
        "people, motions, references); "
        "sqlite: the database FILE; metadata: the DATABASE it describes (vr2018.db unless given).",
    ),
]


def _no_pager(ctx: typer.Context, param: Any, value: bool) -> bool:
    from vr2018.cli.console import configure

    if value:
        configure(no_pager=True)
    return value


def _color(ctx: typer.Context, param: Any, value: str | None) -> str | None:
    from vr2018.cli.console import COLORS, configure

    if value is None:
        return value
    if value not in COLORS:
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(COLORS)}")
    configure(color=value)
    return value


def display_options() -> list[Any]:
    """``--no-pager`` and ``--color auto|always|never``, which every command that prints takes
    (they are not passed to the command: the terminal takes them)."""
    from typer.core import TyperOption

    return [
        TyperOption(
            param_decls=["--no-pager"],
            is_flag=True,
            default=False,
            expose_value=False,
            callback=_no_pager,
            help="Never open the pager, even when the output is taller than the screen.",
        ),
        TyperOption(
            param_decls=["--color"],
            default=None,
            metavar="WHEN",
            expose_value=False,
            callback=_color,
            help="Colour and links: auto (on a terminal), always, never. Wins over NO_COLOR and FORCE_COLOR.",
        ),
    ]
