"""Themes: the data's promises (pointers, citations, coverage) and the lookup engine."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vr2018 import themes
from vr2018.cli import messages
from vr2018.cli.status import of_problem
from vr2018.letter.sentences import texts as sentence_texts
from vr2018.problems import Empty, Unknown
from vr2018.text.fold import fold, name_key, words
from vr2018.text.stopwords import STOPWORDS

PRIORITIES = {"rechtvaardigheid", "conflictpreventie", "klimaat", "vredesoperaties"}
THREADS = {
    "caribisch",
    "sancties",
    "vrouwen",
    "migratie",
    "terrorisme",
    "sdg",
    "vn-hervorming",
    "afrikaanse-unie",
    "europa",
    "raad",
}


# ── the data ────────────────────────────────────────────────────────────────


def test_at_least_ten_themes_cover_priorities_and_threads(corpus):
    ids = {t.id for t in corpus.themes}
    assert len(ids) >= 10
    assert PRIORITIES | THREADS <= ids


def test_every_section_belongs_to_a_theme(corpus):
    """Every section's paragraphs are in some theme; a heading-only section is named by one."""
    named = {s for t in corpus.themes for s in t.sections}
    for section in corpus.sections:
        paragraphs = [p for p in corpus.paragraphs if p.section == section.id]
        if paragraphs:
            assert any(p.themes for p in paragraphs), section.id
        else:
            assert section.id in named, f"section {section.id} has no text and no theme names it"


def test_every_paragraph_has_a_theme(corpus):
    assert [p.id for p in corpus.paragraphs if not p.themes] == []


HEADING_ONLY = {"vn-hervorming"}  # only its chapter's heading survives; no paragraph we have is about it


def heading_only(corpus, theme) -> bool:
    """A theme of which the letter we have keeps only a heading: every section it names has no text."""
    texts = {p.section for p in corpus.paragraphs}
    return bool(theme.sections) and not theme.points and not any(s in texts for s in theme.sections)


def test_only_the_heading_survives_of_un_reform(corpus):
    """Issue 12: no paragraph we have links itself to reform, so none is tagged with it and the
    theme makes no point; it keeps its heading's section and says the text is missing."""
    assert {t.id for t in corpus.themes if heading_only(corpus, t)} == HEADING_ONLY
    theme = corpus.theme("vn-hervorming")
    assert corpus.theme_paragraphs(theme.id) == () and theme.points == ()
    assert theme.sections == ("vn-hervormingen",)
    # that the text after the missing pages is not the chapter's is a guess, said as one
    assert "niet te zien" in theme.summary and "cannot be seen" in theme.summary_en
    assert "alleen de kop" not in theme.summary and "only the heading" not in theme.summary_en


def test_every_theme_has_paragraphs_and_three_to_eight_points(corpus):
    for theme in corpus.themes:
        if theme.id in HEADING_ONLY:
            continue  # test_only_the_heading_survives_of_un_reform
        assert corpus.theme_paragraphs(theme.id), theme.id
        assert 3 <= len(theme.points) <= 8, theme.id
        assert all(point.sources for point in theme.points), theme.id


def test_every_summary_has_three_to_six_sentences(corpus):
    for theme in corpus.themes:
        least = 2 if theme.id in HEADING_ONLY else 3  # a heading and that its text is missing: nothing more to say
        assert least <= len(sentence_texts(theme.summary)) <= 6, theme.id


def test_every_point_cites_paragraphs_of_its_own_theme(corpus):
    """A point rests on the theme's paragraphs, so `theme NAME` shows what it cites."""
    for theme in corpus.themes:
        own = {p.id for p in corpus.theme_paragraphs(theme.id)}
        for point in theme.points:
            for source in point.sources:
                corpus.paragraph(source)  # resolves
                assert source in own, f"{theme.id}: point cites {source}, which is not tagged with the theme"


def defining_words(theme) -> frozenset[str]:
    """The folded words of a theme's id, title and aliases, without stop words:
    what a paragraph must say to be about the theme."""
    return frozenset(w for name in (theme.id, theme.title, *theme.aliases) for w in words(name)) - STOPWORDS


def test_every_cited_paragraph_says_the_themes_defining_words(corpus):
    """Each paragraph a point cites contains at least one word of the theme's id, title or aliases."""
    for theme in corpus.themes:
        defining = defining_words(theme)
        for point in theme.points:
            for source in point.sources:
                said = set(words(corpus.paragraph(source).text))
                assert defining & said, f"{theme.id}: ¶ {source} has none of {sorted(defining)}"


def test_defining_words_check_can_fail(corpus):
    """The check above is not vacuous: a theme's words are absent from unrelated paragraphs."""
    afrika = defining_words(corpus.theme("afrikaanse-unie"))
    assert not afrika & set(words(corpus.paragraph("contraterrorisme-trip").text))


def test_summary_says_so_where_a_missing_page_cuts_the_themes_text(corpus):
    for theme in corpus.themes:
        detail = themes.detail(corpus, theme)
        if detail.gaps:
            assert "ontbrek" in fold(theme.summary), f"{theme.id}: its text is cut but the summary does not say so"


def test_no_name_belongs_to_two_themes(corpus):
    owners: dict[str, set[str]] = {}
    for theme in corpus.themes:
        for name in (theme.id, theme.title, *theme.names):
            owners.setdefault(name_key(name), set()).add(theme.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_aliases_are_dutch_and_english(corpus):
    klimaat = {fold(a) for a in corpus.theme("klimaat").aliases}
    assert {"climate", "water", "klimaatverandering"} <= klimaat


# ── names from outside the letter ───────────────────────────────────────────

OUTSIDE_NAMES = {"sancties": ("JCPOA",), "sdg": ("Agenda 2030",), "vrouwen": ("WPS", "gender")}


def test_outside_names_are_marked_and_kept_apart(corpus):
    assert {t.id: t.aliases_outside for t in corpus.themes if t.aliases_outside} == OUTSIDE_NAMES
    for theme in corpus.themes:
        assert not set(theme.aliases) & set(theme.aliases_outside), theme.id
        assert theme.names == (*theme.aliases, *theme.aliases_outside)


def test_an_outside_name_is_not_written_in_the_letter(corpus, source_text):
    """What is marked outside is so: the letter never writes it."""
    letter = " ".join(words(source_text))
    for theme in corpus.themes:
        for name in theme.aliases_outside:
            assert f" {' '.join(words(name))} " not in f" {letter} ", (theme.id, name)


def test_every_outside_name_has_its_source_above_it(corpus):
    """A comment with a web address right above each `aliases_outside` line of themes.toml."""
    lines = (corpus.data_dir / "themes.toml").read_text(encoding="utf-8").splitlines()
    found = [n for n, line in enumerate(lines) if line.startswith("aliases_outside =")]
    assert len(found) == len(OUTSIDE_NAMES)
    for n in found:
        comment = []
        while n > 0 and lines[n - 1].startswith("#"):
            comment.insert(0, lines[n - 1])
            n -= 1
        assert "https://" in " ".join(comment), lines[n]


def test_views_show_an_outside_name_as_not_in_the_letter(invoke):
    import json

    out = invoke("theme", "JCPOA").stdout
    assert "\nalso, not in the letter: JCPOA\n" in out
    also = next(line for line in out.splitlines() if line.startswith("also: "))
    assert "JCPOA" not in also
    data = json.loads(invoke("theme", "jcpoa", "--json").stdout)
    assert data["id"] == "sancties" and data["aliases_outside"] == ["JCPOA"] and "JCPOA" not in data["aliases"]
    listed = {t["id"]: t["aliases_outside"] for t in json.loads(invoke("theme", "--json").stdout)}
    assert listed["sdg"] == ["Agenda 2030"] and listed["klimaat"] == []


def test_the_loader_rejects_a_name_both_outside_and_not(data_copy):
    from vr2018.corpus.load import DataError
    from vr2018.corpus.loader import load

    themes_file = data_copy / "themes.toml"
    text = themes_file.read_text(encoding="utf-8")
    themes_file.write_text(text.replace('aliases_outside = ["JCPOA"]', 'aliases_outside = ["Iran"]'), encoding="utf-8")
    with pytest.raises(DataError, match=r"theme 'sancties': field 'aliases_outside': 'Iran' is also in 'aliases'"):
        load(data_copy)


# ── lookup ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("klimaat", "klimaat"),
        ("climate", "klimaat"),
        ("KLIMAAT", "klimaat"),
        ("Klimaat en water", "klimaat"),
        ("klim", "klimaat"),
        ("Curaçao", "caribisch"),
        ("curacao", "caribisch"),
        ("Noord Korea", "sancties"),
        ("north-korea", "sancties"),
        ("2231", "sancties"),
        ("honger", "conflictpreventie"),
        ("hongersnood", "burgers"),
        ("sdg", "sdg"),
        ("UN reform", "vn-hervorming"),
        ("veto", "raad"),
        ("african union", "afrikaanse-unie"),
        ("  rechtvaard  ", "rechtvaardigheid"),
    ],
)
def test_find_by_id_title_alias_or_prefix(corpus, query, expected):
    assert themes.find(corpus, query).id == expected


def test_every_name_finds_its_theme(corpus):
    for theme in corpus.themes:
        for name in (theme.id, theme.title, *theme.names):  # an outside name finds its theme too
            assert themes.find(corpus, name).id == theme.id


def test_typo_suggests_the_theme(corpus):
    with pytest.raises(Unknown) as caught:
        themes.find(corpus, "klimat")
    assert (caught.value.kind, caught.value.asked, caught.value.candidates) == ("theme", "klimat", ("klimaat",))
    assert messages.line(caught.value) == "unknown theme 'klimat'; did you mean: klimaat?"


def test_ambiguous_prefix_names_each_theme_once(corpus):
    with pytest.raises(Unknown) as caught:
        themes.find(corpus, "kl")
    error = caught.value
    assert error.ambiguous
    assert "klimaat" in error.candidates
    assert len(error.candidates) == len({themes.find(corpus, s).id for s in error.candidates})
    assert messages.line(error).startswith("ambiguous theme 'kl'; did you mean: ")


def test_nonsense_points_to_the_list(corpus):
    with pytest.raises(Unknown) as caught:
        themes.find(corpus, "qqqqqq")
    assert caught.value.candidates == ()
    assert messages.line(caught.value) == "unknown theme 'qqqqqq' (see 'vr2018 theme')"


@given(st.text(max_size=30))
def test_find_returns_a_theme_or_raises_unknown_theme(query):
    from vr2018 import load_corpus

    corpus = load_corpus()
    try:
        found = themes.find(corpus, query)
    except (Unknown, Empty) as exc:
        assert exc.kind == "theme"
        assert "\n" not in messages.line(exc)
    else:
        assert found in corpus.themes


# ── what belongs to a theme ────────────────────────────────────────────────


def test_detail_derives_paragraphs_motions_people_events(corpus):
    detail = themes.detail(corpus, corpus.theme("myanmar"))
    assert [p.id for p in detail.paragraphs] == ["myanmar-rohingya", "rule-of-law-icc"]
    assert {m.id for m in detail.motions} == {"kuzu-van-den-hul-rohingya", "kuzu-wapenembargo"}
    assert {p.id for p in detail.people} == {"kuzu", "van-den-hul"}
    assert [e.date for e in detail.events] == ["2018-04"]
    assert [(g.paragraph, g.cut) for g in detail.gaps] == [("myanmar-rohingya", "end")]


def test_detail_names_a_section_with_only_its_heading(corpus):
    detail = themes.detail(corpus, corpus.theme("vn-hervorming"))
    assert [g.section for g in detail.gaps if g.section] == ["vn-hervormingen"]


def test_detail_events_are_chronological(corpus):
    for theme in corpus.themes:
        dates = [e.sort_key for e in themes.detail(corpus, theme).events]
        assert dates == sorted(dates)


def test_first_sentence(corpus):
    line = themes.first_sentence(corpus.theme("terrorisme").summary)
    assert line == "Op het gebied van contraterrorisme boekte het Koninkrijk concrete resultaten."


# ── completion ──────────────────────────────────────────────────────────────


def test_complete_lists_theme_ids_with_titles(corpus):
    assert themes.complete(corpus, "") == [(t.id, t.title) for t in corpus.themes]
    assert themes.complete(corpus, "kl") == [("klimaat", "Klimaat en water")]
    assert themes.complete(corpus, "s") == [
        ("sancties", "Sancties en non-proliferatie"),
        ("sdg", "Duurzame Ontwikkelingsdoelen (SDG's)"),
    ]


def test_complete_falls_back_to_one_word_aliases(corpus):
    assert ("climate", "Klimaat en water") in themes.complete(corpus, "cli")
    assert all(" " not in value for value, _ in themes.complete(corpus, "c"))
    assert themes.complete(corpus, "zzz") == []


def test_an_unknown_theme_is_not_found_with_status_2(corpus):
    from vr2018.cli.status import ExitStatus

    with pytest.raises(Unknown) as caught:
        themes.find(corpus, "klimat")
    assert of_problem(caught.value) == ExitStatus.BAD_USAGE
    assert caught.value.candidates == ("klimaat",)
    with pytest.raises(Empty) as empty:
        themes.find(corpus, " ")
    assert of_problem(empty.value) == ExitStatus.BAD_USAGE
    assert messages.line(empty.value) == "empty theme name: give a theme's id, title or alias (see 'vr2018 theme')"


def test_listing_gives_each_theme_its_paragraph_count_and_first_sentence(corpus):
    rows = themes.listing(corpus)
    assert [t for t, _, _ in rows] == list(corpus.themes)
    for theme, count, line in rows:
        assert count == len(corpus.theme_paragraphs(theme.id))
        assert line == themes.first_sentence(theme.summary)
