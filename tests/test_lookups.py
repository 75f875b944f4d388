"""Timeline order and filters; people, themes and motions found by role or in English."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vr2018 import themes
from vr2018.cli import messages
from vr2018.cli.status import ExitStatus, of_problem
from vr2018.corpus.model import Event
from vr2018.people import find_people, people_named
from vr2018.problems import Conflict, Invalid, NoEvents
from vr2018.timeline import dated, timeline, window_bound

# ── timeline order ──────────────────────────────────────────────────────────


def _event(date: str) -> Event:
    return Event(date=date, as_written=date, label=date, paragraph="inleiding")


def test_order_is_by_first_day_then_the_wider_date_first():
    dates = ["2017-10", "2018", "2017", "2017-10-05", "2017/2018", "2016/2019"]
    ordered = [e.date for e in sorted(map(_event, dates), key=lambda e: e.sort_key)]
    assert ordered == ["2016/2019", "2017/2018", "2017", "2017-10", "2017-10-05", "2018"]


def test_the_letters_timeline_is_in_that_order(corpus):
    keys = [e.sort_key for e in corpus.events]
    assert keys == sorted(keys)
    dates = [e.date for e in corpus.events]
    # the issue's case: "2017-2018" before "oktober 2017", and after "2017"'s start
    assert dates.index("2017/2018") < dates.index("2017") < dates.index("2017-10") < dates.index("2018")


@pytest.mark.parametrize(
    ("date", "span"),
    [
        ("2017", (20170101, 20171231)),
        ("2018-09", (20180901, 20180931)),
        ("2018-09-26", (20180926, 20180926)),
        ("2033/2034", (20330101, 20341231)),
    ],
)
def test_span(date, span):
    assert _event(date).span == span


# ── the window ──────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2018", 20180101, 20181231),
        ("2018-09", 20180901, 20180931),
        ("2018-9", 20180901, 20180931),
        ("2018-09-26", 20180926, 20180926),
        (" 2018-12 ", 20181201, 20181231),
    ],
)
def test_window_bound(text, first, last):
    assert window_bound(text) == first
    assert window_bound(text, last=True) == last


@pytest.mark.parametrize(
    "text", ["", "18", "2018-13", "2018-02-30", "sept 18", "2018/2019", "2018-09-26T10", "26 2018 september"]
)
def test_window_bound_rejects_in_one_line(text):
    with pytest.raises(Invalid) as caught:
        window_bound(text)
    assert caught.value.kind == "date" and caught.value.asked == text
    line = messages.line(caught.value)
    assert of_problem(caught.value) == 2 and "\n" not in line and "is not a date" in line


def test_september_to_december_2018(corpus):
    found = timeline(corpus, start=window_bound("2018-09"), end=window_bound("2018-12", last=True))
    dates = [e.date for e in found]
    assert {"2018-09-06", "2018-09-26", "2018-09-27", "2018-12"} <= set(dates)
    assert "2018-07-11" not in dates and "2019-02-15" not in dates and "2017" not in dates
    assert "2018" not in dates and "2017/2018" not in dates  # only partly in the window: left out
    assert [e.sort_key for e in found] == sorted(e.sort_key for e in found)


_iso = st.dates(min_value=__import__("datetime").date(1900, 1, 1), max_value=__import__("datetime").date(2100, 12, 31))


@given(st.tuples(_iso, _iso).map(sorted), st.sampled_from([4, 7, 10]), st.sampled_from([4, 7, 10]))
def test_window_is_exactly_the_events_within_it(bounds, a, b):
    from vr2018 import load_corpus

    corpus = load_corpus()
    since, until = bounds[0].isoformat()[:a], bounds[1].isoformat()[:b]
    start, end = window_bound(since), window_bound(until, last=True)
    found = timeline(corpus, start=start, end=end)
    for event in corpus.events:
        first, last = event.span
        assert (event in found) == (first >= start and last <= end)
    assert list(found) == [e for e in corpus.events if e in found]  # still in order


def test_person_filter(corpus):
    rutte = people_named(corpus, "rutte")
    assert [e.date for e in timeline(corpus, people=rutte)] == ["2018-09-26"]
    pms = people_named(corpus, "prime minister")
    assert [e.date for e in timeline(corpus, people=pms)] == [
        "2018-07-09",
        "2018-07-11",
        "2018-09-06",
        "2018-09-26",
    ]


# ── people by name, part of it, or role, in Dutch and English ──────────────


@pytest.mark.parametrize(
    "query",
    [
        "prime minister",
        "Prime Minister",
        "minister-president",
        "minister president",
        "president minister",
        "the prime minister",
        "PRIME MINISTER",
    ],
)
def test_prime_minister(corpus, query):
    found, _ = find_people(corpus, query)
    ids = [p.id for p in found]
    assert ids[0] == "rutte"  # the one whose role is exactly that
    assert "rhuggenaath" in ids and "wever-croes" in ids and "romeo-marlin" in ids
    assert "blok" not in ids


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("foreign minister", "blok"),
        ("minister of foreign affairs", "blok"),
        ("Minister van Buitenlandse Zaken", "blok"),
        ("prime minister of curacao", "rhuggenaath"),
        ("minister-president curaçao", "rhuggenaath"),
        ("Sint Maarten", "romeo-marlin"),
        ("secretary of state", "pompeo"),
        ("african union", "faki"),
        ("graaf de", "de-graaf"),
        ("den hul", "van-den-hul"),
        ("stef", "blok"),
        ("sigrid", "kaag"),
    ],
)
def test_found_by_part_or_role(corpus, query, first):
    found, _ = find_people(corpus, query)
    assert found and found[0].id == first


# ── themes and motions in English ──────────────────────────────────────────


@pytest.mark.parametrize(
    ("query", "theme"),
    [
        ("root causes", "conflictpreventie"),
        ("Justice and accountability", "rechtvaardigheid"),
        ("improving peace operations", "vredesoperaties"),
        ("Protection of civilians and the humanitarian imperative", "burgers"),
        ("UN reforms", "vn-hervorming"),
    ],
)
def test_theme_by_english_title(corpus, query, theme):
    assert themes.find(corpus, query).id == theme


def test_motions_by_english_subject(corpus):
    from vr2018 import motions

    assert [m.id for m in motions.search(corpus, "safe return")] == ["kuzu-van-den-hul-rohingya"]
    assert [m.id for m in motions.search(corpus, "European cooperation")] == ["de-graaf-europese-samenwerking"]


# ── the commands ────────────────────────────────────────────────────────────


def test_cli_timeline_window(invoke):
    result = invoke("timeline", "--from", "2018-09", "--to", "2018-12", "--json")
    assert result.exit_code == 0
    dates = [e["date"] for e in json.loads(result.stdout)]
    assert "2018-09-26" in dates and "2018-07-11" not in dates and "2019-02-15" not in dates
    text = invoke("timeline", "--from", "2018-09", "--to", "2018-12").stdout
    assert "from 2018-09 to 2018-12" in text.splitlines()[0]
    assert text.index("6 september") < text.index("26 september") < text.index("december")


@pytest.mark.parametrize(
    "args", [("--from", "2018-13"), ("--to", "soon"), ("--from", "2019", "--to", "2018"), ("--person", "  ")]
)
def test_cli_timeline_bad_values(invoke, args):
    result = invoke("timeline", *args)
    assert result.exit_code == 2
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1


def test_cli_timeline_nothing_in_window(invoke):
    result = invoke("timeline", "--from", "2020", "--to", "2030", "--json")
    assert result.exit_code == 1 and json.loads(result.stdout) == []
    assert "no dated events from 2020 to 2030" in result.stderr


def test_cli_timeline_person(invoke):
    result = invoke("timeline", "--person", "prime minister")
    assert result.exit_code == 0
    assert "Rutte" in result.stdout and "Rhuggenaath" in result.stdout and "Blok" not in result.stdout
    assert invoke("timeline", "--person", "kuzu").exit_code == 1


@pytest.mark.parametrize("query", ["prime minister", "minister-president", "foreign minister"])
def test_cli_people_by_role(invoke, query):
    result = invoke("people", *query.split(), "--json")
    assert result.exit_code == 0
    ids = [p["id"] for p in json.loads(result.stdout)]
    assert ids[0] == ("blok" if "foreign" in query else "rutte")
    if "foreign" not in query:
        assert "rhuggenaath" in ids


# ── Kamerstuk notations, resolutions, completion ───────────────────────────


@pytest.mark.parametrize(
    ("text", "dossier", "number", "chapter"),
    [
        ("34550 V D", "34550", "D", "V"),
        ("34550-V-D", "34550", "D", "V"),
        ("34 550 V, D", "34550", "D", "V"),
        ("Kamerstuk 34 550 V, D", "34550", "D", "V"),
        ("TK 22045-290", "22045", "290", None),
        ("tk 22 045, nr. 290", "22045", "290", None),
        ("EK 34550-D", "34550", "D", None),
        ("Eerste Kamer 34550 V D", "34550", "D", "V"),
        ("Tweede Kamer, Kamerstuk 22045-290", "22045", "290", None),
        ("35000 XVII 12", "35000", "12", "XVII"),
    ],
)
def test_more_notations(text, dossier, number, chapter):
    from vr2018.letter.kamerstuk import KamerstukKey, looks_like, parse

    assert parse(text) == KamerstukKey(dossier, number, chapter)
    assert looks_like(text)


def test_a_chapter_the_letter_leaves_out_still_matches():
    from vr2018.letter.kamerstuk import parse

    assert parse("34550 V D").matches("34550", "D", None)  # the letter cites "34 550, D"
    assert not parse("34550 V E").matches("34550", "D", None)
    assert not parse("34550 VI D").matches("34550", "D", "V")


@pytest.mark.parametrize("query", ["34550 V D", "34550-V-D", "TK 22045-290", "EK 34550-D"])
def test_cli_motions_accept_the_notations(invoke, query):
    for args in (("--kamerstuk", *query.split()), tuple(query.split())):
        result = invoke("motions", *args, "--json")
        assert result.exit_code == 0, result.stderr
        assert len(json.loads(result.stdout)) == 1


def test_cli_kamerstuk_2231_is_a_resolution(invoke):
    result = invoke("motions", "--kamerstuk", "2231")
    assert result.exit_code == 1  # a well-formed Kamerstuk; no motion is on it
    assert "UN Security Council resolution" in result.stderr and "vr2018 refs" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    bad = invoke("motions", "--kamerstuk", "S/RES/2231")
    assert bad.exit_code == 2  # not a Kamerstuk notation at all
    assert "vr2018 refs" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_search_still_reads_the_notations(corpus):
    from vr2018 import search

    for query in ("TK 22045-290", "22045-290"):
        hits = search.search(corpus, query).hits
        assert hits and "kst-22045-290" in hits[0].paragraph.references


@pytest.mark.parametrize(
    ("typed", "before", "expected"),
    [
        ("De", (), "De Graaf"),
        ("van", (), "van den Hul"),
        ("Van d", (), "Van den Hul"),
        ("G", ("de",), "Graaf"),
        ("H", ("van", "den"), "Hul"),
        ("KU", (), "KUZU"),
        ("", (), "De Graaf"),
    ],
)
def test_completion_offers_every_submitter(corpus, typed, before, expected):
    from vr2018 import motions

    values = [v for v, _ in motions.complete(corpus, typed, before=before)]
    assert expected in values
    assert all(v.startswith(typed) for v in values)


def test_bash_completion_of_a_name_of_several_words(runner):
    from vr2018.cli.main import app

    for words, expected in (
        ("vr2018 motions De", "De Graaf"),
        ("vr2018 motions de G", "Graaf"),
        ("vr2018 motions van den H", "Hul"),
    ):
        env = {"_VR2018_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
        result = runner.invoke(app, [], env=env)
        assert expected in result.stdout.splitlines()


def test_dated_is_the_timeline_as_the_command_filters_it(corpus):
    found = dated(corpus, since="2018-09", until="2018-12", person="rutte")
    assert (found.since, found.until, found.people) == ("2018-09", "2018-12", ("Rutte",))
    assert found.events and messages.narrowing(found.since, found.until, found.people) == (
        "naming Rutte from 2018-09 to 2018-12"
    )
    assert found.events == timeline(
        corpus,
        start=window_bound("2018-09"),
        end=window_bound("2018-12", last=True),
        people=people_named(corpus, "rutte"),
    )
    with pytest.raises(Conflict) as reversed_window:
        dated(corpus, since="2019", until="2018")
    assert messages.line(reversed_window.value) == "--from 2019 is after --to 2018"
    assert of_problem(reversed_window.value) == ExitStatus.BAD_USAGE
    with pytest.raises(NoEvents) as nothing:
        dated(corpus, until="1900")
    assert of_problem(nothing.value) == ExitStatus.NOTHING_FOUND and "to 1900" in messages.line(nothing.value)
