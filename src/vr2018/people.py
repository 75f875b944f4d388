"""The people the letter names: finding them by name or role, and where each is named.

Pure functions: no I/O, no Rich, no Typer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.problems import Empty, NothingFound
from vr2018.text.fold import words
from vr2018.text.names import resolve
from vr2018.text.stopwords import STOPWORDS

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Person


def person_names(person: Person) -> tuple[str, ...]:
    return (person.id, person.name, *person.aliases)


def person_paragraphs(corpus: Corpus, person: Person) -> tuple[str, ...]:
    """Every paragraph that names the person or says what they did, in reading order."""
    ids = set(person.paragraphs) | {p.id for p in corpus.paragraphs if person.id in p.people}
    return tuple(p.id for p in corpus.paragraphs if p.id in ids)


def find_people(corpus: Corpus, query: str) -> tuple[tuple[Person, ...], list[str]]:
    """People matching ``query``, case- and accent-insensitively, and suggestions if none do.

    First a name, alias or id (exact, then an unambiguous prefix: "kaag",
    "Sigrid", "romeo"); then everyone whose name, aliases and role, in Dutch or
    English, hold every word of the query in any order ("minister-president",
    "prime minister", "foreign minister", "curacao"; stop words such as "the"
    and "of" aside), those whose role the query covers best first; else nothing,
    with the closest names to suggest.
    """
    names = {name: person.id for person in corpus.people for name in person_names(person)}
    found, suggestions = resolve(query, names)
    if found:
        return (corpus.person(found),), []
    wanted = [w for w in words(query) if w not in STOPWORDS] or words(query)
    if wanted:
        matches = [person for person in corpus.people if all(_has_word(person, w) for w in wanted)]
        if matches:
            return tuple(sorted(matches, key=lambda p: -_role_cover(p, wanted))), []
    # Suggest people's names, not ids: "Kaag" reads better than "kaag".
    shown = [corpus.person(names[s]).name for s in suggestions if s in names]
    return (), list(dict.fromkeys(shown))


def people_named(corpus: Corpus, name: str) -> tuple[Person, ...]:
    """The people :func:`find_people` finds; :class:`~vr2018.problems.NothingFound`
    naming the closest names when nobody matches; :class:`~vr2018.problems.Empty` for a blank name."""
    if not name.strip():
        raise Empty("person")
    found, suggestions = find_people(corpus, name)
    if not found:
        raise NothingFound("person", name, suggestions)
    return found


def _has_word(person: Person, word: str) -> bool:
    pool = {w for text in (*person_names(person), person.role, person.role_en or "") for w in words(text)}
    return word in pool


def _role_cover(person: Person, wanted: list[str]) -> float:
    """How much of the person's role (Dutch or English) the query's words make up:
    "prime minister" is all of Rutte's role, two thirds of Rhuggenaath's."""
    best = 0.0
    for role in (person.role, person.role_en or ""):
        own = [w for w in words(role) if w not in STOPWORDS]
        if own:
            best = max(best, sum(w in wanted for w in own) / len(own))
    return best
