"""Search hits on a terminal: rank, paragraph, section, the snippet with the
matched words bold and underlined, and what matched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from ..lang import NL, Lang, section_title
from ..snippets import GAP, MATCH, MORE, Spans, segments
from ..text import clean
from .layout import GAP_STYLE, HEADING_STYLE, ID_STYLE, MUTED, plain

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..corpus import Corpus
    from ..model import Paragraph
    from ..search import Results

HIGHLIGHT = "bold underline"  # no colour: it still reads under NO_COLOR
_STYLES = {MATCH: HIGHLIGHT, MORE: MUTED, GAP: GAP_STYLE}


def _styled(parts: list[tuple[str, str]]) -> Text:
    out = Text()
    for text, kind in parts:
        out.append(text, style=_STYLES.get(kind))
    return out


def snippet_text(paragraph: Paragraph, spans: Spans, full: bool = False) -> Text:
    """The snippet (or whole paragraph) with matches highlighted, '…' where shortened, '[…]' where a page is missing."""
    return _styled(segments(paragraph, spans, full))


def search_view(corpus: Corpus, results: Results, full: bool = False, lang: Lang = NL) -> RenderableType:
    """Hits best first: rank, paragraph id, section, score; the snippet; what matched."""
    parts: list[RenderableType] = []
    for rank, hit in enumerate(results.hits, 1):
        paragraph = hit.paragraph
        head = Text.assemble(
            (f"{rank}. ", "bold"),
            ("¶ ", MUTED),
            (paragraph.id, ID_STYLE),
            ("  ", ""),
            (clean(section_title(corpus, paragraph, lang)), HEADING_STYLE),
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
