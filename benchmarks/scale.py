"""Scale benchmark: the same loader and search engine on a corpus 10×, 100× and 1000× the letter.

The synthetic corpus is made from the letter's real paragraphs. Every copy
perturbs the vocabulary: each word of four or more letters is, with a
heavy-tailed (Zipf-like) chance, replaced by one of an unbounded number of
variants of itself (``rohingya`` → ``rohingyab``, ``rohingyaqd``, …), so the
vocabulary keeps growing with the text, sub-linearly as real vocabularies do
(Heaps' law), and the index cannot profit from exact repeats. It is written as
a real data folder (the letter's other files, a scaled paragraphs.toml) and
read through the real loader, with validation and without the cache.

For each scale it reports the load time (TOML + validation), the index build
time, and the median time of exact, typo, English and multi-word queries.

For the larger scales (``--cli-scales``, default 100 and 1000) it also runs one
whole CLI search as a user would (`python -m vr2018 search rohinga` with
VR2018_DATA pointing at the synthetic folder and a cache folder of its own) and
reports its wall time and peak memory: the first run, which loads the TOML and
writes the cache, and the median of the runs after it, answered from the cache.
Every command loads what it uses, so this is what a user would feel.

    python benchmarks/scale.py                 # 1, 10, 100 and 1000 times the letter
    python benchmarks/scale.py --scales 1 10   # quicker
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["VR2018_CACHE"] = "off"  # measure the loader itself, not the cache

from vr2018.corpus.load import data_dir  # noqa: E402
from vr2018.corpus.loader import load as _load  # noqa: E402
from vr2018.corpus.model import Paragraph  # noqa: E402
from vr2018.corpus.schema import field_types  # noqa: E402
from vr2018.search import build_index, search_index  # noqa: E402

QUERIES = {
    "exact": ["Rohingya", "sancties", "Curaçao", "resolutie 2396"],
    "typo": ["rohinga", "klimaatverandring", "mensenhandelaars", "Rhugenaath"],
    "english": ["climate change", "human trafficking", "North Korea sanctions", "peacekeeping"],
    "multi-word": [
        "noord korea sancties diplomatieke proces",
        "veilige terugkeer vluchtelingen Myanmar",
        "chemische wapens Syrië Salisbury",
    ],
}
WORD = re.compile(r"[^\W\d_]{4,}")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def variant(word: str, n: int) -> str:
    """The n-th variant of a word (0 is the word itself)."""
    suffix = ""
    while n:
        n, r = divmod(n - 1, 26)
        suffix = LETTERS[r] + suffix
    return word + suffix


def perturb(text: str, rng: random.Random) -> str:
    def replace(match: re.Match[str]) -> str:
        n = int(rng.paretovariate(1.0)) - 1  # mostly 0 (the word itself), sometimes a rare variant
        return variant(match.group(), n)

    return WORD.sub(replace, text)


def toml_value(value: str | int | tuple[str, ...]) -> str:
    """A string, integer or tuple of strings as TOML: JSON's notation is valid TOML for these."""
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def write_corpus(source: Path, target: Path, copies: int, seed: int = 2019) -> None:
    """A data folder like the letter's, with ``copies`` perturbed copies of every paragraph."""
    shutil.copytree(source, target)
    base = _load(source)
    rng = random.Random(seed)
    out = []
    for fragment in sorted({p.fragment for p in base.paragraphs}):  # the loader wants fragments in order
        for copy in range(copies):
            for p in (p for p in base.paragraphs if p.fragment == fragment):
                changed = {"id": p.id if copy == 0 else f"{p.id}-{copy}"}
                if copy:
                    changed |= {"text": perturb(p.text, rng), "text_en": perturb(p.text_en or "", rng)}
                lines = ["[[paragraph]]"]
                for field in field_types(Paragraph):  # every field, so that a new one is never left out
                    value = changed.get(field, getattr(p, field))
                    if value is not None and value != ():
                        lines.append(f"{field} = {toml_value(value)}")
                out.append("\n".join(lines))
    (target / "paragraphs.toml").write_text("\n\n".join(out) + "\n", encoding="utf-8")


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


# Runs one command and prints its peak resident memory (KiB on Linux) as the last line.
_PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def cli_search(folder: Path, cache: Path, runs: int) -> dict:
    """Whole-process `vr2018 search rohinga` on the folder: wall time and peak memory, cold then warm."""
    env = {**os.environ, "VR2018_DATA": str(folder), "VR2018_CACHE": str(cache), "NO_COLOR": "1"}
    command = [sys.executable, "-c", _PEAK, sys.executable, "-m", "vr2018", "search", "rohinga"]
    samples = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        samples.append((time.perf_counter() - start, int(done.stdout.split()[-1]) / 1024))
    cold, warm = samples[0], samples[1:]
    return {
        "cold_s": round(cold[0], 3),
        "cold_peak_mib": round(cold[1], 1),
        "warm_s": round(statistics.median(t for t, _ in warm), 3),
        "warm_peak_mib": round(max(m for _, m in warm), 1),
    }


def measure(copies: int, workdir: Path, runs: int, cli: bool = False) -> dict:
    folder = workdir / f"x{copies}"
    workdir.mkdir(parents=True, exist_ok=True)
    write_corpus(data_dir(), folder, copies)
    corpus, load_s = timed(_load, folder)
    index, build_s = timed(build_index, corpus.paragraphs, corpus.glossary)
    gc.collect()  # the garbage of building, not of searching
    search_index(index, "rohinga")  # warm up: the first typo imports RapidFuzz
    per_kind = {}
    slowest = 0.0
    for kind, queries in QUERIES.items():
        times = []
        for query in queries:
            samples = [timed(search_index, index, query)[1] for _ in range(runs)]
            times.append(statistics.median(samples))
            slowest = max(slowest, max(samples))
        per_kind[kind] = statistics.median(times) * 1000
    tokens = sum(map(len, index.starts_at))  # the Dutch tokens: each paragraph's count
    row = {
        "scale": copies,
        "paragraphs": len(corpus.paragraphs),
        "tokens": tokens,
        "vocabulary": len(index.vocabulary),
        "load_s": round(load_s, 3),
        "build_s": round(build_s, 3),
        "query_ms": {k: round(v, 2) for k, v in per_kind.items()},
        "slowest_query_ms": round(slowest * 1000, 2),
    }
    if cli:
        del corpus, index
        gc.collect()
        row["cli"] = cli_search(folder, workdir / "cache", runs)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--runs", type=int, default=5, help="runs of each query (median)")
    parser.add_argument(
        "--cli-scales",
        type=int,
        nargs="*",
        default=[100, 1000],
        help="scales at which to time one whole CLI search too",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="vr2018-scale-") as tmp:
        rows = [measure(n, Path(tmp) / str(i), args.runs, n in args.cli_scales) for i, n in enumerate(args.scales)]
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    kinds = list(QUERIES)
    print(
        f"{'scale':>6}{'paragraphs':>12}{'tokens':>10}{'vocab':>9}{'load s':>9}{'build s':>9}"
        + "".join(f"{k + ' ms':>14}" for k in kinds)
        + f"{'slowest ms':>12}"
    )
    for r in rows:
        print(
            f"{r['scale']:>5}×{r['paragraphs']:>12}{r['tokens']:>10}{r['vocabulary']:>9}{r['load_s']:>9.2f}"
            f"{r['build_s']:>9.2f}"
            + "".join(f"{r['query_ms'][k]:>14.2f}" for k in kinds)
            + f"{r['slowest_query_ms']:>12.2f}"
        )
    cli_rows = [r for r in rows if "cli" in r]
    if cli_rows:
        print(
            f"\n`vr2018 search rohinga`, whole process:\n{'scale':>6}{'first run s':>13}{'peak MiB':>10}"
            f"{'cached s':>10}{'peak MiB':>10}"
        )
        for r in cli_rows:
            c = r["cli"]
            print(
                f"{r['scale']:>5}×{c['cold_s']:>13.2f}{c['cold_peak_mib']:>10.0f}{c['warm_s']:>10.2f}"
                f"{c['warm_peak_mib']:>10.0f}"
            )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        grow = last["tokens"] / first["tokens"]
        print(
            f"\nfrom {first['scale']}× to {last['scale']}×: text ×{grow:.0f}, "
            f"vocabulary ×{last['vocabulary'] / first['vocabulary']:.0f}, "
            + ", ".join(f"{k} queries ×{last['query_ms'][k] / max(first['query_ms'][k], 1e-3):.0f}" for k in kinds)
        )


if __name__ == "__main__":
    main()
