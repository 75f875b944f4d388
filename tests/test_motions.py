"""Motions and references: the data's pointers and the lookup engine."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vr2018 import motions
from vr2018.cli import messages
from vr2018.cli.status import ExitStatus, of_problem
from vr2018.corpus.model import KAMERSTUK_URL
from vr2018.letter.kamerstuk import parse
from vr2018.problems import Empty, Invalid, NoMotion, NotAKamerstuk

# ── the data ────────────────────────────────────────────────────────────────


def test_the_three_motions_the_letter_cites(corpus):
    found = {m.id: m for m in corpus.motions}
    assert set(found) == {"kuzu-van-den-hul-rohingya", "kuzu-wapenembargo", "de-graaf-europese-samenwerking"}
    assert found["kuzu-van-den-hul-rohingya"].submitters == ("Kuzu", "Van den Hul")
    assert found["de-graaf-europese-samenwerking"].date == "2016-11-01"
    assert found["de-graaf-europese-samenwerking"].chamber == "Eerste Kamer"


def test_every_motion_pointer_resolves_and_is_cited_where_it_says(corpus):
    for motion in corpus.motions:
        ref = corpus.reference(motion.reference)
        assert ref.kind == "kamerstuk"
        for person in motion.people:
            corpus.person(person)
        assert motion.done and motion.paragraphs
        for pid in motion.paragraphs:
            paragraph = corpus.paragraph(pid)
            assert motion.reference in paragraph.references, f"{motion.id}: ¶ {pid} does not cite {ref.id}"
            assert ref.as_written.removeprefix("Kamerstuk ") in paragraph.text
        for name in motion.submitters:
            assert name.removesuffix(" c.s.") in " ".join(corpus.paragraph(p).text for p in motion.paragraphs)


def test_reference_parts_are_parsed_from_how_the_letter_writes_it(corpus):
    for ref in corpus.references:
        if ref.kind == "kamerstuk":
            key = parse(ref.as_written)
            assert (key.dossier, key.number, key.chapter) == (ref.dossier, ref.number, ref.chapter), ref.id


def test_urls_only_where_dossier_and_number_are_known(corpus):
    urls = {r.id: r.url for r in corpus.references}
    assert urls["kst-22045-290"] == KAMERSTUK_URL.format(dossier="22045", number="290")
    assert urls["kst-34550-D"] == "https://zoek.officielebekendmakingen.nl/kst-34550-D.html"
    assert urls["kst-26150-168"] == "https://zoek.officielebekendmakingen.nl/kst-26150-168.html"
    assert urls["kst-35000-XVII"] is None  # "35 000; nr. XVII" names a chapter, not a document
    # A UN resolution's link is the UN's permanent link made from its symbol (not in the letter).
    assert urls["res-2231"] == "https://undocs.org/S/RES/2231(2015)"
    assert urls["res-conflict-en-honger"] == "https://undocs.org/S/RES/2417(2018)"


def test_a_resolution_without_a_verified_symbol_has_no_link_and_says_why(corpus):
    unverified = corpus.reference("res-2231").replace(symbol=None, adopted=None, year=None, outside=())
    assert unverified.url is None
    assert (
        motions.no_link(unverified)
        == "no official link: its UN document symbol could not be verified, so none is given"
    )
    assert motions.no_link(corpus.reference("res-2231")) is None


def test_references_cover_kamerstukken_and_resolutions(corpus):
    refs = motions.references(corpus)
    assert [r.id for r in refs] == [
        "kst-26150-168",
        "kst-35000-XVII",
        "kst-22045-290",
        "kst-34550-D",
        "res-2231",
        "res-2396",
        "res-conflict-en-honger",
    ]
    for ref in refs:
        assert corpus.citing_paragraphs(ref.id), f"{ref.id} is cited by no paragraph"
    assert corpus.reference("res-conflict-en-honger").number is None


# ── by Kamerstuk ───────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("notation", "expected"),
    [
        ("22045", ["kuzu-wapenembargo"]),
        ("22 045", ["kuzu-wapenembargo"]),
        ("22.045", ["kuzu-wapenembargo"]),
        ("22045-290", ["kuzu-wapenembargo"]),
        ("kst-22045-290", ["kuzu-wapenembargo"]),
        ("22 045, nr. 290", ["kuzu-wapenembargo"]),
        ("Kamerstuk 22 045, nr. 290", ["kuzu-wapenembargo"]),
        ("34550-D", ["de-graaf-europese-samenwerking"]),
        ("34 550, D", ["de-graaf-europese-samenwerking"]),
        ("35000", ["kuzu-van-den-hul-rohingya"]),
        ("35 000; nr. XVII", ["kuzu-van-den-hul-rohingya"]),
        ("35000-XVII", ["kuzu-van-den-hul-rohingya"]),
        ("22045-291", []),
        ("26150", []),
        ("35000-XVI", []),
    ],
)
def test_matching(corpus, notation, expected):
    assert [m.id for m in motions.matching(corpus, parse(notation))] == expected


def test_by_kamerstuk_sorts_by_dossier(corpus):
    assert [m.reference for m in motions.by_kamerstuk(corpus)] == ["kst-22045-290", "kst-34550-D", "kst-35000-XVII"]


def test_no_motion_message_names_what_the_letter_cites(corpus):
    found = motions.no_motion(corpus, "12345", parse("12345"))
    assert (found.label, found.on, found.also) == ("12 345", ("22045-290", "34550-D", "35000-XVII"), ("26150-168",))
    text = messages.line(found)
    assert text.startswith("no motion in the letter is on Kamerstuk 12 345; the motions it answers are on Kamerstuk")
    for notation in ("22045-290", "34550-D", "35000-XVII", "26150-168"):
        assert notation in text
    assert "\n" not in text
    cited = messages.line(motions.no_motion(corpus, "26 150; nr. 168", parse("26 150; nr. 168")))
    assert "Kamerstuk 26 150; nr. 168, which is not a motion" in cited


# ── by words ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kuzu", {"kuzu-van-den-hul-rohingya", "kuzu-wapenembargo"}),
        ("kuzu", {"kuzu-van-den-hul-rohingya", "kuzu-wapenembargo"}),
        ("Kuzo", {"kuzu-van-den-hul-rohingya", "kuzu-wapenembargo"}),  # a typo
        ("Van den Hul", {"kuzu-van-den-hul-rohingya"}),
        ("Rohingya", {"kuzu-van-den-hul-rohingya"}),
        ("Rohinga", {"kuzu-van-den-hul-rohingya"}),
        ("embargo", {"kuzu-wapenembargo"}),  # inside 'wapenembargo'
        ("Kuzu embargo", {"kuzu-wapenembargo"}),  # every word must match
        ("De Graaf", {"de-graaf-europese-samenwerking"}),
        ("eerste kamer", {"de-graaf-europese-samenwerking"}),
        ("Europese samenwerking", {"de-graaf-europese-samenwerking"}),
        ("klimaat", set()),
        ("Rutte", set()),
        # words that only say "motion" find nothing by themselves
        ("motie Kuzu", {"kuzu-van-den-hul-rohingya", "kuzu-wapenembargo"}),
        ("Rohingya motion", {"kuzu-van-den-hul-rohingya"}),
        ("the Rohingya motion", {"kuzu-van-den-hul-rohingya"}),  # a stop word too
        ("motie De Graaf nr", {"de-graaf-europese-samenwerking"}),
        ("motie", {"kuzu-van-den-hul-rohingya", "kuzu-wapenembargo", "de-graaf-europese-samenwerking"}),
        # the letter's sentence reporting on the motion, and that sentence only
        ("Myanmar", {"kuzu-van-den-hul-rohingya"}),
        ("UNHCR", {"kuzu-van-den-hul-rohingya"}),
        ("Bangladesh", set()),  # in the paragraph, not in the sentence on the motion
        # English through the search glossary, where the words themselves find nothing
        ("arms embargo", {"kuzu-wapenembargo"}),
        ("refugees", {"kuzu-van-den-hul-rohingya"}),
        ("senate", {"de-graaf-europese-samenwerking"}),
        ("Tweede Kamer", {"kuzu-van-den-hul-rohingya", "kuzu-wapenembargo"}),  # not widened to every 'Kamer'
    ],
)
def test_search(corpus, query, expected):
    assert {m.id for m in motions.search(corpus, query)} == expected


def test_reported_in_is_the_letters_sentence_naming_the_motion(corpus):
    for motion in corpus.motions:
        (sentence,) = motions.reported_in(corpus, motion)
        assert motion.as_written in sentence
        assert any(sentence in corpus.paragraph(p).text for p in motion.paragraphs)
    rohingya = motions.reported_in(corpus, corpus.motion("kuzu-van-den-hul-rohingya"))[0]
    assert rohingya.startswith("Het Koninkrijk heeft in lijn met de motie")  # not the sentence before
    assert rohingya.endswith("mogelijk te maken.")  # not the next one, on the other motion
    embargo = motions.reported_in(corpus, corpus.motion("kuzu-wapenembargo"))[0]
    assert embargo.startswith("Ook heeft het Koninkrijk") and "Myanmar" not in embargo


def test_search_rejects_an_empty_query(corpus):
    with pytest.raises(Empty) as caught:
        motions.search(corpus, " -- ")
    assert messages.line(caught.value).startswith("empty query")


@given(st.text(max_size=20))
def test_search_returns_motions_or_raises_value_error(query):
    from vr2018 import load_corpus

    corpus = load_corpus()
    try:
        found = motions.search(corpus, query)
    except (Empty, Invalid) as exc:
        assert of_problem(exc) == ExitStatus.BAD_USAGE
        return
    assert set(found) <= set(corpus.motions)


def test_no_words_message(corpus):
    text = messages.line(motions.no_words(corpus, "xyz"))
    assert text == (
        "no motion matches 'xyz'; the letter answers 3 motions: "
        "Kuzu (22045-290), De Graaf c.s. (34550-D), Kuzu/Van den Hul (35000-XVII)"
    )


# ── completion ──────────────────────────────────────────────────────────────


def test_complete_lists_kamerstuk_notations_that_parse(corpus):
    values = [value for value, _ in motions.complete(corpus, "", kamerstuk_only=True)]
    assert values[:3] == ["22045-290", "kst-22045-290", "22045"]
    assert {"34550-D", "35000-XVII", "35000"} <= set(values)
    for value in values:
        assert motions.matching(corpus, parse(value)), value


def test_complete_filters_by_what_was_typed(corpus):
    assert [v for v, _ in motions.complete(corpus, "34", kamerstuk_only=True)] == ["34550-D", "34550"]
    # every value starts with exactly what was typed: the shell drops any other
    assert [v for v, _ in motions.complete(corpus, "ku")] == ["kuzu"]
    assert [v for v, _ in motions.complete(corpus, "Ku")] == ["Kuzu"]
    assert [v for v, _ in motions.complete(corpus, "KST-22")] == ["KST-22045-290"]
    assert motions.complete(corpus, "ku", kamerstuk_only=True) == []


# ── text.near: the fuzzy word match behind the search ──────────────────────


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("embargo", ["wapenembargo"], True),
        ("Kuzo", ["kuzu"], True),
        ("Rohinga", ["rohingya"], True),
        ("embarg0", ["wapenembargo"], True),
        ("klimaat", ["veiligheidsraadlidmaatschap"], False),  # two edits inside a compound is too loose
        ("kuz", ["kaz"], False),  # short words must match exactly
        ("hul", ["hul"], True),
        ("a", ["kamer", "tweede"], False),  # a short word never matches inside another
        ("de", ["de", "graaf"], True),
        ("", ["kuzu"], False),
        ("kuzu", [], False),
    ],
)
def test_near(word, candidates, expected):
    from vr2018.text.names import near

    assert near(word, candidates) is expected


# ── find and nothing_found: what `vr2018 motions` asks of the engine ────────


def test_find_without_a_query_lists_every_motion(corpus):
    assert motions.find(corpus) == corpus.motions
    assert motions.find(corpus, kamerstuk_only=True) == motions.by_kamerstuk(corpus)


def test_find_by_kamerstuk_or_by_words(corpus):
    assert [m.id for m in motions.find(corpus, "22045")] == [m.id for m in motions.matching(corpus, parse("22045"))]
    assert motions.find(corpus, "Kuzu") == motions.search(corpus, "Kuzu")
    assert motions.find(corpus, "Kuzu", kamerstuk_only=False)


@pytest.mark.parametrize(("query", "kamerstuk_only"), [("abc", True), ('""', False)])
def test_find_refuses_a_query_it_cannot_read_as_bad_usage(corpus, query, kamerstuk_only):
    with pytest.raises((NotAKamerstuk, Invalid, Empty)) as caught:
        motions.find(corpus, query, kamerstuk_only=kamerstuk_only)
    assert of_problem(caught.value) == ExitStatus.BAD_USAGE


def test_nothing_found_explains_by_kamerstuk_or_by_words(corpus):
    by_number = motions.nothing_found(corpus, "12345")
    assert isinstance(by_number, NoMotion) and by_number.kamerstuk
    assert of_problem(by_number) == ExitStatus.NOTHING_FOUND
    assert messages.line(by_number) == messages.line(motions.no_motion(corpus, "12345", parse("12345")))
    assert messages.line(motions.nothing_found(corpus, "xyz")) == messages.line(motions.no_words(corpus, "xyz"))
    by_flag = motions.nothing_found(corpus, "12345", kamerstuk_only=True)
    assert messages.line(by_flag).startswith("no motion in the letter")
    with pytest.raises(NoMotion):  # find raises it itself: nothing found is the engine's to say
        motions.find(corpus, "12345")
