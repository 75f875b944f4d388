"""Search results as plain JSON data. Never imports Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.search.snippets import snippet

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.search import Hit, Results
from vr2018.serialize.letter import Json, paragraph_json


def hit_json(corpus: Corpus, rank: int, hit: Hit) -> Json:
    """One search hit: how it matched (what it lacks, ``missing``; how each term matched, ``why``;
    its best sentence's number, ``sentence``; where it matched in the English, ``matches_en``,
    ``spans_en`` and ``snippet_en``), then the paragraph object as `read --json` gives it."""
    return {
        "rank": rank,
        "score": hit.score,
        "matches": list(hit.matches),
        "terms": list(hit.terms),
        "exact": hit.exact,
        "spans": [[s, e] for s, e in hit.spans],
        "snippet": snippet(hit.paragraph, hit.spans),
        "missing": list(hit.missing),
        "why": [{"term": term, "word": word, "how": how} for term, word, how in hit.why],
        "sentence": hit.sentence,
        "matches_en": list(hit.matches_en),
        "spans_en": [[s, e] for s, e in hit.spans_en],
        "snippet_en": snippet(hit.paragraph, hit.spans_en, english=True),
        "paragraph": paragraph_json(corpus, hit.paragraph),
    }


def search_json(corpus: Corpus, results: Results) -> list[Json]:
    """One object per hit, best first."""
    return [hit_json(corpus, rank, hit) for rank, hit in enumerate(results.hits, 1)]
