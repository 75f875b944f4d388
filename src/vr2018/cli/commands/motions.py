"""Motions and references: motions, refs.

Each command parses, calls an engine, hands the result to a view or a
serialiser and returns its exit status (see :mod:`vr2018.cli.main`).
"""

# No `from __future__ import annotations` here (see vr2018.cli.main).
from typing import TYPE_CHECKING, Annotated

from vr2018.cli import options as opt
from vr2018.cli.app import app, load_letter
from vr2018.cli.status import ExitStatus
from vr2018.cli.streams import respond
from vr2018.corpus.lang import Lang

if TYPE_CHECKING:
    from rich.console import RenderableType


@app.command(finds_nothing=True, short_help="The motions the letter answers, what was done, official links.")
def motions(
    query_words: opt.MotionQuery = None,
    kamerstuk: opt.KamerstukFlag = False,
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the motions as a JSON array.")] = False,
) -> ExitStatus:
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
      vr2018 motions --kamerstuk 34550 V D
      vr2018 motions --json
    """
    from vr2018 import motions as engine
    from vr2018.serialize.motions import motions_json

    query = opt.joined(query_words)
    corpus = load_letter()
    found = engine.find(corpus, query, kamerstuk_only=kamerstuk)

    def view() -> "RenderableType":
        from vr2018.views.motions import motions_by_kamerstuk, motions_view

        return motions_by_kamerstuk(corpus, found, lang) if kamerstuk else motions_view(corpus, found, lang)

    return respond(json_, data=lambda: motions_json(corpus, found), view=view)


@app.command(short_help="Every Kamerstuk and UN resolution the letter cites.")
def refs(
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the references as a JSON array.")] = False,
) -> ExitStatus:
    """Every document the letter cites: Kamerstukken and UN Security Council
    resolutions, each with the paragraphs that cite it and its official link.

    \b
    Examples:
      vr2018 refs
      vr2018 refs --json
    """
    from vr2018.motions import references
    from vr2018.serialize.letter import references_json

    corpus = load_letter()
    found = references(corpus)

    def view() -> "RenderableType":
        from vr2018.views.motions import references_view

        return references_view(corpus, found, lang)

    return respond(json_, data=lambda: references_json(corpus, found), view=view)
