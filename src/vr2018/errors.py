"""Exit statuses, and the command line's own failures.

Engines never import this module: they raise the domain errors of
:mod:`vr2018.problems`, which :mod:`vr2018.messages` words and gives a status.
:class:`Failure` is for the command line's own checks (an option given without
the argument it needs, a file that cannot be written); the one handler
(:mod:`vr2018.app`) turns each into one line on stderr and its exit status.
Modelled on httpie's ``status.py``.
"""

from __future__ import annotations

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
