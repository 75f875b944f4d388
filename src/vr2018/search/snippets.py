"""Snippets: the part of a paragraph a search hit shows, as plain marked segments.

Rich-free, so that the terminal view (:mod:`vr2018.views.search`) and the JSON
(:mod:`vr2018.serialize`) cut the same snippet: the view styles each segment by
its kind, the JSON joins their text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from vr2018.corpus.lang import Lang, text_of
from vr2018.letter.sentences import sentences
from vr2018.text.clean import clean

if TYPE_CHECKING:
    from vr2018.corpus.model import Paragraph


SNIPPET_CHARS = 240


SNIPPET_LEAD = 70  # characters of context before the first highlighted word


Spans = Sequence[tuple[int, int]]


# Segment kinds: the letter's text, a matched word, '…' where the snippet is
# shortened, '[…]' where a missing page cuts the paragraph.
TEXT, MATCH, MORE, GAP = "text", "match", "more", "gap"


def snippet_window(text: str, spans: Spans, width: int = SNIPPET_CHARS) -> tuple[int, int]:
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


def marked(text: str, spans: Spans, start: int = 0, end: int | None = None) -> list[tuple[str, str]]:
    """``text[start:end]`` as (text, kind) segments, the spans as MATCH, made safe for a terminal."""
    end = len(text) if end is None else end
    out = []
    at = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        if s > at:
            out.append((clean(text[at:s]), TEXT))
        out.append((clean(text[s:e]), MATCH))
        at = e
    if at < end:
        out.append((clean(text[at:end]), TEXT))
    return out


def segments(paragraph: Paragraph, spans: Spans, full: bool = False, english: bool = False) -> list[tuple[str, str]]:
    """The snippet (or with ``full`` the whole paragraph) as (text, kind) segments:
    matches marked, '…' where shortened, '[…]' where a page is missing. With ``english``,
    of the paragraph's English rendering (``spans`` then point into ``text_en``)."""
    text = _text(paragraph, english)
    start, end = (0, len(text)) if full else snippet_window(text, spans)
    out = []
    if paragraph.cut == "start" and start == 0:
        out.append(("[…] ", GAP))
    if start > 0:
        out.append(("…", MORE))
    out += marked(text, spans, start, end)
    if end < len(text):
        out.append(("…", MORE))
    if paragraph.cut == "end":
        out.append((" […]", GAP))
    return out


def snippet(paragraph: Paragraph, spans: Spans, english: bool = False) -> str:
    """The snippet as plain text (what `search --json` gives as ``snippet``; with ``english``,
    of the English rendering, as ``snippet_en``)."""
    return "".join(text for text, _ in segments(paragraph, spans, english=english))


def _text(paragraph: Paragraph, english: bool) -> str:
    return text_of(paragraph, "text", Lang.en if english else Lang.nl)


def sentence_segments(paragraph: Paragraph, spans: Spans, n: int, english: bool = False) -> list[tuple[str, str]]:
    """Sentence ``n`` (from 1) of the paragraph, whole, as (text, kind) segments with its matches
    marked and '[…]' where a missing page cuts it; the snippet window when there is no sentence ``n``."""
    text = _text(paragraph, english)
    found = sentences(text)
    if not 1 <= n <= len(found):
        return segments(paragraph, spans, english=english)
    start, end = found[n - 1]
    out = []
    if paragraph.cut == "start" and n == 1:
        out.append(("[…] ", GAP))
    out += marked(text, spans, start, end)
    if paragraph.cut == "end" and n == len(found):
        out.append((" […]", GAP))
    return out
