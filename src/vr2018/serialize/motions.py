"""Motions as plain JSON data (`motions --json`, and the motions of `show` and `theme`).
Never imports Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.serialize.letter import Json, _no_link, statements_json

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Motion


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


def motions_json(corpus: Corpus, motions: tuple[Motion, ...]) -> list[Json]:
    return [motion_json(corpus, m) for m in motions]
