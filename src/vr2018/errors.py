"""Exit statuses and the failures a user is told about, in one place.

Engines raise these (they are plain exceptions: no I/O, no Rich, no Typer);
the command line's one handler (:mod:`vr2018.app`) turns each into one line
on stderr and its exit status. Modelled on httpie's ``status.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum


class ExitStatus(IntEnum):
    """How every command ends, the same for all of them."""

    OK = 0  # found: the command printed what was asked for
    NOTHING_FOUND = 1  # a well-formed question the letter has no answer to
    BAD_USAGE = 2  # bad usage or bad data
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


class Failure(Exception):
    """A user-facing failure: one line on stderr and an exit status. ``str()`` is the line."""

    def __init__(self, message: str, status: ExitStatus = ExitStatus.BAD_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP while a file is being written, handled as Ctrl-C is (the
    temporary file removed, nothing left behind); the command exits ``128 + signum``
    (143, 129), as a shell reports a program that a signal ended."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def status(self) -> int:
        return 128 + self.signum


class NotFound(Failure):
    """Nothing answers what the user named or asked: the message says why, and
    ``suggestions`` holds what they may have meant (also named in the message).

    A name that matches nothing (a paragraph id, a theme) is bad usage (2);
    a question with no answer in the letter (a search, a motion) is status 1.
    """

    def __init__(
        self, message: str, status: ExitStatus = ExitStatus.NOTHING_FOUND, suggestions: Sequence[str] = ()
    ) -> None:
        super().__init__(message, status)
        self.suggestions = tuple(suggestions)


def did_you_mean(suggestions: Sequence[str], listing: str = "") -> str:
    """'; did you mean: a, b?' or, with nothing close, where to look (" (see 'vr2018 theme')")."""
    if suggestions:
        return f"; did you mean: {', '.join(suggestions)}?"
    return f" (see '{listing}')" if listing else ""
