"""Motions and references on a terminal: `motions` (by motion or by Kamerstuk) and `refs`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from ..lang import NL, Lang, text_of
from ..motions import no_link
from ..text import clean
from .layout import MUTED, fields, ids, indent, key, link, markers, plain, url

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..corpus import Corpus
    from ..model import Motion, Reference


def chamber(motion: Motion, lang: Lang = NL) -> str:
    """The chamber (in English for ``en``: "House of Representatives"), marked where the letter does not name it."""
    return clean(text_of(motion, "chamber", lang)) + (", inferred" if motion.chamber_inferred else "")


def subject(motion: Motion, lang: Lang = NL) -> Text:
    """The subject, marked "(inferred)" (as an inferred chamber is) where it is our
    reading of the context and not what the letter states."""
    marker = (" (inferred)", MUTED) if motion.subject_inferred else ""
    return Text.assemble(clean(text_of(motion, "subject", lang)), marker)


def _kamerstuk_short(ref: Reference) -> str:
    """The letter's notation without the word 'Kamerstuk': '22 045, nr. 290'."""
    return ref.as_written.removeprefix("Kamerstuk ")


def official_link(ref: Reference) -> Text:
    """A reference's official link, or why it has none (:func:`~vr2018.motions.no_link`)."""
    return url(ref.url) if ref.url else Text(no_link(ref) or "", style=MUTED)


def motion_head(ref: Reference, motion: Motion, lang: Lang = NL) -> Text:
    """'Kamerstuk 22 045, nr. 290  motion Kuzu (Tweede Kamer)': the line that names a motion,
    so that `grep Kuzu` finds it whole."""
    return Text.assemble(
        link(f"Kamerstuk {_kamerstuk_short(ref)}", ref.url, "bold"),
        "  ",
        clean("motion " + "/".join(motion.submitters)),
        (f" ({chamber(motion, lang)})", MUTED),
    )


def motions_view(corpus: Corpus, motions: tuple[Motion, ...], lang: Lang = NL) -> RenderableType:
    """One block per motion: the line naming it (Kamerstuk, submitters, chamber), then
    its subject, what the government reports it did (with the paragraph ids that say so)
    and the official link, each under a label.

    Not a table: the report is prose, which a table column squeezed words and ids
    into pieces ("VN-Veiligheidsr / aad"). Labelled lines wrap only between words
    on a terminal (a value with a word too long for its column goes under its label,
    whole), and stay one line each in a pipe.
    """
    parts: list[RenderableType] = []
    for motion in motions:
        ref = corpus.reference(motion.reference)
        done = Text("\n").join(
            Text.assemble(clean(text_of(citation, "text", lang)), " ", ids(citation.paragraphs))
            for citation in motion.done
        )
        link_ = official_link(ref)
        if parts:
            parts.append(Text())
        parts += [
            motion_head(ref, motion, lang),
            fields([("Subject", subject(motion, lang)), ("What was done", done), ("Link", link_)]),
        ]
    return Group(*parts, *key(*markers(motions=motions)))


def motions_by_kamerstuk(corpus: Corpus, motions: tuple[Motion, ...], lang: Lang = NL) -> RenderableType:
    """Number first, then the motion, then the official link (or why there is none)."""
    parts: list[RenderableType] = []
    for motion in motions:
        ref = corpus.reference(motion.reference)
        parts.append(motion_head(ref, motion, lang))
        parts.append(indent(Text.assemble(subject(motion, lang), " ", ids(motion.paragraphs))))
        parts.append(indent(official_link(ref)))
        parts.append(Text())
    return Group(*parts, *key(*markers(motions=motions))[1:])


def references_view(corpus: Corpus, references: tuple[Reference, ...], lang: Lang = NL) -> RenderableType:
    """Every reference, grouped by kind, with the paragraphs citing it and the link where known."""
    parts: list[RenderableType] = []
    kind = None
    for ref in references:
        if ref.kind != kind:
            kind = ref.kind
            title = "Kamerstukken" if kind == "kamerstuk" else "UN Security Council resolutions"
            parts.append(Text(("\n" if parts else "") + title, style="bold underline"))
        paragraphs = [p.id for p in corpus.citing_paragraphs(ref.id)]
        parts.append(Text.assemble(link(text_of(ref, "as_written", lang), ref.url, "bold"), " ", ids(paragraphs)))
        parts.append(indent(plain(text_of(ref, "description", lang))))
        if ref.kind == "kamerstuk":
            parts.append(indent(official_link(ref)))
    return Group(*parts)
