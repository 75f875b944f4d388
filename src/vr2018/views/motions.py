"""Motions and references on a terminal: `motions` (by motion or by Kamerstuk) and `refs`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from vr2018.corpus.lang import EN, NL, Lang, day, month, text_of
from vr2018.i18n import _, interface_language
from vr2018.motions import no_link, not_in_the_letter
from vr2018.text.clean import clean
from vr2018.views.bilingual import unofficial
from vr2018.views.layout import MUTED, fields, ids, indent, inferred, legend, link, markers, plain, url

if TYPE_CHECKING:
    from rich.console import RenderableType

    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Letter, Motion, Reference


def un_document(ref: Reference) -> Text | None:
    """'S/RES/2231 (2015), adopted 20 July 2015 (not in the letter: year, symbol, adoption date)':
    a UN resolution's symbol, linked to the UN's permanent link, and its adoption date, with what
    the letter does not give marked; None where the symbol is not known."""
    if ref.symbol is None:
        return None
    adopted = ", " + _("adopted {date}").format(date=_adopted(ref.adopted)) if ref.adopted else ""
    marker = (f" ({not_in_the_letter(ref.outside_facts, _)})", MUTED) if ref.outside_facts else ""
    return Text.assemble(link(ref.symbol, ref.url, "bold"), clean(adopted), marker)


def _adopted(iso: str) -> str:
    """A resolution's adoption date, ours and not the letter's, so in the interface's
    language: "20 July 2015", or under a Dutch locale "20 juli 2015"."""
    year, number, dd = iso.split("-")
    dutch = f"{int(dd)} {month(int(number), NL)} {year}"
    return day(iso, dutch, NL if interface_language() == "nl" else EN)


def sources(record: Reference | Letter) -> list[RenderableType]:
    """The public sources of a record's outside facts: what each says, its address under it."""
    out: list[RenderableType] = []
    for found in record.outside:
        out += [plain(_("source: {source}").format(source=found.source), MUTED), indent(url(found.url))]
    return out


def chamber(motion: Motion, lang: Lang = NL) -> str:
    """The chamber (in English for ``en``: "House of Representatives"), marked where the letter does not name it."""
    shown = clean(text_of(motion, "chamber", lang))
    return _("{chamber}, inferred").format(chamber=shown) if motion.chamber_inferred else shown


def subject(motion: Motion, lang: Lang = NL) -> Text:
    """The subject, marked "(inferred)" (as an inferred chamber is) where it is our
    reading of the context and not what the letter states."""
    marker = (" " + inferred(), MUTED) if motion.subject_inferred else ""
    return Text.assemble(clean(text_of(motion, "subject", lang)), marker)


def _kamerstuk_short(ref: Reference) -> str:
    """The letter's notation without the word 'Kamerstuk': '22 045, nr. 290'."""
    return ref.as_written.removeprefix("Kamerstuk ")


def official_link(ref: Reference) -> Text:
    """A reference's official link, or why it has none (:func:`~vr2018.motions.no_link`)."""
    return url(ref.url) if ref.url else Text(no_link(ref, _) or "", style=MUTED)


def motion_head(ref: Reference, motion: Motion, lang: Lang = NL) -> Text:
    """'Kamerstuk 22 045, nr. 290  motion Kuzu (Tweede Kamer)': the line that names a motion,
    so that `grep Kuzu` finds it whole."""
    return Text.assemble(
        link(f"Kamerstuk {_kamerstuk_short(ref)}", ref.url, "bold"),
        "  ",
        clean(_("motion {submitters}").format(submitters="/".join(motion.submitters))),
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
            Text.assemble(clean(text_of(statement, "text", lang)), " ", ids(statement.paragraphs))
            for statement in motion.done
        )
        link_ = official_link(ref)
        if parts:
            parts.append(Text())
        parts += [
            motion_head(ref, motion, lang),
            fields([(_("Subject"), subject(motion, lang)), (_("What was done"), done), (_("Link"), link_)]),
        ]
    return Group(*unofficial(lang), *parts, *legend(*markers(motions=motions)))


def motions_by_kamerstuk(corpus: Corpus, motions: tuple[Motion, ...], lang: Lang = NL) -> RenderableType:
    """Number first, then the motion, then the official link (or why there is none)."""
    parts: list[RenderableType] = []
    for motion in motions:
        ref = corpus.reference(motion.reference)
        parts.append(motion_head(ref, motion, lang))
        parts.append(indent(Text.assemble(subject(motion, lang), " ", ids(motion.paragraphs))))
        parts.append(indent(official_link(ref)))
        parts.append(Text())
    return Group(*unofficial(lang), *parts, *legend(*markers(motions=motions))[1:])


def references_view(corpus: Corpus, references: tuple[Reference, ...], lang: Lang = NL) -> RenderableType:
    """Every reference, grouped by kind, with the paragraphs citing it and the link where known."""
    parts: list[RenderableType] = []
    kind = None
    for ref in references:
        if ref.kind != kind:
            kind = ref.kind
            title = _("Kamerstukken") if kind == "kamerstuk" else _("UN Security Council resolutions")
            parts.append(Text(("\n" if parts else "") + title, style="bold underline"))
        paragraphs = [p.id for p in corpus.citing_paragraphs(ref.id)]
        # A Kamerstuk's notation opens its publication; a resolution's link goes with its symbol,
        # which the letter does not print.
        label = link(text_of(ref, "as_written", lang), ref.url if ref.kind == "kamerstuk" else None, "bold")
        parts.append(Text.assemble(label, " ", ids(paragraphs)))
        parts.append(indent(plain(text_of(ref, "description", lang))))
        symbol = un_document(ref)
        if symbol is not None:
            parts.append(indent(symbol))
        parts.append(indent(official_link(ref)))
        parts += [indent(part) for part in sources(ref)]
    return Group(*unofficial(lang), *parts)
