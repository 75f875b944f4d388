"""Shell completion: paragraph ids, people, theme names, Kamerstukken.

The one place the CLI asks for completions. Theme and Kamerstuk candidates
come from their engines (:func:`vr2018.themes.complete`,
:func:`vr2018.motions.complete`). Each ``*_candidates(corpus, incomplete)`` is a pure function returning
``(value, help)`` pairs whose value starts with what the user typed (the shell
offers nothing else); the matching is case- and accent-insensitive, so the
value offered is the name in the case the user started typing it. The
wrappers without a corpus argument load the data and never raise: a
completion must not print a traceback into someone's shell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .text import fold

if TYPE_CHECKING:
    from .corpus import Corpus

Candidates = list[tuple[str, str]]


def _pick(incomplete: str, names: Iterable[str]) -> str | None:
    """The first name (no spaces: one shell word) that extends ``incomplete``, folded."""
    wanted = fold(incomplete)
    for name in names:
        if " " in name:
            continue
        if name.startswith(incomplete):
            return name
        if fold(name).startswith(wanted):
            # Offer it in the user's own spelling of what they typed, so the shell keeps it.
            return incomplete + name[len(incomplete):] if len(fold(name[:len(incomplete)])) == len(wanted) else None
    return None


def paragraph_candidates(corpus: Corpus, incomplete: str) -> Candidates:
    out = []
    for p in corpus.paragraphs:
        value = _pick(incomplete, (p.id,))
        if value:
            out.append((value, corpus.section(p.section).title))
    return out


def people_candidates(corpus: Corpus, incomplete: str) -> Candidates:
    out = []
    for person in corpus.people:
        value = _pick(incomplete, (person.id, person.name, *person.aliases))
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


def motion_queries(incomplete: str, kamerstuk_only: bool = False) -> Candidates:
    from .motions import complete

    return _safely(lambda corpus, typed: complete(corpus, typed, kamerstuk_only=kamerstuk_only), incomplete)
