"""The console script turns Python's cyclic garbage collector off and freezes what is left
at exit (vr2018.__main__). That is sound only while a command makes little garbage in
reference cycles: with the collector off, such garbage stays until the process ends.

Each command runs here as the console script runs it, in a process of its own (what a
command imports is part of what it leaves behind), and then the collector counts what it
would have freed. A change that made a command leave cycles by the thousand (one per word
of the letter, say) fails here instead of silently growing memory.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from vr2018.cli import main as cli

# Every command once (as a user most often runs it), and the runs that take other paths:
# --json, nothing found, the overview (it builds every command), no cache.
RUNS = [
    ["search", "Rohingya"],
    ["theme", "klimaat"],
    ["motions"],
    ["refs"],
    ["read"],
    ["toc"],
    ["show", "iran-2231"],
    ["timeline"],
    ["people"],
    ["cite", "iran-2231"],
    ["info"],
    ["export", "jsonl"],
    ["help", "search"],
    ["search", "Rohingya", "--json"],
    ["search", "zzqqxx"],
    [],
]
NO_CACHE = ["search", "Rohingya"]
# About 600 objects a command today (1,200 for help and the overview, which build every
# command's parameters); the bound leaves room for ordinary change, not for a leak per record.
BOUND = 2_000

PROBE = """
import gc, sys

frozen = []
gc.freeze = lambda: frozen.append(True)  # the console script freezes at exit: count before that
report, sys.argv = sys.argv[1], ["vr2018", *sys.argv[2:]]
from vr2018.__main__ import run

try:
    run()
    code = 0
except SystemExit as exit:
    code = exit.code or 0
collector_was_on = gc.isenabled()
found = gc.collect()
with open(report, "w") as f:
    f.write(f"{code} {int(collector_was_on)} {len(frozen)} {found}")
"""


def cyclic_garbage(args: list[str], tmp_path, **env: str) -> int:
    """What the collector finds after ``vr2018 ARGS``, run as the console script runs it."""
    report = tmp_path / "report"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), *args],
        env={**os.environ, "VR2018_NO_PAGER": "1", **env},
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert report.exists(), done.stderr.decode()
    code, collector_was_on, frozen, found = map(int, report.read_text().split())
    assert code in (0, 1), done.stderr.decode()
    assert not collector_was_on, "the console script no longer turns the collector off"
    assert frozen == 1, "the console script no longer freezes what is left at exit"
    return found


def test_every_command_is_measured():
    measured = {args[0] for args in RUNS if args}
    assert measured >= {cli._name(c) for c in cli.app.registered_commands}


@pytest.mark.parametrize("args", RUNS, ids=lambda a: " ".join(a) or "overview")
def test_a_command_leaves_little_cyclic_garbage(args, tmp_path):
    found = cyclic_garbage(args, tmp_path)
    assert 0 < found < BOUND, found  # none at all: the probe no longer sees the command's garbage


def test_building_the_corpus_leaves_little_cyclic_garbage(tmp_path):
    """Without a cache the data files are parsed and the index built in the process."""
    found = cyclic_garbage(NO_CACHE, tmp_path, VR2018_CACHE="off")
    assert 0 < found < BOUND, found
