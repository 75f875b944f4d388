"""Facts from outside the letter: UN resolutions by symbol, the sending ministry.

The letter cites resolution 2231, resolution 2396 (2017) and "de resolutie over
Conflict en Honger"; it prints no symbol, no adoption date and no ministry. The
data adds them only marked ``outside``, each with the public source it was
checked against, and every view shows them as not in the letter.
"""

from __future__ import annotations

import json
import re

import pytest

from vr2018 import load_corpus
from vr2018.corpus.load import DataError
from vr2018.corpus.loader import load

CORPUS = load_corpus()
RESOLUTIONS = [r for r in CORPUS.references if r.kind == "resolutie"]
OUTSIDE = [CORPUS.letter, *CORPUS.references]


def test_the_three_resolutions_have_their_symbols():
    symbols = {r.id: (r.symbol, r.adopted, r.url) for r in RESOLUTIONS}
    assert symbols == {
        "res-2231": ("S/RES/2231 (2015)", "2015-07-20", "https://undocs.org/S/RES/2231(2015)"),
        "res-2396": ("S/RES/2396 (2017)", "2017-12-21", "https://undocs.org/S/RES/2396(2017)"),
        "res-conflict-en-honger": ("S/RES/2417 (2018)", "2018-05-24", "https://undocs.org/S/RES/2417(2018)"),
    }


@pytest.mark.parametrize("record", OUTSIDE, ids=lambda r: getattr(r, "id", "letter"))
def test_every_outside_fact_carries_a_source(record):
    sourced = {fact for found in record.outside for fact in found.facts}
    for fact in record.outside_facts:
        if fact == "url":  # made from the symbol: sourced with it
            assert "symbol" in sourced
            continue
        assert fact in sourced, fact
        assert getattr(record, fact) is not None
    for found in record.outside:
        assert found.source.strip() and found.url.startswith("https://"), found


def test_what_the_letter_does_not_print_is_marked(source_text):
    """No symbol, date or ministry in the letter; every one of them in the data is marked outside."""
    assert "S/RES" not in source_text and "Ministerie" not in source_text
    for ref in RESOLUTIONS:
        assert {"symbol", "adopted", "url"} <= set(ref.outside_facts), ref.id
    assert CORPUS.letter.outside_facts == ("ministry",)
    assert all(not r.outside for r in CORPUS.references if r.kind == "kamerstuk")


@pytest.mark.parametrize("ref", RESOLUTIONS, ids=lambda r: r.id)
def test_number_and_year_stay_what_the_letter_writes(ref, source_text):
    """The symbol gives the UN's identifier; number and year are only what the letter prints."""
    flat = " ".join(source_text.split())
    assert ref.as_written in flat or ref.as_written.lower() in flat.lower()
    number, year = re.fullmatch(r"S/RES/(\d+) \((\d{4})\)", ref.symbol or "").groups()
    assert ref.number in (None, number) and ref.year in (None, int(year))
    assert (ref.number is not None) == (number in ref.as_written)
    assert (ref.year is not None) == (year in ref.as_written)


def test_refs_shows_each_symbol_as_not_in_the_letter_with_its_sources(invoke):
    out = invoke("refs").stdout
    for ref in RESOLUTIONS:
        line = next(line for line in out.splitlines() if ref.symbol in line)
        assert "not in the letter: symbol, adoption date" in line, line
        assert ref.url in out
        for found in ref.outside:
            assert found.url in out and found.source in out


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("ref", RESOLUTIONS, ids=lambda r: r.id)
def test_show_marks_the_symbol_of_every_resolution_a_paragraph_cites(invoke, ref, lang):
    for paragraph in CORPUS.citing_paragraphs(ref.id):
        out = invoke("show", paragraph.id, "--lang", lang).stdout
        line = next(line for line in out.splitlines() if ref.symbol in line)
        assert "(not in the letter: symbol, adoption date)" in line and ref.url in out


def test_json_names_every_outside_fact_and_its_source(invoke):
    for data in json.loads(invoke("refs", "--json").stdout):
        ref = CORPUS.reference(data["id"])
        assert data["symbol"] == ref.symbol and data["adopted"] == ref.adopted and data["url"] == ref.url
        assert data["outside"] == list(ref.outside_facts)
        assert data["sources"] == [o.source for o in ref.outside]
        assert data["source_urls"] == [o.url for o in ref.outside]
    letter = json.loads(invoke("read", "--json").stdout)["letter"]
    assert letter["ministry"] == "Ministerie van Buitenlandse Zaken" and letter["outside"] == ["ministry"]
    assert len(letter["sources"]) == len(letter["source_urls"]) == 1


def test_a_citation_carries_the_symbols_of_what_its_paragraph_cites(invoke):
    data = json.loads(invoke("cite", "conflict-en-honger:2", "--json").stdout)
    (ref,) = data["references"]
    assert ref["symbol"] == "S/RES/2417 (2018)" and "symbol" in ref["outside"]


def test_exports_carry_the_new_fields(invoke):
    lines = [json.loads(line) for line in invoke("export", "jsonl").stdout.splitlines()]
    refs = {r["id"]: r for r in lines if r["type"] == "reference"}
    assert refs["res-2231"]["symbol"] == "S/RES/2231 (2015)" and "adopted" in refs["res-2231"]["outside"]
    csv = invoke("export", "csv", "references").stdout
    assert "S/RES/2417 (2018)" in csv and "source_urls" in csv.splitlines()[0]


# ── the loader refuses what is not marked or does not agree ────────────────


def _edit(folder, name, old, new, count=1):
    path = folder / f"{name}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_loader_refuses_a_symbol_without_its_source(data_copy):
    _edit(data_copy, "references", 'facts = ["symbol", "adopted"]', 'facts = ["adopted"]')
    with pytest.raises(DataError, match=r"references.toml: reference 'res-2231': field 'symbol': not in the letter"):
        load(data_copy)


def test_the_loader_refuses_a_ministry_without_its_source(data_copy):
    path = data_copy / "letter.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\[\[letter\.outside\]\]\n(?:\w+ = .*\n)+", "", text), encoding="utf-8")
    with pytest.raises(DataError, match=r"letter.toml: \[letter\]: field 'ministry': not in the letter"):
        load(data_copy)
    _edit(
        data_copy,
        "letter",
        'ministry_en = "Ministry of Foreign Affairs"\n',
        'ministry_en = "Ministry of Foreign Affairs"\n\n[[letter.outside]]\nfacts = []\nsource = "x"\nurl = "https://x.org"\n',
    )
    with pytest.raises(DataError, match=r"letter.toml: .*field 'facts': name at least one fact"):
        load(data_copy)


def test_the_loader_refuses_a_symbol_that_disagrees_with_the_letter(data_copy):
    _edit(data_copy, "references", 'symbol = "S/RES/2396 (2017)"', 'symbol = "S/RES/2396 (2018)"')
    with pytest.raises(DataError, match="does not have the year the letter gives, 2017"):
        load(data_copy)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('facts = ["symbol", "adopted"]', 'facts = ["symbol", "adopted", "year"]', "'year' cannot come from outside"),
        ('url = "https://en.wikipedia.org', 'url = "http://en.wikipedia.org', "expected the source's https://"),
        ("adopted = 2015-07-20", "adopted = 2016-07-20", "is not in the symbol's year, 2015"),
    ],
)
def test_the_loader_checks_every_outside_table(data_copy, old, new, message):
    _edit(data_copy, "references", old, new)
    with pytest.raises(DataError, match=re.escape(message)):
        load(data_copy)
