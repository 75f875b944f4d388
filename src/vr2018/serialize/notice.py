"""What a ``--json`` output says about its English, once.

Every output carries our English beside the Dutch (``x_en`` beside ``x``), whatever
``--lang``. An output that is an object says, once, in a top-level field
:data:`FIELD`, that this English is an unofficial translation; an output that is an
array (``search``, ``theme``, ``motions``, ``refs``, ``timeline``, ``people``) stays
an array, and none of its records carries the notice: adding it to every record would
repeat it, and turning the array into an object would break every reader of it
(docs/json.md, "The translation notice").
"""

from __future__ import annotations

from typing import Any

from vr2018.i18n import _

FIELD = "translation_notice"


def translation_notice() -> str:
    """The notice, in the interface language."""
    return _("Fields ending in _en hold our unofficial English translation; the Dutch text is authoritative.")


def with_notice(value: Any) -> Any:
    """A command's ``--json`` output as printed: an object with the notice as its first
    field; an array (or anything else) as it is."""
    if isinstance(value, dict):
        return {FIELD: translation_notice(), **value}
    return value
