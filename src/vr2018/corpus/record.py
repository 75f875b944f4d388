"""The record base class: frozen, keyword-only, checked by type checkers as dataclasses."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    import sys

    # Type checkers read Record's subclasses as keyword-only frozen dataclasses and check
    # every constructor call (an unknown or mistyped field is an error); at run time the
    # marker is a no-op, so defining a record class costs what it did.
    if sys.version_info >= (3, 11):
        from typing import dataclass_transform
    else:
        from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: object) -> Callable[[type], type]:
        return lambda cls: cls


_R = TypeVar("_R", bound="Record")


@dataclass_transform(kw_only_default=True, frozen_default=True)
class Record:
    """A small read-only record, declared like a dataclass: annotated fields in
    order, class attributes as defaults.

    Why not ``@dataclass(frozen=True)``: every such class costs noticeably more to
    define, and this CLI is all start-up (docs/performance.md). A Record
    class costs next to nothing to define and behaves the same way here:
    keyword or positional construction, read-only attributes, value equality,
    hashing and a readable repr. Type checkers read each subclass as a frozen
    dataclass with keyword-only fields (``dataclass_transform``): construct
    records by keyword, and a misspelt or mistyped field is a type error.
    """

    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names: dict[str, None] = {}
        for klass in reversed(cls.__mro__):
            for name, kind in klass.__dict__.get("__annotations__", {}).items():
                if not name.startswith("_") and "ClassVar" not in str(kind):
                    names[name] = None
        cls._fields = tuple(names)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        if len(args) > len(cls._fields):
            raise TypeError(f"{cls.__name__} takes {len(cls._fields)} fields, got {len(args)}")
        values = dict(zip(cls._fields, args, strict=False))  # trailing fields may be defaults
        for name, value in kwargs.items():
            if name not in cls._fields:
                raise TypeError(f"{cls.__name__}: unexpected field {name!r}")
            if name in values:
                raise TypeError(f"{cls.__name__}: field {name!r} given twice")
            values[name] = value
        for name in cls._fields:
            if name in values:
                object.__setattr__(self, name, values[name])
            elif not hasattr(cls, name):
                raise TypeError(f"{cls.__name__}: missing field {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def replace(self: _R, **changes: Any) -> _R:
        """A copy with some fields changed, checked as a new record is."""
        return type(self)(**{**dict(zip(self._fields, self._values(), strict=True)), **changes})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record) or type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"
