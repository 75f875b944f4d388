"""Search quality: recall@1, recall@3 and mean reciprocal rank on realistic queries.

    python benchmarks/search_quality.py            # in-process, through vr2018.search
    python benchmarks/search_quality.py --cli      # the same, through `vr2018 search QUERY --json`
    python benchmarks/search_quality.py -v         # also list every query that misses rank 1

Each query is what a user might type (typos, missing accents, English, news
vocabulary, several words, names, numbers) with the paragraph id(s) it must
find; where the letter says the same thing in two paragraphs both are listed.

DEV was written before the engine existed and was then used for tuning; its
failures are kept, not deleted. HELD_OUT was written after tuning ended and was
never tuned on. Both were written by the engine's author, who knew the
glossary. UNSEEN (queries_unseen.json) was written by someone who had read only
the letter, never the engine, the glossary or the other queries, and was run
once, untuned: it is the honest estimate of what a stranger gets.

QUESTIONS (queries_questions.json) are realistic questions, in Dutch and in
English, as a reader would ask them ("Wanneer bezocht de Veiligheidsraad
Myanmar?", "Who hacked the OPCW?"), each with the paragraph that answers it.
ABSENT (queries_absent.json) are questions about things the letter never
mentions (Srebrenica, Venezuela, Brexit): a query is handled correctly when it
finds nothing, or when every hit names each absent term in its ``missing``.
Both sets were written from the letter before the engine was tuned for them
(issue 12) and are kept as they are when queries fail.

EN-DEV (queries_english_dev.json) are English-only queries, plain words and short
questions, written from the English rendering before English search was tuned
(issue 11), then used for tuning. EN-UNSEEN (queries_english_unseen.json) was
written by someone else and not opened until tuning was done; run once.

PRECISION (queries_precision_absent.json, queries_precision_names.json) was written
before the search rework of issue 18, then used for tuning it: probes for what the letter
never names (many of them lookalikes of its words, in both languages: Servië/Service,
Crimea/crime, Kamerun/Kamer), each of whose hits is a false match; and probes for names
it does use, or several-word questions with one rare word, each of whose hits must name
that word (``must_name``: any of the spellings, as whole words of the paragraph's Dutch or
English, or a form of five letters or more starting or ending one of its words).
PRECISION-UNSEEN (queries_precision_unseen.json) was written the same way by someone who
had read only the letter, and was run once, untuned. Each reports hits per query and the
false-match rate: the share of all hits returned that do not say what was asked.

Q-UNSEEN (queries_questions_unseen.json: 20 Dutch and 20 English questions) and
ABSENT-UNSEEN (queries_absent_unseen.json) were written after all tuning, by
someone who had read only the letter, and were run once as they came: the
honest figures for questions and for topics the letter does not mention.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

# (query, acceptable paragraph ids)
DEV: list[tuple[str, tuple[str, ...]]] = [
    # names, places, typos, accents
    ("Rohingya", ("myanmar-rohingya",)),
    ("rohinga", ("myanmar-rohingya",)),
    ("Birma vluchtelingen", ("myanmar-rohingya",)),
    ("Burma refugees return", ("myanmar-rohingya",)),
    ("arms embargo Myanmar", ("myanmar-rohingya",)),
    ("Security Council visit Bangladesh April 2018", ("myanmar-rohingya",)),
    ("UNHCR access", ("myanmar-rohingya",)),
    ("Kuzu Van den Hul", ("myanmar-rohingya",)),
    ("curacao climate", ("water-klimaat-expertise",)),
    ("Curaçao", ("water-klimaat-expertise",)),
    ("Rhugenaath", ("water-klimaat-expertise",)),
    ("water scarcity", ("water-klimaat-expertise",)),
    ("klimaatverandering stabiliteit", ("water-klimaat-expertise",)),
    ("small island states", ("water-klimaat-expertise", "caribisch-perspectief")),
    ("haiti", ("caribisch-perspectief",)),
    ("Wever Croes", ("caribisch-perspectief",)),
    ("Romeo Marlin Sint Maarten", ("caribisch-perspectief",)),
    ("children armed conflict", ("caribisch-perspectief",)),
    ("sanctions committee North Korea", ("sanctiecomite-noord-korea",)),
    ("sanction evasion north korea", ("sanctiecomite-noord-korea",)),
    ("humanitarian consequences sanctions", ("sanctiecomite-noord-korea",)),
    ("Pompeo", ("blok-noord-korea",)),
    ("DPRK unity council", ("blok-noord-korea",)),
    ("Iran nuclear deal resolution 2231", ("iran-2231",)),
    ("ballistic missiles Iran", ("iran-2231",)),
    ("Trump Rutte", ("rutte-26-september",)),
    ("chemical weapons Salisbury", ("rutte-26-september",)),
    ('"behoud van de nucleaire deal"', ("rutte-26-september",)),
    ("OPCW hack GRU", ("opcw-hack",)),
    ("Russian military intelligence The Hague", ("opcw-hack",)),
    ("Burundi", ("voorkomen-burundi-kameroen",)),
    ("Cameroon", ("voorkomen-burundi-kameroen",)),
    ("famine resolution", ("conflict-en-honger",)),
    ("starvation as a weapon of war", ("conflict-en-honger",)),
    ("Zuid Soedan", ("conflict-en-honger",)),
    ("hate speech", ("conflict-en-honger",)),
    ("ICC referral Syria", ("rule-of-law-icc",)),
    ("International Criminal Court", ("rule-of-law-icc",)),
    ("prosecution ISIS fighters", ("isis-berechting",)),
    ("mensenhandelaren Libie", ("sancties-mensenhandelaren-libie",)),
    ("human traffickers Libya sanctions", ("sancties-mensenhandelaren-libie",)),
    ("mensenhandel", ("sancties-mensenhandelaren-libie",)),
    ("mensen handel smokkel", ("sancties-mensenhandelaren-libie",)),
    ("smuggling networks", ("sancties-mensenhandelaren-libie",)),
    ("transit countries migration", ("sancties-mensenhandelaren-libie",)),
    ("resolutie 2396", ("contraterrorisme-trip",)),
    ("passenger name records", ("contraterrorisme-trip",)),
    ("foreign fighters", ("contraterrorisme-trip",)),
    ("Travel Information Portal", ("contraterrorisme-trip",)),
    ("terrorism organised crime", ("contraterrorisme-trip",)),
    ("sanctielijst ISIS Al Qaeda", ("contraterrorisme-trip",)),
    ("SDG 16", ("duurzame-ontwikkelingsdoelen",)),
    ("sustainable development goals", ("duurzame-ontwikkelingsdoelen",)),
    ("Kaag december debate conflict development", ("duurzame-ontwikkelingsdoelen",)),
    ("women in peace processes", ("duurzame-ontwikkelingsdoelen",)),
    ("De Graaf motie", ("europese-samenwerking-legacy",)),
    ("handover to new european members", ("europese-samenwerking-legacy", "legacy-kandidatuur-2033")),
    ("African Union peacekeeping", ("afrikaanse-unie",)),
    ("Moussa Faki", ("afrikaanse-unie",)),
    ("vredesmissies maart open debat", ("afrikaanse-unie",)),
    ("1945 primary responsibility", ("veiligheidsraad-1945",)),
    ("Skripal Russia confrontation", ("dynamiek-permanente-leden",)),
    ("veto elected members", ("invloed-gekozen-leden",)),
    ("penholder", ("invloed-gekozen-leden",)),
    ("diplomats New York", ("invloed-gekozen-leden",)),
    ("kandidatuur 2033", ("legacy-kandidatuur-2033",)),
    ("next term on the security council 2033-2034", ("legacy-kandidatuur-2033",)),
    ("legacy", ("legacy-kandidatuur-2033",)),
    ("Italie shared term", ("inleiding",)),
    ("MH17", ("inleiding",)),
    ("priorities letter october 2017", ("inleiding",)),
    ("human suffering", ("burgers-inzet",)),
    ("protection of civilians", ("burgers-inzet",)),
]

# Written after tuning on DEV had finished; never tuned on.
HELD_OUT: list[tuple[str, tuple[str, ...]]] = [
    ("Myanmarese autoriteiten druk", ("myanmar-rohingya",)),
    ("safe voluntary return refugees", ("myanmar-rohingya",)),
    ("Aruba kinderen gewapend conflict", ("caribisch-perspectief",)),
    ("Sint-Maarten Haiti briefing", ("caribisch-perspectief",)),
    ("klimaat veiligheid 11 juli", ("water-klimaat-expertise",)),
    ("kennisinstituten bedrijfsleven", ("water-klimaat-expertise",)),
    ("noordkorea sanctieontduiking", ("sanctiecomite-noord-korea",)),
    ("Blok 27 september", ("blok-noord-korea",)),
    ("ballistische raketten Iran", ("iran-2231",)),
    ("Europese Unie Iran samenwerking", ("iran-2231",)),
    ("chemische wapens ongestraft", ("rutte-26-september",)),
    ("cyberattack OPCW Den Haag", ("opcw-hack",)),
    ("Kameroen Burundi", ("voorkomen-burundi-kameroen",)),
    ("uithongering oorlogswapen", ("conflict-en-honger",)),
    ("hungersnood", ("conflict-en-honger",)),
    ("doorverwijzing Strafhof", ("rule-of-law-icc",)),
    ("smokkel Libya", ("sancties-mensenhandelaren-libie",)),
    ("PNR terrorists travel", ("contraterrorisme-trip",)),
    ("ISIS sanctions list 10 individuals", ("contraterrorisme-trip",)),
    ("gender equality SDG 5", ("duurzame-ontwikkelingsdoelen",)),
    ("AU cooperation UN", ("afrikaanse-unie",)),
    ("Verenigde Naties verantwoordelijkheid", ("veiligheidsraad-1945",)),
    ("patstelling Syrie", ("dynamiek-permanente-leden",)),
    ("postennet diplomaten", ("invloed-gekozen-leden",)),
    ("kandidaat veiligheidsraad 2033", ("legacy-kandidatuur-2033",)),
]


UNSEEN_FILE = Path(__file__).with_name("queries_unseen.json")
QUESTIONS_FILE = Path(__file__).with_name("queries_questions.json")
ABSENT_FILE = Path(__file__).with_name("queries_absent.json")
QUESTIONS_UNSEEN_FILE = Path(__file__).with_name("queries_questions_unseen.json")
ABSENT_UNSEEN_FILE = Path(__file__).with_name("queries_absent_unseen.json")
PRECISION_FILES = {
    "precision": ("queries_precision_absent.json", "queries_precision_names.json"),
    "prec-unseen": ("queries_precision_unseen.json",),
}


def unseen() -> list[tuple[str, tuple[str, ...]]]:
    return [(q["query"], (q["expect"],)) for q in json.loads(UNSEEN_FILE.read_text(encoding="utf-8"))]


def questions(lang: str | None = None, path: Path = QUESTIONS_FILE) -> list[tuple[str, tuple[str, ...]]]:
    return [
        (q["query"], (q["expect"],) if isinstance(q["expect"], str) else tuple(q["expect"]))
        for q in json.loads(path.read_text(encoding="utf-8"))
        if lang is None or q["lang"] == lang
    ]


def english(which: str) -> list[tuple[str, tuple[str, ...]]]:
    """English-only queries (``queries_english_dev.json``, ``queries_english_unseen.json``)."""
    path = Path(__file__).with_name(f"queries_english_{which}.json")
    queries = json.loads(path.read_text(encoding="utf-8"))
    return [(q["query"], (q["expect"],) if isinstance(q["expect"], str) else tuple(q["expect"])) for q in queries]


def absent(path: Path = ABSENT_FILE) -> list[tuple[str, tuple[str, ...]]]:
    return [(q["query"], tuple(q["absent"])) for q in json.loads(path.read_text(encoding="utf-8"))]


def engine_hits(limit: int = 10) -> Callable[[str], list[dict]]:
    """Each hit as {"id", "missing", "outside"}: its paragraph, the query terms it lacks, and
    the terms it matched only through a glossary bridge labelled "not in the letter"."""
    from vr2018 import load_corpus
    from vr2018.search import search

    corpus = load_corpus()

    def hits(query: str) -> list[dict]:
        found = search(corpus, query, limit=limit).hits
        return [
            {
                "id": h.paragraph.id,
                "text": h.paragraph.text + " " + (h.paragraph.text_en or ""),
                "missing": list(h.missing),
                "outside": [term for term, _, how in h.why if how == "outside"],
            }
            for h in found
        ]

    return hits


def cli_hits(limit: int = 10) -> Callable[[str], list[dict]]:
    def hits(query: str) -> list[dict]:
        done = subprocess.run(
            [sys.executable, "-m", "vr2018", "search", "--json", "--limit", str(limit), "--", query],
            check=False,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        if done.returncode not in (0, 1):
            raise SystemExit(f"vr2018 search {query!r} failed: {done.stderr.strip()}")
        return [
            {
                "id": h["paragraph"]["id"],
                "text": h["paragraph"]["text"] + " " + (h["paragraph"].get("text_en") or ""),
                "missing": h.get("missing", []),
                "outside": [w["term"] for w in h.get("why", []) if w["how"] == "outside"],
            }
            for h in json.loads(done.stdout or "[]")
        ]

    return hits


def evaluate_absent(
    queries: Sequence[tuple[str, tuple[str, ...]]],
    hits: Callable[[str], list[dict]],
    verbose: bool,
    name: str = "absent",
) -> float:
    """The share of queries answered with no hits, or with hits that each name every absent term:
    as missing, or as matched only through a bridge the output labels "not in the letter"."""
    from vr2018.text.fold import fold

    good = silent = 0
    wrong = []
    for query, missing in queries:
        found = hits(query)
        # a name of several words is one term ("nikki haley"): each absent word inside one counts
        named = all(set(missing) <= {w for m in (*h["missing"], *h["outside"]) for w in fold(m).split()} for h in found)
        silent += not found
        if named:
            good += 1
        else:
            wrong.append((query, missing, [h["id"] for h in found[:3]]))
    n = len(queries)
    print(f"{name:<10} {n:>3} queries   handled {good / n:.3f}   (no hits at all: {silent})")
    if verbose:
        for query, missing, top in wrong:
            print(f"    {query!r}: {'/'.join(missing)} not named missing in {', '.join(top)}")
    return good / n


def precision_probes(name: str) -> list[dict]:
    """The probes of one precision set (files that do not exist yet are skipped)."""
    out: list[dict] = []
    for file in PRECISION_FILES[name]:
        path = Path(__file__).with_name(file)
        if path.exists():
            out += json.loads(path.read_text(encoding="utf-8"))
    return out


def names_it(text: str, forms: Sequence[str]) -> bool:
    """The text names one of the forms: as whole words, or (a one-word form of five letters
    or more) as the start or end of one of its words ("klimaat" in "klimaatverandering")."""
    from vr2018.text.fold import words

    found = words(text)
    joined = " " + " ".join(found) + " "
    for form in forms:
        wanted = words(form)
        if " " + " ".join(wanted) + " " in joined:
            return True
        if (
            len(wanted) == 1
            and len(wanted[0]) >= 5
            and any(w.startswith(wanted[0]) or w.endswith(wanted[0]) for w in found)
        ):
            return True
    return False


def evaluate_precision(name: str, hits: Callable[[str], list[dict]], verbose: bool) -> dict[str, float]:
    """Hits per query and the false-match rate: hits that do not name what was asked (any hit
    for a word the letter never uses; a hit without the name for a name or focus probe)."""
    probes = precision_probes(name)
    if not probes:
        return {}
    returned = false = dirty = 0
    wrong = []
    for probe in probes:
        found = hits(probe["query"])
        bad = [h["id"] for h in found if probe["kind"] == "absent" or not names_it(h["text"], probe["must_name"])]
        returned += len(found)
        false += len(bad)
        dirty += bool(bad)
        if bad:
            wrong.append((probe["query"], bad))
    n = len(probes)
    rate = false / returned if returned else 0.0
    print(
        f"{name:<10} {n:>3} probes    hits/query {returned / n:.2f}   false-match rate {rate:.3f}"
        f"   ({false} of {returned} hits; {dirty} probes with one)"
    )
    if verbose:
        for query, bad in wrong:
            print(f"    {query!r}: false {', '.join(bad)}")
    return {"probes": n, "hits_per_query": returned / n, "false_match_rate": rate}


def ranker(hits: Callable[[str], list[dict]]) -> Callable[[str], list[str]]:
    """The paragraph ids a hits function returns, best first."""
    return lambda query: [hit["id"] for hit in hits(query)]


def evaluate(
    name: str, queries: Sequence[tuple[str, tuple[str, ...]]], rank: Callable[[str], list[str]], verbose: bool
) -> dict[str, float]:
    at1 = at3 = 0
    rr = 0.0
    misses = []
    returned = 0
    for query, wanted in queries:
        ids = rank(query)
        returned += len(ids)
        position = next((i for i, pid in enumerate(ids, 1) if pid in wanted), None)
        if position == 1:
            at1 += 1
        if position is not None and position <= 3:
            at3 += 1
        rr += 1 / position if position else 0.0
        if position != 1:
            misses.append((query, wanted, position, ids[:3]))
    n = len(queries)
    per_query = returned / n
    figures = {"queries": n, "recall@1": at1 / n, "recall@3": at3 / n, "mrr": rr / n, "hits_per_query": per_query}
    print(
        f"{name:<10} {n:>3} queries   recall@1 {at1 / n:.3f}   recall@3 {at3 / n:.3f}   MRR {rr / n:.3f}"
        f"   hits/query {per_query:.1f}"
    )
    if verbose:
        for query, wanted, position, top in misses:
            print(f"    {query!r}: wanted {'/'.join(wanted)} at {position or '-'}, got {', '.join(top) or 'nothing'}")
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", action="store_true", help="run every query through `vr2018 search --json`")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the queries that miss rank 1")
    args = parser.parse_args(argv)
    hits = cli_hits() if args.cli else engine_hits()
    rank = ranker(hits)
    dev = evaluate("dev", DEV, rank, args.verbose)
    evaluate("held-out", HELD_OUT, rank, args.verbose)
    stranger = evaluate("unseen", unseen(), rank, args.verbose)
    evaluate("questions", questions(), rank, args.verbose)
    evaluate("  nl", questions("nl"), rank, False)
    evaluate("  en", questions("en"), rank, False)
    evaluate("en-dev", english("dev"), rank, args.verbose)
    evaluate("en-unseen", english("unseen"), rank, args.verbose)
    evaluate_absent(absent(), hits, args.verbose)
    evaluate("q-unseen", questions(path=QUESTIONS_UNSEEN_FILE), rank, args.verbose)
    evaluate("  nl", questions("nl", QUESTIONS_UNSEEN_FILE), rank, False)
    evaluate("  en", questions("en", QUESTIONS_UNSEEN_FILE), rank, False)
    evaluate_absent(absent(ABSENT_UNSEEN_FILE), hits, args.verbose, "absent-unseen")
    evaluate_precision("precision", hits, args.verbose)
    evaluate_precision("prec-unseen", hits, args.verbose)
    good = all(f["recall@3"] >= 0.95 and f["mrr"] >= 0.9 for f in (dev, stranger))
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
