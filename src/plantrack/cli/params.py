"""Plain coercion for plain option types, so that parsing the command line does not import pydantic.

typer 0.29 coerces every parameter through a pydantic TypeAdapter built on first use; for the
types plantrack's options have (text, whole numbers, flags, paths, and lists of those) that costs
more than the everyday commands take to run. `plain_coercion` gives those parameters a small
coercer of typer's own kind; anything else keeps typer's.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

try:  # typer's internals: if they move, typer's own coercion stays in place
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam

    HAVE_RUNTIME = True
except ImportError:  # pragma: no cover
    HAVE_RUNTIME = False

PLAIN: tuple[type, ...] = (str, int, bool, Path)


def _unwrap(annotation: Any) -> tuple[type | None, bool]:
    """(the item type, whether it is a list) of str, str | None, list[Path] | None …; None if not plain."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else (None, False)
    if origin is list:
        (item,) = typing.get_args(annotation) or (None,)
        return (item if item in PLAIN else None), True
    return (annotation if annotation in PLAIN else None), False


if HAVE_RUNTIME:

    class PlainRuntimeParam(RuntimeParam):
        """Coerces one value (or each of a list) to str, int, bool or Path, with min/max for numbers."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            kind, many = _unwrap(self.annotation)
            if many:
                return [self._one(v, kind, param, ctx) for v in value]
            return self._one(value, kind, param, ctx)

        def _one(self, value: Any, kind: Any, param: Any, ctx: Any) -> Any:
            if kind is bool or isinstance(value, kind):
                return value if kind is not bool else bool(value)
            if kind is int:
                try:
                    number = int(str(value).strip())
                except ValueError:
                    raise BadParameter(f"应是整数，现为 {value!r}", ctx=ctx, param=param) from None
                low, high = self.parameter_info.min, self.parameter_info.max
                if (low is not None and number < low) or (high is not None and number > high):
                    raise BadParameter(f"应在 {low} 到 {high} 之间，现为 {number}".replace("None", "…"),
                                       ctx=ctx, param=param)  # fmt: skip
                return number
            return kind(value)


def plain_coercion(params: list[Any]) -> None:
    """Give the parameters of plain types the plain coercer (once; others are left to typer)."""
    if not HAVE_RUNTIME:  # pragma: no cover
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", True) is not None:
            continue
        if descriptor.file_annotation is not None or descriptor.is_choice:
            continue
        if _unwrap(descriptor.annotation)[0] is not None and descriptor.parameter_info.parser is None:
            param._runtime_param = PlainRuntimeParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )
