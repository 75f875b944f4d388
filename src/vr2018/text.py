"""Text folding, tokenising and name matching, shared by every part that compares words.

``fold`` is the one definition of "the same word" in vr2018: case, accents and
diacritics (Curaçao = Curacao, Haïti = Haiti), typographic quotes and dashes
are folded away. Search, the glossary, highlighting, theme and person lookup
all go through it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = dict.fromkeys(map(ord, "‘’‚‛′"), "'") | dict.fromkeys(map(ord, "“”„‟″"), '"')
_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, with plain dashes and quotes: 'Curaçao' → 'curacao'."""
    if text.isascii():  # nothing to translate or decompose
        return text.lower()
    text = text.translate(_DASHES).translate(_QUOTES)
    # Decompose before and after case-folding: compatibility forms such as
    # '𝕊' only become a cased letter once decomposed.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# What must never reach a terminal: C0 and C1 control characters (tab and
# newline excepted), DEL, zero-width and bidirectional formatting characters
# (U+202E turns text around), line and paragraph separators, the byte-order
# mark, and lone surrogates (undecodable bytes in argv). The one list: clean()
# removes these, JSON output escapes them (vr2018.output), and the tests hold
# every output to it.
TERMINAL_ACTIVE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
# Escape sequences, removed whole so their parameters do not linger as text:
# CSI (ESC [ or the 8-bit \x9b) with its parameters, OSC (ESC ] or \x9d: titles,
# hyperlinks) up to BEL or ST, and two-character escapes (ESC 7, ESC c, ...).
_ANSI = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)


def clean(value: str) -> str:
    """Text safe for a terminal: escape sequences and control characters removed.

    Tabs and newlines stay; everything else that a terminal would act on
    (colours, cursor moves, window titles, hyperlinks, bells, bidi overrides)
    goes, so neither a query nor a data file can reach the terminal as an escape.
    """
    if value.isascii() and value.isprintable():
        return value
    return TERMINAL_ACTIVE.sub("", _ANSI.sub("", value))


def shorten(value: str, width: int = 60) -> str:
    """A user's input as a message quotes it: cleaned, on one line, at most ``width`` characters."""
    line = " ".join(clean(value).split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def words(text: str) -> list[str]:
    """Folded words; hyphens, slashes and punctuation separate them ('Noord-Korea' → noord, korea)."""
    return _WORD.findall(fold(text))


def key(text: str) -> str:
    """A compact matching key for names: folded, with spaces and hyphens removed."""
    return "".join(words(text))


def suggest(query: str, candidates: Iterable[str], limit: int = 3, cutoff: float = 70.0) -> list[str]:
    """The candidates closest to ``query`` (folded comparison), best first, for "did you mean"."""
    from rapidfuzz import fuzz, process

    pool = list(dict.fromkeys(candidates))
    if not pool or not key(query):
        return []
    keyed = [key(c) for c in pool]
    found = process.extract(key(query), keyed, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
    return [pool[index] for _, _, index in found]


def resolve(query: str, names: dict[str, str]) -> tuple[str | None, list[str]]:
    """Find an id by any of its names: exact (folded), then an unambiguous prefix.

    ``names`` maps every accepted name (id, title, alias) to an id. Returns the
    id, or None and the closest names to suggest.
    """
    wanted = key(query)
    if not wanted:
        return None, []
    keyed: dict[str, set[str]] = {}
    for name, target in names.items():
        keyed.setdefault(key(name), set()).add(target)
    exact = keyed.get(wanted)
    if exact and len(exact) == 1:
        return next(iter(exact)), []
    prefixed = {t for k, targets in keyed.items() if k.startswith(wanted) for t in targets}
    if len(prefixed) == 1:
        return next(iter(prefixed)), []
    if prefixed:  # ambiguous: show what it could be
        return None, sorted(n for n, t in names.items() if t in prefixed and key(n).startswith(wanted))[:5]
    return None, suggest(query, names)


def completion(typed: str, names: Iterable[str]) -> str | None:
    """The first of ``names`` that is one shell word (no spaces) and extends ``typed``
    case- and accent-blind, spelt so that it starts with exactly what was typed.

    bash and zsh keep only the candidates that start with the word as typed, case
    and accents included, so a candidate keeps the user's spelling of the typed
    part and the name's own rest: 'cura' → 'curaçao', 'Van' → 'Van-den-hul'
    (from 'van-den-hul'). Typed in capitals (two letters or more, all upper
    case), the rest is in capitals too: 'KA' → 'KAAG', not 'KAag'. Lookups are
    case- and accent-blind, so the word offered finds the same thing as the name.
    """
    for name in names:
        if " " in name:
            continue
        if name.startswith(typed) and not _shouting(typed):
            return name
        value = _extended(typed, name)
        if value is not None:
            return value
    return None


def name_completion(typed: str, name: str, before: Sequence[str] = ()) -> str | None:
    """Complete a name of several words ('De Graaf', 'Van den Hul'), which a
    variadic argument takes as several words: the rest of the name from the word
    being typed on, starting with exactly what was typed ('De' → 'De Graaf',
    'van' → 'van den Hul'); after the name's first words were typed
    (``before`` = ['de']), its next ones ('G' → 'Graaf'). None if it does not fit."""
    parts = name.split()
    for k in range(min(len(before), len(parts) - 1), -1, -1):  # the most words already typed first
        if [fold(w) for w in before[len(before) - k :]] != [fold(w) for w in parts[:k]] or (k and not before):
            continue
        value = _extended(typed, " ".join(parts[k:]))
        if value is not None:
            return value
    return None


def _shouting(typed: str) -> bool:
    """Typed in capitals (two letters or more): a completion's rest is in capitals too."""
    return typed.isupper() and sum(c.isalpha() for c in typed) >= 2


def _extended(typed: str, name: str) -> str | None:
    """``name`` spelt to start with exactly what was typed, when it extends it case- and
    accent-blind; None when it does not."""
    wanted = fold(typed)
    if not fold(name).startswith(wanted):
        return None
    # the shortest start of the name that folds to what was typed ('Straß' for 'strass')
    cut = next((k for k in range(len(name) + 1) if fold(name[:k]) == wanted), None)
    if cut is None:  # the typed text ends inside one of the name's characters
        return None
    rest = name[cut:]
    return typed + (rest.upper() if _shouting(typed) else rest)


def near(word: str, candidates: Iterable[str]) -> bool:
    """True if the folded ``word`` is in, or within a typo of, one of the candidate words.

    A word of up to three letters must start a candidate ('hul' finds 'hul',
    'de' finds 'de graaf'; 'a' does not find 'kamer'). A longer word matches a
    candidate that contains it ('embargo' finds 'wapenembargo'); for a word of four letters or more,
    when the whole candidate is within one edit of it (two edits from six
    letters on: 'Kuzo' finds 'Kuzu', 'Rohinga' finds 'Rohingya'); and for a
    word of five letters or more, when a stretch of a longer candidate is
    within one edit ('embarg0' finds 'wapenembargo'). rapidfuzz is only
    imported when no candidate contains the word.
    """
    wanted = key(word)
    if not wanted:
        return False
    pool = [key(c) for c in candidates]
    if len(wanted) < 4:
        return any(c.startswith(wanted) for c in pool)
    if any(wanted in c for c in pool):
        return True
    from rapidfuzz.distance import Levenshtein

    whole = 1 if len(wanted) <= 5 else 2
    for cand in pool:
        if Levenshtein.distance(wanted, cand, score_cutoff=whole) <= whole:
            return True
        if len(wanted) >= 5 and len(cand) > len(wanted) + 1:
            for size in (len(wanted) - 1, len(wanted), len(wanted) + 1):
                for start in range(len(cand) - size + 1):
                    if Levenshtein.distance(wanted, cand[start : start + size], score_cutoff=1) <= 1:
                        return True
    return False


# ── Tokens with their place in the text (search index and highlighting) ────


class Token(NamedTuple):
    """A folded word and where it stands in the original text (``text[start:end]``)."""

    word: str
    start: int
    end: int


_CHUNK = re.compile(r"\S+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_JOINERS = frozenset("-/")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def tokens(text: str) -> list[Token]:
    """The words of ``text`` as :func:`words` finds them, each with its span in ``text``.

    ``[t.word for t in tokens(s)] == words(s)`` for any ``s``; the spans point
    into the original, unfolded text, so a match can be highlighted there.
    """
    if text.isascii():
        return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text.lower())]
    special = {c: _fold_char(c) for c in set(_NON_ASCII.findall(text))}
    if all(len(f) == 1 for f in special.values()):  # the usual case: one character folds to one
        folded = _NON_ASCII.sub(lambda m: special[m.group()], text).lower()
        return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]
    out: list[Token] = []
    for chunk in _CHUNK.finditer(text):  # 'ß' → 'ss', a bare accent → '': map offsets back
        piece, base = chunk.group(), chunk.start()
        folded_chars: list[str] = []
        origin: list[int] = []  # folded character i comes from piece[origin[i]]
        for i, char in enumerate(piece):
            f = _fold_char(char)
            folded_chars.append(f)
            origin.extend([i] * len(f))
        for m in _WORD.finditer("".join(folded_chars)):
            start, end = origin[m.start()], origin[m.end() - 1] + 1
            while end < len(piece) and not folded_chars[end]:  # trailing combining accents
                end += 1
            out.append(Token(m.group(), base + start, base + end))
    return out


def compounds(text: str, found: list[Token] | None = None) -> list[Token]:
    """Words joined by a hyphen or slash, run together: 'Noord-Korea' → 'noordkorea'.

    A user who types "noordkorea" or "sanctieontduiking" finds the hyphenated
    form; the span covers both parts.
    """
    found = tokens(text) if found is None else found
    out = []
    for left, right in zip(found, found[1:], strict=False):
        if right.start - left.end == 1 and text[left.end] in _JOINERS:
            out.append(Token(left.word + right.word, left.start, right.end))
    return out


# ── Dutch: stop words and a light stemmer ───────────────────────────────────

# Function words (Dutch and English) that say nothing about what a paragraph
# is about; a query keeps them only for phrases, or when it has nothing else.
# The one stop-word list: search (and motions through it) and the people lookup
# use it. Question words count among them ("wanneer", "welke", "what", "did"):
# a question is asked about its content words.
STOPWORDS = frozenset(
    {
        "de",
        "het",
        "een",
        "en",
        "of",
        "in",
        "op",
        "te",
        "ten",
        "ter",
        "der",
        "den",
        "van",
        "voor",
        "met",
        "aan",
        "om",
        "dat",
        "die",
        "dit",
        "deze",
        "is",
        "zijn",
        "was",
        "waren",
        "wordt",
        "werd",
        "worden",
        "werden",
        "heeft",
        "hebben",
        "had",
        "ook",
        "als",
        "bij",
        "tot",
        "over",
        "door",
        "naar",
        "uit",
        "maar",
        "niet",
        "wel",
        "zo",
        "er",
        "hij",
        "zij",
        "ze",
        "we",
        "wij",
        "ons",
        "onze",
        "hun",
        "haar",
        "zich",
        "men",
        "dan",
        "nog",
        "al",
        "na",
        "zoals",
        "onder",
        "tegen",
        "je",
        "jij",
        "u",
        "ik",
        # Dutch question words and the verbs a question is built with
        "waar",
        "wat",
        "wie",
        "hoe",
        "welke",
        "welk",
        "wanneer",
        "waarom",
        "waarover",
        "waarmee",
        "hoeveel",
        "wiens",
        "deed",
        "deden",
        "doet",
        "doen",
        "kan",
        "kon",
        "kunnen",
        "konden",
        "zal",
        "zou",
        "zullen",
        "wil",
        "wilde",
        # English (of, in, is, was: above)
        "the",
        "a",
        "an",
        "and",
        "or",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "are",
        "were",
        "be",
        "been",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "into",
        "about",
        "than",
        "has",
        "have",
        "i",
        "you",
        "they",
        "their",
        "our",
        "us",
        "he",
        "she",
        "his",
        "her",
        "them",
        "there",
        # English question words and the verbs a question is built with
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "did",
        "do",
        "does",
        "done",
        "can",
        "could",
        "will",
        "would",
        "should",
        "many",
        "much",
    }
)

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
