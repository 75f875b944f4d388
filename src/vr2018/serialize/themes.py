"""Themes and motions as plain JSON data. Never imports Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import (
        Motion,
        Theme,
    )
    from vr2018.themes import ThemeDetail, ThemeGap
from vr2018.serialize.letter import Json, _no_link, paragraph_json, statement_json, statements_json
from vr2018.serialize.people import event_json, person_json


def motion_json(corpus: Corpus, motion: Motion) -> Json:
    """The motion object: the same in motions, show and export."""
    ref = corpus.reference(motion.reference)
    return {
        "id": motion.id,
        "chamber": motion.chamber,
        "chamber_en": motion.chamber_en,
        "chamber_inferred": motion.chamber_inferred,
        "submitters": list(motion.submitters),
        "kamerstuk": ref.as_written,
        "reference": ref.id,
        "dossier": ref.dossier,
        "number": ref.number,
        "chapter": ref.chapter,
        "subject": motion.subject,
        "subject_en": motion.subject_en,
        "subject_inferred": motion.subject_inferred,  # our reading of the context, not stated by the letter
        "paragraphs": list(motion.paragraphs),
        "url": ref.url,
        "url_note": _no_link(ref),  # why url is null: what the letter gives instead
        "done": statements_json(motion.done),
        "date": motion.date,
        "as_written": motion.as_written,
    }


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


def motions_json(corpus: Corpus, motions: tuple[Motion, ...]) -> list[Json]:
    return [motion_json(corpus, m) for m in motions]
