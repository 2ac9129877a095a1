"""The scenario: everything known at planning time (`bv-scenario/1`)."""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from models.base import AwareDatetime, DomainModel
from models.case import CareOption, Case
from models.common import CountryCode, Id
from models.flight import Flight
from models.location import Location, LocationKind
from models.settings import Settings
from models.staff import Staff
from models.vehicle import Vehicle


class Lock(DomainModel):
    """Parts of a plan the coordinator fixed: the plan must plan the case with exactly these."""

    case: Id = Field(description="case id")
    flights: tuple[Id, ...] | None = Field(None, description="outbound leg ids in order")
    staff: tuple[Id, ...] | None = Field(None, description="escort staff ids")
    vehicle: Id | None = Field(None, description="vehicle id")
    care: Id | None = Field(None, description="care option id")


class Forbid(DomainModel):
    """A pairing the coordinator ruled out."""

    case: Id = Field(description="case id")
    staff: Id | None = Field(None, description="staff id")
    flight: Id | None = Field(None, description="flight leg id")
    vehicle: Id | None = Field(None, description="vehicle id")

    @model_validator(mode="after")
    def _exactly_one(self) -> Forbid:
        given = [name for name in ("staff", "flight", "vehicle") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("a forbid names exactly one of staff, flight, vehicle")
        return self


class Scenario(DomainModel):
    format: Literal["bv-scenario/1"] = Field(description="file format tag")
    id: Id = Field(description="scenario name")
    planning_start: AwareDatetime = Field(description="now: nothing in a plan starts before it")
    home_country: CountryCode = Field(description="departure country")
    settings: Settings = Field(default_factory=Settings, description="planning constants")
    locations: tuple[Location, ...] = Field(description="places")
    flights: tuple[Flight, ...] = Field(description="flight legs")
    cases: tuple[Case, ...] = Field(description="open cases")
    staff: tuple[Staff, ...] = Field(description="escort staff")
    vehicles: tuple[Vehicle, ...] = Field(description="DV&O vehicles")
    locks: tuple[Lock, ...] = Field(default=(), description="fixed parts of the plan")
    forbids: tuple[Forbid, ...] = Field(default=(), description="ruled-out pairings")

    @model_validator(mode="before")
    @classmethod
    def _nulls_are_empty(cls, data):
        if isinstance(data, dict):
            data = dict(data)
            for key in ("locks", "forbids"):
                if key in data and data[key] is None:
                    data[key] = []
            if "settings" in data and data["settings"] is None:
                data.pop("settings")
        return data

    @model_validator(mode="after")
    def _references_resolve(self) -> Scenario:
        problems = find_reference_problems(self)
        if problems:
            raise ReferenceProblems(problems)
        return self

    # -- lookups -------------------------------------------------------------
    @cached_property
    def location_by_id(self) -> dict[str, Location]:
        return {loc.id: loc for loc in self.locations}

    @cached_property
    def flight_by_id(self) -> dict[str, Flight]:
        return {f.id: f for f in self.flights}

    @cached_property
    def case_by_id(self) -> dict[str, Case]:
        return {c.id: c for c in self.cases}

    @cached_property
    def staff_by_id(self) -> dict[str, Staff]:
        return {s.id: s for s in self.staff}

    @cached_property
    def vehicle_by_id(self) -> dict[str, Vehicle]:
        return {v.id: v for v in self.vehicles}

    @cached_property
    def care_option_by_id(self) -> dict[str, tuple[Case, CareOption]]:
        return {o.id: (c, o) for c in self.cases for o in c.care.options}

    @cached_property
    def groups(self) -> dict[str, tuple[Case, ...]]:
        """Trip units: a group id or, for a single case, its own id prefixed by '#'."""
        units: dict[str, list[Case]] = {}
        for case in self.cases:
            key = case.group if case.group is not None else f"#{case.id}"
            units.setdefault(key, []).append(case)
        return {key: tuple(members) for key, members in units.items()}

    def home_airport(self, location_id: str) -> bool:
        loc = self.location_by_id[location_id]
        return loc.country == self.home_country


class ReferenceProblems(ValueError):
    """Several cross-field problems at once, each with its field path."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{path}: {msg}" for path, msg in problems))


def _duplicates(ids: list[str]) -> set[str]:
    return {i for i, n in Counter(ids).items() if n > 1}


def _has_local_date(moment, location: Location) -> bool:
    """Rule dates are local dates at the airport: a flight must have one inside the calendar."""
    try:
        moment.astimezone(location.zone)
    except OverflowError:
        return False
    return True


def find_reference_problems(s: Scenario) -> list[tuple[str, str]]:
    """Every unknown reference and duplicate id, with the path of the offender."""
    out: list[tuple[str, str]] = []
    for list_name in ("locations", "flights", "cases", "staff", "vehicles"):
        items = getattr(s, list_name)
        dup = _duplicates([x.id for x in items])
        for i, item in enumerate(items):
            if item.id in dup:
                out.append((f"{list_name}[{i}].id", f"duplicate id {item.id!r}"))
    loc = {x.id: x for x in s.locations}
    airports = {x.id for x in s.locations if x.kind is LocationKind.airport}
    flights = {f.id for f in s.flights}
    staff = {x.id for x in s.staff}
    vehicles = {x.id for x in s.vehicles}
    cases = {c.id: c for c in s.cases}

    def need(path: str, ref: str, pool, what: str) -> None:
        if ref not in pool:
            out.append((path, f"unknown {what} {ref!r}"))

    for i, f in enumerate(s.flights):
        need(f"flights[{i}].from", f.from_, airports, "airport")
        need(f"flights[{i}].to", f.to, airports, "airport")
        for key, moment, airport in (("departure", f.departure, f.from_), ("arrival", f.arrival, f.to)):
            if airport in loc and not _has_local_date(moment, loc[airport]):
                out.append((f"flights[{i}].{key}", f"{moment.isoformat()} falls after 9999-12-31 in the local time "
                                                   f"of {airport} ({loc[airport].tz})"))
    care_ids: list[str] = []
    for i, c in enumerate(s.cases):
        need(f"cases[{i}].location", c.location, loc, "location")
        for j, a in enumerate(c.destination_airports):
            need(f"cases[{i}].destination_airports[{j}]", a, airports, "airport")
        for j, o in enumerate(c.care.options):
            care_ids.append(o.id)
            need(f"cases[{i}].care.options[{j}].airport", o.airport, airports, "airport")
    dup_care = _duplicates(care_ids)
    for i, c in enumerate(s.cases):
        for j, o in enumerate(c.care.options):
            if o.id in dup_care:
                out.append((f"cases[{i}].care.options[{j}].id", f"duplicate care option id {o.id!r}"))
    for i, x in enumerate(s.staff):
        need(f"staff[{i}].base", x.base, loc, "location")
    for i, v in enumerate(s.vehicles):
        need(f"vehicles[{i}].depot", v.depot, loc, "location")
    for i, lock in enumerate(s.locks):
        need(f"locks[{i}].case", lock.case, cases, "case")
        for j, flight_id in enumerate(lock.flights or ()):
            need(f"locks[{i}].flights[{j}]", flight_id, flights, "flight")
        for j, st in enumerate(lock.staff or ()):
            need(f"locks[{i}].staff[{j}]", st, staff, "staff")
        if lock.vehicle is not None:
            need(f"locks[{i}].vehicle", lock.vehicle, vehicles, "vehicle")
        if lock.care is not None:
            case = cases.get(lock.case)
            opts = {o.id for o in case.care.options} if case else set()
            need(f"locks[{i}].care", lock.care, opts, "care option of this case")
    locked = _duplicates([lock.case for lock in s.locks])
    for i, lock in enumerate(s.locks):
        if lock.case in locked:
            out.append((f"locks[{i}].case", f"case {lock.case!r} is locked more than once"))
    for i, fb in enumerate(s.forbids):
        need(f"forbids[{i}].case", fb.case, cases, "case")
        if fb.staff is not None:
            need(f"forbids[{i}].staff", fb.staff, staff, "staff")
        if fb.flight is not None:
            need(f"forbids[{i}].flight", fb.flight, flights, "flight")
        if fb.vehicle is not None:
            need(f"forbids[{i}].vehicle", fb.vehicle, vehicles, "vehicle")
    return out


__all__ = ["Scenario", "Lock", "Forbid", "ReferenceProblems", "CountryCode"]
