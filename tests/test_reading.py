"""The reading views' engine (vr2018.letter.paragraphs) and the data it rests on: events and people."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vr2018 import load_corpus
from vr2018.cli.status import of_problem
from vr2018.corpus.lang import DUTCH_MONTHS, Lang, section_title
from vr2018.corpus.model import Event
from vr2018.letter import citation_formats, citation_words, citations
from vr2018.letter.outline import gaps
from vr2018.letter.paragraphs import counts, find_paragraph, neighbours, paragraph_named, word_count
from vr2018.people import find_people, people_named, person_names, person_paragraphs
from vr2018.timeline import date_label, dated, timeline

CORPUS = load_corpus()
IDS = [p.id for p in CORPUS.paragraphs]


def span(event: Event) -> tuple[dt.date, dt.date]:
    """The first and last day an event's date can mean."""
    if event.precision == "range":
        first, last = event.date.split("/")
        return dt.date(int(first), 1, 1), dt.date(int(last), 12, 31)
    if event.precision == "year":
        year = int(event.date)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if event.precision == "month":
        start = dt.date.fromisoformat(event.date + "-01")
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, following - dt.timedelta(days=1)
    day = dt.date.fromisoformat(event.date)
    return day, day


# ── events and people: the data ────────────────────────────────────────────


def test_enough_events_in_chronological_order(corpus):
    events = timeline(corpus)
    assert len(events) >= 12
    # No event lies wholly before an earlier-listed one.
    for i, earlier in enumerate(events):
        for later in events[i + 1 :]:
            assert span(earlier)[0] <= span(later)[1], (earlier.date, later.date)


def test_the_letter_its_earlier_letter_and_dated_motion_are_on_the_timeline(corpus):
    dates = {e.date for e in corpus.events}
    assert corpus.letter.date in dates
    assert "2017-10" in dates  # the letter of October 2017 (Kamerstuk 26 150; nr. 168)
    assert {m.date for m in corpus.motions if m.date} <= dates


def test_inferred_years_are_exactly_those_the_letter_does_not_write(corpus):
    for event in corpus.events:
        years = re.findall(r"\d{4}", event.as_written)
        if event.year_inferred:
            assert not years, event.as_written
            assert event.date[:4] == "2018", "the letter looks back on 2018"
        else:
            assert event.date[:4] in years, event.as_written


def test_event_labels_are_dutch_one_liners(corpus):
    for event in corpus.events:
        assert "\n" not in event.label and len(event.label) < 200
        assert event.label[0].isupper()


def test_enough_people_each_with_a_role_and_what_they_did(corpus):
    assert len(corpus.people) >= 10
    for person in corpus.people:
        assert person.role and person.did
        assert person_paragraphs(corpus, person), person.id


def test_what_people_did_cites_paragraphs_that_name_them(corpus):
    for person in corpus.people:
        for did in person.did:
            for pid in did.paragraphs:
                assert person.id in corpus.paragraph(pid).people, (person.id, pid)


def test_no_first_names_the_letter_does_not_print(corpus, source_text):
    text = source_text
    for person in corpus.people:
        for word in person.name.split():
            assert word in text, f"{person.id}: {word!r} is not in the letter"


# ── dates ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("date", "inferred", "label"),
    [
        ("1945", False, "1945"),
        ("2033/2034", False, "2033-2034"),
        ("2018-04", False, "april 2018"),
        ("2018-03", True, "maart [2018]"),
        ("2018-07-06", True, "6 juli [2018]"),
        ("2018-09-26", False, "26 september 2018"),
    ],
)
def test_date_label_at_the_letters_precision(date, inferred, label):
    assert date_label(Event(date, "x", "x", "inleiding", inferred)) == label


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.booleans())
def test_date_label_reads_back_as_the_date(day, inferred):
    label = date_label(Event(day.isoformat(), "x", "x", "inleiding", inferred))
    number, month, year = label.split(" ")
    assert int(number) == day.day
    assert DUTCH_MONTHS.index(month) + 1 == day.month
    assert year == (f"[{day.year}]" if inferred else str(day.year))


def test_every_event_has_a_label_in_the_timeline_order(corpus):
    labels = [date_label(e) for e in corpus.events]
    assert len(labels) == len(corpus.events) and all(labels)


# ── paragraphs ──────────────────────────────────────────────────────────────


@given(st.sampled_from(IDS), st.data())
def test_find_paragraph_by_id_or_unambiguous_prefix_in_any_case(pid, data):
    unique = [n for n in range(1, len(pid) + 1) if sum(i.startswith(pid[:n]) for i in IDS) == 1]
    n = data.draw(st.sampled_from(unique))
    query = data.draw(st.sampled_from([pid[:n], pid[:n].upper()]))
    found, suggestions = find_paragraph(CORPUS, query)
    assert found is not None and found.id == pid and suggestions == []


def test_find_paragraph_suggests_for_a_typo(corpus):
    found, suggestions = find_paragraph(corpus, "iran-2213")
    assert found is None and "iran-2231" in suggestions


def test_ambiguous_prefix_lists_the_candidates(corpus):
    found, suggestions = find_paragraph(corpus, "con")
    assert found is None
    assert set(suggestions) == {"conflict-en-honger", "contraterrorisme-trip"}


@pytest.mark.parametrize("n", [0, 1, 2, 50])
def test_neighbours_in_reading_order(corpus, n):
    for i, paragraph in enumerate(corpus.paragraphs):
        before, after = neighbours(corpus, paragraph, n)
        assert list(before) == list(corpus.paragraphs[max(i - n, 0) : i])
        assert list(after) == list(corpus.paragraphs[i + 1 : i + 1 + n])


def test_section_title_brackets_headings_not_in_our_text(corpus):
    assert section_title(corpus, corpus.paragraph("conflict-en-honger")) == "Voorkomen en genezen › Grondoorzaken"
    assert section_title(corpus, corpus.paragraph("iran-2231")).startswith("[Kop onbekend")
    assert section_title(corpus, corpus.paragraph("inleiding")) == "[Inleiding]"
    assert section_title(corpus, corpus.paragraph("inleiding"), Lang.en) == "[Introduction]"


def test_gaps_sit_between_fragments(corpus):
    missing = gaps(corpus)
    assert len(missing) == len(corpus.letter.fragments) - 1
    for gap in missing:
        assert gap.before.fragment == gap.after.fragment + 1
    assert [h.id for g in missing for h in g.headings] == ["vn-hervormingen"]


def test_word_count(corpus):
    assert word_count(corpus) == len(" ".join(p.text for p in corpus.paragraphs).split())


# ── themes and people ───────────────────────────────────────────────────────


@given(st.sampled_from(CORPUS.people), st.data())
def test_find_people_by_any_name_in_any_case(person, data):
    name = data.draw(st.sampled_from(person_names(person)))
    name = data.draw(st.sampled_from([name, name.upper(), name.lower()]))
    found, _ = find_people(CORPUS, name)
    assert person in found


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ("kaag", {"kaag"}),
        ("KAAG", {"kaag"}),
        ("Sigrid", {"kaag"}),
        ("curaçao", {"rhuggenaath"}),
        ("CURACAO", {"rhuggenaath"}),
        ("minister-president", {"rutte", "rhuggenaath", "wever-croes", "romeo-marlin"}),
        ("indiener", {"kuzu", "van-den-hul", "de-graaf"}),  # by words of the role
    ],
)
def test_find_people(corpus, query, ids):
    found, _ = find_people(corpus, query)
    assert {p.id for p in found} == ids


def test_find_people_suggests_close_names(corpus):
    found, suggestions = find_people(corpus, "Kagg")
    assert found == () and suggestions == ["Sigrid A.M. Kaag"]
    assert find_people(corpus, "qqqqq") == ((), [])


# ── citations ───────────────────────────────────────────────────────────────


def test_letter_citation_holds_only_the_letters_metadata(corpus):
    c = citations.citation(corpus)
    assert c.reference == "BZDOC-151021554-15" and c.date == "2019-02-15"
    assert c.authors == (
        ("Stef Blok", "Minister van Buitenlandse Zaken"),
        ("Sigrid A.M. Kaag", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"),
    )
    assert c.addressee == "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    for fmt in citations.FORMATS:
        out = citation_formats.format_citation(c, fmt)
        assert "BZDOC-151021554-15" in out and "Kamerstuk" not in out
        # what is not in the letter (the ministry) only where it is marked so, with its source
        if fmt in ("bibtex", "csl-json", "ris"):
            marked = citation_formats.outside_note(c, fmt)
            assert marked is not None and "http" not in marked.replace(corpus.letter.outside[0].url, "")
        unmarked = [line for line in out.splitlines() if "Niet in de brief: " not in line]
        assert "http" not in "\n".join(unmarked)
        assert (corpus.letter.ministry in "\n".join(unmarked)) == (fmt in ("bibtex", "csl-json", "ris"))


def test_unknown_format_raises(corpus):
    with pytest.raises(ValueError, match="unknown citation format"):
        citation_formats.format_citation(citations.citation(corpus), "apa")


def unescaped_braces_balance(value: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", value):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


@given(st.text())
def test_bibtex_escaping_keeps_braces_balanced(value):
    escaped = citation_formats._bib(value)
    assert unescaped_braces_balance(escaped)
    assert not re.search(r"(?<!\\)[&%$#_]", escaped)


@given(st.text())
def test_markdown_escaping_leaves_no_live_markup(value):
    escaped = citation_words._md(value)
    assert not re.search(r"(?<!\\)(?:\\\\)*[`*_\[\]<>#|]", escaped.replace("\\\\", ""))


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("rohingya", "myanmar-rohingya"),  # one of the id's parts
        ("Rohingya", "myanmar-rohingya"),
        ("rohing", "myanmar-rohingya"),  # the start of one
        ("trip", "contraterrorisme-trip"),
        ("2231", "iran-2231"),
        ("rute", "rutte-26-september"),  # a part within a typo
        ("burundi kameron", "voorkomen-burundi-kameroen"),
    ],
)
def test_find_paragraph_suggests_ids_by_their_parts(corpus, query, first):
    found, suggestions = find_paragraph(corpus, query)
    assert found is None
    assert suggestions[0] == first
    assert len(suggestions) <= 5


def test_find_paragraph_suggests_ids_holding_the_word_before_fuzzy_ones(corpus):
    _, suggestions = find_paragraph(corpus, "korea")
    assert suggestions[:2] == ["blok-noord-korea", "sanctiecomite-noord-korea"]
    _, suggestions = find_paragraph(corpus, "zzzz")
    assert suggestions == []


# ── lookups that raise domain errors ────────────────────────────────────────────


def test_paragraph_named_finds_what_find_paragraph_finds(corpus):
    assert paragraph_named(corpus, "IRAN-2231").id == "iran-2231"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("iran-2213", "no paragraph 'iran-2213'; did you mean: iran-2231?"),
        ("zzzz", "no paragraph 'zzzz' (see 'vr2018 toc')"),
        ("  ", "empty paragraph id (see 'vr2018 toc')"),
    ],
)
def test_paragraph_named_raises_bad_usage_with_suggestions(corpus, query, message):
    from vr2018.cli import messages
    from vr2018.cli.status import ExitStatus
    from vr2018.problems import Problem

    with pytest.raises(Problem) as caught:
        paragraph_named(corpus, query)
    assert caught.value.kind == "paragraph"
    assert of_problem(caught.value) == ExitStatus.BAD_USAGE
    assert messages.line(caught.value) == message
    expected = tuple(find_paragraph(corpus, query)[1]) if query.strip() else ()
    assert caught.value.candidates == expected


def test_people_named_finds_or_raises_nothing_found(corpus):
    from vr2018.cli import messages
    from vr2018.cli.status import ExitStatus
    from vr2018.problems import NothingFound

    assert [p.id for p in people_named(corpus, "kaag")] == ["kaag"]
    with pytest.raises(NothingFound) as caught:
        people_named(corpus, "Kagg")
    assert of_problem(caught.value) == ExitStatus.NOTHING_FOUND
    assert messages.line(caught.value) == "nobody called 'Kagg' in the letter; did you mean: Sigrid A.M. Kaag?"
    assert caught.value.candidates == ("Sigrid A.M. Kaag",)
    with pytest.raises(NothingFound) as nobody:
        people_named(corpus, "qqqqq")
    assert messages.line(nobody.value) == "nobody called 'qqqqq' in the letter"


def test_nothing_dated_names_the_theme(corpus):
    from vr2018.cli import messages
    from vr2018.cli.status import ExitStatus
    from vr2018.problems import NoEvents

    migration = corpus.theme("migratie")
    assert timeline(corpus, migration) == ()
    with pytest.raises(NoEvents) as caught:
        dated(corpus, migration)
    assert caught.value.theme == "Migratie en mensenhandel"
    assert of_problem(caught.value) == ExitStatus.NOTHING_FOUND
    assert messages.line(caught.value) == "no dated events in the paragraphs on theme 'Migratie en mensenhandel'"


def test_counts(corpus):
    numbers = counts(corpus)
    assert numbers["paragraphs"] == len(corpus.paragraphs) and numbers["words"] == word_count(corpus)
    assert list(numbers) == [
        "fragments",
        "sections",
        "paragraphs",
        "words",
        "themes",
        "motions",
        "references",
        "people",
        "events",
    ]
