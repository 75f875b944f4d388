"""Themes: find one by any of its names, and gather what belongs to it.

A theme's paragraphs are the paragraphs whose ``themes`` list names it; its
motions, people and dated events follow from those paragraphs. Pure
functions over a :class:`~vr2018.corpus.load.Corpus`: no I/O, no rendering.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.lang import Lang, text_of
from vr2018.corpus.record import Record
from vr2018.letter.sentences import texts as sentence_texts
from vr2018.problems import Empty, Unknown
from vr2018.text.fold import name_key
from vr2018.text.names import completion, resolve
from vr2018.timeline import timeline

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Event, Motion, Paragraph, Person, Section, Theme


class ThemeGap(Record):
    """Where a missing page cuts a theme's text: a paragraph cut at its start or
    end, or a section of the theme whose text is missing altogether."""

    paragraph: str | None = None
    cut: str | None = None  # "start" or "end"
    section: str | None = None


class ThemeDetail(Record):
    theme: Theme
    paragraphs: tuple[Paragraph, ...]  # the theme's, in reading order
    cited: tuple[Paragraph, ...]  # cited by its points, in reading order
    motions: tuple[Motion, ...]
    people: tuple[Person, ...]
    events: tuple[Event, ...]  # chronological
    sections: tuple[Section, ...]
    gaps: tuple[ThemeGap, ...]


def names(corpus: Corpus) -> dict[str, str]:
    """Every accepted name of every theme (id, title, English title, aliases) → the theme's id."""
    out: dict[str, str] = {}
    for theme in corpus.themes:
        for name in _names(theme):
            out.setdefault(name, theme.id)
    return out


def find(corpus: Corpus, query: str) -> Theme:
    """The theme named by id, title or alias (case/accent-insensitive, or an
    unambiguous prefix); :class:`~vr2018.problems.Unknown` with the close names
    otherwise (ambiguous where several themes have a name starting so), and
    :class:`~vr2018.problems.Empty` for a blank name."""
    if not query.strip():
        raise Empty("theme")
    table = names(corpus)
    found, suggestions = resolve(query, table)
    if found is not None:
        return corpus.theme(found)
    wanted = name_key(query)
    prefixed = [t for t in corpus.themes if wanted and any(name_key(n).startswith(wanted) for n in _names(t))]
    if prefixed:  # more than one theme has a name starting so: name each once
        shown = [t.id if name_key(t.id).startswith(wanted) else _shortest(t, wanted) for t in prefixed]
        raise Unknown("theme", query, shown[:5], ambiguous=True)
    distinct: dict[str, str] = {}  # one suggestion per theme, the id where it is among them
    for name in suggestions:
        target = table[name]
        if target not in distinct or name == target:
            distinct[target] = name
    raise Unknown("theme", query, list(distinct.values()))


def _own(theme: Theme) -> tuple[str, ...]:
    return (theme.id, theme.title, *theme.names)


def _names(theme: Theme) -> tuple[str, ...]:
    """What a theme is looked up by: its own names and its English title."""
    return (*_own(theme), *((theme.title_en,) if theme.title_en else ()))


def _shortest(theme: Theme, wanted: str) -> str:
    return min((n for n in _names(theme) if name_key(n).startswith(wanted)), key=len)


def detail(corpus: Corpus, theme: Theme) -> ThemeDetail:
    paragraphs = corpus.theme_paragraphs(theme.id)
    ids = tuple(p.id for p in paragraphs)
    cited_ids = {s for point in theme.points for s in point.sources}
    cited = tuple(p for p in corpus.paragraphs if p.id in cited_ids)
    sections = tuple(corpus.section(s) for s in theme.sections)
    gaps = [ThemeGap(paragraph=p.id, cut=p.cut) for p in paragraphs if p.cut]
    gaps += [ThemeGap(section=s.id) for s in sections if not any(p.section == s.id for p in corpus.paragraphs)]
    return ThemeDetail(
        theme=theme,
        paragraphs=paragraphs,
        cited=cited,
        motions=corpus.motions_for(ids),
        people=corpus.people_in(ids),
        events=timeline(corpus, theme),
        sections=sections,
        gaps=tuple(gaps),
    )


def listing(corpus: Corpus, lang: Lang = Lang.nl) -> tuple[tuple[Theme, int, str], ...]:
    """Every theme with its number of paragraphs and its summary's first sentence
    (in English for ``en`` and ``both``)."""
    return tuple(
        (t, len(corpus.theme_paragraphs(t.id)), first_sentence(text_of(t, "summary", lang))) for t in corpus.themes
    )


def first_sentence(text: str) -> str:
    """The summary's first sentence: the one line a theme list shows (the loader
    has made its white space single)."""
    return next(iter(sentence_texts(text)), "")


def complete(corpus: Corpus, incomplete: str) -> list[tuple[str, str]]:
    """Completion candidates for a theme name: the ids extending what was typed,
    or else the one-word titles and aliases that do, each with its theme's title;
    each starts with exactly what was typed (:func:`vr2018.text.names.completion`)."""
    ids = [(value, t.title) for t in corpus.themes if (value := completion(incomplete, (t.id,)))]
    if ids:
        return ids
    out: list[tuple[str, str]] = []
    for theme in corpus.themes:
        for alias in (theme.title, theme.title_en or theme.title, *theme.names):
            value = completion(incomplete, (alias,))
            if value and value not in {v for v, _ in out}:
                out.append((value, theme.title))
    return out
