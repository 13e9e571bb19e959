"""Plain value classes for the everyday commands' path, without the dataclasses module.

Importing `dataclasses` and decorating the two dozen small classes of the status, show and record
path costs more than `show` takes to do its work, so those classes are written out: `__slots__`,
an `__init__`, and from this base the equality and repr a dataclass would give (field by field,
in `__slots__` order). Classes with many instances (entries, agencies, rows) keep their own short
`__init__`; none of this is used for data files, whose definition is the pydantic models.
"""

from __future__ import annotations

from typing import Self


class Plain:
    """Equality and repr from `__slots__` (the fields, in order); unhashable unless a class says."""

    __slots__: tuple[str, ...] = ()

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__ if not name.startswith("_"))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]

    def replace(self, **changes: object) -> Self:
        """A copy with some fields changed (dataclasses.replace; the fields are __init__'s)."""
        values = {n: getattr(self, n) for n in self.__slots__ if not n.startswith("_")}
        values.update(changes)
        return type(self)(**values)

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__ if not n.startswith("_"))
        return f"{type(self).__name__}({shown})"


class Frozen(Plain):
    """A Plain value that cannot be changed once made, hashable by its fields (worked out once:
    periods key the rule's memo)."""

    __slots__ = ("_hash",)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} cannot be changed: {name}")

    def __hash__(self) -> int:  # type: ignore[override]
        try:
            return self._hash  # type: ignore[attr-defined,no-any-return]
        except AttributeError:
            found = hash(self._fields())
            object.__setattr__(self, "_hash", found)
            return found

    def _set(self, **values: object) -> None:
        """Set the fields in __init__ (the only place a frozen value is written)."""
        for name, value in values.items():
            object.__setattr__(self, name, value)
