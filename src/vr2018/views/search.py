"""Search hits on a terminal: rank, paragraph id and best sentence, section, the sentence whole
with the matched words bold and underlined, how each term matched, and what is missing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from vr2018.corpus.lang import BOTH, NL, Lang, section_title
from vr2018.i18n import N_, _, ngettext
from vr2018.letter.sentences import sentences
from vr2018.search.snippets import GAP, MATCH, MORE, Spans, segments, sentence_segments
from vr2018.text.clean import clean
from vr2018.text.fold import fold
from vr2018.views.bilingual import Bilingual, unofficial
from vr2018.views.layout import GAP_STYLE, HEADING_STYLE, ID_STYLE, MUTED, plain, prose

if TYPE_CHECKING:
    from rich.console import RenderableType

    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Paragraph
    from vr2018.search import Hit, Results

HIGHLIGHT = "bold underline"  # no colour: it still reads under NO_COLOR
_STYLES = {MATCH: HIGHLIGHT, MORE: MUTED, GAP: GAP_STYLE}
# How a term matched, as the match line names it; an exact match needs no word. Marked for
# the catalog here, translated where the line is written.
# An outside bridge: the word is the letter's, the link from the term to it is ours.
OUTSIDE_LINK = N_("link not in the letter")
HOW_LABELS = {
    "exact": "",
    "inflection": N_("inflection"),
    "compound": N_("compound"),
    "typo": N_("typo"),
    "english": N_("English"),
    "glossary": N_("glossary"),
    "outside": OUTSIDE_LINK,
}


def _styled(parts: list[tuple[str, str]]) -> Text:
    out = Text()
    for text, kind in parts:
        out.append(text, style=_STYLES.get(kind))
    return out


def snippet_text(paragraph: Paragraph, spans: Spans, full: bool = False) -> Text:
    """The snippet (or whole paragraph) with matches highlighted, '…' where shortened, '[…]' where a page is missing."""
    return _styled(segments(paragraph, spans, full))


def hit_text(hit: Hit, full: bool = False, english: bool = False) -> Text:
    """What a hit shows: its best sentence whole (or with ``full`` the paragraph), in Dutch or English."""
    spans = hit.spans_en if english else hit.spans
    if full:
        return _styled(segments(hit.paragraph, spans, full=True, english=english))
    return _styled(sentence_segments(hit.paragraph, spans, hit.sentence, english=english))


def match_line(hit: Hit) -> str:
    """How each term matched, compactly: 'Rohingya', 'rohinga → Rohingya (typo)', 'security (English)',
    'guterres → Secretaris-Generaal (link not in the letter)'."""
    by_term: dict[str, list[tuple[str, str]]] = {}
    for term, word, how in hit.why:
        label = HOW_LABELS.get(how, how)
        by_term.setdefault(term, []).append((word, _(label) if label else ""))  # _("") is the catalog's header
    parts = []
    for term, found in by_term.items():
        shown = ", ".join(clean(word) + (f" ({label})" if label else "") for word, label in found)
        same = len(found) == 1 and fold(found[0][0]) == term
        parts.append(shown if same else f"{clean(term)} → {shown}")
    return _("match: {terms}").format(terms="; ".join(parts))


def _rows(hit: Hit, full: bool) -> list[tuple[Text, Text]] | None:
    """The hit's text as rows of (English, Dutch), one sentence each, where the two pair up:
    the best sentence (or the snippet) alone, or with ``full`` every sentence of the paragraph."""
    paragraph = hit.paragraph
    if not full:
        return [(hit_text(hit, english=True), hit_text(hit))]
    count = len(sentences(paragraph.text))
    if not paragraph.text_en or len(sentences(paragraph.text_en)) != count:
        return None
    return [
        (
            _styled(sentence_segments(paragraph, hit.spans_en, n, english=True)),
            _styled(sentence_segments(paragraph, hit.spans, n)),
        )
        for n in range(1, count + 1)
    ]


def _hit_block(corpus: Corpus, rank: int, hit: Hit, full: bool, lang: Lang) -> list[RenderableType]:
    paragraph = hit.paragraph
    where = f"{paragraph.id}:{hit.sentence}" if hit.sentence and not full else paragraph.id
    head = Text.assemble(
        (f"{rank}. ", "bold"),
        ("¶ ", MUTED),
        (where, ID_STYLE),
        ("  ", ""),
        (clean(section_title(corpus, paragraph, lang)), HEADING_STYLE),
        ("  " + _("score {score}").format(score=f"{hit.score:.2f}"), MUTED),
    )
    notes = Text(match_line(hit), style=MUTED)
    if paragraph.cut:
        if paragraph.cut == "end":
            cut = _("[the paragraph ends at a missing page]")
        else:
            cut = _("[the paragraph starts at a missing page]")
        notes.append(" · " + cut, style=MUTED)
    english = hit_text(hit, full, english=lang.english)
    if lang is BOTH:  # our English and the Dutch original, labelled, side by side where there is room
        block: list[RenderableType] = [head, Bilingual(english, hit_text(hit, full), _rows(hit, full))]
    else:
        block = [head, prose(english)]
    block.append(notes)
    if hit.missing:
        missing = _("missing: {terms}").format(terms=", ".join(clean(m) for m in hit.missing))
        block.append(Text(missing, style=MUTED))
    return [*block, Text()]


def search_view(
    corpus: Corpus, results: Results, full: bool = False, lang: Lang = NL, asked_in: str = ""
) -> RenderableType:
    """Hits best first: rank, paragraph id and sentence number, section, score; the best sentence
    (or paragraph) in the language asked for; how each term matched; what the hit lacks. With
    ``asked_in`` ("en" or "nl"), a line says the answer is in the question's language."""
    parts: list[RenderableType] = [*unofficial(lang)]
    if asked_in:
        parts.append(plain(_asked_in_line(asked_in), MUTED))
    for rank, hit in enumerate(results.hits, 1):
        parts += _hit_block(corpus, rank, hit, full, lang)
    shown = len(results.hits)
    matching = ngettext(
        "{shown} of {total} matching paragraph", "{shown} of {total} matching paragraphs", results.total
    )
    summary = [matching.format(shown=shown, total=results.total)]
    summary.append(_("query read as: {terms}").format(terms="; ".join(results.terms)))
    if results.phrases:
        summary.append(_("phrase: {phrases}").format(phrases="; ".join(f'"{p}"' for p in results.phrases)))
    parts.append(plain(" · ".join(summary), MUTED))
    if results.absent:
        parts.append(plain(_("not in the letter: {terms}").format(terms=", ".join(results.absent)), MUTED))
    for term, section in results.in_headings:
        title = clean(corpus.section(section).title)
        said = _("only in a heading whose pages are missing: {term} → “{heading}”").format(term=term, heading=title)
        parts.append(plain(said, MUTED))
    return Group(*parts)


def _asked_in_line(language: str) -> str:
    if language == "en":
        return _("Answered in English, the language of your question; --lang nl shows the Dutch original.")
    return _("Answered in Dutch, the language of your question and of the letter; --lang en shows our English.")
