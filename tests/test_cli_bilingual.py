"""Our English, said once; the Dutch original, always labelled; the two side by side where
there is room (issue 20, point 4).

- The unofficial-translation notice: the first line of every view that shows our English
  (every command with ``--lang en|both``), exactly once; in ``--json`` once, as the first
  field of every output that is an object, and nowhere in an array or its records.
- Under ``--lang both`` every Dutch original is labelled "Dutch original:".
- ``show``, ``read`` and ``search`` under ``--lang both``: on a terminal of 140 columns or
  more, English left and Dutch right, one sentence a row (the sentences that number
  ``ID:N``); narrower, and in a pipe, the Dutch under the English.
"""

from __future__ import annotations

import contextlib
import io
import json
import os

import pytest

from vr2018 import load_corpus
from vr2018.letter.sentences import of, quoted

UNOFFICIAL = "English: unofficial translation; the Dutch text is authoritative."
DUTCH_ORIGINAL = "Dutch original:"
ENGLISH_TRANSLATION = "English translation:"
JSON_NOTICE = "Fields ending in _en hold our unofficial English translation; the Dutch text is authoritative."
GUTTER = " │ "
CORPUS = load_corpus()
P = CORPUS.paragraph("myanmar-rohingya")

# Every view that takes --lang, in its variants (cite and export: below).
VIEWS = [
    ["search", "Rohingya"],
    ["search", "klimaat", "--full", "-n", "3"],
    ["show", P.id],
    ["show", P.id, "-C", "1"],
    ["show", f"{P.id}:2"],
    ["read"],
    ["toc"],
    ["info"],
    ["theme"],
    ["theme", "myanmar"],
    ["theme", "myanmar", "--full"],
    ["motions"],
    ["motions", "--kamerstuk"],
    ["refs"],
    ["people"],
    ["people", "kaag"],
    ["timeline"],
    ["timeline", "--theme", "caribisch"],
]
OBJECTS = [["read"], ["toc"], ["show", P.id], ["show", f"{P.id}:2"], ["cite"], ["cite", P.id], ["info"]]
OBJECTS += [["theme", "klimaat"], ["theme", "curacao", "--full"]]
ARRAYS = [["search", "Rohingya"], ["theme"], ["motions"], ["refs"], ["timeline"], ["people"], ["people", "kaag"]]


def terminal(args: list[str], width: int) -> str:
    """What ``vr2018 ARGS`` shows on a terminal ``width`` columns wide (no colour, no pager)."""
    from vr2018.cli import console as screen
    from vr2018.cli.main import app

    file = io.StringIO()
    drawn = screen.console(file=file, width=width, height=10_000, force_terminal=True, color_system=None)
    os.environ["VR2018_NO_PAGER"] = "1"
    try:
        with contextlib.redirect_stdout(io.StringIO()), screen.printing_on(drawn):
            assert app(args, prog_name="vr2018", standalone_mode=False) == 0
    finally:
        del os.environ["VR2018_NO_PAGER"]
    return file.getvalue()


def words(text: str) -> str:
    return " ".join(text.split())


# ── the notice ──────────────────────────────────────────────────────────────


@pytest.mark.parametrize("lang", ["en", "both"])
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_the_notice_is_the_first_line_and_said_once(invoke, args, lang):
    result = invoke(*args, "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(UNOFFICIAL + "\n")
    assert result.stdout.count(UNOFFICIAL) == 1
    assert result.stdout.count("unofficial") == 1  # not in other words either


@pytest.mark.parametrize("args", [["read"], ["show", P.id, "-C", "1"], ["search", "klimaat", "--full"]], ids=" ".join)
@pytest.mark.parametrize("width", [40, 120, 160])
def test_on_a_terminal_too_the_notice_is_said_once_at_the_top(args, width):
    out = terminal([*args, "--lang", "both"], width)
    assert words(out).startswith(UNOFFICIAL) and words(out).count(UNOFFICIAL) == 1


@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_no_notice_in_dutch(invoke, args):
    assert "unofficial" not in invoke(*args).stdout


def test_the_markdown_export_says_it_once_under_the_title(invoke):
    for lang in ("en", "both"):
        md = invoke("export", "markdown", "--lang", lang).stdout
        assert md.count(UNOFFICIAL) == 1
        assert md.split("\n\n")[1] == f"*{UNOFFICIAL}*"  # the view's own words, under the title
    assert UNOFFICIAL not in invoke("export", "markdown").stdout


def test_a_citation_marks_its_english_itself_and_gets_no_notice_on_top(invoke):
    """A citation is pasted whole: the view's notice would be pasted with it."""
    out = invoke("cite", P.id, "--lang", "en").stdout
    assert UNOFFICIAL not in out and "unofficial translation" in out and out.count("\n") == 1


# ── the notice in --json ────────────────────────────────────────────────────


@pytest.mark.parametrize("args", OBJECTS, ids=" ".join)
def test_an_object_output_says_it_once_as_its_first_field(invoke, args):
    out = invoke(*args, "--json").stdout
    data = json.loads(out)
    assert next(iter(data)) == "translation_notice" and data["translation_notice"] == JSON_NOTICE
    assert out.count("translation_notice") == 1 and out.count("unofficial English translation") == 1
    assert json.loads(invoke(*args, "--json", "--lang", "en").stdout) == data  # --json ignores --lang


@pytest.mark.parametrize("args", ARRAYS, ids=" ".join)
def test_an_array_output_stays_an_array_and_no_record_carries_the_notice(invoke, args):
    out = invoke(*args, "--json").stdout
    assert isinstance(json.loads(out), list) and json.loads(out)
    assert "translation_notice" not in out


def test_no_exported_record_carries_the_notice(invoke):
    assert "translation_notice" not in invoke("export", "jsonl").stdout


# ── the Dutch original, labelled ────────────────────────────────────────────


def _stacked(out: str, english: str, dutch: str) -> None:
    """``dutch`` right under the label, right under ``english``: the stacked layout."""
    assert f"{english}\n{DUTCH_ORIGINAL}\n{dutch}\n" in out


def test_search_labels_the_dutch_original(invoke):
    out = invoke("search", "Rohingya", "--lang", "both").stdout
    sentence = of(P)[1]
    _stacked(out, sentence.text_en, sentence.text)
    assert out.count(DUTCH_ORIGINAL) == 1  # one hit
    full = invoke("search", "klimaat", "--full", "-n", "3", "--lang", "both").stdout
    assert full.count(DUTCH_ORIGINAL) == 3


def test_read_labels_every_dutch_original(invoke):
    out = invoke("read", "--lang", "both").stdout
    # every paragraph, and the title, the salutation and the two address blocks
    assert out.count(DUTCH_ORIGINAL) == len(CORPUS.paragraphs) + 4
    for paragraph in CORPUS.paragraphs:
        _stacked(out, quoted(paragraph.text_en, paragraph.cut), quoted(paragraph.text, paragraph.cut))
    assert f"{DUTCH_ORIGINAL} {CORPUS.letter.title}\n" in out
    assert f"{DUTCH_ORIGINAL} {CORPUS.letter.salutation}\n" in out


@pytest.mark.parametrize("args", [["show", P.id, "-C", "1"], ["show", f"{P.id}:3"], ["theme", "myanmar", "--full"]])
def test_show_and_theme_label_every_dutch_original(invoke, args):
    out = invoke(*args, "--lang", "both").stdout
    shown = [p for p in CORPUS.paragraphs if quoted(p.text_en, p.cut) in out]
    sentences = [s for s in of(P) if s.text_en in out and f"{P.id}:" in " ".join(args)]
    assert out.count(DUTCH_ORIGINAL) == len(shown) + len(sentences) > 0


@pytest.mark.parametrize("args", [["show", P.id], ["read"], ["search", "Rohingya"]], ids=" ".join)
def test_english_alone_has_no_dutch_label(invoke, args):
    assert DUTCH_ORIGINAL not in invoke(*args, "--lang", "en").stdout


# ── side by side ────────────────────────────────────────────────────────────


def columns(out: str) -> tuple[list[str], list[str]]:
    """The two columns of every side-by-side line, without the gutter; other lines left out."""
    rows = [line.split(GUTTER.rstrip(), 1) for line in out.splitlines() if GUTTER.rstrip() in line]
    return [left.rstrip() for left, _ in rows], [right.strip() for _, right in rows]


def _rows(out: str) -> list[tuple[str, str]]:
    """Each side-by-side row (a sentence and its Dutch), its lines joined, the labels left out."""
    lefts, rights = columns(out)
    rows, english, dutch = [], [], []
    for left, right in [*zip(lefts, rights, strict=True), ("", "")]:
        labels = (left, right) == (ENGLISH_TRANSLATION, DUTCH_ORIGINAL)  # the columns' heads: a passage begins
        if labels or (not left.strip() and not right):  # or the blank line between two sentences
            rows.append((words(" ".join(english)), words(" ".join(dutch))))
            english, dutch = [], []
        else:
            english.append(left)
            dutch.append(right)
    return [row for row in rows if any(row)]


def _sentence_rows(paragraph) -> list[tuple[str, str]]:
    return [(quoted(s.text_en, s.cut), quoted(s.text, s.cut)) for s in of(paragraph)]


def test_show_both_at_160_columns_sets_each_sentence_beside_its_dutch():
    out = terminal(["show", P.id, "--lang", "both"], 160)
    assert f"{ENGLISH_TRANSLATION}" in out and out.count(DUTCH_ORIGINAL) == 1
    head = next(line for line in out.splitlines() if line.startswith(ENGLISH_TRANSLATION))
    assert head.split(GUTTER.rstrip())[1].strip() == DUTCH_ORIGINAL  # the label heads the Dutch column
    assert _rows(out) == _sentence_rows(P)
    assert max(len(line) for line in out.splitlines()) <= 160


def test_read_both_at_200_columns_sets_every_paragraph_side_by_side():
    out = terminal(["read", "--lang", "both"], 200)
    expected = [row for paragraph in CORPUS.paragraphs for row in _sentence_rows(paragraph)]
    assert _rows(out) == expected
    assert out.count(ENGLISH_TRANSLATION) == len(CORPUS.paragraphs)


def test_search_both_at_160_columns_sets_the_hit_beside_its_dutch():
    out = terminal(["search", "Rohingya", "--lang", "both"], 160)
    sentence = of(P)[1]
    assert _rows(out) == [(sentence.text_en, sentence.text)]
    full = terminal(["search", "Rohingya", "--full", "--lang", "both"], 160)
    assert _rows(full) == _sentence_rows(P)


@pytest.mark.parametrize("args", [["show", P.id], ["read"], ["search", "Rohingya"], ["show", f"{P.id}:2"]])
@pytest.mark.parametrize("width", [80, 120, 139])
def test_below_140_columns_the_dutch_stands_under_the_english(args, width):
    out = terminal([*args, "--lang", "both"], width)
    assert GUTTER.rstrip() not in out and ENGLISH_TRANSLATION not in out
    assert DUTCH_ORIGINAL in out


@pytest.mark.parametrize("args", [["show", P.id], ["read"], ["search", "Rohingya"]], ids=" ".join)
def test_in_a_pipe_the_dutch_stands_under_the_english(invoke, args, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = invoke(*args, "--lang", "both").stdout
    assert GUTTER.rstrip() not in out and ENGLISH_TRANSLATION not in out and DUTCH_ORIGINAL in out


def test_a_word_too_long_for_its_column_stacks_the_passage_instead():
    """inleiding's last sentence holds the letter's URL (78 characters): at 150 columns
    (two columns of 73) it cannot sit in a column, so that paragraph stands stacked."""
    out = terminal(["read", "--lang", "both"], 150)
    url = "https://magazines.rijksoverheid.nl/bz/veiligheidsraad2018/2018/05/resultaten."
    assert f"\n{url}\n{DUTCH_ORIGINAL}\n" in out  # inleiding: stacked, its URL whole
    assert out.count(ENGLISH_TRANSLATION) == len(CORPUS.paragraphs) - 1  # every other paragraph side by side


def test_two_renderings_that_do_not_pair_up_are_stacked():
    """A sentence is never set beside another's translation."""
    from rich.console import Console
    from rich.text import Text

    from vr2018.views.bilingual import Bilingual

    console = Console(file=io.StringIO(), width=200, force_terminal=True, color_system=None)
    with console.capture() as captured:
        console.print(Bilingual(Text("One. Two."), Text("Een."), None))
    assert captured.get() == f"One. Two.\n{DUTCH_ORIGINAL}\nEen.\n"


def test_every_paragraph_pairs_up_sentence_for_sentence():
    """What side by side rests on (tests/test_translation.py holds the data to it)."""
    from vr2018.views.bilingual import pairs

    for paragraph in CORPUS.paragraphs:
        found = pairs(paragraph)
        assert found is not None and len(found) == len(of(paragraph)), paragraph.id
