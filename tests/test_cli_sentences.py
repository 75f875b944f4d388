"""Sentences addressable as ID:N: `show ID:N`, `cite ID:N`, and the sentences in --json."""

from __future__ import annotations

import json
import re

import pytest

from vr2018.cli import messages
from vr2018.cli.status import ExitStatus, of_problem
from vr2018.corpus.lang import section_title
from vr2018.letter import citations
from vr2018.letter.sentences import of, sentence_named, texts
from vr2018.problems import Problem

# ── the engine ──────────────────────────────────────────────────────────────


def test_id_n_names_the_nth_sentence(corpus):
    paragraph = corpus.paragraph("myanmar-rohingya")
    found = sentence_named(corpus, "myanmar-rohingya:2")
    assert found.paragraph == paragraph and found.number == 2 and found.count == 3
    assert found.text == texts(paragraph.text)[1] == paragraph.text[found.start : found.end]
    assert found.text.startswith("Het Koninkrijk heeft in lijn met de motie")
    assert found.text_en == texts(paragraph.text_en)[1]
    assert found.address == "myanmar-rohingya:2"


def test_an_unambiguous_start_of_an_id_will_do(corpus):
    assert sentence_named(corpus, "myanmar:3").address == "myanmar-rohingya:3"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "myanmar-rohingya:4",
            "no sentence 4: myanmar-rohingya has 3 sentences (myanmar-rohingya:1 to myanmar-rohingya:3)",
        ),
        ("myanmar-rohingya:0", "no sentence 0: myanmar-rohingya has 3 sentences"),
        ("blok-noord-korea:2", "no sentence 2: blok-noord-korea has 1 sentence (blok-noord-korea:1)"),
        ("myanmar-rohingya:two", "'two' is not a sentence number: myanmar-rohingya has 3 sentences"),
        ("myanmar-rohingya:", "no sentence number after 'myanmar-rohingya:'"),
        ("rohinga:2", "no paragraph 'rohinga'; did you mean: myanmar-rohingya?"),
        (":2", "empty paragraph id"),
    ],
)
def test_a_bad_address_says_what_there_is(corpus, query, message):
    with pytest.raises(Problem) as error:
        sentence_named(corpus, query)
    line = messages.line(error.value)
    assert line.startswith(message)
    assert of_problem(error.value) == ExitStatus.BAD_USAGE
    assert "\n" not in line


def test_a_missing_page_cuts_the_first_or_last_sentence(corpus):
    for paragraph in corpus.paragraphs:
        found = of(paragraph)
        assert [s.number for s in found] == list(range(1, len(found) + 1))
        cuts = {s.number: s.cut for s in found if s.cut}
        expected = {"start": {1: "start"}, "end": {len(found): "end"}, None: {}}[paragraph.cut]
        assert cuts == expected, paragraph.id


def test_every_sentence_has_its_english_twin(corpus):
    for paragraph in corpus.paragraphs:
        assert all(s.text_en for s in of(paragraph)), paragraph.id


# ── show ID:N ───────────────────────────────────────────────────────────────


def test_show_prints_the_sentence_with_its_paragraph_number_and_section(invoke, corpus):
    result = invoke("show", "myanmar-rohingya:2")
    assert result.exit_code == 0
    out = result.stdout
    assert "myanmar-rohingya:2" in out
    assert "2 of 3 in ¶ myanmar-rohingya" in out
    assert section_title(corpus, corpus.paragraph("myanmar-rohingya")) in out
    assert " ".join(sentence_named(corpus, "myanmar-rohingya:2").text.split()) in " ".join(out.split())
    assert "Zo hebben we tijdens ons voorzitterschap" not in out  # sentence 1 is not shown


def test_show_marks_a_sentence_a_missing_page_cuts(invoke):
    from vr2018.views.layout import gap_marker

    GAP = gap_marker().plain

    end = invoke("show", "myanmar-rohingya:3").stdout
    assert "wapenembargo […]" in end and GAP in end and "breaks off" in end
    start = invoke("show", "europese-samenwerking-legacy:1").stdout
    assert "[…] geleerde lessen" in start and GAP in start
    whole = invoke("show", "myanmar-rohingya:2").stdout
    assert "[…]" not in whole and GAP not in whole


@pytest.mark.parametrize("lang", ["en", "both"])
def test_show_id_n_in_english_is_labelled_and_both_keeps_the_dutch(invoke, corpus, lang):
    from vr2018.views.bilingual import dutch_original, unofficial_notice

    UNOFFICIAL, DUTCH_ORIGINAL = unofficial_notice(), dutch_original().plain  # noqa: N806
    sentence = sentence_named(corpus, "myanmar-rohingya:3")
    out = " ".join(invoke("show", "myanmar-rohingya:3", "--lang", lang).stdout.split())
    assert out.count(UNOFFICIAL) == 1 and f"{sentence.text_en} […]" in out
    assert (f"{DUTCH_ORIGINAL} {sentence.text} […]" in out) == (lang == "both")
    assert (sentence.text in out) == (lang == "both")


def test_cite_id_n_in_english_quotes_our_english_marked_as_a_translation(invoke, corpus):
    sentence = sentence_named(corpus, "iran-2231:2")
    english = invoke("cite", "iran-2231:2", "--lang", "en").stdout
    assert english.split("\n")[0] == f"“{sentence.text_en}” (unofficial translation)"
    assert sentence.text not in english  # the Dutch is one flag away: --lang both
    both = invoke("cite", "iran-2231:2", "--lang", "both").stdout
    assert both.startswith(english.rstrip("\n") + "\n")  # the English citation, then under it …
    assert both.rstrip("\n").split("\n")[-1] == f"Dutch original: “{sentence.text}”"  # … the Dutch, labelled


@pytest.mark.parametrize(
    ("command", "address"),
    [
        ("show", "myanmar-rohingya:9"),
        ("show", "rohinga:1"),
        ("show", "myanmar-rohingya:x"),
        ("cite", "myanmar-rohingya:9"),
        ("cite", "rohinga:1"),
        ("cite", "myanmar-rohingya:"),
    ],
)
def test_a_bad_address_is_one_line_and_exit_2(invoke, command, address):
    result = invoke(command, address)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_show_id_n_json_is_the_paragraph_plus_the_sentence(invoke, corpus):
    data = json.loads(invoke("show", "myanmar-rohingya:2", "--json").stdout)
    sentence = sentence_named(corpus, "myanmar-rohingya:2")
    assert data["paragraph"]["id"] == "myanmar-rohingya"
    assert data["sentence"] == 2
    assert data["quote"] == sentence.text and data["quote_en"] == sentence.text_en
    whole = json.loads(invoke("show", "myanmar-rohingya", "--json").stdout)
    assert whole["sentence"] is None and whole["quote"] is None and whole["quote_en"] is None
    assert {k: v for k, v in data.items() if not k.startswith(("sentence", "quote"))} == {
        k: v for k, v in whole.items() if not k.startswith(("sentence", "quote"))
    }


def test_show_context_is_for_paragraphs(invoke):
    result = invoke("show", "myanmar-rohingya:2", "--context", "1")
    assert result.exit_code == 2 and "--context" in result.stderr


# ── cite ID:N ───────────────────────────────────────────────────────────────


def test_cite_prints_the_sentence_and_its_citation(invoke, corpus):
    result = invoke("cite", "myanmar-rohingya:2")
    assert result.exit_code == 0
    quote, citation = result.stdout.rstrip("\n").split("\n")
    assert quote == f"“{sentence_named(corpus, 'myanmar-rohingya:2').text}”"
    assert citation.startswith("Brief van de minister van Buitenlandse Zaken en de minister voor ")
    assert citation.endswith("zin 2 (vr2018: myanmar-rohingya:2).")
    assert "BZDOC-151021554-15" in citation


@pytest.mark.parametrize("fmt", citations.FORMATS)
def test_cite_quotes_the_sentence_in_every_format(invoke, corpus, fmt):
    text = sentence_named(corpus, "conflict-en-honger:3").text
    out = invoke("cite", "conflict-en-honger:3", "--format", fmt).stdout
    assert "zin 3" in out and "conflict-en-honger:3" in out.replace("conflict-en-honger-3", "conflict-en-honger:3")
    assert " ".join(text.split()) in " ".join(out.replace("\\", "").split())


@pytest.mark.parametrize("lang", ["nl", "en", "both"])
@pytest.mark.parametrize("target", ["", "iran-2231", "iran-2231:2", "rutte-26-september:1"])
def test_a_bibtex_entry_names_each_field_once(invoke, target, lang):
    """A field given twice (a sentence's `annote` once was) is a broken entry: BibTeX and biber keep one."""
    entry = invoke("cite", *([target] if target else []), "-f", "bibtex", "--lang", lang).stdout
    names = re.findall(r"^  (\w+)\s+=", entry, flags=re.MULTILINE)
    assert names and len(names) == len(set(names)), names
    note = next(line for line in entry.splitlines() if line.lstrip().startswith("note "))
    assert ("): “" in note) == (":" in target)  # a quoted sentence is in the note, which styles print
    assert "annote" in names  # which says what is not in the letter (the institution)


def test_cite_bibtex_keys_a_sentence_apart_from_its_paragraph(invoke):
    assert "@techreport{vr2018-iran-2231-2," in invoke("cite", "iran-2231:2", "-f", "bibtex").stdout
    assert "@techreport{vr2018-iran-2231," in invoke("cite", "iran-2231", "-f", "bibtex").stdout


def test_cite_marks_a_cut_quote(invoke):
    out = invoke("cite", "myanmar-rohingya:3").stdout
    assert out.startswith("“Ook heeft het Koninkrijk") and out.split("\n")[0].endswith("wapenembargo […]”")


def test_cite_json_names_the_sentence(invoke, corpus):
    data = json.loads(invoke("cite", "myanmar-rohingya:2", "--json").stdout)
    sentence = sentence_named(corpus, "myanmar-rohingya:2")
    assert data["paragraph"]["id"] == "myanmar-rohingya" and data["sentence"] == 2  # as in show ID:N --json
    assert data["quote"] == sentence.text and data["quote_en"] == sentence.text_en
    assert data["formats"]["text"].startswith(f"“{sentence.text}”")
    whole = json.loads(invoke("cite", "myanmar-rohingya", "--json").stdout)
    assert whole["sentence"] is None and whole["quote"] is None


# ── the sentences in read --json and show --json ────────────────────────────


def test_read_json_lists_every_paragraphs_sentences(invoke, corpus):
    data = json.loads(invoke("read", "--json").stdout)
    for record in data["paragraphs"]:
        paragraph = corpus.paragraph(record["id"])
        found = record["sentences"]
        assert [s["number"] for s in found] == list(range(1, len(texts(paragraph.text)) + 1))
        for s in found:
            assert set(s) == {"id", "paragraph", "number", "start", "end", "text", "text_en", "cut"}
            assert s["paragraph"] == paragraph.id
            assert s["id"] == f"{paragraph.id}:{s['number']}"
            assert record["text"][s["start"] : s["end"]] == s["text"]
            assert s["text_en"] == texts(paragraph.text_en)[s["number"] - 1]
        assert [s["cut"] for s in found if s["cut"]] == ([paragraph.cut] if paragraph.cut else [])


def test_show_json_lists_the_sentences_of_the_paragraph_and_its_context(invoke):
    data = json.loads(invoke("show", "iran-2231", "--context", "1", "--json").stdout)
    assert len(data["paragraph"]["sentences"]) == 3
    for neighbour in (*data["context"]["before"], *data["context"]["after"]):
        assert neighbour["sentences"]
