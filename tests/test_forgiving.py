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
from vr2018.cli.status import of_problem
from vr2018.corpus.lang import DUTCH_MONTHS, ENGLISH_MONTHS
from vr2018.letter.paragraphs import paragraph_named
from vr2018.people import _name_words, look_up
from vr2018.problems import Conflict, Invalid, NoEvents, OutOfRange
from vr2018.text.dates import month_number, read_when
from vr2018.timeline import dated, gathered, letter_year

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
    assert of_problem(caught.value) == 2


def test_completion_after_a_paragraph_number():
    from vr2018.cli.completion import paragraph_candidates

    values = [v for v, _ in paragraph_candidates(CORPUS, "3:")]
    assert values == [f"3:{n}" for n in range(1, len(values) + 1)] and len(values) == 3
    assert paragraph_candidates(CORPUS, "30:") == []


# ── timeline: a month or year, in Dutch or English ──────────────────────────


_MONTHS = [(n, name) for n in range(1, 13) for name in (DUTCH_MONTHS[n - 1], ENGLISH_MONTHS[n - 1])]


@given(
    st.sampled_from(_MONTHS),
    st.integers(min_value=1, max_value=9999),
    st.data(),
)
def test_every_month_name_and_abbreviation_round_trips(month, year, data):
    n, name = month
    cut = data.draw(st.integers(min_value=3, max_value=len(name)))
    word = data.draw(st.sampled_from([name[:cut], name[:cut].upper(), name[:cut].capitalize()]))
    word += data.draw(st.sampled_from(["", "."]))
    assert month_number(word) == n
    for text in (f"{word} {year:04d}", f"{year:04d} {word}", f"  {word}   {year:04d} "):
        assert read_when(text) == read_when(f"{year:04d}-{n:02d}")
        assert read_when(text).iso == f"{year:04d}-{n:02d}" and not read_when(text).year_inferred
    alone = read_when(word, 2018)
    assert alone.iso == f"2018-{n:02d}" and alone.year_inferred


@pytest.mark.parametrize(
    ("text", "iso", "inferred"),
    [
        ("september 2018", "2018-09", False),
        ("sept 2018", "2018-09", False),
        ("sep 2018", "2018-09", False),
        ("Sept. 2018", "2018-09", False),
        ("2018-09", "2018-09", False),
        ("2018-9", "2018-09", False),
        ("september", "2018-09", True),
        ("2018", "2018", False),
        ("okt 2018", "2018-10", False),
        ("oct 2018", "2018-10", False),
        ("mrt 2018", "2018-03", False),  # Dutch's own abbreviation of maart
        ("mei", "2018-05", True),
        ("26 september 2018", "2018-09-26", False),
        ("6 juli", "2018-07-06", True),
        ("2018-09-26", "2018-09-26", False),
    ],
)
def test_read_when(text, iso, inferred):
    found = read_when(text, 2018)
    assert (found.iso, found.year_inferred) == (iso, inferred)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("ma 2018", "form"),  # maart or mei
        ("sept 18", "form"),
        ("september 26 2018", "form"),
        ("2018 2019", "form"),
        ("setpember 2018", "month"),
        ("30 februari 2018", "calendar"),
        ("2018-00", "calendar"),
    ],
)
def test_read_when_refuses(text, reason):
    with pytest.raises(Invalid) as caught:
        read_when(text, 2018)
    assert caught.value.reason == reason and caught.value.asked == text
    line = messages.line(caught.value)
    assert "\n" not in line and of_problem(caught.value) == 2


def test_a_month_without_a_year_needs_one_where_none_is_given():
    with pytest.raises(Invalid) as caught:
        read_when("september")
    assert caught.value.reason == "no-year"


@given(st.text(max_size=40))
def test_nonsense_raises_only_the_domain_error(text):
    try:
        found = read_when(text, 2018)
    except Invalid as exc:
        assert exc.kind == "date"
        assert "\n" not in messages.line(exc)
    else:
        assert found.first <= found.last


def test_the_letters_year_is_the_year_it_looks_back_on():
    assert letter_year(CORPUS) == 2018


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((None, None, None, "september 2018"), (None, None, "september 2018")),
        ((None, None, "september", "2018"), (None, None, "september 2018")),
        (("september", None, None, "2018"), ("september 2018", None, None)),
        (("september", "december", None, "2018"), ("september 2018", "december 2018", None)),
        (("2018-09", None, None, "2019"), ("2018-09", None, "2019")),
        ((None, None, "2018", "september"), (None, None, "2018 september")),
        (("2018", "2019", None, None), ("2018", "2019", None)),
    ],
)
def test_gathered_puts_back_what_the_shell_split(args, expected):
    assert gathered(*args) == expected


def test_within_is_its_first_to_its_last_day():
    september = dated(CORPUS, within="september")
    assert [e.date for e in september.events] == ["2018-09-06", "2018-09-26", "2018-09-27"]
    assert (september.within, september.year) == ("september [2018]", 2018)
    assert dated(CORPUS, within="2018-09").events == september.events
    assert dated(CORPUS, within="sep 2018").year is None
    year = dated(CORPUS, within="2018").events
    assert "2018" in [e.date for e in year] and "2017/2018" not in [e.date for e in year]
    narrowed = dated(CORPUS, within="2018", since="september")  # the days both allow
    assert narrowed.events == september.events + tuple(e for e in year if e.date == "2018-12")
    with pytest.raises(Conflict) as outside:
        dated(CORPUS, within="2018", since="2019")
    assert messages.line(outside.value) == "--from 2019 leaves no day of 2018"
    with pytest.raises(NoEvents) as nothing:
        dated(CORPUS, within="januari")
    assert messages.line(nothing.value) == (
        "no dated events in januari [2018] ([2018]: no year given, so 2018, the year the letter looks back on)"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("september",),
        ("sept", "2018"),
        ("sep", "2018"),
        ("2018-09",),
        ("--in", "september"),
        ("--in", "september", "2018"),
        ("--in", "september 2018"),
        ("september", "--to", "2018-12"),
        ("--from", "september", "2018", "--to", "2018-09-30"),
        ("--from", "september 2018", "--to", "sept 2018"),
    ],
)
def test_cli_timeline_september(invoke, args):
    result = invoke("timeline", *args, "--json")
    assert result.exit_code == 0, result.stderr
    assert [e["date"] for e in json.loads(result.stdout)] == ["2018-09-06", "2018-09-26", "2018-09-27"]


def test_cli_timeline_says_the_year_it_inferred(invoke):
    result = invoke("timeline", "september")
    lines = result.stdout.splitlines()
    assert lines[0] == "Timeline: 3 dated events in the letter, in september [2018]"
    assert lines[-1] == "[2018]: no year given, so 2018, the year the letter looks back on."
    assert "no year given" not in invoke("timeline", "september", "2018").stdout


@pytest.mark.parametrize("args", [("septober",), ("--in", "soon"), ("--from", "sept 18"), ("2018", "2019", "x")])
def test_cli_timeline_bad_when_one_line(invoke, args):
    result = invoke("timeline", *args)
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "is not a date" in line and "september 2018" in line  # says what forms work


def test_timeline_help_says_what_is_in_the_window(invoke):
    text = " ".join(invoke("timeline", "--help").stdout.split())
    assert "if any part of its date lies in the window" not in text
    assert "An event is listed only if every day its date can mean lies in the window" in text
    assert '"2018" is not in --from 2018-09' in text
