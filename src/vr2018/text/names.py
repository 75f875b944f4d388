"""Matching what a user typed to a name: close spellings, unique prefixes, completion."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vr2018.text.fold import fold, name_key


def suggest(query: str, candidates: Iterable[str], limit: int = 3, cutoff: float = 70.0) -> list[str]:
    """The candidates closest to ``query`` (folded comparison), best first, for "did you mean"."""
    from rapidfuzz import fuzz, process

    pool = list(dict.fromkeys(candidates))
    if not pool or not name_key(query):
        return []
    keyed = [name_key(c) for c in pool]
    found = process.extract(name_key(query), keyed, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
    return [pool[index] for _, _, index in found]


def resolve(query: str, names: dict[str, str]) -> tuple[str | None, list[str]]:
    """Find an id by any of its names: exact (folded), then an unambiguous prefix.

    ``names`` maps every accepted name (id, title, alias) to an id. Returns the
    id, or None and the closest names to suggest.
    """
    wanted = name_key(query)
    if not wanted:
        return None, []
    keyed: dict[str, set[str]] = {}
    for name, target in names.items():
        keyed.setdefault(name_key(name), set()).add(target)
    exact = keyed.get(wanted)
    if exact and len(exact) == 1:
        return next(iter(exact)), []
    prefixed = {t for k, targets in keyed.items() if k.startswith(wanted) for t in targets}
    if len(prefixed) == 1:
        return next(iter(prefixed)), []
    if prefixed:  # ambiguous: show what it could be
        return None, sorted(n for n, t in names.items() if t in prefixed and name_key(n).startswith(wanted))[:5]
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
    wanted = name_key(word)
    if not wanted:
        return False
    pool = [name_key(c) for c in candidates]
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
