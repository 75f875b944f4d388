"""The search engine: matching, ranking and results, on hand-made paragraphs and on the letter."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vr2018.cli import messages
from vr2018.cli.status import of_problem
from vr2018.corpus.model import Paragraph
from vr2018.search import (
    OUTSIDE_MARK,
    QueryError,
    build_index,
    expand,
    index_for,
    paragraphs_in,
    search,
    search_index,
)
from vr2018.search.match import AS_WRITTEN, Step
from vr2018.text.fold import words


def make(*texts: str, glossary: dict[str, list[str]] | None = None):
    paragraphs = [Paragraph(id=f"p{n}", section="s", fragment=1, text=t) for n, t in enumerate(texts, 1)]
    return build_index(paragraphs, glossary or {})


def ids(index, query, **kw):
    return [h.paragraph.id for h in search_index(index, query, **kw).hits]


FILLER = "Het kabinet heeft daar in het afgelopen jaar over gesproken met vele andere landen."


# ── matching ────────────────────────────────────────────────────────────────


def test_accents_both_ways():
    index = make("Minister-president Rhuggenaath van Curaçao sprak.", "Een debat over Haiti.")
    assert ids(index, "curacao") == ["p1"]
    assert ids(index, "Haïti") == ["p2"]


def test_hyphens_and_spaces_both_ways():
    index = make("De druk op Noord-Korea en Wever-Croes.", f"Noord en zuid. {FILLER} Korea.")
    assert ids(index, "noord korea")[0] == "p1"
    assert ids(index, "noordkorea")[0] == "p1"  # p2 has both words apart: second
    assert ids(index, "wever croes") == ["p1"]
    assert ids(index, "wevercroes") == ["p1"]


def test_dutch_inflection_and_compounds():
    index = make(
        "VN-sancties tegen zes mensenhandelaren in Libië.",
        "Als voorzitter van het sanctiecomité voor Noord-Korea.",
        "De inzet tegen mensenhandel.",
        "Een internationaal wapenembargo.",
        "Een comité met wapens.",  # the other parts of the compounds above are words of this text
    )
    assert set(ids(index, "sanctie")) == {"p1", "p2"}
    # a derivation is no compound: "aren" is no word, so mensenhandel does not reach mensenhandelaren
    assert ids(index, "mensenhandel") == ["p3"]
    assert ids(index, "mensenhandelaar") == ["p1"]  # an inflection of mensenhandelaren
    assert ids(index, "embargo") == ["p4"]  # the head of a compound


def test_a_compound_part_must_end_at_a_real_boundary():
    index = make("Crisis in Kameroen.", "Brieven aan de Kamer.", "Een Kamerbrief.", "De brief.")
    assert ids(index, "kamer") == ["p2"]  # not Kameroen: "oen" is no word here
    assert ids(index, "Kameroen") == ["p1"]
    # "Kamerlid" is two words of the text run together: a paragraph needs both, never "Kamer" alone
    assert ids(index, "kamerlid") == []
    assert ids(index, "kamerbrief") == ["p3"]


def test_inflection_never_turns_a_name_into_another_word():
    index = make("Premier Romeo van Sint-Maarten.", "In maart 2018.")
    assert ids(index, "maarten") == ["p1"]
    assert ids(index, "Sint Maarten") == ["p1"]
    assert ids(index, "maart") == ["p2"]


def test_a_typo_stays_on_its_side_and_off_short_words():
    index = build_index(
        [
            Paragraph(id="p1", section="s", fragment=1, text="Misdaad.", text_en="Organised crime."),
            Paragraph(id="p2", section="s", fragment=1, text="Een oorlog.", text_en="A war."),
            Paragraph(id="p3", section="s", fragment=1, text="De dienst.", text_en="The Service."),
        ],
        {},
    )
    assert ids(index, "Crimea") == []  # six letters: no typo forgiven but a swap
    assert ids(index, "dwars") == []
    assert ids(index, "Servie") == []
    assert ids(index, "crmie") == ["p1"]  # two neighbouring letters swapped


def test_typos_in_longer_words_are_forgiven_but_not_in_short_ones():
    index = make("De veilige terugkeer van de Rohingya.", "Minister Kaag en minister Blok.", "Bij de OPCW.")
    assert ids(index, "rohinga") == ["p1"]  # one letter missing
    assert ids(index, "rohignya") == ["p1"]  # two letters swapped
    assert ids(index, "rohinjia") == ["p1"]  # two edits in an eight-letter word
    assert ids(index, "opcx") == []  # four letters: no typo forgiven


def test_numbers_match_exactly():
    index = make("Resolutie 2396 (2017).", "Resolutie 2397.")
    assert ids(index, "2396") == ["p1"]
    assert ids(index, "resolutie 2396")[0] == "p1"


def test_glossary_maps_a_users_words_onto_the_letters():
    glossary = {"peacekeeping": ["vredesmissies"], "water scarcity": ["waterschaarste"], "dprk": ["Noord-Korea"]}
    index = make(
        "Goed uitgeruste vredesmissies.",
        "Waar waterschaarste de stabiliteit bedreigt.",
        "Druk op Noord-Korea.",
        glossary=glossary,
    )
    assert ids(index, "peacekeeping") == ["p1"]
    assert ids(index, "water scarcity") == ["p2"]
    assert ids(index, "Water Scarcity") == ["p2"]
    assert ids(index, "DPRK") == ["p3"]
    # steps never chain: a misspelt glossary key is not then translated
    assert ids(index, "peacekeepin") == []
    # a glossary value is a target as written: never widened by stem, compound or typo
    assert ids(index, "dprk") == ["p3"]


def test_a_glossary_phrase_matches_side_by_side_only():
    glossary = {"african union": ["Afrikaanse Unie"], "european union": ["Europese Unie"]}
    index = make(
        "Met de Afrikaanse Unie.",
        "De Europese Unie en Afrikaanse landen.",
        "Een unieke positie.",
        glossary=glossary,
    )
    assert ids(index, "African Union") == ["p1"]
    assert ids(index, "european union") == ["p2"]


def test_expand_reports_the_one_step_of_each_match():
    index = make("sancties sanctiecomite comite wapenembargo wapens rohingya")
    assert expand(index, "sancties")["sancties"].reason == "exact"
    assert expand(index, "sanctie")["sancties"].reason == "inflection"
    assert expand(index, "sanctie")["sanctiecomite"].reason == "compound"
    assert expand(index, "embargo")["wapenembargo"].reason == "compound"
    assert expand(index, "rohinga")["rohingya"].reason == "typo"
    assert expand(index, "rohingya", AS_WRITTEN) == {"rohingya": Step("exact", 1.0)}


# ── ranking ─────────────────────────────────────────────────────────────────


def test_more_distinct_terms_rank_higher_than_repeats_of_one():
    index = make("Klimaat, klimaat en nog eens klimaat.", "Klimaat en water.", "Water.")
    assert ids(index, "klimaat water")[0] == "p2"


def test_terms_close_together_rank_higher():
    far = f"Het debat ging over conflict. {FILLER} {FILLER} Ook honger kwam aan bod."
    near = f"Het debat ging over conflict en honger. {FILLER} {FILLER} Ook kwam er meer aan bod."
    index = make(far, near)
    assert ids(index, "conflict honger") == ["p2", "p1"]


def test_exact_words_rank_above_typo_and_compound_matches():
    index = make("De Rohingya-vluchtelingen.", "Over rohingya.", "De rohingyas.")
    ranked = ids(index, "rohingya")
    assert ranked[0] == "p2"


def test_quoted_phrase_must_appear():
    index = make("Behoud van de nucleaire deal met Iran.", "Een deal over nucleaire wapens.", "Iran.")
    assert ids(index, '"nucleaire deal"') == ["p1"]
    assert ids(index, '"deal nucleaire"') == []
    assert ids(index, '"nucleaire deal" iran') == ["p1"]
    assert ids(index, "nucleaire deal") == ["p1", "p2"]  # unquoted: both, the phrase first


def test_stopwords_count_only_when_there_is_nothing_else():
    index = make("De Raad.", "Het voorzitterschap van de Raad.", "Van alles.")
    assert ids(index, "de raad")[:2] == ["p1", "p2"]
    assert "p3" not in ids(index, "van de raad")
    assert "p3" in ids(index, "van")


def test_a_stopword_inside_a_glossary_phrase_never_makes_a_match_on_its_own():
    # "nuclear deal" → "nucleaire deal met Iran": "met" is in nearly every paragraph.
    glossary = {"nuclear deal": ["nucleaire deal met Iran"], "trafficking in persons": ["mensenhandel"]}
    index = make(
        "De nucleaire deal met Iran.",
        "Overleg met Italië.",
        "Tegen mensenhandel.",
        "Een debat in New York.",
        glossary=glossary,
    )
    assert ids(index, "nuclear deal") == ["p1"]
    assert ids(index, "trafficking in persons") == ["p3"]  # "in", a word of the key itself
    (hit,) = search_index(index, "nuclear deal").hits
    assert "met" not in hit.matches  # nor highlighted where the content words matched


def test_a_content_word_never_stands_for_a_stopword():
    index = make("Waar de Raad vergaderde.", "Civil war, burgeroorlog.")
    assert "waar" not in expand(index, "war")  # stem("waar") == "war"
    assert ids(index, "war") == ["p2"]
    assert ids(index, "waar") == ["p1"]  # a stop word, all there is: only itself, never "war"


def test_a_phrase_of_stopwords_alone_still_matches():
    index = make("Van de Raad.", "Van de rest.", "Niets van alles.", glossary={"of the": ["van de"]})
    assert set(ids(index, "of the")) == {"p1", "p2"}  # all there is: kept, as the phrase


def test_the_words_of_a_glossary_phrase_are_not_expanded_on_their_own():
    # "human trafficking" means mensenhandel; "human" is not the start of "humanitaire" here.
    glossary = {"human trafficking": ["mensenhandel"]}
    index = make(
        "Tegen mensenhandel.",
        "Humanitaire hulp.",
        "Human trafficking, in het Engels.",
        "Trafficking, human.",
        glossary=glossary,
    )
    assert expand(index, "human", AS_WRITTEN) == {"human": Step("exact", 1.0)}
    assert set(ids(index, "human trafficking")) == {"p1", "p3"}  # as a phrase: "trafficking, human" is not
    assert ids(index, "human trafficking")[0] in ("p1", "p3")
    assert "p2" not in ids(index, "human")  # "itaire" is no word: humanitaire is not a compound of human


def test_words_of_a_link_match_only_as_typed():
    # A URL is an address, not prose: its slugs are found when copied, never as compounds or typos.
    index = make(
        "Zie via deze link: https://magazines.example.nl/bz/veiligheidsraad2018/2018/05/resultaten.",
        "De Veiligheidsraad sprak over veiligheid.",
    )
    assert ids(index, "veiligheid") == ["p2"]
    assert ids(index, "veiligheidsraad") == ["p2"]
    assert ids(index, "veiligheidsraad2018")[0] == "p1"  # (p2 second: "veiligheidsraad" is part of it)
    assert ids(index, "magazines") == ["p1"]
    assert "bzveiligheidsraad2018" not in index.postings  # no compounds across a link's slashes
    assert "veiligheidsraad2018" not in index.vocabulary  # so never a prefix, typo or suggestion target
    assert ids(index, "magazinez") == []
    assert "magazines" not in search_index(index, "magazinez").suggestions


def test_allowed_limits_the_paragraphs_searched():
    index = make("Iran.", "Iran en Syrië.", "Iran.")
    assert ids(index, "iran", allowed=[1]) == ["p2"]


def test_results_carry_terms_matches_and_spans():
    text = "Druk op Noord-Korea en de sancties tegen het land."
    index = make(text)
    result = search_index(index, "noord korea sancties")
    (hit,) = result.hits
    assert hit.terms == ("noord korea", "sancties") or hit.terms == ("noord", "korea", "sancties")
    assert hit.matches == ("Noord-Korea", "sancties")
    assert [text[s:e] for s, e in hit.spans] == ["Noord-Korea", "sancties"]
    assert hit.exact


def test_empty_or_wordless_queries_are_refused():
    index = make("Iran.")
    for query in ("", "   ", "!!!", '""', "–"):
        with pytest.raises(QueryError):
            search_index(index, query)
    with pytest.raises(ValueError):
        search_index(index, "iran", limit=0)


def test_nothing_found_suggests_words_of_the_text():
    index = make("Minister-president Rutte en president Trump.")
    result = search_index(index, "Trmp")
    assert result.hits == ()
    assert "Trump" in result.suggestions


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("Trmp", "Trump"),
        ("Rohinjya", "Rohingya"),
        ("Kamroen", "Kameroen"),
        ("Kuzo", "Kuzu"),
        ("Bangaldesh", "Bangladesh"),
        ("Curacoa", "Curaçao"),
        ("hongersnod", "hongersnood"),
        ("Haity", "Haïti"),
        ("wapenembrgo", "wapenembargo"),
        ("vredesmisie", "vredesmissie"),
    ],
)
def test_did_you_mean_still_catches_real_typos(corpus, typo, meant):
    result = search(corpus, f'"{typo}"')  # quoted, so that nothing is found and the hint is all there is
    assert result.hits == ()
    assert meant in result.suggestions


@pytest.mark.parametrize(
    ("query", "unrelated"),
    [
        ("Brexit", "bedreigt"),
        ("Yemen", "een"),
        ("Jemen", "een"),
        ("Gaza", "gaan"),
        ("Ukraine", "kabinet"),
        ("Israel", "iran deal"),
        ("Mali", "Marlin"),
        ("crisis", "ISIS"),
    ],
)
def test_did_you_mean_does_not_offer_unrelated_short_words(corpus, query, unrelated):
    result = search(corpus, query)
    assert result.hits == ()
    assert unrelated not in result.suggestions


def test_did_you_mean_never_offers_the_word_typed(corpus):
    result = search(corpus, '"Rohingya crisis"')  # the phrase is not in the letter; the word is
    assert result.hits == ()
    assert result.suggestions  # something close to "crisis"
    assert not [s for s in result.suggestions if s.lower() in ("rohingya", "crisis")]


def test_an_exact_query_never_imports_rapidfuzz():
    code = (
        "import sys; from vr2018 import load_corpus; from vr2018.search import search; "
        "c = load_corpus(); assert search(c, 'Rohingya').hits; assert search(c, 'noord korea sancties').hits; "
        "print('rapidfuzz' in sys.modules); search(c, 'rohinga'); print('rapidfuzz' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


# ── on the letter ───────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Rohingya", "myanmar-rohingya"),
        ("rohinga", "myanmar-rohingya"),
        ("Curacao", "water-klimaat-expertise"),
        ("Italie", "inleiding"),
        ("Zuid Soedan", "conflict-en-honger"),
        ("Wever Croes", "caribisch-perspectief"),
        ("noord korea sanctiecomite", "sanctiecomite-noord-korea"),
        ("climate", "water-klimaat-expertise"),
        ("water scarcity", "water-klimaat-expertise"),
        ("peacekeeping African Union", "afrikaanse-unie"),
        ("nuclear deal Iran 2231", "iran-2231"),
        ("human trafficking", "sancties-mensenhandelaren-libie"),
        ("resolutie 2396", "contraterrorisme-trip"),
        ("SDG 16", "duurzame-ontwikkelingsdoelen"),
    ],
)
def test_letter_queries_find_their_paragraph_first(corpus, query, expected):
    assert search(corpus, query).hits[0].paragraph.id == expected


def test_theme_and_section_filters(corpus):
    on_theme = search(corpus, "Veiligheidsraad", theme="klimaat")
    assert on_theme.hits and all("klimaat" in h.paragraph.themes for h in on_theme.hits)
    in_chapter = search(corpus, "conflict", section="voorkomen-en-genezen")
    sections = {h.paragraph.section for h in in_chapter.hits}
    assert sections and sections <= {"voorkomen-en-genezen", "grondoorzaken", "rechtvaardigheid-en-gerechtigheid"}
    assert "grondoorzaken" in sections  # a sub-section counts as part of its chapter


def test_a_filtered_search_that_finds_nothing_says_what_matches_outside(corpus):
    inside = search(corpus, "Rohingya", theme="klimaat")
    assert inside.hits == () and inside.total == 0
    assert inside.searched == len(corpus.theme_paragraphs("klimaat"))
    assert inside.outside == search(corpus, "Rohingya").total == 1
    assert inside.suggestions == ()  # the word is in the letter: nothing to correct
    assert search(corpus, "qqqzzz", theme="klimaat").outside == 0
    assert search(corpus, "Trmp", theme="klimaat").suggestions == ("Trump", "TRIP")
    found = search(corpus, "Veiligheidsraad", theme="klimaat")
    assert found.hits and found.outside == 0  # only counted when nothing is found inside
    unfiltered = search(corpus, "Rohingya")
    assert unfiltered.searched is None and unfiltered.outside == 0


def test_a_section_whose_text_is_missing_searches_nothing(corpus):
    result = search(corpus, "conflict", section="vn-hervormingen")
    assert result.searched == 0 and result.hits == ()
    assert result.outside == search(corpus, "conflict").total > 0
    assert paragraphs_in(corpus, section="vn-hervormingen") == []
    assert len(paragraphs_in(corpus, section="voorkomen-en-genezen")) == 4  # with its sub-sections


def test_index_is_built_once_per_corpus(corpus):
    assert index_for(corpus) is index_for(corpus)


def test_every_glossary_value_is_in_the_letter(corpus):
    vocabulary = index_for(corpus).postings
    missing = [
        (k, v)
        for k, values in corpus.glossary.items()
        for v in values
        if not all(w in vocabulary for w in words(v.removeprefix(OUTSIDE_MARK)))
    ]
    assert missing == []


def test_outside_glossary_entries_are_marked_and_reported_as_outside(corpus):
    outside = [(k, v) for k, values in corpus.glossary.items() for v in values if v.startswith(OUTSIDE_MARK)]
    assert ("guterres", "outside: Secretaris-Generaal") in outside
    assert ("2417", "outside: Conflict en Honger") in outside
    (hit,) = search(corpus, "Guterres").hits
    assert hit.paragraph.id == "afrikaanse-unie"
    assert ("guterres", "Secretaris-Generaal", "outside") in hit.why
    assert {how for _, _, how in hit.why} == {"outside"}
    assert search(corpus, "2417").hits[0].why[0][2] == "outside"


def test_the_glossary_characterises_nothing_and_maps_no_wrong_sense(corpus):
    for key in ("genocide", "ethnic cleansing", "united", "us"):
        assert key not in corpus.glossary
    assert search(corpus, "genocide").hits == ()
    assert "genocide" in search(corpus, "genocide Myanmar").hits[0].missing


# Theme aliases the surviving text cannot answer: no paragraph of our copy is known to
# stand under the VN-hervormingen heading (what followed it is on missing pages).
NOT_IN_THE_TEXT = {
    "vn-hervormingen",
    "hervorming",
    "reform",
    "transparantie",
    "transparency",
    "effectiviteit",
    "effectiveness",
    "werkmethoden",
    "working methods",
}


def test_no_hit_for_a_glossary_key_matches_only_stopwords(corpus):
    """Every key of the real glossary, searched: each hit matches some content word."""
    from vr2018.text.stopwords import STOPWORDS

    noise = []
    for key in corpus.glossary:
        if all(w in STOPWORDS for w in words(key)):
            continue
        for hit in search(corpus, key, limit=50).hits:
            matched = hit.matches + hit.matches_en  # in the letter or its English rendering
            if all(w in STOPWORDS for m in matched for w in words(m)):
                noise.append((key, hit.paragraph.id, matched))
    assert noise == []


def test_iran_nuclear_deal_finds_the_deal_not_every_met(corpus):
    hits = search(corpus, "Iran nuclear deal").hits
    assert [h.paragraph.id for h in hits][:2] == ["iran-2231", "rutte-26-september"]
    assert all("Iran" in h.matches for h in hits)


@pytest.mark.parametrize("query", ["human trafficking", "human traffickers", "human rights", "human smuggling"])
def test_human_phrases_do_not_match_humanitarian_paragraphs(corpus, query):
    hits = search(corpus, query).hits
    assert hits
    matched = [h.matches + h.matches_en for h in hits]  # in the letter or its English rendering
    assert all(matched) and not [m for m in matched if all(w.lower().startswith("humanit") for w in m)]


def test_veiligheid_does_not_match_inside_the_link(corpus):
    hits = search(corpus, "veiligheid", limit=50).hits
    assert hits
    assert not [m for h in hits for m in h.matches if "/" in m or "2018" in m]


def test_glossary_covers_every_theme(corpus):
    """Every Latin-script alias of every theme finds something; nearly all find the theme in the top three."""
    tried, misses, empty = 0, [], []
    for theme in corpus.themes:
        for alias in theme.aliases:
            if alias.lower() in NOT_IN_THE_TEXT:
                continue
            tried += 1
            top = search(corpus, alias, limit=3).hits
            if not top:
                empty.append(alias)
            elif not any(theme.id in h.paragraph.themes for h in top):
                misses.append((theme.id, alias))
    assert empty == []
    assert len(misses) <= tried // 20, misses  # "Security Council" is in every other paragraph


# ── properties ──────────────────────────────────────────────────────────────

query_text = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from(
            [
                "rohingya",
                "noord",
                "korea",
                "sancties",
                "klimaat",
                "de",
                "Curaçao",
                '"',
                "2231",
                "vredesmissies",
                "x",
                "-",
                "water scarcity",
                "rohinga",
                "ISIS/Al",
            ]
        ),
        max_size=6,
    ).map(" ".join),
)


@settings(max_examples=150, deadline=None)
@given(query=query_text, limit=st.integers(min_value=1, max_value=30))
def test_any_query_gives_sorted_bounded_well_formed_results(corpus, query, limit):
    try:
        result = search(corpus, query, limit=limit)
    except QueryError:
        assert not words(query.replace('"', " "))
        return
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert len(result.hits) <= limit
    assert result.total >= len(result.hits)
    assert len({h.paragraph.id for h in result.hits}) == len(result.hits)
    for hit in result.hits:
        assert hit.score > 0 and hit.terms and (hit.matches or hit.matches_en)  # Dutch, or only its English
        for text, spans in ((hit.paragraph.text, hit.spans), (hit.paragraph.text_en or "", hit.spans_en)):
            previous_end = -1
            for start, end in spans:
                assert previous_end < start < end <= len(text)
                previous_end = end


def test_the_engine_itself_refuses_an_overlong_query():
    """Library callers are protected too, not only the CLI."""
    from vr2018 import load_corpus
    from vr2018.search import MAX_QUERY

    corpus = load_corpus()
    assert search(corpus, "Rohingya " * (MAX_QUERY // 9)).hits  # just under the cap: answered
    with pytest.raises(QueryError) as caught:
        search(corpus, "x" * (MAX_QUERY + 1))
    assert messages.line(caught.value).startswith(f"query too long: {MAX_QUERY + 1} characters, at most {MAX_QUERY}")


# ── issue 12: what is missing, why it matched, exact mode, numbers, sentences ──


def test_each_hit_names_the_terms_it_lacks_and_results_the_terms_found_nowhere():
    index = make("Gerechtigheid en justice.", "Over klimaat.")
    result = search_index(index, "srebrenica justice")
    assert [h.paragraph.id for h in result.hits] == ["p1"]
    assert result.hits[0].missing == ("srebrenica",)
    assert result.absent == ("srebrenica",)
    assert search_index(index, "srebrenica").hits == ()  # every term missing: no hit at all


def test_stop_words_and_question_words_never_count_as_missing(corpus):
    result = search(corpus, "Wanneer bezocht de Raad Myanmar en Bangladesh?")
    assert result.hits[0].paragraph.id == "myanmar-rohingya"
    assert not {"wanneer", "de", "en"} & set(result.terms)
    result = search(corpus, "What did the Netherlands do about Venezuela?")
    assert result.absent == ("venezuela",)
    assert all("venezuela" in h.missing for h in result.hits)
    assert not {"what", "did", "do", "about"} & set(result.terms)


def test_why_says_how_each_term_matched():
    glossary = {"justice": ["gerechtigheid"]}
    index = make("De Rohingya en gerechtigheid.", "Het sanctiecomité en de sancties.", "Een comité.", glossary=glossary)
    assert search_index(index, "rohinga").hits[0].why == (("rohinga", "Rohingya", "typo"),)
    assert search_index(index, "Rohingya").hits[0].why == (("rohingya", "Rohingya", "exact"),)
    assert search_index(index, "justice").hits[0].why == (("justice", "gerechtigheid", "glossary"),)
    why = dict(((t, w), h) for t, w, h in search_index(index, "sanctie").hits[0].why)
    assert why[("sanctie", "sanctiecomité")] == "compound" and why[("sanctie", "sancties")] == "inflection"


def test_exact_mode_matches_only_the_words_as_typed(corpus):
    assert search(corpus, "rohinga", exact=True).hits == ()
    assert search(corpus, "rohinga").hits[0].paragraph.id == "myanmar-rohingya"
    assert [h.paragraph.id for h in search(corpus, "ROHINGYA", exact=True).hits] == ["myanmar-rohingya"]
    assert search(corpus, "justice", exact=True).hits == ()  # no glossary
    assert search(corpus, "mensenhandelaar", exact=True).hits == ()  # no stem (mensenhandelaren)
    assert search(corpus, "embargo", exact=True).hits == ()  # no compound (wapenembargo)
    assert search(corpus, "curacao", exact=True).hits[0].why[0][2] == "exact"  # accents folded
    assert search(corpus, "rohinga", exact=True).exact


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("22045", "myanmar-rohingya"),
        ("22 045", "myanmar-rohingya"),
        ("22.045", "myanmar-rohingya"),
        ("22045-290", "myanmar-rohingya"),
        ("kst-22045-290", "myanmar-rohingya"),
        ("22 045, nr. 290", "myanmar-rohingya"),
        ("35000", "myanmar-rohingya"),
        ("26150", "inleiding"),
        ("34550-D", "europese-samenwerking-legacy"),
        ("2396", "contraterrorisme-trip"),
        ("res. 2396", "contraterrorisme-trip"),
        ("S/RES/2396 (2017)", "contraterrorisme-trip"),
        ("S/RES/2396", "contraterrorisme-trip"),
        ("resolutie 2231", "iran-2231"),
        ("resolution 2231", "iran-2231"),
    ],
)
def test_numbers_as_people_type_them_find_the_citing_paragraph_first(corpus, query, expected):
    result = search(corpus, query)
    assert result.hits[0].paragraph.id == expected
    assert result.hits[0].missing == () and result.absent == ()
    assert result.hits[0].why[0][2] == "exact"


def test_hits_carry_their_best_sentence(corpus):
    hit = search(corpus, "Kuzu Van den Hul Rohingya").hits[0]
    assert hit.paragraph.id == "myanmar-rohingya" and hit.sentence == 2
    assert search(corpus, "wapenembargo").hits[0].sentence == 3
    assert search(corpus, "22045").hits[0].sentence == 3


def test_a_negated_form_never_matches_its_opposite():
    index = make("De niet-permanente leden.", "De permanente leden.")
    assert ids(index, "permanente leden")[0] == "p2"
    assert ids(index, "niet-permanente leden")[0] == "p1"
    assert "p2" not in ids(index, "niet-permanente")


def test_an_acronym_answers_only_to_capitals_or_an_explicit_entry():
    index = make(
        "Het Travel Information Portal (TRIP).",
        "Een reis, een bezoek.",
        glossary={"isis": ["ISIS"], "trip": ["bezoek"]},
    )
    assert ids(index, "TRIP") == ["p1"]
    assert ids(index, "trip") == ["p2"]  # the English word, not the acronym
    index = make("De ISIS sanctielijst.")
    assert ids(index, "isis") == []
    assert ids(index, "ISIS") == ["p1"]
    assert ids(make("De ISIS sanctielijst.", glossary={"isis": ["ISIS"]}), "isis") == ["p1"]


def test_a_name_in_passing_does_not_outrank_the_paragraph_about_it(corpus):
    assert search(corpus, "Myanmar").hits[0].paragraph.id == "myanmar-rohingya"
    assert search(corpus, "Kaag").hits[0].paragraph.id in ("conflict-en-honger", "duurzame-ontwikkelingsdoelen")
    assert search(corpus, "Italie").hits[0].paragraph.id == "inleiding"


# ── why nothing was found (search.explain_nothing_found, search.find_section) ─


def nothing(query: str = "x", searched: int | None = None, outside: int = 0, suggestions: tuple[str, ...] = ()):
    """Results holding no hit, as search() returns them, built by hand so that each
    explanation is tested apart from what the ranking finds."""
    from vr2018.search import Results

    return Results(
        query=query, terms=(), phrases=(), hits=(), total=0, suggestions=suggestions, searched=searched, outside=outside
    )


def test_nothing_found_is_status_1_and_says_what_was_searched(corpus):
    from vr2018.cli.status import ExitStatus
    from vr2018.problems import NoHits
    from vr2018.search import explain_nothing_found

    found = explain_nothing_found(corpus, ["xyzzy"], nothing("xyzzy"))
    assert isinstance(found, NoHits) and found.words == ("xyzzy",)
    assert of_problem(found) == ExitStatus.NOTHING_FOUND
    assert messages.line(found) == "nothing found for 'xyzzy'"
    assert found.candidates == ()


def test_nothing_found_offers_the_letters_words(corpus):
    from vr2018.search import explain_nothing_found

    found = explain_nothing_found(corpus, ["Rohinya", "crisis"], nothing(suggestions=("Rohingya", "crises")))
    assert messages.line(found) == "nothing found for 'Rohinya crisis'; did you mean: Rohingya, crises?"
    assert found.candidates == ("Rohingya", "crises")


def test_a_filter_names_itself_and_the_search_without_it(corpus):
    from vr2018.search import explain_nothing_found

    found = explain_nothing_found(corpus, ["Rohingya"], nothing(searched=5, outside=1), theme="klimaat")
    assert messages.line(found) == (
        "nothing found for 'Rohingya' in theme 'Klimaat en water'; "
        "1 paragraph outside it matches: vr2018 search Rohingya"
    )
    found = explain_nothing_found(corpus, ["Rohingya"], nothing(searched=2, outside=3), section="inleiding")
    assert messages.line(found) == (
        "nothing found for 'Rohingya' in section 'Inleiding'; 3 paragraphs outside it match: vr2018 search Rohingya"
    )


def test_matches_outside_the_filter_leave_out_did_you_mean(corpus):
    from vr2018.search import explain_nothing_found

    found = explain_nothing_found(corpus, ["x"], nothing(searched=5, outside=2, suggestions=("y",)), theme="klimaat")
    assert "did you mean" not in messages.line(found)


def test_two_filters_that_share_no_paragraph_say_so(corpus):
    from vr2018.search import explain_nothing_found

    found = explain_nothing_found(
        corpus, ["klimaat"], nothing(searched=0, outside=4), theme="myanmar", section="inleiding"
    )
    assert messages.line(found) == (
        "nothing found for 'klimaat': no paragraph on theme 'Myanmar en de Rohingya' is in section 'Inleiding'; "
        "4 paragraphs outside them match: vr2018 search klimaat"
    )


def test_a_section_whose_text_is_missing_says_so(corpus):
    from vr2018.search import explain_nothing_found

    found = explain_nothing_found(corpus, ["Rohingya"], nothing(searched=0, outside=1), section="vn-hervormingen")
    assert messages.line(found) == (
        "nothing found for 'Rohingya': no paragraph of this copy of the letter is known to stand in section "
        "'VN-hervormingen: transparantie en effectiviteit' (the pages after its heading are missing); "
        "1 paragraph outside it matches: vr2018 search Rohingya"
    )


@pytest.mark.parametrize(
    ("query", "command"),
    [
        (["human trafficking"], "vr2018 search 'human trafficking'"),  # quoted as the shell needs it
        (["-x", "Rohingya"], "vr2018 search -- -x Rohingya"),  # a word like an option: after --
        (["Rohingya " * 20], "search again without --theme"),  # too long to quote: described
        (["Rohingya\u200b"], "search again without --theme"),  # unprintable: described
    ],
)
def test_the_search_without_the_filter_is_a_command_to_copy(corpus, query, command):
    from vr2018.search import explain_nothing_found

    found = explain_nothing_found(corpus, query, nothing(searched=5, outside=1), theme="klimaat")
    assert messages.line(found).endswith(f"1 paragraph outside it matches: {command}")


def test_the_explanation_fits_what_search_returns(corpus):
    from vr2018.search import explain_nothing_found

    results = search(corpus, "Rohingya", theme="klimaat")
    assert not results.hits and results.outside
    found = explain_nothing_found(corpus, ["Rohingya"], results, theme="klimaat")
    assert messages.line(found).startswith("nothing found for 'Rohingya' in theme 'Klimaat en water'; ")
    assert messages.line(found).endswith(": vr2018 search Rohingya")


@pytest.mark.parametrize(
    "name", ["vn-hervormingen", "VN-hervormingen", "vn hervormingen: transparantie en effectiviteit"]
)
def test_find_section_by_id_or_title(corpus, name):
    from vr2018.search import find_section

    assert find_section(corpus, name) == "vn-hervormingen"


def test_an_unknown_section_is_bad_usage_with_suggestions(corpus):
    from vr2018.cli.status import ExitStatus
    from vr2018.problems import Unknown
    from vr2018.search import find_section

    with pytest.raises(Unknown) as caught:
        find_section(corpus, "zzz")
    assert of_problem(caught.value) == ExitStatus.BAD_USAGE
    assert messages.line(caught.value) == (
        "unknown section 'zzz'; sections: " + ", ".join(s.id for s in corpus.sections) + " (see 'vr2018 toc')"
    )
    with pytest.raises(Unknown) as caught:
        find_section(corpus, "terorisme")
    assert caught.value.candidates and "terrorisme" in caught.value.candidates
    assert messages.line(caught.value).startswith("unknown section 'terorisme'; did you mean: ")


@pytest.mark.parametrize("query", ["S/RES/2417", "2417 (2018)", "S/RES/2417 (2018)", "resolution 2417"])
def test_a_un_symbol_the_letter_does_not_print_finds_its_paragraph_as_an_outside_bridge(corpus, query):
    hit = search(corpus, query).hits[0]
    assert hit.paragraph.id == "conflict-en-honger"
    assert hit.why[0][1:] == ("de resolutie over Conflict en Honger", "outside")


@pytest.mark.parametrize("query", ["resolutie 2396", "S/RES/2396 (2017)", "res. 2231"])
def test_a_resolution_the_letter_numbers_is_found_as_written(corpus, query):
    hit = search(corpus, query).hits[0]
    assert hit.why[0][2] == "exact" and hit.paragraph.id in ("contraterrorisme-trip", "iran-2231")


def test_a_verb_reaches_its_past_participle_as_an_inflection():
    index = make("Als onderdeel van de gedeelde termijn met Italië.", "Wij delen niets.")
    assert ids(index, "deelde") == ["p1"]
    assert expand(index, "deelde")["gedeelde"].reason == "inflection"


@pytest.mark.parametrize(("query", "written"), [("bleef", "blijven"), ("blijven", "bleef"), ("kwam", "gekomen")])
def test_an_irregular_verb_reaches_its_other_forms_as_an_inflection(query, written):
    index = make(f"De Raad is de ontwikkelingen {written} volgen.", "Niets.")
    assert expand(index, query)[written].reason == "inflection"


@pytest.mark.parametrize(("query", "written"), [("vroeg", "gevraagd"), ("leden", "geleden"), ("geleden", "leden")])
def test_a_verb_form_that_is_also_another_word_reaches_no_verb(query, written):
    index = make(f"Zij hebben het {written}.", "Niets.")
    assert written not in expand(index, query)


def test_every_irregular_form_belongs_to_one_verb_only():
    from vr2018.text.verbs import _VERBS, AMBIGUOUS, forms

    every = [form for infinitive, past in _VERBS.items() for form in (infinitive, *past)]
    for form in every:
        found = forms(form)
        assert found == () if form in AMBIGUOUS else form in found, form
        assert all(forms(other) == found for other in found), form
    assert forms("wapens") == ()  # no verb


def test_an_english_word_reaches_only_its_own_derivations():
    index = build_index(
        [
            Paragraph(id="p1", section="s", fragment=1, text="Tegen.", text_en="Against it."),
            Paragraph(id="p2", section="s", fragment=1, text="Dreigt.", text_en="It threatens."),
        ],
        {},
    )
    assert ids(index, "again") == []  # "st" is no English ending: against is another word
    assert ids(index, "threat") == ["p2"]


def test_the_rare_words_of_a_question_outrank_two_adjacent_common_ones(corpus):
    # opcw-hack matches Russian, spies (an outside bridge) and hack; rutte-26-september only
    # "chemical weapons", side by side: a bonus is a share of what a paragraph covers
    hits = search(corpus, "Russian spies tried to hack the chemical weapons watchdog").hits
    assert hits[0].paragraph.id == "opcw-hack"


@pytest.mark.parametrize("query", ["reform", "hervormingen", "VN-hervormingen"])
def test_a_word_only_a_heading_without_text_names_is_said_to_be_there_not_absent(invoke, query):
    result = invoke("search", query)
    assert result.exit_code == 1
    assert "VN-hervormingen: transparantie en effectiviteit" in result.stderr and "missing" in result.stderr


def test_a_term_in_such_a_heading_is_not_called_absent(corpus):
    results = search(corpus, "security council reform")
    assert "reform" not in results.absent
    assert ("reform", "vn-hervormingen") in results.in_headings
    assert search(corpus, "Servië").in_headings == ()  # a word no heading names stays absent
