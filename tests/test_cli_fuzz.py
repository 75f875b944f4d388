"""Property tests for the whole command line: hostile argument vectors drawn from
the real command tree (Typer/Click introspection, so a new command or option is
covered without touching this file).

For every generated argv: the exit code is 0, 1 or 2; no traceback; no escape or
control character in any output; stderr is empty on success and one line
otherwise; and --json output, when there is any, parses.

About 1,400 argument vectors in all (see ``EXAMPLES``), in-process, in a few
seconds; run ``pytest tests/test_cli_fuzz.py --hypothesis-show-statistics`` for
the exact counts.
"""

from __future__ import annotations

import functools
import json
import os
import shlex
import traceback

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from vr2018.cli.main import app
from vr2018.cli.status import exit_statuses
from vr2018.text.clean import TERMINAL_ACTIVE, clean

GROUP = typer.main.get_command(app)
COMMANDS = {name: GROUP.get_command(None, name) for name in GROUP.list_commands(None)}
ENV = {"NO_COLOR": "1", "VR2018_NO_PAGER": "1", "VR2018_DEBUG": ""}
RUNNER = CliRunner()

EXAMPLES = 150  # per command; ten commands and the top level: ~1,400 argv vectors

# ── hostile values ───────────────────────────────────────────────────────────

SNIPPETS = [
    "\x1b[31m",
    "\x1b[0m",
    "\x1b]8;;http://evil\x1b\\",
    "\x1b]0;title\x07",
    "\x00",
    "\x07",
    "\x08",
    "\r",
    "\x7f",
    "\x9b2J",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\u2028",
    "[/]",
    "[bold red]",
    "[link=http://x]",
    "[/link]",
    "\\",
    ".*",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "*",
    "+",
    "?",
    "|",
    "^",
    "$",
    '"',
    "'",
    "—",
    "…",
    "\u0327",
    "\u0308",
    "ß",
    "İ",
    "ﬁ",
    "𝕊",
    "\t",
    "\n",
    " ",
    "-",
    "--",
    "-n",
    "--json",
    "=",
]
WORDS = [
    "Rohingya",
    "rohinga",
    "Curaçao",
    "Cura\u0327cao",
    "Haïti",
    "klimaat",
    "sancties",
    "Kaag",
    "kagg",
    "Kuzu",
    "Noord-Korea",
    "iran-2231",
    "iran",
    "opcw-hack",
    "inleiding",
    "caribisch",
    "de",
    "the",
    "2231",
    "2396",
    "22045",
    "22 045, nr. 290",
    "kst-22045-290",
    "34550-D",
    "35000-XVII",
    "35 000; nr. XVII",
    "Kamerstuk 26 150",
    "text",
    "markdown",
    "md",
    "bibtex",
    "Voorkomen en genezen",
    "minister-president",
    "human trafficking",
    '"nucleaire deal"',
    "https://zoek.officielebekendmakingen.nl/kst-22045-290.html",
]
NUMBERS = [
    "0",
    "1",
    "2",
    "-1",
    "-0",
    "3",
    "10",
    "999999",
    str(10**30),
    str(-(10**30)),
    "9223372036854775808",
    "1.5",
    "1e3",
    "0x10",
    "abc",
    "",
    " ",
    "½",
    "٣",
    "1_000",
    "+5",
]

hostile_text = st.one_of(
    st.sampled_from(WORDS),
    st.lists(st.one_of(st.sampled_from(SNIPPETS), st.sampled_from(WORDS)), min_size=1, max_size=5).map("".join),
    st.text(max_size=30),
    st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=12),
    st.integers(min_value=1, max_value=3000).map(lambda n: "rohingya klimaat " * (n // 17 + 1)),  # long
)
numbers = st.one_of(st.sampled_from(NUMBERS), st.integers().map(str), hostile_text)


def _value_for(param) -> st.SearchStrategy[str]:
    kind = type(param.type).__name__.lower()
    if "int" in kind or "float" in kind:
        return numbers
    return hostile_text


def _units(command) -> st.SearchStrategy[list[list[str]]]:
    """The command's parameters as argv pieces (an option with its value stays together)."""
    pieces = []
    for param in command.params:
        if param.param_type_name == "option":
            if param.hidden:
                continue
            names = st.sampled_from([*param.opts, *param.secondary_opts])
            if param.is_flag:
                pieces.append(st.lists(names.map(lambda n: [n]), max_size=2))
            else:
                pieces.append(st.lists(st.tuples(names, _value_for(param)).map(list), max_size=2))
        else:  # an argument: variadic or one value, possibly left out
            if param.nargs == -1:
                pieces.append(st.lists(hostile_text.map(lambda v: [v]), max_size=4))
            else:
                pieces.append(st.lists(hostile_text.map(lambda v: [v]), max_size=2))
    extras = st.lists(st.sampled_from([["--"], ["--bogus"], ["-x"], ["--json"], ["-h"], ["extra"]]), max_size=1)
    return st.tuples(*pieces, extras).map(lambda groups: [unit for group in groups for unit in group])


@functools.cache  # built once per command: a strategy built afresh for every example is validated afresh
def argv_for(name: str) -> st.SearchStrategy[list[str]]:
    command = COMMANDS[name]
    return _units(command).flatmap(
        lambda units: st.permutations(units).map(lambda order: [name] + [a for unit in order for a in unit])
    )


@pytest.fixture(autouse=True, scope="module")
def _scratch_folder(tmp_path_factory):
    """`export markdown -o FILE` writes FILE: fuzzed file names land in a scratch folder, not in the checkout."""
    here = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("fuzz-cwd"))
    yield
    os.chdir(here)


# ── the properties ───────────────────────────────────────────────────────────


CHECKED = [0]  # argv vectors run, for the curious: generated examples, not counting shrinking


JSON = {p.name for c in COMMANDS.values() for p in c.params if "--json" in getattr(p, "opts", ())}


def parsed(argv: list[str]) -> set[str] | None:
    """The parameters the CLI's own parser finds in ``argv`` (cleaned as the CLI cleans it),
    top level and command together ({"help", "json_", "query", ...}); None for a usage error.

    Asked of the parser, not guessed from the words: in ``cite --format -- -h --json`` the
    "--" is the value of --format, not the end of the options, so -h asks for help; in
    ``search -n -h --json`` the -h is the value of -n; after a real "--", "--json" is a query word.
    """
    args = [clean(a) for a in argv]
    top = typer.Context(GROUP, info_name="vr2018", **GROUP.context_settings)
    try:
        values, rest, _ = GROUP.make_parser(top).parse_args(args)
        found = {name for name, value in values.items() if value is not None}
        if found & {"help", "version"} or not rest or rest[0] not in COMMANDS:
            return found  # eager top-level options end the run before any command is parsed
        command = COMMANDS[rest[0]]
        values, _, _ = command.make_parser(typer.Context(command, info_name=rest[0], parent=top)).parse_args(rest[1:])
    except typer.TyperException:  # a usage error: the CLI says so in one line, status 2
        return None
    return found | {name for name, value in values.items() if value is not None}


def explain(argv: list[str], result) -> str:
    """Everything a failure needs to be understood and rerun, for the assertion message:
    the argv (and a shell line for it), exit code, stdout, stderr and the exception with its traceback."""
    exc = result.exception
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)) if exc is not None else "None\n"
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in ENV.items())
    return (
        f"argv={argv!r}\n"
        f"rerun: {env} vr2018 {shlex.join(argv)}\n"
        f"exit_code={result.exit_code!r}\n"
        f"stdout={result.stdout[-2000:]!r}\n"
        f"stderr={result.stderr!r}\n"
        f"exception={exc!r}\n{trace}"
    )


def check(argv: list[str]) -> None:
    CHECKED[0] += 1
    result = RUNNER.invoke(app, argv, env=ENV)
    out, err = result.stdout, result.stderr
    assert result.exit_code in (0, 1, 2), explain(argv, result)
    name = argv[0] if argv and argv[0] in COMMANDS else None
    assert result.exit_code in exit_statuses(name), explain(argv, result)  # only what its --help lists
    assert result.exception is None or isinstance(result.exception, SystemExit), explain(argv, result)
    assert "Traceback" not in out + err, explain(argv, result)
    assert "internal error" not in err, explain(argv, result)
    assert not TERMINAL_ACTIVE.search(out), explain(argv, result)
    assert not TERMINAL_ACTIVE.search(err), explain(argv, result)
    if result.exit_code == 0:
        assert err == "", explain(argv, result)
    else:
        assert err.count("\n") == 1 and err.startswith("vr2018: "), explain(argv, result)
    asked = parsed(argv)
    wants_json = asked is not None and bool(asked & JSON) and not asked & {"help", "version"}
    if wants_json and out and result.exit_code in (0, 1):
        try:
            json.loads(out)
        except ValueError as exc:
            raise AssertionError(f"not JSON: {exc}\n{explain(argv, result)}") from exc


# print_blob: a failure in CI prints the @reproduce_failure line that replays it exactly,
# even where the example database (.hypothesis/) is not kept.
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)


# @given on the parametrized test itself, not on a function defined inside it: then each
# command has its own key in the example database (.hypothesis/), so a failure found for
# one command is replayed for that command on the next run, not for the first command
# (where it passes and is deleted as fixed).
@pytest.mark.parametrize("name", sorted(COMMANDS))
@fuzz
@given(data=st.data())
def test_every_command_survives_hostile_arguments(name, data):
    check(data.draw(argv_for(name), label="argv"))


@fuzz
@given(
    st.lists(
        st.one_of(
            st.sampled_from(sorted(COMMANDS)), hostile_text, st.sampled_from(["--version", "-V", "--help", "--bogus"])
        ),
        max_size=4,
    )
)
def test_the_top_level_survives_anything(argv):
    check(argv)


def test_a_failed_check_says_how_to_rerun_it_and_why(monkeypatch):
    """A failure that passes on rerun must still be understood from the CI log alone."""
    import vr2018.cli.failures

    def broken_handler(exc: Exception) -> int:
        raise RuntimeError("the handler broke")

    monkeypatch.setattr(vr2018.cli.failures, "settle", broken_handler)
    with pytest.raises(AssertionError) as failed:
        check(["search", "--bogus"])
    text = str(failed.value)
    assert "argv=['search', '--bogus']" in text and "vr2018 search --bogus" in text
    assert "exit_code=1" in text and "stderr=''" in text
    assert "Traceback (most recent call last)" in text and "RuntimeError: the handler broke" in text
    assert fuzz.print_blob


@pytest.mark.parametrize(
    "argv",
    [
        ["cite", "--json", "--format", "--", "-h"],  # "--" is the value of --format: -h asks for help
        ["search", "--json", "-n", "--", "-h", "Rohingya"],
        ["search", "--theme", "--", "-h", "--json"],
        ["-V", "search", "--json"],  # the version, before any command is parsed
    ],
)
def test_an_option_value_that_looks_like_a_separator_is_not_one(argv):
    """Found by the fuzzer (rarely: once in some 25,000 generated argv vectors): the CLI
    rightly printed help, where the check took "--" for the end of the options and wanted JSON."""
    check(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "Rohingya", "--json"],
        ["search", "--json", "--", "-h"],
        ["search", "-n", "2", "--json", "--", "--help"],
    ],
)
def test_json_is_still_owed_where_the_parser_says_it_was_asked_for(argv, monkeypatch):
    import vr2018.cli.app
    import vr2018.cli.streams

    for module in (vr2018.cli.streams, vr2018.cli.app):  # hits (output.respond), and the empty array of nothing found
        monkeypatch.setattr(module, "emit_json", lambda value: print("not JSON") or 0)
    with pytest.raises(AssertionError, match="not JSON"):
        check(argv)


def test_the_tree_is_introspected():
    """The strategies come from the real command tree, not a list kept by hand."""
    assert {"read", "search", "theme", "motions", "refs", "show", "timeline", "people", "cite", "info"} <= set(COMMANDS)
    options = {opt for command in COMMANDS.values() for p in command.params for opt in getattr(p, "opts", ())}
    assert {
        "--json",
        "--limit",
        "-n",
        "--theme",
        "-t",
        "--full",
        "--format",
        "-f",
        "--context",
        "--kamerstuk",
    } <= options
