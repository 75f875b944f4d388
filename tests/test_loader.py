"""The loader validates on load and names the file, the record and the field."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from vr2018 import DataError, load_corpus
from vr2018.corpus.load import data_dir
from vr2018.corpus.loader import DATA_FILES
from vr2018.corpus.model import (
    Event,
    Letter,
    Motion,
    Paragraph,
    Person,
    Point,
    Reference,
    Section,
    Signatory,
    Statement,
    Theme,
)
from vr2018.corpus.schema import translations


def edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / f"{name}.toml"
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {name}.toml"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / f"{name}.toml").write_bytes(data)


def remove(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / f"{name}.toml").unlink()


def blank_line(name: str, starts: str, replacement: str) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        path = folder / f"{name}.toml"
        lines = path.read_text(encoding="utf-8").split("\n")
        assert any(line.startswith(starts) for line in lines), f"test setup: no line {starts!r}"
        path.write_text("\n".join(replacement if line.startswith(starts) else line for line in lines), encoding="utf-8")

    return apply


def error_for(folder: Path) -> str:
    with pytest.raises(DataError) as info:
        load_corpus(folder)
    message = str(info.value)
    assert "\n" not in message
    return message


# (what is broken, how, the message: exactly (str), or a prefix/suffix/fragments (dict))
FAULTS: list[tuple[str, Callable[[Path], None], str | dict[str, object]]] = [
    ("missing file", remove("themes"), {"starts": "data/themes.toml: file not found"}),
    (
        "not UTF-8",
        write("people", '[[person]]\nid = "caf\xe9"\n'.encode("latin-1")),
        {"starts": "data/people.toml: not UTF-8"},
    ),
    (
        "invalid TOML",
        edit("paragraphs", 'id = "opcw-hack"', 'id = "opcw-hack'),
        {"starts": "data/paragraphs.toml: invalid TOML", "contains": ("line", "column")},
    ),
    (
        "missing field",
        edit("paragraphs", 'id = "opcw-hack"\nsection = "fragment-2-zonder-kop"\n', 'id = "opcw-hack"\n'),
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'section' is missing",
    ),
    (
        "wrong type",
        edit(
            "paragraphs",
            'id = "opcw-hack"\nsection = "fragment-2-zonder-kop"\nfragment = 2',
            'id = "opcw-hack"\nsection = "fragment-2-zonder-kop"\nfragment = "2"',
        ),
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'fragment': expected an integer, got a string",
    ),
    (
        "empty text",
        blank_line("paragraphs", 'text = "De Raad bood', 'text = " "'),
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'text': expected a non-empty string, got an empty string",
    ),
    (
        "duplicate id",
        edit("paragraphs", 'id = "opcw-hack"', 'id = "iran-2231"'),
        "data/paragraphs.toml: paragraph 'iran-2231': duplicate id 'iran-2231'",
    ),
    (
        "dangling theme",
        edit(
            "paragraphs",
            'themes = ["raad"]\nplaces = ["Den Haag"]',
            'themes = ["council"]\nplaces = ["Den Haag"]',
        ),
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'themes': no theme 'council'",
    ),
    (
        "dangling point source",
        edit("themes", 'sources = ["opcw-hack"]', 'sources = ["opcw-hak"]'),
        {"starts": "data/themes.toml: theme 'raad': points #", "ends": "field 'sources': no paragraph 'opcw-hak'"},
    ),
    (
        "dangling motion reference",
        edit("motions", 'reference = "kst-22045-290"', 'reference = "kst-22045-291"'),
        "data/motions.toml: motion 'kuzu-wapenembargo': field 'reference': no reference 'kst-22045-291'",
    ),
    (
        "unknown field is a typo",
        edit("people", 'id = "trump"\nname = "Trump"', 'id = "trump"\nnaam = "Trump"'),
        "data/people.toml: person 'trump': unknown field 'naam'",
    ),
    (
        "bad event date",
        edit("events", 'date = "2018-04"', 'date = "april 2018"'),
        {"contains": ("field 'date': expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY",)},
    ),
    (
        "bad cut value",
        edit("paragraphs", 'cut = "start"', 'cut = "begin"'),
        "data/paragraphs.toml: paragraph 'europese-samenwerking-legacy': field 'cut': expected 'start' or 'end', got 'begin'",
    ),
    (
        "bad reference kind",
        edit("references", 'kind = "kamerstuk"', 'kind = "motie"'),
        {"ends": "field 'kind': expected 'kamerstuk' or 'resolutie', got 'motie'"},
    ),
    (
        "bad section level",
        edit("sections", "level = 1", "level = 3"),
        {"starts": "data/sections.toml: section '", "ends": "field 'level': expected 1 or 2, got 3"},
    ),
    (
        "a boolean is not an integer",
        edit("paragraphs", "fragment = 2", "fragment = true"),
        {"ends": "field 'fragment': expected an integer, got a boolean"},
    ),
    (
        "a list of strings",
        edit("paragraphs", 'themes = ["raad"]\nplaces = ["Den Haag"]', 'themes = "raad"\nplaces = ["Den Haag"]'),
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'themes': expected a list of non-empty strings, got a string",
    ),
    (
        "a date in the letter",
        edit("letter", "date = 2019-02-15", 'date = "2019-02-15"'),
        "data/letter.toml: [letter]: field 'date': expected a date (YYYY-MM-DD), got a string",
    ),
    (
        "an English sibling may not be empty",
        blank_line("paragraphs", 'text_en = "The Council also offered', 'text_en = ""'),
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'text_en': expected a non-empty string, got an empty string",
    ),
    (
        "an English list names the same things, one for one",
        edit("paragraphs", 'places_en = ["The Hague"]', 'places_en = ["The Hague", "Hague"]'),
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'places_en': expected one entry for each of the 1 in "
        "'places', got 2",
    ),
    (
        "an empty English list",
        edit("paragraphs", 'places_en = ["The Hague"]', "places_en = []"),
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'places_en': expected one entry for each of the 1 in "
        "'places', got 0",
    ),
    (
        "a Dutch list without its English",
        blank_line("paragraphs", 'organisations_en = ["Russian Military', ""),
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'organisations_en' is missing",
    ),
    (
        "an address block without its English",
        edit(
            "letter",
            'lines_en = [\n    "To the Speaker of the",\n    "House of Representatives of the States General",\n'
            '    "Binnenhof 4",\n    "The Hague",\n]',
            "",
        ),
        "data/letter.toml: [letter.addressee]: field 'lines_en' is missing",
    ),
    (
        "an address block's English, line for line",
        edit("letter", '    "The Hague",\n]', "]"),
        "data/letter.toml: [letter.addressee]: field 'lines_en': expected one entry for each of the 4 in 'lines', got 3",
    ),
    (
        "an unknown English field",
        edit("paragraphs", 'id = "opcw-hack"', 'id = "opcw-hack"\nsection_en = "x"'),
        "data/paragraphs.toml: paragraph 'opcw-hack': unknown field 'section_en'",
    ),
]


@pytest.mark.parametrize(("breaks", "expected"), [(f, e) for _, f, e in FAULTS], ids=[n for n, _, _ in FAULTS])
def test_bad_data_is_named_by_file_record_and_field(data_copy, breaks, expected):
    breaks(data_copy)
    message = error_for(data_copy)
    if isinstance(expected, str):
        assert message == expected
        return
    assert message.startswith(expected.get("starts", "")), message
    assert message.endswith(expected.get("ends", "")), message
    for fragment in expected.get("contains", ()):
        assert fragment in message, message


def test_bundled_data_loads_and_is_cached(corpus):
    assert load_corpus() is corpus
    assert len(corpus.paragraphs) >= 20
    assert corpus.letter.reference == "BZDOC-151021554-15"


def test_data_dir_holds_every_file():
    folder = data_dir()
    for name in DATA_FILES:
        assert (folder / f"{name}.toml").is_file(), name
    assert (folder / "source" / "kamerbrief-2019-02-15.txt").is_file()


def test_public_api_is_small():
    import vr2018

    assert set(vr2018.__all__) == {"DataError", "load_corpus", "__version__"}


def test_cli_reports_bad_data_in_one_line(invoke, data_copy, monkeypatch):
    edit("paragraphs", 'id = "opcw-hack"', 'id = "iran-2231"')(data_copy)
    monkeypatch.setenv("VR2018_DATA", str(data_copy))
    result = invoke("read", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "vr2018: bad data: data/paragraphs.toml: paragraph 'iran-2231': duplicate id 'iran-2231'\n"
    assert "Traceback" not in result.output


def test_json_of_read_round_trips(invoke):
    result = invoke("read", "--json")
    assert json.loads(result.stdout)["letter"]["reference"] == "BZDOC-151021554-15"


# ── The English siblings ────────────────────────────────────────────────────

ENGLISH = {
    Paragraph: {"text_en": "text", "places_en": "places", "organisations_en": "organisations"},
    Section: {"title_en": "title"},
    Letter: {
        "title_en": "title",
        "salutation_en": "salutation",
        "addressee_en": "addressee",
        "sender_en": "sender",
        "ministry_en": "ministry",
    },
    Signatory: {"office_en": "office"},
    Reference: {"description_en": "description", "as_written_en": "as_written", "chamber_en": "chamber"},
    Motion: {"subject_en": "subject", "chamber_en": "chamber"},
    Statement: {"text_en": "text"},  # motion.done and person.did
    Person: {"role_en": "role"},
    Event: {"label_en": "label"},
    Theme: {"title_en": "title", "summary_en": "summary"},
    Point: {"text_en": "text"},
}


def test_every_english_sibling_is_declared_with_the_field_it_translates():
    for cls, expected in ENGLISH.items():
        assert translations(cls) == expected, cls.__name__
        for name in expected:
            assert getattr(cls, name) in (None, ()), f"{cls.__name__}.{name} is optional until the English lands"


def test_english_siblings_are_read(corpus):
    assert corpus.paragraph("opcw-hack").text_en.startswith("The Council also offered")
    assert corpus.letter.salutation_en == "Dear Speaker,"
    assert all(p.text_en for p in corpus.paragraphs)


def without_english(folder: Path) -> None:
    """The data with three English renderings taken out: a paragraph's, a signatory's, a theme point's."""
    blank_line("paragraphs", 'text_en = "The Council also offered', "")(folder)
    blank_line("letter", 'office_en = "The Minister of Foreign Affairs"', "")(folder)
    blank_line("themes", 'text_en = "The Council offered a platform for raising the failed hack', "")(folder)


def test_the_bundled_data_has_every_english_sibling(data_copy):
    assert all(p.text_en for p in load_corpus(data_copy).paragraphs)


@pytest.mark.parametrize(
    ("keep", "expected"),
    [
        ("", "data/letter.toml: [letter]: signatories #1: field 'office_en' is missing"),
        ("letter", "data/paragraphs.toml: paragraph 'opcw-hack': field 'text_en' is missing"),
        ("letter paragraphs", "data/themes.toml: theme 'raad': points #1: field 'text_en' is missing"),
    ],
)
def test_required_english_names_file_record_and_field(data_copy, keep, expected):
    without_english(data_copy)
    for name in keep.split():  # put back the files whose English the case does not test
        (data_copy / f"{name}.toml").write_bytes((data_dir() / f"{name}.toml").read_bytes())
    assert error_for(data_copy) == expected


def test_required_english_is_exit_2_in_one_line(invoke, data_copy, monkeypatch):
    blank_line("paragraphs", 'text_en = "The Council also offered', "")(data_copy)
    monkeypatch.setenv("VR2018_DATA", str(data_copy))
    result = invoke("read", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert (
        result.stderr == "vr2018: bad data: data/paragraphs.toml: paragraph 'opcw-hack': field 'text_en' is missing\n"
    )


def test_the_termbase_is_loaded_and_checked(data_copy):
    """terms.toml: each term once (case aside), each with a non-empty rendering."""
    from vr2018.corpus.loader import load

    assert load(data_copy).terms["rechtvaardigheid en gerechtigheid"] == "justice and accountability"
    terms = data_copy / "terms.toml"
    text = terms.read_text(encoding="utf-8")
    terms.write_text(text + '"koninkrijk" = "Realm"\n', encoding="utf-8")
    assert error_for(data_copy) == "data/terms.toml: [terms] 'koninkrijk': the same term as 'Koninkrijk' (case aside)"
    terms.write_text(text.replace('"motie" = "motion"', '"motie" = ""'), encoding="utf-8")
    assert error_for(data_copy) == "data/terms.toml: [terms] 'motie': expected a non-empty string, got an empty string"
    terms.write_text(text.replace("[terms]", "[termen]"), encoding="utf-8")
    assert error_for(data_copy) == "data/terms.toml: [terms]: table is missing"
