"""Every command at 40, 80, 120 and 200 columns, as a terminal shows it (issue 14).

Two harnesses, one set of checks:
- in-process (fast): the CLI runs with its Rich console forced to a terminal of
  that width, exactly as docs/screenshots.py records it; every command, every width;
- a real pseudo-terminal (os.openpty, TIOCSWINSZ): the command runs as a process
  that finds out its width from the terminal, as a user's would. At every width a
  few commands run this way, and their output must equal the in-process output,
  which proves the fast harness shows what a real terminal gets.

The checks (the layout rules of vr2018.views.layout): no line wider than the
terminal, but for a whole URL on a line of its own; every URL the view shows is
whole on one line; no word split anywhere; a wrapped indented block keeps its
indent; a table never wraps a cell (it becomes labelled lines); running text at
most MEASURE columns however wide the terminal (side by side, each language's column);
at 200 columns `--lang both` sets English and Dutch side by side, at 40-120 one under the other.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import select
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from vr2018 import load_corpus
from vr2018.cli.main import app
from vr2018.views.bilingual import GUTTER, english_translation
from vr2018.views.layout import MEASURE

WIDTHS = (40, 80, 120, 200)
COMMANDS = [
    ["search", "Rohingya"],
    ["search", "klimaat", "--full", "-n", "3"],
    ["search", "rijksoverheid"],
    ["theme"],
    ["theme", "klimaat"],
    ["theme", "curacao", "--full"],
    ["motions"],
    ["motions", "--kamerstuk"],
    ["motions", "Kuzu"],
    ["refs"],
    ["read"],
    ["toc"],
    ["show", "iran-2231"],
    ["show", "inleiding", "-C", "1"],
    ["show", "rutte-26-september"],
    ["timeline"],
    ["timeline", "--theme", "caribisch"],
    ["people"],
    ["people", "kaag"],
    ["people", "minister-president"],
    ["cite"],
    ["cite", "iran-2231", "-f", "bibtex"],
    ["info"],
    ["help"],
    ["help", "search"],
    ["search", "--help"],
    ["export", "csv", "references"],
    ["read", "--lang", "en"],
    ["show", "inleiding", "--lang", "both"],
    ["theme", "klimaat", "--lang", "en"],
    ["motions", "--lang", "en"],
    ["timeline", "--lang", "en"],
    ["people", "--lang", "en"],
    ["show", "inleiding:8"],
    ["show", "inleiding:8", "--lang", "both"],  # a sentence holding the letter's URL
    # two languages: side by side at 140 columns or more (so at 200), stacked below
    ["show", "myanmar-rohingya", "--lang", "both"],
    ["show", "myanmar-rohingya", "-C", "1", "--lang", "both"],
    ["read", "--lang", "both"],
    ["search", "Rohingya", "--lang", "both"],
    ["search", "klimaat", "--full", "-n", "3", "--lang", "both"],
]
SIDE_BY_SIDE = [args for args in COMMANDS if args[-2:] == ["--lang", "both"] and args[0] in ("show", "read", "search")]
WIDE = {("people",), ("theme",), ("people", "--lang", "en")}  # tables and listings: they may use the whole width
PASTE = {"cite", "export"}  # a citation or data to paste whole: lines as given, never wrapped
IN_A_PTY = [
    ["refs"],
    ["motions", "--kamerstuk"],
    ["people"],
    ["show", "inleiding"],
    ["search", "Rohingya", "--lang", "both"],
]
URL = re.compile(r"https?://\S+")
WHOLE = re.compile(r"https?://\S+|vr2018 \S.*")  # a URL, an example to copy: never broken, may overflow
CORPUS = load_corpus()
LABELLED = re.compile(r"\s*\S+ {2,}\S")


def urls() -> set[str]:
    """Every URL in the data: official links, the results page, links inside the letter's text."""
    found = {r.url for r in CORPUS.references if r.url} | {CORPUS.letter.results_url}
    for paragraph in CORPUS.paragraphs:
        found |= {u.rstrip(".,;)") for u in URL.findall(paragraph.text)}
    return found


# ── the two harnesses, and the pipe ─────────────────────────────────────────


@functools.cache
def in_process(args: tuple[str, ...], width: int, color_system: str | None = None) -> str:
    """The command's output on a terminal ``width`` columns wide, without colour (unless
    ``color_system`` names one) or pager."""
    from vr2018.cli import console as terminal

    file = io.StringIO()
    console = terminal.console(file=file, width=width, height=10_000, force_terminal=True, color_system=color_system)
    stdout = io.StringIO()
    os.environ["VR2018_NO_PAGER"] = "1"
    os.environ["COLUMNS"] = str(width)  # Click's help formatter reads it
    try:
        with (
            contextlib.redirect_stdout(stdout),
            contextlib.redirect_stderr(io.StringIO()),
            terminal.printing_on(console),
        ):
            code = app(list(args), prog_name="vr2018", standalone_mode=False)
    finally:
        del os.environ["VR2018_NO_PAGER"], os.environ["COLUMNS"]
    assert code == 0, args
    return stdout.getvalue() + file.getvalue()


def test_the_harness_console_is_the_clis_own():
    """terminal.console() with a file and a width: our settings kept, a forced terminal never soft-wrapped."""
    from vr2018.cli import console as terminal

    drawn = terminal.console(file=io.StringIO(), width=50, force_terminal=True, color_system=None)
    assert (drawn.width, drawn.is_terminal, drawn.soft_wrap) == (50, True, False)
    assert (drawn._markup, drawn._emoji, drawn._highlight) == (False, False, False)
    assert terminal.console(file=io.StringIO()).soft_wrap  # not a terminal: one line per paragraph


@functools.cache
def piped(args: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "VR2018_NO_PAGER": "1"})
    assert result.exit_code == 0, args
    return result.stdout


def in_a_pty(args: list[str], width: int, rows: int = 1000, env: dict[str, str] | None = None) -> str:
    """``vr2018 ARGS`` as a process in a pseudo-terminal of ``width`` × ``rows``: what a user's terminal gets."""
    import fcntl
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, width, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PAGER", "MANPAGER")}
    environ.update({"NO_COLOR": "1", "VR2018_NO_PAGER": "1", "TERM": "xterm"}, **(env or {}))
    command = [sys.executable, "-m", "vr2018", *args]
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=environ, close_fds=True)
    os.close(slave)
    out = b""
    try:
        while select.select([master], [], [], 30)[0]:
            chunk = os.read(master, 65536)
            if not chunk:
                break
            out += chunk
    except OSError:  # the process closed the terminal (EIO on Linux)
        pass
    finally:
        os.close(master)
    assert process.wait(timeout=30) == 0, (args, out[-300:])
    return out.decode("utf-8").replace("\r\n", "\n")


# ── the checks ──────────────────────────────────────────────────────────────


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def words(text: str) -> str:
    return " ".join(text.split())


def check_layout(args: tuple[str, ...], width: int, out: str) -> None:
    lines = out.splitlines()
    pipe = piped(args)
    for line in lines if args[0] not in PASTE else ():  # no line wider than the terminal, but a URL
        assert cell_len(line) <= width or WHOLE.fullmatch(line.strip()), (width, line)
    for link in urls():  # every URL the view shows is whole on one line
        if link in pipe:
            assert any(link in line for line in lines), (width, link)
    headers = {"Name", "Role", "Id", *english_translation().plain.split()}  # the people table's, the English column's
    split = set(out.split()) - set(pipe.split()) - headers
    assert not {w for w in split if not w.endswith("…") and set(w) - {"─", "│"}}, (width, split)  # no word cut in two
    logical = [words(line) for line in pipe.splitlines()]
    for above, below in zip(lines, lines[1:], strict=False):  # a wrapped indented block keeps its indent
        new_row = LABELLED.match(below)  # a label and its value: a row of its own, not a continuation
        if above.strip() and below.strip() and indent(below) < indent(above) and not new_row:
            joined = words(above + " " + below)
            assert not any(joined in line for line in logical), (width, above, below)
    if width > MEASURE and args not in WIDE and args[0] not in PASTE:
        for line in lines:  # side by side, each language's column keeps the measure
            for column in line.split(GUTTER.rstrip()) if GUTTER.rstrip() in line else [line]:
                assert cell_len(column.rstrip()) <= MEASURE or WHOLE.fullmatch(column.strip()), line


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_fits_every_width(args, width):
    check_layout(tuple(args), width, in_process(tuple(args), width))


@pytest.mark.parametrize("args", SIDE_BY_SIDE, ids=" ".join)
def test_at_200_columns_two_languages_are_side_by_side_and_at_120_one_under_the_other(args):
    """So the width checks above cover both layouts of --lang both."""
    wide, narrow = in_process(tuple(args), 200), in_process(tuple(args), 120)
    assert any(GUTTER in line and len(line) > 150 for line in wide.splitlines())
    assert GUTTER.rstrip() not in narrow and "Dutch original:" in narrow


needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


@needs_pty
@pytest.mark.parametrize("width", WIDTHS)
def test_a_real_terminal_shows_what_the_fast_harness_checks(width):
    for args in IN_A_PTY:
        out = in_a_pty(args, width)
        assert out == in_process(tuple(args), width), (args, width)
        check_layout(tuple(args), width, out)


# ── the rules, one by one ───────────────────────────────────────────────────


def test_the_lost_indents_of_issue_14_are_kept():
    refs = in_process(("refs",), 80).splitlines()
    start = refs.index("  Brief van het kabinet aan de Tweede Kamer (oktober 2017) met de prioriteiten")
    assert refs[start + 1] == "  voor het lidmaatschap van de Veiligheidsraad"
    kamerstuk = in_process(("motions", "--kamerstuk"), 40)
    assert "  Veiligheidsraadlidmaatschap vergroten\n  en voortzetten via Europese\n" in kamerstuk


def test_a_url_longer_than_the_line_is_whole_on_its_own_line():
    for args in (("refs",), ("motions",), ("info",), ("motions", "--kamerstuk")):
        out = in_process(args, 40)
        assert "  https://zoek.officielebekendmakingen.nl/kst-22045-290.html\n" in out or args == ("info",)
    info = in_process(("info",), 40)
    assert "\n  https://magazines.rijksoverheid.nl/bz/veiligheidsraad2018/2018/05/resultaten\n" in info
    inleiding = in_process(("show", "inleiding"), 40)  # a URL in the letter's own text
    assert re.search(r"\nhttps://magazines\.rijksoverheid\.nl/\S+\n", inleiding)


def test_a_table_is_drawn_only_where_no_cell_wraps():
    """The people table at 120 and 200 columns; labelled lines where any cell would wrap."""
    from rich.console import Console
    from rich.measure import Measurement

    from vr2018.views.layout import Adaptive
    from vr2018.views.people import people_view

    view = people_view(CORPUS, CORPUS.people)
    adaptive = next(r for r in view.renderables if isinstance(r, Adaptive))
    console = Console(width=300, force_terminal=True, color_system=None)
    need = Measurement.get(console, console.options, adaptive.table).maximum
    assert 80 < need <= 120
    for width in (need, need + 1, 200):
        out = in_process(("people",), width)
        assert "\n  Role  " not in out
        for person in CORPUS.people:  # one line per row: name and id on the same line
            assert any(person.name in line and line.rstrip().endswith(person.id) for line in out.splitlines())
    for width in (40, 80, need - 1):
        out = in_process(("people",), width)
        assert out.count("\n  Role  ") == len(CORPUS.people), width
        assert "Name" not in out.splitlines()[2]


def test_running_text_keeps_a_readable_measure_while_tables_use_the_width():
    read = in_process(("read",), 200).splitlines()
    assert max(map(cell_len, read)) == MEASURE or max(map(cell_len, read)) in range(MEASURE - 15, MEASURE + 1)
    people = in_process(("people",), 200).splitlines()
    assert max(map(cell_len, people)) > MEASURE


# ── the pager ───────────────────────────────────────────────────────────────

PAGER = {"PAGER": "sed 's/^/PAGED: /'", "VR2018_NO_PAGER": ""}


@needs_pty
@pytest.mark.parametrize(
    "args",
    [
        ["read"],
        ["search", "klimaat", "--full"],
        ["show", "inleiding", "-C", "2"],
        ["theme", "klimaat", "--full"],
        ["refs"],
    ],
)
def test_output_taller_than_the_screen_opens_the_pager(args):
    out = in_a_pty(args, 80, rows=24, env=PAGER)
    assert out.startswith("PAGED: ") and out.count("\n") > 24, out[:200]


@needs_pty
def test_output_that_fits_the_screen_is_printed():
    out = in_a_pty(["refs"], 200, rows=60, env=PAGER)
    assert "PAGED" not in out and out.startswith("Kamerstukken\n")


@needs_pty
def test_no_pager_when_turned_off_or_in_a_pipe():
    assert "PAGED" not in in_a_pty(["read"], 80, rows=24, env={**PAGER, "VR2018_NO_PAGER": "1"})
    environ = {**os.environ, "PAGER": PAGER["PAGER"], "NO_COLOR": "1"}
    environ.pop("VR2018_NO_PAGER", None)
    piped_out = subprocess.run(
        [sys.executable, "-m", "vr2018", "read"],
        capture_output=True,
        text=True,
        env=environ,
        check=True,
        stdin=subprocess.DEVNULL,
    ).stdout
    assert "PAGED" not in piped_out and piped_out.startswith("Koninkrijk der Nederlanden")


def test_rows_counts_a_long_line_as_the_rows_it_takes():
    from vr2018.cli.console import rows

    assert rows("a\nb\n", 80) == 2
    assert rows("x" * 81 + "\n", 80) == 2
    assert rows("\x1b[1mbold\x1b[0m\n\n", 10) == 2


def test_the_docs_describe_the_pager_and_width_rules():
    commands = (Path(__file__).resolve().parents[1] / "docs" / "commands.md").read_text(encoding="utf-8")
    for text in ("taller than the screen", "PAGER", "VR2018_NO_PAGER", "vr2018 help search", "100 columns"):
        assert text in commands, text


# ── the key under a view ────────────────────────────────────────────────────

MARKED = [
    *COMMANDS,
    ["motions", "--kamerstuk", "34550-D"],
    ["theme", "myanmar"],
    ["show", "conflict-en-honger"],
    ["timeline", "--theme", "europa"],
]


@pytest.mark.parametrize("args", MARKED, ids=" ".join)
def test_a_view_explains_an_inferred_marker_exactly_when_it_shows_one(args):
    from vr2018.views.layout import KEYS

    if args[0] in PASTE or "help" in args or "--help" in args:
        return
    text = words(in_process(tuple(args), 80))
    body = text
    for name in KEYS:
        body = body.replace(words(KEYS[name]), "")
    assert (words(KEYS["chamber"]) in text) == (", inferred)" in body), args  # "(Tweede Kamer, inferred)"
    # a section that is our guess: "(inferred)" after its [heading], or in `toc` after its id
    from vr2018.views.toc import INFERRED

    guessed = re.compile(r"(\]|-zonder-kop) \(inferred\)")
    shown = bool(guessed.search(body))
    assert (words(KEYS["heading"]) in text or words(INFERRED) in text) == shown, args
    body = guessed.sub("", body.replace(words(INFERRED), ""))
    assert (words(KEYS["subject"]) in text) == (" (inferred)" in body), args  # a subject that is our reading
    year = re.search(r"\b[A-Za-z]+ \[\d{4}\]", body)
    assert (words(KEYS["year"]) in text) == bool(year), args
    assert all(text.count(words(KEYS[name])) <= 1 for name in KEYS), args


@pytest.mark.parametrize("width", WIDTHS)
def test_a_paragraph_mark_stays_with_its_id(width):
    """'¶' at a line's end and its id on the next line reads as a stray sign: the two wrap as one word."""
    stray = {" ".join(args) for args in COMMANDS if re.search(r"¶\n", in_process(tuple(args), width))}
    assert not stray, (width, stray)


def test_on_a_colour_terminal_every_link_is_a_link_and_styled_values_keep_their_style():
    """Labelled values and running text are drawn line by line, which once dropped a text's own
    style: the links in `motions` and `info` were neither underlined nor clickable."""
    from vr2018 import load_corpus

    corpus = load_corpus()
    shown = {args: in_process(args, 100, "truecolor") for args in [("motions",), ("info",)]}
    links = [r.url for m in corpus.motions for r in [corpus.reference(m.reference)] if r.url]
    assert links
    for found in links:
        assert re.search(
            r"\x1b\]8;[^;]*;" + re.escape(found) + r"\x1b\\\x1b\[4m" + re.escape(found), shown[("motions",)]
        )
    summary = corpus.letter.results_url
    assert re.search(r"\x1b\]8;[^;]*;" + re.escape(summary) + r"\x1b\\\x1b\[4m", shown[("info",)])
    assert re.search(r"\x1b\[[0-9;]+mafter ¶", shown[("info",)])  # "Missing text" in its style
