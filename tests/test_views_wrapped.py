"""Every interface word the views and the Markdown export write goes through gettext (issue 20).

Each command runs in process under a Dutch locale whose catalog is a fake: its ``gettext``
and ``ngettext`` return the message between ``⟪`` and ``⟫``. Whatever the view writes
through ``_()``/``ngettext()`` therefore comes out marked; a word written past them comes
out bare. Every command is run with ``--lang nl``, ``en`` and ``both``, piped (one line a
paragraph), and with ``both`` also on a terminal 40 columns wide (labels under their values,
tables as labelled lines) and 200 wide (English and Dutch side by side).

The rule, strict but blind to the letter's text, ids, names and the user's own words:

1. The marked parts are taken out; so are URLs, and in the Markdown export its syntax
   (backslash escapes, anchors, autolink brackets). A template's placeholders are not
   marked: what ``.format()`` puts in them ("motion {submitters}": the names) stays and is
   checked, so a label interpolated into a translated sentence is caught too.
2. What remains is cut into *runs*: words (letters and digits, joined by ``-``, ``'``, ``’``,
   ``.`` or ``/`` inside a word) that follow each other with exactly one space between.
   Anything else ends a run: punctuation, a marker taken out, a line's end, and two or more
   spaces, which is how a column or a label's padding ends in piped output.
3. A run of two or more words (a number counts) must occur, whole words, in the text of
   the data: every string of every record in ``data/`` (the letter's text and our English
   of it, titles, summaries, names, roles, ids, aliases), the letter's source, the
   wording made from the data in the text's language (dates, headings, the citation),
   and the queries the test types. "paragraph 3 of 23 in this copy" is in none of it.
   (Where a terminal crops a line and ends it with "…", the run before it may end in
   part of a word.)
4. A run of one word (with a letter in it) must be a word of that text, in the same case:
   "Position", "Motions", "score" or "inferred" alone are not. (An interface word that
   the data happens to use in the same case, such as "To", cannot be told apart from it:
   the rule's one blind spot.)
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import sys
from pathlib import Path

import pytest

from vr2018 import i18n, load_corpus
from vr2018.cli.main import app
from vr2018.corpus.lang import Lang, heading, month, names_of, section_title
from vr2018.corpus.load import data_dir
from vr2018.letter import citation_formats, citations
from vr2018.letter.paragraphs import address_lines, dated_and_signed, letter_date
from vr2018.letter.sentences import Sentence, named
from vr2018.text.fold import fold
from vr2018.timeline import date_label

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = load_corpus()
OPEN, CLOSE = "⟪", "⟫"
LANGS = ("nl", "en", "both")

# Every command, and the cases that make its views write their rarer words: a typo, a cut
# paragraph, a term the letter lacks, a link of ours, a phrase, a theme with no points, a
# sentence cut by a missing page, a month without its year, a name the letter does not write.
COMMANDS = [
    ["search", "Rohingya"],
    ["search", "rohinga", "wapenembargo", "xyzzyq"],
    ["search", "guterres"],
    ["search", "chemical", "weapons"],
    ["search", '"nucleaire deal"', "klimaat", "--full", "-n", "3"],
    ["search", "klimaat", "--theme", "water", "-n", "2"],
    ["theme"],
    ["theme", "myanmar"],
    ["theme", "myanmar", "--full"],
    ["theme", "vn-hervorming", "--full"],
    ["theme", "curacao", "--full"],
    ["motions"],
    ["motions", "--kamerstuk"],
    ["motions", "Kuzu"],
    ["refs"],
    ["read"],
    ["toc"],
    ["show", "myanmar-rohingya", "-C", "1"],
    ["show", "rutte-26-september"],
    ["show", "europese-samenwerking-legacy"],
    ["show", "isis-berechting"],
    ["show", "myanmar-rohingya:3"],
    ["show", "europese-samenwerking-legacy:1"],
    ["show", "inleiding:8"],
    ["timeline"],
    ["timeline", "--theme", "caribisch"],
    ["timeline", "september"],
    ["timeline", "--from", "2018-09", "--to", "2018-12", "--person", "rutte"],
    ["people"],
    ["people", "kaag"],
    ["people", "mark", "rutte"],
    ["people", "weaver"],
    ["people", "minister"],
    ["cite"],
    ["cite", "iran-2231"],
    ["cite", "myanmar-rohingya:2"],
    ["cite", "iran-2231", "-f", "markdown"],
    ["info"],
    ["export", "markdown"],
]
# Without --lang: the answer in the question's language, and a line that says so.
UNSET = [["search", "chemical", "weapons"], ["search", "Rohingya"]]
# The words the test types: the user's, not ours.
TYPED = {word.strip('"') for args in COMMANDS for word in args[1:] if not word.startswith("-")}
TYPED |= {" ".join(w for w in args[1:] if not w.startswith("-")) for args in COMMANDS}  # "mark rutte"

TOKEN = re.compile(r"[^\W_]+(?:[-'’./][^\W_]+)*")
URL = re.compile(r"(?:https?://|www\.)\S+")
MARKED = re.compile(OPEN + "[^" + OPEN + CLOSE + "]*" + CLOSE)
PLACEHOLDER = re.compile(r"(\{[^{}]*\})")


def marked(message: str) -> str:
    """``message`` with each of its own parts between markers, its placeholders bare: what
    ``.format()`` fills in (data, or a part translated apart) is checked as any other text."""
    return "".join(
        part if PLACEHOLDER.fullmatch(part) else OPEN + part + CLOSE for part in PLACEHOLDER.split(message) if part
    )


class Marked:
    """A catalog that marks what it is asked to translate."""

    def gettext(self, message: str) -> str:
        return marked(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return marked(singular if n == 1 else plural)


# ── the text of the data, where the letter's and our own words may be ──────────


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def _cited() -> list[str]:
    """The citations the test asks for, in every language and the two formats `cite` prints
    as text: the citation is the text language's (letter/citation_words.py), not ours."""
    out = []
    for args in COMMANDS:
        if args[0] != "cite":
            continue
        found = named(CORPUS, args[1]) if len(args) > 1 and not args[1].startswith("-") else None
        made = (
            citations.sentence_citation(CORPUS, found)
            if isinstance(found, Sentence)
            else citations.citation(CORPUS, found)
        )
        out += [citation_formats.format_citation(made, style, lang) for style in ("text", "markdown") for lang in Lang]
    return out


def _written(iso: str, lang: Lang) -> str:
    """A date of ours (a resolution's adoption) as a view writes it: "24 May 2018", "24 mei 2018"."""
    year, number, day = iso.split("-")
    return f"{int(day)} {month(int(number), lang)} {year}"


@functools.cache
def data_text() -> tuple[str, frozenset[str]]:
    """All the text of the data, whitespace made single spaces, one string a line; and its words."""
    found: list[str] = []
    for path in sorted(Path(data_dir()).glob("*.toml")):
        found += _strings(tomllib.loads(path.read_text(encoding="utf-8")))
    found.append((CORPUS.data_dir / CORPUS.letter.source).read_text(encoding="utf-8"))
    letter = CORPUS.letter
    for lang in Lang:  # wording made from the data in the text's language
        found += [date_label(e, lang) for e in CORPUS.events]
        found += [heading(s, lang) for s in CORPUS.sections]
        found += [section_title(CORPUS, p, lang) for p in CORPUS.paragraphs]
        found += [letter_date(letter, lang), *dated_and_signed(letter, lang)[1]]
        found += [*address_lines(names_of(letter, "addressee", lang)), *names_of(letter, "sender", lang)]
        found += [_written(r.adopted, lang) for r in CORPUS.references if r.adopted]
    found += _cited()
    found += sorted(TYPED | {fold(word) for word in TYPED})  # as "query read as" shows them
    text = "\n".join(" ".join(s.split()) for s in found)
    words = set(TOKEN.findall(text))
    words |= {part for word in words for part in re.split(r"[-/.]", word) if part}  # "Wever" of "Wever-Croes"
    return text, frozenset(words | {"vr2018"})


@functools.cache
def in_data(run: str, cropped: bool = False) -> bool:
    """True where ``run`` is in the data's text, whole words (its last one may be cut short
    where a terminal crops the line and ends it with "…")."""
    end = "" if cropped else r"(?![^\W_])"
    return re.search(r"(?<![^\W_])" + re.escape(run) + end, data_text()[0]) is not None


# ── the check ────────────────────────────────────────────────────────────────


def _unmarked(out: str) -> str:
    """``out`` with every marked part replaced by a separator (a marked part may span lines,
    where a terminal wraps it); a marker cut off by a line's end (a line cropped on a
    terminal) takes the rest of its line with it."""
    out = MARKED.sub("\0", out)
    out = re.sub(OPEN + "[^\n]*", "\0", out)
    return re.sub("[^\n]*" + CLOSE, "\0", out)


def _markdown_said(out: str) -> str:
    """The Markdown export as its reader reads it: no anchors or link targets, escapes or
    autolink brackets."""
    out = re.sub(r'<a id="[^"]*"></a>|(?<=\])\(#[^)\s]*\)', "\0", out)
    out = re.sub(r"<((?:https?://)[^\s<>]+)>", r"\1", out)
    return re.sub(r"\\([!-/:-@[-`{-~])", r"\1", out)


def runs(line: str) -> list[tuple[str, bool]]:
    """The runs of ``line``: words one space apart (see the module's docstring), each with
    whether a crop ("…" right after its last letter) may have cut its last word short."""
    found: list[tuple[list[str], int]] = []
    for match in TOKEN.finditer(line):
        if found and line[found[-1][1] : match.start()] == " ":
            found[-1][0].append(match.group())
            found[-1] = (found[-1][0], match.end())
        else:
            found.append(([match.group()], match.end()))
    return [(" ".join(words), line[end : end + 1] == "…") for words, end in found]


def unwrapped(out: str, markdown: bool = False) -> list[str]:
    """Every run of ``out`` that is English of ours written past ``_()``: the offending lines."""
    if markdown:
        out = _markdown_said(out)
    words = data_text()[1]
    bad = []
    for line in URL.sub("\0", _unmarked(out)).splitlines():
        for run, cropped in runs(line):
            if not re.search(r"[^\W\d_]", run):  # numbers only
                continue
            if " " in run or cropped:
                if not in_data(run, cropped):
                    bad.append(f"{run!r} in {line.strip()!r}")
            elif run not in words:
                bad.append(f"{run!r} in {line.strip()!r}")
    return bad


# ── running the commands under the marking catalog ──────────────────────────


@pytest.fixture()
def marking(monkeypatch):
    """A Dutch locale whose catalog marks every message; no pager, no colour."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "VR2018_LANG", "COLUMNS", "LINES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("VR2018_NO_PAGER", "1")
    monkeypatch.setattr(i18n, "_translations", lambda language: Marked())


def output(args: list[str], width: int | None = None) -> str:
    """What the command writes on stdout: piped, or on a terminal ``width`` columns wide."""
    from vr2018.cli import console as terminal

    file = io.StringIO()
    stdout = io.StringIO()
    settings = {"file": file, "force_terminal": width is not None, "color_system": None}
    if width is not None:
        settings.update(width=width, height=10_000)
    with (
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(io.StringIO()),
        terminal.printing_on(terminal.console(**settings)),
    ):
        code = app(list(args), prog_name="vr2018", standalone_mode=False)
    assert code in (0, 1), (args, code)
    return stdout.getvalue() + file.getvalue()


def _id(args: list[str]) -> str:
    return " ".join(args)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", COMMANDS, ids=_id)
def test_every_interface_word_is_translated(marking, args, lang):
    out = output([*args, "--lang", lang])
    assert out.strip(), args
    bad = unwrapped(out, markdown=args[0] == "export" or "markdown" in args)
    assert not bad, "English written past gettext:\n" + "\n".join(bad)


@pytest.mark.parametrize("width", [40, 200])
@pytest.mark.parametrize("args", [a for a in COMMANDS if a[0] not in ("cite", "export")], ids=_id)
def test_every_interface_word_is_translated_on_a_terminal(marking, args, width):
    bad = unwrapped(output([*args, "--lang", "both"], width))
    assert not bad, "English written past gettext:\n" + "\n".join(bad)


@pytest.mark.parametrize("args", UNSET, ids=_id)
def test_without_lang_too(marking, args):
    bad = unwrapped(output(args))
    assert not bad, "English written past gettext:\n" + "\n".join(bad)


def test_the_fake_catalog_is_the_one_used(marking):
    """The harness works: a view's label comes out marked, the letter's text does not."""
    out = output(["show", "myanmar-rohingya:3", "--lang", "nl"])
    assert OPEN in out
    assert named(CORPUS, "myanmar-rohingya:3").text in out


# ── the check itself ────────────────────────────────────────────────────────


def test_the_check_flags_a_label_written_past_gettext():
    paragraph = CORPUS.paragraph("myanmar-rohingya")
    assert unwrapped("Position       fragment 1 of 4 · paragraph 3 of 23 in this copy")
    assert unwrapped("Position       " + marked("fragment 1 of 4 · paragraph 3 of 23 in this copy"))
    assert unwrapped("\nMotions\n")  # a heading of one word
    assert unwrapped("1. ¶ iran-2231:1  " + marked("score 5.39") + "  score 5.39")
    assert unwrapped(paragraph.text_en + " (inferred)")
    assert unwrapped("- **Date:** 15 February 2019", markdown=True)
    assert unwrapped(marked("Points") + "\nnone: the pages after the heading are missing")
    # a label put into a translated template, itself untranslated
    assert unwrapped(marked("{subject}{marker}").format(subject=paragraph.text_en, marker=" (inferred)"))
    assert unwrapped(marked("{n} of {total} {what}").format(n=1, total=2, what="matching paragraphs"))


def test_the_check_passes_the_letter_ids_names_and_marked_words():
    paragraph = CORPUS.paragraph("myanmar-rohingya")
    assert not unwrapped(paragraph.text)
    assert not unwrapped(paragraph.text_en)
    assert not unwrapped(f"{marked('Section')}        {section_title(CORPUS, paragraph, Lang.both)}")
    assert not unwrapped(f"¶ {paragraph.id}  " + marked("score {score}").format(score="5.39"))
    title = marked("Timeline: {n} dated events").format(n=3)
    assert not unwrapped(marked("{title}, {narrowed}").format(title=title, narrowed=marked("from 2018")))
    assert not unwrapped(marked("motion {submitters}").format(submitters="Kuzu/Van den Hul"))
    assert not unwrapped("https://zoek.officielebekendmakingen.nl/kst-22045-290.html")
    person = CORPUS.person("kaag")
    assert not unwrapped(f"{person.name}        {person.role}  ¶ 3  {person.id}")
    assert not unwrapped(marked("query read as: {terms}").format(terms="rohinga; xyzzyq"))
