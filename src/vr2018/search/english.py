"""The English rendering in the index: where its positions start, and a light English stemmer.

Each paragraph's English (``paragraph.text_en``) is indexed into the same postings
as its Dutch, at positions counted from :data:`EN_OFFSET`: a position ``p >= EN_OFFSET`` is
English token ``p - EN_OFFSET``. Both languages share one vocabulary and one document
frequency, but positions never run across the two texts, so proximity, query
order and quoted phrases are measured within one language, and a word's count
in a paragraph is the larger of its two counts, never their sum (a match in
either language is one match of the paragraph).

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

import bisect

EN_OFFSET = 1 << 20  # first English position: far beyond any paragraph's Dutch token count


def term_frequency(positions: list[int]) -> int:
    """A word's count in one paragraph: the larger of its Dutch and English counts."""
    if positions[-1] < EN_OFFSET:
        return len(positions)
    dutch = bisect.bisect_left(positions, EN_OFFSET)
    return max(dutch, len(positions) - dutch)


def only_english(positions: list[int]) -> bool:
    """The word stands in the paragraph's English only, not in its Dutch."""
    return positions[0] >= EN_OFFSET
