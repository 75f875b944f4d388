"""Lookups that forgive what people type (issue 20, point 5): people by a full name the letter
does not print, by a slip or by role in either language; `show N` as the N-th paragraph;
`timeline` by a month or year in Dutch or English."""

from __future__ import annotations

import json
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vr2018 import load_corpus
from vr2018.cli import messages
from vr2018.letter.paragraphs import paragraph_named
from vr2018.people import _name_words, look_up
from vr2018.problems import OutOfRange

CORPUS = load_corpus()


# ── people: a full name the letter does not print ──────────────────────────


@pytest.mark.parametrize(
    ("query", "person", "unprinted"),
    [
        ("Mark Rutte", "rutte", ("Mark",)),
        ("mark rutte", "rutte", ("mark",)),
        ("M. Rutte", "rutte", ("M",)),
        ("Piet de Graaf", "de-graaf", ("Piet",)),
        ("Mark Weaver", "wever-croes", ("Mark",)),
        ("Stef Blok", "blok", ()),  # the letter prints "Stef Blok" (signature)
        ("Sigrid Kaag", "kaag", ()),  # … and "Sigrid A.M. Kaag"
        ("S. Blok", "blok", ()),  # an initial of a name it prints
        ("Prime Minister Mark Rutte", "rutte", ("Mark",)),
    ],
)
def test_a_full_name_finds_the_surname_the_letter_prints(query, person, unprinted):
    found = look_up(CORPUS, query)
    assert [p.id for p in found.people] == [person]
    assert found.unprinted == unprinted


@pytest.mark.parametrize("query", ["Mark minister", "Mark", "prime minister of France", "Stef Rutte"])
def test_words_set_aside_only_when_the_rest_names_someone_by_name(query):
    assert look_up(CORPUS, query).people == ()


def test_a_contradictory_name_suggests_both_people():
    assert set(look_up(CORPUS, "Stef Rutte").suggestions) == {"Rutte", "Stef Blok"}


def test_cli_says_the_first_name_is_not_in_the_letter(invoke):
    result = invoke("people", "Mark", "Rutte")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "The letter does not call this person 'Mark Rutte': it writes only Rutte or minister-president Rutte."
    )
    assert not any("Mark" in line for line in lines[1:])  # never shown as the letter's
    assert lines[2] == "Rutte  rutte"
    data = json.loads(invoke("people", "Mark", "Rutte", "--json").stdout)
    assert [p["id"] for p in data] == ["rutte"] and "Mark" not in json.dumps(data)


def test_cli_names_the_letter_prints_get_no_note(invoke):
    for name in (("Stef", "Blok"), ("Sigrid", "Kaag"), ("kaag",)):
        result = invoke("people", *name)
        assert result.exit_code == 0
        assert "does not call" not in result.stdout and "Read " not in result.stdout


# ── people: a slip ──────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("query", "person", "read"),
    [
        ("weaver", "wever-croes", ("weaver", "Wever")),
        ("weever", "wever-croes", ("weever", "Wever")),
        ("Wevre-Croes", "wever-croes", ("Wevre", "Wever")),
        ("Rhugenaath", "rhuggenaath", ("Rhugenaath", "Rhuggenaath")),
        ("Pmopeo", "pompeo", ("Pmopeo", "Pompeo")),  # two letters swapped
        ("prime minster", "rutte", ("minster", "minister")),
    ],
)
def test_a_slip_of_five_letters_or_more_is_read_as_the_letters_word(query, person, read):
    found = look_up(CORPUS, query)
    assert found.people[0].id == person
    assert read in found.read_as


@pytest.mark.parametrize(
    ("query", "suggested"), [("Rute", "Rutte"), ("Kaga", "Sigrid A.M. Kaag"), ("Mark Rute", "Rutte")]
)
def test_a_short_slip_is_suggested(query, suggested):
    found = look_up(CORPUS, query)
    assert found.people == () and suggested in found.suggestions


def test_cli_slip(invoke):
    result = invoke("people", "weaver")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Read 'weaver' as 'Wever': the letter's spelling."
    assert "Wever-Croes  wever-croes" in result.stdout
    rute = invoke("people", "Rute")
    assert rute.exit_code == 1 and rute.stderr == "vr2018: nobody called 'Rute' in the letter; did you mean: Rutte?\n"


def _slips(word: str) -> list[str]:
    """Every word one slip from ``word``: a letter dropped, changed or added, two swapped."""
    letters = string.ascii_lowercase
    out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    out |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in letters}
    out |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    return sorted(out - {word})


_SURNAMES = [(p, w) for p in CORPUS.people for w in sorted(_name_words(p)) if len(w) >= 4]


@given(st.sampled_from(_SURNAMES).flatmap(lambda pw: st.tuples(st.just(pw[0]), st.sampled_from(_slips(pw[1])))))
def test_one_slip_in_a_name_finds_or_suggests_the_person(case):
    person, slipped = case
    found = look_up(CORPUS, slipped)
    assert person in found.people or person.name in found.suggestions, slipped


# ── people: by role, in either language ─────────────────────────────────────


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("prime minister", "rutte"),
        ("minister-president", "rutte"),
        ("Minister of Foreign Affairs", "blok"),
        ("minister van Buitenlandse Zaken", "blok"),
        ("minister for foreign trade", "kaag"),
        ("minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", "kaag"),
        ("prime minister of Aruba", "wever-croes"),
        ("minister-president of Curaçao", "rhuggenaath"),
        ("Chairperson of the African Union Commission", "faki"),
        ("Voorzitter van de Afrikaanse Unie Commissie", "faki"),
        ("President of the United States", "trump"),
        ("Senate motion", "de-graaf"),
    ],
)
def test_role_words_in_either_language(invoke, query, first):
    result = invoke("people", *query.split(), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["id"] == first


# ── show N: the N-th paragraph in reading order ─────────────────────────────


@pytest.mark.parametrize("n", range(1, len(CORPUS.paragraphs) + 1))
def test_show_n_is_the_nth_paragraph_show_prints(invoke, n):
    result = invoke("show", str(n))
    assert result.exit_code == 0
    assert f"paragraph {n} of {len(CORPUS.paragraphs)} in this copy" in result.stdout
    assert f"\n¶ {CORPUS.paragraphs[n - 1].id}\n" in "\n" + result.stdout  # after a gap marker, if any


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0", "no paragraph 0: this copy of the letter has paragraphs 1 to 23, in reading order (see 'vr2018 toc')"),
        ("24", "no paragraph 24: this copy of the letter has paragraphs 1 to 23, in reading order (see 'vr2018 toc')"),
        (
            "2231",
            "no paragraph 2231: this copy of the letter has paragraphs 1 to 23, in reading order; "
            "did you mean: iran-2231?",
        ),
        (
            "9" * 40,
            f"no paragraph {'9' * 29}…: this copy of the letter has paragraphs 1 to 23, in reading order "
            "(see 'vr2018 toc')",
        ),
    ],
)
def test_show_n_out_of_range_says_the_range(invoke, typed, expected):
    result = invoke("show", typed)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"vr2018: {expected}\n"


def test_n_colon_m_is_the_nth_paragraphs_sentence(invoke):
    third = CORPUS.paragraphs[2].id
    by_number = json.loads(invoke("show", "3:2", "--json").stdout)
    by_id = json.loads(invoke("show", f"{third}:2", "--json").stdout)
    assert by_number == by_id and by_number["sentence"] == 2
    bad = invoke("show", "3:9")
    assert bad.exit_code == 2 and f"{third} has" in bad.stderr
    assert invoke("show", "99:1").exit_code == 2
    assert invoke("cite", "3").stdout == invoke("cite", third).stdout


def test_paragraph_numbers_in_the_engine():
    assert paragraph_named(CORPUS, "１").id == CORPUS.paragraphs[0].id  # a full-width digit folds
    assert paragraph_named(CORPUS, " 03 ").id == CORPUS.paragraphs[2].id
    with pytest.raises(OutOfRange) as caught:
        paragraph_named(CORPUS, "26")
    assert caught.value.count == 23 and caught.value.candidates == ("rutte-26-september",)
    assert messages.status(caught.value) == 2


def test_completion_after_a_paragraph_number():
    from vr2018.cli.completion import paragraph_candidates

    values = [v for v, _ in paragraph_candidates(CORPUS, "3:")]
    assert values == [f"3:{n}" for n in range(1, len(values) + 1)] and len(values) == 3
    assert paragraph_candidates(CORPUS, "30:") == []
