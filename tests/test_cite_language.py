"""`cite` wholly in one language (issue 20, point 3): a Dutch citation after the Leidraad voor
juridische auteurs with no English word in it, an English one with no Dutch date, office or
addressee, `--lang both` the English with the Dutch original of its quote after it, labelled,
and every title quoted, so that a comma in one cannot split the citation."""

from __future__ import annotations

import json
import re
import sys

import pytest

from vr2018 import load_corpus
from vr2018.corpus.lang import DUTCH_MONTHS, EN, ENGLISH_MONTHS, NL
from vr2018.letter import citation_formats, citations
from vr2018.letter.paragraphs import opening
from vr2018.letter.sentences import Sentence, named, quoted

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = load_corpus()
TERMS: dict[str, str] = tomllib.loads((CORPUS.data_dir / "terms.toml").read_text(encoding="utf-8"))["terms"]
IDS = [p.id for p in CORPUS.paragraphs]
# What to cite: the letter, every paragraph, a sentence, a sentence a missing page cuts, and a
# paragraph whose start is on a missing page.
TARGETS = ["", *IDS, "myanmar-rohingya:2", "myanmar-rohingya:3", "europese-samenwerking-legacy:1"]
FORMATS = ("text", "markdown", "bibtex", "csl-json", "ris")

# The words an English citation is framed in: none may be in a Dutch one.
ENGLISH_FRAME = (
    "letter",
    "from",
    "to",
    "the",
    "and",
    "of",
    "reference",
    "subject",
    "section",
    "under",
    "paragraph",
    "beginning",
    "begins",
    "missing",
    "page",
    "here",
    "sentence",
    "minister of",
    "minister for",
    "speaker",
    "house of representatives",
    "states general",
    "unofficial",
    "translation",
    "title",
    "dutch",
    "original",
)
_ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH_FRAME)) + r")(?![\w-])", re.IGNORECASE)
_ENGLISH_MONTH = re.compile(r"(?<!\w)(" + "|".join(ENGLISH_MONTHS) + r")(?!\w)")
# What an English citation must not hold: a Dutch month, office, addressee or frame word.
DUTCH_WORDS = (
    *DUTCH_MONTHS,
    "minister van",
    "minister voor",
    "Voorzitter",
    "Tweede Kamer",
    "Staten-Generaal",
    "Brief van",
    "kenmerk",
    "betreft",
    "onder",
    "alinea",
    "beginnend",
    "zin",
    "Niet in de brief",
    "ontleend",
)
_DUTCH = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, DUTCH_WORDS)) + r")(?![\w-])", re.IGNORECASE)


def _cite(invoke, target: str, *args: str) -> str:
    result = invoke("cite", *([target] if target else []), *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _printed(fmt: str, out: str) -> str:
    """What of a citation is words rather than syntax: the whole text or Markdown; the note and
    the mark of what is not in the letter for the forms for reference managers (their field names
    and tags are the formats', and "dutch" is BibTeX's name for the source's language)."""
    if fmt in ("text", "markdown"):
        return out
    if fmt == "csl-json":
        (item,) = json.loads(out)
        return "\n".join(item.get(key, "") for key in ("note", "annote"))
    if fmt == "ris":
        return "\n".join(line[6:] for line in out.splitlines() if line.startswith("N1  - "))
    return "\n".join(re.findall(r"(?m)^  (?:note|annote) += \{(.*)\},?$", out))


def _without_the_letters_words(text: str, target: str) -> str:
    """The citation with the letter's own words taken out: its title, its headings, and the
    passages it quotes (its Dutch may hold English: "Sustainable Development Goals")."""
    kept = [CORPUS.letter.title, *(s.title for s in CORPUS.sections)]
    if target:
        sentence_or_paragraph = named(CORPUS, target)
        paragraph = getattr(sentence_or_paragraph, "paragraph", sentence_or_paragraph)
        kept += [opening(paragraph).removesuffix(" …"), getattr(sentence_or_paragraph, "text", "")]
    for words in sorted(filter(None, kept), key=len, reverse=True):
        text = text.replace(words, " ")
    return re.sub(r"\(vr2018: [^)]*\)|<https://[^>]*>", " ", text)  # our address, a source's URL


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("target", TARGETS)
def test_a_dutch_citation_holds_no_english_word(invoke, target, fmt):
    out = _printed(fmt, _cite(invoke, target, "-f", fmt))
    rest = _without_the_letters_words(out, target)
    assert not _ENGLISH.findall(rest), _ENGLISH.findall(rest)
    assert not _ENGLISH_MONTH.findall(out)
    if fmt == "text":
        assert "15 februari 2019, kenmerk BZDOC-151021554-15" in out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("target", TARGETS)
def test_an_english_citation_holds_no_dutch_date_office_or_addressee(invoke, target, fmt):
    out = _printed(fmt, _cite(invoke, target, "-f", fmt, "--lang", "en"))
    rest = _without_the_letters_words(out, "")  # what it quotes is our English: only titles and headings stay Dutch
    assert not _DUTCH.findall(rest), _DUTCH.findall(rest)
    if fmt in ("text", "markdown") or (fmt != "csl-json" and target):
        # each office as the termbase renders it, and the addressee as the address block's English
        for signatory in CORPUS.letter.signatories:
            assert TERMS[signatory.office.removeprefix("De ")] in out
        assert "the Speaker of the House of Representatives of the States General" in out
    if fmt in ("text", "markdown"):
        assert "15 February 2019, reference" in out


def test_the_check_finds_what_it_looks_for():
    """Both checks can fail: the mixed citation issue 20 reported is caught by each."""
    mixed = (
        "letter to the Voorzitter van de Tweede Kamer der Staten-Generaal, 15 februari 2019, "
        "reference BZDOC-151021554-15. Section Veiligheid voor burgers, wereldwijd, paragraph beginning"
    )
    assert {"letter", "reference", "paragraph"} <= {w.lower() for w in _ENGLISH.findall(mixed)}
    assert {"februari", "Voorzitter", "Tweede Kamer"} <= set(_DUTCH.findall(mixed))
    assert _ENGLISH_MONTH.findall("15 February 2019") == ["February"]


def test_the_dutch_citation_is_the_leidraads_letter_cited_by_its_kenmerk(invoke):
    out = _cite(invoke, "myanmar-rohingya:2")
    sentence = named(CORPUS, "myanmar-rohingya:2")
    assert out == (
        f"“{sentence.text}”\n"
        "Brief van de minister van Buitenlandse Zaken en de minister voor Buitenlandse Handel en "
        "Ontwikkelingssamenwerking aan de Voorzitter van de Tweede Kamer der Staten-Generaal, 15 februari 2019, "
        "kenmerk BZDOC-151021554-15, betreft ‘Koninkrijk der Nederlanden als lid van de VN Veiligheidsraad 2018’, "
        "onder ‘Veiligheid voor burgers, wereldwijd’, alinea beginnend met "
        "‘Zo hebben we tijdens ons voorzitterschap achter de …’, zin 2 (vr2018: myanmar-rohingya:2).\n"
    )


def test_the_english_citation_frames_the_letter_in_english(invoke):
    out = _cite(invoke, "myanmar-rohingya:2", "--lang", "en")
    sentence = named(CORPUS, "myanmar-rohingya:2")
    assert out == (
        f"“{sentence.text_en}” (unofficial translation)\n"
        "Letter from the Minister of Foreign Affairs and the Minister for Foreign Trade and Development "
        "Cooperation to the Speaker of the House of Representatives of the States General, 15 February 2019, "
        "reference BZDOC-151021554-15, subject “Koninkrijk der Nederlanden als lid van de VN Veiligheidsraad 2018” "
        "[Kingdom of the Netherlands as a member of the UN Security Council 2018], "
        "under “Veiligheid voor burgers, wereldwijd” [Security for civilians, worldwide], paragraph beginning "
        "“For example, during our presidency we lobbied successfully …” (unofficial translation), "
        "sentence 2 (vr2018: myanmar-rohingya:2).\n"
    )


# ── --lang both ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("target", ["iran-2231", "myanmar-rohingya:3", "europese-samenwerking-legacy"])
def test_both_is_the_english_with_the_dutch_original_labelled(invoke, target, fmt):
    english = _cite(invoke, target, "-f", fmt, "--lang", "en")
    both = _cite(invoke, target, "-f", fmt, "--lang", "both")
    assert both != english
    found = named(CORPUS, target)  # a sentence, quoted as `cite ID:N` quotes it, or a paragraph's first words
    dutch = quoted(found.text, found.cut) if isinstance(found, Sentence) else opening(found)
    printed = " ".join(_printed(fmt, both).replace("\\", "").split())
    assert f"Dutch original: “{dutch}”" in printed
    if fmt in ("text", "markdown"):  # the English citation whole, then the label and the Dutch after it
        assert both.startswith(english.rstrip("\n")) and both.index("Dutch original:") > len(english) - 1


def test_both_of_the_whole_letter_is_the_english(invoke):
    """The whole letter quotes nothing: its title is already given in Dutch."""
    for fmt in FORMATS:
        assert _cite(invoke, "", "-f", fmt, "--lang", "both") == _cite(invoke, "", "-f", fmt, "--lang", "en")


def test_the_label_around_a_citation_is_the_interfaces(invoke, monkeypatch):
    """'Dutch original:' after a text or Markdown citation is a label of ours, in the interface's
    language (through gettext), not part of the citation, whose language is the text's."""
    from vr2018 import i18n

    monkeypatch.setattr(i18n, "_", lambda message: f"<{message}>")
    for fmt in ("text", "markdown"):
        out = _cite(invoke, "iran-2231:2", "-f", fmt, "--lang", "both")
        assert "<Dutch original:>" in out.replace("\\<", "<").replace("\\>", ">")
    assert "<" not in _cite(invoke, "iran-2231:2", "--lang", "en")  # the citation itself is untouched


# ── titles with a comma ─────────────────────────────────────────────────────

COMMA_SECTIONS = [s for s in CORPUS.sections if s.printed and "," in s.title]
UNDER_A_COMMA = [p.id for p in CORPUS.paragraphs if any(s in COMMA_SECTIONS for s in CORPUS.section_path(p))]


def test_there_is_a_heading_with_a_comma():
    assert COMMA_SECTIONS and UNDER_A_COMMA


@pytest.mark.parametrize("fmt", ["text", "markdown", "bibtex", "csl-json", "ris"])
@pytest.mark.parametrize("pid", UNDER_A_COMMA)
def test_a_heading_with_a_comma_is_quoted(invoke, pid, fmt):
    for section in COMMA_SECTIONS:
        dutch = _printed(fmt, _cite(invoke, pid, "-f", fmt))
        assert f"onder ‘{section.title}’" in dutch or f"Onder ‘{section.title}’" in dutch
        english = _printed(fmt, _cite(invoke, pid, "-f", fmt, "--lang", "en"))
        assert re.search(rf"[uU]nder “{re.escape(section.title)}” \\?\[{re.escape(section.title_en)}\\?\]", english)


@pytest.mark.parametrize("lang", [NL, EN])
@pytest.mark.parametrize("fmt", ["text", "markdown", "bibtex"])
def test_a_letter_title_with_a_comma_is_quoted(fmt, lang):
    """The letter's title has none, but a title with one is quoted all the same."""
    c = citations.citation(CORPUS, CORPUS.paragraph("iran-2231")).replace(
        title="Veiligheid, wereldwijd", title_en="Security, worldwide"
    )
    out = citation_formats.format_citation(c, fmt, lang)
    if fmt == "bibtex":  # the title field holds the title; the note names no title in Dutch
        assert "title       = {{Veiligheid, wereldwijd}}" in out
        if lang is EN:
            assert "Title in English: Security, worldwide" in out
        return
    expected = "betreft ‘Veiligheid, wereldwijd’" if lang is NL else "subject “Veiligheid, wereldwijd” "
    assert expected in out
