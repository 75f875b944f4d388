"""The motions the letter answers and the documents it cites: lookup by Kamerstuk or by words.

Pure functions over a :class:`~vr2018.corpus.load.Corpus`: no I/O, no rendering.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from vr2018.i18n import N_
from vr2018.letter import kamerstuk, sentences
from vr2018.letter.kamerstuk import KamerstukKey
from vr2018.problems import Empty, Invalid, NoMotion, Resolution
from vr2018.text.fold import words
from vr2018.text.names import completion, name_completion, near

if TYPE_CHECKING:
    from vr2018.corpus.load import Corpus
    from vr2018.corpus.model import Motion, Reference


def kamerstuk_key(reference: Reference) -> KamerstukKey | None:
    """The Kamerstuk key of a reference, or None for a UN resolution."""
    if reference.kind != "kamerstuk" or not reference.dossier:
        return None
    return kamerstuk.key_of(reference.dossier, reference.number, reference.chapter)


# How every output names a field that holds a fact from outside the letter.
OUTSIDE_NAMES = {"symbol": N_("symbol"), "adopted": N_("adoption date"), "ministry": N_("ministry")}


def as_is(message: str) -> str:
    """The words as written, in English: what --json and the data exports keep."""
    return message


def not_in_the_letter(facts: tuple[str, ...], translate: Callable[[str], str] = as_is) -> str:
    """'not in the letter: symbol, adoption date': the words every view and the Markdown
    export mark outside facts with (a link made from an outside symbol is not named apart),
    in the interface language where ``translate`` is :func:`vr2018.i18n._`."""
    names = ", ".join(translate(OUTSIDE_NAMES[f]) if f in OUTSIDE_NAMES else f for f in facts if f != "url")
    return translate(N_("not in the letter: {facts}")).format(facts=names)


def no_link(ref: Reference, translate: Callable[[str], str] = as_is) -> str | None:
    """Why a reference has no official link: for a Kamerstuk, what the letter does give
    ("nr. XVII" is a budget chapter, printed as such, not a document number); for a UN
    resolution, that no public source confirmed its symbol. None where it has one. Every
    view, the Markdown export and --json (``url_note``) say it in these words: --json in
    English, a view and the export in the interface language (``translate``: ``_``)."""
    if ref.url:
        return None
    if ref.kind != "kamerstuk":
        return translate(N_("no official link: its UN document symbol could not be verified, so none is given"))
    dossier = ref.dossier and kamerstuk.key_of(ref.dossier).label  # "35 000"
    if dossier and ref.chapter:
        said = N_(
            "no official link: the letter gives dossier {dossier} and budget chapter {chapter}, not a document number"
        )
    elif dossier:
        said = N_("no official link: the letter gives dossier {dossier}, not a document number")
    elif ref.chapter:
        said = N_("no official link: the letter gives budget chapter {chapter}, not a document number")
    else:
        said = N_("no official link: the letter gives no dossier, not a document number")
    return translate(said).format(dossier=dossier, chapter=ref.chapter)


def reference(corpus: Corpus, motion: Motion) -> Reference:
    return corpus.reference(motion.reference)


def _order(ref: Reference) -> tuple[int, str, tuple[int, int, str]]:
    """Kamerstuk order: dossier, then chapter, then number (numbers numerically)."""
    number = ref.number or ""
    return (
        int(ref.dossier) if ref.dossier and ref.dossier.isdigit() else 0,
        ref.chapter or "",
        (0, int(number), "") if number.isdigit() else (1, 0, number),
    )


def by_kamerstuk(corpus: Corpus, motions: tuple[Motion, ...] | None = None) -> tuple[Motion, ...]:
    """The motions (all, or those given) sorted by their Kamerstuk."""
    pool = corpus.motions if motions is None else motions
    return tuple(sorted(pool, key=lambda m: _order(reference(corpus, m))))


def matching(corpus: Corpus, wanted: KamerstukKey) -> tuple[Motion, ...]:
    """The motions on that Kamerstuk; a bare dossier matches all its documents."""
    out = []
    for motion in corpus.motions:
        ref = reference(corpus, motion)
        if wanted.matches(ref.dossier, ref.number, ref.chapter):
            out.append(motion)
    return tuple(out)


# Words that only say "a motion" or "its number": every motion is one, so they find nothing.
MOTION_WORDS = frozenset(
    {
        "motie",
        "moties",
        "kamermotie",
        "kamermoties",
        "motion",
        "motions",
        "kamerstuk",
        "kamerstukken",
        "nr",
        "nrs",
        "no",
        "nummer",
        "number",
    }
)


def reported_in(corpus: Corpus, motion: Motion) -> tuple[str, ...]:
    """The letter's own sentences that name the motion (as_written): what it says it did.

    'Het Koninkrijk heeft in lijn met de motie van de leden Kuzu/Van den Hul (...)
    over de veilige terugkeer van de Rohingya in VN-Veiligheidsraad verband
    herhaaldelijk Myanmar opgeroepen ...' is how the letter reports that motion;
    only that sentence, not the whole paragraph, which reports another motion too.
    A full stop inside the motion's name ('nr. XVII', 'c.s.') ends no sentence.
    """
    out = []
    for pid in motion.paragraphs:
        text = corpus.paragraph(pid).text
        at = text.find(motion.as_written)
        if at < 0:
            continue
        start, end = sentences.around(text, at, at + len(motion.as_written))
        out.append(text[start:end])
    return tuple(out)


def haystack(corpus: Corpus, motion: Motion) -> list[str]:
    """The words a motion is found by: submitters, their names, chamber, subject (Dutch and English), and
    the letter's sentences reporting on it (so 'Myanmar' finds the Rohingya motion)."""
    names = [corpus.person(p).name for p in motion.people]
    return words(
        " ".join(
            [
                *motion.submitters,
                *names,
                motion.chamber,
                motion.subject,
                motion.subject_en or "",
                *reported_in(corpus, motion),
            ]
        )
    )


def search(corpus: Corpus, query: str) -> tuple[Motion, ...]:
    """Motions whose submitters, chamber, subject or reporting sentences hold every term of
    ``query`` (folded; a word may sit inside a longer one or carry a typo).

    The query is read as `vr2018 search` reads it: stop words are dropped, and
    where a term's own words find no motion the search glossary turns it into the
    letter's words ("arms embargo" → wapenembargo; but "Tweede Kamer", which
    finds its motions, is not widened to every "Kamer"). Words that only say
    "motion" (motie, Kamerstuk, nr.) are dropped too; a query of nothing else
    finds every motion.
    """
    from vr2018.search import index_for, parse

    if not words(query):
        raise Empty("motion")
    concepts, _ = parse(index_for(corpus), query.replace('"', " "))
    pools = {m.id: haystack(corpus, m) for m in corpus.motions}

    def finding(alternative: tuple[str, ...]) -> set[str]:
        return {m.id for m in corpus.motions if all(near(w, pools[m.id]) for w in alternative)}

    found = {m.id for m in corpus.motions}
    for concept in concepts:
        own = tuple(words(concept.label))
        if set(own) <= MOTION_WORDS:
            continue
        hits = finding(own) or {i for alternative in concept.alternatives for i in finding(alternative.content)}
        found &= hits
    return tuple(m for m in corpus.motions if m.id in found)


def find(corpus: Corpus, query: str | None = None, kamerstuk_only: bool = False) -> tuple[Motion, ...]:
    """What `vr2018 motions` lists: every motion (by Kamerstuk with ``kamerstuk_only``),
    or those on the Kamerstuk ``query`` names (when it is one, or must be one), or
    those :func:`search` finds by its words. :class:`~vr2018.problems.NotAKamerstuk` (or
    :class:`~vr2018.problems.Resolution`, naming the UN resolution it is) for a query that
    is no Kamerstuk where one is needed, :class:`~vr2018.problems.Empty` or
    :class:`~vr2018.search.QueryError` for one that holds no words, and
    :class:`~vr2018.problems.NoMotion` with the facts of why when no motion answers."""
    if query is None:
        return by_kamerstuk(corpus) if kamerstuk_only else corpus.motions
    try:
        if not (kamerstuk_only or kamerstuk.looks_like(query)):
            found = search(corpus, query)
        else:
            found = matching(corpus, kamerstuk.parse(query))
    except (Empty, Invalid):
        resolution = cited_resolution(corpus, query)
        if resolution is not None:  # 'S/RES/2231': no Kamerstuk at all (exit status 2)
            raise Resolution(query, resolution.number or "", resolution.as_written) from None
        raise
    if not found:
        raise nothing_found(corpus, query, kamerstuk_only)
    return by_kamerstuk(corpus, found) if kamerstuk_only else found


def nothing_found(corpus: Corpus, query: str, kamerstuk_only: bool = False) -> NoMotion:
    """Why :func:`find` found nothing for ``query``: the facts :mod:`vr2018.cli.messages` says."""
    if kamerstuk_only or kamerstuk.looks_like(query):
        return no_motion(corpus, query, kamerstuk.parse(query))
    resolution = cited_resolution(corpus, query)
    if resolution is not None:  # 'motions S/RES/2231'
        return NoMotion(query, kamerstuk=False, resolution=(resolution.number or "", resolution.as_written))
    return no_words(corpus, query)


def cited_resolution(corpus: Corpus, text: str) -> Reference | None:
    """The UN resolution the letter cites that ``text`` names ('2231', 'S/RES/2231'), if any."""
    wanted = kamerstuk.parse_resolution(text)
    if wanted is None:
        return None
    return next(
        (
            r
            for r in corpus.references
            if r.kind != "kamerstuk" and kamerstuk.cites(wanted, r.kind, r.dossier, r.number, r.chapter, r.year)
        ),
        None,
    )


def no_motion(corpus: Corpus, query: str, wanted: KamerstukKey) -> NoMotion:
    """No motion is on the Kamerstuk ``wanted``: the resolution it may mean, a Kamerstuk the
    letter cites that is no motion, the Kamerstukken of the motions and the others cited."""
    bare = wanted.number is None and wanted.chapter is None
    resolution = cited_resolution(corpus, wanted.dossier) if bare else None
    if resolution is not None:  # '--kamerstuk 2231': a well-formed dossier, but meant as the resolution
        pair = (resolution.number or "", resolution.as_written)
        return NoMotion(query, kamerstuk=True, label=wanted.label, resolution=pair)
    motion_ids = {m.reference for m in corpus.motions}
    on = [k.compact for k in (kamerstuk_key(reference(corpus, m)) for m in by_kamerstuk(corpus)) if k]
    others = [r for r in corpus.references if r.kind == "kamerstuk" and r.id not in motion_ids]
    named = [r for r in others if wanted.matches(r.dossier, r.number, r.chapter)]
    rest = [k.compact for k in (kamerstuk_key(r) for r in others if r not in named) if k]
    cited = named[0].as_written if named else ""
    return NoMotion(query, kamerstuk=True, label=wanted.label, cited=cited, on=on, also=rest)


def no_words(corpus: Corpus, query: str) -> NoMotion:
    """No motion matches the words of ``query``: every motion, as (submitters, Kamerstuk)."""
    listed = [
        ("/".join(m.submitters), k.compact) for m in by_kamerstuk(corpus) if (k := kamerstuk_key(reference(corpus, m)))
    ]
    return NoMotion(query, kamerstuk=False, motions=listed, count=len(corpus.motions))


def complete(
    corpus: Corpus, incomplete: str, kamerstuk_only: bool = False, before: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """Completion candidates for a motions query: Kamerstuk notations (and every
    submitter, names of several words too: 'De Graaf', 'Van den Hul'), each with a
    short help text, those extending what was typed, each starting with exactly what
    was typed (:func:`vr2018.text.names.completion`). ``before``: the query's words typed
    before this one ('de' before 'G' → 'Graaf')."""
    out: list[tuple[str, str]] = []

    def offer(name: str, text: str) -> None:
        value = completion(incomplete, (name,))
        if value and value not in {c for c, _ in out}:
            out.append((value, text))

    for motion in by_kamerstuk(corpus):
        k = kamerstuk_key(reference(corpus, motion))
        if k is None:
            continue
        help_text = f"motion {'/'.join(motion.submitters)}: {motion.subject}"
        dossier = kamerstuk.key_of(k.dossier)
        for notation, text in (
            (k.compact, help_text),
            (f"kst-{k.compact}", help_text),
            (k.dossier, f"dossier {dossier.label}"),
        ):
            offer(notation, text)
    if not kamerstuk_only:
        for motion in corpus.motions:
            for person in motion.people:
                value = name_completion(incomplete, corpus.person(person).name, before)
                if value and value not in {c for c, _ in out}:
                    out.append((value, f"motion by {'/'.join(motion.submitters)}"))
    return out


def references(corpus: Corpus) -> tuple[Reference, ...]:
    """Every reference, Kamerstukken first, each group in the order the letter cites them."""
    return tuple(sorted(corpus.references, key=lambda r: r.kind != "kamerstuk"))
