"""docs/screenshots.py makes the SVGs shown in README.md and docs/*.md from the real command line."""

from __future__ import annotations

import importlib.util
import re
from html import unescape
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "docs" / "screenshots.py"


@pytest.fixture(scope="module")
def shots():
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def svg_text(path: Path) -> str:
    """The visible text of a Rich SVG export (spans joined, entities decoded)."""
    return unescape("".join(re.findall(r">([^<>]*)</text>", path.read_text(encoding="utf-8")))).replace("\xa0", " ")


def test_screenshot_is_the_commands_real_output(shots, tmp_path, invoke):
    assert shots.main(["timeline", "--out", str(tmp_path)]) == 0
    text = svg_text(tmp_path / "timeline.svg")
    assert "$ vr2018 timeline --theme caribisch" in text
    for line in invoke(*shots.SHOTS["timeline"]).stdout.split("\n"):
        for word in line.split():
            assert word in text


def test_every_listed_screenshot_runs(shots, tmp_path):
    assert shots.main(["--out", str(tmp_path)]) == 0
    assert sorted(p.stem for p in tmp_path.glob("*.svg")) == sorted(shots.SHOTS)


def test_check_mode_spots_drift(shots, tmp_path):
    assert shots.main(["show", "--check", "--out", str(tmp_path)]) == 1  # nothing there yet
    assert shots.main(["show", "--out", str(tmp_path)]) == 0
    assert shots.main(["show", "--check", "--out", str(tmp_path)]) == 0
    (tmp_path / "show.svg").write_text("stale", encoding="utf-8")
    assert shots.main(["show", "--check", "--out", str(tmp_path)]) == 1


def test_a_failing_command_stops_the_script(shots, monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(shots.SHOTS, "broken", ["show", "no-such-paragraph"])
    assert shots.main(["broken", "--out", str(tmp_path)]) == 2
    assert "no-such-paragraph" in capsys.readouterr().err
    assert not (tmp_path / "broken.svg").exists()


def test_plain_output_is_captured_too(shots):
    console = shots.record(["cite"])
    assert "BZDOC-151021554-15" in console.export_text()


def test_committed_screenshots_exist(shots):
    for name in shots.SHOTS:
        assert (SCRIPT.parent / f"{name}.svg").is_file(), f"run python docs/screenshots.py {name}"
