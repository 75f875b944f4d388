"""Citations for reference managers: CSL-JSON (Zotero, Mendeley, pandoc, citeproc), RIS
(Zotero, EndNote) and BibTeX, read back by the tools that read them.

The CSL-JSON is rendered by citeproc-py in the style it ships (Harvard, Cite Them Right);
the RIS is parsed by rispy, with the tags Zotero's RIS import maps for a report (TY RPRT,
M3 report type, SN report number, PB institution, CY place, N1 notes).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import citeproc
import pytest
import rispy

from vr2018 import load_corpus

CORPUS = load_corpus()
MINISTRY = CORPUS.letter.ministry
TARGETS = ["", "iran-2231", "conflict-en-honger:3", "myanmar-rohingya:3", "rule-of-law-icc"]
# Who wrote to whom, and how the mark of what is not in the letter begins, in each text language.
SENDERS = {
    "nl": "Brief van de minister van Buitenlandse Zaken en de minister voor Buitenlandse Handel en "
    "Ontwikkelingssamenwerking aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    "en": "Letter from the Minister of Foreign Affairs and the Minister for Foreign Trade and Development "
    "Cooperation to the Speaker of the House of Representatives of the States General",
}
NOT_IN_LETTER = {"nl": "Niet in de brief: ", "en": "Not in the letter: "}

# Every variable of a CSL 1.0.2 item (csl-data.json of citation-style-language/schema v1.0.2):
# an item with any other key is not CSL-JSON.
CSL_VARIABLES = frozenset(
    """DOI ISBN ISSN PMCID PMID URL abstract accessed annote archive archive-place archive_collection
    archive_location author authority available-date call-number categories chair chapter-number
    citation-key citation-label citation-number collection-editor collection-number collection-title
    compiler composer container-author container-title container-title-short contributor curator custom
    dimensions director division edition editor editorial-director event event-date event-place
    event-title executive-producer first-reference-note-number genre guest host id illustrator interviewer
    issue issued journalAbbreviation jurisdiction keyword language locator medium narrator note number
    number-of-pages number-of-volumes organizer original-author original-date original-publisher
    original-publisher-place original-title page page-first part part-title performer printing producer
    publisher publisher-place recipient references reviewed-author reviewed-genre reviewed-title scale
    script-writer section series-creator shortTitle source status submitted supplement title title-short
    translator type version volume volume-title volume-title-short year-suffix""".split()
)


def _cite(invoke, target: str, fmt: str, lang: str = "nl") -> str:
    result = invoke("cite", *([target] if target else []), "-f", fmt, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _harvard():
    from citeproc import CitationStylesStyle

    return CitationStylesStyle(
        str(Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"), validate=False
    )


# ── CSL-JSON ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("target", TARGETS)
def test_csl_json_is_one_csl_item(invoke, target, lang):
    items = json.loads(_cite(invoke, target, "csl-json", lang))
    assert isinstance(items, list) and len(items) == 1
    (item,) = items
    assert set(item) <= CSL_VARIABLES, set(item) - CSL_VARIABLES
    assert item["type"] == "report" and item["genre"] == "Kamerbrief"
    assert item["number"] == "BZDOC-151021554-15" and item["language"] == "nl"
    assert item["author"] == [{"family": "Blok", "given": "Stef"}, {"family": "Kaag", "given": "Sigrid A.M."}]
    assert item["recipient"] == [{"literal": "Voorzitter van de Tweede Kamer der Staten-Generaal"}]
    assert item["issued"] == {"date-parts": [[2019, 2, 15]]}
    assert item["authority"] == item["publisher"] == MINISTRY and item["publisher-place"] == "Den Haag"
    fields = {"nl": "authority en publisher", "en": "authority and publisher"}[lang]
    assert item["annote"].startswith(f"{NOT_IN_LETTER[lang]}{fields} (Ministerie van Buitenlandse Zaken)")
    assert CORPUS.letter.outside[0].url in item["annote"]
    assert item["title"] == CORPUS.letter.title  # the Dutch original, whatever --lang
    if target:
        assert item["locator"] == target and f"(vr2018: {target})" in item["note"]
    else:
        assert "locator" not in item
    # our English of a quoted passage (a paragraph's first words, a sentence) is marked so
    assert ("unofficial translation" in item.get("note", "")) == (lang == "en" and bool(target))


@pytest.mark.parametrize("target", TARGETS)
def test_citeproc_renders_the_csl_json_in_harvard(invoke, target):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(_cite(invoke, target, "csl-json"))
    bibliography = CitationStylesBibliography(_harvard(), CiteProcJSON(items), formatter.plain)
    cite_item = json.loads(invoke("cite", *([target] if target else []), "--json").stdout)["cite_item"]
    locator = Locator(cite_item["label"], cite_item["locator"]) if cite_item else None
    citation = Citation([CitationItem(items[0]["id"], **({"locator": locator} if locator else {}))])
    bibliography.register(citation)
    warnings: list[object] = []
    in_text = str(bibliography.cite(citation, warnings.append))
    (entry,) = [str(e) for e in bibliography.bibliography()]
    assert not warnings
    assert in_text.startswith("(Blok and Kaag, 2019") and ("para." in in_text) == bool(target)
    assert entry == (
        "Blok, S. and Kaag, S.A.M. (2019) Koninkrijk der Nederlanden als lid van de VN Veiligheidsraad 2018. "
        "Kamerbrief BZDOC-151021554-15. Den Haag: Ministerie van Buitenlandse Zaken."
    )


# ── RIS ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("target", TARGETS)
def test_rispy_reads_the_ris_as_zotero_would(invoke, target, lang):
    out = _cite(invoke, target, "ris", lang)
    assert out.startswith("TY  - RPRT\n") and out.rstrip("\n").endswith("ER  -")
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*|ER  -", line) for line in out.splitlines())
    (record,) = rispy.loads(out)
    assert record["type_of_reference"] == "RPRT"
    assert record["authors"] == ["Blok, Stef", "Kaag, Sigrid A.M."]
    assert record["title"] == CORPUS.letter.title
    assert record["year"] == "2019" and record["date"] == "2019/02/15"
    assert record["type_of_work"] == "Kamerbrief"  # M3: the report type
    assert record["issn"] == "BZDOC-151021554-15"  # SN: Zotero's report number for RPRT
    assert record["publisher"] == MINISTRY and record["place_published"] == "Den Haag"  # PB: the institution
    assert record["language"] == "nl"
    note, marked = record["notes"]
    assert note.startswith(SENDERS[lang])
    assert (f"(vr2018: {target})" in note) == bool(target)
    field = {"nl": "PB, de instelling", "en": "PB, the institution"}[lang]
    assert marked.startswith(f"{NOT_IN_LETTER[lang]}{field} (Ministerie van Buitenlandse Zaken)")


def test_a_quoted_sentence_is_in_the_notes_styles_print(invoke, corpus):
    from vr2018.letter.sentences import named

    sentence = named(corpus, "conflict-en-honger:3")
    quote = f"“{sentence.text}”"
    (record,) = rispy.loads(_cite(invoke, "conflict-en-honger:3", "ris"))
    assert quote in record["notes"][0]
    assert quote in json.loads(_cite(invoke, "conflict-en-honger:3", "csl-json"))[0]["note"]
    bibtex = _cite(invoke, "conflict-en-honger:3", "bibtex")
    note = next(line for line in bibtex.splitlines() if line.lstrip().startswith("note "))
    assert quote in note


# ── BibTeX ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("target", TARGETS)
def test_bibtex_is_a_report_of_the_ministry(invoke, target):
    entry = _cite(invoke, target, "bibtex")
    fields = dict(re.findall(r"(?m)^  (\w+) += \{?(.*?)\}?,?$", entry))
    assert entry.startswith("@techreport{")
    assert fields["type"] == "Kamerbrief" and fields["number"] == "BZDOC-151021554-15"
    assert fields["institution"] == MINISTRY and fields["address"] == "Den Haag"
    assert fields["note"].startswith(SENDERS["nl"])
    assert fields["annote"].startswith("Niet in de brief: institution (Ministerie van Buitenlandse Zaken)")
    assert "url" not in fields  # the letter has no address of its own that we could verify
