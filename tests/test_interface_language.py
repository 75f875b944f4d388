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
    from vr2018.export import jsonl

    entries = catalog.read_po()
    english = _words(m for m, plural in entries for m in (m, plural or ""))
    dutch = _words(s for strs in entries.values() for s in strs)
    from vr2018.letter.citation_words import DUTCH, ENGLISH

    data = _data_words(jsonl(corpus))  # every word of the data, in both languages: the letter's and ours
    data |= _words(str(v) for words in (DUTCH, ENGLISH) for v in words)  # a citation's own words

    # words both languages use, or the data uses, tell nothing (names, "json", "Kamerstuk")
    return english - dutch - data, dutch - english - data


def _data_words(lines: str) -> set[str]:
    """The words of every string value in JSON Lines."""
    import json

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    return {w.lower() for line in lines.splitlines() for text in strings(json.loads(line)) for w in _WORD.findall(text)}


def _leaks(text: str, foreign: set[str]) -> list[str]:
    lines = [line for line in text.splitlines() if not line.strip().startswith("vr2018 ")]  # examples
    return sorted({w for w in _words(lines) if w in foreign})


def test_the_catalog_is_complete_and_compiled():
    assert catalog.problems(catalog.read_po(), catalog.wanted()) == []


def test_the_vocabularies_are_big_enough_to_mean_something(vocabularies):
    english, dutch = vocabularies
    assert {"usage", "found", "options", "inflection"} <= english
    assert {"afsluitstatus", "gevonden", "opties", "verbuiging"} <= dutch


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
    """A help text's examples (the lines after "Examples:") are commands: translated, they stay as they are."""

    def examples(text: str) -> list[str]:
        lines = text.splitlines()
        heads = [i for i, line in enumerate(lines) if line.strip() in ("Examples:", "Voorbeelden:")]
        return [line for line in lines[heads[0] + 1 :] if line.strip()] if heads else []

    for (msgid, _plural), strs in catalog.read_po().items():
        for translated in strs:
            assert examples(translated) == examples(msgid), msgid[:60]


VIEWS = [
    ["search", "Rohingya"],
    ["search", "chemical", "weapons"],
    ["search", "qqqqqzzz"],
    ["theme"],
    ["theme", "klimaat"],
    ["theme", "klimaat", "--full"],
    ["motions"],
    ["motions", "--kamerstuk"],
    ["refs"],
    ["read"],
    ["toc"],
    ["show", "iran-2231"],
    ["show", "3", "--context", "1"],
    ["show", "myanmar-rohingya:2"],
    ["timeline"],
    ["timeline", "september"],
    ["people"],
    ["people", "mark", "rutte"],
    ["cite"],
    ["cite", "myanmar-rohingya:2"],
    ["info"],
    ["export", "markdown"],
]


@pytest.mark.parametrize("lang", ["nl", "en", "both"])
@pytest.mark.parametrize("argv", VIEWS, ids=" ".join)
def test_every_view_speaks_the_interface_language(invoke, monkeypatch, vocabularies, argv, lang):
    """Under a Dutch locale no English word of ours, under an English one no Dutch word of ours,
    whatever the text's language (the letter's words and ours about it are data, not interface)."""
    for locale, foreign in (("nl_NL.UTF-8", vocabularies[0]), ("en_GB.UTF-8", vocabularies[1])):
        monkeypatch.setenv("LANG", locale)
        result = invoke(*argv, "--lang", lang)
        assert result.exit_code in (0, 1), result.stderr
        assert _leaks(result.stdout + result.stderr, foreign) == [], (locale, argv)
