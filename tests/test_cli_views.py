"""`show`, `timeline`, `people`, `cite`, `info` and the bare `vr2018`, through the real CLI."""

from __future__ import annotations

import json
import re

import pytest
from conftest import one_line_failure

from vr2018 import load_corpus, themes
from vr2018.corpus.lang import section_title
from vr2018.letter.outline import gaps
from vr2018.letter.paragraphs import opening, word_count
from vr2018.people import person_paragraphs
from vr2018.timeline import date_label

CORPUS = load_corpus()
IDS = [p.id for p in CORPUS.paragraphs]
GAP = "Text missing"

EVENT_KEYS = {
    "date",
    "precision",
    "label",
    "label_en",
    "paragraph",
    "source",
    "as_written",
    "year_inferred",
    "display",
    "display_en",
}
PARAGRAPH_KEYS = {
    "id",
    "section",
    "section_title",
    "section_title_en",
    "section_path",
    "section_path_en",
    "section_printed",
    "fragment",
    "position",
    "text",
    "text_en",
    "note_en",
    "cut",
    "gap_before",
    "gap_after",
    "themes",
    "people",
    "places",
    "places_en",
    "organisations",
    "organisations_en",
    "references",
    "dates",
    "sentences",
}
PERSON_KEYS = {"id", "name", "role", "role_en", "aliases", "paragraphs", "did"}
STATEMENT_KEYS = {"text", "text_en", "paragraphs"}


def ok_json(result):
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


# ── the bare command ────────────────────────────────────────────────────────


def test_bare_command_is_a_short_overview_without_reading_data(invoke, monkeypatch):
    def boom(*_args, **_kwargs):
        raise AssertionError("the overview must not load the data")

    monkeypatch.setattr("vr2018.corpus.load.load_corpus", boom)
    result = invoke()
    assert result.exit_code == 0
    out = result.stdout
    for command in ("read", "show", "timeline", "people", "cite", "info"):
        assert re.search(rf"^  {command}\s+\S", out, re.MULTILINE), command
    assert "Examples:" in out and "vr2018 show iran-2231" in out
    assert "Options" not in out  # the overview, not the full help
    assert len(out.splitlines()) < 30


def test_the_overview_tells_a_reader_without_dutch_about_lang_en(invoke):
    """The default is the Dutch original: the first screen a newcomer sees must say how to get English."""
    out = invoke().stdout
    assert "--lang en" in out and "unofficial English translation" in out
    assert re.search(r"^  vr2018 \S.* --lang en$", out, re.MULTILINE)  # and one example uses it


@pytest.mark.parametrize("command", ["show", "timeline", "people", "cite", "info"])
def test_help_ends_with_examples_and_lists_json(invoke, command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and f"vr2018 {command}" in result.stdout
    assert "--json" in result.stdout


# ── show ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("pid", IDS)
def test_show_every_paragraph(invoke, pid):
    paragraph = CORPUS.paragraph(pid)
    result = invoke("show", pid)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert f"¶ {pid}" in out
    assert paragraph.text in out
    assert section_title(CORPUS, paragraph) in out  # a heading of ours in English, in [brackets]
    for theme in paragraph.themes:
        assert CORPUS.theme(theme).title in out
    for person in paragraph.people:
        assert CORPUS.person(person).name in out
    for event in CORPUS.paragraph_events(pid):
        assert date_label(event) in out
    for ref in paragraph.references:
        reference = CORPUS.reference(ref)
        assert reference.as_written in out
        if reference.url:
            assert reference.url in out
    gaps = CORPUS.gap_before(paragraph) + CORPUS.gap_after(paragraph)
    assert out.count(GAP) == gaps
    assert ("[…] " + paragraph.text[:20] in out) == (paragraph.cut == "start")
    assert (paragraph.text[-20:] + " […]" in out) == (paragraph.cut == "end")


@pytest.mark.parametrize("pid", IDS)
def test_show_json_every_paragraph(invoke, pid):
    data = ok_json(invoke("show", pid, "--json"))
    assert set(data) == {
        "translation_notice",
        "paragraph",
        "section_label",
        "section_label_en",
        "themes",
        "people",
        "events",
        "references",
        "motions",
        "context",
        "sentence",
        "quote",
        "quote_en",
    }
    assert set(data["paragraph"]) == PARAGRAPH_KEYS
    assert data["paragraph"]["id"] == pid
    assert data["paragraph"]["text"] == CORPUS.paragraph(pid).text
    shown = " ".join(invoke("show", pid).stdout.split())
    assert data["section_label"] in shown  # the path as show prints it
    assert data["section_label_en"] in " ".join(invoke("show", pid, "--lang", "en").stdout.split())
    assert [t["id"] for t in data["themes"]] == list(CORPUS.paragraph(pid).themes)
    assert [p["id"] for p in data["people"]] == list(CORPUS.paragraph(pid).people)
    assert all(set(p) == PERSON_KEYS for p in data["people"])
    for event in data["events"]:
        assert set(event) == EVENT_KEYS and event["paragraph"] == pid
    assert data["context"] == {"before": [], "after": []}


@pytest.mark.parametrize("pid", IDS)
def test_show_context_in_reading_order_with_gap_markers(invoke, pid):
    i = IDS.index(pid)
    window = CORPUS.paragraphs[max(i - 1, 0) : i + 2]
    out = invoke("show", pid, "--context", "1").stdout
    positions = [out.index(f"¶ {p.id}") for p in window]
    assert positions == sorted(positions)
    fragments = [p.fragment for p in window]
    expected = sum(a != b for a, b in zip(fragments, fragments[1:], strict=False))
    expected += CORPUS.gap_before(window[0]) + CORPUS.gap_after(window[-1])
    assert out.count(GAP) == expected


def test_show_context_json(invoke):
    data = ok_json(invoke("show", "iran-2231", "-C", "2", "--json"))
    assert [p["id"] for p in data["context"]["before"]] == ["blok-noord-korea", "sanctiecomite-noord-korea"]
    assert [p["id"] for p in data["context"]["after"]] == ["opcw-hack", "voorkomen-burundi-kameroen"]


def test_show_gap_marker_between_fragments(invoke):
    out = invoke("show", "rutte-26-september", "--context", "1").stdout
    assert out.index("¶ myanmar-rohingya") < out.index(GAP) < out.index("¶ rutte-26-september")


def test_show_accepts_an_unambiguous_prefix(invoke):
    assert "¶ iran-2231" in invoke("show", "iran").stdout


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("iran-2213", "iran-2231"),
        ("con", "conflict-en-honger"),
        ("rohingya", "myanmar-rohingya"),
        ("rute", "rutte-26-september"),
    ],
)
@pytest.mark.parametrize("command", ["show", "cite"])
def test_show_unknown_id_exits_2_with_suggestions(invoke, command, query, suggestion):
    result = invoke(command, query)
    message = one_line_failure(result)
    assert result.stdout == ""
    assert f"did you mean: {suggestion}" in message


def test_show_negative_context_is_bad_usage(invoke):
    one_line_failure(invoke("show", "iran-2231", "--context", "-1"))


def test_show_reference_without_number_has_no_url(invoke):
    data = ok_json(invoke("show", "myanmar-rohingya", "--json"))
    urls = {r["id"]: r["url"] for r in data["references"]}
    assert urls == {
        "kst-35000-XVII": None,
        "kst-22045-290": "https://zoek.officielebekendmakingen.nl/kst-22045-290.html",
    }


# ── timeline ────────────────────────────────────────────────────────────────


def test_timeline_json(invoke):
    data = ok_json(invoke("timeline", "--json"))
    assert len(data) >= 12
    assert [e["date"] for e in data] == [e.date for e in CORPUS.events]
    for event in data:
        assert set(event) == EVENT_KEYS
        assert event["precision"] in {"day", "month", "year", "range"}
        if event["source"] == "paragraph":
            assert event["paragraph"] in IDS
        else:  # a date the letterhead prints: no paragraph to cite (issue 12, point 4)
            assert event["source"] == "letterhead" and event["paragraph"] is None
        assert event["label"]


def test_timeline_text_marks_inferred_years_and_shows_every_event(invoke):
    result = invoke("timeline")
    assert result.exit_code == 0
    out = result.stdout
    for event in CORPUS.events:
        assert date_label(event) in out
        assert event.label in out
    assert "6 juli [2018]" in out and "april 2018" in out and "1945" in out and "2033-2034" in out
    assert out.count("[2018]") >= sum(e.year_inferred for e in CORPUS.events)
    assert "inferred" in out
    # each event's row starts its line ("2018 " must not be found inside "2017-2018 ")
    dates = [out.index("\n" + date_label(e) + " ") for e in CORPUS.events if not e.year_inferred]
    assert dates == sorted(dates)


@pytest.mark.parametrize("name", ["caribisch", "Caribbean", "CURAÇAO", "klimaat"])
def test_timeline_theme_filters_to_the_themes_paragraphs(invoke, name):
    theme = themes.find(CORPUS, name)
    data = ok_json(invoke("timeline", "--theme", name, "--json"))
    assert data
    expected = [e for e in CORPUS.events if e.paragraph and theme.id in CORPUS.paragraph(e.paragraph).themes]
    assert [(e["date"], e["paragraph"]) for e in data] == [(e.date, e.paragraph) for e in expected]
    assert len(data) < len(CORPUS.events)


def test_timeline_theme_text(invoke):
    out = invoke("timeline", "-t", "caribisch").stdout
    assert "Caribische" in out and "9 juli 2018" in out and "1945" not in out


def test_timeline_unknown_theme_exits_2_with_suggestion(invoke):
    result = invoke("timeline", "--theme", "klimat")
    assert one_line_failure(result) == "vr2018: unknown theme 'klimat'; did you mean: klimaat?"
    assert result.stdout == ""


def test_timeline_ambiguous_theme_prefix_exits_2(invoke):
    message = one_line_failure(invoke("timeline", "-t", "kl"))
    assert message.startswith("vr2018: ambiguous theme 'kl'; did you mean: ")
    assert "klimaat" in message


def test_timeline_theme_without_dates_exits_1(invoke):
    result = invoke("timeline", "-t", "migratie")
    one_line_failure(result, code=1)
    assert result.stdout == ""
    result = invoke("timeline", "-t", "migratie", "--json")
    assert result.exit_code == 1 and json.loads(result.stdout) == []


# ── people ──────────────────────────────────────────────────────────────────


def test_people_json(invoke):
    data = ok_json(invoke("people", "--json"))
    assert len(data) >= 10
    assert [p["id"] for p in data] == [p.id for p in CORPUS.people]
    for person in data:
        assert set(person) == PERSON_KEYS
        assert person["name"] and person["role"]
        assert all(pid in IDS for pid in person["paragraphs"])
        for did in person["did"]:
            assert set(did) == STATEMENT_KEYS


def test_people_list(invoke):
    result = invoke("people")
    assert result.exit_code == 0
    for person in CORPUS.people:
        line = next(line for line in result.stdout.splitlines() if line.startswith(person.name + " "))
        assert person.role in line and person.id in line
        assert f"¶ {len(person_paragraphs(CORPUS, person))}" in line


@pytest.mark.parametrize("query", ["kaag", "KAAG", "Kaag", "sigrid kaag", "minister Kaag"])
def test_people_one(invoke, query):
    result = invoke("people", query)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Sigrid A.M. Kaag")
    assert "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking" in out
    assert "Conflict en Honger" in out and "¶ conflict-en-honger" in out and "¶ duurzame-ontwikkelingsdoelen" in out


def test_people_role_as_the_letter_gives_it(invoke):
    data = ok_json(invoke("people", "rhuggenaath", "--json"))
    assert [(p["name"], p["role"]) for p in data] == [("Rhuggenaath", "Minister-president van Curaçao")]


def test_people_by_role_word_lists_several(invoke):
    data = ok_json(invoke("people", "minister-president", "--json"))
    assert {p["id"] for p in data} == {"rutte", "rhuggenaath", "wever-croes", "romeo-marlin"}


def test_people_unknown_exits_1_with_suggestion(invoke):
    result = invoke("people", "Kagg")
    assert "did you mean: Sigrid A.M. Kaag?" in one_line_failure(result, code=1)
    assert result.stdout == ""


def test_people_nobody_close(invoke):
    message = one_line_failure(invoke("people", "Obama"), code=1)
    assert "did you mean" not in message


# ── cite ────────────────────────────────────────────────────────────────────

LETTER_FACTS = (
    "Koninkrijk der Nederlanden als lid van de VN Veiligheidsraad 2018",
    "BZDOC-151021554-15",
    # the senders by their offices, as the Leidraad names them (the signature block's, in running text)
    "de minister van Buitenlandse Zaken en de minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
    "aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
)
AUTHORS = ("Stef Blok", "Sigrid A.M. Kaag")  # the forms for reference managers name the ministers as authors


@pytest.mark.parametrize("fmt", ["text", "markdown", "bibtex", "ris"])
def test_cite_the_letter(invoke, fmt):
    result = invoke("cite", "--format", fmt)
    assert result.exit_code == 0
    out = result.stdout
    if fmt in ("bibtex", "ris"):  # names as "Surname, First names"
        out = out.replace("Blok, Stef", "Stef Blok").replace("Kaag, Sigrid A.M.", "Sigrid A.M. Kaag")
        for name in AUTHORS:
            assert name in out, name
    for fact in LETTER_FACTS:
        assert fact in out, fact
    if fmt == "text":  # the Leidraad's form for a letter cited by its kenmerk, and the letter's subject
        assert out == (
            "Brief van de minister van Buitenlandse Zaken en de minister voor Buitenlandse Handel en "
            "Ontwikkelingssamenwerking aan de Voorzitter van de Tweede Kamer der Staten-Generaal, "
            "15 februari 2019, kenmerk BZDOC-151021554-15, "
            "betreft ‘Koninkrijk der Nederlanden als lid van de VN Veiligheidsraad 2018’.\n"
        )
    # Nothing the letter does not give, but for the ministry in the forms for reference
    # managers, on the one line that says it is not in the letter and where it is from.
    marked = [line for line in out.splitlines() if "Niet in de brief: " in line]
    rest = "\n".join(line for line in out.splitlines() if line not in marked)
    assert "Kamerstuk" not in out and "http" not in rest
    if fmt in ("text", "markdown"):
        assert not marked and CORPUS.letter.ministry not in out
    else:
        assert len(marked) == 1 and CORPUS.letter.ministry in rest
        assert all(o.url in marked[0] for o in CORPUS.letter.outside)


@pytest.mark.parametrize("fmt", ["text", "markdown", "bibtex", "ris", "csl-json"])
@pytest.mark.parametrize("pid", IDS)
def test_cite_every_paragraph_in_every_format(invoke, pid, fmt):
    result = invoke("cite", pid, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert pid in out and "BZDOC-151021554-15" in out
    section = CORPUS.section(CORPUS.paragraph(pid).section)
    if section.printed:  # quoted, so that a comma in it cannot split the citation
        assert f"‘{section.title}’" in out
    else:  # a heading that is not in the letter is never quoted as if it were
        assert section.title not in out and "Kop ontbreekt" not in out
    if CORPUS.paragraph(pid).cut == "start":
        assert "alinea die op een ontbrekende pagina begint" in out.lower()
    if fmt == "text":
        assert out.count("\n") == 1  # one line, paste-ready
        assert opening(CORPUS.paragraph(pid)) in out
    if fmt == "bibtex":
        assert out.startswith(f"@techreport{{vr2018-{pid},\n") and out.endswith("}\n")
        assert out.count("{") - out.count("\\{") == out.count("}") - out.count("\\}")
    if fmt == "csl-json":
        (item,) = json.loads(out)
        assert item["id"] == f"vr2018-{pid}" and item["locator"] == pid


@pytest.mark.parametrize("pid", IDS)
def test_cite_json_every_paragraph(invoke, pid):
    data = ok_json(invoke("cite", pid, "--json"))
    assert set(data) == {
        "translation_notice",
        "title",
        "title_en",
        "date",
        "date_as_written",
        "reference",
        "kamerstuk",
        "url",
        "addressee",
        "addressee_en",
        "signatories",
        "paragraph",
        "printed_section_path",
        "opening",
        "opening_en",
        "formats",
        "formats_en",
        "sentence",
        "quote",
        "quote_en",
        "ministry",
        "ministry_en",
        "outside",
        "sources",
        "source_urls",
        "references",
        "key",
        "csl",
        "cite_item",
    }
    assert data["kamerstuk"] is None and data["url"] is None
    assert data["addressee"] == "de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert data["addressee_en"] == "the Speaker of the House of Representatives of the States General"
    assert data["addressee_en"] in data["formats_en"]["text"] and data["addressee_en"] not in data["formats"]["text"]
    assert data["paragraph"]["id"] == pid
    assert set(data["paragraph"]) == PARAGRAPH_KEYS  # the same paragraph object as read and show
    assert data["opening"] and data["opening_en"]
    assert set(data["formats"]) == set(data["formats_en"]) == {"text", "markdown", "bibtex", "csl-json", "ris"}
    assert data["sentence"] is None and data["quote"] is None and data["quote_en"] is None
    assert [r["id"] for r in data["references"]] == list(CORPUS.paragraph(pid).references)
    assert json.loads(data["formats"]["csl-json"]) == [data["csl"]]
    assert data["cite_item"] == {"id": data["key"], "locator": pid, "label": "paragraph"}
    assert data["ministry"] == CORPUS.letter.ministry and data["outside"] == ["ministry"]


def test_cite_json_of_the_letter(invoke):
    data = ok_json(invoke("cite", "--json"))
    assert data["paragraph"] is None
    assert data["date"] == "2019-02-15" and data["reference"] == "BZDOC-151021554-15"
    assert [a["name"] for a in data["signatories"]] == ["Stef Blok", "Sigrid A.M. Kaag"]
    assert data["references"] == [] and data["cite_item"] is None and data["key"] == "brief-2019-02-15"


def test_cite_format_prefix(invoke):
    assert invoke("cite", "-f", "bib").stdout.startswith("@techreport{")
    assert "‘Koninkrijk der Nederlanden" in invoke("cite", "-f", "md").stdout
    assert invoke("cite", "-f", "csl").stdout == invoke("cite", "-f", "csl-json").stdout
    assert invoke("cite", "-f", "RIS").stdout.startswith("TY  - RPRT\n")


@pytest.mark.parametrize("args", [("-f", "apa"), ("--format", ""), ("nope",)])
def test_cite_bad_usage_exits_2(invoke, args):
    result = invoke("cite", *args)
    one_line_failure(result)
    assert result.stdout == ""


# ── info ────────────────────────────────────────────────────────────────────


def test_info_json(invoke):
    data = ok_json(invoke("info", "--json"))
    assert set(data) == {"translation_notice", "letter", "kamerstuk", "counts", "gaps", "data_version", "version"}
    assert data["kamerstuk"] is None
    counts = data["counts"]
    assert counts == {
        "fragments": len(CORPUS.letter.fragments),
        "sections": len(CORPUS.sections),
        "paragraphs": len(CORPUS.paragraphs),
        "words": word_count(CORPUS),
        "themes": len(CORPUS.themes),
        "motions": len(CORPUS.motions),
        "references": len(CORPUS.references),
        "people": len(CORPUS.people),
        "events": len(CORPUS.events),
    }
    assert data["data_version"] == CORPUS.letter.data_version
    assert len(data["gaps"]) == counts["fragments"] - 1
    for gap in data["gaps"]:
        assert gap["after"] in IDS and gap["before"] in IDS
        assert IDS.index(gap["before"]) == IDS.index(gap["after"]) + 1
    assert [g["cut_after"] for g in data["gaps"]] == [True, True, False]
    assert data["gaps"][-1]["headings"] == ["VN-hervormingen: transparantie en effectiviteit"]


def test_info_text(invoke):
    result = invoke("info")
    assert result.exit_code == 0
    out = result.stdout
    for fact in (
        "BZDOC-151021554-15",
        "15 februari 2019",
        "not given in the letter",
        "Stef Blok",
        "Tweede Kamer der Staten-Generaal",
        f"data {CORPUS.letter.data_version}",
    ):
        assert fact in out, fact
    assert f"{len(CORPUS.paragraphs)} in {len(CORPUS.sections)} sections, {word_count(CORPUS)} words" in out
    for gap in gaps(CORPUS):
        assert f"after ¶ {gap.after.id}" in out and f"before ¶ {gap.before.id}" in out


# ── every reading view: JSON only on stdout, no escape codes ────────────────
# These run with colour possible (NO_COLOR unset, a colour terminal named), so an
# escape code that leaked would show; the FORCE_COLOR case proves it would.

COLOUR_TERMINAL = {"NO_COLOR": None, "TERM": "xterm-256color", "COLORTERM": "truecolor"}


@pytest.mark.parametrize(
    "args",
    [
        ("show", "inleiding"),
        ("timeline",),
        ("timeline", "-t", "sancties"),
        ("people",),
        ("people", "faki"),
        ("cite",),
        ("cite", "iran-2231"),
        ("info",),
    ],
)
def test_json_is_valid_and_alone(invoke, args):
    result = invoke(*args, "--json", env={**COLOUR_TERMINAL, "FORCE_COLOR": "1"})
    ok_json(result)
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("read",),
        ("search", "rohinga"),
        ("show", "inleiding"),
        ("timeline",),
        ("people",),
        ("people", "faki"),
        ("info",),
    ],
)
def test_piped_output_has_no_escape_codes(invoke, args):
    assert "\x1b[" in invoke(*args, env={**COLOUR_TERMINAL, "FORCE_COLOR": "1"}).stdout  # the check can see them
    result = invoke(*args, env=COLOUR_TERMINAL)
    assert result.exit_code == 0 and "\x1b[" not in result.stdout
    assert not any(line != line.rstrip() for line in result.stdout.splitlines()), "trailing spaces"


@pytest.mark.parametrize(
    "args",
    [
        ("search", "qqqzzz"),
        ("motions", "qqqzzz"),
        ("people", "qqqzzz"),
        ("timeline", "--person", "qqqzzz"),
        ("timeline", "--from", "2030", "--to", "2031"),
    ],
)
def test_json_prints_an_empty_array_when_nothing_is_found(invoke, args):
    result = invoke(*args, "--json")
    assert result.exit_code == 1 and json.loads(result.stdout) == [] and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("args", [("theme", "nope"), ("show", "nope"), ("people", " ")])
def test_json_prints_nothing_on_bad_usage(invoke, args):
    result = invoke(*args, "--json")
    assert result.exit_code == 2 and result.stdout == "" and len(result.stderr.splitlines()) == 1


def test_show_gives_a_translators_note_with_the_english(invoke):
    english = " ".join(invoke("show", "conflict-en-honger", "--lang", "en").stdout.split())
    assert "Note translator's note: Sentence 3 is ungrammatical in the Dutch" in english
    assert "translator's note" not in invoke("show", "conflict-en-honger").stdout  # the Dutch alone: no note
    assert "translator's note" not in invoke("show", "iran-2231", "--lang", "en").stdout
    data = json.loads(invoke("show", "conflict-en-honger", "--json").stdout)["paragraph"]
    assert data["note_en"] == CORPUS.paragraph("conflict-en-honger").note_en
    assert json.loads(invoke("show", "iran-2231", "--json").stdout)["paragraph"]["note_en"] is None


def test_toc_plain_is_one_id_tab_opening_line_per_paragraph(invoke, corpus):
    for lang in ("nl", "en"):
        lines = invoke("toc", "--plain", "--lang", lang).stdout.splitlines()
        assert [line.split("\t")[0] for line in lines] == [p.id for p in corpus.paragraphs]
        assert all(line.count("\t") == 1 and line.split("\t")[1] for line in lines)
    english = invoke("toc", "--plain", "--lang", "en").stdout
    assert english.startswith("inleiding\tIn 2018 the Kingdom")


def test_color_and_pager_flags_win_over_the_environment(invoke, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    always = invoke("search", "Rohingya", "--color", "always").stdout
    assert "\x1b[" in always
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    never = invoke("search", "Rohingya", "--color", "never").stdout
    assert "\x1b[" not in never
    bad = invoke("search", "Rohingya", "--color", "sometimes")
    assert bad.exit_code == 2 and "'sometimes' is not one of auto, always, never" in bad.stderr
    assert invoke("search", "Rohingya", "--no-pager").exit_code == 0
    assert "--color" not in invoke("export", "--help").stdout  # export prints files, never a view
