"""Themes: the list, and one theme with its summary and cited points.

Each command parses, calls an engine, hands the result to a view or a
serialiser and returns its exit status (see :mod:`vr2018.cli.main`).
"""

# No `from __future__ import annotations` here (see vr2018.cli.main).
import sys
from typing import TYPE_CHECKING, Annotated

from vr2018.cli import options as opt
from vr2018.cli.app import app, fail, load_letter
from vr2018.cli.status import ExitStatus
from vr2018.cli.streams import respond
from vr2018.corpus.lang import Lang
from vr2018.i18n import _

if TYPE_CHECKING:
    from rich.console import RenderableType

    from vr2018.corpus.load import Corpus


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
    from vr2018 import themes

    name = opt.joined(name_words)
    corpus = load_letter()
    if name is None:
        if full:
            fail(_("--full needs a theme NAME (run 'vr2018 theme' for the list)"))
        return _theme_list(corpus, json_, lang)
    from vr2018.serialize.themes import theme_json

    detail = themes.detail(corpus, themes.find(corpus, name))

    def view() -> "RenderableType":
        from vr2018.views.themes import theme_view

        return theme_view(corpus, detail, full=full, lang=lang)

    return respond(json_, data=lambda: theme_json(corpus, detail, full=full), view=view)


def _theme_list(corpus: "Corpus", json_: bool, lang: Lang) -> ExitStatus:
    """`vr2018 theme` without a NAME: one line per theme."""
    from vr2018.serialize.themes import theme_list_json

    def view() -> "RenderableType":
        from vr2018.themes import listing
        from vr2018.views.themes import theme_list

        return theme_list(corpus, listing(corpus, lang), crop=sys.stdout.isatty(), lang=lang)

    return respond(json_, data=lambda: theme_list_json(corpus, corpus.themes), view=view)
