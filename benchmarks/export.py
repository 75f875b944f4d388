"""Export benchmark: whole-process wall time of `vr2018 export FORMAT`, side by side
with `vr2018 read --json` (issue 13: every format under 3× that).

Runs are interleaved (every round runs every case once) so that the noise of a
shared machine falls on all cases alike; only the ratios mean anything. Files
go to a temporary folder and are overwritten with --force on every run; the
corpus cache is a fresh one there, warmed by the first run.

    python benchmarks/export.py             # 20 rounds
    python benchmarks/export.py --rounds 40 --json

Run it after ``pip install .`` (it calls the ``vr2018`` found beside this
Python, or ``python -m vr2018`` when there is none).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import interleaved, vr2018_command  # noqa: E402

from vr2018.export import TABLES  # noqa: E402

LIMIT = 3.0  # × read --json


def cases(folder: str) -> dict[str, list[str]]:
    tool = vr2018_command()
    out = {
        "vr2018 read --json": [*tool, "read", "--json"],
        "export markdown": [*tool, "export", "markdown"],
        "export jsonl": [*tool, "export", "jsonl"],
        "export sqlite FILE": [*tool, "export", "sqlite", f"{folder}/vr2018.db", "--force"],
        "export metadata": [*tool, "export", "metadata"],
    }
    for table in TABLES:
        out[f"export csv {table}"] = [*tool, "export", "csv", table]
    out["export markdown -o FILE"] = [*tool, "export", "markdown", "-o", f"{folder}/vr2018.md", "--force"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-warm-up", action="store_true", help="skip the warm-up runs (the test suite's check)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="vr2018-export-bench-") as folder:
        # a cache of its own, warm after the first run, as a user's would be
        env = {**os.environ, "VR2018_NO_PAGER": "1", "NO_COLOR": "1", "VR2018_CACHE": f"{folder}/cache"}
        commands = cases(folder)
        median = interleaved(commands, args.rounds, env, warm_up=not args.no_warm_up)

    base = median["vr2018 read --json"]
    rows = [
        {"command": name, "median_ms": round(median[name] * 1000, 1), "vs_read_json": round(median[name] / base, 2)}
        for name in commands
    ]
    worst = max(row["vs_read_json"] for row in rows)
    if args.json:
        print(
            json.dumps(
                {
                    "rounds": args.rounds,
                    "python": sys.version.split()[0],
                    "limit": LIMIT,
                    "worst": worst,
                    "results": rows,
                },
                indent=2,
            )
        )
        return
    print(f"export, median of {args.rounds} interleaved rounds (Python {sys.version.split()[0]})")
    print(f"{'command':<28}{'median':>10}{'× read --json':>15}")
    for row in rows:
        print(f"{row['command']:<28}{row['median_ms']:>8.1f}ms{row['vs_read_json']:>15.2f}")
    print(f"\nworst: {worst:.2f}× read --json (target < {LIMIT:.0f}×): {'ok' if worst < LIMIT else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
