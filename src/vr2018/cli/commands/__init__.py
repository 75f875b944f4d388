"""The commands, one module per family; importing this package registers them all on
:data:`vr2018.cli.app.app` (help lists them in :attr:`vr2018.cli.app._Group.ORDER`)."""

from vr2018.cli.commands import export, letter, motions, people, search, themes

__all__ = ["export", "letter", "motions", "people", "search", "themes"]
