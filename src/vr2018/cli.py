"""The commands: each parses its arguments, calls an engine, hands the result to
a view (:mod:`vr2018.views`, Rich) or a serialiser (:mod:`vr2018.serialize`,
``--json``), and returns the exit status. Engines raise
:class:`~vr2018.errors.NotFound` when nothing answers; :mod:`vr2018.app` turns
that, and every other failure, into one line on stderr.

Start-up is most of what a command costs, so:
- engines, views and serialisers are imported inside the commands that use
  them: `--help` imports none, and `--json` never imports Rich;
- no `from __future__ import annotations` here: Typer reads every command's
  annotations at start-up, and evaluating them from strings made building the
  command tree take 6.5 ms instead of 2.8 ms (benchmarks/startup.py).
"""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__
from . import options as opt
from .app import EXIT_CODES, app, fail, load_letter, nothing_found
from .errors import ExitStatus, NotFound
from .lang import Lang
from .output import emit_json

if TYPE_CHECKING:
    from .corpus import Corpus

# ── the letter: read, show, cite, info ──────────────────────────────────────


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
    corpus = load_letter()
    if json_:
        from .serialize import read_json

        return emit_json(read_json(corpus))
    from .terminal import show
    from .views.letter import letter_view

    return show(letter_view(corpus, lang))


@app.command(short_help="Table of contents: headings, paragraph ids, first words, gaps.")
def toc(
    lang: opt.LangOption = Lang.nl,
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
    """
    from .toc import contents

    corpus = load_letter()
    entries = contents(corpus)
    if json_:
        from .serialize import toc_json

        return emit_json(toc_json(corpus, entries))
    from .terminal import show
    from .views.toc import toc_view

    return show(toc_view(corpus, entries, lang))


@app.command("show", short_help="One paragraph (ID) or sentence (ID:N), with all we know about it.")
def show_(
    paragraph: Annotated[str, opt.paragraph_id(
        "ID[:N]", "A paragraph id, or an unambiguous start of one; ID:N for its sentence N (from 1).")],
    context: opt.Context = 0,
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the paragraph and what it mentions as JSON.")] = False,
) -> ExitStatus:
    """Show one paragraph with its section, fragment, themes, people, dates and references.

    ID:N shows the paragraph's sentence N (counted from 1) with its paragraph
    id and section. A marker shows where pages of the letter are missing next
    to it. An unknown id, or a sentence number the paragraph does not have,
    exits with status 2 and says what there is.

    \b
    Examples:
      vr2018 show iran-2231
      vr2018 show myanmar-rohingya:2
      vr2018 show conflict --context 1
      vr2018 show myanmar-rohingya --lang both
      vr2018 show rutte-26-september --json
    """
    from . import reading

    corpus = load_letter()
    if ":" in paragraph:
        return _show_sentence(corpus, paragraph, context, lang, json_)
    found = reading.paragraph_named(corpus, paragraph)
    before, after = reading.neighbours(corpus, found, context)
    if json_:
        from .serialize import show_json

        return emit_json(show_json(corpus, found, before, after))
    from .terminal import show
    from .views.letter import show_view

    return show(show_view(corpus, found, before, after, lang))


def _show_sentence(corpus: "Corpus", address: str, context: int, lang: Lang, json_: bool) -> ExitStatus:
    """`show ID:N`: one sentence, with its paragraph id, number and section."""
    from .sentences import sentence_named

    if context:
        fail("--context is for a paragraph: show its id without ':N' to see its neighbours")
    sentence = sentence_named(corpus, address)
    if json_:
        from .serialize import show_json

        return emit_json(show_json(corpus, sentence.paragraph, sentence=sentence))
    from .terminal import show
    from .views.letter import sentence_view

    return show(sentence_view(corpus, sentence, lang))


@app.command(short_help="A paste-ready citation of the letter, a paragraph (ID) or a quoted sentence (ID:N).")
def cite(
    paragraph: Annotated[
        str | None, opt.paragraph_id("[ID[:N]]", "Cite this paragraph (ID) or quote its sentence N (ID:N).")
    ] = None,
    format_: Annotated[str, opt.citation_format()] = "text",
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the citation's fields and every format as JSON.")] = False,
) -> ExitStatus:
    """A paste-ready citation of the letter, or of one paragraph with its section.

    Built only from the letter's metadata: title, date, the two ministers,
    the addressee and reference BZDOC-151021554-15. The letter gives itself
    no Kamerstuk number, so none is cited. ID:N quotes the paragraph's
    sentence N (from 1) verbatim above its citation.

    \b
    Examples:
      vr2018 cite
      vr2018 cite iran-2231 --format markdown
      vr2018 cite iran-2231 --lang en
      vr2018 cite myanmar-rohingya:2
      vr2018 cite -f bibtex
    """
    from . import citations, reading
    from .text import clean, resolve, shorten

    style, _ = resolve(format_, {"text": "text", "markdown": "markdown", "md": "markdown", "bibtex": "bibtex"})
    if style is None:
        fail(f"unknown citation format '{shorten(format_)}'; use text, markdown or bibtex")
    corpus = load_letter()
    if paragraph is not None and ":" in paragraph:
        from .sentences import sentence_named

        citation = citations.sentence_citation(corpus, sentence_named(corpus, paragraph))
    else:
        found = reading.paragraph_named(corpus, paragraph) if paragraph is not None else None
        citation = citations.citation(corpus, found)
    if json_:
        from .serialize import citation_json

        return emit_json(citation_json(corpus, citation))
    print(clean(citations.format_citation(citation, style, lang)))
    return ExitStatus.OK


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
    corpus = load_letter()
    if json_:
        from .serialize import info_json

        return emit_json(info_json(corpus, __version__))
    from .terminal import show
    from .views.letter import info_view

    return show(info_view(corpus, __version__, lang))


# ── people and dates: timeline, people ──────────────────────────────────────


@app.command(short_help="Every dated event in the letter, in chronological order.")
def timeline(
    theme: Annotated[str | None, opt.theme_filter("Only events in paragraphs on this theme.")] = None,
    lang: opt.LangOption = Lang.nl,
    since: opt.Since = None,
    until: opt.Until = None,
    person: opt.PersonFilter = None,
    json_: Annotated[bool, opt.json_flag("Print the events as a JSON array.")] = False,
) -> ExitStatus:
    """Every dated event the letter mentions, in chronological order.

    Dates are shown at the letter's own precision (day, month, year or a
    range); a year in [brackets] is inferred because the letter gives only
    day and month. Events are ordered by the first day their date can mean;
    on the same first day the wider date comes first (2017-2018, then 2017,
    then oktober 2017). Each event points at its paragraph.

    --from and --to take a year, a month or a day (2018, 2018-09,
    2018-09-26) and are inclusive: an event is listed if any part of its
    date lies in the window, so "2018" is in --from 2018-09. --person keeps
    the events whose label names that person (a name, alias or role, as
    'vr2018 people' finds them). Filters that leave nothing exit with status 1.

    \b
    Examples:
      vr2018 timeline
      vr2018 timeline --theme caribisch
      vr2018 timeline --from 2018-09 --to 2018-12
      vr2018 timeline --person rutte
      vr2018 timeline --json
    """
    from . import reading, themes

    start = reading.window_bound(since) if since is not None else None
    end = reading.window_bound(until, last=True) if until is not None else None
    if start is not None and end is not None and start > end:
        fail(f"--from {since} is after --to {until}")
    if person is not None and not person.strip():
        fail("empty --person: give a name, alias or role ('vr2018 people' lists everyone)")
    corpus = load_letter()
    chosen = themes.find(corpus, theme) if theme is not None else None
    try:
        who = reading.people_named(corpus, person) if person is not None else None
        events = reading.timeline(corpus, chosen, start=start, end=end, people=who)
        if not events:
            raise reading.nothing_dated(chosen, since, until, who)
    except NotFound as error:
        nothing_found(error, json_)
    if json_:
        from .serialize import timeline_json

        return emit_json(timeline_json(events))
    from .terminal import show
    from .views.people import timeline_view

    return show(timeline_view(corpus, events, chosen, lang, reading.narrowing(since, until, who)))


@app.command(short_help="Everyone the letter names, their role, and what they did.")
def people(
    name_words: opt.PersonName = None,
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the people as a JSON array.")] = False,
) -> ExitStatus:
    """Everyone the letter names, with the role it gives them; or what it says one person did.

    NAME matches names and aliases (an unambiguous start will do), then any
    part of a name and the words of a role, in Dutch or English and in any
    order ("minister-president", "prime minister", "foreign minister"), best
    match first. No match exits with status 1 and suggests the closest names
    (with --json it prints an empty array).

    \b
    Examples:
      vr2018 people
      vr2018 people kaag
      vr2018 people van den hul
      vr2018 people prime minister
      vr2018 people minister-president --json
    """
    from . import reading

    name = opt.joined(name_words)
    if name is not None and not name.strip():
        fail("empty name: give a name, alias or role word, or none to list everyone ('vr2018 people')")
    corpus = load_letter()
    try:
        found = corpus.people if name is None else reading.people_named(corpus, name)
    except NotFound as error:
        nothing_found(error, json_)
    if json_:
        from .serialize import people_json

        return emit_json(people_json(corpus, found))
    from .terminal import show
    from .views.people import people_view, people_views

    return show(people_view(corpus, found, lang) if name is None else people_views(corpus, found, lang))


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
    from . import themes

    name = opt.joined(name_words)
    corpus = load_letter()
    if name is None:
        if full:
            fail("--full needs a theme NAME (run 'vr2018 theme' for the list)")
        return _theme_list(corpus, json_, lang)
    detail = themes.detail(corpus, themes.find(corpus, name))
    if json_:
        from .serialize import theme_json

        return emit_json(theme_json(corpus, detail, full=full))
    from .terminal import show
    from .views.themes import theme_view

    return show(theme_view(corpus, detail, full=full, lang=lang))


def _theme_list(corpus: "Corpus", json_: bool, lang: Lang) -> ExitStatus:
    """`vr2018 theme` without a NAME: one line per theme."""
    from .themes import listing

    rows = listing(corpus, lang)
    if json_:
        from .serialize import theme_list_json

        return emit_json(theme_list_json(corpus, rows))
    from .terminal import show
    from .views.themes import theme_list

    return show(theme_list(corpus, rows, crop=sys.stdout.isatty(), lang=lang))


@app.command(short_help="The motions the letter answers, what was done, official links.")
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
    from . import motions as engine

    query = opt.joined(query_words)
    corpus = load_letter()
    found = engine.find(corpus, query, kamerstuk_only=kamerstuk)
    if not found and query is not None:
        nothing_found(engine.nothing_found(corpus, query, kamerstuk_only=kamerstuk), json_)
    if json_:
        from .serialize import motions_json

        return emit_json(motions_json(corpus, found))
    from .terminal import show
    from .views.motions import motions_by_kamerstuk, motions_view

    return show(motions_by_kamerstuk(corpus, found, lang) if kamerstuk else motions_view(corpus, found, lang))


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
    from .motions import references

    corpus = load_letter()
    found = references(corpus)
    if json_:
        from .serialize import references_json

        return emit_json(references_json(corpus, found))
    from .terminal import show
    from .views.motions import references_view

    return show(references_view(corpus, found, lang))


# ── search ──────────────────────────────────────────────────────────────────


@app.command(short_help="Find paragraphs, forgiving typos, accents, inflection, English.")
def search(
    query: opt.SearchQuery,
    limit: opt.Limit = 10,
    theme: Annotated[str | None, opt.theme_filter(
        "Only paragraphs on this theme (id, title or alias, e.g. klimaat, sanctions).")] = None,
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
    from . import search as engine
    from .text import shorten

    text = " ".join(query)
    if not text.strip():
        fail("empty query: give one or more words to search for")
    if limit < 1:
        fail(f"--limit must be 1 or more (got {limit})")
    corpus = load_letter()
    theme_id = None
    if theme is not None:  # the themes engine only when asked for
        from .themes import find

        theme_id = find(corpus, theme).id
    section_id = engine.find_section(corpus, section) if section is not None else None
    try:
        results = engine.search(corpus, text, limit=limit, theme=theme_id, section=section_id, exact=exact)
    except engine.QueryError as exc:
        fail(f"{exc}: '{shorten(text)}'")
    if not results.hits:
        nothing_found(engine.explain_nothing_found(corpus, query, results, theme=theme_id, section=section_id), json_)
    if json_:
        from .serialize import search_json

        return emit_json(search_json(corpus, results))
    from .terminal import show
    from .views.search import search_view

    return show(search_view(corpus, results, full=full, lang=lang))


# ── export ──────────────────────────────────────────────────────────────────


@app.command("export", short_help="Everything as Markdown, CSV, JSON Lines or an SQLite database.")
def export_(
    format_: opt.ExportFormat,
    target: opt.ExportTarget = None,
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="FILE",
                                               help="Write to FILE instead of stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    bom: Annotated[bool, typer.Option("--bom", help="csv: start with a byte order mark, for Excel.")] = False,
    lang: opt.LangOption = Lang.nl,
) -> ExitStatus:
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
        fail(str(exc))
    corpus = load_letter()
    if format_ == "sqlite" and path is not None:  # check() names a FILE for sqlite
        from .export.sqlite import write_sqlite

        write_file(path, lambda temporary: write_sqlite(corpus, temporary), force)
        return ExitStatus.OK
    if format_ == "csv":
        text = export.csv_text(corpus, table, bom=bom)
    else:
        text = export.markdown(corpus, lang) if format_ == "markdown" else export.jsonl(corpus)
    data = text.encode("utf-8")
    if path is None:
        emit_bytes(data)
    else:
        from pathlib import Path

        write_file(path, lambda temporary: Path(temporary).write_bytes(data), force)
    return ExitStatus.OK


def main() -> None:
    """The console script's entry point."""
    app()


__all__ = ["EXIT_CODES", "app", "main"]
