"""Start-up benchmark: whole-process wall time of vr2018 commands, side by side.

Each command is compared, in the same run and with runs interleaved, with the
imports it cannot avoid (``python -c "import typer, rich.console,
rapidfuzz.process"``), with those imports run as vr2018 runs (garbage collector
off, everything frozen at exit; see vr2018/__main__.py), and with ``python -c
pass``, all in this environment.
The machines are shared and noisy, so only the ratios measured here mean
anything; the absolute times are printed for orientation.

    python benchmarks/startup.py            # 30 rounds
    python benchmarks/startup.py --rounds 60 --json
    python benchmarks/startup.py --vs /tmp/old/bin/vr2018   # also an earlier release, side by side

``--vs`` times another installed vr2018 (for example the previous release, in a
venv of its own: ``python -m venv /tmp/old && /tmp/old/bin/pip install
git+file://$PWD@c894d91``) on the same searches, interleaved with this one,
and prints each of this one's searches as a ratio of the other's.

Run it after ``pip install .`` (it calls the ``vr2018`` found beside this
Python, or ``python -m vr2018`` when there is none).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASELINE = "import typer, rich.console, rapidfuzz.process"
# The same imports with the garbage collector handled as vr2018's entry point handles it
# (off while running, everything frozen at exit: vr2018/__main__.py). Part of what vr2018
# saves there the baseline would save too; this row says how much.
BASELINE_NO_GC = f"import gc; gc.disable(); {BASELINE}; gc.freeze()"


def vr2018_command() -> list[str]:
    beside = Path(sys.executable).with_name("vr2018")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("vr2018")
    return [found] if found else [sys.executable, "-m", "vr2018"]


def cases(other: str | None = None) -> dict[str, list[str]]:
    tool = vr2018_command()
    earlier = (
        {
            "other search Rohingya": [other, "search", "Rohingya"],
            "other search Rohingya --json": [other, "search", "Rohingya", "--json"],
            "other search security": [other, "search", "security"],
        }
        if other
        else {}
    )
    return {
        **earlier,
        "python -c pass": [sys.executable, "-c", "pass"],
        "import baseline": [sys.executable, "-c", BASELINE],
        "import baseline, collector off": [sys.executable, "-c", BASELINE_NO_GC],
        "vr2018 --version": [*tool, "--version"],
        "vr2018 search Rohingya": [*tool, "search", "Rohingya"],
        "vr2018 search Rohingya --json": [*tool, "search", "Rohingya", "--json"],
        "vr2018 search security --lang en": [*tool, "search", "security", "--lang", "en"],
        "vr2018 theme klimaat": [*tool, "theme", "klimaat"],
        "vr2018 motions --kamerstuk": [*tool, "motions", "--kamerstuk"],
    }


def run_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"startup: {' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[:200]}")
    return elapsed


def interleaved(
    commands: dict[str, list[str]], rounds: int, env: dict[str, str], warm_up: bool = True
) -> dict[str, float]:
    """The median wall time of each command over ``rounds`` interleaved rounds (every
    round runs every command once, so a shared machine's noise falls on all alike),
    after one warm-up run of each (unless not ``warm_up``: figures then include a cold start)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values() if warm_up else ():  # warm the file cache (and the corpus cache) once
        run_once(argv, env)
    for _ in range(rounds):
        for name, argv in commands.items():
            times[name].append(run_once(argv, env))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--vs", metavar="VR2018", help="another vr2018 executable to time side by side")
    parser.add_argument("--no-warm-up", action="store_true", help="skip the warm-up runs (the test suite's check)")
    args = parser.parse_args()

    env = {**os.environ, "VR2018_NO_PAGER": "1", "NO_COLOR": "1"}
    commands = cases(args.vs)
    median = interleaved(commands, args.rounds, env, warm_up=not args.no_warm_up)
    base, bare = median["import baseline"], median["python -c pass"]
    base_no_gc = median["import baseline, collector off"]
    rows = [
        {
            "command": name,
            "median_ms": round(median[name] * 1000, 1),
            "vs_import_baseline": round(median[name] / base, 3),
            "vs_baseline_collector_off": round(median[name] / base_no_gc, 3),
            "vs_python_pass": round(median[name] / bare, 2),
        }
        for name in commands
    ]
    # this release's searches against the other's: the same query, English matched by its own language
    pairs = {
        "vr2018 search Rohingya": "other search Rohingya",
        "vr2018 search Rohingya --json": "other search Rohingya --json",
        "vr2018 search security --lang en": "other search security",
    }
    versus = {mine: round(median[mine] / median[theirs], 3) for mine, theirs in pairs.items() if theirs in median}
    if args.json:
        print(
            json.dumps(
                {"rounds": args.rounds, "python": sys.version.split()[0], "results": rows, "vs_other": versus}, indent=2
            )
        )
        return
    print(f"start-up, median of {args.rounds} interleaved rounds (Python {sys.version.split()[0]})")
    print(f"{'command':<34}{'median':>10}{'× baseline':>13}{'× no-GC base':>14}{'× pass':>9}")
    for row in rows:
        print(
            f"{row['command']:<34}{row['median_ms']:>8.1f}ms{row['vs_import_baseline']:>13.3f}"
            f"{row['vs_baseline_collector_off']:>14.3f}{row['vs_python_pass']:>9.2f}"
        )
    print(f'\nimport baseline = python -c "{BASELINE}"')
    print(f'no-GC base      = python -c "{BASELINE_NO_GC}"')
    for mine, ratio in versus.items():
        print(f"{mine:<34}{ratio:>8.3f}× the other vr2018 ({args.vs})")


if __name__ == "__main__":
    main()
