"""The letter's paragraphs: finding one by id or number, its neighbours and opening words; the
letter's date and signature; its counts.

Pure functions: no I/O, no Rich, no Typer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.lang import Lang, text_of
from vr2018.corpus.lang import day as lang_day
from vr2018.problems import Empty, OutOfRange, Unknown
from vr2018.text.fold import fold, name_key, words
from vr2018.text.names import resolve, suggest

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Letter, Paragraph


def paragraph_number(query: str) -> int | None:
    """The number a query is, if it is one ('3', ' 03 ', '３'): a paragraph's place in
    reading order, as `show` prints it ("paragraph 3 of 23"); None for anything else.
    No id is a number: every id starts with a letter."""
    digits = fold(query.strip())
    if not digits or not digits.isascii() or not digits.isdigit():
        return None
    return int(digits) if len(digits) <= 18 else 0  # past any letter (and past what int() takes)


def find_paragraph(corpus: Corpus, query: str) -> tuple[Paragraph | None, list[str]]:
    """A paragraph by its number in reading order (1 to the number of paragraphs), its
    id, or an unambiguous prefix of one; else suggestions.

    An id is made of words joined by hyphens, and people remember one of them:
    the ids that have a typed word as one of their parts (or as the start of
    one) come first ('rohingya' → myanmar-rohingya), then the ids whose whole
    or one of whose parts is within a typo or two ('rute' → rutte-26-september).
    A number past the last paragraph suggests the ids that hold it ('2231' → iran-2231).
    """
    ids = [p.id for p in corpus.paragraphs]
    number = paragraph_number(query)
    if number is not None:
        if 1 <= number <= len(ids):
            return corpus.paragraphs[number - 1], []
        return None, [i for i in ids if str(number) in i.split("-")][:5]
    found, suggestions = resolve(query, {i: i for i in ids})
    if found:
        return corpus.paragraph(found), []
    if suggestions and all(name_key(s).startswith(name_key(query)) for s in suggestions):
        return None, suggestions  # an ambiguous start: name what it could be
    typed = [w for w in words(query) if len(w) >= 3 or w.isdigit()]
    parts = {i: i.split("-") for i in ids}
    named = [i for i in ids if any(part == w for w in typed for part in parts[i])]
    named += [i for i in ids if any(part.startswith(w) for w in typed for part in parts[i])]
    every_part = list(dict.fromkeys(part for i in ids for part in parts[i]))  # in reading order: stable
    close = [i for w in typed for hit in suggest(w, every_part) for i in ids if hit in parts[i]]
    return None, list(dict.fromkeys([*named, *close, *suggestions]))[:5]


def paragraph_named(corpus: Corpus, query: str) -> Paragraph:
    """The paragraph the user named by id (an unambiguous prefix will do) or number; else
    :class:`~vr2018.problems.Unknown` naming the closest ids, :class:`~vr2018.problems.OutOfRange`
    for a number past the last paragraph (:class:`~vr2018.problems.Empty` if blank)."""
    if not query.strip():
        raise Empty("paragraph")
    paragraph, suggestions = find_paragraph(corpus, query)
    if paragraph is None and paragraph_number(query) is not None:
        raise OutOfRange("paragraph", query, len(corpus.paragraphs), suggestions)
    if paragraph is None:
        raise Unknown("paragraph", query, suggestions)
    return paragraph


def address_lines(lines: tuple[str, ...]) -> tuple[str, ...]:
    """An address block with its first two lines joined: they are one phrase
    ("Aan de Voorzitter van de" / "Tweede Kamer der Staten-Generaal")."""
    return (" ".join(lines[:2]), *lines[2:])


def neighbours(corpus: Corpus, paragraph: Paragraph, n: int) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """Up to ``n`` paragraphs before and after ``paragraph``, in reading order."""
    i = corpus.position(paragraph.id)
    n = max(n, 0)
    return corpus.paragraphs[max(i - n, 0) : i], corpus.paragraphs[i + 1 : i + 1 + n]


def opening(paragraph: Paragraph, n: int = 8, lang: Lang = Lang.nl) -> str:
    """The paragraph's first ``n`` words, verbatim, for locating it in the letter
    (of our English rendering for ``en`` and ``both``)."""
    parts = text_of(paragraph, "text", lang).split()
    head = " ".join(parts[:n])
    return head + (" …" if len(parts) > n else "")


def letter_date(letter: Letter, lang: Lang = Lang.nl) -> str:
    """The letter's date: as it is written ("15 februari 2019"), or with the
    English month for ``en`` and ``both`` ("15 February 2019")."""
    return lang_day(letter.date, letter.date_as_written, lang)


def dated_and_signed(letter: Letter, lang: Lang = Lang.nl) -> tuple[str, tuple[str, ...]]:
    """What `info` and the Markdown export head the letter with: its date (with the ISO
    date after it) and each signatory as "name, office"."""
    date = f"{letter_date(letter, lang)} ({letter.date})"
    return date, tuple(f"{s.name}, {text_of(s, 'office', lang)}" for s in letter.signatories)


def word_count(corpus: Corpus) -> int:
    """Words in the paragraphs we have (whitespace-separated, as a reader counts them)."""
    return sum(len(p.text.split()) for p in corpus.paragraphs)


def counts(corpus: Corpus) -> dict[str, int]:
    """How many of each kind of record this copy holds (what `info` reports)."""
    return {
        "fragments": len(corpus.letter.fragments),
        "sections": len(corpus.sections),
        "paragraphs": len(corpus.paragraphs),
        "words": word_count(corpus),
        "themes": len(corpus.themes),
        "motions": len(corpus.motions),
        "references": len(corpus.references),
        "people": len(corpus.people),
        "events": len(corpus.events),
    }
