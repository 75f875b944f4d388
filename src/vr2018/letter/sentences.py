"""The one sentence splitter: where the letter's sentences start and end.

A sentence ends at ``.``, ``!`` or ``?`` (and any closing quote or bracket
right after it) followed by white space and the start of a new sentence: a
capital, a digit, an opening quote or bracket. A full stop that ends one of the
letter's abbreviations ("nr. 290", "De Graaf c.s. van", "11 juli jl.",
"o.a.", "bijv.", "e.g.", and "et al.", the English rendering's "c.s.") or a
name's initials ("Sigrid A.M. Kaag") ends no
sentence, and nothing inside a link, a resolution symbol ("S/RES/2396 (2017)") or a number ("22.045") does, since no
white space follows its full stops.

Sentences are numbered from 1 within their paragraph: ``ID:N`` names one
(:func:`sentence_named`), a :class:`Sentence` with its English twin.
Pure functions: no I/O.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vr2018.corpus.record import Record
from vr2018.problems import BadSentence
from vr2018.text.fold import fold

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Paragraph


# Abbreviations whose full stop ends no sentence, folded, without their last full stop.
ABBREVIATIONS = frozenset(
    {
        "nr",
        "nrs",
        "no",
        "nos",
        "c.s",
        "o.a",
        "jl",
        "bijv",
        "e.g",
        "i.e",
        "i.c",
        "m.b.t",
        "t.a.v",
        "d.w.z",
        "z.g",
        "zgn",
        "ca",
        "resp",
        "jo",
        "art",
        "blz",
        "p",
        "pp",
        "vs",
        "mr",
        "dr",
        "drs",
        "ir",
        "prof",
        "mw",
        "dhr",
        "st",
        "etc",
        "incl",
        "excl",
        "min",
        "o.m",
        "t.b.v",
        "vgl",
        "cf",
        "a.s",
    }
)


# A candidate end: the mark, closing quotes/brackets, then white space before a sentence start.
_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]*[A-Z0-9À-Þ])")


_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))([^\s(\"“]+)$")


_LONGEST = 40  # characters before a full stop that can hold an abbreviation or initials


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")  # "A.M" of "Sigrid A.M. Kaag", before its last full stop


def _abbreviation(text: str, dot: int) -> bool:
    """Does the full stop at ``dot`` end an abbreviation ('nr.', 'c.s.')?"""
    if text[dot] != ".":
        return False
    # Only the last few dozen characters: searching from 0 made splitting quadratic in the
    # paragraph's length; a word longer than the window is no abbreviation.
    found = _WORD_BEFORE.search(text, max(dot - _LONGEST, 0), dot)
    if found is None:
        return False
    word = found.group(1)
    if word == "al":  # "et al.", two words; a Dutch sentence may well end in "al."
        return re.search(r"(?:^|\s)et $", text[max(found.start(1) - 4, 0) : found.start(1)]) is not None
    return fold(word) in ABBREVIATIONS or bool(_INITIALS.fullmatch(word))


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) offsets of each sentence in ``text``: ``text[start:end]`` is the
    sentence, without surrounding white space. A paragraph cut off mid-sentence ends
    with a sentence that has no full stop; an empty text has no sentences."""
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _END.finditer(text):
        if _abbreviation(text, found.start()):
            continue
        spans.append((start, found.end()))
        start = found.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return tuple(out)


def texts(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` themselves."""
    return tuple(text[a:b] for a, b in sentences(text))


def around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole sentence(s) covering text[start:end]: from the start of the first to the end of the last."""
    spans = sentences(text)
    if not spans:
        return (start, end)
    first = next((s for s in spans if start < s[1]), spans[-1])
    last = next((s for s in spans if end <= s[1]), spans[-1])
    return (first[0], last[1])


class Sentence(Record):
    """Sentence ``number`` (from 1) of a paragraph: ``paragraph.text[start:end]``.

    ``cut`` is the paragraph's own where a missing page cuts this sentence: "start"
    on its first sentence, "end" on its last. ``text_en`` is sentence ``number`` of
    the English rendering (which has as many sentences; tests/test_translation.py).
    """

    paragraph: Paragraph
    number: int
    count: int  # how many sentences the paragraph has
    start: int
    end: int
    text: str
    text_en: str | None = None
    cut: str | None = None

    @property
    def address(self) -> str:
        """How a user names it: 'myanmar-rohingya:2'."""
        return f"{self.paragraph.id}:{self.number}"


def of(paragraph: Paragraph) -> tuple[Sentence, ...]:
    """Every sentence of a paragraph, in order."""
    spans = sentences(paragraph.text)
    english = texts(paragraph.text_en) if paragraph.text_en else ()
    if len(english) != len(spans):
        english = ()  # never pair a sentence with another's translation
    out = []
    for n, (start, end) in enumerate(spans, 1):
        cut = paragraph.cut if (paragraph.cut, n) in (("start", 1), ("end", len(spans))) else None
        out.append(
            Sentence(
                paragraph=paragraph,
                number=n,
                count=len(spans),
                start=start,
                end=end,
                text=paragraph.text[start:end],
                text_en=english[n - 1] if english else None,
                cut=cut,
            )
        )
    return tuple(out)


def quoted(text: str, cut: str | None) -> str:
    """A sentence as quoted: verbatim, with "[…]" on the side a missing page cuts."""
    return ("[…] " if cut == "start" else "") + text + (" […]" if cut == "end" else "")


def split_address(query: str) -> tuple[str, str | None]:
    """'ID:N' → ('ID', 'N'); an id without ':' → (id, None)."""
    head, colon, tail = query.rpartition(":")
    return (head, tail.strip()) if colon else (query, None)


def named(corpus: Corpus, address: str) -> Paragraph | Sentence:
    """What an id names where an id is accepted: ``ID`` a paragraph, ``ID:N`` its sentence N."""
    from vr2018.letter.paragraphs import paragraph_named

    return sentence_named(corpus, address) if ":" in address else paragraph_named(corpus, address)


def sentence_named(corpus: Corpus, query: str) -> Sentence:
    """The sentence ``ID:N`` names (N from 1; the id may be an unambiguous start of one);
    else :class:`~vr2018.problems.BadSentence` saying what is wrong (no number, not a number,
    out of range) with the paragraph's sentence count, or the paragraph lookup's
    :class:`~vr2018.problems.Unknown` for an unknown id."""
    from vr2018.letter.paragraphs import find_paragraph, paragraph_named

    wanted, number = split_address(query)
    if number is None:
        raise BadSentence(query, "no-number")
    digits = _sentence_number(number)
    if number and digits is None and find_paragraph(corpus, wanted)[0] is None:
        wanted = query  # not an ID:N at all ("[link=http://x]"): the lookup quotes the whole of it
    paragraph = paragraph_named(corpus, wanted)
    found = of(paragraph)
    if not number:
        raise BadSentence(query, "empty-number", paragraph.id, len(found))
    if digits is None:
        raise BadSentence(query, "not-a-number", paragraph.id, len(found), number)
    n = int(digits) if len(digits) <= 18 else 0  # past any paragraph (and past what int() takes: 4300 digits)
    if not 1 <= n <= len(found):
        raise BadSentence(query, "out-of-range", paragraph.id, len(found), number)
    return found[n - 1]


def _sentence_number(number: str | None) -> str | None:
    """The digits of N in ``ID:N`` as ASCII, as search folds numbers ('１' → '1'); None if N is not a number."""
    if not number:
        return None
    digits = fold(number)
    return digits if re.fullmatch(r"[0-9]+", digits, re.ASCII) else None
