"""Search in both languages: each paragraph's English rendering is indexed beside its Dutch."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vr2018.corpus.model import Paragraph
from vr2018.search import build_index, search, search_index
from vr2018.search.english import EN_OFFSET
from vr2018.search.index import dutch_only, index_for
from vr2018.text.english import stem_en


def pair(*texts: tuple[str, str]):
    paragraphs = [
        Paragraph(id=f"p{n}", section="s", fragment=1, text=nl, text_en=en) for n, (nl, en) in enumerate(texts, 1)
    ]
    return build_index(paragraphs, {})


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("security", "burgers-inzet"),
        ("war", "conflict-en-honger"),
        ("weapons", "rutte-26-september"),
        ("chemical", "rutte-26-september"),
        ("threats", "water-klimaat-expertise"),
        ("justice", "isis-berechting"),
        ("refugees", "myanmar-rohingya"),
        ("impunity", "rutte-26-september"),
        ("root causes", "conflict-en-honger"),
        ("arms control", "rutte-26-september"),
    ],
)
def test_a_plain_english_word_finds_the_paragraph_whose_translation_uses_it(corpus, query, expected):
    hits = search(corpus, query, limit=3).hits
    assert expected in [h.paragraph.id for h in hits]


def test_a_term_found_only_in_the_english_says_so(corpus):
    hit = search(corpus, "chemical").hits[0]
    assert hit.paragraph.id == "rutte-26-september"
    assert hit.why == (("chemical", "chemical", "english"),)
    assert hit.matches == () and hit.matches_en == ("chemical",)
    start, end = hit.spans_en[0]
    assert hit.paragraph.text_en[start:end] == "chemical"
    assert not hit.exact  # the letter's own words were not matched


def test_a_word_in_both_languages_is_reported_as_the_letter_writes_it(corpus):
    hit = search(corpus, "Rohingya").hits[0]
    assert hit.why == (("rohingya", "Rohingya", "exact"),)
    assert hit.matches == ("Rohingya",) and hit.matches_en == ("Rohingya",)
    assert hit.exact


def test_a_match_in_both_languages_counts_once():
    index = pair(
        ("De Rohingya keren terug.", "The Rohingya return."), ("De Rohingya keren terug.", "They go back home.")
    )
    scores = [h.score for h in search_index(index, "Rohingya").hits]
    assert len(scores) == 2 and scores[0] == scores[1]


def test_phrases_and_proximity_stay_within_one_language():
    index = pair(("Vrede", "Peace"), ("Vrede peace", "Peace"))
    assert [h.paragraph.id for h in search_index(index, '"vrede peace"').hits] == ["p2"]


def test_exact_is_the_letter_s_own_words_only(corpus):
    assert search(corpus, "security", exact=True).hits == ()
    assert search(corpus, "security", exact=True).absent == ("security",)
    assert [h.paragraph.id for h in search(corpus, "Rohingya", exact=True).hits] == ["myanmar-rohingya"]


def _dutch_positions(postings):
    """The letter's own words and where they stand, filtered all at once: what --exact searches."""
    out = {}
    for word, docs in postings.items():
        kept = {doc: [p for p in positions if p < EN_OFFSET] for doc, positions in docs.items()}
        kept = {doc: positions for doc, positions in kept.items() if positions}
        if kept:
            out[word] = kept
    return out


def test_exact_looks_up_the_same_postings_as_filtering_them_all_first(corpus):
    postings = index_for(corpus).postings
    lazy = dutch_only(index_for(corpus)).postings
    expected = _dutch_positions(postings)
    assert "chemical" in postings and "chemical" not in lazy and "chemical" not in expected  # English only
    assert "rohingya" in lazy and lazy["rohingya"] == expected["rohingya"]
    for word in postings:  # looked up one by one, as the engine does …
        assert (word in lazy) == (word in expected), word
        assert lazy.get(word) == expected.get(word), word
    assert dict(lazy) == expected and len(lazy) == len(expected)  # … and read whole


@given(st.lists(st.tuples(st.text("ab ", max_size=12), st.text("ab ", max_size=12)), min_size=1, max_size=4))
def test_exact_postings_match_filtering_them_all_first_on_any_text(texts):
    index = pair(*texts)
    assert dict(dutch_only(index).postings) == _dutch_positions(index.postings)


def test_english_words_are_not_read_as_parts_of_dutch_compounds(corpus):
    """'human' is not the start of 'humanitaire', nor 'city' the end of 'scarcity'."""
    for hit in search(corpus, "human", limit=30).hits:
        assert not [m for m in hit.matches + hit.matches_en if m.lower().startswith("humanit")]
    for hit in search(corpus, "city", limit=30).hits:
        assert "scarcity" not in hit.matches_en


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("weapons", "weapon"),
        ("weapon", "weapon"),
        ("refugees", "refuge"),
        ("refugee", "refuge"),
        ("threatened", "threaten"),
        ("threatens", "threaten"),
        ("countries", "country"),
        ("country", "country"),
        ("elected", "elect"),
        ("stopping", "stop"),
        ("called", "call"),
        ("processes", "process"),
        ("war", "war"),
    ],
)
def test_the_english_stemmer(word, stem):
    assert stem_en(word) == stem


def test_the_best_sentence_counts_the_english_too(corpus):
    hit = search(corpus, "refugees").hits[0]
    assert hit.paragraph.id == "myanmar-rohingya" and hit.sentence == 2


def test_an_index_of_paragraphs_without_words_answers_nothing():
    """Found by the property above: no paragraph with a word made the average length 0 (ZeroDivisionError)."""
    assert search_index(pair(("—", "…"), ("", "")), "vrede").hits == ()
