"""The people the letter names: finding them by name or role, and where each is named.

Pure functions: no I/O, no Rich, no Typer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.record import Record
from vr2018.problems import Empty, NothingFound
from vr2018.text.fold import tokens, words
from vr2018.text.names import resolve
from vr2018.text.stopwords import STOPWORDS

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Sequence

    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Person


def person_names(person: Person) -> tuple[str, ...]:
    return (person.id, person.name, *person.aliases)


def person_paragraphs(corpus: Corpus, person: Person) -> tuple[str, ...]:
    """Every paragraph that names the person or says what they did, in reading order."""
    ids = set(person.paragraphs) | {p.id for p in corpus.paragraphs if person.id in p.people}
    return tuple(p.id for p in corpus.paragraphs if p.id in ids)


class Lookup(Record):
    """What ``asked`` (a name or role) found: the people, best first, or, for nobody,
    the closest names to suggest. ``unprinted``: the words of the query, as typed, that are
    in none of the letter's names or roles ("Mark" of "Mark Rutte": the letter writes only
    "Rutte"), set aside to find the people; ``read_as``: (a word as typed, the letter's word
    one slip away it was read as), ("weaver", "Wever")."""

    asked: str = ""
    people: tuple[Person, ...] = ()
    suggestions: tuple[str, ...] = ()
    unprinted: tuple[str, ...] = ()
    read_as: tuple[tuple[str, str], ...] = ()


def look_up(corpus: Corpus, query: str) -> Lookup:
    """People matching ``query``, case- and accent-insensitively, and suggestions if none do.

    1. A name, alias or id: exact, then an unambiguous prefix ("kaag", "Sigrid", "romeo").
    2. Everyone whose name, aliases and role, in Dutch or English (the data's ``role`` and
       ``role_en``), hold every word of the query in any order ("minister-president",
       "prime minister", "foreign minister", "curacao"; stop words such as "the" and "of"
       aside; one letter is an initial: "S. Blok"), those whose role the words cover best
       first. A word of five letters or more that none of them holds is read as the one
       that is a slip away (one letter missing, added, changed, or two swapped; from eight
       letters on, two such slips): "weaver" and "weever" as Wever of Wever-Croes.
    3. A full name the letter does not print: words in none of its names and roles ("Mark"
       of "Mark Rutte") are set aside when the rest names someone by name, not by role
       only ("Mark minister" finds no one). :attr:`Lookup.unprinted` says which.
    4. Else nobody, with the closest names to suggest, also for each word ("Mark Rute":
       Rutte).
    """
    names = {name: person.id for person in corpus.people for name in person_names(person)}
    found, suggestions = resolve(query, names)
    if found:
        return Lookup(asked=query, people=(corpus.person(found),))
    typed = dict(_typed(query))
    wanted = [w for w in typed if w not in STOPWORDS] or list(typed)
    pools = {p.id: _pool(p) for p in corpus.people}
    own = {p.id: _name_words(p) for p in corpus.people}
    vocabulary = set().union(*pools.values())
    strange = [w for w in wanted if w not in vocabulary and len(w) > 1]
    initials = [w for w in wanted if len(w) == 1]  # held by whose name they start
    readings = {w: close for w in strange if (close := _readings(w, vocabulary))}
    # a word read as one a slip away; else set aside; else initials set aside too ("M. Rutte")
    for read, aside in ((readings, ()), ({}, ()), ({}, initials)):
        unknown = [w for w in wanted if (w in strange and w not in read) or w in aside]
        known = [w for w in wanted if w not in unknown]
        people = _matching(corpus.people, pools, own, known, read, by_name=bool(unknown))
        if people:
            words_read = [r for w in known for r in read.get(w, (w,))]
            ranked = tuple(sorted(people, key=lambda p: -_role_cover(p, words_read)))
            held = {w for w in unknown if any(_holds(w, pools[p.id], own[p.id]) for p in ranked)}
            return Lookup(
                asked=query,
                people=ranked,
                unprinted=tuple(typed[w] for w in unknown if w not in held),
                read_as=tuple((typed[w], _spelling(ranked, read[w])) for w in known if w in read),
            )
    # Suggest people's names, not ids: "Kaag" reads better than "kaag".
    shown = [corpus.person(names[s]).name for s in suggestions if s in names]
    shown += [p.name for w in wanted for p in corpus.people if _close(w, own[p.id])]
    return Lookup(asked=query, suggestions=tuple(dict.fromkeys(shown)))


def find_people(corpus: Corpus, query: str) -> tuple[tuple[Person, ...], list[str]]:
    """The people :func:`look_up` finds for ``query``, and the names it suggests if none."""
    found = look_up(corpus, query)
    return found.people, list(found.suggestions)


def person_lookup(corpus: Corpus, name: str) -> Lookup:
    """What :func:`look_up` finds; :class:`~vr2018.problems.NothingFound` naming the closest
    names when nobody matches; :class:`~vr2018.problems.Empty` for a blank name."""
    if not name.strip():
        raise Empty("person")
    found = look_up(corpus, name)
    if not found.people:
        raise NothingFound("person", name, found.suggestions)
    return found


def people_named(corpus: Corpus, name: str) -> tuple[Person, ...]:
    """The people :func:`person_lookup` finds (or the problem it raises)."""
    return person_lookup(corpus, name).people


def _typed(query: str) -> list[tuple[str, str]]:
    """The query's words, folded, each with its spelling as typed."""
    return [(t.word, query[t.start : t.end]) for t in tokens(query)]


def _pool(person: Person) -> set[str]:
    """Every word of the person's names, aliases and role, in Dutch and English."""
    return {w for text in (*person_names(person), person.role, person.role_en or "") for w in words(text)}


def _name_words(person: Person) -> set[str]:
    """The words of the person's names but stop words, and of their aliases but role words:
    sigrid, a, m and kaag of "Sigrid A.M. Kaag"; rutte of "minister-president Rutte"."""
    role = set(words(person.role)) | set(words(person.role_en or ""))
    aliases = {w for alias in person.aliases for w in words(alias)} - role
    return (set(words(person.name)) | aliases) - STOPWORDS


def _holds(word: str, pool: Collection[str], names: Collection[str]) -> bool:
    """The word is in the pool; or it is one letter, the initial of one of the ``names``."""
    return word in pool or (len(word) == 1 and any(n.startswith(word) for n in names))


def _readings(word: str, vocabulary: Iterable[str]) -> tuple[str, ...]:
    """The words of ``vocabulary`` closest to ``word`` (of five letters or more) within one
    slip (two from eight letters on), counting a swap of two letters as one; () if none."""
    if len(word) < 5:
        return ()
    from rapidfuzz.distance import OSA

    limit = 1 if len(word) < 8 else 2
    close = [(d, v) for v in vocabulary if (d := OSA.distance(word, v, score_cutoff=limit)) <= limit]
    best = min((d for d, _ in close), default=None)
    return tuple(sorted(v for d, v in close if d == best))


def _matching(
    people: Sequence[Person],
    pools: dict[str, set[str]],
    own: dict[str, set[str]],
    known: list[str],
    read: dict[str, tuple[str, ...]],
    by_name: bool,
) -> list[Person]:
    """The people who hold every ``known`` word (or one of its readings); ``by_name``: of
    whose names at least one is."""
    if not known:
        return []

    def has(person: Person, word: str, pool: set[str]) -> bool:
        return any(_holds(r, pool, own[person.id]) for r in read.get(word, (word,)))

    found = [p for p in people if all(has(p, w, pools[p.id]) for w in known)]
    if by_name:
        found = [p for p in found if any(has(p, w, own[p.id]) for w in known)]
    return found


def _spelling(people: Sequence[Person], readings: tuple[str, ...]) -> str:
    """A reading as the letter spells it in the names or roles of the people found ("Wever")."""
    for person in people:
        for text in (*person_names(person)[1:], person.role, person.role_en or ""):
            for token in tokens(text):
                if token.word in readings:
                    return text[token.start : token.end]
    return readings[0]


def _close(word: str, names: set[str]) -> bool:
    """For suggestions: the word is one of the names, or a slip from one (two slips from six letters)."""
    if word in names:
        return len(word) > 1
    if len(word) < 3:
        return False
    from rapidfuzz.distance import OSA

    limit = 1 if len(word) < 6 else 2
    return any(len(n) >= 3 and OSA.distance(word, n, score_cutoff=limit) <= limit for n in names)


def _role_cover(person: Person, wanted: list[str]) -> float:
    """How much of the person's role (Dutch or English) the query's words make up:
    "prime minister" is all of Rutte's role, two thirds of Rhuggenaath's."""
    best = 0.0
    for role in (person.role, person.role_en or ""):
        own = [w for w in words(role) if w not in STOPWORDS]
        if own:
            best = max(best, sum(w in wanted for w in own) / len(own))
    return best
