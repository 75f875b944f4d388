"""The reading views' engine: paragraphs by id, the timeline, people, citations, what this copy holds.

Pure functions over a :class:`~vr2018.corpus.Corpus`: no I/O, no Rich, no
Typer. ``find_*`` lookups return what they found plus "did you mean"
suggestions; ``*_named`` lookups raise :class:`~vr2018.errors.NotFound` with
the user's message instead. Every string built here comes from the data;
nothing is added that the letter does not give.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .errors import ExitStatus, NotFound, did_you_mean
from .lang import DUTCH_MONTHS, Lang, text_of
from .lang import month as lang_month
from .model import Record
from .text import key, resolve, shorten, suggest, words

if TYPE_CHECKING:
    from .corpus import Corpus
    from .model import Event, Letter, Paragraph, Person, Section, Theme
    from .sentences import Sentence

MONTHS = DUTCH_MONTHS


# ── paragraphs ──────────────────────────────────────────────────────────────


def find_paragraph(corpus: Corpus, query: str) -> tuple[Paragraph | None, list[str]]:
    """A paragraph by its id, or an unambiguous prefix of one; else suggestions.

    An id is made of words joined by hyphens, and people remember one of them:
    the ids that have a typed word as one of their parts (or as the start of
    one) come first ('rohingya' → myanmar-rohingya), then the ids whose whole
    or one of whose parts is within a typo or two ('rute' → rutte-26-september).
    """
    ids = [p.id for p in corpus.paragraphs]
    found, suggestions = resolve(query, {i: i for i in ids})
    if found:
        return corpus.paragraph(found), []
    if suggestions and all(key(s).startswith(key(query)) for s in suggestions):
        return None, suggestions  # an ambiguous start: name what it could be
    typed = [w for w in words(query) if len(w) >= 3 or w.isdigit()]
    parts = {i: i.split("-") for i in ids}
    named = [i for i in ids if any(part == w for w in typed for part in parts[i])]
    named += [i for i in ids if any(part.startswith(w) for w in typed for part in parts[i])]
    every_part = list(dict.fromkeys(part for i in ids for part in parts[i]))  # in reading order: stable
    close = [i for w in typed for hit in suggest(w, every_part) for i in ids if hit in parts[i]]
    return None, list(dict.fromkeys([*named, *close, *suggestions]))[:5]


def paragraph_named(corpus: Corpus, query: str) -> Paragraph:
    """The paragraph the user named (an unambiguous prefix will do); else
    :class:`NotFound` (exit status 2) suggesting the closest ids."""
    if not query.strip():
        raise NotFound("empty paragraph id ('vr2018 read' lists every id)", ExitStatus.BAD_USAGE)
    paragraph, suggestions = find_paragraph(corpus, query)
    if paragraph is None:
        raise NotFound(
            f"no paragraph '{shorten(query)}'{did_you_mean(suggestions)} ('vr2018 read' lists every id)",
            ExitStatus.BAD_USAGE, suggestions,
        )
    return paragraph


def neighbours(corpus: Corpus, paragraph: Paragraph, n: int) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """Up to ``n`` paragraphs before and after ``paragraph``, in reading order."""
    i = corpus.position(paragraph.id)
    n = max(n, 0)
    return corpus.paragraphs[max(i - n, 0):i], corpus.paragraphs[i + 1:i + 1 + n]


def opening(paragraph: Paragraph, n: int = 8, lang: Lang = Lang.nl) -> str:
    """The paragraph's first ``n`` words, verbatim, for locating it in the letter
    (of our English rendering for ``en`` and ``both``)."""
    parts = text_of(paragraph, "text", lang).split()
    head = " ".join(parts[:n])
    return head + (" …" if len(parts) > n else "")


# ── dates and the timeline ──────────────────────────────────────────────────


def date_label(event: Event, lang: Lang = Lang.nl) -> str:
    """The date at the letter's precision, in Dutch: "6 juli [2018]", "april 2018", "2033-2034";
    for ``en`` and ``both`` with English month names ("6 July [2018]").

    A year in [brackets] is inferred: the letter gives only day and month.
    """
    if event.precision == "range":
        return event.date.replace("/", "-")
    year = event.date[:4]
    shown_year = f"[{year}]" if event.year_inferred else year
    if event.precision == "year":
        return shown_year
    month = lang_month(int(event.date[5:7]), lang)
    if event.precision == "month":
        return f"{month} {shown_year}"
    return f"{int(event.date[8:10])} {month} {shown_year}"


def letter_date(letter: Letter, lang: Lang = Lang.nl) -> str:
    """The letter's date: as it is written ("15 februari 2019"), or with the
    English month for ``en`` and ``both`` ("15 February 2019")."""
    if not lang.english:
        return letter.date_as_written
    year, month, day = letter.date.split("-")
    return f"{int(day)} {lang_month(int(month), lang)} {year}"


def timeline(corpus: Corpus, theme: Theme | None = None) -> tuple[Event, ...]:
    """Every dated event in chronological order; with a theme, those whose paragraph carries it."""
    if theme is None:
        return corpus.events
    return tuple(e for e in corpus.events if e.paragraph and theme.id in corpus.paragraph(e.paragraph).themes)


def nothing_dated(theme: Theme) -> NotFound:
    """Why a theme's timeline is empty: the letter dates nothing in its paragraphs."""
    return NotFound(f"no dated events in the paragraphs on theme '{theme.title}'")


# ── people ──────────────────────────────────────────────────────────────────


def person_names(person: Person) -> tuple[str, ...]:
    return (person.id, person.name, *person.aliases)


def person_paragraphs(corpus: Corpus, person: Person) -> tuple[str, ...]:
    """Every paragraph that names the person or says what they did, in reading order."""
    ids = set(person.paragraphs) | {p.id for p in corpus.paragraphs if person.id in p.people}
    return tuple(p.id for p in corpus.paragraphs if p.id in ids)


def find_people(corpus: Corpus, query: str) -> tuple[tuple[Person, ...], list[str]]:
    """People matching ``query``, case- and accent-insensitively, and suggestions if none do.

    First a name, alias or id (exact, then an unambiguous prefix: "kaag",
    "Sigrid", "romeo"); then everyone whose name, aliases and role hold every
    word of the query ("minister-president", "curacao"); else nothing, with
    the closest names to suggest.
    """
    names = {name: person.id for person in corpus.people for name in person_names(person)}
    found, suggestions = resolve(query, names)
    if found:
        return (corpus.person(found),), []
    wanted = words(query)
    if wanted:
        matches = tuple(
            person for person in corpus.people
            if all(_has_word(person, w) for w in wanted)
        )
        if matches:
            return matches, []
    # Suggest people's names, not ids: "Kaag" reads better than "kaag".
    shown = [corpus.person(names[s]).name for s in suggestions if s in names]
    return (), list(dict.fromkeys(shown))


def people_named(corpus: Corpus, name: str) -> tuple[Person, ...]:
    """The people :func:`find_people` finds; :class:`NotFound` (exit status 1)
    naming the closest names when nobody matches."""
    found, suggestions = find_people(corpus, name)
    if not found:
        raise NotFound(
            f"nobody called '{shorten(name)}' in the letter{did_you_mean(suggestions)}",
            suggestions=suggestions,
        )
    return found


def _has_word(person: Person, word: str) -> bool:
    pool = {w for text in (*person_names(person), person.role) for w in words(text)}
    return word in pool


# ── citations ───────────────────────────────────────────────────────────────
# The wording is English in every mode (interface); what is quoted is the
# letter's own Dutch. For ``en`` and ``both`` the citation still names the Dutch
# original, with our English rendering of its title, offices, headings and
# opening words after them in [square brackets], marked as an unofficial translation.

FORMATS = ("text", "markdown", "bibtex")
TRANSLATED = "Text in [square brackets]: unofficial translation into English (vr2018); the Dutch original is authoritative."


class Citation(Record):
    """What a citation is built from: only what the letter and our data hold."""

    title: str
    date: str
    date_as_written: str
    reference: str
    addressee: str
    authors: tuple[tuple[str, str], ...]  # (name, office) as signed
    paragraph: Paragraph | None
    section: str | None
    section_path: tuple[str, ...]
    opening: str | None
    title_en: str | None = None
    offices_en: tuple[str, ...] = ()  # each author's office, in English
    section_en: str | None = None
    opening_en: str | None = None
    sentence: int | None = None  # citing one sentence of the paragraph (ID:N): N, from 1
    quote: str | None = None  # that sentence, verbatim, with "[…]" where a missing page cuts it
    quote_en: str | None = None  # its English rendering (unofficial)


def sentence_citation(corpus: Corpus, sentence: Sentence) -> Citation:
    """A citation of one sentence (``ID:N``): the paragraph's, plus the sentence itself."""
    from .sentences import quoted

    base = citation(corpus, sentence.paragraph)
    fields = {name: getattr(base, name) for name in base._fields}
    english = quoted(sentence.text_en, sentence.cut) if sentence.text_en else None
    fields.update(sentence=sentence.number, quote=quoted(sentence.text, sentence.cut), quote_en=english)
    return Citation(**fields)


def citation(corpus: Corpus, paragraph: Paragraph | None = None) -> Citation:
    letter = corpus.letter
    addressee = " ".join(letter.addressee[:2])
    addressee = addressee.removeprefix("Aan ")
    # Only headings the letter prints: a citation must not quote ours.
    printed = tuple(s for s in corpus.section_path(paragraph) if s.printed) if paragraph else ()
    return Citation(
        title=letter.title,
        date=letter.date,
        date_as_written=letter.date_as_written,
        reference=letter.reference,
        addressee=addressee,
        authors=tuple((s.name, _office(s.office)) for s in letter.signatories),
        paragraph=paragraph,
        section=" › ".join(s.title for s in printed) or None,
        section_path=tuple(s.title for s in printed),
        opening=opening(paragraph) if paragraph else None,
        title_en=letter.title_en,
        offices_en=tuple(_office(text_of(s, "office", Lang.en)) for s in letter.signatories),
        section_en=" › ".join(text_of(s, "title", Lang.en) for s in printed) or None,
        opening_en=opening(paragraph, lang=Lang.en) if paragraph else None,
    )


def _office(office: str) -> str:
    return office.removeprefix("De ").removeprefix("The ")


def _english(value: str | None, lang: Lang, quoted: bool = False) -> str:
    """`` [value]``: our English rendering after the Dutch, for ``en`` and ``both`` only."""
    if not lang.english or not value:
        return ""
    return f' ["{value}"]' if quoted else f" [{value}]"


def locator(c: Citation, lang: Lang = Lang.nl) -> str:
    """Where the cited paragraph (or sentence) stands: its printed section (if any),
    how the paragraph begins, and the sentence's number in it."""
    paragraph = c.paragraph
    assert paragraph is not None
    where = f"section {c.section}{_english(c.section_en, lang)}, " if c.section else ""
    begins = f'"{c.opening}"{_english(c.opening_en, lang, quoted=True)}'
    which = f", sentence {c.sentence}" if c.sentence is not None else ""
    if paragraph.cut == "start":  # its real start is on a missing page
        return f"{where}paragraph that begins on a missing page, here from {begins}{which} (vr2018: {address(c)})"
    return f"{where}paragraph beginning {begins}{which} (vr2018: {address(c)})"


def address(c: Citation) -> str:
    """The cited paragraph's id, or 'ID:N' for one sentence of it."""
    assert c.paragraph is not None
    return c.paragraph.id + (f":{c.sentence}" if c.sentence is not None else "")


def format_citation(c: Citation, fmt: str, lang: Lang = Lang.nl) -> str:
    """The citation as paste-ready text, Markdown or BibTeX."""
    if fmt == "text":
        return _text(c, lang)
    if fmt == "markdown":
        return _markdown(c, lang)
    if fmt == "bibtex":
        return _bibtex(c, lang)
    raise ValueError(f"unknown citation format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _authors(c: Citation, lang: Lang) -> str:
    return " and ".join(
        f"{name} ({office}{_english(english, lang)})" for (name, office), english in zip(c.authors, _offices(c))
    )


def _offices(c: Citation) -> tuple[str | None, ...]:
    return c.offices_en or (None,) * len(c.authors)


def _addressee(c: Citation) -> str:
    """'the Voorzitter van de Tweede Kamer der Staten-Generaal': the letter's words after an English article."""
    return "the " + c.addressee.removeprefix("de ")


def _date(c: Citation, lang: Lang) -> str:
    year, month, day = c.date.split("-")
    return f"{int(day)} {lang_month(int(month), lang)} {year}" if lang.english else c.date_as_written


def _sentence(text: str) -> str:
    return f" {text[0].upper()}{text[1:]}."


def _text(c: Citation, lang: Lang) -> str:
    out = (
        f'{_authors(c, lang)}, "{c.title}"{_english(c.title_en, lang)}, letter to {_addressee(c)}, '
        f"{_date(c, lang)}, reference {c.reference}."
    )
    if c.paragraph is not None:
        out += _sentence(locator(c, lang))
    out += f" {TRANSLATED}" if lang.english else ""
    if c.quote is None:
        return out
    return f"“{c.quote}”{_english(c.quote_en and f'“{c.quote_en}”', lang)}\n{out}"


_MD_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>#|"})


def _md(value: str) -> str:
    return value.translate(_MD_SPECIAL)


def _markdown(c: Citation, lang: Lang) -> str:
    english = f" \\[{_md(c.title_en)}\\]" if lang.english and c.title_en else ""
    out = (
        f"{_md(_authors(c, lang))}, *{_md(c.title)}*{english}, letter to {_md(_addressee(c))}, "
        f"{_md(_date(c, lang))}, reference `{c.reference}`."
    )
    if c.paragraph is not None:
        text = _md(locator(c, lang)).replace(f"(vr2018: {_md(address(c))})", f"(vr2018: `{address(c)}`)")
        out += _sentence(text)
    out += f" {_md(TRANSLATED)}" if lang.english else ""
    if c.quote is None:
        return out
    english = f"\n>\n> \\[{_md(c.quote_en)}\\]" if lang.english and c.quote_en else ""
    return f"> {_md(c.quote)}{english}\n\n{out}"


_BIB_SPECIAL = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
    "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
})


def _bib(value: str) -> str:
    return value.translate(_BIB_SPECIAL)


def _bib_name(name: str) -> str:
    """"Sigrid A.M. Kaag" → "Kaag, Sigrid A.M."; the letter prints the names, we only reorder them."""
    *first, last = name.split()
    return f"{last}, {' '.join(first)}" if first else last


_BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _bibtex(c: Citation, lang: Lang) -> str:
    """BibTeX of the Dutch original (``language = {dutch}``); for ``en`` and
    ``both`` the note carries our English rendering, marked as unofficial."""
    year, month, _ = c.date.split("-")
    key = f"vr2018-{address(c).replace(':', '-')}" if c.paragraph else f"brief-{c.date}"
    offices = " and the ".join(f"{office}{_english(english, lang)}" for (_, office), english in zip(c.authors, _offices(c)))
    note = f"Reference {c.reference}"
    if lang.english and c.title_en:
        note += f". Title{_english(c.title_en, lang)}"
    if c.paragraph is not None:
        note += "." + _sentence(locator(c, lang))[:-1]
    if lang.english:
        note += f". {TRANSLATED}"
    fields = [
        ("author", " and ".join(_bib(_bib_name(name)) for name, _ in c.authors)),
        ("title", "{" + _bib(c.title) + "}"),
        ("howpublished", _bib(f"Letter from the {offices} to {_addressee(c)}")),
        ("year", year),
        ("month", _BIB_MONTHS[int(month) - 1]),  # a BibTeX month macro, not braced
        ("date", c.date),  # for biblatex
        ("note", _bib(note.removesuffix("."))),
        ("language", "dutch"),
    ]
    if c.quote is not None:  # the quoted sentence, verbatim
        fields.append(("annote", _bib(f"“{c.quote}”{_english(c.quote_en and f'“{c.quote_en}”', lang)}")))
    if c.quote is not None:
        fields.append(("annote", _bib(f"“{c.quote}”")))  # the quoted sentence, verbatim
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(
        f"  {name:<{width}} = {value if name == 'month' else '{' + value + '}'}" for name, value in fields
    )
    return f"@misc{{{key},\n{body}\n}}"


# ── what this copy holds ────────────────────────────────────────────────────


class PageGap(Record):
    """Where pages are missing: between two paragraphs in reading order."""

    after: Paragraph
    before: Paragraph
    headings: tuple[Section, ...]  # printed headings whose text is on the missing pages


def gaps(corpus: Corpus) -> tuple[PageGap, ...]:
    out = []
    order = {s.id: i for i, s in enumerate(corpus.sections)}
    with_text = {p.section for p in corpus.paragraphs}
    for paragraph in corpus.paragraphs:
        if corpus.gap_after(paragraph):
            nxt = corpus.paragraphs[corpus.position(paragraph.id) + 1]
            between = corpus.sections[order[paragraph.section]:order[nxt.section]]
            headings = tuple(s for s in between if s.printed and s.id not in with_text)
            out.append(PageGap(paragraph, nxt, headings))
    return tuple(out)


def outline(corpus: Corpus) -> Iterator[tuple[str, Section | Paragraph | None]]:
    """The letter in reading order as `read` lays it out: ``("section", s)``,
    ``("paragraph", p)`` and ``("gap", None)`` wherever pages are missing (between
    fragments, and after a printed heading whose text is on the missing pages)."""
    fragment: int | None = 1  # None: a gap was just given
    for section in corpus.sections:
        paragraphs = [p for p in corpus.paragraphs if p.section == section.id]
        if paragraphs:
            if fragment is not None and paragraphs[0].fragment != fragment:
                yield "gap", None
            fragment = paragraphs[0].fragment
        yield "section", section
        for paragraph in paragraphs:
            yield "paragraph", paragraph
        if not paragraphs:  # a heading whose text is on a missing page
            yield "gap", None
            fragment = None


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
