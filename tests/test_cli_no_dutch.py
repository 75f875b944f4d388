"""With --lang en, no Dutch of ours reaches the reader: every command, every record.

A reader who reads only English must not meet a Dutch word that is not the
letter's own, a name or a Kamerstuk notation. This runs every command with
``--lang en`` over every paragraph, theme and person, takes out what is meant to
stay Dutch (the letter's title, signatories' offices and headings, all of
which our views show beside their English; a theme's other names, which a user may type in either
language), and looks in what is left for tell-tale Dutch words of
our data: the Dutch name of every place and organisation that has a different
English one ("Italië", "Veiligheidsraad", "Tweede Kamer"), the Dutch month
names that differ from the English ("februari", "juli") and the words the
letter uses for a resolution or a motion.

``search`` is left out: its hits are the letter's passages, in the language the
search engine matched (issue 11, point 4), not text of ours.
"""

from __future__ import annotations

import re

import pytest
import typer

from vr2018 import load_corpus
from vr2018.cli.main import app
from vr2018.corpus.lang import DUTCH_MONTHS, ENGLISH_MONTHS

CORPUS = load_corpus()


def _telltales() -> tuple[str, ...]:
    names = set()
    for p in CORPUS.paragraphs:
        for field in ("places", "organisations"):
            names.update(nl for nl, en in zip(getattr(p, field), getattr(p, field + "_en"), strict=True) if nl != en)
    for record in (*CORPUS.motions, *CORPUS.references):  # the chambers: "Tweede Kamer", "Eerste Kamer"
        if record.chamber and record.chamber != record.chamber_en:
            names.add(record.chamber)
    months = {nl for nl, en in zip(DUTCH_MONTHS, ENGLISH_MONTHS, strict=True) if nl != en.lower()}
    return tuple(sorted(names | months | {"resolutie", "motie", "Eerste Kamer", "Eerste Kamermotie", "uw Kamer"}))


TELLTALES = _telltales()
_TELLTALE = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, TELLTALES)) + r")(?![\w-])")


def _kept_dutch() -> list[str]:
    """What stays Dutch on purpose, longest first: the letter's own words that the
    views quote beside our English, in the forms they quote them. Each is taken
    out only in that form ("(Afrikaanse Unie)" beside "African Union", the address
    block whole), so the same words elsewhere (a list of organisations) still count."""
    letter = CORPUS.letter
    kept = [letter.title, *(s.office for s in letter.signatories)]
    for section in CORPUS.sections:
        kept += [
            f"({section.title})",
            f"“{section.title}” [",
        ]  # "African Union (Afrikaanse Unie)"; cite's "“…” [English]"
    # A theme's other names are what a user may type, in either language ("also: Veiligheidsraad, Security Council").
    kept += ["also: " + ", ".join(t.aliases) for t in CORPUS.themes]
    return sorted({" ".join(k.split()) for k in kept}, key=len, reverse=True)


KEPT = _kept_dutch()

# Every command, with the arguments that reach every record it can show.
RUNS = {
    "read": [["read"]],
    "show": [["show", p.id] for p in CORPUS.paragraphs],
    "cite": [["cite"]] + [["cite", p.id] for p in CORPUS.paragraphs],
    "info": [["info"]],
    "theme": [["theme"]] + [["theme", t.id, "--full"] for t in CORPUS.themes],
    "motions": [["motions"], ["motions", "--kamerstuk"]],
    "refs": [["refs"]],
    "toc": [["toc"]],
    "timeline": [["timeline"]],
    "people": [["people"]] + [["people", p.id] for p in CORPUS.people],
    "export": [["export", "markdown"]],
}
NOT_OURS = {"search", "help"}  # help prints help text only: no record of the letter, no --lang


def dutch_of_ours(output: str) -> list[str]:
    """The tell-tale Dutch words left in ``output`` once the letter's own words are taken out."""
    text = " ".join(output.split())
    for kept in KEPT:
        text = text.replace(kept, " ")
    return _TELLTALE.findall(text)


def test_every_command_is_checked():
    names = {c.name for c in typer.main.get_command(app).commands.values()}  # type: ignore[attr-defined]
    assert names == set(RUNS) | NOT_OURS


def test_the_check_sees_what_it_looks_for():
    """The words to find are there, and found, in Dutch; what stays Dutch is taken out."""
    assert {
        "Italië",
        "Syrië",
        "Veiligheidsraad",
        "Tweede Kamer",
        "Koninkrijk der Nederlanden",
        "februari",
        "resolutie",
    } <= set(TELLTALES)
    # The words the letter uses for the chambers, which a key under a view once quoted untranslated.
    assert dutch_of_ours(
        "a motion it does not call an Eerste Kamermotie is read as the addressed chamber's (uw Kamer)."
    ) == ["Eerste Kamermotie", "uw Kamer"]
    assert dutch_of_ours("Places  Italië · Syrië\nde resolutie over Conflict en Honger") == [
        "Italië",
        "Syrië",
        "resolutie",
    ]
    assert (
        dutch_of_ours(
            f"to the Speaker of the House of Representatives of the States General, 15 February 2019, "
            f"subject “{CORPUS.letter.title}” [{CORPUS.letter.title_en}], under “Afrikaanse Unie” [African Union]"
        )
        == []
    )
    # A citation that named the addressee or quoted a paragraph in Dutch would be found.
    assert dutch_of_ours("to the Voorzitter van de Tweede Kamer der Staten-Generaal, 15 februari 2019") == [
        "Tweede Kamer",
        "februari",
    ]
    # The address block is checked like everything else: its Dutch would be found.
    assert dutch_of_ours("To  Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Binnenhof 4 Den Haag") == [
        "Tweede Kamer",
        "Den Haag",
    ]


@pytest.mark.parametrize("command", sorted(RUNS))
def test_lang_en_shows_no_dutch_of_ours(invoke, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "2000")  # one line per paragraph: what stays Dutch is never wrapped apart
    found = {}
    for args in RUNS[command]:
        result = invoke(*args, "--lang", "en")
        assert result.exit_code == 0, (args, result.stderr)
        words = dutch_of_ours(result.stdout)
        if words:
            found[" ".join(args)] = sorted(set(words))
    assert not found, f"Dutch of ours under --lang en: {found}"


def test_lang_nl_shows_the_dutch_the_check_looks_for(invoke, monkeypatch):
    """The same check over Dutch output finds plenty: it can fail."""
    monkeypatch.setenv("COLUMNS", "2000")
    result = invoke("show", "inleiding")
    assert {"Italië", "Syrië", "Koninkrijk der Nederlanden", "uw Kamer", "Veiligheidsraad"} <= set(
        dutch_of_ours(result.stdout)
    )


def test_json_carries_the_english_of_what_it_carries_in_dutch(invoke):
    """--json is bilingual whatever --lang: the English siblings added here have no Dutch of ours."""
    import json

    events = json.loads(invoke("timeline", "--json").stdout)
    assert [e["display"] for e in events if "juli" in e["display"]]  # the Dutch is there …
    assert not [e["display_en"] for e in events if dutch_of_ours(e["display_en"])]  # … and its English
    paragraph = json.loads(invoke("show", "inleiding", "--json").stdout)["paragraph"]
    assert paragraph["places_en"][:2] == ["Kingdom of the Netherlands", "Italy"]
    assert not dutch_of_ours(" · ".join(paragraph["places_en"] + paragraph["organisations_en"]))
    refs = json.loads(invoke("refs", "--json").stdout)
    assert not [r["as_written_en"] for r in refs if dutch_of_ours(r["as_written_en"] + " " + str(r["chamber_en"]))]
