"""`show --json`: one paragraph with everything it mentions (themes, people, events,
references, motions) and its neighbours, as plain JSON data. Never imports Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.lang import Lang, section_title
from vr2018.letter import sentences as splitter
from vr2018.serialize.letter import Json, paragraph_json, reference_json
from vr2018.serialize.motions import motion_json
from vr2018.serialize.people import event_json, person_json
from vr2018.serialize.themes import theme_entry_json

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import (
        Paragraph,
    )
    from vr2018.letter.sentences import Sentence


def show_json(
    corpus: Corpus,
    paragraph: Paragraph,
    before: tuple[Paragraph, ...] = (),
    after: tuple[Paragraph, ...] = (),
    sentence: Sentence | None = None,
) -> Json:
    """One paragraph and what it mentions; for ``show ID:N`` also the sentence's number
    (``sentence``) and text (``quote``, ``quote_en``), else those are null."""
    return {
        "paragraph": paragraph_json(corpus, paragraph),
        "sentence": sentence.number if sentence else None,
        "quote": splitter.quoted(sentence.text, sentence.cut) if sentence else None,
        "quote_en": splitter.quoted(sentence.text_en, sentence.cut) if sentence and sentence.text_en else None,
        "section_label": section_title(corpus, paragraph),  # as `show` prints it
        "section_label_en": section_title(corpus, paragraph, Lang.en),  # … and `show --lang en`
        "themes": [theme_entry_json(corpus, corpus.theme(t)) for t in paragraph.themes],
        "people": [person_json(corpus, corpus.person(i)) for i in paragraph.people],
        "events": [event_json(e) for e in corpus.paragraph_events(paragraph.id)],
        "references": [reference_json(corpus, corpus.reference(r)) for r in paragraph.references],
        "motions": [motion_json(corpus, m) for m in corpus.motions_for([paragraph.id])],
        "context": {
            "before": [paragraph_json(corpus, p) for p in before],
            "after": [paragraph_json(corpus, p) for p in after],
        },
    }
