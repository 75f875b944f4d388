"""Why nothing was found: "did you mean", the filters that excluded every match, the command
that searches again without them; and finding a section by name.

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from vr2018.text.fold import fold, words
from vr2018.text.names import suggest

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.problems import NoHits
    from vr2018.search.index import Index
    from vr2018.search.results import Results


def suggestion_edits(word: str) -> int:
    """Edits a "did you mean" may be from what was typed: one up to six letters, two up to ten, three beyond.

    A similarity ratio alone is too kind to short words: 'Yemen' is 75% 'een'
    and 'Brexit' 71% 'bedreigt'. Real typos stay within this budget: 'Trmp' →
    Trump, 'Kamroen' → Kameroen, 'Rohinjya' → Rohingya are one edit each.
    """
    return 1 if len(word) <= 6 else 2 if len(word) <= 10 else 3


def close_words(index: Index, labels: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """Words of the letter (or glossary keys) close to the query's words, as the letter writes them.

    Never the word typed itself: a quoted '"Rohingya crisis"' finds nothing,
    but suggesting Rohingya would not help.
    """
    from rapidfuzz.distance import OSA

    postings = index.postings  # under --exact, the letter's own words only
    pool = [index.surface[w] for w in index.vocabulary if len(w) > 2 and not w.isdigit() and w in postings]
    pool += [" ".join(k) for k in index.glossary]
    labels = list(labels)
    typed = {"".join(words(label)) for label in labels}
    out: dict[str, str] = {}  # one suggestion per folded word, as the letter writes it
    for label in labels:
        wanted = "".join(words(label))
        budget = suggestion_edits(wanted)
        for candidate in suggest(label, pool, limit=4 * limit, cutoff=70.0):
            folded = "".join(words(candidate))
            if folded in typed:
                continue
            if OSA.distance(wanted, folded, score_cutoff=budget) <= budget:
                out.setdefault(fold(candidate), candidate)
    return tuple(list(out.values())[:limit])


def paragraphs_in(corpus: Corpus, theme: str | None = None, section: str | None = None) -> list[int]:
    """The numbers of the paragraphs on ``theme`` and in ``section`` (or its sub-sections), in order."""
    return [
        n
        for n, p in enumerate(corpus.paragraphs)
        if (theme is None or theme in p.themes)
        and (section is None or any(s.id == section for s in corpus.section_path(p)))
    ]


def headings_without_text(corpus: Corpus, terms: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """``(term, section id)`` for each term that a heading the letter prints names, where no
    text under that heading survives (VN-hervormingen: the pages after it are missing). Such a
    word is in the letter, though no paragraph holds it; a word matches a heading's word by
    its stem, Dutch or English ("reform": "UN reforms")."""
    from vr2018.text.dutch import stem
    from vr2018.text.english import stem_en
    from vr2018.text.fold import words

    found: list[tuple[str, str]] = []
    for section in corpus.sections:
        if not section.printed or paragraphs_in(corpus, section=section.id):
            continue
        named = {f(w) for w in words(f"{section.title} {section.title_en or ''}") for f in (stem, stem_en)}
        for term in terms:
            parts = words(term)
            if parts and all(stem(w) in named or stem_en(w) in named for w in parts):
                found.append((term, section.id))
    return tuple(found)


def section_names(corpus: Corpus) -> dict[str, str]:
    """Every name a section answers to (id, title) → its id."""
    names: dict[str, str] = {}
    for section in corpus.sections:
        for name in (section.id, section.title):
            names.setdefault(name, section.id)
    return names


def find_section(corpus: Corpus, name: str) -> str:
    """The id of the section named by id or title (case and accents aside, a
    prefix will do); :class:`~vr2018.problems.Unknown` with the close names and every id otherwise."""
    from vr2018.problems import Unknown
    from vr2018.text.names import resolve

    found, close = resolve(name, section_names(corpus))
    if found is None:
        raise Unknown("section", name, close, choices=[s.id for s in corpus.sections])
    return found


# ── Why nothing was found ───────────────────────────────────────────────────


def explain_nothing_found(
    corpus: Corpus, query: Sequence[str], results: Results, theme: str | None = None, section: str | None = None
) -> NoHits:
    """Why ``results`` (of ``query``, the words as typed, within ``theme`` and
    ``section``) hold no hit, as the facts :mod:`vr2018.cli.messages` says: the section's
    text is missing, the filters exclude each other, how many paragraphs match
    outside the filters and the command that shows them, or else words of the letter
    close to those typed."""
    from vr2018.problems import NoHits

    missing = bool(section) and not paragraphs_in(corpus, section=section)  # VN-hervormingen: a heading, no text
    named = () if section else headings_without_text(corpus, results.terms)
    return NoHits(
        query,
        results.suggestions,
        theme=corpus.theme(theme).title if theme else "",
        section=corpus.section(section).title if section else "",
        section_missing=missing,
        heading_printed=bool(section) and missing and corpus.section(section or "").printed,
        disjoint=not missing and results.searched == 0,
        outside=results.outside,
        again=_search_again(query) if results.outside else "",
        headings=tuple(dict.fromkeys(corpus.section(sid).title for _, sid in named)),
    )


def _search_again(query: Sequence[str]) -> str:
    """The command that searches the same words without the filters; "" where it is too
    long or unprintable to quote (the message then says what to leave out)."""
    import shlex

    from vr2018.text.clean import shorten

    again = f"vr2018 search {'-- ' if any(q.startswith('-') for q in query) else ''}{shlex.join(query)}"
    return again if shorten(again, 100) == again else ""
