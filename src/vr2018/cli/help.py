"""Help in the interface language: the usage line, a command's help text, its arguments and
options, their help, the list of commands and the exit statuses, translated as they are
written (never stored translated: the environment decides at every run).

The help texts are English in the code (docstrings, ``help=``, ``short_help=``) and are the
catalog's message ids (``tools/catalog.py`` collects them from the command tree). The few
words Typer itself writes ("[default: 10]", "[required]") go through the process's default
gettext domain, which :func:`vr2018.i18n.use_for_typer` points at our catalog.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from vr2018.i18n import N_, _, use_for_typer

use_for_typer()  # this module is imported only by the command line

# The words Typer itself translates, through the default domain: listed here for the catalog.
TYPER_STRINGS = (
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("Commands"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Aborted!"),
    N_("(dynamic)"),
    N_("Show this message and exit."),
)


def usage_metavar(param: Any) -> str:
    """An argument as usage lines show it: ``ID``, ``[ID]``, ``QUERY...``, ``[NAME]...``
    (Typer would print a required one in braces, ``{QUERY}``, and drop the dots)."""
    name = param.metavar if param.metavar is not None else (param.name or "").upper()
    base = name.replace("...", "")
    if base.startswith("[") and base.endswith("]"):  # "[ID[:N]]": optional; "ID[:N]" is not
        base = base[1:-1]
    dots = "..." if param.nargs != 1 else ""
    return f"{base}{dots}" if param.required else f"[{base}]{dots}"


@contextmanager
def translated(*pairs: tuple[Any, str]) -> Iterator[None]:
    """Each ``(object, attribute)`` holding an English text holds its translation meanwhile."""
    saved = [(owner, name, getattr(owner, name, None)) for owner, name in pairs]
    try:
        for owner, name, text in saved:
            if isinstance(text, str) and text:
                setattr(owner, name, _(text))
        yield
    finally:
        for owner, name, text in saved:
            setattr(owner, name, text)


def metavars(command: Any) -> list[tuple[Any, str]]:
    """Each parameter's metavar (QUERY, NAME, [TABLE|FILE]), to translate with :func:`translated`."""
    return [(param, "metavar") for param in getattr(command, "params", ())]


class InterfaceLanguage:
    """A Click command or group whose help is written in the interface language (mixed into
    the app's command and group classes, before Typer's)."""

    name: str | None
    help: str | None
    short_help: str | None

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        with translated((self, "options_metavar"), (self, "subcommand_metavar"), *metavars(self)):
            pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), _("Usage: "))

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        with translated((self, "help")):
            super().format_help_text(ctx, formatter)  # type: ignore[misc]

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        """Every --help ends with the exit statuses the command can end with (no stored epilog)."""
        from vr2018.cli.status import exit_codes

        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(exit_codes(None if ctx.parent is None else self.name))

    def get_short_help_str(self, limit: int = 45) -> str:
        with translated((self, "short_help"), (self, "help")):
            return str(super().get_short_help_str(limit))  # type: ignore[misc]

    def param_rows(self, ctx: Any) -> dict[str, list[tuple[str, str]]]:
        """The Arguments and Options sections' rows, each parameter's help translated."""
        sections: dict[str, list[tuple[str, str]]] = {_("Arguments"): [], _("Options"): []}
        arguments, options = sections
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            with translated((param, "help"), (param, "metavar")):
                record = param.get_help_record(ctx)
                shown = usage_metavar(param)
            if record is None:
                continue
            if param.param_type_name == "argument":
                sections[arguments].append((shown, record[1]))
            else:
                sections[options].append(record)
        return sections

    def format_options(self, ctx: Any, formatter: Any) -> None:
        for title, rows in self.param_rows(ctx).items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
        commands = getattr(self, "format_commands", None)
        if commands is not None:
            commands(ctx, formatter)
