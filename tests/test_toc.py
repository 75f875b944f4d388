"""`vr2018 toc`: every heading, paragraph and gap of the letter, in reading order."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from vr2018 import load_corpus
from vr2018.letter import outline as toc
from vr2018.letter.outline import gaps, outline
from vr2018.letter.paragraphs import opening

CORPUS = load_corpus()


def test_contents_hold_every_section_and_paragraph_in_reading_order(corpus):
    entries = toc.contents(corpus)
    assert [e.section.id for e in entries] == [s.id for s in corpus.sections]
    assert [p.id for e in entries for p in e.paragraphs] == [p.id for p in corpus.paragraphs]
    for entry in entries:
        assert all(p.section == entry.section.id for p in entry.paragraphs)
        assert all(p.fragment == entry.fragment for p in entry.paragraphs)


def test_contents_put_the_gaps_where_read_does(corpus):
    entries = toc.contents(corpus)
    assert toc.gap_count(entries) == len(gaps(corpus))
    assert sum(kind == "gap" for kind, _ in outline(corpus)) == toc.gap_count(entries)
    after_gap = [e.section.id for e in entries if e.gap_before]
    assert after_gap == ["fragment-2-zonder-kop", "fragment-3-zonder-kop", "fragment-4-zonder-kop"]
    assert [e.section.id for e in entries if e.text_missing] == ["vn-hervormingen"]
    assert [e.fragment for e in entries if e.gap_before] == [2, 3, 4]


def test_toc_text(invoke):
    result = invoke("toc")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    lines = out.splitlines()
    for paragraph in CORPUS.paragraphs:  # each paragraph on its own line: id, then its first words
        line = next(line for line in lines if line.split()[:1] == [paragraph.id])
        assert opening(paragraph) in line
    for section in CORPUS.sections:  # each heading on its own line: its id after §, then its title
        shown = section.title if section.printed else f"[{section.title}]"  # ours, in the text's language
        line = next(line for line in lines if line.split()[:2] == ["§", section.id])
        assert line.rstrip().endswith(shown)
        assert (line.split()[2] == "(inferred)") == section.heading_inferred  # a section that is only our guess
    assert out.count("pages missing; fragment") == 3
    assert "§ vn-hervormingen […]" in out
    # reading order
    positions = [next(n for n, line in enumerate(lines) if line.split()[:1] == [p.id]) for p in CORPUS.paragraphs]
    assert positions == sorted(positions)


def test_toc_json(invoke):
    result = invoke("toc", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"translation_notice", "title", "title_en", "fragments", "sections", "paragraphs", "gaps"}
    assert [s["id"] for s in data["sections"]] == [s.id for s in CORPUS.sections]
    assert [p["id"] for p in data["paragraphs"]] == [p.id for p in CORPUS.paragraphs]
    assert all(p["opening"] and p["opening_en"] for p in data["paragraphs"])
    by_id = {s["id"]: s for s in data["sections"]}
    assert by_id["vn-hervormingen"]["text_missing"] and by_id["vn-hervormingen"]["paragraphs"] == []
    assert by_id["fragment-2-zonder-kop"]["gap_before"] and not by_id["fragment-2-zonder-kop"]["printed"]
    inferred = {s["id"] for s in data["sections"] if s["heading_inferred"]}
    assert inferred == {"fragment-2-zonder-kop", "fragment-3-zonder-kop", "fragment-4-zonder-kop"}
    assert len(data["gaps"]) == 3 and [f["number"] for f in data["fragments"]] == [1, 2, 3, 4]
    read = json.loads(invoke("read", "--json").stdout)  # the same names as read --json
    assert data["gaps"] == read["gaps"]
    for mine, theirs in zip(data["sections"], read["sections"], strict=True):
        assert {k: mine[k] for k in theirs} == theirs


def test_toc_imports_no_rich_for_json():
    code = (
        "import sys; from vr2018.cli.main import main; sys.argv = ['vr2018', 'toc', '--json']\n"
        "try: main()\nexcept SystemExit: pass\nassert 'rich' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


@pytest.mark.skipif(not shutil.which("script"), reason="needs script(1) for a pty")
def test_toc_at_80_columns_wraps_nothing():
    env = {**os.environ, "COLUMNS": "80", "LINES": "100", "VR2018_NO_PAGER": "1", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    result = subprocess.run(
        ["script", "-qec", f"{sys.executable} -m vr2018 toc", "/dev/null"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    lines = [line.rstrip("\r") for line in result.stdout.splitlines() if line.strip()]
    piped = [
        line
        for line in subprocess.run(
            [sys.executable, "-m", "vr2018", "toc"], capture_output=True, text=True, env=env, check=True
        ).stdout.splitlines()
        if line.strip()
    ]
    assert len(lines) == len(piped)  # one line per item: nothing wrapped
    assert all(len(line) <= 80 for line in lines)
    assert len(lines) <= 45  # compact: about 40 lines for this letter
    for section in CORPUS.sections:  # the ids are never cropped
        assert any(line.split()[:2] == ["§", section.id] for line in lines), section.id
    for paragraph in CORPUS.paragraphs:
        assert any(line.split()[:1] == [paragraph.id] for line in lines), paragraph.id


def test_the_overview_lists_toc(invoke):
    out = invoke().stdout
    assert out.index("  read ") < out.index("  toc ") < out.index("  show ")


@pytest.mark.skipif(not shutil.which("script"), reason="needs script(1) for a pty")
def test_toc_on_a_narrow_terminal_keeps_every_id_and_word():
    env = {**os.environ, "COLUMNS": "40", "LINES": "200", "VR2018_NO_PAGER": "1", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    result = subprocess.run(
        ["script", "-qec", f"{sys.executable} -m vr2018 toc", "/dev/null"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    folded = "".join(result.stdout.split())
    for paragraph in CORPUS.paragraphs:
        assert paragraph.id in folded and "".join(opening(paragraph).split()) in folded


def test_toc_in_english(invoke):
    result = invoke("toc", "--lang", "en")
    assert result.exit_code == 0
    out = result.stdout
    assert "unofficial translation" in out
    assert "Root causes (Grondoorzaken)" in out or "(Grondoorzaken)" in out
    for paragraph in CORPUS.paragraphs:
        assert opening(paragraph, 8, __import__("vr2018.corpus.lang", fromlist=["EN"]).EN) in out
