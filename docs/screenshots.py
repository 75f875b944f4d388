"""Regenerate the screenshots in docs/ from the real command line, so they never drift.

Each screenshot runs one vr2018 command in-process, exactly as a user would
type it, records what it prints with Rich (``Console(record=True)``) and
saves it as ``docs/<name>.svg``.

    python docs/screenshots.py            # every screenshot in SHOTS
    python docs/screenshots.py timeline   # only these
    python docs/screenshots.py --check    # exit 1 if a committed SVG is out of date

A command that fails (exit status not 0) stops the script with its message.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shlex
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
WIDTH = 100

# name → the command line after `vr2018`. Extend this list to add a screenshot.
SHOTS: dict[str, list[str]] = {
    "search": ["search", "Rohingya"],
    "theme-klimaat": ["theme", "klimaat"],
    "motions-kamerstuk": ["motions", "--kamerstuk"],
    "timeline": ["timeline", "--theme", "caribisch"],
    "show": ["show", "conflict-en-honger"],
    "people": ["people", "kaag"],
    "show-en": ["show", "conflict-en-honger", "--lang", "both"],
    "show-both-wide": ["show", "conflict-en-honger", "--lang", "both"],
}
# name → the terminal's width, where a screenshot needs another than WIDTH (side by side from 140)
WIDTHS: dict[str, int] = {"show-both-wide": 160}


class CommandFailed(Exception):
    pass


def record(args: list[str], width: int = WIDTH):
    """Run ``vr2018 ARGS`` in-process and return a recording Console holding its output."""
    from rich.text import Text

    from vr2018.cli import console as terminal
    from vr2018.cli.main import app

    console = terminal.console(  # the CLI's own console, drawn as a terminal of this width
        record=True,
        width=width,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        no_color=False,  # NO_COLOR in the environment must not change the images
    )
    console.print(Text.assemble(("$ ", "dim"), (shlex.join(["vr2018", *args]), "bold")))
    console.print()
    stdout, stderr = io.StringIO(), io.StringIO()
    no_pager = os.environ.get("VR2018_NO_PAGER")
    os.environ["VR2018_NO_PAGER"] = "1"
    try:
        # every Rich view goes through terminal.show(), which prints on the console given here
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), terminal.printing_on(console):
            code = app(args, prog_name="vr2018", standalone_mode=False)
    finally:
        if no_pager is None:
            os.environ.pop("VR2018_NO_PAGER", None)
    if code:
        raise CommandFailed(f"vr2018 {shlex.join(args)} exited with {code}: {stderr.getvalue().strip()}")
    if stdout.getvalue():  # plain prints (cite, --json) go to stdout rather than the console
        console.print(Text(stdout.getvalue().rstrip("\n")))
    return console


def svg(name: str, args: list[str]) -> str:
    console = record(args, WIDTHS.get(name, WIDTH))
    return console.export_svg(title=f"vr2018 {shlex.join(args)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help=f"screenshots to make (default: all of {', '.join(SHOTS)})")
    parser.add_argument("--check", action="store_true", help="only compare with the committed SVGs")
    parser.add_argument("--out", type=Path, default=DOCS, help="folder to write to (default: docs/)")
    options = parser.parse_args(argv)
    unknown = [n for n in options.names if n not in SHOTS]
    if unknown:
        parser.error(f"unknown screenshot {unknown[0]!r}; known: {', '.join(SHOTS)}")
    stale = []
    for name in options.names or SHOTS:
        path = options.out / f"{name}.svg"
        try:
            image = svg(name, SHOTS[name])
        except CommandFailed as exc:
            print(f"screenshots: {exc}", file=sys.stderr)
            return 2
        if options.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != image:
                stale.append(str(path))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(image, encoding="utf-8")
        print(f"wrote {path}")
    if stale:
        print(f"screenshots: out of date (run python docs/screenshots.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
