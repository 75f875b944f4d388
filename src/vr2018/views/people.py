"""People and dates on a terminal: `people` (everyone, or one person) and `timeline`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group
from rich.text import Text

from vr2018.corpus.lang import NL, Lang, text_of
from vr2018.i18n import _, ngettext
from vr2018.people import person_names, person_paragraphs
from vr2018.text.clean import clean
from vr2018.timeline import SOURCE_NAMES, date_label
from vr2018.views.bilingual import unofficial
from vr2018.views.layout import (
    HEADING_STYLE,
    ID_STYLE,
    MUTED,
    Adaptive,
    fields,
    indent,
    item,
    legend,
    markers,
    plain,
    prose,
    stack,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Event, Person, Theme
    from vr2018.people import Lookup


def _where(event: Event) -> tuple[tuple[str, str], ...]:
    """'¶ inleiding', or 'letterhead' for a date the letterhead prints (no paragraph)."""
    if event.paragraph is None:
        return ((_(SOURCE_NAMES.get(event.source, event.source)), MUTED),)
    return (("¶ ", MUTED), (event.paragraph, ID_STYLE))


def timeline_view(
    corpus: Corpus,
    events: tuple[Event, ...],
    theme: Theme | None = None,
    lang: Lang = NL,
    narrowed: str = "",
    note: str = "",
) -> RenderableType:
    """The events in chronological order: date at the letter's precision, label, paragraph.
    ``narrowed`` says how --in/--from/--to/--person narrowed them ("from 2018-09 to 2018-12");
    ``note``, under the legend, what a year the user left out was taken to be."""
    n = len(events)
    if theme is None:
        title = ngettext("Timeline: {n} dated event in the letter", "Timeline: {n} dated events in the letter", n)
        title = title.format(n=n)
    else:
        title = ngettext("Timeline, theme {theme}: {n} dated event", "Timeline, theme {theme}: {n} dated events", n)
        title = title.format(theme=text_of(theme, "title", lang), n=n)
    if narrowed:
        title = _("{title}, {narrowed}").format(title=title, narrowed=narrowed)
    rows = [
        # one line per event (also for grep): the label, then its paragraph
        (date_label(e, lang), Text.assemble(clean(text_of(e, "label", lang)), "  ", *_where(e)))
        for e in events
    ]
    notes = legend(*markers(events))
    if note:
        notes += [Text()] if not notes else []
        notes.append(prose(Text(note, style=MUTED)))
    return Group(*unofficial(lang), plain(title, HEADING_STYLE), Text(), fields(rows, label_style="bold"), *notes)


def people_view(corpus: Corpus, people: tuple[Person, ...], lang: Lang = NL) -> RenderableType:
    """Everyone the letter names: name, role as the letter gives it, number of paragraphs, id."""
    from rich.table import Table

    table = Table(box=None, padding=(0, 2, 0, 0), header_style=HEADING_STYLE, show_edge=False)
    table.add_column(_("Name"), no_wrap=True, style="bold")
    table.add_column(_("Role"))
    table.add_column("¶", justify="right", no_wrap=True)
    table.add_column(_("Id"), style=ID_STYLE, no_wrap=True)
    lines, records = [], []
    name_width = max((len(p.name) for p in people), default=0)
    for person in people:
        count = str(len(person_paragraphs(corpus, person)))
        role = clean(text_of(person, "role", lang))
        table.add_row(clean(person.name), role, count, person.id)
        lines.append(
            Text.assemble(
                (f"{clean(person.name):<{name_width}}", "bold"),
                "  ",
                role,
                ("  ¶ " + count, MUTED),
                ("  " + person.id, ID_STYLE),
            )
        )
        records.append(_record(person, role, count))
    hint = Text(_("vr2018 people NAME shows what the letter says someone did."), style=MUTED)
    named = ngettext("{n} person named in the letter", "{n} people named in the letter", len(people))
    return Group(
        *unofficial(lang),
        Text(named.format(n=len(people)), style=HEADING_STYLE),
        Text(),
        Adaptive(table, lines, narrow=stack(records)),
        Text(),
        hint,
    )


def _record(person: Person, role: str, count: str) -> RenderableType:
    """One row of the people table as labelled lines (the column headers as labels), for a
    terminal too narrow for the table."""
    labels = (_("Role"), "¶", _("Id"))
    width = max(cell_len(label) for label in labels) + 2
    role_label, count_label, id_label = (label + " " * (width - cell_len(label)) for label in labels)
    return Group(
        plain(person.name, "bold"),
        indent(item(role_label, plain(role), MUTED)),
        indent(Text.assemble((count_label, MUTED), count)),
        indent(Text.assemble((id_label, MUTED), (person.id, ID_STYLE))),
    )


def person_view(corpus: Corpus, person: Person, lang: Lang = NL) -> RenderableType:
    """One person: name, role, what the letter says they did, with paragraph ids."""
    parts: list[RenderableType] = [
        Text.assemble((clean(person.name), "bold"), ("  " + person.id, MUTED)),
        plain(text_of(person, "role", lang)),
    ]
    if person.aliases:
        parts.append(Text.assemble((_("also written:") + " ", MUTED), clean(", ".join(person.aliases))))
    parts.append(Text())
    for did in person.did:
        where = Text()
        if did.paragraphs:
            for n, pid in enumerate(did.paragraphs):
                where.append(("" if n == 0 else ", ") + "¶ ", style=MUTED)
                where.append(pid, style=ID_STYLE)
        else:
            where.append(_("(signature block, not a paragraph)"), style=MUTED)
        parts += [item("• ", plain(text_of(did, "text", lang))), indent(where)]
    parts.append(Text())
    mentioned = person_paragraphs(corpus, person)
    if mentioned:
        parts.append(Text.assemble((_("named in:") + " ", MUTED), (", ".join(mentioned), ID_STYLE)))
    return Group(*parts)


def people_views(
    corpus: Corpus, people: tuple[Person, ...], lang: Lang = NL, lookup: Lookup | None = None
) -> RenderableType:
    """One block per person, a blank line between; first, how ``lookup`` read the name typed
    (:func:`lookup_notes`)."""
    notes = lookup_notes(lookup) if lookup is not None else []
    blocks = stack(person_view(corpus, p, lang) for p in people)
    return Group(*unofficial(lang), *notes, Text(), blocks) if notes else Group(*unofficial(lang), blocks)


def lookup_notes(lookup: Lookup) -> list[RenderableType]:
    """What a lookup did not find as typed: a word read as the letter spells it ("Read
    'weaver' as 'Wever'…"), and a name the letter does not write ("The letter does not call
    this person 'Mark Rutte': it writes only Rutte or minister-president Rutte."). The
    names shown are the letter's; a word set aside is never shown as one of them."""
    notes: list[RenderableType] = []
    if lookup.read_as:
        pairs = ", ".join(
            _("'{typed}' as '{letter}'").format(typed=typed, letter=letter) for typed, letter in lookup.read_as
        )
        notes.append(prose(Text(_("Read {pairs}: the letter's spelling.").format(pairs=pairs), style=MUTED)))
    if lookup.unprinted:
        asked = " ".join(lookup.asked.split())
        if len(lookup.people) == 1:
            names = person_names(lookup.people[0])[1:]  # as the letter writes them, the id aside
            written = names[0]
            if len(names) > 1:
                written = _("{names} or {last}").format(names=", ".join(names[:-1]), last=names[-1])
            said = _("The letter does not call this person '{asked}': it writes only {names}.")
            notes.append(prose(Text(clean(said.format(asked=asked, names=written)), style=MUTED)))
        else:
            said = _("The letter calls no one '{asked}': these are the names it gives.")
            notes.append(prose(Text(clean(said.format(asked=asked)), style=MUTED)))
    return notes
