"""The cache file's format: values of one type tree (:mod:`vr2018.corpus.schema`) as columns of bytes.

Why not marshal or pickle: pickle runs code, and marshal trusts the counts it
reads (a 29-byte marshal that claims a tuple of 2^26 items makes Python
allocate 512 MiB before it finds the data missing; Python's documentation says
marshal is not secure against maliciously constructed data). Checking every
count of a marshal before reading it means walking it object by object in
Python, which costs three times as long as reading it (measured on the
letter's search index). So the cache has a format of its own, read only by
C-speed primitives (``str.split``, ``array.frombytes``, ``map``, ``islice``).

Size-bounded by construction
    Values are stored column by column, walking the type tree: all strings of
    one field in one column, all integers of another in the next, and so on. A
    column is a 4-byte length and that many bytes, and no count is read from
    the file: how many strings a column holds is how many pieces it splits
    into, how many integers its length over 8; a container's size is an entry
    of a column of sizes, whose total must fit the budget before its items are
    read. The budget is one value per byte
    of the input, charged before anything is built, so decoding N bytes makes
    at most N values: a few dozen times N bytes of memory in the worst case
    (an empty set costs 4 bytes of the file and about 200 in memory), a few
    times N for real data.

Nothing else
    Strings are UTF-8, joined by a separator that none of them contains (the
    column's first character); integers are 64-bit and floats are doubles, in this machine's byte order
    (the cache key names it); booleans and "is it there" flags for optional
    values are bytes 0 or 1; an ``array.array`` is its type code, its length in
    bytes, and its bytes. Records are rebuilt field by field without calling
    any code of the file's choosing: nothing in the file is a type, a function
    or a name to import.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from itertools import chain, islice, repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from vr2018.corpus.record import Record
from vr2018.corpus.schema import field_types

__all__ = ["Invalid", "decode", "encode", "frame", "frames"]


_CONTAINERS: dict[str, Any] = {"tuple": tuple, "list": list, "frozenset": frozenset, "dict": dict}


_SEPARATORS = "\x00\x1f\x1e\ufffe"


_ARRAY_CODES = frozenset(b"bBhHiIlLqQfd")


_SIZE = "I"  # a container's size, a string's number: an unsigned int (4 bytes wherever Python runs)


class Invalid(ValueError):
    """Bytes that are not a value of the expected type tree: the cache file is not used."""


def frame(blob: bytes) -> bytes:
    """One column: its length (4 bytes, little-endian) and its bytes."""
    return len(blob).to_bytes(4, "little") + blob


def frames(data: bytes | memoryview) -> list[memoryview]:
    """The columns of ``data``, which must hold nothing else."""
    reader = _Reader(data)
    found = []
    while reader.at < len(reader.data):
        found.append(reader.column())
    return found


def encode(value: Any, node: tuple[Any, ...]) -> bytes:
    """``value`` (of type tree ``node``) as a sequence of columns."""
    parts: list[bytes] = []
    _encode([value], node, parts)
    return b"".join(parts)


def _separator(strings: list[str]) -> str:
    joined = "".join(strings)
    for sep in _SEPARATORS:
        if sep not in joined:
            return sep
    return next(c for c in map(chr, range(0x20, 0x110000)) if c not in joined and not 0xD800 <= ord(c) < 0xE000)


def _column(parts: list[bytes], blob: bytes) -> None:
    parts.append(len(blob).to_bytes(4, "little"))
    parts.append(blob)


def _encode(values: list[Any], node: tuple[Any, ...], parts: list[bytes]) -> None:
    tag = node[0]
    if tag == "str" or tag == "path":
        texts = values if tag == "str" else list(map(str, values))
        sep = _separator(texts) if texts else ""
        _column(parts, (sep + sep.join(texts)).encode("utf-8", "surrogatepass"))
    elif tag == "int" or tag == "float":
        _column(parts, array("q" if tag == "int" else "d", values).tobytes())
    elif tag == "bool":
        _column(parts, bytes(values))
    elif tag == "none":
        pass
    elif tag == "optional":
        _column(parts, bytes(v is not None for v in values))
        _encode([v for v in values if v is not None], node[1], parts)
    elif tag in _CONTAINERS:
        _column(parts, array(_SIZE, map(len, values)).tobytes())
        if tag == "dict":
            _encode(list(chain.from_iterable(map(dict.keys, values))), node[1], parts)
            _encode(list(chain.from_iterable(map(dict.values, values))), node[2], parts)
        else:
            _encode(list(chain.from_iterable(values)), node[1], parts)
    elif tag == "fixed":
        for i, item in enumerate(node[1]):
            _encode(list(map(itemgetter(i), values)), item, parts)
    elif tag == "record":
        for name, item in field_types(node[1]).items():
            _encode(list(map(attrgetter(name), values)), item, parts)
    elif tag == "array":
        blobs = [a.tobytes() for a in values]
        _column(parts, "".join(a.typecode for a in values).encode("ascii"))
        _column(parts, array(_SIZE, map(len, blobs)).tobytes())
        _column(parts, b"".join(blobs))
    else:
        raise TypeError(f"cannot store a {tag}")


class _Reader:
    """Columns read one after another from ``data``, with a budget of values to build."""

    __slots__ = ("at", "budget", "data")

    def __init__(self, data: bytes | memoryview) -> None:
        self.data = memoryview(data)
        self.at = 0
        self.budget = len(self.data)

    def column(self) -> memoryview:
        """The next column's bytes."""
        at, data = self.at, self.data
        start = at + 4
        end = start + int.from_bytes(data[at:start], "little")
        if end > len(data) or start > len(data):
            raise Invalid("a column runs past the end")
        self.at = end
        return data[start:end]

    def spend(self, count: int) -> None:
        """Charge ``count`` values against the budget before they are built."""
        self.budget -= count
        if self.budget < 0:
            raise Invalid("more values than the file has bytes")


def decode(data: bytes | memoryview, node: tuple[Any, ...]) -> Any:
    """The value of type tree ``node`` held by ``data``, which must hold nothing else; raises :class:`Invalid`."""
    reader = _Reader(data)
    value = _read(reader, 1, node)[0]
    if reader.at != len(reader.data):
        raise Invalid("bytes left over")
    return value


def _numbers(blob: memoryview, code: str, count: int) -> array[int]:
    numbers = array(code)
    if len(blob) != count * numbers.itemsize:
        raise Invalid(f"expected {count} numbers")
    numbers.frombytes(blob)
    return numbers


def _flags(blob: memoryview, count: int) -> bytes:
    flags = bytes(blob)
    if len(flags) != count or flags.translate(None, b"\x00\x01"):
        raise Invalid(f"expected {count} flags")
    return flags


def _read(reader: _Reader, count: int, node: tuple[Any, ...]) -> list[Any]:
    """``count`` values of type tree ``node``, from the reader's next columns."""
    tag = node[0]
    if tag == "record":  # its fields pay for themselves
        return _records(reader, count, node[1])
    if tag == "fixed":
        columns = [_read(reader, count, item) for item in node[1]]
        return list(zip(*columns, strict=True)) if columns else [()] * count
    reader.spend(count)
    if tag == "str" or tag == "path":
        blob = reader.column()
        if not count:
            if blob:
                raise Invalid("strings where none belong")
            return []
        text = str(blob, "utf-8", "surrogatepass")
        strings = text.split(text[0]) if text else []
        if len(strings) != count + 1:
            raise Invalid(f"expected {count} strings")
        del strings[0]
        return strings if tag == "str" else list(map(Path, strings))
    if tag == "int" or tag == "float":
        return _numbers(reader.column(), "q" if tag == "int" else "d", count).tolist()
    if tag == "bool":
        return list(map(bool, _flags(reader.column(), count)))
    if tag == "none":
        return [None] * count
    if tag == "optional":
        flags = _flags(reader.column(), count)
        present = _read(reader, flags.count(1), node[1])
        if len(present) == count:
            return present
        each = iter(present)
        return [next(each) if flag else None for flag in flags]
    if tag in _CONTAINERS:
        sizes = _numbers(reader.column(), _SIZE, count)
        total = sum(sizes)
        if total > reader.budget:
            raise Invalid("more values than the file has bytes")
        items: Iterator[Any] = iter(_read(reader, total, node[1]))
        if tag == "dict":  # (key, value) pairs; dict() lets zip reuse each pair's tuple
            items = zip(items, _read(reader, total, node[2]), strict=True)
        return list(map(_CONTAINERS[tag], map(islice, repeat(items), sizes)))  # each takes its size from one iterator
    if tag == "array":
        return _arrays(reader, count)
    raise Invalid(f"cannot read a {tag}")


def _records(reader: _Reader, count: int, cls: type[Record]) -> list[Any]:
    """Records of type ``cls``, field by field; every field is set, as ``Record.__init__`` would."""
    types = field_types(cls)
    names = tuple(types)
    columns = [_read(reader, count, node) for node in types.values()]
    out = []
    new = object.__new__
    for row in zip(*columns, strict=True) if columns else [()] * count:
        record = new(cls)
        record.__dict__.update(zip(names, row, strict=True))
        out.append(record)
    return out


def _arrays(reader: _Reader, count: int) -> list[array[int]]:
    codes = bytes(reader.column())
    if len(codes) != count or not _ARRAY_CODES.issuperset(codes):
        raise Invalid("not array type codes")
    sizes = _numbers(reader.column(), _SIZE, count)
    blob = reader.column()
    if sum(sizes) != len(blob):
        raise Invalid("arrays of another length")
    out = []
    at = 0
    for code, size in zip(codes, sizes, strict=True):
        numbers = array(chr(code))
        numbers.frombytes(blob[at : at + size])  # ValueError when not whole items
        at += size
        out.append(numbers)
    return out
