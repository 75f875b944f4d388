"""The letter itself: read, toc, show (a paragraph or a sentence), cite, info.

Each command parses, calls an engine, hands the result to a view or a
serialiser and returns its exit status (see :mod:`vr2018.cli.main`).
"""

# No `from __future__ import annotations` here (see vr2018.cli.main).
from typing import TYPE_CHECKING, Annotated

import typer

from vr2018.cli import options as opt
from vr2018.cli.app import app, fail, load_letter
from vr2018.cli.status import ExitStatus
from vr2018.cli.streams import respond
from vr2018.corpus.lang import Lang
from vr2018.i18n import _
from vr2018.version import __version__

if TYPE_CHECKING:
    from rich.console import RenderableType

    from vr2018.corpus.load import Corpus
    from vr2018.letter.citations import Citation
    from vr2018.letter.sentences import Sentence


@app.command(short_help="The whole letter in reading order, marking missing text.")
def read(
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the letter as one JSON object.")] = False,
) -> ExitStatus:
    """Read the whole letter in reading order, with a marker wherever text is missing.

    On a terminal the letter opens in a pager; piped, it prints plain text.

    \b
    Examples:
      vr2018 read
      vr2018 read --lang en
      vr2018 read --json | jq '.paragraphs[].id'
    """
    from vr2018.serialize.letter import read_json

    corpus = load_letter()

    def view() -> "RenderableType":
        from vr2018.views.letter import letter_view

        return letter_view(corpus, lang)

    return respond(json_, data=lambda: read_json(corpus), view=view)


PLAIN_WORDS = 8  # first words of each paragraph in `toc --plain`


@app.command(short_help="Table of contents: headings, paragraph ids, first words, gaps.")
def toc(
    lang: opt.LangOption = Lang.nl,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain", help="One 'ID<TAB>first words' line per paragraph, for fzf, grep and cut; nothing else."
        ),
    ] = False,
    json_: Annotated[bool, opt.json_flag("Print the table of contents as one JSON object.")] = False,
) -> ExitStatus:
    """The letter's table of contents: every heading in reading order (the letter's,
    or ours in [brackets] where its heading is on a missing page), each paragraph's
    id and first words, and where pages are missing. The ids are what 'show',
    'cite' and 'search --section' take.

    \b
    Examples:
      vr2018 toc
      vr2018 toc --lang en
      vr2018 toc --json | jq -r '.sections[].id'
      vr2018 toc --plain | fzf --preview 'vr2018 show {1}'
    """
    from vr2018.letter.outline import contents
    from vr2018.serialize.letter import toc_json

    corpus = load_letter()
    entries = contents(corpus)
    if plain and not json_:
        from vr2018.cli.streams import emit_lines
        from vr2018.letter.paragraphs import opening

        return emit_lines(f"{p.id}\t{opening(p, PLAIN_WORDS, lang)}" for entry in entries for p in entry.paragraphs)

    def view() -> "RenderableType":
        from vr2018.views.toc import toc_view

        return toc_view(corpus, entries, lang)

    return respond(json_, data=lambda: toc_json(corpus, entries), view=view)


@app.command("show", short_help="One paragraph (ID) or sentence (ID:N), with all we know about it.")
def show_(
    paragraph: Annotated[
        str,
        opt.paragraph_id(
            "ID[:N]",
            "A paragraph id, an unambiguous start of one, or the paragraph's number in reading order "
            "(as 'show' numbers it: \"paragraph 3 of 23\"); ID:N for its sentence N (from 1).",
        ),
    ],
    context: opt.Neighbours = 0,
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the paragraph and what it mentions as JSON.")] = False,
) -> ExitStatus:
    """Show one paragraph with its section, fragment, themes, people, dates and references.

    A bare number N is the N-th paragraph in reading order, as 'show'
    numbers them ("paragraph 3 of 23"). ID:N shows the paragraph's
    sentence N (counted from 1) with its paragraph id and section; so does
    a paragraph's number before the colon (3:2 is the third paragraph's
    second sentence). A marker shows where pages of the letter are missing
    next to it. An unknown id, a number past the last paragraph, or a
    sentence number the paragraph does not have, exits with status 2 and
    says what there is.

    \b
    Examples:
      vr2018 show iran-2231
      vr2018 show 3
      vr2018 show myanmar-rohingya:2
      vr2018 show conflict --context 1
      vr2018 show myanmar-rohingya --lang both
      vr2018 show rutte-26-september --json
    """
    from vr2018.letter.paragraphs import neighbours
    from vr2018.letter.sentences import Sentence, named

    corpus = load_letter()
    found = named(corpus, paragraph)
    if isinstance(found, Sentence):
        return _show_sentence(corpus, found, context, lang, json_)
    from vr2018.serialize.show import show_json

    before, after = neighbours(corpus, found, context)

    def view() -> "RenderableType":
        from vr2018.views.letter import show_view

        return show_view(corpus, found, before, after, lang)

    return respond(json_, data=lambda: show_json(corpus, found, before, after), view=view)


def _show_sentence(corpus: "Corpus", sentence: "Sentence", context: int, lang: Lang, json_: bool) -> ExitStatus:
    """`show ID:N`: one sentence, with its paragraph id, number and section."""
    if context:
        fail(_("--context is for a paragraph: show its id without ':N' to see its neighbours"))
    from vr2018.serialize.show import show_json

    def view() -> "RenderableType":
        from vr2018.views.letter import sentence_view

        return sentence_view(corpus, sentence, lang)

    return respond(json_, data=lambda: show_json(corpus, sentence.paragraph, sentence=sentence), view=view)


@app.command(short_help="A paste-ready citation of the letter, a paragraph (ID) or a quoted sentence (ID:N).")
def cite(
    paragraph: Annotated[
        str | None, opt.paragraph_id("[ID[:N]]", "Cite this paragraph (ID) or quote its sentence N (ID:N).")
    ] = None,
    format_: opt.CitationFormat = "text",
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the citation's fields and every format as JSON.")] = False,
) -> ExitStatus:
    """A paste-ready citation of the letter, or of one paragraph with its section.

    Built only from the letter's metadata: the two ministers' offices, the
    addressee, the date, reference BZDOC-151021554-15 and the title. The letter
    gives itself no Kamerstuk number, so none is cited. ID:N quotes the
    paragraph's sentence N (from 1) above its citation.

    Each citation is in one language. Dutch (--lang nl) follows the Leidraad
    voor juridische auteurs: "Brief van de minister van ... aan de Voorzitter
    van de Tweede Kamer der Staten-Generaal, 15 februari 2019, kenmerk ...".
    English (--lang en) keeps the letter's title and headings in Dutch with
    our English in [brackets], and quotes our English, marked as an
    unofficial translation; --lang both adds the Dutch original of the quote.

    For reference managers: bibtex, csl-json (Zotero, Mendeley, pandoc,
    citeproc) and ris (Zotero, EndNote). These also name the ministry, which
    the letter does not print; each marks it as not in the letter, with its source.

    \b
    Examples:
      vr2018 cite
      vr2018 cite iran-2231 --format markdown
      vr2018 cite iran-2231 --lang en
      vr2018 cite myanmar-rohingya:2
      vr2018 cite -f bibtex
      vr2018 cite conflict-en-honger:3 -f csl-json > cite.json
      vr2018 cite -f ris > letter.ris
    """
    from vr2018.letter import citation_formats, citations
    from vr2018.text.clean import clean

    style = citations.format_named(format_)
    corpus = load_letter()
    from vr2018.letter.sentences import Sentence, named

    found = named(corpus, paragraph) if paragraph is not None else None
    if isinstance(found, Sentence):
        citation = citations.sentence_citation(corpus, found)
    else:
        citation = citations.citation(corpus, found)
    if json_:
        from vr2018.cli.streams import emit_json
        from vr2018.serialize.letter import citation_json
        from vr2018.serialize.notice import with_notice

        return emit_json(with_notice(citation_json(corpus, citation)))
    cited = citation_formats.format_citation(citation, style, lang)
    if lang is Lang.both and style in ("text", "markdown"):
        cited = _with_dutch_original(cited, citation, style)
    print(clean(cited))
    return ExitStatus.OK


def _with_dutch_original(cited: str, citation: "Citation", style: str) -> str:
    """`cite --lang both` as text or Markdown: the English citation, then the Dutch original
    of what it quotes, under a label of ours (the interface's language, not the citation's)."""
    from vr2018.i18n import _
    from vr2018.letter.citation_words import original

    dutch = original(citation)
    if dutch is None:  # the whole letter: nothing quoted, the title is already the Dutch
        return cited
    label = _("Dutch original:")
    if style == "markdown":
        from vr2018.text.markdown import escape

        return f"{cited}\n\n{escape(label)} “{escape(dutch, line_start=False)}”"
    return f"{cited}\n{label} “{dutch}”"


@app.command(short_help="What this copy holds: metadata, counts, missing text, version.")
def info(
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the metadata and counts as JSON.")] = False,
) -> ExitStatus:
    """What this copy of the letter holds: metadata, counts, where text is missing, data version.

    \b
    Examples:
      vr2018 info
      vr2018 info --json
    """
    from vr2018.serialize.letter import info_json

    corpus = load_letter()

    def view() -> "RenderableType":
        from vr2018.views.letter import info_view

        return info_view(corpus, __version__, lang)

    return respond(json_, data=lambda: info_json(corpus, __version__), view=view)
