"""The commands, one module per family; importing this package registers them all on
:data:`vr2018.app.app` (help lists them in :attr:`vr2018.app._Group.ORDER`)."""

from . import export, letter, motions, people, search, themes

__all__ = ["export", "letter", "motions", "people", "search", "themes"]
