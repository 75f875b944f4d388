"""Shell completion: paragraph ids, people, theme names, Kamerstukken.

The one place the CLI asks for completions. Theme and Kamerstuk candidates
come from their engines (:func:`vr2018.themes.complete`,
:func:`vr2018.motions.complete`). Each ``*_candidates(corpus, incomplete)`` is a pure function returning
``(value, help)`` pairs whose value starts with exactly what the user typed
(bash and zsh offer nothing else), built with :func:`vr2018.text.completion`
(or, for a name of several words, :func:`vr2018.text.name_completion`), which
match case- and accent-blind and offer the name in the user's spelling of what
they typed ('cura' → 'curaçao'). The wrappers without a corpus argument load
the data and never raise: a completion must not print a traceback into
someone's shell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .text import completion, fold

if TYPE_CHECKING:
    from .corpus import Corpus

Candidates = list[tuple[str, str]]


def paragraph_candidates(corpus: Corpus, incomplete: str) -> Candidates:
    """Paragraph ids; after 'ID:' (a whole id), its sentences 'ID:1' … 'ID:n', each with its first words."""
    if ":" in incomplete:
        return sentence_candidates(corpus, incomplete)
    out = []
    for p in corpus.paragraphs:
        value = completion(incomplete, (p.id,))
        if value:
            out.append((value, corpus.section(p.section).title))
    return out


def sentence_candidates(corpus: Corpus, incomplete: str) -> Candidates:
    from .reading import find_paragraph
    from .sentences import of, split_address
    from .text import shorten

    wanted, number = split_address(incomplete)
    paragraph, _ = find_paragraph(corpus, wanted)
    if paragraph is None or fold(wanted) != paragraph.id:  # a whole id: not a start of one
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
        from .corpus import load_corpus

        return build(load_corpus(), incomplete or "")
    except Exception:  # noqa: BLE001 - a completion offers nothing rather than fail
        return []


def paragraph_ids(incomplete: str) -> Candidates:
    return _safely(paragraph_candidates, incomplete)


def people(incomplete: str) -> Candidates:
    return _safely(people_candidates, incomplete)


def themes(incomplete: str) -> Candidates:
    from .themes import complete

    return _safely(complete, incomplete)


def motion_queries(incomplete: str, kamerstuk_only: bool = False, before: Sequence[str] = ()) -> Candidates:
    from .motions import complete

    return _safely(
        lambda corpus, typed: complete(corpus, typed, kamerstuk_only=kamerstuk_only, before=before), incomplete
    )
