"""Every benchmark still runs, at its smallest setting.

The benchmarks are not timed here (speed targets live in the benchmarks, read
side by side, never in timed tests); this only keeps them working as the data
and the code change. scale.py once broke silently when paragraphs got new fields.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

SMALLEST = {
    "startup.py": ["--rounds", "1", "--no-warm-up", "--json"],
    "scale.py": ["--scales", "1", "--cli-scales", "1", "--runs", "1", "--json"],
    "export.py": ["--rounds", "1", "--no-warm-up", "--json"],
    "inprocess.py": ["--runs", "1"],
    "search_quality.py": [],
}


def test_every_benchmark_is_listed_here():
    assert sorted(p.name for p in BENCHMARKS.glob("*.py")) == sorted(SMALLEST)


@pytest.mark.parametrize("name", sorted(SMALLEST))
def test_benchmark_runs(name, tmp_path):
    env = {**os.environ, "VR2018_CACHE": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *SMALLEST[name]],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip(), name
    if "--json" in SMALLEST[name]:
        figures = json.loads(done.stdout)
        if name == "startup.py":  # the same run, not a second one (each costs some 20 processes)
            startup_compares_with_the_baseline_run_as_vr2018_runs(figures)


def startup_compares_with_the_baseline_run_as_vr2018_runs(figures):
    """The honest second baseline: the same imports with the collector handled as vr2018's entry point does."""
    rows = {row["command"]: row for row in figures["results"]}
    assert {"import baseline", "import baseline, collector off"} <= rows.keys()
    assert all("vs_baseline_collector_off" in row for row in rows.values())
