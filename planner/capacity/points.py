"""The points of a sweep and the solves they need (one per point and repetition).

One-at-a-time: each axis runs through its values while the others stay at their base value (the
unchanged scenario); the base point is shared by every axis and solved once. Grid: every
combination. A point's key names its values, so a re-run (`--resume`) recognises finished solves.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

from planner.capacity.spec import (
    Axis,
    CaseScaleAxis,
    FlightLimitAxis,
    RulesAxis,
    StaffAxis,
    SweepSpec,
    VehicleAxis,
)

_DELTA_AXES = (StaffAxis, VehicleAxis, FlightLimitAxis)


def value_label(axis: Axis, value: Any) -> str:
    """How a value reads in tables and keys: `+1`, `0`, `-2`, `1.2`, `off`, `on`."""
    if isinstance(axis, _DELTA_AXES):
        return f"{value:+d}" if value else "0"
    if isinstance(axis, CaseScaleAxis):
        return f"{value:g}"
    if isinstance(axis, RulesAxis):
        return "on" if value else "off"
    if value is None or value == "off":
        return "off"
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def numeric(axis: Axis, value: Any) -> float | None:
    """The value on a numeric x-axis, or None (a setting switched off, a list)."""
    if isinstance(axis, RulesAxis):
        return 1.0 if value else 0.0
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


@dataclass(frozen=True)
class Point:
    index: int
    values: tuple[Any, ...]
    """One value per axis, in the sweep's axis order."""
    key: str

    def on_base_except(self, spec: SweepSpec, axis_index: int) -> bool:
        """Every axis but `axis_index` sits at its base value."""
        return all(i == axis_index or _same(v, a.base_value)
                   for i, (a, v) in enumerate(zip(spec.axes, self.values, strict=True)))


@dataclass(frozen=True)
class Task:
    """One solve: a point, a repetition and its seed."""

    point: Point
    repetition: int
    seed: int

    @property
    def key(self) -> str:
        return f"{self.point.key}#r{self.repetition}"


def _same(a: Any, b: Any) -> bool:
    return json.dumps(_off_is_none(a), sort_keys=True) == json.dumps(_off_is_none(b), sort_keys=True)


def _off_is_none(value: Any) -> Any:
    return None if value == "off" else value


def _key(spec: SweepSpec, values: tuple[Any, ...]) -> str:
    return "|".join(f"{a.name}={value_label(a, v)}" for a, v in zip(spec.axes, values, strict=True))


def points(spec: SweepSpec) -> list[Point]:
    """The distinct points, in a stable order (axis by axis, value by value)."""
    base = tuple(a.base_value for a in spec.axes)
    if spec.design == "grid":
        combos = list(itertools.product(*(a.values for a in spec.axes)))
    else:
        combos = [base[:i] + (v,) + base[i + 1:] for i, a in enumerate(spec.axes) for v in a.values]
    out: list[Point] = []
    seen: set[str] = set()
    for values in combos:
        key = _key(spec, tuple(values))
        if key not in seen:
            seen.add(key)
            out.append(Point(index=len(out), values=tuple(values), key=key))
    return out


def tasks(spec: SweepSpec) -> list[Task]:
    return [Task(p, r, spec.solve.seed + r) for p in points(spec) for r in range(spec.solve.repetitions)]


__all__ = ["Point", "Task", "numeric", "points", "tasks", "value_label"]
