"""Bad input and hostile terminals, through the real CLI: never a traceback, never
a lie, never an injected escape.

In-process cases use the ``invoke`` fixture; cases about terminals, pipes and
locales run ``python -m vr2018`` as a subprocess with a controlled environment
(and, for terminal widths, a real pseudo-terminal).
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vr2018.output import emit_json
from vr2018.search import MAX_QUERY

# Anything a terminal acts on: C0 controls except tab and newline, DEL, C1
# controls, bidi and zero-width formatting characters, line separators.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")

# Every command with arguments that make it print its main view (data is read).
VIEWS = [
    ["read"],
    ["search", "Rohingya"],
    ["search", "klimaat", "--full"],
    ["show", "iran-2231", "--context", "1"],
    ["timeline"],
    ["people"],
    ["people", "kaag"],
    ["cite"],
    ["cite", "iran-2231", "--format", "bibtex"],
    ["info"],
    ["theme"],
    ["theme", "caribisch", "--full"],
    ["motions"],
    ["motions", "--kamerstuk"],
    ["refs"],
]
JSON_VIEWS = [
    ["read", "--json"],
    ["search", "Curaçao", "--json"],
    ["show", "caribisch-perspectief", "--json"],
    ["timeline", "--json"],
    ["people", "--json"],
    ["cite", "--json"],
    ["info", "--json"],
    ["theme", "--json"],
    ["theme", "klimaat", "--json"],
    ["motions", "--json"],
    ["refs", "--json"],
]


def ident(args: list[str]) -> str:
    return " ".join(args)


def assert_calm(result, codes=(0, 1, 2)) -> None:
    """The contract every run keeps: a known exit code, no traceback, no terminal
    control characters, and one line on stderr for a failure, none for success."""
    out, err = result.stdout, result.stderr
    assert result.exit_code in codes, (result.exit_code, out[-300:], err)
    assert "Traceback" not in out + err
    assert not CONTROL.search(out), repr(CONTROL.search(out))
    assert not CONTROL.search(err), repr(err)
    if result.exit_code == 0:
        assert err == ""
    else:
        assert err.count("\n") == 1 and err.startswith("vr2018: "), err


def one_line(result) -> str:
    assert_calm(result, (1, 2))
    return result.stderr


# ── empty, blank and markup ──────────────────────────────────────────────────


@pytest.mark.parametrize("args", [
    ["search", ""], ["search", "   "], ["search", "\t"], ["search", " ", " "],
    ["show", ""], ["show", " "], ["cite", ""], ["people", ""], ["people", "  "],
    ["theme", ""], ["timeline", "--theme", ""], ["search", "x", "--theme", ""], ["search", "x", "--section", ""],
    ["motions", ""], ["motions", " "], ["motions", "--kamerstuk", ""], ["cite", "--format", ""],
], ids=ident)
def test_empty_and_blank_arguments_are_bad_usage(invoke, args):
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    one_line(result)


def test_empty_queries_say_so(invoke):
    assert "empty query" in invoke("search", "  ").stderr
    assert "empty name" in invoke("people", "").stderr
    assert "empty paragraph id" in invoke("show", "").stderr


MARKUP = ["[/]", "[bold red]x", "[link=http://x]y[/link]", "[red]Kaag[/red]", "[/bold]"]


@pytest.mark.parametrize("markup", MARKUP)
@pytest.mark.parametrize("command", [
    ["search"], ["show"], ["people"], ["theme"], ["motions"], ["cite"], ["timeline", "--theme"],
    ["search", "x", "--theme"], ["search", "x", "--section"], ["cite", "--format"], ["motions", "--kamerstuk"],
], ids=ident)
def test_markup_is_shown_literally_never_interpreted(invoke, command, markup):
    result = invoke(*command, markup)
    assert_calm(result)
    if result.exit_code:
        # quoted as typed (Rich would have swallowed the brackets), or refused for having no words
        assert markup in result.stderr or re.search("no letters or digits|not a Kamerstuk|empty query", result.stderr)
    assert "\x1b" not in result.output


def test_markup_in_a_query_is_kept_in_the_message_and_in_did_you_mean(invoke):
    result = invoke("people", "kagg[/]")
    assert one_line(result) == "vr2018: nobody called 'kagg[/]' in the letter; did you mean: Sigrid A.M. Kaag?\n"
    result = invoke("theme", "[red]klimat")
    assert one_line(result) == "vr2018: Unknown theme '[red]klimat'. Did you mean: klimaat?\n"
    result = invoke("search", "[bold red]rohinga[/]", "--theme", "klimaat")
    assert "'[bold red]rohinga[/]'" in one_line(result)
    result = invoke("[bold]serch")
    assert "'[bold]serch'" in one_line(result)


def test_markup_in_a_matching_query_still_finds(invoke):
    result = invoke("search", "[link=http://x]Rohingya[/link]", "--json")
    assert_calm(result, (0,))
    assert "myanmar-rohingya" in [hit["paragraph"]["id"] for hit in json.loads(result.stdout)]


# ── escape sequences and control characters ──────────────────────────────────

HOSTILE = [
    "\x1b[31mRohingya\x1b[0m",  # colour
    "\x1b]8;;http://evil.example\x1b\\Rohingya\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b]0;pwned\x07Rohingya",  # window title, BEL-terminated
    "Roh\x00ing\x07ya",  # NUL and BEL
    "Rohx\x08ingya",  # backspace
    "\rRohingya",  # carriage return
    "Rohingya\x7f",  # DEL
    "\x9b31mRohingya",  # 8-bit CSI
    "\u202eRohingya",  # right-to-left override
    "Roh\u200bingya",  # zero-width space
]


@pytest.mark.parametrize("query", HOSTILE, ids=repr)
def test_escape_sequences_in_a_query_are_stripped_before_anything(invoke, query):
    result = invoke("search", query, "--json")
    assert_calm(result, (0,))
    plain = invoke("search", "Rohingya", "--json")
    if "x\x08" not in query:  # the backspace case leaves 'Rohxingya': a typo, still found
        assert result.stdout == plain.stdout  # the same search as the clean word
    assert "myanmar-rohingya" in result.stdout


@pytest.mark.parametrize("query", HOSTILE, ids=repr)
@pytest.mark.parametrize("command", [
    ["search"], ["show"], ["people"], ["theme"], ["motions"], ["cite"], ["timeline", "--theme"],
    ["motions", "--kamerstuk"], ["cite", "--format"], ["search", "klimaat", "--section"],
], ids=ident)
def test_no_control_character_reaches_stdout_or_stderr(invoke, command, query):
    assert_calm(invoke(*command, "zz" + query))


def test_an_escape_only_query_is_an_empty_query(invoke):
    assert "empty query" in one_line(invoke("search", "\x1b]0;title\x07"))
    assert "empty query" in one_line(invoke("search", "\x1b[31m\x1b[0m"))


def test_escapes_in_an_unknown_command_or_option_are_stripped(invoke):
    assert one_line(invoke("\x1b[31mserch")) == (
        "vr2018: No such command 'serch'. Did you mean 'search'? (see 'vr2018 --help')\n"
    )
    assert "\\x1b" not in one_line(invoke("search", "x", "--\x1b[1mbogus"))


# ── size, regex metacharacters, punctuation, combining characters ────────────


def test_a_10000_character_query_is_refused_in_one_short_line(invoke):
    query = " ".join(["zz", "rohingya", '"a b"'] * 1000)[:10_000]
    result = invoke("search", query)
    line = one_line(result)
    assert result.exit_code == 2
    assert "query too long: 10000 characters, at most 2000" in line
    assert len(line) < 200


def test_a_whole_paragraph_pasted_as_query_still_finds_itself(invoke, corpus):
    longest = max(corpus.paragraphs, key=lambda p: len(p.text))
    assert len(longest.text) <= MAX_QUERY
    result = invoke("search", longest.text, "--json", "-n", "1")
    assert_calm(result, (0,))
    assert json.loads(result.stdout)[0]["paragraph"]["id"] == longest.id


@pytest.mark.parametrize("command", [
    ["show"], ["people"], ["theme"], ["motions"], ["cite"], ["timeline", "--theme"], ["motions", "--kamerstuk"],
    ["cite", "--format"], ["search", "x", "--section"], ["search", "x", "--theme"],
], ids=ident)
def test_a_10000_character_argument_is_quoted_short(invoke, command):
    line = one_line(invoke(*command, "abc " * 2500))
    assert len(line) < 400, line


@pytest.mark.parametrize("query", [".*", "(", "\\", "[", "+?", "^$", "|", ")*", "*"], ids=repr)
def test_regex_metacharacters_are_just_characters(invoke, query):
    for command in (["search"], ["show"], ["people"], ["theme"], ["motions"], ["cite", "--format"]):
        assert_calm(invoke(*command, query), (1, 2))
    assert "no letters or digits" in invoke("search", query).stderr


@pytest.mark.parametrize("query", ["{2,}", "(?i)", "\\d+", "[^a-z]", "a{1000000}", "(a+)+$"], ids=repr)
def test_regex_syntax_with_letters_is_searched_as_words(invoke, query):
    for command in (["search"], ["show"], ["people"], ["theme"], ["motions"], ["cite", "--format"]):
        assert_calm(invoke(*command, query))


def test_regex_metacharacters_next_to_a_word_do_not_spoil_it(invoke):
    result = invoke("search", "rohingya.*", "(sancties)", "--json")
    assert_calm(result, (0,))
    assert "myanmar-rohingya" in result.stdout


@pytest.mark.parametrize("query", ["!?!", "...", "—", "«»", "¶", "…", "'\"'", "-", "--", "§§"], ids=repr)
def test_only_punctuation(invoke, query):
    result = invoke("search", "--", query)
    assert result.exit_code == 2
    assert "no letters or digits" in one_line(result)


@pytest.mark.parametrize(("combining", "precomposed"), [("Cura\u0327cao", "Curaçao"), ("Hai\u0308ti", "Haïti")])
def test_combining_characters_equal_precomposed(invoke, combining, precomposed):
    a = invoke("search", combining, "--json")
    b = invoke("search", precomposed, "--json")
    assert_calm(a, (0,))
    assert a.stdout == b.stdout
    assert invoke("theme", combining, "--json").stdout == invoke("theme", precomposed, "--json").stdout


def test_combining_person_name(invoke):
    result = invoke("people", "Rhuggenaath", "--json")
    assert invoke("people", "Rhu\u0301ggenaath", "--json").stdout == result.stdout


# ── unknown names, each with "did you mean" where something is close ────────


@pytest.mark.parametrize(("args", "code", "expected"), [
    (["serch", "x"], 2, "Did you mean 'search'?"),
    (["theem"], 2, "Did you mean 'theme'?"),
    (["theme", "klimat"], 2, "Did you mean: klimaat?"),
    (["timeline", "--theme", "sanctie"], 0, None),  # an unambiguous start is a name
    (["timeline", "--theme", "carribisch"], 2, "caribisch"),
    (["show", "iran-2232"], 2, "did you mean: iran-2231?"),
    (["cite", "opcw-hak"], 2, "did you mean: opcw-hack?"),
    (["people", "kagg"], 1, "did you mean: Sigrid A.M. Kaag?"),
    (["motions", "Kuzo"], 0, None),  # a typo in a submitter is forgiven
    (["motions", "--kamerstuk", "22046"], 1, "22045-290"),
    (["motions", "--kamerstuk", "22 045, nr. 291"], 1, "22045-290"),
    (["motions", "--kamerstuk", "abc"], 2, "is not a Kamerstuk"),
    (["search", "rohinga", "--section", "Voorkomen en genezn"], 2, "Voorkomen en genezen"),
    (["search", "x", "--bogus"], 2, "No such option: --bogus"),
    (["read", "extra"], 2, "unexpected extra argument"),
], ids=lambda v: ident(v) if isinstance(v, list) else None)
def test_unknown_names_say_what_is_close(invoke, args, code, expected):
    result = invoke(*args)
    assert result.exit_code == code, result.stderr
    assert_calm(result)
    if expected:
        assert expected.lower() in result.stderr.lower()


# ── numbers: --limit, --context; --format ────────────────────────────────────


@pytest.mark.parametrize(("value", "code"), [
    ("0", 2), ("-1", 2), ("-99999999999999999999", 2), ("abc", 2), ("1.5", 2), ("", 2), ("0x10", 2),
    ("1", 0), (str(10**30), 0), ("9223372036854775808", 0),
])
def test_limit(invoke, value, code):
    result = invoke("search", "Rohingya", "--limit", value, "--json")
    assert result.exit_code == code, result.stderr
    assert_calm(result)
    if code == 0:
        assert len(json.loads(result.stdout)) >= 1
    else:
        assert "--limit" in result.stderr and result.stdout == ""


def test_limit_1_gives_one_hit(invoke):
    assert len(json.loads(invoke("search", "de", "-n", "1", "--json").stdout)) == 1


@pytest.mark.parametrize(("value", "code"), [("-1", 2), ("abc", 2), ("", 2), ("0", 0), (str(10**30), 0)])
def test_context(invoke, corpus, value, code):
    result = invoke("show", "iran-2231", "--context", value, "--json")
    assert result.exit_code == code, result.stderr
    assert_calm(result)
    if value == str(10**30):  # everything before and after, no more
        data = json.loads(result.stdout)
        assert len(data["context"]["before"]) + len(data["context"]["after"]) + 1 == len(corpus.paragraphs)


@pytest.mark.parametrize("value", ["html", "bibtexx", "json", "markdownx", "[b]x", "\x1b[31mtext"])
def test_unknown_format(invoke, value):
    result = invoke("cite", "--format", value)
    assert_calm(result)
    if value == "\x1b[31mtext":  # the escape is stripped: plain 'text'
        assert result.exit_code == 0
        return
    assert result.exit_code == 2
    assert "use text, markdown or bibtex" in result.stderr


# ── exit codes are documented everywhere ─────────────────────────────────────


def test_every_command_help_states_the_exit_codes(invoke):
    import typer

    from vr2018.app import exit_codes
    from vr2018.cli import app

    group = typer.main.get_command(app)
    names = group.list_commands(None)
    assert {"read", "search", "theme", "motions", "refs", "show", "timeline", "people", "cite", "info"} <= set(names)
    for name in [None, *names]:
        result = invoke(*([name] if name else []), "--help")
        assert result.exit_code == 0
        assert " ".join(exit_codes(name).split()) in " ".join(result.stdout.split()), name


def test_docs_document_the_exit_codes():
    # The README lists the codes (tests/test_docs.py); the reference holds the details.
    commands = (Path(__file__).resolve().parents[1] / "docs" / "commands.md").read_text(encoding="utf-8")
    section = commands.split("## Exit status", 1)[1]
    for text in ("`0`", "`1`", "`2`", "`130`", "NO_COLOR", "PYTHONIOENCODING", "VR2018_DATA", "head"):
        assert text in section, text


# ── data faults, through every command ───────────────────────────────────────


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / f"{name}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


FAULTS = {
    "missing file": (lambda d: (d / "themes.toml").unlink(), "data/themes.toml: file not found"),
    "not UTF-8": (
        lambda d: (d / "people.toml").write_bytes('[[person]]\nid = "caf\xe9"\n'.encode("latin-1")),
        "data/people.toml: not UTF-8",
    ),
    "invalid TOML": (
        lambda d: _edit(d, "paragraphs", 'id = "opcw-hack"', 'id = "opcw-hack'),
        "data/paragraphs.toml: invalid TOML",
    ),
    "missing field": (
        lambda d: _edit(d, "paragraphs", 'id = "opcw-hack"\nsection = "fragment-2-zonder-kop"\n', 'id = "opcw-hack"\n'),
        "data/paragraphs.toml: paragraph 'opcw-hack': field 'section' is missing",
    ),
    "wrong type": (
        lambda d: _edit(d, "people", 'id = "trump"\nname = "Trump"', 'id = "trump"\nname = 45'),
        "data/people.toml: person 'trump': field 'name': expected a non-empty string, got an integer",
    ),
    "duplicate id": (
        lambda d: _edit(d, "paragraphs", 'id = "opcw-hack"', 'id = "iran-2231"'),
        "data/paragraphs.toml: paragraph 'iran-2231': duplicate id 'iran-2231'",
    ),
    "dangling reference": (
        lambda d: _edit(d, "motions", 'reference = "kst-22045-290"', 'reference = "kst-22045-291"'),
        "data/motions.toml: motion 'kuzu-wapenembargo': field 'reference': no reference 'kst-22045-291'",
    ),
}
DATA_COMMANDS = [*VIEWS, *JSON_VIEWS, ["search", "nergens"], ["show", "nergens"], ["people", "nergens", "--json"]]


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("args", DATA_COMMANDS, ids=ident)
def test_bad_data_is_one_line_and_exit_2_for_every_command(invoke, data_copy, monkeypatch, args, fault):
    breaks, expected = FAULTS[fault]
    breaks(data_copy)
    monkeypatch.setenv("VR2018_DATA", str(data_copy))
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert one_line(result).startswith(f"vr2018: bad data: {expected}")


def test_a_data_folder_that_does_not_exist(invoke, tmp_path, monkeypatch):
    monkeypatch.setenv("VR2018_DATA", str(tmp_path / "nowhere"))
    result = invoke("info")
    assert result.exit_code == 2
    assert one_line(result).startswith("vr2018: bad data: data/letter.toml: file not found")


def test_hostile_data_never_reaches_the_terminal(invoke, data_copy, monkeypatch):
    """Escape sequences, C1 controls, bidi overrides and markup inside the data
    files: every view prints them stripped, and --json escapes them."""
    evil = "\\u001b]8;;http://evil\\u0007\\u001b[31m[bold]\\u009b2J\\u202e"
    fields = "text|title|summary|label|role|subject|description|office|salutation|name"
    for path in data_copy.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(rf'(?m)^(\s*(?:{fields})\s*=\s*)("""|")', lambda m: m.group(1) + m.group(2) + evil, text)
        path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("VR2018_DATA", str(data_copy))
    for args in VIEWS:
        result = invoke(*args)
        assert_calm(result, (0,))
        assert "[bold]" in result.stdout, args  # shown literally
    for args in JSON_VIEWS:
        result = invoke(*args)
        assert_calm(result, (0,))
        assert "\\u009b" in result.stdout and "\\u202e" in result.stdout
        json.loads(result.stdout)


def test_emit_json_escapes_terminal_controls(capsys):
    value = {"t": "a\x1b[31mb\x9b2J\u202ec\x7f\u2028"}
    emit_json(value)
    out = capsys.readouterr().out
    assert not CONTROL.search(out)
    assert json.loads(out) == value


# ── terminals, pipes and locales (real processes) ────────────────────────────


def run(args: list[str], env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    """``python -m vr2018 ARGS`` with a clean environment: no colour variables unless given."""
    base = {k: v for k, v in os.environ.items()
            if k not in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES", "TERM")}
    base.update({"VR2018_NO_PAGER": "1", "PYTHONIOENCODING": "utf-8", "TERM": "xterm-256color"})
    base.update(env or {})
    return subprocess.run([sys.executable, "-m", "vr2018", *args], check=False, capture_output=True, env=base,
                          timeout=60, **kwargs)


@functools.cache
def _piped(args: tuple[str, ...]) -> str:
    result = run(list(args))
    assert result.returncode == 0 and result.stderr == b""
    return result.stdout.decode("utf-8")


def piped(args: list[str]) -> str:
    """What ``vr2018 ARGS`` prints into a pipe, in UTF-8 (run once per session)."""
    return _piped(tuple(args))


@pytest.mark.parametrize("args", VIEWS, ids=ident)
def test_no_escape_codes_when_piped_or_with_no_color(args):
    assert "\x1b" not in piped(args)
    both = run(args, {"FORCE_COLOR": "1", "NO_COLOR": "1"})  # NO_COLOR wins
    assert both.returncode == 0 and b"\x1b" not in both.stdout
    assert both.stdout.decode().split() == piped(args).split()


def test_force_color_does_colour_a_pipe():
    """The check above can fail: FORCE_COLOR alone does bring escape codes."""
    assert b"\x1b[" in run(["show", "iran-2231"], {"FORCE_COLOR": "1"}).stdout


ASCII_ENV = {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}


@pytest.mark.parametrize("args", VIEWS + JSON_VIEWS + [["--help"], ["search", "--help"], []], ids=ident)
def test_ascii_locale_transliterates_never_dies(args):
    result = run(args, ASCII_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    out = result.stdout.decode("ascii")  # raises if anything is not ASCII
    if "--json" in args:
        assert json.loads(out) == json.loads(piped(args))  # escaped, same data
    elif "?" not in piped(args):
        assert "?" not in out  # nothing replaced blindly: transliterated


def test_ascii_locale_shows_accented_letter_text_transliterated():
    out = run(["read"], ASCII_ENV).stdout.decode("ascii")
    assert "Italie" in out and "Curacao" in out


def test_ascii_locale_message_on_stderr():
    result = run(["people", "kägg"], ASCII_ENV)
    assert result.returncode == 1
    assert result.stderr.decode("ascii") == "vr2018: nobody called 'kagg' in the letter; did you mean: Sigrid A.M. Kaag?\n"


@pytest.mark.parametrize("args", [["read"], ["read", "--json"], ["--help"], ["cite"], ["search", "de", "-n", "30"],
                                  ["theme", "klimaat", "--full"], ["--version"]], ids=ident)
def test_closed_pipe_exits_quietly(args):
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.Popen([sys.executable, "-m", "vr2018", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**base, "VR2018_NO_PAGER": "1"})
    proc.stdout.close()  # the reader goes away before the first byte
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0
    assert err == b"", err


def test_read_piped_into_head_1():
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.Popen([sys.executable, "-m", "vr2018", "read"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**base, "VR2018_NO_PAGER": "1"}, bufsize=0)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0
    assert first.strip() and err == b""


def run_tty(args: list[str], columns: int, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run in a pseudo-terminal ``columns`` wide: what a user at a terminal sees."""
    pty = pytest.importorskip("pty")
    import fcntl
    import select
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    proc = subprocess.Popen([sys.executable, "-m", "vr2018", *args], stdin=subprocess.DEVNULL, stdout=slave,
                            stderr=subprocess.PIPE, env={**base, "VR2018_NO_PAGER": "1", "TERM": "xterm-256color",
                                                         "COLUMNS": str(columns), **(env or {})})
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    code = proc.wait(timeout=60)
    return code, b"".join(chunks).decode("utf-8").replace("\r\n", "\n"), err


needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
# Colours and styles (SGR), and the OSC 8 hyperlinks a terminal gets around every URL
# (well-formed only: an id and a URL without control characters, ended by ST).
SGR = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;(?:id=[0-9]+)?;[^\x00-\x1f\x7f]*\x1b\\")


@needs_pty
@pytest.mark.parametrize("columns", [20, 300])
@pytest.mark.parametrize("args", [v for v in VIEWS if v[:2] != ["theme"]] + [["--help"], ["search", "--help"], []],
                         ids=ident)
def test_narrow_and_wide_terminals_render_without_losing_text(args, columns):
    code, out, err = run_tty(args, columns)
    assert code == 0 and err == ""
    text = SGR.sub("", out)
    assert not CONTROL.search(text)
    if "--help" in args:  # Click shortens the command list's one-liners to the width: its design
        return
    assert text.count("…") <= piped(args).count("…"), "text was cut off with '…'"
    # every word of the piped output is on the terminal, wrapped or folded but whole (rules aside)
    folded = "".join(text.split())
    lost = [word for word in piped(args).split() if word not in folded and set(word) != {"─"}]
    assert not lost, lost


@needs_pty
@pytest.mark.parametrize("columns", [20, 80, 300])
def test_theme_list_keeps_every_id_and_title_at_any_width(corpus, columns):
    code, out, err = run_tty(["theme"], columns)
    assert code == 0 and err == ""
    folded = "".join(SGR.sub("", out).split())
    for theme in corpus.themes:
        assert theme.id in folded and "".join(theme.title.split()) in folded, theme.id



@needs_pty
def test_no_color_on_a_real_terminal_has_no_escape_codes():
    code, out, _ = run_tty(["show", "iran-2231"], 80, {"NO_COLOR": "1"})
    assert code == 0 and "\x1b" not in out
    code, out, _ = run_tty(["show", "iran-2231"], 80)
    assert "\x1b[" in out  # a terminal does get styles


@needs_pty
@pytest.mark.parametrize("columns", [40, 80, 120, 200])
@pytest.mark.parametrize("args", [["motions"], ["motions", "Kuzu"], ["motions", "--kamerstuk"]], ids=ident)
def test_motions_never_split_a_word_or_id_at_any_width(corpus, args, columns):
    """Wrapped only between words: every word on the terminal is a whole word of the piped
    output (a table column once folded 'VN-Veiligheidsr / aad' and '[myanmar-rohing / ya]').
    Only a URL wider than the terminal itself may be folded."""
    code, out, err = run_tty(args, columns)
    assert code == 0 and err == ""
    text = SGR.sub("", out)
    whole = set(piped(args).split())
    too_wide = [r.url for r in corpus.references if r.url and len(r.url) > columns]
    broken = [w for w in text.split() if w not in whole and not any(w in url for url in too_wide)]
    assert not broken, broken
    assert "[myanmar-rohingya]" in text.split()


@needs_pty
@pytest.mark.parametrize("columns", [40, 80, 120])
def test_info_urls_are_whole_on_one_line(corpus, columns):
    code, out, _ = run_tty(["info"], columns)
    lines = [line.strip() for line in SGR.sub("", out).splitlines()]
    url = corpus.letter.results_url
    assert code == 0
    if len(url) <= columns:
        assert url in lines or any(line.endswith(url) for line in lines), "\n".join(lines)
    assert "…" not in out
