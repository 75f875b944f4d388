"""Rich views, one module per command family; :mod:`.layout` holds what they share.

Each view takes model objects and engine results and returns a Rich renderable;
none parses TOML or decides what was found. Importing this package imports
nothing: a command imports the one view module it needs (Rich comes with it),
and ``--json`` imports none (:mod:`vr2018.serialize`).
"""
