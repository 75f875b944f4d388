"""The data says only what the letter says (issue 12, point 4): inferred motion subjects
are marked, a Kamerstuk without a link says what the letter gives, the letter's own date
comes from its letterhead, and the UN-reform theme rests only on its heading."""

from __future__ import annotations

import json
import re

import pytest

from vr2018.motions import no_link

INFERRED = {"kuzu-wapenembargo", "de-graaf-europese-samenwerking"}


# ── motion subjects that are our reading ────────────────────────────────────


def test_the_inferred_subjects_are_marked(corpus):
    assert {m.id for m in corpus.motions if m.subject_inferred} == INFERRED


def test_a_stated_subject_is_in_the_letter(corpus, source_text):
    """What is not marked inferred, the letter states: 'over de veilige terugkeer van de Rohingya'."""
    source = " ".join(source_text.split()).lower()
    for motion in corpus.motions:
        if not motion.subject_inferred:
            assert motion.subject.lower().removeprefix("de ") in source, motion.id


def test_every_view_marks_an_inferred_subject(invoke):
    listing = invoke("motions").stdout
    assert "Een internationaal wapenembargo (inferred)" in listing
    assert "De veilige terugkeer van de Rohingya (inferred)" not in listing
    assert "Een internationaal wapenembargo (inferred)" in invoke("motions", "--kamerstuk").stdout
    assert "Een internationaal wapenembargo (inferred)" in invoke("theme", "burgers").stdout
    assert "(inferred: the letter does not state it)" in invoke("export", "markdown").stdout


def test_json_carries_subject_inferred(invoke):
    motions = {m["id"]: m for m in json.loads(invoke("motions", "--json").stdout)}
    assert {i for i, m in motions.items() if m["subject_inferred"]} == INFERRED
    shown = json.loads(invoke("show", "myanmar-rohingya", "--json").stdout)["motions"]
    assert {m["id"]: m["subject_inferred"] for m in shown} == {
        "kuzu-van-den-hul-rohingya": False,
        "kuzu-wapenembargo": True,
    }


def test_subject_inferred_is_documented_in_the_file_header():
    from vr2018.corpus.load import data_dir

    header = (data_dir() / "motions.toml").read_text(encoding="utf-8").split("[[motion]]")[0]
    assert "subject_inferred = true" in header


# ── a Kamerstuk without an official link ────────────────────────────────────

XVII = "no official link: the letter gives dossier 35 000 and budget chapter XVII, not a document number"


def test_no_link_says_what_the_letter_gives(corpus):
    assert no_link(corpus.reference("kst-35000-XVII")) == XVII
    assert no_link(corpus.reference("kst-22045-290")) is None
    assert no_link(corpus.reference("res-2231")) is None  # a resolution has no Kamerstuk link to miss


@pytest.mark.parametrize("args", [("motions",), ("motions", "--kamerstuk"), ("refs",), ("export", "markdown")])
def test_every_view_says_it_in_the_same_words(invoke, args):
    out = " ".join(invoke(*args).stdout.split())
    assert XVII in out
    assert "no document number" not in out


def test_json_says_it_too(invoke):
    motions = {m["id"]: m for m in json.loads(invoke("motions", "--json").stdout)}
    assert motions["kuzu-van-den-hul-rohingya"]["url"] is None
    assert motions["kuzu-van-den-hul-rohingya"]["url_note"] == XVII
    assert motions["kuzu-wapenembargo"]["url_note"] is None
    refs = {r["id"]: r for r in json.loads(invoke("refs", "--json").stdout)}
    assert refs["kst-35000-XVII"]["url_note"] == XVII
    assert all(r["url_note"] is None for r in refs.values() if r["url"])
    assert re.search(r"nr\. XVII", refs["kst-35000-XVII"]["as_written"])  # the letter prints it


# ── the letter's own date: its letterhead ───────────────────────────────────


def test_the_letters_date_points_at_the_letterhead(corpus):
    own = [e for e in corpus.events if e.date == corpus.letter.date]
    assert len(own) == 1
    assert own[0].source == "letterhead" and own[0].paragraph is None and own[0].where == "letterhead"
    assert all(e.source == "paragraph" and e.paragraph for e in corpus.events if e is not own[0])


def test_views_show_letterhead(invoke):
    line = next(row for row in invoke("timeline").stdout.splitlines() if row.startswith("15 februari 2019"))
    assert line.rstrip().endswith("letterhead") and "¶" not in line
    assert "(letterhead)" in invoke("export", "markdown").stdout
    event = next(e for e in json.loads(invoke("timeline", "--json").stdout) if e["date"] == "2019-02-15")
    assert event["source"] == "letterhead" and event["paragraph"] is None
    assert "15 februari 2019" not in invoke("show", "inleiding").stdout.split("Dates")[-1].split("\n\n")[0]


def test_the_loader_wants_a_paragraph_or_the_letterhead(data_copy):
    from vr2018.corpus.load import DataError
    from vr2018.corpus.loader import load

    events = data_copy / "events.toml"
    text = events.read_text(encoding="utf-8")

    def edit(new: str) -> None:
        events.write_text(re.sub(r'(?m)^source = "letterhead"$', new, text), encoding="utf-8")

    edit("")
    with pytest.raises(DataError, match=r"data/events.toml: event #\d+: field 'paragraph' is missing"):
        load(data_copy)
    edit('source = "letterhead"\nparagraph = "inleiding"')
    with pytest.raises(DataError, match="an event from the letterhead cites no paragraph"):
        load(data_copy)
    edit('source = "envelope"')
    with pytest.raises(DataError, match="field 'source': expected 'paragraph' or 'letterhead'"):
        load(data_copy)


# ── UN reform: only the heading ─────────────────────────────────────────────

REFORM_PARAGRAPHS = ("voorkomen-burundi-kameroen", "veiligheidsraad-1945", "dynamiek-permanente-leden")


def test_no_paragraph_is_tagged_un_reform(corpus):
    assert corpus.theme_paragraphs("vn-hervorming") == ()
    for pid in REFORM_PARAGRAPHS:
        assert "hervorm" not in corpus.paragraph(pid).text.lower(), pid  # why: the letter never says so


def test_the_theme_view_says_the_pages_after_the_heading_are_missing(invoke):
    """Not that only the heading survives: whether the text after the gap is the chapter's is not known."""
    out = " ".join(invoke("theme", "vn-hervorming").stdout.split())
    assert (
        "none: the pages after the heading “VN-hervormingen: transparantie en effectiviteit” are missing, "
        "and no paragraph we have is known to belong under it"
    ) in out
    assert "the pages after the heading 'VN-hervormingen: transparantie en effectiviteit' are missing" in out
    assert "only" not in out.split("Points")[1]
    data = json.loads(invoke("theme", "vn-hervorming", "--json").stdout)
    assert data["points"] == [] and data["paragraphs"] == [] and data["sections"] == ["vn-hervormingen"]
    assert data["gaps"] == [{"paragraph": None, "cut": None, "section": "vn-hervormingen"}]


def test_the_loader_allows_no_points_only_with_sections(data_copy):
    from vr2018.corpus.load import DataError
    from vr2018.corpus.loader import load

    themes = data_copy / "themes.toml"
    text = themes.read_text(encoding="utf-8")
    assert load(data_copy).theme("vn-hervorming").points == ()
    themes.write_text(text.replace('sections = ["vn-hervormingen"]\n', ""), encoding="utf-8")
    with pytest.raises(DataError, match=r"data/themes.toml: theme 'vn-hervorming': field 'points' is missing"):
        load(data_copy)


# ── section breaks after missing pages: our guess ───────────────────────────

GUESSED = {"fragment-2-zonder-kop", "fragment-3-zonder-kop", "fragment-4-zonder-kop"}


def test_the_sections_after_missing_pages_are_marked_inferred(corpus):
    """That a new section begins where fragments 2, 3 and 4 begin is a guess: the pages
    before them are missing, so the text may continue the section before the gap."""
    assert {s.id for s in corpus.sections if s.heading_inferred} == GUESSED
    for sid in GUESSED:
        section = corpus.section(sid)
        assert not section.printed
        first = next(p for p in corpus.paragraphs if p.section == sid)
        assert corpus.gap_before(first), sid
        assert "unknown" in section.title_en.lower() and "missing" not in section.title_en.split("(")[0].lower()


def test_the_views_mark_an_inferred_section(invoke):
    toc = invoke("toc").stdout
    for sid in GUESSED:
        line = next(line for line in toc.splitlines() if line.split()[:2] == ["§", sid])
        assert line.split()[2] == "(inferred)", line  # in the id column, never cropped
    assert "(inferred) after a section id: our guess that a new section begins there." in toc
    read = invoke("read").stdout
    assert read.count("(fragment 4 begint na ontbrekende pagina's)] (inferred)") == 1
    assert invoke("read", "--lang", "en").stdout.count("(fragment 4 begins after missing pages)] (inferred)") == 1
    assert "(inferred) after a [heading]: our guess that a new section begins there." in read
    info = " ".join(invoke("info").stdout.split())
    assert (
        "after ¶ duurzame-ontwikkelingsdoelen and the heading “VN-hervormingen: transparantie en effectiviteit”, "
        "before ¶ europese-samenwerking-legacy (starts mid-sentence); whether ¶ europese-samenwerking-legacy "
        "still belongs under that heading is not known"
    ) in info
    assert "without its text" not in info
    sections = {s["id"]: s for s in json.loads(invoke("read", "--json").stdout)["sections"]}
    assert {i for i, s in sections.items() if s["heading_inferred"]} == GUESSED


def test_the_loader_rejects_an_inferred_printed_heading(data_copy):
    from vr2018.corpus.load import DataError
    from vr2018.corpus.loader import load

    sections = data_copy / "sections.toml"
    text = sections.read_text(encoding="utf-8")
    sections.write_text(
        text.replace("level = 1\nprinted = true\n", "level = 1\nprinted = true\nheading_inferred = true\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(
        DataError, match=r"section 'veiligheid-voor-burgers': field 'heading_inferred': a printed heading"
    ):
        load(data_copy)


# ── people: "also written" is what the letter writes ────────────────────────


def test_every_alias_of_a_person_is_written_in_the_letter(corpus, source_text):
    """The people view shows aliases as "also written": each one is in the letter as it
    stands (case aside): "minister Blok", not "lid Kuzu" or "Sigrid Kaag"."""
    sidebar = ("Onze Referentie", "BZDOC-151021554-15")  # cut into the text by the page layout
    lines = [line for line in source_text.splitlines() if line.strip() not in sidebar]
    letter = " ".join(" ".join(lines).split()).lower()
    for person in corpus.people:
        for alias in person.aliases:
            assert " ".join(alias.split()).lower() in letter, f"{person.id}: {alias!r} is not in the letter"


def test_the_people_view_says_also_written_only_for_the_letters_words(invoke):
    kaag = invoke("people", "kaag").stdout
    assert "also written: Kaag, minister Kaag" in kaag and "Sigrid Kaag" not in kaag.replace("Sigrid A.M. Kaag", "")
    assert "also written" not in invoke("people", "kuzu").stdout


# ── our texts, as strong as the letter (issue 18) ───────────────────────────


def our_texts(corpus):
    """(where, Dutch, English, the paragraphs it rests on) for every text we wrote about the letter."""
    for theme in corpus.themes:
        rests_on = tuple(p.id for p in corpus.theme_paragraphs(theme.id))
        yield f"theme {theme.id} title", theme.title, theme.title_en, rests_on
        yield f"theme {theme.id} summary", theme.summary, theme.summary_en, rests_on
        for n, point in enumerate(theme.points, 1):
            yield f"theme {theme.id} point {n}", point.text, point.text_en, point.sources
    for person in corpus.people:
        for n, did in enumerate(person.did, 1):
            yield f"person {person.id} did {n}", did.text, did.text_en, did.paragraphs
    for motion in corpus.motions:
        for n, done in enumerate(motion.done, 1):
            yield f"motion {motion.id} done {n}", done.text, done.text_en, done.paragraphs
    for event in corpus.events:
        yield f"event {event.date}", event.label, event.label_en, (event.paragraph,) if event.paragraph else ()


def test_our_texts_say_the_netherlands_only_where_the_letter_does(corpus):
    """Where the letter says "we", "ons" or "het Koninkrijk", so do we: "Nederland(se)"
    only where a paragraph our text rests on writes that very word, and "the Netherlands"
    or "Dutch" in English only where our Dutch has it."""
    problems = []
    for where, dutch, english, rests_on in our_texts(corpus):
        said = {w for p in rests_on for w in re.findall(r"\bNederland\w*", corpus.paragraph(p).text)}
        for word in re.findall(r"\bNederland\w*", dutch):
            if word not in said:
                problems.append(f"{where}: {word!r}")
        if re.search(r"\b(Netherlands|Dutch)\b", english or "") and not re.search(r"\bNederland", dutch):
            problems.append(f"{where} (English): {english!r}")
    assert problems == []


def test_the_hack_is_not_tagged_sanctions_and_impunity_is_justice(corpus):
    assert "sancties" not in corpus.paragraph("opcw-hack").themes  # it says nothing of sanctions
    assert {"raad"} <= set(corpus.paragraph("opcw-hack").themes) & set(corpus.paragraph("inleiding").themes)
    assert "rechtvaardigheid" in corpus.paragraph("rutte-26-september").themes  # "ongestraft blijft"


def test_the_summaries_say_what_the_letter_says(corpus):
    theme = corpus.theme
    for t in corpus.themes:  # the three focus themes the priorities translated into, not "priority themes"
        assert "prioritaire thema" not in t.summary and "priority theme" not in (t.summary_en or ""), t.id
    burgers = theme("burgers").summary
    assert burgers.index("wapenembargo") < burgers.index("breekt dan af")  # one more sentence before the cut
    assert (
        "gedurende het jaar" in theme("afrikaanse-unie").summary and "hele jaar" not in theme("afrikaanse-unie").summary
    )
    assert "whole year" not in theme("afrikaanse-unie").summary_en
    assert "ongewenste reisbewegingen" in theme("terrorisme").summary
    assert "undesirable travel movements" in theme("terrorisme").summary_en
    assert "geborgd kunnen worden" in theme("europa").summary and "wil het kabinet" not in theme("europa").summary
    assert "wants to" not in theme("europa").summary_en
    assert (
        "waar relevant" in theme("rechtvaardigheid").summary
        and "where relevant" in theme("rechtvaardigheid").summary_en
    )
    visit = next(p for p in theme("burgers").points if "Bangladesh" in p.text)
    assert "ertoe leidde dat de Raad" in visit.text and "led to the Council" in visit.text_en
    assert "hulp" not in theme("burgers").title and "aid" not in theme("burgers").title_en.split()


def test_the_december_debate_keeps_kaags_point(corpus):
    (event,) = [e for e in corpus.events if e.date == "2018-12"]
    assert "de beste manier is om toekomstige conflicten te voorkomen" in event.label
    assert "the best way to prevent future conflicts" in event.label_en
