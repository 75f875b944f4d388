"""The one handler of every failure: it says what went wrong in one line on stderr, in one
style, and returns the exit status (:mod:`vr2018.cli.status`), never a traceback. The engines'
domain errors are worded, and their status decided, in :mod:`vr2018.cli.messages`; Typer's and
Click's usage errors, bad data, a closed pipe and our own bugs here."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer

from vr2018.cli.status import ExitStatus, Failure, PipeClosed, of_problem
from vr2018.cli.streams import PROG, message
from vr2018.i18n import _
from vr2018.problems import Problem


def settle(exc: Exception) -> int:
    """Say what went wrong in one line on stderr (if anything is to be said) and
    return the exit status: the one error handler of every command."""
    from vr2018.problems import DataError

    cache = sys.modules.get("vr2018.corpus.cache")
    if cache is not None:  # a failure is one line: the cache's note at exit would be a second
        cache.hush()

    if isinstance(exc, Problem):  # raised by the engines: worded, and its status decided, in one place
        from vr2018.cli import messages

        message(messages.line(exc))
        return of_problem(exc)
    if isinstance(exc, Failure):
        message(str(exc))
        return exc.status
    if isinstance(exc, DataError):
        message(_("bad data: {problem}").format(problem=exc))
        return ExitStatus.BAD_USAGE
    if isinstance(exc, typer.TyperException):
        _keep_close_possibilities(exc)
        ctx = getattr(exc, "ctx", None)
        hint = _(" (see '{command} --help')").format(command=ctx.command_path) if ctx is not None else ""
        from vr2018.cli.help import metavars, translated
        from vr2018.cli.usage_errors import translate

        with translated(*metavars(getattr(ctx, "command", None))):  # 'QUERY' as the help writes it
            said = translate(_env_hint_if_from_env(exc))
        message(f"{_quoted_short(said)}{_lang_hint(exc, ctx) or hint}")
        return exc.exit_code
    if isinstance(exc, typer.Exit):
        return exc.exit_code
    if isinstance(exc, typer.Abort):
        return ExitStatus.INTERRUPTED
    if isinstance(exc, (BrokenPipeError, PipeClosed)):
        _quiet_closed_pipe()
        return ExitStatus.OK
    if isinstance(exc, OSError):  # the system refused a read or write (a full disk, a closed stream)
        message(_("cannot read or write: {reason}").format(reason=exc.strerror or exc))
        return ExitStatus.BAD_USAGE
    if cache is not None:  # what it read may be what failed: the next run reads the TOML
        cache.forget_used()
    if os.environ.get("VR2018_DEBUG"):  # a bug of ours: still one line, never a traceback
        raise exc
    message(
        _("internal error: {kind}: {problem} (set VR2018_DEBUG=1 for the traceback)").format(
            kind=type(exc).__name__, problem=exc
        )
    )
    return ExitStatus.BAD_USAGE


def _keep_close_possibilities(exc: Exception) -> None:
    """Click offers an option as "possible" when it is close counting the leading dashes
    (`--count` → `--json`): keep only the names close without them (`--limt` → `--limit`)."""
    possibilities = getattr(exc, "possibilities", None)
    typed = getattr(exc, "option_name", None)
    if not possibilities or not isinstance(typed, str):
        return
    from difflib import SequenceMatcher

    def close(name: str) -> bool:
        return SequenceMatcher(None, typed.lstrip("-"), name.lstrip("-")).ratio() >= CLOSE_OPTION

    exc.possibilities = [p for p in possibilities if close(p)]  # type: ignore[attr-defined]


CLOSE_OPTION = 0.6  # difflib's own cutoff, applied to the names without their dashes


def _lang_hint(exc: Exception, ctx: Any) -> str:
    """`vr2018 --lang en` or `vr2018 help --lang en`: say where --lang goes, not just that it is unknown here."""
    if getattr(exc, "option_name", None) != "--lang" or ctx is None:
        return ""
    if ctx.parent is not None and ctx.info_name != "help":
        return ""
    return _(
        " here: it goes after a command ('{prog} search Rohingya --lang en'), or set VR2018_LANG=en for every command"
    ).format(prog=PROG)


def _quoted_short(text: str) -> str:
    """Click's message with every quoted value of the user's cut to 60 characters
    (`--lang` given 3,000 characters quoted them all)."""
    import re

    from vr2018.text.clean import shorten

    text = re.sub(r"'([^']{61,})'", lambda m: f"'{shorten(m.group(1))}'", text)
    return re.sub(r"\S{81,}", lambda m: shorten(m.group(), 80), text)  # "No such option: --xxxx…"


def _env_hint_if_from_env(exc: typer.TyperException) -> str:
    """Click's message, naming the environment variable (VR2018_LANG) only when the bad value came from it."""
    text = exc.format_message()
    param, ctx = getattr(exc, "param", None), getattr(exc, "ctx", None)
    envvar = getattr(param, "envvar", None)
    if param is None or ctx is None or not isinstance(envvar, str):
        return text
    source = ctx.get_parameter_source(param.name)  # an enum member; its name, not Click's private module
    if getattr(source, "name", None) == "ENVIRONMENT":
        return text
    return text.replace(f" (env var: '{envvar}')", "")


def _quiet_closed_pipe() -> None:
    """stdout was closed by the reader (`vr2018 read | head`): leave quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
