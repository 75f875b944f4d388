"""Entry points: `python -m vr2018` and the `vr2018` console script."""

import gc
import sys


def run() -> None:
    """Run the command line; Ctrl-C while it is still starting up exits 130 quietly.

    The command line turns Ctrl-C during a command into exit status 130 itself;
    this catches it earlier, while Typer and Rich are being imported.

    A command is one short process, so Python's cyclic garbage collector is
    off for it: nearly everything it makes (Typer's and Rich's modules, the
    letter, the search index) lives until exit, and the collector would only
    walk it again and again while it is imported and loaded. At exit it is
    frozen, so that the interpreter's final collections skip it too. Together
    a good share of a command's time (docs/performance.md has the figures). Memory is freed
    by reference counting as before; only garbage in reference cycles waits
    for exit, and a command makes little of it (benchmarks/scale.py reports
    peak memory).
    """
    gc.disable()
    try:
        from vr2018.cli.main import main

        main()
    except KeyboardInterrupt:
        from vr2018.cli.status import ExitStatus

        sys.exit(ExitStatus.INTERRUPTED)
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
