"""Folding, tokenising and stemming: the one definition of "the same word"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vr2018.text.dutch import stem
from vr2018.text.fold import compounds, fold, tokens, words
from vr2018.text.stopwords import STOPWORDS


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Curaçao", "Curacao"),
        ("Haïti", "haiti"),
        ("Italië", "ITALIE"),
        ("Libië", "libie"),
        ("Syrië", "Syrie"),
        ("sanctiecomité", "sanctiecomite"),
        ("beïnvloeden", "beinvloeden"),
        ("Straße", "strasse"),
    ],
)
def test_fold_is_case_and_accent_blind_both_ways(a, b):
    assert fold(a) == fold(b)
    assert words(a) == words(b)


def test_fold_plain_dashes_and_quotes():
    assert fold("conflictpreventie en –beslechting") == "conflictpreventie en -beslechting"
    assert fold("“Samen tegen Mensenhandel”") == '"samen tegen mensenhandel"'
    assert fold("thema’s") == "thema's"


def test_words_split_on_hyphens_slashes_and_punctuation():
    assert words("Noord-Korea") == ["noord", "korea"]
    assert words("ISIS/Al Qaeda-sanctiecomité") == ["isis", "al", "qaeda", "sanctiecomite"]
    assert words("resolutie 2396 (2017)") == ["resolutie", "2396", "2017"]
    assert words("  ...  ") == []


def test_tokens_carry_spans_into_the_original_text():
    text = "Minister-president Rhuggenaath van Curaçao; Haïti."
    found = tokens(text)
    assert [t.word for t in found] == ["minister", "president", "rhuggenaath", "van", "curacao", "haiti"]
    assert [text[t.start : t.end] for t in found] == ["Minister", "president", "Rhuggenaath", "van", "Curaçao", "Haïti"]


def test_tokens_spans_survive_characters_that_fold_to_two_or_none():
    text = "Straße e\u0301n Cura\u0327cao"  # ß → ss; a decomposed é; a combining cedilla
    found = tokens(text)
    assert [t.word for t in found] == ["strasse", "en", "curacao"]
    assert [text[t.start : t.end] for t in found] == ["Straße", "e\u0301n", "Cura\u0327cao"]


def test_compounds_join_hyphenated_and_slashed_words():
    text = "Noord-Korea, Wever-Croes en ISIS/Al Qaeda, niet - los"
    joined = compounds(text)
    assert [t.word for t in joined] == ["noordkorea", "wevercroes", "isisal"]
    assert [text[t.start : t.end] for t in joined] == ["Noord-Korea", "Wever-Croes", "ISIS/Al"]


@pytest.mark.parametrize(
    "group",
    [
        ("sanctie", "sancties"),
        ("mensenhandelaar", "mensenhandelaren"),
        ("conflict", "conflicten"),
        ("vredesmissie", "vredesmissies"),
        ("resolutie", "resoluties"),
        ("wapen", "wapens"),
        ("land", "landen"),
        ("jaar", "jaren"),
        ("staat", "staten"),
        ("brief", "brieven"),
        ("mogelijkheid", "mogelijkheden"),
    ],
)
def test_stem_brings_dutch_inflections_together(group):
    assert len({stem(w) for w in group}) == 1


def test_stem_keeps_distinct_words_apart_and_leaves_numbers_alone():
    assert stem("klimaat") != stem("klimaatverandering")
    assert stem("raad") != stem("rood")
    assert stem("2396") == "2396"
    assert stem("vn") == "vn"


def test_stopwords_are_folded_function_words():
    assert {"de", "het", "van", "the", "of"} <= STOPWORDS
    assert all(w == fold(w) and words(w) == [w] for w in STOPWORDS)
    assert not {"raad", "vrede", "honger", "iran"} & STOPWORDS


@given(st.text())
def test_tokens_agree_with_words_for_any_text(text):
    found = tokens(text)
    assert [t.word for t in found] == words(text)
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.word in words(text[t.start : t.end])


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.from_regex(r"[a-z]{1,20}", fullmatch=True))
def test_stem_never_grows_or_empties_a_word(word):
    s = stem(word)
    assert 0 < len(s) <= len(word)


# ── what a terminal acts on: one list for clean(), JSON output and the tests ──


def test_terminal_active_characters_are_removed_by_clean_and_escaped_in_json():
    import json

    from vr2018.text.clean import TERMINAL_ACTIVE, clean, escape_terminal_active

    for c in "\x00\x1b\x7f\x9b\u061c\u180e\u200b\u202e\u2028\u2066\ufeff\ud800":  # one of each kind
        assert TERMINAL_ACTIVE.fullmatch(c), repr(c)
    for c in "\t\n aé€\u00a0":
        assert not TERMINAL_ACTIVE.search(c), repr(c)
    every = " ".join(map(chr, range(0x10000)))  # the whole Basic Multilingual Plane (spaced: no surrogate pairs)
    assert not TERMINAL_ACTIVE.search(clean(every))
    escaped = escape_terminal_active(json.dumps(every, ensure_ascii=False))
    assert not TERMINAL_ACTIVE.search(escaped) and json.loads(escaped) == every


def test_every_terminal_active_character_is_unprintable_so_printable_text_is_inert():
    """clean() and the JSON escaping skip the regular expression for text Python calls
    printable: that is sound only while no character of TERMINAL_ACTIVE is printable."""
    from vr2018.text.clean import TERMINAL_ACTIVE, inert

    active = [chr(cp) for cp in range(0x110000) if TERMINAL_ACTIVE.fullmatch(chr(cp))]
    assert len(active) > 2000  # the surrogates, C0, C1 and the formatting characters
    assert not any(ch.isprintable() for ch in active)
    assert all(not inert(f"text {ch} text") for ch in active if ch not in "\t\n")
    assert inert("Curaçao, Sint-Maarten en Aruba\n\tzeker")
