"""The sweep file `bv-sweep/1` (JSON or TOML): a base scenario, typed axes, solve parameters.

Read as strictly as a scenario: unknown fields, a number written as a string, a float where a
count is due or an unknown role are refused with the file and the field path. The base scenario
path is relative to the sweep file. Each axis is one named, typed scenario transformation
(`planner.capacity.transform`); its `values` are the points along it.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from models import InputError
from models.base import Bool, DomainModel, Float, Int
from models.common import Gender, Id, Role
from models.io import parse_model, read_json
from models.vehicle import VehicleKind

SWEEP_FORMAT = "bv-sweep/1"
MAX_AXIS_VALUES = 50
MAX_POINTS = 10_000
"""A sweep larger than this is refused: it is a typo more often than a plan."""
MAX_DELTA = 100
MAX_SCALE = 5.0
MAX_REPETITIONS = 20

AxisName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]{0,39}$")]


class _Axis(DomainModel):
    name: AxisName = Field(description="short name: a column of the results table and a plot title")
    label_nl: str | None = Field(None, description="Dutch label for summaries and plots (default: derived)")
    label_en: str | None = Field(None, description="English label (default: derived)")

    @field_validator("values", check_fields=False)
    @classmethod
    def _distinct(cls, values: tuple) -> tuple:
        if not values:
            raise ValueError("give at least one value")
        if len(values) > MAX_AXIS_VALUES:
            raise ValueError(f"at most {MAX_AXIS_VALUES} values per axis")
        seen = [json.dumps(v, sort_keys=True) for v in values]
        if len(set(seen)) != len(seen):
            raise ValueError("values must be distinct")
        return values

    @property
    def base_value(self) -> Any:
        """The value that leaves the scenario as it is (the other axes sit here in a one-at-a-time sweep)."""
        return 0


class StaffAxis(_Axis):
    """Escorts of one role (and optionally one gender) added (+n) or removed (-n)."""

    kind: Literal["staff"]
    role: Role = Field(description="the role added or removed")
    gender: Gender | None = Field(None, description="only escorts of this gender (e.g. female KMar escorts)")
    like: Id | None = Field(None, description="staff id copied for new escorts (default: the first that matches)")
    values: tuple[Annotated[Int, Field(ge=-MAX_DELTA, le=MAX_DELTA)], ...] = Field(description="people added")


class VehicleAxis(_Axis):
    """DV&O vehicles of one kind added or removed."""

    kind: Literal["vehicles"]
    vehicle_kind: VehicleKind = Field(description="bus, van or patient_transport")
    like: Id | None = Field(None, description="vehicle id copied for new vehicles (default: the first of the kind)")
    seats: Int | None = Field(None, ge=0, le=100, description="seats of an added vehicle (default: as copied)")
    wheelchair_places: Int | None = Field(None, ge=0, le=100, description="WCHC places of an added vehicle")
    stretcher_places: Int | None = Field(None, ge=0, le=100, description="stretcher places of an added vehicle")
    values: tuple[Annotated[Int, Field(ge=-MAX_DELTA, le=MAX_DELTA)], ...] = Field(description="vehicles added")


class CaseScaleAxis(_Axis):
    """The caseload times a factor: trip units (a case or a whole group) sampled or copied with `seed`."""

    kind: Literal["cases.scale"]
    seed: Int = Field(0, ge=0, description="seed of the sampled cases")
    values: tuple[Annotated[Float, Field(gt=0, le=MAX_SCALE)], ...] = Field(description="factors, e.g. 0.8")

    @property
    def base_value(self) -> Any:
        return 1.0


class FlightLimitAxis(_Axis):
    """Bookable seats or forced-departure places on every leg, plus or minus (never below 0)."""

    kind: Literal["flights"]
    field: Literal["seats", "max_forced"] = Field(description="which per-leg limit")
    values: tuple[Annotated[Int, Field(ge=-MAX_DELTA, le=MAX_DELTA)], ...] = Field(description="places added per leg")


class SettingAxis(_Axis):
    """One scenario setting (e.g. `max_duty_minutes`, `road.speed_kmh`); `null` switches a limit off."""

    kind: Literal["setting"]
    key: Annotated[str, StringConstraints(pattern=r"^[a-z_]+(\.[a-z_]+)?$")] = Field(description="settings key")
    values: tuple[Any, ...] = Field(description="setting values, validated like the scenario's settings")
    base: Any = Field(None, description="the value of the unchanged scenario, for one-at-a-time sweeps "
                                        "(default: the first value)")

    @property
    def base_value(self) -> Any:
        return self.base if self.base is not None else self.values[0]


class RulesAxis(_Axis):
    """The limits of FORMAT.md revision 2 (rules 9 and 10) on (`true`) or off (`false`)."""

    kind: Literal["rules.revision2"]
    values: tuple[Bool, ...] = Field(description="true: rules 9-10 as the scenario says; false: switched off")

    @property
    def base_value(self) -> Any:
        return True


Axis = Annotated[StaffAxis | VehicleAxis | CaseScaleAxis | FlightLimitAxis | SettingAxis | RulesAxis,
                 Field(discriminator="kind")]


class SolveSpec(DomainModel):
    """How each point is solved (the `SolveParams` of every solve, and repetitions per point)."""

    time_limit_s: Float = Field(20.0, gt=0, le=3600, description="seconds per solve")
    workers: Int = Field(1, ge=1, le=64, description="CP-SAT workers per solve (1 = reproducible)")
    seed: Int = Field(0, ge=0, description="seed of the first repetition; repetition r uses seed + r")
    repetitions: Int = Field(1, ge=1, le=MAX_REPETITIONS, description="solves per point (different seeds)")
    strategy: Literal["cpsat", "greedy"] = Field("cpsat", description="solver strategy")


class SweepSpec(DomainModel):
    format: Literal["bv-sweep/1"] = Field(description="file format tag")
    id: Annotated[str, StringConstraints(min_length=1, max_length=80)] = Field(description="sweep name")
    scenario: Annotated[str, StringConstraints(min_length=1)] = Field(description="base scenario file, "
                                                                                  "relative to the sweep file")
    design: Literal["one_at_a_time", "grid"] = Field("one_at_a_time", description="one_at_a_time: each axis "
                                                     "varied alone, the others at their base value; grid: every "
                                                     "combination")
    solve: SolveSpec = Field(default_factory=SolveSpec, description="solve parameters")
    axes: tuple[Axis, ...] = Field(min_length=1, max_length=8, description="the axes")

    @model_validator(mode="after")
    def _names_unique_and_size(self) -> SweepSpec:
        names = [a.name for a in self.axes]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"axis names must be unique: {', '.join(dup)}")
        size = 1
        for axis in self.axes:
            size = size * len(axis.values) if self.design == "grid" else size + len(axis.values)
        if size * self.solve.repetitions > MAX_POINTS:
            raise ValueError(f"the sweep has more than {MAX_POINTS} solves")
        return self

    def digest(self) -> str:
        """Identifies the sweep's content (for --resume: a changed sweep is a different sweep)."""
        text = json.dumps(self.model_dump(mode="json", exclude={"solve": {"time_limit_s"}}), sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _read_toml(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), [("", "file not found")]) from None
    except OSError as exc:
        raise InputError(str(path), [("", f"cannot read file: {exc.strerror or exc}")]) from None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(str(path), [("", "not UTF-8 text")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), [("", f"not valid TOML: {exc}")]) from None


_KIND_IN_PATH = re.compile(r"^(axes\[\d+\])\.(staff|vehicles|cases\.scale|flights|setting|rules\.revision2)(?=\.|$)")
"""pydantic puts the axis kind into the path of a tagged union; the file has no such level."""


def parse_sweep(data: Any, source: str) -> SweepSpec:
    """A sweep from parsed JSON or TOML data; errors name `source` and the field path."""
    try:
        return parse_model(SweepSpec, data, source)
    except InputError as exc:
        raise InputError(source, [(_KIND_IN_PATH.sub(r"\1", path), msg) for path, msg in exc.problems]) from None


def load_sweep(path: str | Path) -> tuple[SweepSpec, Path]:
    """The sweep and the absolute path of its base scenario (checked to exist)."""
    path = Path(path)
    data = _read_toml(path) if path.suffix.lower() == ".toml" else read_json(path)
    spec = parse_sweep(data, str(path))
    scenario = (path.resolve().parent / spec.scenario).resolve()
    if not scenario.is_file():
        raise InputError(str(path), [("scenario", f"base scenario {spec.scenario!r} not found (looked at {scenario})")])
    return spec, scenario


__all__ = [
    "SWEEP_FORMAT",
    "Axis",
    "CaseScaleAxis",
    "FlightLimitAxis",
    "RulesAxis",
    "SettingAxis",
    "SolveSpec",
    "StaffAxis",
    "SweepSpec",
    "VehicleAxis",
    "load_sweep",
    "parse_sweep",
]
