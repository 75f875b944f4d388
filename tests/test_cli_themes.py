"""`vr2018 theme`, `vr2018 motions` and `vr2018 refs` through the real CLI."""

from __future__ import annotations

import json

import pytest

from vr2018.views.layout import KEYS

# ── vr2018 theme ───────────────────────────────────────────────────────────


def test_theme_lists_every_theme_one_line_each(invoke, corpus):
    result = invoke("theme")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for theme in corpus.themes:
        row = next(line for line in lines if line.startswith(theme.id + " "))
        assert theme.title in row
        assert f" {len(corpus.theme_paragraphs(theme.id))}  " in row
    assert result.stderr == ""


def test_theme_list_json(invoke, corpus):
    result = invoke("theme", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [t["id"] for t in data] == [t.id for t in corpus.themes]
    for record in data:
        assert set(record) == {"id", "title", "title_en", "aliases", "aliases_outside", "paragraphs", "line", "line_en"}
        assert record["paragraphs"] == [p.id for p in corpus.theme_paragraphs(record["id"])]


@pytest.mark.parametrize("name", ["klimaat", "climate", "Klimaat en water", "KLIMAATVERANDERING", "klim"])
def test_theme_by_any_name(invoke, name):
    result = invoke("theme", name)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Klimaat en water  (klimaat)")
    assert "Points" in out and "[water-klimaat-expertise]" in out
    assert "Rhuggenaath" in out and "11 juli [2018]" in out


def test_theme_shows_points_with_citations_motions_people_dates(invoke, corpus):
    out = invoke("theme", "myanmar").stdout
    theme = corpus.theme("myanmar")
    for n, point in enumerate(theme.points, 1):
        assert f"{n:>2}. {point.text} [{', '.join(point.sources)}]" in out
    assert "Motions" in out and "Kamerstuk 22 045, nr. 290" in out and "Kamerstuk 35 000; nr. XVII" in out
    assert "People" in out and "Van den Hul" in out
    assert "Dates" in out and "april 2018" in out
    assert "myanmar-rohingya is cut at its end by a missing page" in out


def test_theme_full_adds_cited_text_with_gap_markers(invoke, corpus):
    short = invoke("theme", "myanmar").stdout
    result = invoke("theme", "myanmar", "--full")
    assert result.exit_code == 0
    out = result.stdout
    text = corpus.paragraph("myanmar-rohingya").text
    assert text[:60] not in short
    assert text[:60] in out
    assert "wapenembargo […]" in out
    assert "Text missing" in out


def test_theme_full_shows_a_heading_only_section_as_a_gap(invoke):
    out = invoke("theme", "vn-hervorming", "--full").stdout
    assert "VN-hervormingen: transparantie en effectiviteit\n[…] Text missing" in out


def test_theme_json_schema(invoke, corpus):
    result = invoke("theme", "klimaat", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {
        "translation_notice",
        "id",
        "title",
        "title_en",
        "aliases",
        "aliases_outside",
        "summary",
        "summary_en",
        "points",
        "paragraphs",
        "motions",
        "people",
        "events",
        "sections",
        "gaps",
    }
    assert data["id"] == "klimaat"
    assert "climate" in data["aliases"]
    point = corpus.theme("klimaat").points[0]
    # a point is a statement like people's did and motions' done: {"text", "text_en", "paragraphs"}
    assert data["points"][0] == {"text": point.text, "text_en": point.text_en, "paragraphs": ["inleiding"]}
    assert data["paragraphs"] == [p.id for p in corpus.theme_paragraphs("klimaat")]
    people = {p["id"]: p for p in data["people"]}  # the person object, as in people --json
    assert {"name": "Rhuggenaath", "role": "Minister-president van Curaçao"}.items() <= people["rhuggenaath"].items()
    assert data["motions"] == []


def test_theme_json_full_adds_texts_and_gaps(invoke):
    data = json.loads(invoke("theme", "myanmar", "--json", "--full").stdout)
    assert [t["id"] for t in data["texts"]] == ["myanmar-rohingya", "rule-of-law-icc"]
    assert data["gaps"] == [{"paragraph": "myanmar-rohingya", "cut": "end", "section": None}]
    assert data["motions"] == ["kuzu-van-den-hul-rohingya", "kuzu-wapenembargo"]


def test_unknown_theme_suggests_exit_2(invoke):
    result = invoke("theme", "klimat")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "vr2018: unknown theme 'klimat'; did you mean: klimaat?\n"


def test_ambiguous_theme_exit_2(invoke):
    result = invoke("theme", "kl")
    assert result.exit_code == 2
    assert result.stderr.startswith("vr2018: ambiguous theme 'kl'; did you mean: ")


def test_theme_full_without_name_is_bad_usage(invoke):
    result = invoke("theme", "--full")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--full needs a theme NAME" in result.stderr


def test_theme_unknown_option_exit_2(invoke):
    result = invoke("theme", "klimaat", "--bogus")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


def test_theme_data_is_never_markup(invoke, data_copy, monkeypatch):
    themes_file = data_copy / "themes.toml"
    text = themes_file.read_text(encoding="utf-8")
    themes_file.write_text(
        text.replace('title = "Klimaat en water"', 'title = "Klimaat [bold]en[/bold] water"'), encoding="utf-8"
    )
    monkeypatch.setenv("VR2018_DATA", str(data_copy))
    result = invoke("theme", "klimaat")
    assert result.exit_code == 0
    assert "Klimaat [bold]en[/bold] water" in result.stdout


# ── vr2018 motions ─────────────────────────────────────────────────────────


def test_motions_view_one_block_per_motion_with_the_official_link(invoke, corpus):
    result = invoke("motions")
    assert result.exit_code == 0
    *blocks, legend = result.stdout.strip().split("\n\n")
    assert legend == KEYS["chamber"] + "\n" + KEYS["subject"]  # under the view: what "(…, inferred)" means
    assert len(blocks) == len(corpus.motions)
    for block, motion in zip(blocks, corpus.motions, strict=True):
        ref = corpus.reference(motion.reference)
        head, *fields = block.splitlines()
        chamber = motion.chamber + (", inferred" if motion.chamber_inferred else "")
        assert head == (f"{ref.as_written}  motion {'/'.join(motion.submitters)} ({chamber})")
        assert [f.split("  ")[0] for f in fields] == ["Subject", "What was done", "Link"]
        inferred = " (inferred)" if motion.subject_inferred else ""
        assert fields[0].endswith(f"  {motion.subject}{inferred}")  # whole, on one line
        for done in motion.done:
            assert f"{done.text} [{', '.join(done.paragraphs)}]" in fields[1]
        link = (
            ref.url
            or "no official link: the letter gives dossier 35 000 and budget chapter XVII, not a document number"
        )
        assert fields[2].endswith(f"  {link}")
    assert "https://zoek.officielebekendmakingen.nl/kst-22045-290.html" in blocks[1]
    assert "no official link" in blocks[0]


def test_motions_piped_into_grep_gives_whole_records(invoke):
    out = invoke("motions").stdout
    kuzu = [line for line in out.splitlines() if "kuzu" in line.lower()]
    assert kuzu == [
        "Kamerstuk 35 000; nr. XVII  motion Kuzu/Van den Hul (Tweede Kamer, inferred)",
        "Kamerstuk 22 045, nr. 290  motion Kuzu (Tweede Kamer, inferred)",
    ]


def test_motions_by_kamerstuk_number_first_with_links(invoke):
    result = invoke("motions", "--kamerstuk")
    assert result.exit_code == 0
    *blocks, legend = [b for b in result.stdout.strip().split("\n\n") if b]
    assert legend == KEYS["chamber"] + "\n" + KEYS["subject"]
    assert [b.splitlines()[0].split("  ")[0] for b in blocks] == [
        "Kamerstuk 22 045, nr. 290",
        "Kamerstuk 34 550, D",
        "Kamerstuk 35 000; nr. XVII",
    ]
    assert "https://zoek.officielebekendmakingen.nl/kst-22045-290.html" in blocks[0]
    assert "https://zoek.officielebekendmakingen.nl/kst-34550-D.html" in blocks[1]
    assert "no official link" in blocks[2] and "https://" not in blocks[2]


@pytest.mark.parametrize(
    ("notation", "expected"),
    [
        ("22045", "22 045, nr. 290"),
        ("22 045", "22 045, nr. 290"),
        ("22.045", "22 045, nr. 290"),
        ("22045-290", "22 045, nr. 290"),
        ("kst-22045-290", "22 045, nr. 290"),
        ("22 045, nr. 290", "22 045, nr. 290"),
        ("Kamerstuk 22 045, nr. 290", "22 045, nr. 290"),
        ("34550-D", "34 550, D"),
        ("34 550, D", "34 550, D"),
        ("35000", "35 000; nr. XVII"),
        ("35 000; nr. XVII", "35 000; nr. XVII"),
        ("35000-XVII", "35 000; nr. XVII"),
    ],
)
def test_motions_kamerstuk_in_every_notation_returns_exactly_that_motion(invoke, notation, expected):
    result = invoke("motions", "--kamerstuk", notation)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Kamerstuk ") == 1
    assert f"Kamerstuk {expected}" in result.stdout


@pytest.mark.parametrize(
    ("notation", "motion"),
    [
        ("22045", "kuzu-wapenembargo"),
        ("22 045, nr. 290", "kuzu-wapenembargo"),
        ("34550-D", "de-graaf-europese-samenwerking"),
        ("35000", "kuzu-van-den-hul-rohingya"),
    ],
)
def test_motions_kamerstuk_json(invoke, notation, motion):
    result = invoke("motions", "--kamerstuk", notation, "--json")
    assert result.exit_code == 0
    assert [m["id"] for m in json.loads(result.stdout)] == [motion]


def test_motions_query_that_is_a_kamerstuk_filters_without_the_flag(invoke):
    result = invoke("motions", "34550-D", "--json")
    assert result.exit_code == 0
    assert [m["id"] for m in json.loads(result.stdout)] == ["de-graaf-europese-samenwerking"]


def test_motions_kamerstuk_no_match_exit_1_names_what_the_letter_cites(invoke):
    result = invoke("motions", "--kamerstuk", "12345")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("vr2018: no motion in the letter is on Kamerstuk 12 345; the motions it")
    for cited in ("22045-290", "34550-D", "35000-XVII", "26150-168"):
        assert cited in result.stderr


def test_motions_kamerstuk_that_is_not_a_motion_exit_1(invoke):
    result = invoke("motions", "--kamerstuk", "26150-168")
    assert result.exit_code == 1
    assert "Kamerstuk 26 150; nr. 168, which is not a motion" in result.stderr


@pytest.mark.parametrize("bad", ["Kuzu", "22045a", "22045-290-3", ""])
def test_motions_kamerstuk_unparsable_exit_2(invoke, bad):
    result = invoke("motions", "--kamerstuk", bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("vr2018: ") and result.stderr.count("\n") == 1


def test_motions_by_submitter(invoke):
    result = invoke("motions", "Kuzu", "--json")
    assert result.exit_code == 0
    assert {m["id"] for m in json.loads(result.stdout)} == {"kuzu-van-den-hul-rohingya", "kuzu-wapenembargo"}
    table = invoke("motions", "Kuzu").stdout
    assert "22 045, nr. 290" in table and "34 550, D" not in table


def test_motions_by_subject_with_a_typo(invoke):
    data = json.loads(invoke("motions", "Rohinga", "--json").stdout)
    assert [m["id"] for m in data] == ["kuzu-van-den-hul-rohingya"]


def test_motions_no_match_exit_1(invoke):
    result = invoke("motions", "Rutte")
    assert result.exit_code == 1
    assert result.stderr.startswith("vr2018: no motion matches 'Rutte'; the letter answers 3 motions: ")


def test_motions_empty_query_exit_2(invoke):
    result = invoke("motions", "  ")
    assert result.exit_code == 2
    assert "empty query" in result.stderr


def test_motions_json_schema(invoke, corpus):
    result = invoke("motions", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [m["id"] for m in data] == [m.id for m in corpus.motions]
    required = {"id", "chamber", "submitters", "kamerstuk", "dossier", "number", "subject", "paragraphs", "url"}
    for record in data:
        assert required <= set(record)
        assert {"done", "date", "as_written", "chapter", "reference"} <= set(record)
    by_id = {m["id"]: m for m in data}
    assert by_id["kuzu-wapenembargo"]["url"] == "https://zoek.officielebekendmakingen.nl/kst-22045-290.html"
    assert by_id["kuzu-wapenembargo"]["kamerstuk"] == "Kamerstuk 22 045, nr. 290"
    assert by_id["kuzu-van-den-hul-rohingya"]["number"] is None
    assert by_id["kuzu-van-den-hul-rohingya"]["chapter"] == "XVII"
    assert by_id["kuzu-van-den-hul-rohingya"]["url"] is None
    assert by_id["de-graaf-europese-samenwerking"]["date"] == "2016-11-01"
    assert by_id["de-graaf-europese-samenwerking"]["paragraphs"] == ["europese-samenwerking-legacy"]


def test_motions_kamerstuk_json_is_sorted_by_kamerstuk(invoke):
    data = json.loads(invoke("motions", "--kamerstuk", "--json").stdout)
    assert [m["dossier"] for m in data] == ["22045", "34550", "35000"]


# ── vr2018 refs ────────────────────────────────────────────────────────────


def test_refs_lists_every_reference_with_citing_paragraphs(invoke):
    result = invoke("refs")
    assert result.exit_code == 0
    out = result.stdout
    for written in (
        "Kamerstuk 26 150; nr. 168",
        "Kamerstuk 35 000; nr. XVII",
        "Kamerstuk 22 045, nr. 290",
        "Kamerstuk 34 550, D",
        "resolutie 2231",
        "resolutie 2396 (2017)",
        "de resolutie over Conflict en Honger",
    ):
        assert written in out
    assert "Kamerstuk 26 150; nr. 168 [inleiding]" in out
    assert "de resolutie over Conflict en Honger [conflict-en-honger]" in out
    assert out.index("Kamerstukken") < out.index("UN Security Council resolutions")


def test_refs_json(invoke, corpus):
    result = invoke("refs", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {r["id"] for r in data} == {r.id for r in corpus.references}
    for record in data:
        assert {
            "id",
            "kind",
            "as_written",
            "dossier",
            "number",
            "chapter",
            "description",
            "url",
            "paragraphs",
            "motions",
        } <= set(record)
        assert record["paragraphs"]
    by_id = {r["id"]: r for r in data}
    assert by_id["res-2396"]["year"] == 2017 and by_id["res-2396"]["paragraphs"] == ["contraterrorisme-trip"]
    assert by_id["res-conflict-en-honger"]["number"] is None
    assert by_id["kst-22045-290"]["motions"] == ["kuzu-wapenembargo"]
    assert by_id["kst-26150-168"]["motions"] == []
    assert by_id["kst-35000-XVII"]["url"] is None


def test_refs_takes_no_argument(invoke):
    result = invoke("refs", "extra")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


# ── help and completion ────────────────────────────────────────────────────


@pytest.mark.parametrize("command", ["theme", "motions", "refs"])
def test_help_ends_with_examples(invoke, command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Examples:\n" in result.stdout
    assert f"vr2018 {command}" in result.stdout.split("Examples:")[1]


def test_completion_callbacks(corpus):
    """The shell asks for candidates (bash protocol); our callbacks answer from the engine."""
    from typer.testing import CliRunner

    from vr2018.cli.main import app

    def complete(line: str) -> list[str]:
        words = line.split() + ([""] if line.endswith(" ") else [])
        env = {"_VR2018_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
        result = CliRunner().invoke(app, [], env=env, prog_name="vr2018")
        assert result.exit_code == 0
        return result.stdout.split()

    assert complete("vr2018 theme kl") == ["klimaat"]
    assert complete("vr2018 theme ") == [t.id for t in corpus.themes]
    assert complete("vr2018 motions --kamerstuk 34") == ["34550-D", "34550"]
    assert "Kuzu" in complete("vr2018 motions K")
    # with --kamerstuk no submitters; a Kamerstuk notation in the case typed (Typer drops any
    # value that does not start with exactly what was typed)
    assert complete("vr2018 motions --kamerstuk K") == ["Kst-22045-290", "Kst-34550-D", "Kst-35000-XVII"]


@pytest.mark.parametrize(
    "args",
    [
        ["nobody"],
        ["--kamerstuk", "12345"],
        ["26150"],
        ["--kamerstuk", "26150-168"],
    ],
    ids=" ".join,
)
def test_motions_json_with_no_match_prints_an_empty_array_and_exits_1(invoke, args):
    result = invoke("motions", *args, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert result.stderr.startswith("vr2018: no motion") and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["theme", ""],
        ["theme", "  "],
        ["timeline", "--theme", ""],
        ["search", "Rohingya", "--theme", " "],
    ],
    ids=repr,
)
def test_a_blank_theme_name_is_empty_not_unknown(invoke, args):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("vr2018: empty theme name") and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["motions", "22", "045,", "nr.", "290"], ["kuzu-wapenembargo"]),
        (["motions", "--kamerstuk", "22", "045,", "nr.", "290"], ["kuzu-wapenembargo"]),
        (["motions", "Kamerstuk", "22045"], ["kuzu-wapenembargo"]),
        (["motions", "35", "000;", "nr.", "XVII"], ["kuzu-van-den-hul-rohingya"]),
        (["motions", "motie", "Kuzu"], ["kuzu-van-den-hul-rohingya", "kuzu-wapenembargo"]),
        (["motions", "Rohingya", "motion"], ["kuzu-van-den-hul-rohingya"]),
        (["motions", "arms", "embargo"], ["kuzu-wapenembargo"]),
        (["motions", "Myanmar"], ["kuzu-van-den-hul-rohingya"]),
    ],
    ids=" ".join,
)
def test_motions_take_unquoted_words_like_search(invoke, args, expected):
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    assert [m["id"] for m in json.loads(result.stdout)] == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["theme", "climate", "change"], "klimaat"),
        (["theme", "Klimaat", "en", "water"], "klimaat"),
        (["theme", "women", "peace", "and", "security"], "vrouwen"),
    ],
)
def test_theme_takes_unquoted_words(invoke, args, expected):
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["people", "van", "den", "hul"], ["van-den-hul"]),
        (["people", "Sigrid", "Kaag"], ["kaag"]),
        (["people", "minister-president", "curacao"], ["rhuggenaath"]),
    ],
)
def test_people_take_unquoted_words(invoke, args, expected):
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    assert [p["id"] for p in json.loads(result.stdout)] == expected


@pytest.mark.parametrize("args", [["people", "", ""], ["theme", " ", ""], ["motions", "", " "]], ids=repr)
def test_several_blank_words_are_still_empty(invoke, args):
    result = invoke(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert "empty" in result.stderr and result.stderr.count("\n") == 1
