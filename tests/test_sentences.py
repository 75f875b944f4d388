"""The one sentence splitter, on hand-made text and on every paragraph of the letter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vr2018.letter.sentences import around, sentences, texts

# Counted by reading the letter (data/source/kamerbrief-2019-02-15.txt), sentence by sentence.
EXPECTED = {
    "inleiding": 8,
    "burgers-inzet": 2,
    "myanmar-rohingya": 3,  # the third breaks off ("… een internationaal wapenembargo")
    "rutte-26-september": 2,
    "blok-noord-korea": 1,
    "sanctiecomite-noord-korea": 1,
    "iran-2231": 3,
    "opcw-hack": 1,
    "voorkomen-burundi-kameroen": 3,  # "Eerder zien, sneller handelen en beter oplossen." is one
    "conflict-en-honger": 4,
    "rule-of-law-icc": 2,
    "isis-berechting": 1,  # breaks off
    "water-klimaat-expertise": 3,  # "11 juli jl., waarbij" ends nothing
    "caribisch-perspectief": 4,  # "6 september jl. tijdens" ends nothing
    "sancties-mensenhandelaren-libie": 3,
    "contraterrorisme-trip": 6,  # "resolutie 2396 (2017) over" ends nothing
    "duurzame-ontwikkelingsdoelen": 3,
    "europese-samenwerking-legacy": 2,  # starts mid-sentence; "De Graaf c.s. van" ends nothing
    "afrikaanse-unie": 3,
    "veiligheidsraad-1945": 2,
    "dynamiek-permanente-leden": 2,
    "invloed-gekozen-leden": 4,
    "legacy-kandidatuur-2033": 4,
}


def test_every_paragraph_has_the_sentences_a_reader_counts(corpus):
    assert {p.id for p in corpus.paragraphs} == set(EXPECTED)
    for paragraph in corpus.paragraphs:
        assert len(sentences(paragraph.text)) == EXPECTED[paragraph.id], paragraph.id


def test_sentences_cover_the_paragraph_in_order_without_overlap(corpus):
    for paragraph in corpus.paragraphs:
        text = paragraph.text
        spans = sentences(text)
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end < start and text[end:start].isspace()
        if paragraph.cut != "end":
            assert text[spans[-1][1] - 1] in ".!?)”", paragraph.id


def test_the_letters_abbreviations_end_no_sentence(corpus):
    rohingya = texts(corpus.paragraph("myanmar-rohingya").text)
    assert rohingya[1].startswith("Het Koninkrijk heeft in lijn met de motie")
    assert "(Kamerstuk 35 000; nr. XVII) over de veilige terugkeer" in rohingya[1]
    assert texts(corpus.paragraph("europese-samenwerking-legacy").text)[1].endswith(
        "c.s. van 1 november 2016 (Kamerstuk 34 550, D)."
    )
    for text in (
        "Zie Kamerstuk 22 045, nr. 290 Over dit.",
        "Dat deden o.a. Duitsland en bijv. Frankrijk.",
        "Kuzu c.s. Van den Hul.",
        "Zoals e.g. Myanmar en i.e. Syrië.",
        "Op 11 juli jl. Minister Blok sprak.",
    ):
        assert len(sentences(text)) == 1, text


def test_a_resolution_symbol_or_link_ends_no_sentence():
    assert len(sentences("Zie S/RES/2396 (2017). Daarna meer.")) == 2
    assert texts("Zie S/RES/2396 (2017) over strijders. Daarna meer.")[0] == "Zie S/RES/2396 (2017) over strijders."
    assert len(sentences("Via https://www.example.nl/a.b/c. Meer.")) == 2
    assert len(sentences("Dossier 22.045 Nr. 3 en meer.")) == 1


def test_a_sentence_ends_before_a_capital_a_digit_or_a_quote():
    assert texts('Eerste zin. Tweede zin! "Derde" zin? 2018 was een jaar.') == (
        "Eerste zin.",
        "Tweede zin!",
        '"Derde" zin?',
        "2018 was een jaar.",
    )
    assert texts("Geen einde. hier") == ("Geen einde. hier",)
    assert texts("(Tussen haakjes.) Daarna.") == ("(Tussen haakjes.)", "Daarna.")


def test_around():
    text = "Een. Twee drie. Vier."
    at = text.index("drie")
    assert text[slice(*around(text, at, at + 4))] == "Twee drie."
    assert sentences("") == () and sentences("   ") == ()


@given(st.text(alphabet=st.sampled_from('ab A.!? \n("1'), max_size=60))
def test_spans_are_sorted_disjoint_and_stripped(text):
    spans = sentences(text)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    joined = "".join(c for c in text if not c.isspace())
    assert "".join(c for a, b in spans for c in text[a:b] if not c.isspace()) == joined


@pytest.mark.parametrize("abbreviation", ["nr.", "c.s.", "o.a.", "jl.", "bijv.", "e.g.", "i.e.", "no."])
def test_each_listed_abbreviation(abbreviation):
    assert len(sentences(f"Woord {abbreviation} Volgende woord.")) == 1


def test_a_names_initials_end_no_sentence():
    assert texts("Sigrid A.M. Kaag tekende. Zie o.a. Bijlage 2.") == (
        "Sigrid A.M. Kaag tekende.",
        "Zie o.a. Bijlage 2.",
    )
    assert len(sentences("Zo sprak J. Doe. Daarna meer.")) == 2  # "Doe." ends one: not an initial


def test_every_paragraphs_english_has_as_many_sentences(corpus):
    """`ID:N` names the same sentence in both languages: the English rendering has as many."""
    for paragraph in corpus.paragraphs:
        assert paragraph.text_en
        assert len(sentences(paragraph.text_en)) == len(sentences(paragraph.text)), paragraph.id


def test_a_cut_sentence_is_cut_in_english_too(corpus):
    for paragraph in corpus.paragraphs:
        if paragraph.cut == "end":
            assert texts(paragraph.text_en)[-1][-1] not in ".!?", paragraph.id
