"""In-process benchmark: loading the corpus and answering one query, median of many runs.

    python benchmarks/inprocess.py            # 200 runs each
    python benchmarks/inprocess.py --runs 1000

It reports the loader from the TOML (parse + validation), from the cache file,
the index build, and single queries of each kind against the letter.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

os.environ["VR2018_CACHE"] = tempfile.mkdtemp(prefix="vr2018-bench-cache-")

from vr2018.corpus.cache import cache_file, content_key, load_cached, read_file, save  # noqa: E402
from vr2018.corpus.load import data_dir  # noqa: E402
from vr2018.corpus.loader import load  # noqa: E402
from vr2018.search import build_index, index_for, search  # noqa: E402

QUERIES = ["Rohingya", "rohinga", "Curacao", "noord korea sancties", "human trafficking", '"nucleaire deal"']


def median_ms(function, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    folder = data_dir()
    corpus = load_cached(folder)
    index_for(corpus)
    save(corpus)
    path = cache_file(folder)

    def from_cache():  # the key (the data's bytes hashed), the file read, decoded and checked
        return read_file(path, content_key(folder)[0], folder).corpus

    rows = [
        ("load from TOML (parse + validate)", median_ms(lambda: load(folder), max(args.runs // 10, 5))),
        ("load from the cache file", median_ms(from_cache, args.runs)),
        ("  … and its search index", median_ms(lambda: index_for(from_cache()), args.runs)),
        (
            "build the search index",
            median_ms(lambda: build_index(corpus.paragraphs, corpus.glossary), max(args.runs // 10, 5)),
        ),
    ]
    search(corpus, "rohinga")  # the first typo imports RapidFuzz: not part of a query
    for query in QUERIES:
        rows.append((f"query {query}", median_ms(lambda q=query: search(corpus, q), args.runs)))
    print(f"in-process, median of up to {args.runs} runs")
    for label, ms in rows:
        print(f"  {label:<40}{ms:>9.3f} ms")


if __name__ == "__main__":
    main()
