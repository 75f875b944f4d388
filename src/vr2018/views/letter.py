"""The letter itself on a terminal: `read` (the whole letter), `show` (one
paragraph and what it mentions) and `info` (what this copy holds)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.rule import Rule
from rich.text import Text

from vr2018.corpus.lang import NL, Lang, heading, names_of, section_title, text_of
from vr2018.corpus.model import Paragraph
from vr2018.i18n import _, ngettext
from vr2018.letter.outline import gaps, outline
from vr2018.letter.paragraphs import counts, dated_and_signed, letter_date
from vr2018.text.clean import clean
from vr2018.timeline import date_label
from vr2018.views.bilingual import paragraph_block, passage, translated, translated_lines, unofficial
from vr2018.views.layout import (
    GAP_STYLE,
    HEADING_STYLE,
    ID_STYLE,
    MUTED,
    fields,
    gap_marker,
    inferred,
    joined,
    legend,
    lines,
    link,
    markers,
    plain,
    url,
)
from vr2018.views.motions import un_document

if TYPE_CHECKING:
    from rich.console import RenderableType

    from vr2018.corpus.load import Corpus
    from vr2018.letter.sentences import Sentence


def letter_view(corpus: Corpus, lang: Lang = NL) -> RenderableType:
    """The whole letter in reading order: header, sections, paragraphs, gaps, signatures."""
    letter = corpus.letter
    parts: list[RenderableType] = [*unofficial(lang)]
    parts += [
        *translated(letter, "title", lang, "bold"),
        fields(
            [
                (_("Date"), plain(letter_date(letter, lang))),
                (_("Reference"), plain(letter.reference)),
                (_("To"), translated_lines(letter, "addressee", lang)),
                (_("From"), translated_lines(letter, "sender", lang)),
            ]
        ),
        Text(),
        *translated(letter, "salutation", lang),
        Text(),
    ]
    previous = ""
    for kind, item in outline(corpus):
        if kind == "gap":  # after a heading whose text is lost, a blank line first
            parts += [Text(), gap_marker(), Text()] if previous == "section" else [gap_marker(), Text()]
        elif isinstance(item, Paragraph):
            parts.append(paragraph_block(item, lang))
        elif item is not None and item.printed:
            parts.append(plain(heading(item, lang), "bold underline" if item.level == 1 else HEADING_STYLE))
        elif item is not None and item.id != corpus.sections[0].id:  # ours; "(inferred)" where it is a guess
            parts.append(
                Text.assemble(
                    plain(heading(item, lang), "italic " + MUTED),
                    (" " + inferred() if item.heading_inferred else "", MUTED),
                )
            )
        previous = kind
    parts.append(Rule(style=MUTED))
    for signatory in letter.signatories:
        office = clean(text_of(signatory, "office", lang))
        parts.append(Text.assemble(office, "\n", (clean(signatory.name), "bold"), "\n"))
    guessed = any(s.heading_inferred for s in corpus.sections if s.id != corpus.sections[0].id)
    return Group(*parts, *(legend("heading")[1:] if guessed else []))


# ── show ────────────────────────────────────────────────────────────────────


def _context_block(corpus: Corpus, paragraph: Paragraph, lang: Lang = NL) -> RenderableType:
    """A neighbouring paragraph shown for context: its id, and its text dimmed."""
    head = Text.assemble(
        ("¶ ", MUTED), (paragraph.id, ID_STYLE), ("  " + clean(section_title(corpus, paragraph, lang)), MUTED)
    )
    return Group(head, passage(paragraph, lang, MUTED), Text())


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
        if paragraph.cut == "start":
            notes.append(_("pages are missing before this paragraph; it starts mid-sentence"))
        else:
            notes.append(_("pages are missing before this paragraph"))
    if corpus.gap_after(paragraph):
        if paragraph.cut == "end":
            notes.append(_("pages are missing after this paragraph; it breaks off mid-sentence"))
        else:
            notes.append(_("pages are missing after this paragraph"))
    return "; ".join(notes)


def _about(corpus: Corpus, paragraph: Paragraph, lang: Lang = NL) -> list[tuple[str, Text]]:
    """What the data knows about a paragraph, as labelled rows."""
    rows: list[tuple[str, Text]] = []
    rows.append((_("Section"), plain(section_title(corpus, paragraph, lang))))
    position = _("fragment {fragment} of {fragments} · paragraph {number} of {paragraphs} in this copy")
    rows.append(
        (
            _("Position"),
            Text(
                position.format(
                    fragment=paragraph.fragment,
                    fragments=len(corpus.letter.fragments),
                    number=corpus.position(paragraph.id) + 1,
                    paragraphs=len(corpus.paragraphs),
                )
            ),
        )
    )
    if paragraph.themes:
        themes = (f"{text_of(corpus.theme(t), 'title', lang)} ({t})" for t in paragraph.themes)
        rows.append((_("Themes"), joined(themes)))
    if paragraph.people:
        people = (corpus.person(i) for i in paragraph.people)
        rows.append((_("People"), joined(f"{p.name} ({text_of(p, 'role', lang)})" for p in people)))
    if paragraph.places:
        rows.append((_("Places"), joined(names_of(paragraph, "places", lang))))
    if paragraph.organisations:
        rows.append((_("Organisations"), joined(names_of(paragraph, "organisations", lang))))
    events = corpus.paragraph_events(paragraph.id)
    if events:
        rows.append((_("Dates"), lines(f"{date_label(e, lang)}: {text_of(e, 'label', lang)}" for e in events)))
    if paragraph.references:
        refs = []
        for rid in paragraph.references:
            ref = corpus.reference(rid)
            kamerstuk = ref.url if ref.kind == "kamerstuk" else None  # a resolution's link goes with its symbol
            line = Text.assemble(
                link(text_of(ref, "as_written", lang), kamerstuk), ": ", clean(text_of(ref, "description", lang))
            )
            symbol = un_document(ref)
            if symbol is not None:
                line = Text.assemble(line, "\n", symbol)
            refs.append(Text.assemble(line, "\n", url(ref.url)) if ref.url else line)
        rows.append((_("References"), Text("\n").join(refs)))
    motions = corpus.motions_for([paragraph.id])
    if motions:
        if lang.english:  # the letter's words naming a motion are Dutch: its Kamerstuk and our subject instead
            shown = (
                f"{corpus.reference(m.reference).as_written}: {text_of(m, 'subject', lang)}"
                f"{' ' + inferred() if m.subject_inferred else ''} ({m.id})"
                for m in motions
            )
        else:
            shown = (f"{m.as_written} ({m.id})" for m in motions)
        rows.append((_("Motions"), lines(shown)))
    missing = _missing(corpus, paragraph)
    if missing:
        rows.append((_("Missing"), plain(missing, GAP_STYLE)))
    if lang.english and paragraph.note_en:  # where the English decides or repairs something: said, with it
        rows.append((_("Note"), plain(_("translator's note: {note}").format(note=paragraph.note_en), MUTED)))
    return rows


def show_view(
    corpus: Corpus,
    paragraph: Paragraph,
    before: tuple[Paragraph, ...] = (),
    after: tuple[Paragraph, ...] = (),
    lang: Lang = NL,
) -> RenderableType:
    """One paragraph with everything the data knows about it, and optional neighbours."""
    focus = Group(
        Text.assemble(("¶ ", MUTED), (paragraph.id, "bold " + ID_STYLE)),
        fields(_about(corpus, paragraph, lang)),
        Text(),
        passage(paragraph, lang),
        Text(),
    )
    shown = [*before, paragraph, *after]
    blocks = [
        *(_context_block(corpus, p, lang) for p in before),
        focus,
        *(_context_block(corpus, p, lang) for p in after),
    ]
    marked = markers(corpus.paragraph_events(paragraph.id))  # motions are named here without a chamber
    if lang.english and any(m.subject_inferred for m in corpus.motions_for([paragraph.id])):
        marked.append("subject")  # and in English by their subject, "(inferred)" where it is our reading
    return Group(*unofficial(lang), *_with_gaps(corpus, shown, blocks), *legend(*marked)[1:])


def _sentence_missing(sentence: Sentence) -> str:
    notes = []
    if sentence.cut == "start":
        notes.append(_("it starts on a missing page; the letter's text begins here mid-sentence"))
    if sentence.cut == "end":
        notes.append(_("it breaks off where pages are missing"))
    return "; ".join(notes)


def sentence_view(corpus: Corpus, sentence: Sentence, lang: Lang = NL) -> RenderableType:
    """One sentence (``ID:N``): its address, number, paragraph and section, then its text,
    with a gap marker where a missing page cuts it, as for a paragraph."""
    paragraph = sentence.paragraph
    rows: list[tuple[str, Text]] = [
        (
            _("Sentence"),
            Text(
                _("{number} of {count} in ¶ {paragraph}").format(
                    number=sentence.number, count=sentence.count, paragraph=paragraph.id
                )
            ),
        ),
        (_("Section"), plain(section_title(corpus, paragraph, lang))),
    ]
    missing = _sentence_missing(sentence)
    if missing:
        rows.append((_("Missing"), plain(missing, GAP_STYLE)))
    parts: list[RenderableType] = [
        *unofficial(lang),
        Text.assemble(("¶ ", MUTED), (sentence.address, "bold " + ID_STYLE)),
        fields(rows),
        Text(),
    ]
    if sentence.cut == "start":
        parts += [gap_marker(), Text()]
    parts += [passage(sentence, lang), Text()]
    if sentence.cut == "end":
        parts += [gap_marker(), Text()]
    return Group(*parts)


# ── info ────────────────────────────────────────────────────────────────────


def _missing_text(corpus: Corpus, lang: Lang = NL) -> str:
    """One line per gap: between which paragraphs, and the headings right before it; where
    the paragraph after it stands under a section we infer, that it may still belong there."""
    missing = []
    for gap in gaps(corpus):
        if gap.after.cut == "end":
            after = _("after ¶ {paragraph} (breaks off mid-sentence)").format(paragraph=gap.after.id)
        else:
            after = _("after ¶ {paragraph}").format(paragraph=gap.after.id)
        for lost in gap.headings:
            after = _("{after} and the heading “{heading}”").format(after=after, heading=heading(lost, lang))
        if gap.before.cut == "start":
            before = _("before ¶ {paragraph} (starts mid-sentence)").format(paragraph=gap.before.id)
        else:
            before = _("before ¶ {paragraph}").format(paragraph=gap.before.id)
        line = _("{after}, {before}").format(after=after, before=before)
        if gap.headings and corpus.section(gap.before.section).heading_inferred:
            unknown = _("{gap}; whether ¶ {paragraph} still belongs under that heading is not known")
            line = unknown.format(gap=line, paragraph=gap.before.id)
        missing.append(line)
    return "\n".join(missing)


def info_view(corpus: Corpus, version: str, lang: Lang = NL) -> RenderableType:
    """What this copy of the letter holds, and where text is missing."""
    letter = corpus.letter
    numbers = counts(corpus)
    earlier = corpus.reference(letter.earlier_letter)
    date, signed = dated_and_signed(letter, lang)
    about = fields(
        [
            (_("Date"), plain(date)),
            (_("Reference"), plain(letter.reference)),
            (_("Kamerstuk"), Text(_("not given in the letter"), style=MUTED)),
            (_("From"), lines(signed)),
            (_("To"), translated_lines(letter, "addressee", lang)),
            (
                _("Earlier letter"),
                Text.assemble(
                    link(earlier.as_written, earlier.url),
                    *(("\n", url(earlier.url)) if earlier.url else ()),
                ),
            ),
            (_("Summary"), url(letter.results_url)),
        ]
    )
    spans = ", ".join(f"{f.first_line}–{f.last_line}" for f in letter.fragments)
    copy = fields(
        [
            (_("Fragments"), Text(_("{count} (source lines {spans})").format(count=numbers["fragments"], spans=spans))),
            (_("Paragraphs"), Text(_paragraph_count(numbers))),
            (_("Missing text"), plain(_missing_text(corpus, lang), GAP_STYLE)),
            (_("Records"), Text(" · ".join(_record_counts(numbers)))),
            (_("Version"), Text(_("data {data} · vr2018 {version}").format(data=letter.data_version, version=version))),
        ]
    )
    return Group(
        *unofficial(lang),
        *translated(letter, "title", lang, "bold"),
        about,
        Text(),
        Text(_("This copy"), style=HEADING_STYLE),
        copy,
    )


def _paragraph_count(numbers: dict[str, int]) -> str:
    """'23 in 14 sections, 1752 words'."""
    n = numbers["paragraphs"]
    sections = ngettext("{n} section", "{n} sections", numbers["sections"]).format(n=numbers["sections"])
    words = ngettext("{n} word", "{n} words", numbers["words"]).format(n=numbers["words"])
    return _("{paragraphs} in {sections}, {words}").format(paragraphs=n, sections=sections, words=words)


def _record_counts(numbers: dict[str, int]) -> list[str]:
    """'16 themes', '3 motions', …: how many records of each kind the data holds."""
    kinds = {
        "themes": ngettext("{n} theme", "{n} themes", numbers["themes"]),
        "motions": ngettext("{n} motion", "{n} motions", numbers["motions"]),
        "references": ngettext("{n} reference", "{n} references", numbers["references"]),
        "people": ngettext("{n} person", "{n} people", numbers["people"]),
        "events": ngettext("{n} event", "{n} events", numbers["events"]),
    }
    return [said.format(n=numbers[kind]) for kind, said in kinds.items()]
