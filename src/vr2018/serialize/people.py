"""People and the timeline as plain JSON data. Never imports Rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vr2018.corpus.lang import Lang
from vr2018.people import person_paragraphs
from vr2018.timeline import date_label

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import (
        Event,
        Person,
    )
from vr2018.serialize.letter import Json, statements_json


def event_json(event: Event) -> Json:
    """The event object: the same in timeline, show, theme and export."""
    return {
        "date": event.date,
        "precision": event.precision,
        "display": date_label(event),
        "display_en": date_label(event, Lang.en),
        "as_written": event.as_written,
        "year_inferred": event.year_inferred,
        "label": event.label,
        "label_en": event.label_en,
        "paragraph": event.paragraph,  # null where the date is not in a paragraph (source)
        "source": event.source,  # "paragraph" or "letterhead": where the letter gives the date
    }


def person_json(corpus: Corpus, person: Person) -> Json:
    """The person object: the same in people, show, theme and export."""
    return {
        "id": person.id,
        "name": person.name,
        "role": person.role,
        "role_en": person.role_en,
        "aliases": list(person.aliases),
        "paragraphs": list(person_paragraphs(corpus, person)),
        "did": statements_json(person.did),
    }


def timeline_json(events: tuple[Event, ...]) -> list[Json]:
    return [event_json(e) for e in events]


def people_json(corpus: Corpus, people: tuple[Person, ...]) -> list[Json]:
    return [person_json(corpus, p) for p in people]
