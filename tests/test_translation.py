"""The English rendering (`*_en` fields) is complete and carries over what must not change.

Reads the TOML files in data/ directly, independent of the loader. Every
translatable Dutch field has an English sibling with the suffix ``_en``
directly after it in the same record, and for each pair:

1. the English is there and not empty;
2. every number, Kamerstuk notation, resolution number, all-capitals acronym,
   URL, personal name (data/people.toml), month of a date and quoted title of
   the Dutch is in the English, and the English has no number, acronym, name
   or month the Dutch lacks;
3. both have the same number of sentences (by :mod:`vr2018.letter.sentences`, the
   splitter that numbers ``ID:N``);
4. a paragraph cut off by a missing page is cut off in English too;
5. every key term of the termbase (data/terms.toml) in the Dutch has its one
   rendering in the English.

Lists of names (a paragraph's ``places`` and ``organisations``) have an
English sibling too, one name for one: at the end of the record, carrying over
acronyms and numbers, each name one the English rendering of the paragraph uses.

Each check is parametrised per field, so a failure reads file:record:field.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from vr2018.letter.sentences import texts

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).resolve().parents[1] / "data"

# file → {record path: translatable fields}. A record path is the TOML key of
# an array of tables ("paragraph"), a sub-array of it ("motion.done"), or of
# a plain table ("letter").
TRANSLATABLE: dict[str, dict[str, tuple[str, ...]]] = {
    "paragraphs.toml": {"paragraph": ("text",)},
    "sections.toml": {"section": ("title",)},
    "letter.toml": {"letter": ("title", "salutation", "ministry"), "letter.signatories": ("office",)},
    "references.toml": {"reference": ("as_written", "chamber", "description")},
    "motions.toml": {"motion": ("chamber", "subject"), "motion.done": ("text",)},
    "people.toml": {"person": ("role",), "person.did": ("text",)},
    "events.toml": {"event": ("label",)},
    "themes.toml": {"theme": ("title", "summary"), "theme.points": ("text",)},
}

# file → {record path: list fields whose `_en` sibling names the same things one for one}.
# These siblings are the last lines of their record, not right after their Dutch.
TRANSLATABLE_LISTS: dict[str, dict[str, tuple[str, ...]]] = {
    "paragraphs.toml": {"paragraph": ("places", "organisations")},
}
# letter.toml's address blocks: `lines` and `lines_en`, line for line (test_address_blocks_…).
ADDRESS_BLOCKS = ("addressee", "sender")
# English-only fields: a translator's note, with no Dutch sibling, right after the English it is about.
NOTES: dict[str, dict[str, str]] = {"paragraphs.toml": {"note_en": "text_en"}}

# The one documented exception to "acronyms carried over exactly": Dutch
# abbreviations of names that English abbreviates differently. VN (Verenigde
# Naties), VS (Verenigde Staten) and VK (Verenigd Koninkrijk) left untranslated
# would put Dutch words in the English; they become UN, US and UK, one for one
# (the counts must still match). Every other acronym (KNL, OPCW, ICC, PNR, ...)
# stays exactly as the letter writes it.
ACRONYM_IN_ENGLISH = {"VN": "UN", "VS": "US", "VK": "UK"}

MONTHS = {
    "januari": "January",
    "februari": "February",
    "maart": "March",
    "april": "April",
    "mei": "May",
    "juni": "June",
    "juli": "July",
    "augustus": "August",
    "september": "September",
    "oktober": "October",
    "november": "November",
    "december": "December",
}


def load(name: str) -> dict:
    with (DATA / name).open("rb") as handle:
        return tomllib.load(handle)


def records(doc: dict, path: str):
    """(label, record) for every record at ``path`` ("motion.done" → each motion's each done)."""
    head, _, rest = path.partition(".")
    value = doc.get(head)
    items = [value] if isinstance(value, dict) else list(value or [])
    for index, item in enumerate(items):
        label = item.get("id", head if isinstance(value, dict) else f"{head}[{index}]")
        if not rest:
            yield str(label), item
            continue
        for sub, entry in enumerate(item.get(rest, [])):
            yield f"{label}.{rest}[{sub}]", entry


def collect():
    out = []
    for file, paths in TRANSLATABLE.items():
        doc = load(file)
        for path, fields in paths.items():
            for label, record in records(doc, path):
                for field in fields:
                    if field in record:
                        out.append(pytest.param(file, label, field, record, id=f"{file}:{label}:{field}"))
    return out


CASES = collect()


def norm(text: str) -> str:
    return " ".join(str(text).split())


def pair(record: dict, field: str) -> tuple[str, str]:
    return norm(record[field]), norm(record.get(f"{field}_en", ""))


# ── what must carry over ────────────────────────────────────────────────────

# A number: a digit run with its thousands groups ("26 150") and ranges or
# paths ("2017-2018", "2018/05").
_NUMBER = re.compile(r"\d+(?: \d{3}(?!\d))*(?:[-–/]\d+)*")
_KAMERSTUK = re.compile(r"Kamerstuk \d{2} \d{3}[;,] (?:nr\. )?[0-9A-Z]+")
_RESOLUTIE = re.compile(r"[Rr]esolutie (\d+(?: \(\d{4}\))?)")
_URL = re.compile(r"https?://\S+?(?=[.,;:)]?(?:\s|$))")
_TOKEN = re.compile(r"[A-Za-z0-9]+")
# Two capitals or more and no lower-case letter, except an English plural s ("SDGs").
_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})([A-Z0-9]+)s?")


def numbers(text: str) -> Counter:
    return Counter(_NUMBER.findall(text))


def acronyms(text: str, english: bool) -> Counter:
    found = Counter()
    for token in _TOKEN.findall(text):
        match = _ACRONYM.fullmatch(token)
        if match:
            word = match.group(1)
            found[word if english else ACRONYM_IN_ENGLISH.get(word, word)] += 1
    return found


def person_names() -> list[str]:
    """Every person's name, and each alias that is a name (not "minister Blok")."""
    names = set()
    for person in load("people.toml")["person"]:
        names.add(person["name"])
        names.update(a for a in person.get("aliases", []) if a[:1].isupper())
    return sorted(names)


NAMES = person_names()

# The termbase: a key Dutch term → its one English rendering.
TERMS: dict[str, str] = load("terms.toml")["terms"]


def in_english(name: str) -> str:
    """A name as the English writes it: a Dutch abbreviation in it rendered as the
    termbase says ("De Graaf c.s." → "De Graaf et al.")."""
    for term in sorted(TERMS, key=len, reverse=True):
        if not term[:1].isalpha() or term.endswith("."):  # the abbreviations: "c.s.", "jl."
            name = name.replace(f" {term}", f" {TERMS[term]}")
    return name


def names(text: str, english: bool = False) -> Counter:
    """How often each person's name (and name-like alias) occurs, keyed by its Dutch form."""
    return (
        Counter(
            {
                n: len(re.findall(rf"(?<![\w-]){re.escape(in_english(n) if english else n)}(?![\w-])", text))
                for n in NAMES
            }
        )
        + Counter()
    )


def months(text: str, english: bool) -> Counter:
    if english:
        return Counter(re.findall(r"\b(" + "|".join(MONTHS.values()) + r")\b", text))
    return Counter(MONTHS[m] for m in re.findall(r"\b(" + "|".join(MONTHS) + r")\b", text))


def quoted_titles() -> list[str]:
    """The titles the letter itself quotes (“…”), to be carried over untranslated."""
    return sorted({t for p in load("paragraphs.toml")["paragraph"] for t in re.findall(r"“([^”]+)”", p["text"])})


TITLES = quoted_titles()


# ── sentences ───────────────────────────────────────────────────────────────

# The project's one splitter (vr2018.letter.sentences), the same that numbers the
# sentences `show ID:N` and `cite ID:N` address: the English must have as many.


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: 'nr. XVII', 'c.s.', 'A.M. Kaag' and '(2017). Next' split right."""
    return list(texts(text))


def test_splitter_knows_the_letters_abbreviations():
    assert len(sentences("de leden Kuzu/Van den Hul (Kamerstuk 35 000; nr. XVII) over de terugkeer.")) == 1
    assert len(sentences("De Graaf c.s. Van 1 november. Op 11 juli jl. Hij sprak.")) == 2
    assert len(sentences("De Graaf et al. (Kamerstuk 34 550, D). Next.")) == 2
    assert len(sentences("Dat was het al. Daarna niets.")) == 2  # "al." alone ends a Dutch sentence
    assert len(sentences("Sigrid A.M. Kaag tekende. Zie o.a. Bijlage 2.")) == 2
    assert sentences("resolutie S/RES/2396 (2017). Die stelt PNR verplicht.") == [
        "resolutie S/RES/2396 (2017).",
        "Die stelt PNR verplicht.",
    ]
    assert len(sentences("Zie https://example.org/a.b/c. En verder")) == 2


# ── the checks ──────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("file", "label", "field", "record"), CASES)
def test_english_is_present(file, label, field, record):
    dutch, english = pair(record, field)
    assert english, f"{file}:{label}: '{field}' has no non-empty '{field}_en'"
    # Identical only where the Dutch is itself English ("Secretary of State").
    dutch_words = set(re.findall(r"\w+", dutch.lower())) & DUTCH_FUNCTION_WORDS
    assert english != dutch or not dutch_words, f"{file}:{label}: '{field}_en' is the Dutch unchanged"


DUTCH_FUNCTION_WORDS = {"de", "het", "een", "van", "en", "voor", "met", "aan", "naar", "is", "zijn", "werd", "wordt"}


def _differences(kind: str, dutch: Counter, english: Counter) -> list[str]:
    missing, extra = dutch - english, english - dutch
    out = []
    if missing:
        out.append(f"{kind} missing in English: {sorted(missing.elements())}")
    if extra:
        out.append(f"{kind} not in the Dutch: {sorted(extra.elements())}")
    return out


@pytest.mark.parametrize(("file", "label", "field", "record"), CASES)
def test_english_carries_over_numbers_names_and_notation(file, label, field, record):
    dutch, english = pair(record, field)
    problems = []
    problems += _differences("numbers", numbers(dutch), numbers(english))
    problems += _differences("acronyms", acronyms(dutch, False), acronyms(english, True))
    problems += _differences("names", names(dutch), names(english, english=True))
    problems += _differences("months", months(dutch, False), months(english, True))
    for kamerstuk in _KAMERSTUK.findall(dutch):
        if kamerstuk not in english:
            problems.append(f"Kamerstuk notation missing: {kamerstuk!r}")
    for number in _RESOLUTIE.findall(dutch):
        if not re.search(rf"[Rr]esolution {re.escape(number)}(?!\d)", english):
            problems.append(f"resolution missing: 'resolution {number}'")
    for url in _URL.findall(dutch):
        if url not in english:
            problems.append(f"URL missing: {url}")
    for title in TITLES:
        if title in dutch and title not in english:
            problems.append(f"quoted title missing: {title!r}")
    assert not problems, f"{file}:{label}:{field}_en: " + "; ".join(problems)


@pytest.mark.parametrize(("file", "label", "field", "record"), CASES)
def test_english_has_as_many_sentences(file, label, field, record):
    dutch, english = pair(record, field)
    nl, en = sentences(dutch), sentences(english)
    assert len(nl) == len(en), (
        f"{file}:{label}:{field}_en: {len(en)} sentences, the Dutch has {len(nl)}\n"
        + "\n".join(f"  nl {i}: {s}" for i, s in enumerate(nl, 1))
        + "\n"
        + "\n".join(f"  en {i}: {s}" for i, s in enumerate(en, 1))
    )


CUT = [
    pytest.param(p, id=f"paragraphs.toml:{p['id']}:{p['cut']}")
    for p in load("paragraphs.toml")["paragraph"]
    if p.get("cut")
]


@pytest.mark.parametrize("paragraph", CUT)
def test_cut_paragraphs_are_cut_in_english(paragraph):
    english = norm(paragraph.get("text_en", ""))
    assert english
    if paragraph["cut"] == "end":
        assert english[-1] not in ".!?", (
            f"paragraphs.toml:{paragraph['id']}: text_en must break off, not end a sentence"
        )
    else:
        dutch = norm(paragraph["text"])
        assert english[0].islower() or english[0] == dutch[0], (
            f"paragraphs.toml:{paragraph['id']}: text_en must begin mid-sentence (lower case)"
        )


NOTED = [
    pytest.param(p, id=f"paragraphs.toml:{p['id']}:note_en")
    for p in load("paragraphs.toml")["paragraph"]
    if "note_en" in p
]


@pytest.mark.parametrize("paragraph", NOTED)
def test_a_translators_note_is_english_and_adds_no_fact(paragraph):
    """A note speaks of the translation: English (no Dutch sentence of ours), and naming no
    number, name or acronym that neither the paragraph nor its English has."""
    note = norm(paragraph["note_en"])
    assert note and not set(re.findall(r"\w+", note.lower())) >= {"de", "het", "een"}
    both = norm(paragraph["text"]) + " " + norm(paragraph["text_en"])
    assert not numbers(re.sub(r"\bSentences? \d+", "", note)) - numbers(both)  # "Sentence 3" names its place
    assert not acronyms(note, True) - acronyms(both, True)
    assert not names(note) - names(both)


def test_the_ungrammatical_dutch_sentence_has_its_note():
    """conflict-en-honger's third sentence cannot be parsed as it stands; the English repairs
    it, and says so."""
    (paragraph,) = [p.values[0] for p in NOTED]
    assert paragraph["id"] == "conflict-en-honger"
    assert "Sentence 3" in paragraph["note_en"] and "strafbaar stelt" in paragraph["note_en"]
    assert "strafbaar stelt" in sentences(norm(paragraph["text"]))[2]


def test_there_are_cut_paragraphs_to_check():
    assert {p.values[0]["cut"] for p in CUT} == {"end", "start"}


@pytest.mark.parametrize("file", sorted(TRANSLATABLE))
def test_english_fields_sit_directly_after_their_dutch(file):
    """Only the listed fields have an `_en` sibling, each on the line right after its Dutch;
    a list's sibling comes after every Dutch field of its record, at the end."""
    expected = {f for fields in TRANSLATABLE[file].values() for f in fields}
    lists = {f for fields in TRANSLATABLE_LISTS.get(file, {}).values() for f in fields}
    lists |= {"lines"} if file == "letter.toml" else set()  # the address blocks
    previous_key, seen, at_end = None, set(), False
    for number, line in enumerate((DATA / file).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("["):
            previous_key, seen, at_end = None, set(), False
        key = re.match(r"([A-Za-z_]+) = ", line)
        name = key.group(1) if key else None
        base = name[: -len("_en")] if name and name.endswith("_en") else None
        if name in NOTES.get(file, {}):
            assert previous_key == NOTES[file][name], f"{file}:{number}: '{name}' does not follow '{NOTES[file][name]}'"
            previous_key = name
            continue
        if base in lists:
            assert base in seen, f"{file}:{number}: '{name}' comes before '{base}'"
            at_end = True
        elif base is not None:
            assert base in expected, f"{file}:{number}: '{name}' is not a translatable field"
            assert previous_key == base, f"{file}:{number}: '{name}' does not follow '{base}'"
        if name and at_end:
            assert base in lists, f"{file}:{number}: '{name}' follows the English lists, which end the record"
        if name:
            seen.add(name)
        previous_key = name


# ── the termbase ────────────────────────────────────────────────────────────


def required_renderings(dutch: str) -> list[tuple[str, str]]:
    """(term, rendering) for every termbase term in ``dutch``, as a whole word, case
    aside; a term inside a longer one ("Mensenhandel" in "Samen tegen Mensenhandel")
    asks only for the longer one's rendering."""
    out = []
    for term in sorted(TERMS, key=len, reverse=True):
        pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
        if pattern.search(dutch):
            out.append((term, TERMS[term]))
            dutch = pattern.sub(lambda m: " " * len(m.group()), dutch)
    return out


def has_rendering(english: str, rendering: str) -> bool:
    """The rendering as spelt, or with a capital where a sentence (or the text) begins."""
    if re.search(rf"(?<!\w){re.escape(rendering)}(?!\w)", english):
        return True
    capital = rendering[:1].upper() + rendering[1:]
    return bool(re.search(rf"(?:^|[.!?:]\s+|[“\"(]){re.escape(capital)}(?!\w)", english))


def termbase_problems(dutch: str, english: str) -> list[str]:
    return [
        f"{term!r} → {rendering!r}"
        for term, rendering in required_renderings(dutch)
        if not has_rendering(english, rendering)
    ]


@pytest.mark.parametrize(("file", "label", "field", "record"), CASES)
def test_english_renders_every_key_term_as_the_termbase_does(file, label, field, record):
    dutch, english = pair(record, field)
    problems = termbase_problems(dutch, english)
    assert not problems, f"{file}:{label}:{field}_en: " + "; ".join(problems)


def test_names_and_address_lines_follow_the_termbase_too():
    problems = []
    for file, paths in TRANSLATABLE_LISTS.items():
        for path, fields in paths.items():
            for label, record in records(load(file), path):
                for field in fields:
                    for nl, en in zip(record.get(field, []), record.get(f"{field}_en", []), strict=True):
                        problems += [f"{file}:{label}:{field}: {p}" for p in termbase_problems(nl, en)]
    letter = load("letter.toml")["letter"]
    for block in ADDRESS_BLOCKS:
        for nl, en in zip(letter[block]["lines"], letter[block]["lines_en"], strict=True):
            problems += [f"letter.toml:{block}: {p}" for p in termbase_problems(nl, en)]
    assert problems == []


def test_every_term_is_used_and_the_check_can_fail():
    dutch = " ".join(
        norm(record[field])
        for file, paths in TRANSLATABLE.items()
        for path, fields in paths.items()
        for _, record in records(load(file), path)
        for field in fields
        if field in record
    )
    unused = [t for t in TERMS if not re.search(rf"(?<!\w){re.escape(t)}(?!\w)", dutch, re.IGNORECASE)]
    assert unused == []
    assert TERMS["rechtvaardigheid en gerechtigheid"] == "justice and accountability"
    assert termbase_problems("thema's rechtvaardigheid en gerechtigheid", "themes of fairness and justice") == [
        "'rechtvaardigheid en gerechtigheid' → 'justice and accountability'"
    ]
    assert termbase_problems("tijdens ons Voorzitterschap", "during our Presidency") == [
        "'voorzitterschap' → 'presidency'"
    ]
    assert (
        termbase_problems("Voorzitterschap en penvoerderschap", "Presidency and as penholder.") == []
    )  # a sentence starts
    assert termbase_problems("“Samen tegen Mensenhandel”", "“Samen tegen Mensenhandel”") == [
        "'Samen tegen Mensenhandel' → 'Together against Human Trafficking'"
    ]
    assert required_renderings("VN-Veiligheidsraad") == [("VN-Veiligheidsraad", "UN Security Council")]


# Names the English rendering uses for a thing it does not spell out there
# ("the Council", "your House"), as the Dutch has them (tests/test_fidelity.py).
ENGLISH_ALIASES = {
    "Security Council": "Council",
    "House of Representatives": "House",
    "Kingdom of the Netherlands": "KNL",
}

LIST_CASES = [
    pytest.param(file, label, field, record, id=f"{file}:{label}:{field}_en")
    for file, paths in TRANSLATABLE_LISTS.items()
    for path, fields in paths.items()
    for label, record in records(load(file), path)
    for field in fields
    if record.get(field)
]


@pytest.mark.parametrize(("file", "label", "field", "record"), LIST_CASES)
def test_english_names_are_one_for_one_and_in_the_english_text(file, label, field, record):
    dutch, english = record[field], record.get(f"{field}_en", [])
    assert len(english) == len(dutch), f"{file}:{label}:{field}_en: {english} for {dutch}"
    text_en = norm(record["text_en"])
    for nl, en in zip(dutch, english, strict=True):
        problems = _differences("acronyms", acronyms(nl, False), acronyms(en, True))
        problems += _differences("numbers", numbers(nl), numbers(en))
        shown = (en, re.sub(r" \([A-Z]+\)$", "", en), ENGLISH_ALIASES.get(en, en))
        if not any(re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text_en) for s in shown):
            problems.append(f"{en!r} is not in text_en")
        assert not problems, f"{file}:{label}:{field}_en: {nl!r} → {en!r}: " + "; ".join(problems)


@pytest.mark.parametrize("block", ADDRESS_BLOCKS)
def test_address_blocks_are_rendered_line_for_line(block):
    """Each line's numbers, postcode letters, acronyms and web address carried over; names as places_en gives them."""
    table = load("letter.toml")["letter"][block]
    dutch, english = table["lines"], table["lines_en"]
    assert len(english) == len(dutch)
    places = {
        nl: en
        for p in load("paragraphs.toml")["paragraph"]
        for nl, en in zip(p.get("places", []), p.get("places_en", []), strict=True)
    }
    for nl, en in zip(dutch, english, strict=True):
        problems = _differences("numbers", numbers(nl), numbers(en))
        problems += _differences("acronyms", acronyms(nl, False), acronyms(en, True))
        problems += [f"{name!r} is not {places[name]!r}" for name in places if name in nl and places[name] not in en]
        assert not problems, f"letter.toml:[letter.{block}]: {nl!r} → {en!r}: " + "; ".join(problems)


def test_there_are_english_lists_to_check():
    assert {c.values[2] for c in LIST_CASES} == {"places", "organisations"}
    assert any(c.values[1] == "inleiding" for c in LIST_CASES)


def test_every_record_kind_is_covered():
    """The cases are not empty by accident: every file contributes, paragraphs all 23."""
    files = Counter(case.values[0] for case in CASES)
    assert set(files) == set(TRANSLATABLE)
    assert sum(1 for c in CASES if c.values[0] == "paragraphs.toml") == len(load("paragraphs.toml")["paragraph"]) == 23
