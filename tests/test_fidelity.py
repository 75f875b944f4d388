"""The records hold the letter's body verbatim: every word, once, in order.

The body is rebuilt from the records (printed section headings plus paragraph
texts, in reading order) and compared word for word with the source text
after removing the page-layout debris: the sidebar cut into sentences
("Onze Referentie" / "BZDOC-151021554-15") and blank lines.
"""

from __future__ import annotations

import re

import pytest

SIDEBAR = {"Onze Referentie", "BZDOC-151021554-15"}
BODY_START = "In 2018 was het Koninkrijk"
BODY_END = "in de periode 2033-2034."


def join_lines(lines: list[str]) -> str:
    """Join source lines the way a reader does: a line ending in a hyphen
    (Noord-/Korea) continues the word; other breaks are spaces."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line or line in SIDEBAR:
            continue
        if out.endswith("-"):
            out += line
        else:
            out += (" " if out else "") + line
    return " ".join(out.split())


@pytest.fixture(scope="module")
def source_lines(source_text) -> list[str]:
    return source_text.split("\n")


@pytest.fixture(scope="module")
def source_body(source_lines) -> str:
    start = next(i for i, line in enumerate(source_lines) if line.strip().startswith(BODY_START))
    end = next(i for i, line in enumerate(source_lines) if line.strip() == "periode 2033-2034.")
    return join_lines(source_lines[start : end + 1])


def rebuilt_body(corpus) -> str:
    words: list[str] = []
    for section in corpus.sections:
        if section.printed:
            words += section.title.split()
        for paragraph in corpus.paragraphs:
            if paragraph.section == section.id:
                words += paragraph.text.split()
    return " ".join(words)


def test_source_is_the_supplied_letter(source_text):
    text = source_text
    assert text.count("BZDOC-151021554-15") == 4  # header + three sidebars
    assert "Geachte voorzitter," in text and "Sigrid A.M. Kaag" in text


def test_body_rebuilt_from_records_equals_source_word_for_word(corpus, source_body):
    expected = source_body.split()
    actual = rebuilt_body(corpus).split()
    for i, (want, got) in enumerate(zip(expected, actual, strict=False)):  # lengths are compared below
        assert want == got, (
            f"word {i}: source has {want!r}, records have {got!r}: …{' '.join(expected[max(0, i - 6) : i + 6])}…"
        )
    assert len(actual) == len(expected), f"records hold {len(actual)} words, the source body {len(expected)}"


def test_every_paragraph_is_a_verbatim_span_of_its_fragment(corpus, source_lines):
    for paragraph in corpus.paragraphs:
        fragment = corpus.letter.fragments[paragraph.fragment - 1]
        span = join_lines(source_lines[fragment.first_line - 1 : fragment.last_line])
        assert paragraph.text in span, f"{paragraph.id} is not verbatim in fragment {paragraph.fragment}"


def test_no_layout_debris_in_any_text(corpus):
    for paragraph in corpus.paragraphs:
        assert "Onze Referentie" not in paragraph.text, paragraph.id
        assert "BZDOC" not in paragraph.text, paragraph.id
        assert paragraph.text == " ".join(paragraph.text.split()), f"{paragraph.id}: stray whitespace"


def test_real_hyphens_are_kept(corpus):
    text = " ".join(p.text for p in corpus.paragraphs)
    for word in ("Noord-Korea", "Secretaris-Generaal", "ISIS/Al Qaeda-sanctiecomité", "Wever-Croes", "Zuid-Sudan"):
        assert word in text


def test_cut_paragraphs_sit_at_fragment_edges(corpus):
    cuts = {p.id: p.cut for p in corpus.paragraphs if p.cut}
    assert cuts == {"myanmar-rohingya": "end", "isis-berechting": "end", "europese-samenwerking-legacy": "start"}
    for paragraph in corpus.paragraphs:
        if paragraph.cut == "end":
            assert corpus.gap_after(paragraph), paragraph.id
            assert not paragraph.text.endswith("."), paragraph.id
        if paragraph.cut == "start":
            assert corpus.gap_before(paragraph), paragraph.id
            assert paragraph.text[0].islower(), paragraph.id


def test_fragments_are_in_reading_order_and_all_present(corpus):
    assert [p.fragment for p in corpus.paragraphs] == sorted(p.fragment for p in corpus.paragraphs)
    assert {p.fragment for p in corpus.paragraphs} == {1, 2, 3, 4}


def test_first_and_last_paragraph(corpus):
    assert corpus.paragraphs[0].text.startswith(BODY_START)
    assert corpus.paragraphs[-1].text.endswith(BODY_END)


def test_ids_are_readable_slugs(corpus):
    ids = [p.id for p in corpus.paragraphs]
    assert len(ids) == len(set(ids))
    for pid in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pid), pid


def test_metadata_matches_the_header(corpus, source_text):
    letter = corpus.letter
    source = source_text
    assert letter.date == "2019-02-15"
    assert f"Datum {letter.date_as_written}" in source
    assert letter.reference == "BZDOC-151021554-15"
    assert f"Betreft  {letter.title}" in source
    for line in letter.addressee + letter.sender:
        assert line in source, line
    signature_block = join_lines(source.split("\n")[-12:]).replace(",", "").split()
    for signatory in letter.signatories:
        assert signatory.name in source
        assert set(signatory.office.split()) <= set(signature_block), signatory.office
    assert letter.results_url in source
    assert corpus.reference(letter.earlier_letter).as_written in source


# Short names the letter itself introduces: "Veiligheidsraad (hierna: Raad)",
# "Koninkrijk der Nederlanden (KNL)".
LETTER_ALIASES = {"Veiligheidsraad": "Raad", "Koninkrijk der Nederlanden": "KNL"}


@pytest.mark.parametrize("kind", ["places", "organisations"])
def test_mentions_are_written_so_in_the_paragraph(corpus, kind):
    """A place or organisation is listed as that paragraph writes it (or by the full
    name of a short name the letter introduces): "uw Kamer", not "Tweede Kamer"."""
    for paragraph in corpus.paragraphs:
        for name in getattr(paragraph, kind):
            shown = [name] + ([LETTER_ALIASES[name]] if name in LETTER_ALIASES else [])
            found = any(re.search(rf"(?<![\w-]){re.escape(s)}", paragraph.text) for s in shown)
            assert found, f"{paragraph.id}: {name!r} is not written so in the paragraph"


def test_people_mentioned_are_named_in_the_paragraph(corpus):
    for paragraph in corpus.paragraphs:
        for pid in paragraph.people:
            person = corpus.person(pid)
            surname = person.name.split()[-1]
            assert surname in paragraph.text, f"{paragraph.id}: {person.name}"


def test_references_are_written_in_the_paragraph(corpus):
    for paragraph in corpus.paragraphs:
        for rid in paragraph.references:
            assert corpus.reference(rid).as_written.replace("Kamerstuk ", "") in paragraph.text, rid


def test_every_event_date_is_in_its_paragraph(corpus, source_text):
    for event in corpus.events:
        written = event.as_written
        if event.source == "letterhead":  # the letter's own date is in its header, cited as such
            assert event.paragraph is None and event.date == corpus.letter.date
            assert f"Datum {written}" in source_text
            continue
        paragraph = corpus.paragraph(event.paragraph)
        assert written.lower() in paragraph.text.lower(), f"{event.date}: {written!r} not in {paragraph.id}"
