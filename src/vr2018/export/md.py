"""The whole letter as one CommonMark document, for GitHub, pandoc and any Markdown viewer.

The letter first, laid out as `read` lays it out (:func:`vr2018.reading.outline`):
title, metadata, its sections as headings, every paragraph under an anchor named
by its id, a marker wherever pages are missing. Then what vr2018 adds, marked as
ours: themes (each point linking to the paragraphs it rests on), motions,
references with their official links, the timeline and the people.

The letter's words are escaped so that the rendered text is exactly the text:
nothing in it becomes emphasis, a link, a list, HTML, an entity, maths or an emoji.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import motions, reading
from ..lang import BOTH, DUTCH_ORIGINAL, GAP, NL, UNOFFICIAL, Lang, heading, names_of, text_of
from ..markdown import escape
from ..model import Section
from ..sentences import quoted

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..model import Paragraph

OURS = "Not part of the letter: written for vr2018 from the letter's text, citing the paragraphs it rests on."
INFERRED = "A year in [brackets] is inferred: the letter gives the day or month without a year."


def anchor(paragraph_id: str) -> str:
    return f'<a id="{paragraph_id}"></a>'


def link(paragraph_id: str) -> str:
    """A link to a paragraph's anchor, its id as the label."""
    return f"[{paragraph_id}](#{paragraph_id})"


def _links(ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(link(i) for i in ids)


def _url(label: str, url: str) -> str:
    return f"[{escape(label)}](<{url}>)"


def _text(paragraph: Paragraph, lang: Lang = NL) -> str:
    """The paragraph as the letter has it (or our English), '[…]' where a missing page cuts it."""
    return quoted(text_of(paragraph, "text", lang), paragraph.cut)


def _passage(paragraph: Paragraph, lang: Lang) -> list[str]:
    """A paragraph's blocks: its anchor and id (with the unofficial-translation
    label in English), its text, and for ``both`` the Dutch original as a quote."""
    head = f"{anchor(paragraph.id)}`¶ {paragraph.id}`"
    if not lang.english:
        return [head, escape(_text(paragraph))]
    blocks = [f"{head} *{escape(UNOFFICIAL, line_start=False)}*", escape(_text(paragraph, lang))]
    if lang is BOTH:
        blocks.append(f"> *{escape(DUTCH_ORIGINAL)}* {escape(_text(paragraph), line_start=False)}")
    return blocks


def _metadata(corpus: Corpus, lang: Lang = NL) -> list[str]:
    letter = corpus.letter
    date, signed = reading.dated_and_signed(letter, lang)
    rows = [
        ("Date", date),
        ("Reference", letter.reference),
        ("From", "; ".join(signed)),
        ("Sender's address", ", ".join(names_of(letter, "sender", lang))),
        ("To", ", ".join(reading.address_lines(names_of(letter, "addressee", lang)))),
        ("Data version", letter.data_version),
    ]
    return ["\n".join(f"- **{label}:** {escape(value, line_start=False)}" for label, value in rows)]


def _letter(corpus: Corpus, lang: Lang = NL) -> list[str]:
    """The letter's body in reading order, a marker block wherever pages are missing."""
    blocks = [escape(text_of(corpus.letter, "salutation", lang))]
    first = corpus.sections[0].id
    for _kind, item in reading.outline(corpus):
        if item is None:  # pages are missing here
            blocks.append(f"> **{escape(GAP)}**")
        elif isinstance(item, Section):
            if item.id == first and not item.printed:
                continue  # the opening has no heading
            # a heading of ours, not the letter's, is in [brackets] (vr2018.lang.heading)
            blocks.append("#" * (item.level + 1) + " " + escape(heading(item, lang)))
        else:
            blocks += _passage(item, lang)
    blocks.append("---")
    blocks += [f"{escape(text_of(s, 'office', lang))}\\\n**{escape(s.name)}**" for s in corpus.letter.signatories]
    return blocks


def _themes(corpus: Corpus, lang: Lang = NL) -> list[str]:
    blocks = ["## Themes", f"*{escape(OURS)}*"]
    for theme in corpus.themes:
        blocks += [f"### {escape(text_of(theme, 'title', lang))}", escape(text_of(theme, "summary", lang))]
        blocks.append(
            "\n".join(
                f"{n}. {escape(text_of(point, 'text', lang))} ({_links(point.sources)})"
                for n, point in enumerate(theme.points, 1)
            )
        )
    return blocks


def _motions(corpus: Corpus, lang: Lang = NL) -> list[str]:
    blocks = ["## Motions", f"*{escape(OURS)}*"]
    for motion in corpus.motions:
        ref = corpus.reference(motion.reference)
        chamber = text_of(motion, "chamber", lang) + (
            ", inferred: the letter does not name it" if motion.chamber_inferred else ""
        )
        done = "\n".join(f"  - {escape(text_of(c, 'text', lang))} ({_links(c.paragraphs)})" for c in motion.done)
        blocks += [
            f"### {escape('Motion ' + '/'.join(motion.submitters))}: {escape(ref.as_written)}",
            "\n".join(
                [
                    f"- **Chamber:** {escape(chamber)}",
                    f"- **Subject:** {escape(text_of(motion, 'subject', lang))}"
                    + (" (inferred: the letter does not state it)" if motion.subject_inferred else ""),
                    f"- **What was done:**\n{done}",
                    f"- **Official link:** {f'<{ref.url}>' if ref.url else escape(motions.no_link(ref) or '')}",
                ]
            ),
        ]
    return blocks


def _references(corpus: Corpus, lang: Lang = NL) -> list[str]:
    items = []
    for ref in motions.references(corpus):
        written = text_of(ref, "as_written", lang)
        name = _url(written, ref.url) if ref.url else escape(written)
        cited = _links([p.id for p in corpus.citing_paragraphs(ref.id)])
        note = motions.no_link(ref)
        items.append(
            f"- {name}: {escape(text_of(ref, 'description', lang))}"
            + (f" (cited in {cited})" if cited else "")
            + (f"; {escape(note)}" if note else "")
        )
    return ["## References", f"*{escape(OURS)}*", "\n".join(items)]


def _timeline(corpus: Corpus, lang: Lang = NL) -> list[str]:
    items = [
        f"- **{escape(reading.date_label(e, lang))}**: {escape(text_of(e, 'label', lang))} "
        f"({link(e.paragraph) if e.paragraph else e.source})"
        for e in corpus.events
    ]
    blocks = ["## Timeline", f"*{escape(OURS)}*", "\n".join(items)]
    if any(e.year_inferred for e in corpus.events):
        blocks.append(f"*{escape(INFERRED)}*")
    return blocks


def _people(corpus: Corpus, lang: Lang = NL) -> list[str]:
    items = []
    for person in corpus.people:
        did = "".join(f"\n  - {escape(text_of(c, 'text', lang))} ({_links(c.paragraphs)})" for c in person.did)
        items.append(f"- **{escape(person.name)}**, {escape(text_of(person, 'role', lang))}{did}")
    return ["## People", f"*{escape(OURS)}*", "\n".join(items)]


def document(corpus: Corpus, lang: Lang = NL) -> str:
    """The whole document: blocks separated by one blank line, ending in a newline.
    For ``en`` and ``both`` the letter is our English rendering, labelled as an
    unofficial translation at the top and at every paragraph (``both`` quotes the
    Dutch original under each), and what we wrote is in English."""
    blocks = [f"# {escape(text_of(corpus.letter, 'title', lang))}"]
    if lang.english:
        blocks.append(f"*{escape(UNOFFICIAL)}*")
    if lang is BOTH:
        blocks.append(f"*{escape(DUTCH_ORIGINAL)}* {escape(corpus.letter.title, line_start=False)}")
    blocks += [*_metadata(corpus, lang), *_letter(corpus, lang)]
    blocks += _themes(corpus, lang) + _motions(corpus, lang) + _references(corpus, lang)
    blocks += _timeline(corpus, lang) + _people(corpus, lang)
    return "\n\n".join(blocks) + "\n"
