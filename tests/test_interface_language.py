"""The interface in one language from the first word to the last: Dutch under a Dutch locale,
English otherwise; the catalog complete and compiled.

How "no English word" is checked without a list kept by hand: the catalog itself says which
words are ours. Its English message ids and its Dutch translations give two vocabularies;
a word of the English ids that no translation uses (and that the letter's own Dutch does not
use) is an English interface word, and must not appear under a Dutch locale; the other way
round for Dutch words under an English locale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import calm

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import catalog  # noqa: E402

from vr2018.cli.app import _Group  # noqa: E402

COMMANDS = [c for c in _Group.ORDER]
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{4,}")


def _words(texts) -> set[str]:
    """The words of ``texts``, placeholders ({name}) and option names (--theme) left out."""
    return {w.lower() for text in texts for w in _WORD.findall(re.sub(r"\{[^}]*\}|(?<!\w)--?[\w-]+", " ", text))}


@pytest.fixture(scope="module")
def vocabularies(corpus):
    entries = catalog.read_po()
    english = _words(m for m, plural in entries for m in (m, plural or ""))
    dutch = _words(s for strs in entries.values() for s in strs)
    letter = _words(p.text for p in corpus.paragraphs) | _words(p.text_en or "" for p in corpus.paragraphs)
    # words both languages use, or the letter uses, tell nothing (names, "json", "Kamerstuk")
    return english - dutch - letter, dutch - english - letter


def _leaks(text: str, foreign: set[str]) -> list[str]:
    lines = [line for line in text.splitlines() if not line.strip().startswith("vr2018 ")]  # examples
    return sorted({w for w in _words(lines) if w in foreign})


def test_the_catalog_is_complete_and_compiled():
    assert catalog.problems(catalog.read_po(), catalog.wanted()) == []


def test_the_vocabularies_are_big_enough_to_mean_something(vocabularies):
    english, dutch = vocabularies
    assert {"paragraph", "usage", "found", "missing", "options"} <= english
    assert {"alinea", "afsluitstatus", "gevonden", "ontbreekt", "opties"} <= dutch


@pytest.fixture()
def dutch_locale(monkeypatch):
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")


@pytest.fixture()
def english_locale(monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_is_dutch_under_a_dutch_locale(invoke, dutch_locale, vocabularies, command):
    result = invoke(*([command] if command else []), "--help")
    calm(result)
    assert _leaks(result.stdout, vocabularies[0]) == []
    assert "Gebruik: vr2018" in result.stdout and ("Opties:" in result.stdout)
    assert "Afsluitstatus: 0 gevonden" in result.stdout


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_is_english_under_an_english_locale(invoke, english_locale, vocabularies, command):
    result = invoke(*([command] if command else []), "--help")
    calm(result)
    assert _leaks(result.stdout, vocabularies[1]) == []
    assert "Usage: vr2018" in result.stdout and "Exit status: 0 found" in result.stdout


def test_the_overview_is_dutch_under_a_dutch_locale(invoke, dutch_locale, vocabularies):
    result = invoke()
    assert _leaks(result.stdout, vocabularies[0]) == []
    assert "Opdrachten:" in result.stdout


BAD = [
    ["search", "--limt", "3", "x"],
    ["search"],
    ["search", "x", "--lang", "xx"],
    ["search", "x", "-n", "abc"],
    ["search", "x", "-n", "0"],
    ["search", "x", "--theme"],
    ["show", "a", "b"],
    ["serch", "x"],
    ["search", "x", "--color", "sometimes"],
    ["export", "csv"],
    ["export", "pdf"],
    ["export", "jsonl", "--bom"],
    ["cite", "iran-2231", "--format", "nope"],
    ["motions", "--kamerstuk", "99999"],
    ["motions", "--kamerstuk", "x1"],
    ["people", "xyzzy"],
    ["show", "nope"],
    ["show", "myanmar-rohingya:99"],
    ["show", "99"],
    ["search", "qqqqqzzz"],
    ["theme", "nope"],
    ["timeline", "--from", "2018-13"],
    ["timeline", "--from", "2018-12", "--to", "2018-01"],
    ["timeline", "septober"],
    ["help", "nope"],
    ["--lang", "en"],
]


@pytest.mark.parametrize("argv", BAD, ids=" ".join)
def test_every_failure_is_dutch_under_a_dutch_locale(invoke, dutch_locale, vocabularies, argv):
    result = invoke(*argv)
    assert result.exit_code in (1, 2)
    assert result.stderr.startswith("vr2018: ")
    assert _leaks(result.stderr, vocabularies[0]) == [], result.stderr


@pytest.mark.parametrize("argv", BAD, ids=" ".join)
def test_every_failure_is_english_under_an_english_locale(invoke, english_locale, vocabularies, argv):
    result = invoke(*argv)
    assert result.exit_code in (1, 2)
    assert _leaks(result.stderr, vocabularies[1]) == [], result.stderr


def test_a_translated_template_keeps_every_placeholder():
    for (msgid, plural), strs in catalog.read_po().items():
        wanted = set(re.findall(r"\{[^}]*\}", msgid + (plural or "")))
        for translated in strs:
            assert set(re.findall(r"\{[^}]*\}", translated)) <= wanted, msgid
            assert set(re.findall(r"\{[^}]*\}", translated)) >= set(re.findall(r"\{[^}]*\}", msgid)), msgid


def test_help_examples_are_kept_as_they_run():
    """A docstring's examples are commands: their translation leaves them unchanged."""
    for (msgid, _plural), strs in catalog.read_po().items():
        examples = [line for line in msgid.splitlines() if line.strip().startswith("vr2018 ")]
        for translated in strs:
            assert [line for line in translated.splitlines() if line.strip().startswith("vr2018 ")] == examples
