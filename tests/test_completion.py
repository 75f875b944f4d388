"""Shell completion: the candidate functions, and the same through Typer's completion protocol."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vr2018 import load_corpus, motions, themes
from vr2018.cli import completion as complete
from vr2018.people import find_people
from vr2018.text.fold import fold
from vr2018.text.names import completion

CORPUS = load_corpus()
IDS = [p.id for p in CORPUS.paragraphs]


def values(candidates):
    return [value for value, _ in candidates]


# ── candidates ──────────────────────────────────────────────────────────────


def test_every_paragraph_id_for_an_empty_word(corpus):
    candidates = complete.paragraph_candidates(corpus, "")
    assert values(candidates) == IDS
    assert all(help_ for _, help_ in candidates)


@given(st.sampled_from(IDS), st.integers(min_value=0, max_value=40))
def test_paragraph_candidates_extend_what_was_typed(pid, n):
    typed = pid[:n]
    got = values(complete.paragraph_candidates(CORPUS, typed))
    assert pid in got
    assert got == [i for i in IDS if i.startswith(typed)]


def test_paragraph_candidates_nothing_for_no_match(corpus):
    assert complete.paragraph_candidates(corpus, "zzz") == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ka", ["kaag"]),
        ("Ka", ["Kaag"]),
        ("romeo", ["romeo-marlin"]),
        ("Van", ["Van-den-hul"]),  # one shell word, in the case typed; resolves to Van den Hul
        ("r", ["rutte", "rhuggenaath", "romeo-marlin"]),
    ],
)
def test_people_candidates(corpus, typed, expected):
    assert values(complete.people_candidates(corpus, typed)) == expected


def test_people_candidates_resolve_to_their_person(corpus):
    for person in corpus.people:
        for value, help_ in complete.people_candidates(corpus, person.id[:2]):
            found, _ = find_people(corpus, value)
            assert len(found) == 1 and help_.startswith(found[0].name)


def test_every_person_is_offered_for_an_empty_word(corpus):
    assert values(complete.people_candidates(corpus, "")) == [p.id for p in corpus.people]


def test_wrappers_never_raise(monkeypatch):
    assert "iran-2231" in values(complete.paragraph_ids("ir"))

    def broken(*_args, **_kwargs):
        raise OSError("no data")

    monkeypatch.setattr("vr2018.corpus.load.load_corpus", broken)
    for wrapper in (complete.paragraph_ids, complete.people, complete.themes, complete.motion_queries):
        assert wrapper("a") == []


# ── through the CLI, as a shell would ask ───────────────────────────────────


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("vr2018 show ir", ["iran-2231"]),
        ("vr2018 cite con", ["conflict-en-honger", "contraterrorisme-trip"]),
        ("vr2018 people Ka", ["Kaag"]),
        ("vr2018 timeline --theme kli", ["klimaat"]),
        ("vr2018 timeline -t sanc", ["sancties"]),
        ("vr2018 cite -f b", ["bibtex"]),
        ("vr2018 cite -f c", ["csl-json", "csl"]),
        ("vr2018 cite -f r", ["ris"]),
        # the shell keeps only candidates starting with exactly what was typed: the typed
        # part is kept as typed, the rest is the name's own
        ("vr2018 timeline -t cura", ["curaçao"]),
        ("vr2018 timeline --theme Cura", ["Curaçao"]),
        ("vr2018 theme cura", ["curaçao"]),
        ("vr2018 search Rohingya --theme kli", ["klimaat"]),
        ("vr2018 search klimaat -t cura", ["curaçao"]),
        ("vr2018 search x --theme clim", ["climate"]),
        ("vr2018 people KA", ["KAAG"]),  # typed in capitals: the rest in capitals, not 'KAag'
        ("vr2018 show IR", ["IRAN-2231"]),
        ("vr2018 motions KU", ["KUZU"]),
        ("vr2018 motions --kamerstuk KST-22", ["KST-22045-290"]),
        ("vr2018 export ", ["markdown", "csv", "jsonl", "sqlite", "metadata"]),
        ("vr2018 export csv p", ["paragraphs", "points", "people"]),
        ("vr2018 export sqlite ", []),  # a FILE: the shell's to complete, never a format name
        ("vr2018 export markdown ", []),  # takes none
        ("vr2018 export metadata ", []),  # a DATABASE file: the shell's to complete
    ],
)
def test_bash_completion(runner, words, expected):
    parts = words.split(" ")
    env = {"_VR2018_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
    result = runner.invoke(__import__("vr2018.cli.main", fromlist=["app"]).app, [], env=env)
    assert result.exit_code == 0
    assert result.stdout.split() == expected


def test_zsh_completion_carries_the_help_text(runner):
    from vr2018.cli.main import app

    env = {"_VR2018_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "vr2018 people rhug"}
    result = runner.invoke(app, [], env=env)
    assert result.exit_code == 0
    assert "rhuggenaath" in result.stdout and "Minister-president van Cura" in result.stdout


def test_zsh_completion_keeps_the_typed_case(runner):
    from vr2018.cli.main import app

    env = {"_VR2018_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "vr2018 timeline -t cura"}
    result = runner.invoke(app, [], env=env)
    assert result.exit_code == 0
    assert '(("curaçao":"Het Koninkrijk' in result.stdout


@pytest.mark.parametrize(
    ("typed", "names", "expected"),
    [
        ("cura", ["Curaçao"], "curaçao"),
        ("Cura", ["Curaçao"], "Curaçao"),
        ("curac", ["Curaçao"], "curacao"),  # typed without the accent: kept so
        ("Ka", ["Kaag"], "Kaag"),
        ("ka", ["Kaag"], "kaag"),
        ("KA", ["Kaag"], "KAAG"),
        ("K", ["Kaag"], "Kaag"),  # one capital is how names start, not shouting
        ("strass", ["Straße"], "strasse"),  # 'ß' folds to two letters
        ("van", ["van den hul", "van-den-hul"], "van-den-hul"),  # one shell word only
        ("x", ["Kaag"], None),
        ("", ["Kaag"], "Kaag"),
    ],
)
def test_completion_helper(typed, names, expected):
    assert completion(typed, names) == expected


def _one_word_names():
    out = [t.id for t in CORPUS.themes]
    out += [a for t in CORPUS.themes for a in (t.title, *t.aliases) if " " not in a]
    out += [n for p in CORPUS.people for n in (p.id, p.name, *p.aliases) if " " not in n]
    out += [v for v, _ in motions.complete(CORPUS, "")]
    return sorted(set(out + IDS))


BUILDERS = [themes.complete, complete.people_candidates, complete.paragraph_candidates, motions.complete]


@given(
    st.sampled_from(_one_word_names()),
    st.integers(min_value=0, max_value=12),
    st.sampled_from([str, str.lower, str.upper, fold]),
)
def test_every_candidate_starts_with_exactly_what_was_typed(name, n, spelling):
    typed = spelling(name[:n])
    offered = [value for build in BUILDERS for value, _ in build(CORPUS, typed)]
    assert all(value.startswith(typed) for value in offered), (typed, offered)
    assert offered, f"nothing offered for {typed!r}, a start of {name!r}"


def test_install_completion_is_offered(invoke):
    assert "--install-completion" in invoke("--help").stdout


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("myanmar-rohingya:", ["myanmar-rohingya:1", "myanmar-rohingya:2", "myanmar-rohingya:3"]),
        ("inleiding:", [f"inleiding:{n}" for n in range(1, 9)]),
        ("inleiding:8", ["inleiding:8"]),
        ("MYANMAR-ROHINGYA:3", ["MYANMAR-ROHINGYA:3"]),  # the id as typed
        ("myanmar:", []),  # a start of an id: complete the id first
        ("nothing-here:", []),
    ],
)
def test_sentence_candidates_after_an_id_and_colon(corpus, typed, expected):
    from vr2018.cli.completion import paragraph_candidates
    from vr2018.letter.sentences import sentence_named

    found = paragraph_candidates(corpus, typed)
    assert [value for value, _ in found] == expected
    for value, help in found:  # each with the sentence's first words
        assert sentence_named(corpus, value.lower()).text.startswith(help.rstrip("…"))


def test_zsh_completes_the_sentences_of_an_id(runner):
    from vr2018.cli.main import app

    for command in ("show", "cite"):
        env = {"_VR2018_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": f"vr2018 {command} myanmar-rohingya:"}
        result = runner.invoke(app, [], env=env)
        assert result.exit_code == 0
        assert all(
            f'"myanmar-rohingya\\\\:{n}"' in result.stdout or f'"myanmar-rohingya:{n}"' in result.stdout
            for n in (1, 2, 3)
        ), result.stdout
