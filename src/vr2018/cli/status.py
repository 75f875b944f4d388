"""How a run can end: the exit statuses, which command may end how (each command declares
whether it can find nothing), and which status an engine's domain error ends a run with
(:func:`of_problem`). :mod:`vr2018.cli.failures` hands every failure its status and its line.

Light on purpose: the file writers and ``__main__`` import it before anything else."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from vr2018.i18n import N_, _

if TYPE_CHECKING:
    from vr2018.problems import Problem


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


# ── exit statuses: which command can end how, declared with each command ────
# Every command can end with 0 (it printed what was asked for), 2 (bad usage or
# bad data) and 130 (interrupted); one declared ``finds_nothing=True`` (its engine
# may raise NothingFound) can also answer 1, nothing found. Filled as commands register.
FINDS_NOTHING: set[str] = set()


_MEANING = {
    ExitStatus.OK: N_("found"),
    ExitStatus.NOTHING_FOUND: N_("nothing found"),
    ExitStatus.BAD_USAGE: N_("bad usage or bad data"),
    ExitStatus.INTERRUPTED: N_("interrupted"),
}


def exit_statuses(command: str | None = None) -> tuple[ExitStatus, ...]:
    """The statuses ``vr2018 COMMAND`` can exit with (None: any command)."""
    finds_nothing = command is None or command in FINDS_NOTHING
    return tuple(s for s in ExitStatus if s != ExitStatus.NOTHING_FOUND or finds_nothing)


def exit_codes(command: str | None = None) -> str:
    """The line that ends a command's --help: the statuses it can exit with, in the interface language."""
    statuses = ", ".join(f"{int(s)} {_(_MEANING[s])}" for s in exit_statuses(command))
    return _("Exit status: {statuses}.").format(statuses=statuses)


class PipeClosed(Exception):
    """stdout's reader went away (`vr2018 read | head -1`)."""


def of_problem(problem: Problem) -> ExitStatus:
    """The exit status of a command that ended in ``problem`` (an engine's domain error): 1 when
    a well-formed question has no answer in the letter, 2 for everything else."""
    from vr2018.problems import NothingFound

    return ExitStatus.NOTHING_FOUND if isinstance(problem, NothingFound) else ExitStatus.BAD_USAGE
