"""A ranked paragraph as a :class:`~.results.Hit`: the spans of its matched words, why each
term matched, what is missing, and its best sentence.

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from vr2018.search.english import EN_OFFSET
from vr2018.search.results import Hit
from vr2018.text.fold import words

CITED = -(1 << 30)  # a citation of the Kamerstuk typed: it outweighs every word

if TYPE_CHECKING:
    from vr2018.search.index import Index
    from vr2018.search.query import Concept


def make_hit(
    index: Index,
    doc: int,
    score: float,
    resolved: list[Concept],
    matched: tuple[int, ...],
    exact: bool,
    found: dict[int, dict[str, str]],
    citation: tuple[str, str] | None = None,
) -> Hit:
    """The hit for paragraph ``doc``: its matched words' spans in each language, why each term
    matched (as the Dutch writes the word where it can), what is missing and its best sentence."""
    paragraph = index.paragraphs[doc]
    texts = (paragraph.text, paragraph.text_en or "")
    bounds = ((index.starts_at[doc], index.ends_at[doc]), (index.starts_en[doc], index.ends_en[doc]))
    raw: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    # (offset, concept) per language; ~concept where the word matched only loosely (compound, typo, …)
    concept_at: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    why: list[tuple[str, str, str]] = []
    for i in matched:
        for word, how in found[i].items():
            for k, p in enumerate(index.postings[word][doc]):  # the Dutch positions first
                lang = int(p >= EN_OFFSET)
                start, end = _span(texts[lang], *bounds[lang], p - EN_OFFSET * lang, word)
                raw[lang].append((start, end))
                concept_at[lang].append((start, i if how in ("exact", "inflection") else ~i))
                if k == 0:
                    why.append((resolved[i].label, texts[lang][start:end], how))
    missing = tuple(c.label for i, c in enumerate(resolved) if i not in matched)
    if citation is not None:
        written, how = citation
        for lang in (0, 1):
            at = texts[lang].find(written)
            if at >= 0:
                raw[lang].append((at, at + len(written)))
                concept_at[lang].extend([(at, CITED)] * (len(resolved) + 1))
        why.insert(0, (" ".join(c.label for c in resolved), written, how))
        missing = ()
    spans, spans_en = merge_spans(texts[0], raw[0]), merge_spans(texts[1], raw[1])
    return Hit(
        paragraph=paragraph,
        score=round(score, 4),
        terms=tuple(resolved[i].label for i in matched),
        matches=tuple(dict.fromkeys(texts[0][s:e] for s, e in spans)),
        spans=spans,
        exact=exact,
        missing=missing,
        why=tuple(dict.fromkeys(why)),
        sentence=_best_sentence((index.sentence_ends[doc], index.sentence_ends_en[doc]), concept_at),
        spans_en=spans_en,
        matches_en=tuple(dict.fromkeys(texts[1][s:e] for s, e in spans_en)),
    )


def _span(text: str, starts: Sequence[int], ends: Sequence[int], p: int, word: str) -> tuple[int, int]:
    """Where token ``p`` stands in ``text``; a hyphen compound posted at its first part covers both parts."""
    end = ends[p]
    if words(text[starts[p] : end]) != [word] and p + 1 < len(ends):
        end = ends[p + 1]
    return starts[p], end


def _best_sentence(
    ends: tuple[Sequence[int], Sequence[int]], concept_at: tuple[list[tuple[int, int]], list[tuple[int, int]]]
) -> int:
    """The 1-based number of the sentence holding the most distinct matched concepts, then the most
    matched as written (the first of equals), counting a sentence's Dutch and its English rendering
    as one (they are numbered alike)."""
    if not concept_at[0] and not concept_at[1]:
        return 0
    per_sentence: dict[int, list[int]] = {}
    for sentence_ends, found in zip(ends, concept_at, strict=True):
        for at, c in found:  # in sentence n when it starts before that sentence's end
            n = bisect.bisect_right(sentence_ends, at) + 1
            if n <= len(sentence_ends):
                per_sentence.setdefault(n, []).append(c)
    best, best_n = (0, 0), 1
    for n in sorted(per_sentence):
        here = [c for c in per_sentence[n] if c != CITED]
        cited = len(per_sentence[n]) - len(here)
        whole = {c for c in here if c >= 0}
        count = (len(whole | {~c for c in here if c < 0}) + cited, len(whole))
        if count > best:
            best, best_n = count, n
    return best_n


def merge_spans(text: str, raw: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, disjoint spans; overlapping ones, or ones joined by a hyphen ("Noord-Korea"), become one."""
    spans: list[tuple[int, int]] = []
    for start, end in sorted(raw):
        if spans and (start <= spans[-1][1] or (start == spans[-1][1] + 1 and text[spans[-1][1]] in "-/")):
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return tuple(spans)
