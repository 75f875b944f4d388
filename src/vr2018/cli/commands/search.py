"""Search: the one command that reads the index.

Each command parses, calls an engine, hands the result to a view or a
serialiser and returns its exit status (see :mod:`vr2018.cli.main`).
"""

# No `from __future__ import annotations` here (see vr2018.cli.main).
from typing import TYPE_CHECKING, Annotated

import typer

from vr2018.cli import options as opt
from vr2018.cli.app import app, fail, load_letter
from vr2018.cli.status import ExitStatus
from vr2018.cli.streams import respond, run_state
from vr2018.corpus.lang import Lang
from vr2018.i18n import _

if TYPE_CHECKING:
    from rich.console import RenderableType


@app.command(finds_nothing=True, short_help="Find paragraphs, forgiving typos, accents, inflection, English.")
def search(
    ctx: typer.Context,
    query: opt.SearchQuery,
    limit: opt.Limit = 10,
    theme: Annotated[
        str | None, opt.theme_filter("Only paragraphs on this theme (id, title or alias, e.g. klimaat, sanctions).")
    ] = None,
    section: opt.Section = None,
    full: Annotated[bool, opt.full_flag("Print whole paragraphs instead of snippets.")] = False,
    exact: opt.Exact = False,
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the hits as a JSON array, best first.")] = False,
) -> ExitStatus:
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
    from vr2018 import search as engine

    text = " ".join(query)
    if not text.strip():
        fail(_("empty query: give one or more words to search for"))
    if limit < 1:
        fail(_("--limit must be 1 or more (got {limit})").format(limit=limit))
    corpus = load_letter()
    theme_id = None
    if theme is not None:  # the themes engine only when asked for
        from vr2018.themes import find

        theme_id = find(corpus, theme).id
    section_id = engine.find_section(corpus, section) if section is not None else None
    results = engine.answer(corpus, query, limit=limit, theme=theme_id, section=section_id, exact=exact)
    # Nobody chose the text's language: answer in the language the question was asked in.
    asked_in = results.language if not run_state(ctx).lang_chosen and results.language != lang.value else ""
    shown = Lang(asked_in) if asked_in else lang

    def view() -> "RenderableType":
        from vr2018.views.search import search_view

        return search_view(corpus, results, full=full, lang=shown, asked_in=asked_in)

    def data() -> object:
        from vr2018.serialize.search import search_json  # only for --json: a view loads no serialiser

        return search_json(corpus, results)

    return respond(json_, data=data, view=view)
