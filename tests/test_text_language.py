"""The text's language: the flag, else VR2018_LANG, else the locale's (Dutch or English), else
Dutch; and a search nobody chose a language for answers in the language of its question."""

from __future__ import annotations

import json

import pytest
from conftest import calm
from hypothesis import given
from hypothesis import strategies as st

from vr2018.i18n import interface_language, locale_language, text_language

DUTCH = "Zo hebben we tijdens ons voorzitterschap"
ENGLISH = "For example, during our presidency"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"LANG": "C"}, None),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_BE@euro"}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "nl_NL.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "de:nl"}, "nl"),  # gettext tries German, then Dutch
        ({"LANG": "nl_NL.UTF-8", "LANGUAGE": "fr"}, None),
        ({"LANGUAGE": "", "LC_ALL": "", "LANG": "nl_NL"}, "nl"),  # an empty variable is not set
    ],
)
def test_the_locale_is_read_as_gettext_reads_it(environ, expected):
    assert locale_language(environ) == expected
    assert interface_language(environ) == ("nl" if expected == "nl" else "en")


@pytest.mark.parametrize(
    ("given_", "environ", "expected"),
    [
        ("en", {"VR2018_LANG": "nl", "LANG": "nl_NL.UTF-8"}, "en"),  # the flag first
        (None, {"VR2018_LANG": "both", "LANG": "nl_NL.UTF-8"}, "both"),  # then the variable
        (None, {"LANG": "en_US.UTF-8"}, "en"),  # then the locale
        (None, {"LANG": "de_DE.UTF-8"}, "nl"),  # else the letter's own language
        (None, {}, "nl"),
    ],
)
def test_the_text_language_rule(given_, environ, expected):
    assert text_language(given_, environ) == expected


@given(st.dictionaries(st.sampled_from(["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]), st.text(max_size=30)))
def test_any_locale_gives_one_of_the_two_interface_languages(environ):
    assert interface_language(environ) in ("nl", "en")
    assert locale_language(environ) in (None, "nl", "en")


@pytest.mark.parametrize(
    ("environ", "shown"),
    [
        ({"LANG": "en_US.UTF-8"}, ENGLISH),
        ({"LANG": "nl_NL.UTF-8"}, DUTCH),
        ({"LANG": "C.UTF-8"}, DUTCH),
        ({"LANG": "en_US.UTF-8", "VR2018_LANG": "nl"}, DUTCH),
        ({"LANG": "nl_NL.UTF-8", "VR2018_LANG": "en"}, ENGLISH),
    ],
)
def test_show_follows_the_text_language_rule(invoke, monkeypatch, environ, shown):
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    result = invoke("show", "myanmar-rohingya:1")
    calm(result)
    assert shown in result.stdout
    assert (DUTCH if shown == ENGLISH else ENGLISH) not in result.stdout


def test_the_flag_wins_over_the_locale(invoke, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = invoke("show", "myanmar-rohingya:1", "--lang", "nl")
    assert DUTCH in result.stdout and ENGLISH not in result.stdout


def test_an_english_question_is_answered_in_english_and_says_so(invoke):
    result = invoke("search", "chemical", "weapons")
    calm(result)
    assert "the use of chemical weapons" in result.stdout
    assert "gebruik van chemische wapens" not in result.stdout
    assert "--lang nl" in result.stdout  # how to see the Dutch original


def test_a_dutch_question_is_answered_in_dutch_under_an_english_locale(invoke, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    result = invoke("search", "chemische", "wapens")
    calm(result)
    assert "gebruik van chemische wapens" in result.stdout
    assert "--lang en" in result.stdout


@pytest.mark.parametrize("chosen", [("--lang", "nl"), ("--lang", "en")])
def test_a_chosen_language_is_kept_whatever_the_question(invoke, chosen):
    english_question = invoke("search", "chemical", "weapons", *chosen)
    dutch_question = invoke("search", "chemische", "wapens", *chosen)
    for result in (english_question, dutch_question):
        calm(result)
        assert "language of your question" not in result.stdout
    wanted = "the use of chemical weapons" if chosen[1] == "en" else "gebruik van chemische wapens"
    assert wanted in english_question.stdout and wanted in dutch_question.stdout


def test_a_question_that_tells_no_language_keeps_the_default(invoke):
    result = invoke("search", "Rohingya")  # a name both texts write
    assert "language of your question" not in result.stdout
    assert "Rohingya" in result.stdout


def test_json_keeps_both_languages_whatever_the_question(invoke):
    hits = json.loads(invoke("search", "chemical", "weapons", "--json").stdout)
    assert hits and hits[0]["paragraph"]["text"] and hits[0]["paragraph"]["text_en"]
