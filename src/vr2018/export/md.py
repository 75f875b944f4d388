"""The whole letter as one CommonMark document, for GitHub, pandoc and any Markdown viewer.

The letter first, laid out as `read` lays it out (:func:`vr2018.letter.outline.outline`):
title, metadata, its sections as headings, every paragraph under an anchor named
by its id, a marker wherever pages are missing. Then what vr2018 adds, marked as
ours: themes (each point linking to the paragraphs it rests on), motions,
references with their official links, the timeline and the people.

The letter's words are escaped so that the rendered text is exactly the text:
nothing in it becomes emphasis, a link, a list, HTML, an entity, maths or an emoji.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vr2018 import motions
from vr2018.corpus.lang import BOTH, NL, Lang, heading, names_of, text_of
from vr2018.corpus.model import Section
from vr2018.i18n import N_, _
from vr2018.letter.outline import outline
from vr2018.letter.paragraphs import address_lines, dated_and_signed
from vr2018.letter.sentences import quoted
from vr2018.text.markdown import escape
from vr2018.timeline import SOURCE_NAMES, date_label

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Paragraph

# Said under each part that is ours and under the timeline: marked for the catalog here,
# translated where the document is written.
OURS = N_("Not part of the letter: written for vr2018 from the letter's text, citing the paragraphs it rests on.")
INFERRED = N_("A year in [brackets] is inferred: the letter gives the day or month without a year.")


# A paragraph's anchor is its id behind "p-": a heading's id, which pandoc's gfm and commonmark_x
# readers make from its words ("Afrikaanse Unie" → afrikaanse-unie), is then never a paragraph's too.
ANCHOR_PREFIX = "p-"
# A URL in running text, without the punctuation that ends its sentence; a bare www. domain too.
_LINKABLE = re.compile(r"(?:https?://|www\.)[^\s<>]+?(?=[.,;:!?)\]'\"’”]*(?:\s|$))")


def anchor(paragraph_id: str) -> str:
    return f'<a id="{ANCHOR_PREFIX}{paragraph_id}"></a>'


def link(paragraph_id: str) -> str:
    """A link to a paragraph's anchor, its id as the label."""
    return f"[{paragraph_id}](#{ANCHOR_PREFIX}{paragraph_id})"


def _links(ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(link(i) for i in ids)


SIGNATURE = N_("signature block, not a paragraph")  # what a person's statement citing no paragraph rests on


def _cited(ids: tuple[str, ...] | list[str], without: str = "") -> str:
    """' (links to the paragraphs)' after a statement; for one that cites none, ``without`` in
    parentheses if given, else nothing (never empty parentheses)."""
    if ids:
        return f" ({_links(ids)})"
    return f" ({prose(_(without), line_start=False)})" if without else ""


def _url(label: str, url: str) -> str:
    return f"[{_escape(label, line_start=False)}](<{url}>)"


# pandoc's commonmark_x reader goes further than CommonMark and GitHub: it curls straight quotes
# and makes dashes and ellipses of '--' and '...' (smart), superscript of ^…^, attributes of {…};
# at the start of a line, a fenced div of ':::', a definition of ': ', a list of 'a.', 'iv)', '(b)'.
_EXTENDED = re.compile(r"""['"^{}]|(?<=-)-|(?<=\.)\.""")
_EXTENDED_START = re.compile(r"^(?::|\(?(?:[A-Za-z]+|@)(?=[.)]))")


def _escape(text: str, line_start: bool = True) -> str:
    """:func:`vr2018.text.markdown.escape`, and what pandoc's extended CommonMark reads as markup too."""
    out = _EXTENDED.sub(lambda m: "\\" + m.group(), escape(text, line_start=line_start))
    if not line_start:
        return out
    return _EXTENDED_START.sub(lambda m: "\\:" if m.group() == ":" else m.group() + "\\", out)


def prose(text: str, line_start: bool = True) -> str:
    """Text as :func:`vr2018.text.markdown.escape` writes it, with every URL in it a link under
    every CommonMark reader, not only GitHub's: ``<https://…>`` (an autolink, whose text is
    the URL itself), and a bare ``www.`` domain linked to it over https."""
    out, at = [], 0
    for found in _LINKABLE.finditer(text):
        before = _escape(text[at : found.start()], line_start=line_start and at == 0)
        url = found.group()
        if "://" in url:
            out += [before, f"<{url}>"]
        else:  # a '!' just before '[' would make the link an image
            out += [before[:-1] + "\\!" if before.endswith("!") else before, _url(url, "https://" + url)]
        at = found.end()
    out.append(_escape(text[at:], line_start=line_start and at == 0))
    return "".join(out)


def _text(paragraph: Paragraph, lang: Lang = NL) -> str:
    """The paragraph as the letter has it (or our English), '[…]' where a missing page cuts it."""
    return quoted(text_of(paragraph, "text", lang), paragraph.cut)


def _passage(paragraph: Paragraph, lang: Lang) -> list[str]:
    """A paragraph's blocks: its anchor and id, its text, and for ``both`` the Dutch
    original as a quote, labelled."""
    head = f"{anchor(paragraph.id)}`¶ {paragraph.id}`"
    blocks = [head, prose(_text(paragraph, lang))]
    if lang is BOTH:
        blocks.append(f"> *{prose(_('Dutch original:'))}* {prose(_text(paragraph), line_start=False)}")
    return blocks


def _metadata(corpus: Corpus, lang: Lang = NL) -> list[str]:
    letter = corpus.letter
    date, signed = dated_and_signed(letter, lang)
    rows = [
        (_("Date"), date),
        (_("Reference"), letter.reference),
        (_("From"), "; ".join(signed)),
        (_("Sender's address"), ", ".join(names_of(letter, "sender", lang))),
        (_("To"), ", ".join(address_lines(names_of(letter, "addressee", lang)))),
        (_("Data version"), letter.data_version),
    ]
    return ["\n".join(f"- **{label}:** {prose(value, line_start=False)}" for label, value in rows)]


def _letter(corpus: Corpus, lang: Lang = NL) -> list[str]:
    """The letter's body in reading order, a marker block wherever pages are missing."""
    blocks = [prose(text_of(corpus.letter, "salutation", lang))]
    first = corpus.sections[0].id
    for _kind, item in outline(corpus):
        if item is None:  # pages are missing here
            blocks.append(f"> **{prose(_('[…] Text missing: one or more pages of the letter are not available.'))}**")
        elif isinstance(item, Section):
            if item.id == first and not item.printed:
                continue  # the opening has no heading
            # a heading of ours, not the letter's, is in [brackets] (vr2018.corpus.lang.heading)
            blocks.append("#" * (item.level + 1) + " " + prose(heading(item, lang)))
        else:
            blocks += _passage(item, lang)
    blocks.append("---")
    blocks += [f"{prose(text_of(s, 'office', lang))}\\\n**{prose(s.name)}**" for s in corpus.letter.signatories]
    return blocks


def _themes(corpus: Corpus, lang: Lang = NL) -> list[str]:
    blocks = ["## " + _("Themes"), f"*{prose(_(OURS))}*"]
    for theme in corpus.themes:
        blocks += [f"### {prose(text_of(theme, 'title', lang))}", prose(text_of(theme, "summary", lang))]
        blocks.append(
            "\n".join(
                f"{n}. {prose(text_of(point, 'text', lang))}{_cited(point.sources)}"
                for n, point in enumerate(theme.points, 1)
            )
        )
    return blocks


def _motions(corpus: Corpus, lang: Lang = NL) -> list[str]:
    blocks = ["## " + _("Motions"), f"*{prose(_(OURS))}*"]
    for motion in corpus.motions:
        ref = corpus.reference(motion.reference)
        chamber = text_of(motion, "chamber", lang)
        if motion.chamber_inferred:
            chamber = _("{chamber}, inferred: the letter does not name it").format(chamber=chamber)
        subject = prose(text_of(motion, "subject", lang))
        if motion.subject_inferred:
            subject += " " + _("(inferred: the letter does not state it)")
        done = "\n".join(f"  - {prose(text_of(c, 'text', lang))}{_cited(c.paragraphs)}" for c in motion.done)
        named = _("Motion {submitters}").format(submitters="/".join(motion.submitters))
        official = f"<{ref.url}>" if ref.url else prose(motions.no_link(ref, _) or "")
        blocks += [
            f"### {prose(named)}: {prose(ref.as_written)}",
            "\n".join(
                [
                    f"- **{_('Chamber')}:** {prose(chamber)}",
                    f"- **{_('Subject')}:** {subject}",
                    f"- **{_('What was done')}:**\n{done}",
                    f"- **{_('Official link')}:** {official}",
                ]
            ),
        ]
    return blocks


def _references(corpus: Corpus, lang: Lang = NL) -> list[str]:
    items = []
    for ref in motions.references(corpus):
        written = text_of(ref, "as_written", lang)
        if ref.symbol and ref.url:  # the letter's words do not say which document: the symbol does
            adopted = ", " + _("adopted {date}").format(date=ref.adopted) if ref.adopted else ""
            marker = f" ({motions.not_in_the_letter(ref.outside_facts, _)})" if ref.outside_facts else ""
            name = f"{prose(written)} ({_url(ref.symbol, ref.url)}{prose(adopted + marker)})"
        else:
            name = _url(written, ref.url) if ref.url else prose(written)
        cited = _links([p.id for p in corpus.citing_paragraphs(ref.id)])
        note = motions.no_link(ref, _)
        items.append(
            f"- {name}: {prose(text_of(ref, 'description', lang))}"
            + (" (" + _("cited in {paragraphs}").format(paragraphs=cited) + ")" if cited else "")
            + (f"; {prose(note)}" if note else "")
        )
    return ["## " + _("References"), f"*{prose(_(OURS))}*", "\n".join(items)]


def _timeline(corpus: Corpus, lang: Lang = NL) -> list[str]:
    items = [
        f"- **{prose(date_label(e, lang))}**: {prose(text_of(e, 'label', lang))} "
        f"({link(e.paragraph) if e.paragraph else _where(e.source)})"
        for e in corpus.events
    ]
    blocks = ["## " + _("Timeline"), f"*{prose(_(OURS))}*", "\n".join(items)]
    if any(e.year_inferred for e in corpus.events):
        blocks.append(f"*{prose(_(INFERRED))}*")
    return blocks


def _where(source: str) -> str:
    """Where the letter gives a date no paragraph gives ("letterhead"), in the interface language."""
    return _(SOURCE_NAMES.get(source, source))


def _people(corpus: Corpus, lang: Lang = NL) -> list[str]:
    items = []
    for person in corpus.people:
        did = "".join(f"\n  - {prose(text_of(c, 'text', lang))}{_cited(c.paragraphs, SIGNATURE)}" for c in person.did)
        items.append(f"- **{prose(person.name)}**, {prose(text_of(person, 'role', lang))}{did}")
    return ["## " + _("People"), f"*{prose(_(OURS))}*", "\n".join(items)]


def document(corpus: Corpus, lang: Lang = NL) -> str:
    """The whole document: blocks separated by one blank line, ending in a newline.
    For ``en`` and ``both`` the letter is our English rendering, said once, under the
    title, to be an unofficial translation (``both`` quotes the Dutch original under
    each paragraph, labelled), and what we wrote is in English."""
    blocks = [f"# {prose(text_of(corpus.letter, 'title', lang))}"]
    if lang.english:
        blocks.append(f"*{prose(_('English: unofficial translation; the Dutch text is authoritative.'))}*")
    if lang is BOTH:
        blocks.append(f"*{prose(_('Dutch original:'))}* {prose(corpus.letter.title, line_start=False)}")
    blocks += [*_metadata(corpus, lang), *_letter(corpus, lang)]
    blocks += _themes(corpus, lang) + _motions(corpus, lang) + _references(corpus, lang)
    blocks += _timeline(corpus, lang) + _people(corpus, lang)
    return "\n\n".join(blocks) + "\n"
