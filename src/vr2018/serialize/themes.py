"""Themes as plain JSON data. Never imports Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Theme
    from vr2018.themes import ThemeDetail, ThemeGap
from vr2018.serialize.letter import Json, paragraph_json, statement_json
from vr2018.serialize.people import event_json, person_json


def theme_entry_json(corpus: Corpus, theme: Theme) -> Json:
    """A theme in brief: what `theme --json` lists and `show --json` names."""
    from vr2018.themes import first_sentence

    return {
        "id": theme.id,
        "title": theme.title,
        "title_en": theme.title_en,
        "aliases": list(theme.aliases),
        "aliases_outside": list(theme.aliases_outside),  # names from outside the letter
        "paragraphs": [p.id for p in corpus.theme_paragraphs(theme.id)],
        "line": first_sentence(theme.summary),
        "line_en": first_sentence(theme.summary_en or ""),
    }


def theme_list_json(corpus: Corpus, themes: tuple[Theme, ...]) -> list[Json]:
    return [theme_entry_json(corpus, theme) for theme in themes]


def theme_gap_json(gap: ThemeGap) -> Json:
    """Where a missing page cuts a theme's text: a cut paragraph, or a section whose text is missing."""
    return {"paragraph": gap.paragraph, "cut": gap.cut, "section": gap.section}


def theme_json(corpus: Corpus, detail: ThemeDetail, full: bool = False) -> Json:
    theme = detail.theme
    out: Json = {
        "id": theme.id,
        "title": theme.title,
        "title_en": theme.title_en,
        "aliases": list(theme.aliases),
        "aliases_outside": list(theme.aliases_outside),  # names from outside the letter
        "summary": theme.summary,
        "summary_en": theme.summary_en,
        "points": [statement_json(p.text, p.text_en, p.sources) for p in theme.points],
        "paragraphs": [p.id for p in detail.paragraphs],
        "motions": [m.id for m in detail.motions],
        "people": [person_json(corpus, p) for p in detail.people],
        "events": [event_json(e) for e in detail.events],
        "sections": [s.id for s in detail.sections],
        "gaps": [theme_gap_json(g) for g in detail.gaps],
    }
    if full:
        out["texts"] = [paragraph_json(corpus, p) for p in detail.cited]
    return out
