"""A light Dutch stemmer."""

from __future__ import annotations

_VOWELS = frozenset("aeiouy")


def stem(word: str) -> str:
    """A light Dutch stemmer for folded words: inflections and plurals to one form.

    'sancties' and 'sanctie' → 'sancti'; 'mensenhandelaren' and
    'mensenhandelaar' → 'mensenhandelar'; 'conflicten' → 'conflict';
    'wapens' and 'wapen' → 'wap'. Numbers and words of up to three letters
    are left alone. It is deliberately conservative (no derivational
    suffixes): compounds and derivations are found by prefix matching instead.
    """
    if len(word) < 4 or not word.isalpha():
        return word
    w = word
    if w.endswith("s") and not w.endswith("ss") and len(w) > 4:
        w = w[:-1]  # plural -s: then as the singular (wapens → wapen → wap)
    if w.endswith("heden"):
        w = w[:-5] + "heid"
    elif w.endswith("en") and len(w) > 4:
        w = w[:-2]
        if w[-1] == "v":
            w = w[:-1] + "f"
        elif w[-1] == "z":
            w = w[:-1] + "s"
    elif w.endswith("e") and len(w) > 4:
        w = w[:-1]
    # undouble: a doubled final consonant (bommen → bomm → bom) or a long
    # vowel in the last syllable (handelaren → handelar, handelaar → handelar)
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS:
        w = w[:-1]
    if len(w) > 3 and w[-1] not in _VOWELS and w[-2] == w[-3] and w[-2] in "aeou":
        w = w[:-2] + w[-1]
    return w
