"""`vr2018 search` through the real CLI: output, JSON, exit codes."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from vr2018.cli.main import app


def test_finds_and_highlights_a_misspelt_name(invoke):
    result = invoke("search", "rohinga")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("1. ¶ myanmar-rohingya")
    assert "Veiligheid voor burgers, wereldwijd" in out
    assert "Rohingya" in out and "match: rohinga → Rohingya (typo)" in out  # how it matched, not just what
    assert result.stderr == ""


def test_several_words_without_quotes(invoke):
    result = invoke("search", "noord", "korea", "sancties")
    assert result.exit_code == 0
    assert result.stdout.startswith("1. ¶ sanctiecomite-noord-korea")
    assert "Noord-Korea" in result.stdout


def test_a_cut_paragraph_shows_the_gap_marker(invoke):
    out = invoke("search", "wapenembargo").stdout
    assert "wapenembargo […]" in out
    assert "missing page" in out
    out = invoke("search", "geleerde lessen", "--full").stdout
    assert "[…] geleerde lessen over Europese samenwerking" in out


def test_full_prints_whole_paragraphs(invoke, corpus):
    """Without --full a hit shows its best sentence whole, numbered (ID:N); with --full the paragraph."""
    from vr2018.letter.sentences import texts

    text = corpus.paragraph("conflict-en-honger").text
    snippet = invoke("search", "hongersnood", "-n", "1").stdout
    full = invoke("search", "hongersnood", "-n", "1", "--full").stdout
    assert text not in snippet and "…" not in snippet
    assert snippet.startswith("1. ¶ conflict-en-honger:3 ") and texts(text)[2] in snippet
    assert text in full and full.startswith("1. ¶ conflict-en-honger ")


def test_limit(invoke):
    out = invoke("search", "Veiligheidsraad", "-n", "2").stdout
    assert "1. ¶" in out and "2. ¶" in out and "3. ¶" not in out


def test_json_schema_best_first(invoke, corpus):
    result = invoke("search", "human trafficking", "--json", "--limit", "3")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert 1 <= len(hits) <= 3
    assert hits[0]["paragraph"]["id"] == "sancties-mensenhandelaren-libie"
    for rank, hit in enumerate(hits, 1):
        # the hit's own fields, then the paragraph object as read --json gives it (one shape, nested as in show)
        assert {"rank", "score", "matches", "terms", "spans", "snippet", "paragraph"} <= set(hit)
        assert {"id", "section", "text", "cut"} <= set(hit["paragraph"])
        assert hit["rank"] == rank
        text = hit["paragraph"]["text"]
        assert text == corpus.paragraph(hit["paragraph"]["id"]).text
        assert all(text[s:e] in hit["matches"] for s, e in hit["spans"])
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert "mensenhandel" in [m.lower() for m in hits[0]["matches"]]


def test_quoted_phrase_is_required(invoke):
    hits = json.loads(invoke("search", '"nucleaire deal met Iran"', "--json").stdout)
    assert {h["paragraph"]["id"] for h in hits} == {"rutte-26-september", "iran-2231"}
    result = invoke("search", '"deal nucleaire"')
    assert result.exit_code == 1


def test_theme_filter_accepts_titles_and_aliases(invoke, corpus):
    for name in ("klimaat", "Climate", "klimaat en water"):
        hits = json.loads(invoke("search", "Veiligheidsraad", "--theme", name, "--json").stdout)
        assert hits and all("klimaat" in h["paragraph"]["themes"] for h in hits)


def test_section_filter(invoke):
    hits = json.loads(invoke("search", "conflict", "--section", "Voorkomen en genezen", "--json").stdout)
    assert hits and all("Voorkomen en genezen" in h["paragraph"]["section_path"] for h in hits)


def test_nothing_found_exit_1_with_did_you_mean(invoke):
    result = invoke("search", "Trmp")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("vr2018: nothing found for 'Trmp'")
    assert "; did you mean: Trump" in result.stderr
    assert result.stderr.lower().count("trump") == 1  # one suggestion per word, however written


def test_nothing_found_suggests_nothing_far_fetched(invoke):
    for query in ("Brexit", "Yemen", "Jemen"):
        result = invoke("search", query)
        assert result.exit_code == 1
        assert result.stderr == f"vr2018: nothing found for '{query}'\n"


def test_nothing_found_without_suggestion(invoke):
    result = invoke("search", "qqqqzzzz")
    assert result.exit_code == 1
    assert "did you mean" not in result.stderr


def test_nothing_found_json_is_an_empty_array(invoke):
    result = invoke("search", "qqqqzzzz", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_nothing_found_in_a_theme_says_so(invoke):
    result = invoke("search", "Rohingya", "--theme", "klimaat")
    assert result.exit_code == 1
    assert "in theme 'Klimaat en water'" in result.stderr


def test_nothing_found_in_a_theme_points_to_the_match_outside_it(invoke):
    result = invoke("search", "Rohingya", "--theme", "klimaat")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "vr2018: nothing found for 'Rohingya' in theme 'Klimaat en water'; "
        "1 paragraph outside it matches: vr2018 search Rohingya\n"
    )
    assert "did you mean" not in result.stderr  # never the word just typed


def test_the_command_offered_outside_a_filter_runs_as_shown(invoke):
    import shlex

    result = invoke("search", '"nucleaire deal"', "--theme", "klimaat")
    assert result.exit_code == 1
    head, _, command = result.stderr.rstrip("\n").partition(" outside it match: ")
    assert head.endswith("2 paragraphs")
    assert command == "vr2018 search '\"nucleaire deal\"'"
    hits = json.loads(invoke(*shlex.split(command)[1:], "--json").stdout)
    assert {h["paragraph"]["id"] for h in hits} == {"rutte-26-september", "iran-2231"}
    result = invoke("search", "--theme", "klimaat", "--", "-Rohingya")
    assert result.stderr.endswith(": vr2018 search -- -Rohingya\n")
    result = invoke("search", *["Rohingya"] * 20, "--theme", "klimaat")  # too long to quote on one line
    assert result.stderr.endswith("1 paragraph outside it matches: search again without --theme\n")


def test_nothing_found_in_two_filters_says_outside_them(invoke):
    result = invoke("search", "Rohingya", "--theme", "klimaat", "--section", "voorkomen-en-genezen")
    assert result.exit_code == 1
    assert result.stderr.endswith("; 1 paragraph outside them matches: vr2018 search Rohingya\n")


def test_nothing_found_in_a_section_without_text_says_so(invoke):
    result = invoke("search", "conflict", "--section", "VN-hervormingen")
    assert result.exit_code == 1
    assert result.stderr == (
        "vr2018: nothing found for 'conflict': no paragraph of this copy of the letter is known to stand in "
        "section 'VN-hervormingen: transparantie en effectiviteit' (the pages after its heading are missing); "
        "5 paragraphs outside it match: vr2018 search conflict\n"
    )
    result = invoke("search", "qqqzzz", "--section", "vn-hervormingen", "--json")
    assert result.exit_code == 1 and json.loads(result.stdout) == []
    assert result.stderr.endswith("(the pages after its heading are missing)\n")


def test_nothing_found_where_a_theme_and_a_section_do_not_meet(invoke):
    result = invoke("search", "conflict", "--theme", "myanmar", "--section", "tot-slot")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "vr2018: nothing found for 'conflict': no paragraph on theme 'Myanmar en de Rohingya' is in section 'Tot slot'"
    )


def test_empty_blank_or_wordless_query_exit_2(invoke):
    for query in ("", "   ", "!!!"):
        result = invoke("search", query)
        assert result.exit_code == 2, query
        assert result.stdout == "" and result.stderr.count("\n") == 1
    assert invoke("search").exit_code == 2  # no query at all


def test_bad_limit_exit_2_one_line(invoke):
    for value in ("0", "-3"):
        result = invoke("search", "Iran", "--limit", value)
        assert result.exit_code == 2
        assert result.stderr == f"vr2018: --limit must be 1 or more (got {value})\n"
    assert invoke("search", "Iran", "-n", "many").exit_code == 2


def test_unknown_theme_exit_2_with_did_you_mean(invoke):
    result = invoke("search", "Iran", "--theme", "klimat")
    assert result.exit_code == 2
    assert result.stderr == "vr2018: unknown theme 'klimat'; did you mean: klimaat?\n"


def test_unknown_section_exit_2(invoke):
    result = invoke("search", "Iran", "--section", "nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith("vr2018: unknown section 'nowhere'")


def test_help_ends_with_examples(invoke):
    out = invoke("search", "--help").stdout
    assert "Examples:\n    vr2018 search Rohingya" in out
    for option in ("--limit", "-n", "--theme", "-t", "--section", "--full", "--json"):
        assert option in out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(min_size=1, max_size=30), limit=st.integers(min_value=1, max_value=25))
def test_any_query_json_parses_and_respects_limit(monkeypatch, query, limit):
    monkeypatch.setenv("NO_COLOR", "1")
    result = CliRunner().invoke(app, ["search", "--json", "--limit", str(limit), "--", query])
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        assert result.stdout == "" and result.stderr.startswith("vr2018: ")
        return
    hits = json.loads(result.stdout)
    assert isinstance(hits, list) and len(hits) <= limit
    assert (result.exit_code == 0) == bool(hits)
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


# ── why a hit matched, what it lacks (issue 12) and English (issue 11) ─────────


def test_says_what_is_not_in_the_letter_and_what_each_hit_lacks(invoke):
    out = invoke("search", "srebrenica", "justice").stdout
    assert "match: justice (English)" in out
    assert out.count("missing: srebrenica") == out.count("match: ")
    assert out.rstrip().endswith("not in the letter: srebrenica")


def test_an_outside_bridge_is_shown_as_not_in_the_letter(invoke):
    out = invoke("search", "guterres").stdout
    assert "guterres → Secretaris-Generaal (link not in the letter)" in out


def test_json_says_why_what_is_missing_and_which_sentence(invoke, corpus):
    from vr2018.letter.sentences import texts

    hits = json.loads(invoke("search", "srebrenica", "justice", "--json").stdout)
    assert hits and all(h["missing"] == ["srebrenica"] for h in hits)
    assert hits[0]["why"] == [{"term": "justice", "word": "justice", "how": "english"}]
    text_en = corpus.paragraph(hits[0]["paragraph"]["id"]).text_en
    assert all(text_en[s:e] in hits[0]["matches_en"] for s, e in hits[0]["spans_en"])
    assert "justice" in texts(text_en)[hits[0]["sentence"] - 1]
    assert "justice" in hits[0]["snippet_en"] and "justice" not in hits[0]["snippet"]


def test_exact_does_not_match_through_the_english(invoke):
    result = invoke("search", "--exact", "security")
    assert result.exit_code == 1 and result.stdout == ""


def test_english_view_shows_the_english_sentence_marked_unofficial(corpus):
    from rich.console import Console

    from vr2018.corpus.lang import EN
    from vr2018.search import search
    from vr2018.views.bilingual import unofficial_notice
    from vr2018.views.search import search_view

    console = Console(width=200, record=True, color_system=None)
    console.print(search_view(corpus, search(corpus, "refugees", limit=1), lang=EN))
    out = console.export_text()
    assert out.startswith(unofficial_notice()) and out.count(unofficial_notice()) == 1
    assert "¶ myanmar-rohingya:2" in out
    assert "the safe, voluntary and sustainable return of refugees possible." in out
    assert "vluchtelingen" not in out


def test_both_languages_show_the_dutch_sentence_under_the_english(corpus):
    from rich.console import Console

    from vr2018.corpus.lang import BOTH
    from vr2018.search import search
    from vr2018.views.search import search_view

    console = Console(width=400, record=True, color_system=None)
    console.print(search_view(corpus, search(corpus, "refugees", limit=1), lang=BOTH))
    out = console.export_text()
    english = out.index("the safe, voluntary and sustainable return of refugees possible.")
    assert english < out.index("duurzame terugkeer van vluchtelingen mogelijk te maken.")


def test_no_option_is_suggested_that_has_nothing_in_common_with_what_was_typed(invoke):
    far = invoke("search", "--count", "x")
    assert far.exit_code == 2 and "Possible options" not in far.stderr and "--json" not in far.stderr
    near = invoke("search", "--limt", "3", "x")
    assert near.exit_code == 2 and "(Possible options: --limit)" in near.stderr
