"""Why nothing was found: "did you mean", the filters that excluded every match, the command
that searches again without them; and finding a section by name.

Pure functions: no I/O, no Rich, no Typer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..text import fold, suggest, words

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..errors import NotFound
    from .index import Index
    from .results import Results


def suggestion_edits(word: str) -> int:
    """Edits a "did you mean" may be from what was typed: one up to six letters, two up to ten, three beyond.

    A similarity ratio alone is too kind to short words: 'Yemen' is 75% 'een'
    and 'Brexit' 71% 'bedreigt'. Real typos stay within this budget: 'Trmp' →
    Trump, 'Kamroen' → Kameroen, 'Rohinjya' → Rohingya are one edit each.
    """
    return 1 if len(word) <= 6 else 2 if len(word) <= 10 else 3


def did_you_mean(index: Index, labels: Iterable[str], limit: int = 3) -> tuple[str, ...]:
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


def section_names(corpus: Corpus) -> dict[str, str]:
    """Every name a section answers to (id, title) → its id."""
    names: dict[str, str] = {}
    for section in corpus.sections:
        for name in (section.id, section.title):
            names.setdefault(name, section.id)
    return names


def find_section(corpus: Corpus, name: str) -> str:
    """The id of the section named by id or title (case and accents aside, a
    prefix will do); :class:`~vr2018.errors.NotFound` (exit status 2) otherwise."""
    from ..errors import ExitStatus, NotFound, did_you_mean
    from ..text import resolve, shorten

    found, close = resolve(name, section_names(corpus))
    if found is None:
        every = ", ".join(s.id for s in corpus.sections)
        raise NotFound(
            f"unknown section '{shorten(name, 40)}'{did_you_mean(close) or '.'} Sections: {every} (see 'vr2018 toc')",
            ExitStatus.BAD_USAGE,
            close,
        )
    return found


# ── Why nothing was found ───────────────────────────────────────────────────


def explain_nothing_found(
    corpus: Corpus, query: Sequence[str], results: Results, theme: str | None = None, section: str | None = None
) -> NotFound:
    """Why ``results`` (of ``query``, the words as typed, within ``theme`` and
    ``section``) hold no hit, as one line: the section's text is missing, the
    filters exclude each other, how many paragraphs match outside the filters
    and the command that shows them, or else words of the letter close to those
    typed. Status 1 (nothing found)."""
    from ..errors import NotFound, did_you_mean
    from ..text import shorten

    why = f"nothing found for '{shorten(' '.join(query))}'" + _where(corpus, results, theme, section)
    if results.outside:
        n = results.outside
        them = "them" if theme and section else "it"
        again = _search_again(query, theme, section)
        why += f"; {n} paragraph{'s' if n != 1 else ''} outside {them} match{'es' if n == 1 else ''}: {again}"
    else:
        why += did_you_mean(list(results.suggestions))
    return NotFound(why, suggestions=results.suggestions)


def _where(corpus: Corpus, results: Results, theme: str | None, section: str | None) -> str:
    """Where the search looked, or why no paragraph could match there."""
    theme_title = corpus.theme(theme).title if theme else ""
    section_title = corpus.section(section).title if section else ""
    if section and not paragraphs_in(corpus, section=section):  # VN-hervormingen: a heading, no text
        why = f": the text of section '{section_title}' is missing from this copy of the letter"
        return why + (", only its heading survives" if corpus.section(section).printed else "")
    if results.searched == 0:
        return f": no paragraph on theme '{theme_title}' is in section '{section_title}'"
    return (f" in theme '{theme_title}'" if theme else "") + (f" in section '{section_title}'" if section else "")


def _search_again(query: Sequence[str], theme: str | None, section: str | None) -> str:
    """The command that searches the same words without the filters, or, where it is
    too long or unprintable to quote, what to leave out."""
    import shlex

    from ..text import shorten

    again = f"vr2018 search {'-- ' if any(q.startswith('-') for q in query) else ''}{shlex.join(query)}"
    if shorten(again, 100) != again:
        used = (flag for flag, value in (("--theme", theme), ("--section", section)) if value)
        again = "search again without " + " and ".join(used)
    return again
