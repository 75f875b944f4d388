"""A light English stemmer."""

from __future__ import annotations


def stem_en(word: str) -> str:
    """A light English stemmer for folded words: plurals, -ing and -ed to one form.

    'weapons' → 'weapon'; 'refugees' → 'refuge'; 'threatened' and 'threatens' →
    'threaten'; 'countries' → 'country'; 'elected' → 'elect'; 'stopping' → 'stop'.
    Numbers and words of up to three letters are left alone. Conservative, like the
    Dutch one: derivations are found by prefix matching instead.
    """
    if len(word) < 4 or not word.isalpha():
        return word
    w = word
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":  # stopping → stopp → stop
                w = w[:-1]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w
