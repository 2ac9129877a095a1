"""The bounds the models put on a numeric field, found by following a document path through them.

The fuzzer reads the limits from the models themselves (models/limits.py through `Field(le=...)`),
so a value "at the limit" is what the models accept, and one over it what they refuse.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from models import Scenario


@dataclass(frozen=True)
class Bounds:
    low: float | None
    low_inclusive: bool
    high: float | None
    is_int: bool

    def allows(self, value: float) -> bool:
        if self.low is not None and (value < self.low or (value == self.low and not self.low_inclusive)):
            return False
        return self.high is None or value <= self.high


def _unwrap(tp: Any, metadata: list) -> Any:
    """Strip Annotated and Optional, collecting Annotated metadata."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            args = typing.get_args(tp)
            tp = args[0]
            metadata.extend(args[1:])
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _resolve(path: tuple) -> tuple[Any, list] | None:
    tp: Any = Scenario
    metadata: list = []
    for part in path:
        tp = _unwrap(tp, metadata)
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
            field = next((f for n, f in tp.model_fields.items() if part in (n, f.alias)), None)
            if field is None:
                return None
            tp, metadata = field.annotation, list(field.metadata)
        elif origin is tuple and isinstance(part, int):
            tp, metadata = typing.get_args(tp)[0], []
        elif origin is dict:
            tp, metadata = typing.get_args(tp)[1], []
        else:
            return None
    tp = _unwrap(tp, metadata)
    return tp, metadata


def bounds(path: tuple) -> Bounds | None:
    """The numeric bounds of the field at `path`, or None for a path that is not a numeric field."""
    resolved = _resolve(path)
    if resolved is None or resolved[0] not in (int, float):
        return None
    tp, metadata = resolved
    low, inclusive, high = None, True, None
    flat = [m for item in metadata for m in (item.metadata if isinstance(item, FieldInfo) else [item])]
    for item in flat:
        if getattr(item, "ge", None) is not None:
            low, inclusive = item.ge, True
        if getattr(item, "gt", None) is not None:
            low, inclusive = item.gt, False
        if getattr(item, "le", None) is not None:
            high = item.le
    return Bounds(low, inclusive, high, tp is int)


def limit_for(path: tuple) -> float | None:
    b = bounds(path)
    return None if b is None else b.high


__all__ = ["Bounds", "bounds", "limit_for"]
