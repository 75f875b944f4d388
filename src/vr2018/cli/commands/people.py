"""People and dates: timeline, people.

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


@app.command(finds_nothing=True, short_help="Every dated event in the letter, in chronological order.")
def timeline(
    when_words: opt.WhenWords = None,
    theme: Annotated[str | None, opt.theme_filter("Only events in paragraphs on this theme.")] = None,
    lang: opt.LangOption = Lang.nl,
    within: opt.Within = None,
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

    WHEN (or --in WHEN), --from and --to take a year, a month or a day, in
    figures or with the month's name in Dutch or English, whole or
    abbreviated: 2018, september 2018, sept 2018, okt 2018, 2018-09,
    26 september 2018, 2018-09-26. A month or day without a year is in 2018,
    the year the letter looks back on, and the title says so. --from and
    --to are inclusive; given together, the filters keep the days all of
    them allow. An event is listed only if every day its date can
    mean lies in the window: "2018" is not in --from 2018-09 (the letter
    does not say when in 2018), "september 2018" is in --in 2018. --person
    keeps the events whose label names that person (a name, alias or role,
    as 'vr2018 people' finds them). A value that is no date exits with
    status 2; filters that leave nothing exit with status 1.

    \b
    Examples:
      vr2018 timeline
      vr2018 timeline september
      vr2018 timeline sept 2018
      vr2018 timeline --theme caribisch
      vr2018 timeline --from 2018-09 --to 2018-12
      vr2018 timeline --from september 2018
      vr2018 timeline --person rutte
      vr2018 timeline --json
    """
    from vr2018 import themes
    from vr2018.serialize.people import timeline_json
    from vr2018.timeline import dated, gathered

    since, until, within = gathered(since, until, within, opt.joined(when_words))
    corpus = load_letter()
    chosen = themes.find(corpus, theme) if theme is not None else None
    found = dated(corpus, chosen, since, until, person, within)

    def view() -> "RenderableType":
        from vr2018.cli.messages import narrowing, year_note
        from vr2018.views.people import timeline_view

        narrowed = narrowing(found.since, found.until, found.people, found.within)
        note = year_note(found.year) + "." if found.year is not None else ""
        return timeline_view(corpus, found.events, chosen, lang, narrowed, note)

    return respond(json_, data=lambda: timeline_json(found.events), view=view)


@app.command(finds_nothing=True, short_help="Everyone the letter names, their role, and what they did.")
def people(
    name_words: opt.PersonName = None,
    lang: opt.LangOption = Lang.nl,
    json_: Annotated[bool, opt.json_flag("Print the people as a JSON array.")] = False,
) -> ExitStatus:
    """Everyone the letter names, with the role it gives them; or what it says one person did.

    NAME matches names and aliases (an unambiguous start will do), then any
    part of a name and the words of a role, in Dutch or English and in any
    order ("minister-president", "prime minister", "foreign minister"), best
    match first. A slip in a word of five letters or more is read as the
    letter's spelling ("weaver": Wever-Croes), and words in none of the
    letter's names and roles are set aside when the rest names someone
    ("mark rutte": Rutte, whom the letter names only "Rutte"); the output
    says so above the answer. No match exits with status 1 and suggests the closest names
    (with --json it prints an empty array).

    \b
    Examples:
      vr2018 people
      vr2018 people kaag
      vr2018 people van den hul
      vr2018 people prime minister
      vr2018 people mark rutte
      vr2018 people minister-president --json
    """
    from vr2018.people import person_lookup
    from vr2018.serialize.people import people_json

    name = opt.joined(name_words)
    corpus = load_letter()
    lookup = None if name is None else person_lookup(corpus, name)
    found = corpus.people if lookup is None else lookup.people

    def view() -> "RenderableType":
        from vr2018.views.people import people_view, people_views

        return people_view(corpus, found, lang) if lookup is None else people_views(corpus, found, lang, lookup)

    return respond(json_, data=lambda: people_json(corpus, found), view=view)
