"""Where output goes, without Rich: JSON on stdout, one-line messages on stderr,
and streams that never die on a terminal that cannot show the letter's characters.

Rich views go through :mod:`vr2018.cli.console`; this module never imports Rich,
so `--version`, `--help` and `--json` stay cheap.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from vr2018.cli.status import ExitStatus, Failure
from vr2018.i18n import _
from vr2018.text.clean import escape_terminal_active

if TYPE_CHECKING:
    from rich.console import RenderableType


PROG = "vr2018"


_ASCII_FALLBACK = {
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "…": "...",
    "¶": "#",
    "›": ">",
    "‹": "<",
    "•": "*",
    "─": "-",
    "│": "|",
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "·": "|",
    "ß": "ss",
    "‒": "-",
    "―": "-",
    "−": "-",
    "‚": ",",
    "‛": "'",
    "‟": '"',
    "′": "'",
    "″": '"',
    "→": "->",
    "←": "<-",
    "↔": "<->",
}


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: 'Italië' → 'Italie', '…' → '...', anything else → '?'."""
    import unicodedata

    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        out.append(base or _ASCII_FALLBACK.get(char, "?"))
    return "".join(out), error.end


def prepare_streams() -> None:
    """Never die on a terminal that cannot show the letter's characters:
    where stdout or stderr cannot encode Unicode, transliterate instead."""
    import codecs

    codecs.register_error("vr2018.transliterate", _transliterate)
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding.startswith("utf"):
            continue
        try:
            stream.reconfigure(errors="vr2018.transliterate")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass


def message(text: str) -> None:
    """One line on stderr, prefixed with the program's name, control characters removed."""
    from vr2018.text.clean import clean

    line = " ".join(clean(text).split())
    _write(sys.stderr, f"{PROG}: {line}\n")


def _write(stream: Any, text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


class Run:
    """What one run knows beyond a command's parameters. It travels in Click's context
    object (``ctx.obj``, set by the command line's main and shared by every sub-context),
    never in a global: the arguments whose escape sequences or control characters were
    taken out (as they read since), whether ``--json`` was asked for, and whether the text's
    language was chosen (``--lang`` or ``VR2018_LANG``) rather than taken from the locale."""

    def __init__(self, altered: Iterable[str] = ()) -> None:
        self.altered = frozenset(altered)
        self.json = False
        self.lang_chosen = False


def run_state(ctx: Any) -> Run:
    """This run's :class:`Run`, from the Click context ``ctx`` (set there if it has none)."""
    found = ctx.find_object(Run)
    return found if isinstance(found, Run) else ctx.ensure_object(Run)


def respond(json: bool, data: Callable[[], object], view: Callable[[], RenderableType]) -> ExitStatus:
    """How every command answers: with ``json``, ``data()`` as JSON on stdout (no Rich
    loaded), an object with the translation notice first (:func:`vr2018.serialize.notice.with_notice`);
    else ``view()`` shown (:func:`vr2018.cli.console.show`). Each is made only when it is the
    one printed."""
    if json:
        value = data()
        if isinstance(value, dict):  # an array stays an array (docs/json.md)
            from vr2018.serialize.notice import with_notice

            value = with_notice(value)
        return emit_json(value)
    from vr2018.cli.console import show

    return show(view())


def emit_lines(lines: Iterable[str]) -> ExitStatus:
    """Plain lines on stdout (no Rich), each made safe for a terminal; the status of a command
    that printed what was asked for."""
    from vr2018.text.clean import clean

    _write(sys.stdout, "".join(clean(line) + "\n" for line in lines))
    return ExitStatus.OK


def emit_json(value: Any) -> ExitStatus:
    """JSON on stdout and nothing else; ASCII-escaped where stdout cannot encode UTF-8.
    Returns the status of a command that printed what was asked for."""
    import json

    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    ascii_only = encoding not in ("utf8", "utf16", "utf32")
    text = json.dumps(value, ensure_ascii=ascii_only, indent=2)
    # json escapes C0 controls but not DEL, C1 controls (\x9b is an 8-bit CSI) or
    # bidi and zero-width characters: escape them too, so the JSON still holds
    # the data exactly but no terminal acts on it.
    _write(sys.stdout, escape_terminal_active(text) + "\n")
    return ExitStatus.OK


def emit_bytes(data: bytes) -> None:
    """Exported data on stdout exactly as given: no transliteration, no newline translation."""
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream: write the same characters
        sys.stdout.write(data.decode("utf-8"))
    else:
        sys.stdout.flush()
        out.write(data)
    sys.stdout.flush()


def write_file(
    path: str, fill: Callable[[str], object], force: bool = False, refused: Iterable[str] = frozenset()
) -> None:
    """Write ``path`` whole or not at all: ``fill`` writes a temporary file beside it,
    which then replaces ``path`` in one rename. An existing file is kept unless ``force``.

    A symbolic link is written through (its target is replaced, the link stays); a
    device or FIFO (``/dev/null``, ``/dev/full``, a named pipe) is written into, never
    replaced by a file of ours; a name whose escape sequences or control characters
    were taken out of the command line (``refused``: :attr:`Run.altered`) is refused, so no
    other file is ever written.
    Interrupted by SIGINT, SIGTERM or SIGHUP, it leaves nothing behind; what an export
    killed outright left beside the destination, the next one removes (:mod:`vr2018.cli.temporary`).
    """
    import stat

    from vr2018.cli.temporary import stop_signals

    if path in refused:
        raise Failure(
            _(
                "cannot write {path}: the name holds control characters, escape sequences "
                "or bytes that are not UTF-8; choose another name"
            ).format(path=shown_path(path))
        )
    if not path.strip():
        raise Failure(_("cannot write a file with an empty name"))
    if os.path.isdir(path):
        raise Failure(_("cannot write {path}: it is a folder").format(path=shown_path(path)))
    try:
        mode = os.stat(path).st_mode  # follows links: what the name leads to
    except OSError:
        mode = None
    with stop_signals():
        if mode is not None and not stat.S_ISREG(mode):
            _write_special(path, fill)
            return
        if os.path.lexists(path) and not force:
            raise Failure(_("{path} exists; add --force to overwrite it").format(path=shown_path(path)))
        _write_whole(os.path.realpath(path) if os.path.islink(path) else path, fill, shown_path(path))


def _write_whole(path: str, fill: Callable[[str], object], shown: str) -> None:
    """A temporary file beside ``path``, filled, synced and renamed onto it; removed on any
    failure or stop signal. What killed exports left in the folder goes first."""
    from vr2018.cli import temporary

    temporary.remove_stale(os.path.dirname(path))
    name: str | None = None
    try:
        # Named before it exists: from here on, a signal finds the file in `name`, never unguarded.
        name = temporary.beside(path)
        try:
            temporary.create(name)
        except FileExistsError:  # the name is taken (never by chance: 64 random bits): not ours to remove
            name = None
            raise
        fill(name)
        temporary.sync(name)
        os.replace(name, path)
    except BaseException as exc:
        if name is not None:
            temporary.remove(name)
        if isinstance(exc, OSError):
            raise Failure(_("cannot write {path}: {reason}").format(path=shown, reason=exc.strerror or exc)) from None
        raise


def _write_special(path: str, fill: Callable[[str], object]) -> None:
    """Into a device or FIFO: filled in a private temporary folder, then copied in (nothing to replace)."""
    import shutil
    import tempfile

    try:
        with tempfile.TemporaryDirectory(prefix="vr2018-") as folder:
            temporary = os.path.join(folder, "export")
            fill(temporary)
            with open(temporary, "rb") as source, open(path, "wb") as target:
                shutil.copyfileobj(source, target)
    except OSError as exc:
        raise Failure(
            _("cannot write {path}: {reason}").format(path=shown_path(path), reason=exc.strerror or exc)
        ) from None


def shown_path(path: str, width: int = 80) -> str:
    """A file name as a message shows it: on one line, the end kept when it is long."""
    from vr2018.text.clean import clean

    line = " ".join(clean(path).split())
    return line if len(line) <= width else "…" + line[-(width - 1) :]
