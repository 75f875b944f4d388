"""Shell completion: paragraph ids, people, theme names, Kamerstukken.

The one place the CLI asks for completions. Theme and Kamerstuk candidates
come from their engines (:func:`vr2018.themes.complete`,
:func:`vr2018.motions.complete`). Each ``*_candidates(corpus, incomplete)`` is a pure function returning
``(value, help)`` pairs whose value starts with exactly what the user typed
(bash and zsh offer nothing else), built with :func:`vr2018.text.names.completion`
(or, for a name of several words, :func:`vr2018.text.names.name_completion`), which
match case- and accent-blind and offer the name in the user's spelling of what
they typed ('cura' → 'curaçao'). The wrappers without a corpus argument load
the data and never raise: a completion must not print a traceback into
someone's shell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from vr2018.text.fold import fold
from vr2018.text.names import completion

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus


Candidates = list[tuple[str, str]]


def paragraph_candidates(corpus: Corpus, incomplete: str) -> Candidates:
    """Paragraph ids; after 'ID:' (a whole id) or 'N:' (a paragraph's number), its sentences
    'ID:1' … 'ID:n', each with its first words. A bare number is not completed: it is whole."""
    if ":" in incomplete:
        return sentence_candidates(corpus, incomplete)
    out = []
    for p in corpus.paragraphs:
        value = completion(incomplete, (p.id,))
        if value:
            out.append((value, corpus.section(p.section).title))
    return out


def sentence_candidates(corpus: Corpus, incomplete: str) -> Candidates:
    from vr2018.letter.paragraphs import find_paragraph, paragraph_number
    from vr2018.letter.sentences import of, split_address
    from vr2018.text.clean import shorten

    wanted, number = split_address(incomplete)
    paragraph, _ = find_paragraph(corpus, wanted)
    whole = paragraph is not None and (fold(wanted) == paragraph.id or paragraph_number(wanted) is not None)
    if paragraph is None or not whole:  # a whole id or a number: not a start of an id
        return []
    return [  # the id as typed, so each candidate starts with exactly that
        (f"{wanted}:{s.number}", shorten(s.text, 60)) for s in of(paragraph) if str(s.number).startswith(number or "")
    ]


def people_candidates(corpus: Corpus, incomplete: str) -> Candidates:
    out = []
    for person in corpus.people:
        value = completion(incomplete, (person.id, person.name, *person.aliases))
        if value:
            out.append((value, f"{person.name}, {person.role}"))
    return out


def _safely(build: Callable[[Corpus, str], Candidates], incomplete: str) -> Candidates:
    try:
        from vr2018.corpus.load import load_corpus

        return build(load_corpus(), incomplete or "")
    except Exception:  # noqa: BLE001 - a completion offers nothing rather than fail
        return []


def paragraph_ids(incomplete: str) -> Candidates:
    return _safely(paragraph_candidates, incomplete)


def people(incomplete: str) -> Candidates:
    return _safely(people_candidates, incomplete)


def themes(incomplete: str) -> Candidates:
    from vr2018.themes import complete

    return _safely(complete, incomplete)


def motion_queries(incomplete: str, kamerstuk_only: bool = False, before: Sequence[str] = ()) -> Candidates:
    from vr2018.motions import complete

    return _safely(
        lambda corpus, typed: complete(corpus, typed, kamerstuk_only=kamerstuk_only, before=before), incomplete
    )
