"""A failure is one line on stderr, whatever else the run had to say (found by a bad-input hunt)."""

from __future__ import annotations

import os

import pytest
from conftest import run


@pytest.mark.parametrize("argv", [["search", "zzzqqq"], ["show", "99"]])
def test_a_failure_with_an_unwritable_cache_is_still_one_line(argv):
    done = run(argv, env={"VR2018_CACHE": os.devnull})
    lines = done.stderr.decode().splitlines()
    assert done.returncode in (1, 2)
    assert len(lines) == 1 and lines[0].startswith("vr2018: "), lines


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_disk_is_said_in_one_line_not_as_an_internal_error():
    import subprocess
    import sys

    env = {**os.environ, "VR2018_NO_PAGER": "1", "LANG": "C.UTF-8"}
    env.pop("LANGUAGE", None)
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "vr2018", "read"], stdout=full, stderr=subprocess.PIPE, env=env, timeout=60
        )
    err = done.stderr.decode()
    assert done.returncode == 2
    assert err.count("\n") == 1 and err.startswith("vr2018: ") and "internal error" not in err


def test_usage_errors_the_bundled_click_writes_in_english_are_dutch_under_a_dutch_locale():
    for argv, dutch in ((["show", "3", "-C", "x"], "geen geheel getal"), (["search", "x", "--json=1"], "geen waarde")):
        done = run(argv, env={"LANG": "nl_NL.UTF-8"})
        assert dutch in done.stderr.decode(), done.stderr
