"""--lang nl|en|both and VR2018_LANG on every command that prints the letter's
text or ours: English where asked for, the Dutch original under it with ``both``,
interface words English in every mode (the notice, once per output, and the side-by-side
layout: test_cli_bilingual.py)."""

from __future__ import annotations

import re

import pytest

from vr2018 import load_corpus
from vr2018.corpus.lang import BOTH, EN, NL, Lang, heading, section_title, text_of
from vr2018.letter import sentences
from vr2018.letter.paragraphs import opening
from vr2018.timeline import date_label

UNOFFICIAL = "English: unofficial translation; the Dutch text is authoritative."  # once per output: test_cli_bilingual
DUTCH_ORIGINAL = "Dutch original:"
CORPUS = load_corpus()
P = CORPUS.paragraph("myanmar-rohingya")
THEME = CORPUS.theme("myanmar")
MOTION = CORPUS.motions[0]
REF = next(r for r in CORPUS.references if r.description_en != r.description)
EVENT = next(e for e in CORPUS.events if e.label_en != e.label)
PERSON = next(p for p in CORPUS.people if p.role_en != p.role)
KAAG = CORPUS.person("kaag")
TITLED = next(t for t in CORPUS.themes if t.title_en != t.title)

# command → (arguments, a text that must be there in English, its Dutch, whether
# the Dutch is gone in English: `cite` names the Dutch original in every mode,
# and `search` keeps the letter's heading beside its English)
COMMANDS = {
    "read": (["read"], CORPUS.paragraphs[0].text_en, CORPUS.paragraphs[0].text, True),
    "show": (["show", P.id], P.text_en, P.text, True),
    "cite": (["cite", P.id], CORPUS.letter.title_en, None, False),
    "info": (["info"], CORPUS.letter.title_en, CORPUS.letter.title, True),
    "theme": (["theme", "myanmar"], THEME.summary_en, THEME.summary, True),
    "theme-list": (["theme"], TITLED.title_en, TITLED.title, True),
    "theme-full": (["theme", "myanmar", "--full"], P.text_en, P.text, True),
    "motions": (["motions"], MOTION.subject_en, MOTION.subject, True),
    "motions-kamerstuk": (["motions", "--kamerstuk"], MOTION.subject_en, MOTION.subject, True),
    "refs": (["refs"], REF.description_en, REF.description, True),
    "timeline": (["timeline"], EVENT.label_en, EVENT.label, True),
    "people": (["people"], PERSON.role_en, PERSON.role, True),
    "people-one": (["people", "kaag"], KAAG.did[0].text_en, KAAG.did[0].text, True),
    "search": (["search", "Rohingya"], "Security for civilians, worldwide", None, False),
    "export": (["export", "markdown"], P.text_en, P.text, True),
}
# Where `both` puts the Dutch original under the English of the letter.
PASSAGES = {"read", "show", "theme-full", "export"}
# Dutch interface words that were once printed; never again, in any mode.
DUTCH_INTERFACE = (
    "Tekst ontbreekt",
    "Kop ontbreekt",
    "Datum ",
    "Referentie",
    "Geadresseerde",
    "Afzender",
    "Alinea",
    "alinea beginnend",
    "brief aan",
    "referentie ",
    "Sectie",
    "[Inleiding]",
    "nr. 290  motie",
)


def said(name: str, out: str) -> str:
    """What the output says: for the Markdown export, its text as CommonMark reads it, the
    backslash escapes (``thema\\'s``: CommonMark's, and those pandoc's commonmark_x needs) and
    the angle brackets of an autolink (``<https://…>``) taken out."""
    if name != "export":
        return out
    return re.sub(r"<(https?://[^\s<>]+)>", r"\1", re.sub(r"\\([!-/:-@[-`{-~])", r"\1", out))


@pytest.mark.parametrize("name", COMMANDS)
def test_lang_en_answers_in_english(invoke, name):
    args, english, dutch, dutch_gone = COMMANDS[name]
    result = invoke(*args, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    out = said(name, result.stdout)
    assert english in out
    if dutch_gone:
        assert dutch not in out


@pytest.mark.parametrize("name", COMMANDS)
def test_lang_nl_is_the_default_and_dutch(invoke, name):
    args, english, dutch, _ = COMMANDS[name]
    default = invoke(*args)
    assert default.exit_code == 0, default.stderr
    assert invoke(*args, "--lang", "nl").stdout == default.stdout
    out = said(name, default.stdout)
    if dutch is not None:
        assert dutch in out
    if english != dutch:
        assert english not in out


@pytest.mark.parametrize("name", COMMANDS)
def test_lang_both_gives_english_and_under_passages_the_dutch(invoke, name):
    args, english, dutch, _ = COMMANDS[name]
    result = invoke(*args, "--lang", "both")
    assert result.exit_code == 0, result.stderr
    out = said(name, result.stdout)
    assert english in out
    if name in PASSAGES:
        assert dutch in out
        assert out.index(english) < out.index(dutch)  # the Dutch under the English
        assert DUTCH_ORIGINAL in out


@pytest.mark.parametrize("name", COMMANDS)
def test_vr2018_lang_sets_the_default_and_lang_overrides_it(invoke, name, monkeypatch):
    args = COMMANDS[name][0]
    english = invoke(*args, "--lang", "en").stdout
    dutch = invoke(*args).stdout
    monkeypatch.setenv("VR2018_LANG", "en")
    assert invoke(*args).stdout == english
    assert invoke(*args, "--lang", "nl").stdout == dutch
    monkeypatch.setenv("VR2018_LANG", "EN")  # case does not matter
    assert invoke(*args).stdout == english


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("how", ["option", "env"])
def test_bad_lang_is_one_line_and_status_2(invoke, name, how, monkeypatch):
    args = COMMANDS[name][0]
    if how == "env":
        monkeypatch.setenv("VR2018_LANG", "fr")
        result = invoke(*args)
    else:
        result = invoke(*args, "--lang", "fr")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "'fr'" in result.stderr and "nl" in result.stderr and "both" in result.stderr


@pytest.mark.parametrize(
    ("name", "lang"),
    # A Dutch citation is text in the text language, not interface words (test_cite_language.py).
    [(name, lang) for name in COMMANDS for lang in ("nl", "en", "both") if (name, lang) != ("cite", "nl")],
)
def test_interface_words_are_english_in_every_mode(invoke, name, lang):
    out = said(name, invoke(*COMMANDS[name][0], "--lang", lang).stdout)
    for paragraph in CORPUS.paragraphs:  # the letter's own words may say anything ("een brief aan uw Kamer")
        out = out.replace(paragraph.text, "")
    for word in DUTCH_INTERFACE:
        assert word not in out, word


def _ours_in_dutch() -> set[str]:
    """Every Dutch text we wrote that has a different English rendering."""
    texts = set()
    records = [
        *CORPUS.themes,
        *(p for t in CORPUS.themes for p in t.points),
        *CORPUS.events,
        *CORPUS.people,
        *(d for p in CORPUS.people for d in p.did),
        *CORPUS.motions,
        *(d for m in CORPUS.motions for d in m.done),
        *CORPUS.references,
    ]
    for record in records:
        for field in ("title", "summary", "text", "label", "role", "subject", "description"):
            dutch = getattr(record, field, None)
            if isinstance(dutch, str) and getattr(record, field + "_en", None) not in (None, dutch):
                texts.add(dutch)
    return texts


@pytest.mark.parametrize("name", [n for n in COMMANDS if n not in ("cite", "search")])
def test_lang_en_shows_no_dutch_of_the_letter_or_ours(invoke, name):
    out = invoke(*COMMANDS[name][0], "--lang", "en").stdout
    for paragraph in CORPUS.paragraphs:
        assert paragraph.text not in out, paragraph.id
    for section in CORPUS.sections:  # the letter's own headings are kept beside their English
        out = out.replace(heading(section, EN), "")
    for dutch in _ours_in_dutch():
        assert dutch not in out, dutch


def test_no_label_in_dutch(invoke):
    for args, *_ in COMMANDS.values():
        assert UNOFFICIAL not in invoke(*args).stdout


def test_show_en_gives_english_dates_roles_and_headings(invoke):
    out = invoke("show", "rutte-26-september", "--lang", "en").stdout
    paragraph = CORPUS.paragraph("rutte-26-september")
    assert section_title(CORPUS, paragraph, EN) in out
    for event in CORPUS.paragraph_events(paragraph.id):
        assert f"{date_label(event, EN)}: {event.label_en}" in out
    assert "September" in out and "september" not in out.replace(paragraph.id, "")


def test_read_en_labels_and_dates(invoke):
    out = invoke("read", "--lang", "en").stdout
    assert "Date       15 February 2019" in out and "Reference  BZDOC-151021554-15" in out
    assert CORPUS.letter.salutation_en in out and CORPUS.letter.salutation not in out
    for signatory in CORPUS.letter.signatories:
        assert signatory.office_en in out and signatory.office not in out
    for section in CORPUS.sections:
        if section.printed and section.title_en != section.title:
            assert f"{section.title_en} ({section.title})" in out  # the letter's heading kept


def test_read_nl_labels_are_english_like_info(invoke):
    out = invoke("read").stdout
    assert "Date       15 februari 2019" in out and "Reference  BZDOC-151021554-15" in out
    assert re.search(r"^To +Aan de Voorzitter", out, re.M) and re.search(r"^From +Rijnstraat 8", out, re.M)


# ── cite ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("fmt", ["text", "markdown", "bibtex"])
@pytest.mark.parametrize("lang", ["en", "both"])
def test_cite_en_is_english_with_the_letters_title_kept(invoke, fmt, lang):
    out = invoke("cite", P.id, "-f", fmt, "--lang", lang).stdout
    dutch = invoke("cite", P.id, "-f", fmt).stdout
    assert "unofficial translation" in out and "unofficial translation" not in dutch
    assert CORPUS.letter.title in out  # the source, as it is titled …
    assert CORPUS.letter.title_en in out.replace("\\", "")  # … with our English
    assert opening(P, lang=EN) in out
    assert (opening(P) in out) == (lang == "both")  # the Dutch original of what it quotes, with both only
    for signatory in CORPUS.letter.signatories:
        assert signatory.office_en.removeprefix("The ") in out
    if fmt == "bibtex":
        assert re.search(r"(?m)^  language +=  ?\{dutch\},?$", out)
        note = next(line for line in out.splitlines() if line.lstrip().startswith("note"))
        assert "unofficial translation" in note and opening(P, lang=EN) in note
    if fmt == "text":
        assert out.count("\n") == (1 if lang == "en" else 2) and "15 February 2019" in out


def test_cite_help_says_each_citation_is_in_one_language(invoke):
    """The help promises what `cite` does: a Dutch citation after the Leidraad, an English one quoting our English."""
    help_text = " ".join(invoke("help", "cite").stdout.split())
    assert "Each citation is in one language" in help_text and "Leidraad" in help_text
    quote = invoke("cite", f"{P.id}:2", "--lang", "en").stdout
    english = sentences.texts(P.text_en)[1]
    assert quote.startswith(f"“{english}” (unofficial translation)\n")


# ── the helpers ─────────────────────────────────────────────────────────────


def test_text_of_picks_the_english_sibling():
    assert text_of(P, "text", NL) == P.text
    assert text_of(P, "text", EN) == P.text_en == text_of(P, "text", BOTH)
    assert text_of(THEME, "summary", EN) == THEME.summary_en


def test_headings_keep_the_letters_dutch_and_ours_are_in_the_texts_language():
    printed = next(s for s in CORPUS.sections if s.printed and s.title_en != s.title)
    assert heading(printed, NL) == printed.title
    assert heading(printed, EN) == f"{printed.title_en} ({printed.title})"
    for section in CORPUS.sections:
        if not section.printed:
            assert heading(section, NL) == f"[{section.title}]"  # ours, in brackets, in one language
            assert heading(section, EN) == f"[{section.title_en}]"


@pytest.mark.parametrize(
    "date, precision_label",
    [
        ("2018-07-06", "6 July 2018"),
        ("2018-04", "April 2018"),
        ("2018", "2018"),
        ("2033/2034", "2033-2034"),
    ],
)
def test_date_label_in_english(date, precision_label):
    from vr2018.corpus.model import Event

    assert date_label(Event(date, "x", "x", "inleiding"), EN) == precision_label
    assert date_label(Event(date, "x", "x", "inleiding"), BOTH) == precision_label


def test_lang_values():
    assert [lang.value for lang in Lang] == ["nl", "en", "both"]
    assert not NL.english and EN.english and BOTH.english


@pytest.mark.parametrize("args", [[], [P.id]])
def test_cite_json_carries_the_english_formats_whatever_lang(invoke, args):
    import json

    data = json.loads(invoke("cite", *args, "--json").stdout)
    assert data == json.loads(invoke("cite", *args, "--json", "--lang", "en").stdout)
    for fmt in ("text", "markdown", "bibtex"):
        assert data["formats_en"][fmt] + "\n" == invoke("cite", *args, "-f", fmt, "--lang", "en").stdout
        assert data["formats"][fmt] + "\n" == invoke("cite", *args, "-f", fmt).stdout
    assert data["opening_en"] == (opening(P, lang=EN) if args else None)


@pytest.mark.parametrize("args", [["--lang", "en"], ["help", "--lang", "en"], ["help", "search", "--lang", "en"]])
def test_lang_before_the_command_says_where_it_goes(invoke, args):
    """`vr2018 --lang en` is what a newcomer tries first: one line saying where --lang goes, status 2."""
    result = invoke(*args)
    assert result.exit_code == 2 and result.stdout == ""
    line = result.stderr.strip()
    assert "\n" not in line and "goes after a command" in line and "VR2018_LANG=en" in line


def test_other_unknown_options_keep_the_plain_hint(invoke):
    assert "goes after" not in invoke("--bogus").stderr
    assert "goes after" not in invoke("search", "x", "--bogus").stderr
