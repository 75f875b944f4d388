"""Entry points: `python -m vr2018` and the `vr2018` console script."""

import sys


def run() -> None:
    """Run the command line; Ctrl-C while it is still starting up exits 130 quietly.

    The command line turns Ctrl-C during a command into exit status 130 itself;
    this catches it earlier, while Typer and Rich are being imported.
    """
    try:
        from .cli import main

        main()
    except KeyboardInterrupt:
        from .errors import ExitStatus

        sys.exit(ExitStatus.INTERRUPTED)


if __name__ == "__main__":
    run()
