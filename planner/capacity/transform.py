"""Typed scenario transformations: pure functions from a scenario to a changed copy.

Each function leaves its input untouched and returns a new `Scenario`; `variant` applies one value
of each axis and validates the result like any scenario file (ids unique, references resolve,
limits hold). Removing people or vehicles never touches one named in a lock (the lock would lose its
meaning); forbids that name someone removed are dropped with them (they rule out nothing then).
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from models import InputError, Scenario, Settings, scenario_from_dict
from models.case import Case
from models.common import Gender, Role
from models.io import problems_from
from models.staff import Staff
from models.vehicle import Vehicle, VehicleKind
from planner.capacity.spec import (
    Axis,
    CaseScaleAxis,
    FlightLimitAxis,
    RulesAxis,
    SettingAxis,
    StaffAxis,
    VehicleAxis,
)

REVISION2_LIMITS = ("max_airport_wait_minutes", "max_connection_minutes", "vulnerable_max_connection_minutes",
                    "night_connection", "max_duty_minutes", "long_duty_minutes", "rest_abroad_minutes",
                    "transit_request_hours")
"""The settings of rules 9 and 10 that `null` switches off (FORMAT.md, operational settings)."""

OFF = "off"
"""TOML has no null: the string "off" stands for null in a setting axis."""


class TransformError(ValueError):
    """A transformation that cannot be made on this scenario (e.g. removing more people than exist)."""


def _fresh_id(base: str, taken: set[str]) -> str:
    k = 1
    while f"{base}-{k}" in taken:
        k += 1
    taken.add(f"{base}-{k}")
    return f"{base}-{k}"


def _matches(person: Staff, role: Role, gender: Gender | None) -> bool:
    return role in person.roles and (gender is None or person.gender == gender)


def _locked_staff(scenario: Scenario) -> set[str]:
    return {sid for lock in scenario.locks for sid in (lock.staff or ())}


def add_staff(scenario: Scenario, role: Role, count: int, gender: Gender | None = None,
              like: str | None = None) -> Scenario:
    """`count` new escorts holding only `role`, copied from `like` (or the first who holds the role,
    preferring the gender asked): same base, languages, trip limit and excluded countries; no
    unavailability (a new colleague is free the whole period)."""
    if count <= 0:
        return scenario
    if like is not None:
        template = scenario.staff_by_id.get(like)
        if template is None:
            raise TransformError(f"staff {like!r} (like) is not in the scenario")
    else:
        holders = [p for p in scenario.staff if role in p.roles]
        preferred = [p for p in holders if gender is None or p.gender == gender]
        if not holders:
            raise TransformError(f"no staff member holds role {role.value}: give `like` with a staff id to copy")
        template = (preferred or holders)[0]
    taken = {p.id for p in scenario.staff}
    label = role.value + (f"-{gender.value}" if gender else "")
    added = []
    for _ in range(count):
        new_id = _fresh_id(f"extra-{label}", taken)
        added.append(template.model_copy(update={
            "id": new_id, "name": f"Extra {label} {new_id.rsplit('-', 1)[1]}", "email": f"{new_id}@sweep.invalid",
            "roles": (role,), "gender": gender or template.gender, "unavailable": ()}))
    return scenario.model_copy(update={"staff": scenario.staff + tuple(added)})


def remove_staff(scenario: Scenario, role: Role, count: int, gender: Gender | None = None) -> Scenario:
    """`count` escorts of `role` (and gender) leave: the last on file first, those with only this role
    before those with more, never one named in a lock."""
    if count <= 0:
        return scenario
    locked = _locked_staff(scenario)
    candidates = [p for p in reversed(scenario.staff) if _matches(p, role, gender) and p.id not in locked]
    candidates.sort(key=lambda p: len(p.roles) > 1)  # stable: single-role people first, last on file first
    if len(candidates) < count:
        who = role.value + (f" ({gender.value})" if gender else "")
        raise TransformError(f"cannot remove {count} {who}: the scenario has {len(candidates)} that no lock names")
    gone = {p.id for p in candidates[:count]}
    return scenario.model_copy(update={
        "staff": tuple(p for p in scenario.staff if p.id not in gone),
        "forbids": tuple(f for f in scenario.forbids if f.staff not in gone)})


def add_vehicles(scenario: Scenario, kind: VehicleKind, count: int, like: str | None = None,
                 places: dict[str, int | None] | None = None) -> Scenario:
    """`count` new vehicles of `kind`, copied from `like` (or the first of that kind): same depot and
    availability; `places` overrides seats, wheelchair or stretcher places."""
    if count <= 0:
        return scenario
    if like is not None:
        template = scenario.vehicle_by_id.get(like)
        if template is None:
            raise TransformError(f"vehicle {like!r} (like) is not in the scenario")
    else:
        template = next((v for v in scenario.vehicles if v.kind == kind), None)
        if template is None:
            raise TransformError(f"no vehicle of kind {kind.value} to copy: give `like` with a vehicle id")
    taken = {v.id for v in scenario.vehicles}
    added: list[Vehicle] = []
    for _ in range(count):
        new_id = _fresh_id(f"extra-{kind.value}", taken)
        update: dict[str, Any] = {"id": new_id, "name": f"Extra {kind.value} {new_id.rsplit('-', 1)[1]}", "kind": kind}
        update.update({k: v for k, v in (places or {}).items() if v is not None})
        added.append(template.model_copy(update=update))
    return scenario.model_copy(update={"vehicles": scenario.vehicles + tuple(added)})


def remove_vehicles(scenario: Scenario, kind: VehicleKind, count: int) -> Scenario:
    """`count` vehicles of `kind` out of service: the last on file first, never a locked one."""
    if count <= 0:
        return scenario
    locked = {lock.vehicle for lock in scenario.locks if lock.vehicle}
    candidates = [v for v in reversed(scenario.vehicles) if v.kind == kind and v.id not in locked]
    if len(candidates) < count:
        raise TransformError(f"cannot remove {count} {kind.value}: the scenario has {len(candidates)} "
                             "that no lock names")
    gone = {v.id for v in candidates[:count]}
    return scenario.model_copy(update={
        "vehicles": tuple(v for v in scenario.vehicles if v.id not in gone),
        "forbids": tuple(f for f in scenario.forbids if f.vehicle not in gone)})


def _copy_case(case: Case, suffix: str) -> Case:
    care = case.care.model_copy(update={"options": tuple(o.model_copy(update={"id": f"{o.id}{suffix}"})
                                                         for o in case.care.options)})
    return case.model_copy(update={"id": f"{case.id}{suffix}", "pseudonym": f"{case.pseudonym}{suffix}",
                                   "group": None if case.group is None else f"{case.group}{suffix}", "care": care})


def scale_cases(scenario: Scenario, factor: float, seed: int = 0) -> Scenario:
    """The caseload times `factor`, counted in trip units (a single case, or a whole group):
    below 1 a seeded sample of units stays; above 1 seeded units are copied (`-c1`, `-c2`, ... on
    case, group, pseudonym and care option ids), with the same dates, flights and needs. Locks and
    forbids of removed cases go; copies carry none."""
    units = list(scenario.groups.values())
    target = round(len(units) * factor)
    if target == len(units) or not units:
        return scenario
    rng = random.Random(seed)
    if target < len(units):
        keep = sorted(rng.sample(range(len(units)), target))
        cases = tuple(c for i in keep for c in units[i])
        ids = {c.id for c in cases}
        return scenario.model_copy(update={"cases": cases,
                                           "locks": tuple(lk for lk in scenario.locks if lk.case in ids),
                                           "forbids": tuple(f for f in scenario.forbids if f.case in ids)})
    order = rng.sample(range(len(units)), len(units))
    taken = {c.id for c in scenario.cases} | {o.id for c in scenario.cases for o in c.care.options}
    taken |= {c.group for c in scenario.cases if c.group}
    copies: list[Case] = []
    for i in range(target - len(units)):
        unit = units[order[i % len(units)]]
        k = i // len(units) + 1
        while any(f"{c.id}-c{k}" in taken or (c.group and f"{c.group}-c{k}" in taken) for c in unit):
            k += 1
        made = [_copy_case(c, f"-c{k}") for c in unit]
        taken |= ({c.id for c in made} | {o.id for c in made for o in c.care.options}
                  | {c.group for c in made if c.group})
        copies.extend(made)
    return scenario.model_copy(update={"cases": scenario.cases + tuple(copies)})


def shift_flight_limit(scenario: Scenario, field: str, delta: int) -> Scenario:
    """Every leg's `seats` or `max_forced` plus `delta` (never below 0)."""
    if delta == 0:
        return scenario
    return scenario.model_copy(update={"flights": tuple(
        f.model_copy(update={field: max(0, getattr(f, field) + delta)}) for f in scenario.flights)})


def set_setting(scenario: Scenario, key: str, value: Any) -> Scenario:
    """One setting (`road.speed_kmh` for the road model), validated like the scenario's `settings`."""
    data = scenario.settings.model_dump(mode="json", by_alias=True)
    head, _, tail = key.partition(".")
    if head not in data or (tail and (not isinstance(data[head], dict) or tail not in data[head])):
        raise TransformError(f"unknown setting {key!r}")
    value = None if value == OFF else value
    if tail:
        data[head] = dict(data[head], **{tail: value})
    else:
        data[head] = value
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise TransformError("; ".join(f"settings.{p}: {m}" for p, m in problems_from(exc))) from None
    return scenario.model_copy(update={"settings": settings})


def revision2(scenario: Scenario, on: bool) -> Scenario:
    """Rules 9-10 as the scenario says (`on`), or every one of their limits switched off."""
    if on:
        return scenario
    return scenario.model_copy(update={"settings": scenario.settings.model_copy(
        update={key: None for key in REVISION2_LIMITS})})


def apply_axis(scenario: Scenario, axis: Axis, value: Any) -> Scenario:
    """One axis at one of its values."""
    if isinstance(axis, StaffAxis):
        if value >= 0:
            return add_staff(scenario, axis.role, value, axis.gender, axis.like)
        return remove_staff(scenario, axis.role, -value, axis.gender)
    if isinstance(axis, VehicleAxis):
        if value >= 0:
            places = {"seats": axis.seats, "wheelchair_places": axis.wheelchair_places,
                      "stretcher_places": axis.stretcher_places}
            return add_vehicles(scenario, axis.vehicle_kind, value, axis.like, places)
        return remove_vehicles(scenario, axis.vehicle_kind, -value)
    if isinstance(axis, CaseScaleAxis):
        return scale_cases(scenario, value, axis.seed)
    if isinstance(axis, FlightLimitAxis):
        return shift_flight_limit(scenario, axis.field, value)
    if isinstance(axis, SettingAxis):
        return set_setting(scenario, axis.key, value)
    if isinstance(axis, RulesAxis):
        return revision2(scenario, value)
    raise TypeError(f"unknown axis {axis!r}")


def variant(base: Scenario, axes: Iterable[tuple[int, Axis, Any]], source: str = "<sweep>") -> Scenario:
    """The base scenario with each (axis index, axis, value) applied in order, then validated as a
    scenario file would be. A transformation that cannot be made is an `InputError` naming the axis."""
    scenario = base
    for index, axis, value in axes:
        try:
            scenario = apply_axis(scenario, axis, value)
        except TransformError as exc:
            raise InputError(source, [(f"axes[{index}] ({axis.name} = {value!r})", str(exc))]) from None
    if scenario is base:
        return base
    return scenario_from_dict(scenario.model_dump(mode="json", by_alias=True), f"{source}: variant")


__all__ = ["OFF", "REVISION2_LIMITS", "TransformError", "add_staff", "add_vehicles", "apply_axis", "remove_staff",
           "remove_vehicles", "revision2", "scale_cases", "set_setting", "shift_flight_limit", "variant"]
