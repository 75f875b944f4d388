"""Every example in README.md and docs/*.md runs as written.

The pages are found by glob, so a new docs/*.md page is covered as soon as it
exists. In each page:

- each `vr2018 …` command of a ```sh block runs through the real CLI (the part
  before a pipe, each part of `a && b`; a trailing `# comment` is not an
  argument): it must exit with 0, print something, and print valid JSON with
  --json;
- each ```console block is a transcript: `$ vr2018 …`, then exactly the lines
  it prints (stdout, then stderr);
- a command ending in `# exit N` must exit with N instead of 0 (that is how a
  page shows an example that finds nothing, or is refused);
- the `example` column of a table runs like a ```sh line;
- each ```python block runs, each ```json block parses;
- every relative link and image points at a file (and heading) that exists.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]

EXIT_MARK = re.compile(r"#\s*exit\s+(\d+)\s*$")


@dataclass
class Example:
    where: str
    args: list[str]
    exit: int = 0
    output: list[str] | None = None  # the lines a console transcript shows
    extra: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.where} vr2018 {shlex.join(self.args)}".strip()


def fences(text: str) -> list[tuple[str, int, list[str]]]:
    """Fenced code blocks: (info string, line number of the fence, body lines)."""
    found, info, start, body = [], None, 0, []
    for number, line in enumerate(text.splitlines(), 1):
        if info is None and line.startswith("```"):
            info, start, body = line[3:].strip(), number, []
        elif info is not None and line.strip() == "```":
            found.append((info, start, body))
            info = None
        elif info is not None:
            body.append(line)
    assert info is None, f"unclosed ``` block at line {start}"
    return found


def prose(text: str) -> str:
    """The page with its fenced code blocks blanked out (lines keep their numbers)."""
    blank = lambda m: "\n" * m.group(0).count("\n")  # noqa: E731
    return re.sub(r"^```.*?^```[ \t]*$", blank, text, flags=re.DOTALL | re.MULTILINE)


def commands(line: str, where: str) -> list[Example]:
    """The vr2018 commands of one shell line: each part of `a && b`, before any pipe."""
    mark = EXIT_MARK.search(line)
    status = int(mark.group(1)) if mark else 0
    found = []
    for part in line.split("&&"):
        words = shlex.split(part.split("|")[0], comments=True)
        if words and words[0] == "vr2018":
            found.append(Example(where, words[1:], status))
    return found


def console(body: list[str], where: str) -> list[Example]:
    found: list[Example] = []
    for line in body:
        if line.startswith("$ "):
            (example,) = commands(line[2:], where)  # a transcript shows vr2018 commands only
            example.output = []
            found.append(example)
        else:
            assert found, f"{where}: a console block starts with a `$ ` command"
            found[-1].output.append(line)
    return found


def table_examples(text: str, where: str) -> list[Example]:
    """The `vr2018 …` code spans in the `example` column of every table."""
    found, column = [], None
    for number, line in enumerate(prose(text).splitlines(), 1):
        if not line.startswith("|"):
            column = None
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if column is None:
            column = cells.index("example") if "example" in cells else -1
        elif column >= 0 and not set(line) <= set("|-: "):
            for span in re.findall(r"`(vr2018(?: [^`]*)?)`", cells[column]):
                found += commands(span.replace("\\|", "|"), f"{where}:{number}")
    return found


def examples(path: Path) -> list[Example]:
    text = path.read_text(encoding="utf-8")
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    found = table_examples(text, name)
    for info, start, body in fences(text):
        where = f"{name}:{start}"
        if info == "sh":
            for line in body:
                found += commands(line, where)
        elif info == "console":
            found += console(body, where)
    return found


def blocks(kind: str) -> list:
    return [
        pytest.param(f"{p.relative_to(ROOT).as_posix()}:{start}", "\n".join(body), id=f"{p.name}:{start}")
        for p in PAGES
        for info, start, body in fences(p.read_text(encoding="utf-8"))
        if info == kind
    ]


EXAMPLES = [e for page in PAGES for e in examples(page)]


def slug(heading: str) -> str:
    """A heading's anchor, as GitHub makes it."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = prose(path.read_text(encoding="utf-8"))
    return {slug(h) for h in re.findall(r"^#+ (.*)$", text, re.MULTILINE)}


def links() -> list[tuple[str, str]]:
    """(page, target) of every relative link and image."""
    return [
        (p.relative_to(ROOT).as_posix(), target)
        for p in PAGES
        for target in re.findall(r"\]\(([^)\s]+)\)", prose(p.read_text(encoding="utf-8")))
        if not re.match(r"[a-z]+:", target)
    ]


# ── The pages themselves ────────────────────────────────────────────────────


def test_the_pages_are_found():
    names = {p.relative_to(ROOT).as_posix() for p in PAGES}
    assert {"README.md", "docs/commands.md", "docs/search.md", "docs/data.md"} <= names


def test_readme_opens_with_exactly_two_setup_commands():
    text = README.read_text(encoding="utf-8")
    before_first_section = text.split("\n## ")[0]
    info, _, block = fences(before_first_section)[0]
    assert info == "sh"
    assert block == ["pip install . && vr2018 search Rohingya", 'pip install ".[test]" && python -m pytest']


def test_ci_runs_the_readme_test_command_exactly():
    info, _, block = fences(README.read_text(encoding="utf-8"))[0]
    test_command = block[1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_readme_stays_short():
    assert len(README.read_text(encoding="utf-8").encode()) < 12_000


def test_readme_shows_one_screenshot():
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README.read_text(encoding="utf-8"))
    assert len(images) == 1 and images[0].startswith("docs/") and images[0].endswith(".svg")


def test_readme_lists_the_exit_statuses():
    text = README.read_text(encoding="utf-8")
    for code in ("0", "1", "2", "130"):
        assert f"| `{code}` |" in text


@pytest.mark.parametrize("page", [README, ROOT / "docs" / "commands.md"], ids=lambda p: p.name)
def test_every_command_has_an_example(page):
    from typer.main import get_command

    from vr2018.cli.main import app

    commands = set(get_command(app).commands)
    assert commands <= {e.args[0] for e in examples(page) if e.args}


def test_the_docs_mark_examples_that_find_nothing():
    assert {1, 2} <= {e.exit for e in EXAMPLES}


@pytest.mark.parametrize(("page", "target"), [pytest.param(*link, id=" -> ".join(link)) for link in links()])
def test_link_resolves(page, target):
    path, _, anchor = target.partition("#")
    file = (ROOT / page).parent / path if path else ROOT / page
    assert file.exists(), f"{page} links to {target}, which does not exist"
    if anchor and file.suffix == ".md":
        assert anchor in anchors(file), f"{page} links to {target}: no such heading"


def test_every_screenshot_is_shown_somewhere():
    shown = {Path(target).name for _, target in links() if target.endswith(".svg")}
    assert {p.name for p in (ROOT / "docs").glob("*.svg")} <= shown


# ── The parser (so that a broken one cannot pass every page silently) ───────


def test_parser_reads_exit_marks_transcripts_pipes_and_tables(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "| command | example |\n|---|---|\n| `x` | `vr2018 info` |\n\n"
        "```sh\nvr2018 search a b   # words\npip install . && vr2018 read | head -1\n```\n\n"
        "```console\n$ vr2018 search Trmp  # exit 1\nvr2018: nothing\n```\n",
        encoding="utf-8",
    )
    assert [(e.args, e.exit, e.output) for e in examples(page)] == [
        (["info"], 0, None),
        (["search", "a", "b"], 0, None),
        (["read"], 0, None),
        (["search", "Trmp"], 1, ["vr2018: nothing"]),
    ]


def test_parser_rejects_a_transcript_of_another_program(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```console\n$ ls\nfile\n```\n", encoding="utf-8")
    with pytest.raises(ValueError):
        examples(page)


# ── Running them ────────────────────────────────────────────────────────────


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.id)
def test_example_runs_as_documented(invoke, example):
    result = invoke(*example.args)
    assert result.exit_code == example.exit, result.stderr or result.stdout
    if example.output is not None:
        assert result.stdout.splitlines() + result.stderr.splitlines() == example.output
        return
    if example.exit == 0:
        assert result.stdout
        assert not result.stderr
        if "--json" in example.args:
            json.loads(result.stdout)
    else:
        assert len(result.stderr.splitlines()) == 1  # one line on stderr, never a traceback


@pytest.mark.parametrize(("where", "code"), blocks("python"))
def test_python_example_runs(where, code):
    exec(compile(code, where, "exec"), {"__name__": "docs_example"})


@pytest.mark.parametrize(("where", "code"), blocks("json"))
def test_json_example_parses(where, code):
    json.loads(code)
