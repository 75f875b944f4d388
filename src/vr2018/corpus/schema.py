"""The schema of every record type, read from its annotations in :mod:`vr2018.corpus.model`.

One declaration, two users: the loader validates the TOML against it, and the
cache file's format (:mod:`vr2018.corpus.columns`) writes and reads records by it.

A type tree is a tuple: ``("str",)``, ``("int",)``, ``("float",)``,
``("bool",)``, ``("path",)``, ``("array",)``, ``("none",)``,
``("record", cls)``, ``("tuple", item)`` for ``tuple[X, ...]``,
``("fixed", (a, b))`` for ``tuple[A, B]``, ``("list", item)``,
``("frozenset", item)``, ``("dict", key, value)`` and ``("optional", inner)``
for ``X | None``.
"""

from __future__ import annotations

import sys
from typing import Any

from vr2018.corpus.record import Record

_LEAVES = {"str", "int", "float", "bool", "array"}


_CONTAINERS = {"tuple", "list", "frozenset", "dict"}


_schemas: dict[type, dict[str, tuple[Any, ...]]] = {}


def field_types(cls: type[Record]) -> dict[str, tuple[Any, ...]]:
    """Each field of ``cls`` (in order) with its type tree, read once from the annotations."""
    found = _schemas.get(cls)
    if found is None:
        annotations: dict[str, tuple[str, str]] = {}
        for klass in reversed(cls.__mro__):
            for name, text in klass.__dict__.get("__annotations__", {}).items():
                annotations[name] = (str(text), klass.__module__)
        found = _schemas[cls] = {name: _parsed(*annotations[name]) for name in cls._fields}
    return found


def _parsed(text: str, module: str) -> tuple[Any, ...]:
    """:func:`parse_annotation` of ``text`` in ``module``, once per process: the same few
    annotations ("str", "str | None", "tuple[str, ...]") recur across the records, and
    every command that reads the cache needs them all."""
    found = _annotations.get((text, module))
    if found is None:
        found = _annotations[text, module] = parse_annotation(text, vars(sys.modules[module]))
    return found


_annotations: dict[tuple[str, str], tuple[Any, ...]] = {}


def translations(cls: type[Record]) -> dict[str, str]:
    """English sibling field → the (Dutch) field it renders: ``{"text_en": "text"}``."""
    names = set(cls._fields)
    return {name: name[:-3] for name in cls._fields if name.endswith("_en") and name[:-3] in names}


def parse_annotation(text: str, namespace: dict[str, Any] | None = None) -> tuple[Any, ...]:
    """The type tree of an annotation written as text ("tuple[Statement, ...]", "str | None")."""
    import re

    tokens = re.findall(r"[A-Za-z_][\w.]*|\.\.\.|[\[\],|]", text)
    node, end = _parse_union(tokens, 0, namespace or {})
    if end != len(tokens):
        raise TypeError(f"cannot read the annotation {text!r}")
    return node


def _parse_union(tokens: list[str], at: int, namespace: dict[str, Any]) -> tuple[tuple[Any, ...], int]:
    node, at = _parse_atom(tokens, at, namespace)
    while at < len(tokens) and tokens[at] == "|":
        other, at = _parse_atom(tokens, at + 1, namespace)
        if other == ("none",):
            node = ("optional", node)
        elif node == ("none",):
            node = ("optional", other)
        else:
            raise TypeError(f"unions other than X | None are not supported: {' '.join(tokens)}")
    return node, at


def _parse_atom(tokens: list[str], at: int, namespace: dict[str, Any]) -> tuple[tuple[Any, ...], int]:
    name = tokens[at]
    at += 1
    args: list[Any] = []
    if at < len(tokens) and tokens[at] == "[":
        while tokens[at] in ("[", ","):
            if tokens[at + 1] == "...":
                args.append(...)
                at += 2
            else:
                arg, at = _parse_union(tokens, at + 1, namespace)
                args.append(arg)
        at += 1  # "]"
    if name in _LEAVES:
        return (name,), at
    if name in ("None", "Path"):
        return ("none",) if name == "None" else ("path",), at
    if name in _CONTAINERS:
        if name == "tuple":
            return (("tuple", args[0]) if len(args) == 2 and args[1] is ... else ("fixed", tuple(args))), at
        return (name, *args), at
    cls = namespace.get(name) or vars(sys.modules["vr2018.corpus.model"]).get(name)
    if isinstance(cls, type) and issubclass(cls, Record):
        return ("record", cls), at
    raise TypeError(f"no record type {name!r}")
