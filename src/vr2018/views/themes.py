"""Themes on a terminal: the list of themes, and one theme with its points,
motions, people, dates, gaps and (with ``full``) the paragraphs it cites."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group
from rich.text import Text

from vr2018.corpus.lang import NL, Lang, section_title, text_of
from vr2018.corpus.lang import heading as section_heading
from vr2018.i18n import _
from vr2018.text.clean import clean
from vr2018.timeline import date_label
from vr2018.views.bilingual import paragraph_block, unofficial
from vr2018.views.layout import (
    GAP_STYLE,
    HEADING_STYLE,
    ID_STYLE,
    MUTED,
    Fit,
    Wide,
    fields,
    gap_marker,
    hang,
    heading,
    ids,
    indent,
    item,
    legend,
    markers,
    plain,
)
from vr2018.views.motions import motion_head, subject

if TYPE_CHECKING:
    from rich.console import RenderableType

    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Theme
    from vr2018.themes import ThemeDetail


def theme_list(
    corpus: Corpus, rows: tuple[tuple[Theme, int, str], ...], crop: bool = False, lang: Lang = NL
) -> RenderableType:
    """One line per theme: id, number of paragraphs, title, the summary's first sentence;
    ``crop`` cuts each line to the screen's width (on a terminal), else lines stay whole."""
    width = max(len(theme.id) for theme, _count, _line in rows)

    def listing(crop: bool) -> Group:
        head = _("theme")
        head += " " * (width - cell_len(head)) + "   ¶  " + _("title — summary")
        lines: list[RenderableType] = [Text(head, style=HEADING_STYLE)]
        for theme, count, line in rows:
            text = Text.assemble(
                (f"{clean(theme.id):<{width}}", ID_STYLE),
                f" {count:>3}  ",
                (clean(text_of(theme, "title", lang)), "bold"),
                (" — " + clean(line), MUTED),
                no_wrap=crop,
                overflow="ellipsis" if crop else None,
            )
            lines.append(text if crop else hang(text))  # wrapped, a theme's lines hang under its id
        lines.append(Text("\n" + _("vr2018 theme NAME shows one theme (its id, title or any alias)."), style=MUTED))
        return Group(*lines)

    if not crop:
        return Group(*unofficial(lang), listing(False))
    # Cropping only ever shortens a summary: where even id and title do not fit, wrap instead.
    need = width + 6 + max(len(text_of(theme, "title", lang)) for theme, _count, _line in rows)
    return Group(*unofficial(lang), Wide(Fit(listing(True), listing(False), need)))


def _records(corpus: Corpus, detail: ThemeDetail, lang: Lang = NL) -> list[RenderableType]:
    """The theme's motions, people and dates, each under its heading (where it has any)."""
    parts: list[RenderableType] = []
    if detail.motions:
        parts.append(heading(_("Motions")))
        for motion in detail.motions:
            ref = corpus.reference(motion.reference)
            parts.append(indent(Text.assemble(motion_head(ref, motion, lang), ": ", subject(motion, lang))))
    if detail.people:
        parts.append(heading(_("People")))
        roles = [(clean(p.name), plain(text_of(p, "role", lang), MUTED)) for p in detail.people]
        parts.append(fields(roles, label_style="bold"))
    if detail.events:
        parts.append(heading(_("Dates")))
        parts.append(
            fields(
                [
                    (date_label(e, lang), Text.assemble(clean(text_of(e, "label", lang)), " ", ids([e.where])))
                    for e in detail.events
                ],
                label_style="bold",
            )
        )
    return parts


def _cited(corpus: Corpus, detail: ThemeDetail, lang: Lang = NL) -> list[RenderableType]:
    """The text of the paragraphs the points cite, under their headings, with one
    marker per gap (even where two cited paragraphs border it)."""
    parts: list[RenderableType] = [heading(_("Cited paragraphs")), Text()]
    marked = False
    title = None
    for paragraph in detail.cited:
        if corpus.gap_before(paragraph) and not marked:
            parts += [gap_marker(), Text()]
        if section_title(corpus, paragraph, lang) != title:
            title = section_title(corpus, paragraph, lang)
            parts.append(plain(title, MUTED))
        parts.append(paragraph_block(paragraph, lang))
        marked = corpus.gap_after(paragraph)
        if marked:
            parts += [gap_marker(), Text()]
    for gap in detail.gaps:
        if gap.section:
            parts += [plain(section_heading(corpus.section(gap.section), lang), HEADING_STYLE), gap_marker(), Text()]
    return parts


def theme_view(corpus: Corpus, detail: ThemeDetail, full: bool = False, lang: Lang = NL) -> RenderableType:
    """A theme: title, summary, points with citations, motions, people, dates, gaps;
    with ``full``, the cited paragraphs' text with gap markers."""
    theme = detail.theme
    parts: list[RenderableType] = [
        *unofficial(lang),
        Text.assemble((clean(text_of(theme, "title", lang)), "bold"), "  ", (f"({theme.id})", ID_STYLE)),
    ]
    if theme.aliases:
        parts.append(Text.assemble((_("also:") + " ", MUTED), (clean(", ".join(theme.aliases)), MUTED)))
    if theme.aliases_outside:  # found by them too, but they are not the letter's words
        also = _("also, not in the letter:") + " "
        parts.append(Text.assemble((also, MUTED), (clean(", ".join(theme.aliases_outside)), MUTED)))
    parts += [Text(), plain(text_of(theme, "summary", lang))]

    parts.append(heading(_("Points")))
    if not theme.points:  # the loader allows this only for a theme with sections: only the heading survives
        titles = ", ".join(f"“{section_heading(s, lang)}”" for s in detail.sections)
        none = _(
            "none: the pages after the heading {headings} are missing, and no paragraph we have "
            "is known to belong under it"
        )
        parts.append(plain(none.format(headings=titles), GAP_STYLE))
    for n, point in enumerate(theme.points, 1):
        parts.append(item(f"{n:>2}. ", Text.assemble(clean(text_of(point, "text", lang)), " ", ids(point.sources))))
    parts += _records(corpus, detail, lang)

    parts.append(heading(_("Paragraphs")))
    parts.append(ids([p.id for p in detail.paragraphs]) if detail.paragraphs else Text(_("none")))
    for gap in detail.gaps:
        if gap.section:
            after = _("the pages after the heading '{heading}' are missing")
            where = after.format(heading=section_heading(corpus.section(gap.section), lang))
        elif gap.cut == "start":
            where = _("¶ {paragraph} is cut at its start by a missing page").format(paragraph=gap.paragraph)
        else:
            where = _("¶ {paragraph} is cut at its end by a missing page").format(paragraph=gap.paragraph)
        parts.append(Text.assemble(("[…] ", GAP_STYLE), (clean(where.strip()), GAP_STYLE)))
    if full:
        parts += _cited(corpus, detail, lang)
    return Group(*parts, *legend(*markers(detail.events, detail.motions)))
