"""How one query word reaches the letter's words: one named, bounded step, never two.

Every way a query word can stand for a word of the vocabulary is a :class:`Step`
with its own evidence, and the steps do not chain (an inflection is not then
split as a compound, a compound part is not then typo-matched, a glossary value
is not expanded at all):

``exact``       the word as typed (case and accents aside)
``inflection``  the same stem, within one language (sancties ↔ sanctie, deelde ↔ gedeelde,
                bleef ↔ blijven, weapons ↔ weapon, threat → threatens); for a name only the name with a short ending
                (Nederland → Nederlandse), never another word (Maarten is not maart)
``compound``    the word is one part of a text compound at a real boundary: both parts are
                words, with or without the Dutch linking -s-/-e- (embargo → wapenembargo,
                sanctie → sanctiecomité, veiligheid → Veiligheidsraad; Kamer ↛ Kameroen)
``typo``        a word of the same language side within one or two edits, only for words of
                :data:`MIN_TYPO` letters or more, with the same first letter, and only when
                nothing matches exactly or by inflection (rohinga → Rohingya; Crimea ↛ crime)

A query word that is itself a compound of two words (klimaatbeleid) is read in
:mod:`.query`, as both its parts; a glossary value is a target matched as written.

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from vr2018.text.dutch import stem
from vr2018.text.english import stem_en
from vr2018.text.stopwords import STOPWORDS
from vr2018.text.verbs import forms

if TYPE_CHECKING:
    from vr2018.search.index import Index


class Step(tuple[str, float]):
    """How a query word reached one vocabulary word: its reason (one of REASONS) and what that
    match is worth. A plain tuple subclass: a NamedTuple costs far more to define, and this CLI
    is mostly start-up (benchmarks/startup.py)."""

    __slots__ = ()

    def __new__(cls, reason: str, weight: float) -> Step:
        return tuple.__new__(cls, (reason, weight))

    @property
    def reason(self) -> str:
        return self[0]

    @property
    def weight(self) -> float:
        return self[1]

    def __repr__(self) -> str:
        return f"Step(reason={self[0]!r}, weight={self[1]!r})"


# How much a match of each reason is worth, relative to the exact word.
WEIGHT = {
    "exact": 1.0,
    "inflection": 0.9,  # sancties ↔ sanctie
    "compound": 0.7,  # embargo → wapenembargo, sanctie → sanctiecomite
    "typo": 0.6,  # rohinga → rohingya
}
REASONS = tuple(WEIGHT)

# How loosely a word is matched: as typed (``--exact``, and a glossary value, which is a
# target written as the letter writes it), or forgiving (a word the user typed).
AS_WRITTEN = "as-written"
FORGIVING = "forgiving"
IN_NAME = "in-name"  # a word of a name of several words: forgiving, and a typo from MIN_SWAP letters on

MIN_AFFIX = 4  # shortest query word matched as one part of a compound
MIN_PART = 3  # shortest other part of that compound ("raad" in veiligheidsraad)
MIN_TYPO = 7  # shortest word forgiven any typo: shorter ones are too often another word (Crimea, crime)
MIN_SWAP = 5  # shortest word forgiven two neighbouring letters swapped (Pompoe, Pompeo)
# The endings that make an English word of another (threat → threatens, prevent → prevention);
# any other ending is another word (again ↛ against, human ↛ humane).
ENGLISH_ENDINGS = frozenset(
    {"s", "es", "d", "ed", "ing", "en", "ens", "ened", "er", "ers", "ion", "ions", "al", "ly", "ment", "ments"}
)
# The endings a name takes as an adjective, a plural or a genitive: Nederland → Nederlandse,
# Nederlanden; never another word that starts with it (Kamer ↛ Kameroen).
NAME_ENDINGS = frozenset({"e", "s", "n", "en", "se", "es", "er", "ers"})
MAX_AFFIXES = 40  # compounds one query word may stand for, at most
LINKS = ("", "s", "e")  # the Dutch linking letters of a compound: veiligheid-s-raad, kind-e-ren


def expand(
    index: Index, word: str, looseness: str = FORGIVING, acronyms: bool = True, capitals: bool = False
) -> dict[str, Step]:
    """The vocabulary words ``word`` may stand for, each with the one step that reaches it.

    ``AS_WRITTEN``: only the word itself. ``FORGIVING``: also its inflections (not
    for a name), the compounds it is a part of, and, only when nothing matches
    exactly or by inflection, a typo of a word of the same language side.
    Without ``acronyms``, no word the text writes only in capitals (TRIP, ICC)
    matches: "trip" is not "TRIP". With ``capitals`` (the user typed a capital) a
    typo reaches only a name.
    """
    found: dict[str, Step] = {}

    def add(candidate: str, reason: str) -> None:
        if candidate in STOPWORDS and candidate != word:  # war ↛ waar: a stop word only stands for itself
            return
        if not acronyms and candidate in index.acronyms:
            return
        step = Step(reason, WEIGHT[reason])
        if candidate not in found or found[candidate].weight < step.weight:
            found[candidate] = step

    if word in index.postings:
        add(word, "exact")
    if looseness == AS_WRITTEN or word.isdigit() or word in STOPWORDS:  # numbers, stop words: as typed
        return found
    english = word in index.english_only or (word not in index.postings and stem_en(word) in index.stems_en)
    # the vocabulary words that start or end with the word, scanned once for every step that reads them
    around = list(_affixes(index, word)) if len(word) >= MIN_AFFIX else []
    if word not in index.names:
        for candidate in _inflections(index, word, around):
            add(candidate, "inflection")
    else:  # a name's own derivations only: Nederland → Nederlandse, Nederlanden (never Maarten → maart)
        for candidate, where in around:
            if where == "prefix" and candidate in index.names and candidate[len(word) :] in NAME_ENDINGS:
                add(candidate, "inflection")
    if not english and len(word) >= MIN_AFFIX and word not in index.names:
        for candidate in _compounds(index, word, around):
            add(candidate, "compound")
    if not any(s.reason in ("exact", "inflection") for s in found.values()):
        for candidate, _ in fuzzy(index, word, names_only=capitals, in_name=looseness == IN_NAME):
            add(candidate, "typo")
    return found


def _inflections(index: Index, word: str, around: list[tuple[str, str]]) -> Iterable[str]:
    """Words of the same stem, Dutch with Dutch and English with English; never a name."""
    # the same stem, and a verb's past participle (deelde → gedeelde, gedeeld → deelde)
    dutch_stems = {stem(word)}
    if _weak_past(word):
        dutch_stems.add(stem("ge" + word))
    if word.startswith("ge") and word.endswith(("d", "t", "de", "te")) and _weak_past(word[2:] + "e"):
        dutch_stems.add(stem(word[2:]))
    dutch_stems.update(stem(form) for form in forms(word))  # an irregular verb: bleef ↔ blijven
    for root in dutch_stems:
        for candidate in index.stems.get(root, ()):
            if candidate not in index.english_only and candidate not in index.names:
                yield candidate
    for candidate in index.stems_en.get(stem_en(word), ()):
        if candidate not in index.names:
            yield candidate
    # English derivation with one of its endings: threat → threatens, prevent → prevention
    for candidate, where in around:
        if (
            where == "prefix"
            and candidate in index.english_only
            and candidate not in index.names
            and candidate[len(word) :] in ENGLISH_ENDINGS
        ):
            yield candidate


def _weak_past(word: str) -> bool:
    """``word`` has the shape of a weak verb's past tense (deelde, stelden): a stem of three
    letters or more and -de, -te, -den or -ten; "leden" (members) is not one, so it never
    reaches "geleden" (ago)."""
    for ending in ("den", "ten", "de", "te"):
        if word.endswith(ending):
            return len(word) - len(ending) >= 3
    return False


def is_word(index: Index, part: str) -> bool:
    """A part of a compound that is itself a word of the letter (or an inflection of one)."""
    if len(part) < MIN_PART:
        return False
    if part in index.postings and part not in index.linked and part not in index.english_only:
        return True
    return any(c not in index.english_only for c in index.stems.get(stem(part), ()))


def split_at_boundary(index: Index, compound: str, part: str, where: str) -> bool:
    """``part`` starts (``where`` = "prefix") or ends ("suffix") ``compound`` at a real
    boundary: what is left, without a linking -s- or -e-, is a word too."""
    rest = compound[len(part) :] if where == "prefix" else compound[: -len(part)]
    for link in LINKS:
        if where == "prefix" and rest.startswith(link) and is_word(index, rest[len(link) :]):
            return True
        if where == "suffix" and rest.endswith(link) and is_word(index, rest[: len(rest) - len(link)]):
            return True
    return False


def _compounds(index: Index, word: str, around: list[tuple[str, str]]) -> list[str]:
    """Dutch compounds of which ``word`` (or its stem) is the first or last part, at a real boundary;
    ``around`` holds the vocabulary words around ``word`` itself (:func:`_affixes`)."""
    out: dict[str, None] = {}
    root = stem(word)
    needles = [(word, around)]
    if root != word and len(root) >= MIN_AFFIX:
        needles.append((root, list(_affixes(index, root))))
    for needle, found in needles:
        for candidate, where in found:
            if candidate not in index.english_only and candidate not in index.names:
                if split_at_boundary(index, candidate, needle, where):
                    out[candidate] = None
    if len(out) > MAX_AFFIXES:  # a short, common part: keep the closest, most used words
        return sorted(out, key=lambda c: (len(c), -len(index.postings[c])))[:MAX_AFFIXES]
    return list(out)


def _affixes(index: Index, needle: str) -> Iterable[tuple[str, str]]:
    """Vocabulary words that start or end with ``needle`` (one C-speed scan)."""
    blob, starts, vocabulary = index.blob, index.starts, index.vocabulary
    at = blob.find(needle)
    budget = 8 * MAX_AFFIXES  # enough to choose the closest from; a huge vocabulary is not walked
    while at != -1 and budget:
        budget -= 1
        i = bisect.bisect_right(starts, at) - 1
        candidate = vocabulary[i]
        if candidate != needle:
            begin = starts[i]
            if at == begin:
                yield candidate, "prefix"
            elif at + len(needle) == begin + len(candidate):
                yield candidate, "suffix"
        at = blob.find(needle, at + 1)


def max_edits(word: str) -> int:
    """Typos forgiven in a word: none below :data:`MIN_SWAP` letters; below :data:`MIN_TYPO`, only
    two neighbouring letters swapped (Pompoe → Pompeo); one edit at seven letters, two beyond."""
    if len(word) < MIN_SWAP or word.isdigit():
        return 0
    return 1 if len(word) <= MIN_TYPO else 2


def fuzzy(index: Index, word: str, names_only: bool = False, in_name: bool = False) -> list[tuple[str, int]]:
    """Vocabulary words within :func:`max_edits` of ``word`` that start with the same letter and
    are of its language side (RapidFuzz, imported only here)."""
    limit = max_edits(word)
    if not limit:
        return []
    english = _english_side(index, word)
    pool: list[str] = []
    for n in range(len(word) - limit, len(word) + limit + 1):
        for candidate in index.by_length.get(n, ()):
            if candidate[0] != word[0] or (names_only and candidate not in index.names):
                continue
            if english is not None and (candidate in index.english_only) != english:
                continue
            pool.append(candidate)
    if not pool:
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import OSA  # transpositions count as one edit

    found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=limit, limit=8)
    if len(word) < MIN_TYPO and not in_name:  # a short word: a swap only (same letters, same length)
        found = [f for f in found if len(f[0]) == len(word) and sorted(f[0]) == sorted(word)]
    return [(candidate, int(distance)) for candidate, distance, _ in found]


def _english_side(index: Index, word: str) -> bool | None:
    """Which side a word looks like: English (True) for endings Dutch never has, Dutch (False)
    for endings English never has, None when it cannot be told (then both sides are searched)."""
    if word.endswith(_ENGLISH_ENDINGS):
        return True
    if word.endswith(_DUTCH_ENDINGS):
        return False
    return None


_ENGLISH_ENDINGS = ("tion", "tions", "ness", "ment", "ments", "ity", "ities", "ism", "ship")
_DUTCH_ENDINGS = ("heid", "heden", "tie", "ties", "isch", "ische", "lijk", "lijke", "ingen", "schap")
