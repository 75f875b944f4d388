"""Themes: the list, and one theme with its summary and cited points.

Each command parses, calls an engine, hands the result to a view or a
serialiser and returns its exit status (see :mod:`vr2018.cli`).
"""

# No `from __future__ import annotations` here (see vr2018.cli).
import sys
from typing import TYPE_CHECKING, Annotated

from .. import options as opt
from ..app import app, fail, load_letter
from ..errors import ExitStatus
from ..lang import Lang
from ..output import respond

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..corpus import Corpus


# ── themes, motions and references ─────────────────────────────────────────


@app.command(short_help="Per theme: a summary whose every point cites its paragraphs.")
def theme(
    name_words: opt.ThemeName = None,
    full: Annotated[bool, opt.full_flag("Also print the text of the paragraphs the points cite.")] = False,
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print JSON: the list, or the one theme.")] = False,
) -> ExitStatus:
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
    from .. import themes

    name = opt.joined(name_words)
    corpus = load_letter()
    if name is None:
        if full:
            fail("--full needs a theme NAME (run 'vr2018 theme' for the list)")
        return _theme_list(corpus, json_, lang)
    from ..serialize import theme_json

    detail = themes.detail(corpus, themes.find(corpus, name))

    def view() -> "RenderableType":
        from ..views.themes import theme_view

        return theme_view(corpus, detail, full=full, lang=lang)

    return respond(json_, data=lambda: theme_json(corpus, detail, full=full), view=view)


def _theme_list(corpus: "Corpus", json_: bool, lang: Lang) -> ExitStatus:
    """`vr2018 theme` without a NAME: one line per theme."""
    from ..serialize import theme_list_json

    def view() -> "RenderableType":
        from ..themes import listing
        from ..views.themes import theme_list

        return theme_list(corpus, listing(corpus, lang), crop=sys.stdout.isatty(), lang=lang)

    return respond(json_, data=lambda: theme_list_json(corpus, corpus.themes), view=view)
