"""Rich renderables and plain JSON for the corpus and the engine's results.

Renderers never parse TOML and never decide what was found: they take model
objects and results and turn them into something to print. Every piece of
data (the letter's text, a user's query) goes into :class:`rich.text.Text`
as plain text, never through markup, and is stripped of control characters
first, so nothing in it can reach the terminal as markup or an escape code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.rule import Rule
from rich.text import Text

from .serialize import (  # noqa: F401  (re-exported: the JSON builders used to live here)
    citation_json,
    event_json,
    gaps_json,
    info_json,
    letter_json,
    motion_json,
    paragraph_json,
    people_json,
    read_json,
    reference_json,
    references_json,
    show_json,
    theme_json,
    theme_list_json,
)
from .text import clean  # the one definition of "safe for a terminal" (re-exported)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .corpus import Corpus
    from .model import Paragraph

GAP = "[…] Tekst ontbreekt: een of meer pagina's van de brief zijn niet beschikbaar."
GAP_STYLE = "bold yellow"
ID_STYLE = "cyan"
HEADING_STYLE = "bold"
MUTED = "dim"


def plain(value: str, style: str = "") -> Text:
    """Data as Rich text, never interpreted as markup."""
    return Text(clean(value), style=style)


def gap_marker() -> Text:
    return Text(GAP, style=GAP_STYLE)


def cut_text(paragraph: Paragraph, body: Text) -> Text:
    """The paragraph's text with a visible marker where a missing page cuts it."""
    out = Text()
    if paragraph.cut == "start":
        out.append("[…] ", style=GAP_STYLE)
    out.append_text(body)
    if paragraph.cut == "end":
        out.append(" […]", style=GAP_STYLE)
    return out


def paragraph_block(corpus: Corpus, paragraph: Paragraph, body: Text | None = None) -> RenderableType:
    """One paragraph: its id above, its text (with cut markers) below."""
    head = Text.assemble(("¶ ", MUTED), (paragraph.id, ID_STYLE))
    text = cut_text(paragraph, body if body is not None else plain(paragraph.text))
    return Group(head, text, Text())


# ── the letter ──────────────────────────────────────────────────────────────


def letter_view(corpus: Corpus) -> RenderableType:
    """The whole letter in reading order: header, sections, paragraphs, gaps, signatures."""
    letter = corpus.letter
    parts: list[RenderableType] = [
        plain(letter.title, "bold"),
        Text.assemble(("Datum         ", MUTED), clean(letter.date_as_written)),
        Text.assemble(("Referentie    ", MUTED), clean(letter.reference)),
        _labelled("Geadresseerde", letter.addressee),
        _labelled("Afzender", letter.sender),
        Text(),
        plain(letter.salutation),
        Text(),
    ]
    fragment: int | None = 1  # None: a gap marker was just shown
    for section in corpus.sections:
        paragraphs = [p for p in corpus.paragraphs if p.section == section.id]
        if paragraphs:
            if fragment is not None and paragraphs[0].fragment != fragment:
                parts += [gap_marker(), Text()]
            fragment = paragraphs[0].fragment
        if section.printed:
            parts.append(plain(section.title, "bold underline" if section.level == 1 else HEADING_STYLE))
        elif section.id != corpus.sections[0].id:
            parts.append(plain(f"[{section.title}]", "italic " + MUTED))
        for paragraph in paragraphs:
            parts.append(paragraph_block(corpus, paragraph))
        if not paragraphs:  # a heading whose text is on a missing page
            parts += [Text(), gap_marker(), Text()]
            fragment = None
    parts.append(Rule(style=MUTED))
    for signatory in letter.signatories:
        parts.append(Text.assemble(clean(signatory.office), "\n", (clean(signatory.name), "bold"), "\n"))
    return Group(*parts)


def _labelled(label: str, lines: tuple[str, ...]) -> Text:
    out = Text()
    for n, line in enumerate(lines):
        out.append(f"{label if n == 0 else '':<14}", style=MUTED)
        out.append(clean(line) + ("\n" if n < len(lines) - 1 else ""))
    return out


# ── JSON ────────────────────────────────────────────────────────────────────


# ── reading views: show, timeline, people, cite, info ───────────────────────


class _Adaptive:
    """A table on a terminal; when output is piped (soft wrap), plain lines that never wrap,
    so each record stays on its own line(s) for grep and friends."""

    def __init__(self, table: RenderableType, lines: list[Text]) -> None:
        self.table = table
        self.lines = lines

    def __rich_console__(self, console: Any, options: Any) -> Any:
        if console.soft_wrap or _too_narrow(console, options, self.table):
            yield from self.lines  # on a narrow terminal too: they wrap, the table would cut
        else:
            yield self.table


def _too_narrow(console: Any, options: Any, renderable: Any) -> bool:
    """True where ``renderable`` cannot be drawn in the width without cutting text."""
    from rich.measure import Measurement

    return Measurement.get(console, options.update_width(10_000), renderable).minimum > options.max_width


class _Fields:
    """Labelled values: on a terminal a grid, the label in a column of its own; a
    value with a word too long for its column (a URL) goes under its label at
    full width, whole, so it can be copied; piped, plain hanging lines."""

    def __init__(self, rows: list[tuple[str, Text]], label_style: str, lines: list[Text]) -> None:
        self.rows = rows
        self.label_style = label_style
        self.lines = lines

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.cells import cell_len
        from rich.padding import Padding
        from rich.table import Table

        if console.soft_wrap:
            yield from self.lines
            return
        width = max((cell_len(label) for label, _ in self.rows), default=0)
        room = options.max_width - width - 2
        table = None
        for label, value in self.rows:
            longest = max((cell_len(word) for word in value.plain.split()), default=0)
            if longest <= room:
                if table is None:
                    table = Table.grid(padding=(0, 2))
                    table.add_column(style=self.label_style, no_wrap=True, min_width=width)
                    table.add_column(overflow="fold")
                table.add_row(plain(label), value)
                continue
            if table is not None:
                yield table
                table = None
            yield plain(label, self.label_style)
            indent = 2 if longest + 2 <= options.max_width else 0
            yield Padding(value, (0, 0, 0, indent))
        if table is not None:
            yield table


def _fields(rows: list[tuple[str, Text]], label_style: str = MUTED) -> _Fields:
    """Labelled values, the label in a column of its own; a value's lines hang under its first."""
    width = max((len(label) for label, _ in rows), default=0)
    lines = []
    for label, value in rows:
        for n, part in enumerate(value.split("\n")):
            line = Text(f"{label if n == 0 else '':<{width}}  ", style=label_style if n == 0 else "")
            line.append_text(part)
            lines.append(line)
    return _Fields(rows, label_style, lines)


class _Fit:
    """``wide`` where the terminal has ``need`` columns, else ``narrow``: a narrow
    terminal gets a layout that wraps rather than one that cuts text off."""

    def __init__(self, wide: RenderableType, narrow: RenderableType, need: int) -> None:
        self.wide = wide
        self.narrow = narrow
        self.need = need

    def __rich_console__(self, console: Any, options: Any) -> Any:
        yield self.wide if options.max_width >= self.need else self.narrow


def _context_block(corpus: Corpus, paragraph: Paragraph) -> RenderableType:
    """A neighbouring paragraph shown for context: its id, and its text dimmed."""
    head = Text.assemble(
        ("¶ ", MUTED), (paragraph.id, ID_STYLE), ("  " + clean(corpus.section_title(paragraph)), MUTED)
    )
    return Group(head, cut_text(paragraph, plain(paragraph.text, MUTED)), Text())


def _with_gaps(corpus: Corpus, shown: list[Paragraph], blocks: list[RenderableType]) -> list[RenderableType]:
    """Blocks in reading order with a gap marker wherever pages are missing around or between them."""
    parts: list[RenderableType] = []
    for n, (paragraph, block) in enumerate(zip(shown, blocks, strict=True)):
        if corpus.gap_before(paragraph):
            parts += [gap_marker(), Text()]
        parts.append(block)
        if n == len(shown) - 1 and corpus.gap_after(paragraph):
            parts += [gap_marker(), Text()]
    return parts


def _missing(corpus: Corpus, paragraph: Paragraph) -> str:
    notes = []
    if corpus.gap_before(paragraph):
        mid = "; it starts mid-sentence" if paragraph.cut == "start" else ""
        notes.append("pages are missing before this paragraph" + mid)
    if corpus.gap_after(paragraph):
        mid = "; it breaks off mid-sentence" if paragraph.cut == "end" else ""
        notes.append("pages are missing after this paragraph" + mid)
    return "; ".join(notes)


def show_view(corpus: Corpus, paragraph: Paragraph, before: tuple[Paragraph, ...] = (),
              after: tuple[Paragraph, ...] = ()) -> RenderableType:
    """One paragraph with everything the data knows about it, and optional neighbours."""
    from . import reading

    rows: list[tuple[str, Text]] = []
    rows.append(("Section", plain(corpus.section_title(paragraph))))
    rows.append(("Position", Text(
        f"fragment {paragraph.fragment} of {len(corpus.letter.fragments)} · "
        f"paragraph {corpus.position(paragraph.id) + 1} of {len(corpus.paragraphs)} in this copy"
    )))
    if paragraph.themes:
        rows.append(("Themes", _joined(f"{corpus.theme(t).title} ({t})" for t in paragraph.themes)))
    if paragraph.people:
        people = (corpus.person(i) for i in paragraph.people)
        rows.append(("People", _joined(f"{p.name} ({p.role})" for p in people)))
    if paragraph.places:
        rows.append(("Places", _joined(paragraph.places)))
    if paragraph.organisations:
        rows.append(("Organisations", _joined(paragraph.organisations)))
    events = corpus.paragraph_events(paragraph.id)
    if events:
        rows.append(("Dates", _lines(f"{reading.date_label(e)}: {e.label}" for e in events)))
    if paragraph.references:
        refs = []
        for rid in paragraph.references:
            ref = corpus.reference(rid)
            refs.append(f"{ref.as_written}: {ref.description}" + (f"\n{ref.url}" if ref.url else ""))
        rows.append(("References", _lines(refs)))
    motions = corpus.motions_for([paragraph.id])
    if motions:
        rows.append(("Motions", _lines(f"{m.as_written} ({m.id})" for m in motions)))
    missing = _missing(corpus, paragraph)
    if missing:
        rows.append(("Missing", plain(missing, GAP_STYLE)))
    focus = Group(
        Text.assemble(("¶ ", MUTED), (paragraph.id, "bold " + ID_STYLE)),
        _fields(rows),
        Text(),
        cut_text(paragraph, plain(paragraph.text)),
        Text(),
    )
    shown = [*before, paragraph, *after]
    blocks = [*(_context_block(corpus, p) for p in before), focus, *(_context_block(corpus, p) for p in after)]
    return Group(*_with_gaps(corpus, shown, blocks))


def _joined(values: Any) -> Text:
    return plain(" · ".join(values))


def _lines(values: Any) -> Text:
    return plain("\n".join(values))


INFERRED_NOTE = "[2018]: the letter gives day or month without a year; the year is inferred."


def timeline_view(corpus: Corpus, events: tuple[Any, ...], theme: Any = None) -> RenderableType:
    """The events in chronological order: date at the letter's precision, label, paragraph."""
    from . import reading

    title = f"Timeline: {len(events)} dated events in the letter"
    if theme is not None:
        title = f"Timeline, theme {theme.title}: {len(events)} dated events"
    rows = [
        # one line per event (also for grep): the label, then its paragraph
        (reading.date_label(e), Text.assemble(clean(e.label), "  ", ("¶ ", MUTED), (e.paragraph, ID_STYLE)))
        for e in events
    ]
    parts: list[RenderableType] = [plain(title, HEADING_STYLE), Text(), _fields(rows, label_style="bold")]
    if any(e.year_inferred for e in events):
        parts += [Text(), Text(INFERRED_NOTE, style=MUTED)]
    return Group(*parts)


def people_view(corpus: Corpus, people: tuple[Any, ...]) -> RenderableType:
    """Everyone the letter names: name, role as the letter gives it, number of paragraphs, id."""
    from rich.table import Table

    from . import reading

    table = Table(box=None, padding=(0, 2, 0, 0), header_style=HEADING_STYLE, show_edge=False)
    table.add_column("Name", no_wrap=True, style="bold")
    table.add_column("Role")
    table.add_column("¶", justify="right", no_wrap=True)
    table.add_column("Id", style=ID_STYLE, no_wrap=True)
    lines = []
    name_width = max((len(p.name) for p in people), default=0)
    for person in people:
        count = str(len(reading.person_paragraphs(corpus, person)))
        table.add_row(clean(person.name), clean(person.role), count, person.id)
        lines.append(Text.assemble(
            (f"{clean(person.name):<{name_width}}", "bold"), "  ", clean(person.role),
            ("  ¶ " + count, MUTED), ("  " + person.id, ID_STYLE),
        ))
    hint = Text("vr2018 people NAME shows what the letter says someone did.", style=MUTED)
    return Group(
        Text(f"{len(people)} people named in the letter", style=HEADING_STYLE), Text(),
        _Adaptive(table, lines), Text(), hint,
    )


def person_view(corpus: Corpus, person: Any) -> RenderableType:
    """One person: name, role, what the letter says they did, with paragraph ids."""
    from . import reading

    parts: list[RenderableType] = [
        Text.assemble((clean(person.name), "bold"), ("  " + person.id, MUTED)),
        plain(person.role),
    ]
    if person.aliases:
        parts.append(Text.assemble(("also written: ", MUTED), clean(", ".join(person.aliases))))
    parts.append(Text())
    for did in person.did:
        line = Text("• ")
        line.append_text(plain(did.text))
        where = Text("  ")
        if did.paragraphs:
            for n, pid in enumerate(did.paragraphs):
                where.append(("" if n == 0 else ", ") + "¶ ", style=MUTED)
                where.append(pid, style=ID_STYLE)
        else:
            where.append("(signature block, not a paragraph)", style=MUTED)
        parts += [line, where]
    parts.append(Text())
    mentioned = reading.person_paragraphs(corpus, person)
    if mentioned:
        parts.append(Text.assemble(("named in: ", MUTED), (", ".join(mentioned), ID_STYLE)))
    return Group(*parts)


def info_view(corpus: Corpus, version: str) -> RenderableType:
    """What this copy of the letter holds, and where text is missing."""
    from . import reading

    letter = corpus.letter
    data = info_json(corpus, version)
    counts = data["counts"]
    earlier = corpus.reference(letter.earlier_letter)
    about = _fields([
        ("Date", plain(f"{letter.date_as_written} ({letter.date})")),
        ("Reference", plain(letter.reference)),
        ("Kamerstuk", Text("not given in the letter", style=MUTED)),
        ("From", _lines(f"{s.name}, {s.office}" for s in letter.signatories)),
        ("To", _lines(letter.addressee)),
        ("Earlier letter", plain(earlier.as_written + (f"\n{earlier.url}" if earlier.url else ""))),
        ("Summary", plain(letter.results_url)),
    ])
    missing = []
    for gap in reading.gaps(corpus):
        line = f"after ¶ {gap.after.id}" + (" (breaks off mid-sentence)" if gap.after.cut == "end" else "")
        for heading in gap.headings:
            line += f", the heading “{heading.title}” without its text"
        line += f", before ¶ {gap.before.id}" + (" (starts mid-sentence)" if gap.before.cut == "start" else "")
        missing.append(line)
    spans = ", ".join(f"{f.first_line}–{f.last_line}" for f in letter.fragments)
    copy = _fields([
        ("Fragments", Text(f"{counts['fragments']} (source lines {spans})")),
        ("Paragraphs", Text(f"{counts['paragraphs']} in {counts['sections']} sections, {counts['words']} words")),
        ("Missing text", plain("\n".join(missing), GAP_STYLE)),
        ("Records", Text(
            f"{counts['themes']} themes · {counts['motions']} motions · {counts['references']} references · "
            f"{counts['people']} people · {counts['events']} events"
        )),
        ("Version", Text(f"data {letter.data_version} · vr2018 {version}")),
    ])
    return Group(
        plain(letter.title, "bold"), about, Text(),
        Text("This copy", style=HEADING_STYLE), copy,
    )

# ── themes, motions and references ─────────────────────────────────────────


def _ids(ids: Any) -> Text:
    """Paragraph ids as a citation: [inleiding, conflict-en-honger]."""
    return Text.assemble(("[", MUTED), (", ".join(ids), ID_STYLE), ("]", MUTED))


def _heading(title: str) -> Text:
    return Text("\n" + title, style=HEADING_STYLE)


def _event_date(event: Any) -> str:
    from .reading import date_label

    return date_label(event)


def theme_list(corpus: Corpus, rows: list[tuple[Any, int, str]], crop: bool = False) -> RenderableType:
    """One line per theme: id, number of paragraphs, title, the summary's first sentence;
    ``crop`` cuts each line to the screen's width (on a terminal), else lines stay whole."""
    width = max(len(theme.id) for theme, _, _ in rows)

    def listing(crop: bool) -> Group:
        lines: list[RenderableType] = [Text(f"{'theme':<{width}}   ¶  title — summary", style=HEADING_STYLE)]
        for theme, count, line in rows:
            lines.append(Text.assemble(
                (f"{clean(theme.id):<{width}}", ID_STYLE), f" {count:>3}  ", (clean(theme.title), "bold"),
                (" — " + clean(line), MUTED), no_wrap=crop, overflow="ellipsis" if crop else None,
            ))
        lines.append(Text("\nvr2018 theme NAME shows one theme (its id, title or any alias).", style=MUTED))
        return Group(*lines)

    if not crop:
        return listing(False)
    # Cropping only ever shortens a summary: where even id and title do not fit, wrap instead.
    need = width + 6 + max(len(theme.title) for theme, _, _ in rows)
    return _Fit(listing(True), listing(False), need)


def theme_view(corpus: Corpus, detail: Any, full: bool = False) -> RenderableType:
    """A theme: title, summary, points with citations, motions, people, dates, gaps;
    with ``full``, the cited paragraphs' text with gap markers."""
    theme = detail.theme
    parts: list[RenderableType] = [
        Text.assemble((clean(theme.title), "bold"), "  ", (f"({theme.id})", ID_STYLE)),
    ]
    if theme.aliases:
        parts.append(Text.assemble(("also: ", MUTED), (clean(", ".join(theme.aliases)), MUTED)))
    parts += [Text(), plain(theme.summary)]

    parts.append(_heading("Points"))
    for n, point in enumerate(theme.points, 1):
        parts.append(Text.assemble(f"{n:>2}. ", clean(point.text), " ", _ids(point.sources)))

    if detail.motions:
        parts.append(_heading("Motions"))
        for motion in detail.motions:
            ref = corpus.reference(motion.reference)
            parts.append(Text.assemble(
                "  ", (clean(ref.as_written), "bold"), "  ", clean("/".join(motion.submitters)),
                (f" ({_chamber(motion)})", MUTED), ": ", clean(motion.subject),
            ))
    if detail.people:
        parts.append(_heading("People"))
        parts.append(_fields([(clean(p.name), plain(p.role, MUTED)) for p in detail.people], label_style="bold"))
    if detail.events:
        parts.append(_heading("Dates"))
        parts.append(_fields(
            [(_event_date(e), Text.assemble(clean(e.label), " ", _ids([e.paragraph]))) for e in detail.events],
            label_style="bold",
        ))
        if any(e.year_inferred for e in detail.events):
            parts.append(Text("[year] not in the letter: the year it looks back on", style=MUTED))

    parts.append(_heading("Paragraphs"))
    parts.append(_ids([p.id for p in detail.paragraphs]) if detail.paragraphs else Text("none"))
    for gap in detail.gaps:
        if gap.section:
            where = f"  the section '{corpus.section(gap.section).title}' has only its heading"
        else:
            where = f"  ¶ {gap.paragraph} is cut at its {gap.cut} by a missing page"
        parts.append(Text.assemble(("[…] ", GAP_STYLE), (clean(where.strip()), GAP_STYLE)))

    if full:
        parts.append(_heading("Cited paragraphs"))
        parts.append(Text())
        marked = False  # one marker per gap, even where two cited paragraphs border it
        heading = None
        for paragraph in detail.cited:
            if corpus.gap_before(paragraph) and not marked:
                parts += [gap_marker(), Text()]
            if corpus.section_title(paragraph) != heading:
                heading = corpus.section_title(paragraph)
                parts.append(plain(heading, MUTED))
            parts.append(paragraph_block(corpus, paragraph))
            marked = corpus.gap_after(paragraph)
            if marked:
                parts += [gap_marker(), Text()]
        for gap in detail.gaps:
            if gap.section:
                parts += [plain(corpus.section(gap.section).title, HEADING_STYLE), gap_marker(), Text()]
    return Group(*parts)


def _chamber(motion: Any) -> str:
    """The chamber, marked where the letter does not name it."""
    return clean(motion.chamber) + (", inferred" if motion.chamber_inferred else "")


def _kamerstuk_short(ref: Any) -> str:
    """The letter's notation without the word 'Kamerstuk': '22 045, nr. 290'."""
    return ref.as_written.removeprefix("Kamerstuk ")


def _motion_head(ref: Any, motion: Any) -> Text:
    """'Kamerstuk 22 045, nr. 290  motie Kuzu (Tweede Kamer)': the line that names a motion,
    so that `grep Kuzu` finds it whole."""
    return Text.assemble(
        (f"Kamerstuk {clean(_kamerstuk_short(ref))}", "bold"), "  ",
        clean("motie " + "/".join(motion.submitters)), (f" ({_chamber(motion)})", MUTED),
    )


NO_LINK = "no official link: the letter gives no document number"


def motions_view(corpus: Corpus, motions: Any) -> RenderableType:
    """One block per motion: the line naming it (Kamerstuk, submitters, chamber), then
    its subject, what the government reports it did (with the paragraph ids that say so)
    and the official link, each under a label.

    Not a table: the report is prose, which a table column squeezed words and ids
    into pieces ("VN-Veiligheidsr / aad"). Labelled lines wrap only between words
    on a terminal (a value with a word too long for its column goes under its label,
    whole), and stay one line each in a pipe.
    """
    parts: list[RenderableType] = []
    for motion in motions:
        ref = corpus.reference(motion.reference)
        done = Text("\n").join(
            Text.assemble(clean(citation.text), " ", _ids(citation.paragraphs)) for citation in motion.done
        )
        link = Text(ref.url, style="underline") if ref.url else Text(NO_LINK, style=MUTED)
        if parts:
            parts.append(Text())
        parts += [
            _motion_head(ref, motion),
            _fields([("Subject", plain(motion.subject)), ("What was done", done), ("Link", link)]),
        ]
    return Group(*parts)


def motions_by_kamerstuk(corpus: Corpus, motions: Any) -> RenderableType:
    """Number first, then the motion, then the official link (or why there is none)."""
    parts: list[RenderableType] = []
    for motion in motions:
        ref = corpus.reference(motion.reference)
        parts.append(_motion_head(ref, motion))
        parts.append(Text.assemble("  ", clean(motion.subject), " ", _ids(motion.paragraphs)))
        if ref.url:
            parts.append(Text.assemble("  ", (ref.url, "underline")))
        else:
            parts.append(Text("  " + NO_LINK, style=MUTED))
        parts.append(Text())
    return Group(*parts)


def references_view(corpus: Corpus, references: Any) -> RenderableType:
    """Every reference, grouped by kind, with the paragraphs citing it and the link where known."""
    parts: list[RenderableType] = []
    kind = None
    for ref in references:
        if ref.kind != kind:
            kind = ref.kind
            title = "Kamerstukken" if kind == "kamerstuk" else "UN Security Council resolutions"
            parts.append(Text(("\n" if parts else "") + title, style="bold underline"))
        paragraphs = [p.id for p in corpus.citing_paragraphs(ref.id)]
        parts.append(Text.assemble((clean(ref.as_written), "bold"), " ", _ids(paragraphs)))
        parts.append(Text.assemble("  ", clean(ref.description)))
        if ref.kind == "kamerstuk":
            if ref.url:
                parts.append(Text.assemble("  ", (ref.url, "underline")))
            else:
                parts.append(Text("  no official link: the letter gives no document number", style=MUTED))
    return Group(*parts)


# ── search ──────────────────────────────────────────────────────────────────

HIGHLIGHT = "bold underline"  # no colour: it still reads under NO_COLOR
SNIPPET_CHARS = 240
SNIPPET_LEAD = 70  # characters of context before the first highlighted word


def highlighted(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], start: int = 0,
                end: int | None = None) -> Text:
    """``text[start:end]`` as Rich text with the spans in bold and underlined."""
    end = len(text) if end is None else end
    out = Text()
    at = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        if s > at:
            out.append(clean(text[at:s]))
        out.append(clean(text[s:e]), style=HIGHLIGHT)
        at = e
    if at < end:
        out.append(clean(text[at:end]))
    return out


def snippet_window(text: str, spans: tuple[tuple[int, int], ...], width: int = SNIPPET_CHARS) -> tuple[int, int]:
    """Where to cut a snippet of about ``width`` characters: around the most matches, on word boundaries."""
    if len(text) <= width:
        return 0, len(text)
    best_start, best_count = 0, -1
    for anchor, _ in spans or ((0, 0),):
        count = sum(1 for s, e in spans if s >= anchor and e <= anchor + width - SNIPPET_LEAD)
        if count > best_count:
            best_start, best_count = anchor, count
    start = max(0, best_start - SNIPPET_LEAD)
    end = min(len(text), start + width)
    if end == len(text):
        start = max(0, end - width)
    if start > 0:
        space = text.find(" ", start, best_start)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def snippet_text(paragraph: Paragraph, spans: tuple[tuple[int, int], ...], full: bool = False) -> Text:
    """The snippet (or whole paragraph) with matches highlighted, '…' where shortened, '[…]' where a page is missing."""
    text = paragraph.text
    start, end = (0, len(text)) if full else snippet_window(text, spans)
    out = Text()
    if paragraph.cut == "start" and start == 0:
        out.append("[…] ", style=GAP_STYLE)
    if start > 0:
        out.append("…", style=MUTED)
    out.append_text(highlighted(text, spans, start, end))
    if end < len(text):
        out.append("…", style=MUTED)
    if paragraph.cut == "end":
        out.append(" […]", style=GAP_STYLE)
    return out


def search_view(corpus: Corpus, results: Any, full: bool = False) -> RenderableType:
    """Hits best first: rank, paragraph id, section, score; the snippet; what matched."""
    parts: list[RenderableType] = []
    for rank, hit in enumerate(results.hits, 1):
        paragraph = hit.paragraph
        head = Text.assemble(
            (f"{rank}. ", "bold"),
            ("¶ ", MUTED),
            (paragraph.id, ID_STYLE),
            ("  ", ""),
            (clean(corpus.section_title(paragraph)), HEADING_STYLE),
            (f"  score {hit.score:.2f}", MUTED),
        )
        parts.append(head)
        parts.append(snippet_text(paragraph, hit.spans, full))
        notes = Text("matched: " + ", ".join(clean(m) for m in hit.matches), style=MUTED)
        if paragraph.cut:
            where = "ends" if paragraph.cut == "end" else "starts"
            notes.append(f" · [the paragraph {where} at a missing page]", style=MUTED)
        parts.append(notes)
        parts.append(Text())
    shown = len(results.hits)
    summary = f"{shown} of {results.total} matching paragraph{'s' if results.total != 1 else ''}"
    summary += " · query read as: " + "; ".join(results.terms)
    if results.phrases:
        summary += " · phrase: " + "; ".join(f'"{p}"' for p in results.phrases)
    parts.append(plain(summary, MUTED))
    return Group(*parts)


def snippet_plain(paragraph: Paragraph, spans: tuple[tuple[int, int], ...]) -> str:
    return snippet_text(paragraph, spans).plain


def search_json(corpus: Corpus, results: Any) -> list[dict[str, Any]]:
    """One object per hit, best first: search fields, then the paragraph as `read --json` gives it."""
    out = []
    for rank, hit in enumerate(results.hits, 1):
        record = {
            "rank": rank,
            "id": hit.paragraph.id,
            "score": hit.score,
            "matches": list(hit.matches),
            "terms": list(hit.terms),
            "exact": hit.exact,
            "spans": [[s, e] for s, e in hit.spans],
            "snippet": snippet_plain(hit.paragraph, hit.spans),
        }
        for key, value in paragraph_json(corpus, hit.paragraph).items():
            record.setdefault(key, value)
        out.append(record)
    return out
