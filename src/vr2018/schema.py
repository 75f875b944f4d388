"""The schema of every record type, read from its annotations in :mod:`vr2018.model`.

One declaration, two users: the loader validates the TOML against it, and the
cache converts records to and from plain values with :func:`to_plain` and
:func:`from_plain` (which checks every value's exact type on the way back).

A type tree is a tuple: ``("str",)``, ``("int",)``, ``("float",)``,
``("bool",)``, ``("path",)``, ``("array",)``, ``("none",)``,
``("record", cls)``, ``("tuple", item)`` for ``tuple[X, ...]``,
``("fixed", (a, b))`` for ``tuple[A, B]``, ``("list", item)``,
``("frozenset", item)``, ``("dict", key, value)`` and ``("optional", inner)``
for ``X | None``.
"""

from __future__ import annotations

import sys
from array import array
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from typing import Any

from .model import Record

_LEAVES = {"str", "int", "float", "bool", "array"}
_CONTAINERS = {"tuple", "list", "frozenset", "dict"}
_schemas: dict[type, dict[str, tuple[Any, ...]]] = {}


def field_types(cls: type[Record]) -> dict[str, tuple[Any, ...]]:
    """Each field of ``cls`` (in order) with its type tree, read once from the annotations."""
    found = _schemas.get(cls)
    if found is None:
        annotations: dict[str, tuple[str, dict[str, Any]]] = {}
        for klass in reversed(cls.__mro__):
            namespace = vars(sys.modules[klass.__module__])
            for name, text in klass.__dict__.get("__annotations__", {}).items():
                annotations[name] = (str(text), namespace)
        found = _schemas[cls] = {name: parse_annotation(*annotations[name]) for name in cls._fields}
    return found


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
    cls = namespace.get(name) or vars(sys.modules[Record.__module__]).get(name)
    if isinstance(cls, type) and issubclass(cls, Record):
        return ("record", cls), at
    raise TypeError(f"no record type {name!r}")


# ── Records ↔ plain values (tuples, lists, dicts, str, int, …) ──────────────

_SCALARS: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}
_SEQUENCES: dict[str, type] = {"tuple": tuple, "list": list, "frozenset": frozenset}
_ARRAY_CODES = frozenset("bBhHiIlLqQfd")


class Invalid(ValueError):
    """A plain value does not have the shape the schema says."""


def to_plain(value: Any, node: tuple[Any, ...]) -> Any:
    """``value`` (of type tree ``node``) as plain values: records become tuples of their fields."""
    tag = node[0]
    if tag == "record":
        return tuple(to_plain(getattr(value, n), t) for n, t in field_types(node[1]).items())
    if tag == "optional":
        return None if value is None else to_plain(value, node[1])
    if _is_plain(node):
        return value
    if tag in _SEQUENCES:
        return _SEQUENCES[tag](to_plain(v, node[1]) for v in value)
    if tag == "fixed":
        return tuple(to_plain(v, n) for v, n in zip(value, node[1], strict=True))
    if tag == "dict":
        return {to_plain(k, node[1]): to_plain(v, node[2]) for k, v in value.items()}
    if tag == "array":
        return (value.typecode, value.tobytes())
    if tag == "path":
        return str(value)
    raise TypeError(f"cannot cache a {tag}")


def from_plain(value: Any, node: tuple[Any, ...]) -> Any:
    """The inverse of :func:`to_plain`, checking every value's exact type; raises :class:`Invalid`."""
    return _column([value], node)[0]


def _column(values: list[Any], node: tuple[Any, ...]) -> list[Any]:
    """Many plain values of one type tree, checked and converted together: one pass per
    level of the tree (the search index holds some 20,000 values; a Python call for
    each would cost more than building the index)."""
    tag = node[0]
    if _is_plain(node):
        if not _all_valid(values, node):
            raise Invalid(f"not a {tag}")
        return values
    if tag == "record":
        return _records(values, node[1])
    if tag == "optional":
        present = iter(_column([v for v in values if v is not None], node[1]))
        return [None if v is None else next(present) for v in values]
    if tag in _SEQUENCES or tag == "dict":
        _expect(values, _SEQUENCES.get(tag, dict))
        sizes = list(map(len, values))
        if tag != "dict":
            items = iter(_column(list(chain.from_iterable(values)), node[1]))
            return [_SEQUENCES[tag](islice(items, n)) for n in sizes]
        keys = iter(_column(list(chain.from_iterable(map(dict.keys, values))), node[1]))
        found = iter(_column(list(chain.from_iterable(map(dict.values, values))), node[2]))
        return [dict(zip(islice(keys, n), islice(found, n), strict=True)) for n in sizes]
    if tag == "fixed":
        _expect(values, tuple, len(node[1]))
        columns = [_column(list(map(itemgetter(i), values)), n) for i, n in enumerate(node[1])]
        return list(zip(*columns, strict=True)) if columns else [() for _ in values]
    if tag == "array":
        _expect(values, tuple, 2)
        codes, blobs = set(map(itemgetter(0), values)), set(map(type, map(itemgetter(1), values)))
        if not codes <= _ARRAY_CODES or not blobs <= {bytes}:
            raise Invalid("not an array")
        return [array(code, data) for code, data in values]  # ValueError on a length that is not whole items
    if tag == "path":
        _expect(values, str)
        return [Path(v) for v in values]
    raise Invalid(f"cannot read a {tag}")


def _records(values: list[Any], cls: type[Record]) -> list[Any]:
    """Records of type ``cls`` from their plain tuples, field by field across all of them."""
    types = field_types(cls)
    _expect(values, tuple, len(types))
    names = tuple(types)
    columns = [_column(list(map(itemgetter(i), values)), node) for i, node in enumerate(types.values())]
    out = []
    for row in zip(*columns, strict=True) if columns else [() for _ in values]:
        record = object.__new__(cls)  # every field is set, as Record.__init__ would
        record.__dict__.update(zip(names, row, strict=True))
        out.append(record)
    return out


def _expect(values: list[Any], kind: type, size: int | None = None) -> None:
    if not set(map(type, values)) <= {kind} or (size is not None and not set(map(len, values)) <= {size}):
        raise Invalid(f"expected {kind.__name__}")


_plain_nodes: dict[tuple[Any, ...], bool] = {}


def _is_plain(node: tuple[Any, ...]) -> bool:
    """True when values of this type are stored as they are (no records, arrays or paths inside)."""
    found = _plain_nodes.get(node)
    if found is None:
        tag = node[0]
        if tag in _SCALARS or tag == "none":
            found = True
        elif tag in _SEQUENCES or tag == "optional":
            found = _is_plain(node[1])
        elif tag == "dict":
            found = _is_plain(node[1]) and _is_plain(node[2])
        elif tag == "fixed":
            found = all(_is_plain(n) for n in node[1])
        else:
            found = False
        _plain_nodes[node] = found
    return found


def _all_valid(items: list[Any], node: tuple[Any, ...]) -> bool:
    """Whether every item has the type tree ``node``: one pass in C per level of the tree,
    not one Python call per value (the search index holds some 20,000 values)."""
    tag = node[0]
    if tag in _SCALARS:
        return set(map(type, items)) <= {_SCALARS[tag]}
    if tag == "optional":
        return _all_valid([v for v in items if v is not None], node[1])
    if tag in _SEQUENCES:
        return set(map(type, items)) <= {_SEQUENCES[tag]} and _all_valid(list(chain.from_iterable(items)), node[1])
    if tag == "dict":
        return (
            set(map(type, items)) <= {dict}
            and _all_valid(list(chain.from_iterable(map(dict.keys, items))), node[1])
            and _all_valid(list(chain.from_iterable(map(dict.values, items))), node[2])
        )
    if tag == "fixed":
        return (
            set(map(type, items)) <= {tuple}
            and set(map(len, items)) <= {len(node[1])}
            and all(_all_valid(list(map(itemgetter(i), items)), n) for i, n in enumerate(node[1]))
        )
    return set(items) <= {None}
