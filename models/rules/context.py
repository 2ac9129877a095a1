"""A plan resolved against its scenario once, tolerant of unknown ids.

Every rule family reads this view, so no rule crashes on a bad plan: an unknown id resolves to
`None` (the coverage rules report it) and the rules that need it skip that part.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.case import Case
from models.flight import Flight
from models.location import Location
from models.plan import EscortAssignment, Plan, Trip
from models.scenario import Scenario
from models.staff import Staff
from models.vehicle import Vehicle


@dataclass(frozen=True)
class EscortView:
    assignment: EscortAssignment
    staff: Staff | None
    """None when the staff id is unknown."""
    returns: tuple[Flight, ...] | None
    """Return legs in order; None when one of them is unknown."""


@dataclass(frozen=True)
class TripView:
    index: int
    trip: Trip
    cases: tuple[Case, ...]
    """The trip's known cases, in plan order."""
    outbound: tuple[Flight, ...] | None
    """None when an outbound leg id is unknown."""
    vehicle: Vehicle | None
    location: Location | None
    """Common pickup location; None when the cases are unknown or disagree."""
    escorts: tuple[EscortView, ...]
    all_cases_known: bool

    @property
    def timed(self) -> bool:
        """Every id the timeline helpers need resolves, so they can be called."""
        return self.all_cases_known and self.location is not None and self.outbound is not None

    @property
    def legs(self) -> tuple[Flight, ...]:
        """The resolved outbound legs, for rules that run only after checking `outbound` (or `timed`)."""
        if self.outbound is None:
            raise LookupError(f"trip {self.index}: an outbound leg id is unknown; check view.outbound first")
        return self.outbound

    @property
    def place(self) -> Location:
        """The common pickup location, for rules that run only after checking `location` (or `timed`)."""
        if self.location is None:
            raise LookupError(f"trip {self.index}: no common known pickup location; check view.location first")
        return self.location

    @property
    def first_departure(self) -> datetime:
        return self.legs[0].departure

    @property
    def last_arrival(self) -> datetime:
        return self.legs[-1].arrival


@dataclass(frozen=True)
class PlanContext:
    scenario: Scenario
    plan: Plan
    previous: Plan | None
    trips: tuple[TripView, ...]
    previous_by_case: dict[str, Trip]
    """Case id -> its trip in the previous plan (empty without one)."""

    @classmethod
    def build(cls, scenario: Scenario, plan: Plan, previous: Plan | None = None) -> PlanContext:
        views = tuple(_view(scenario, i, t) for i, t in enumerate(plan.trips))
        return cls(scenario, plan, previous, views, trip_by_case(previous))

    def trips_of_case(self, case_id: str) -> list[TripView]:
        return [view for view in self.trips if case_id in view.trip.cases]


def trip_by_case(plan: Plan | None) -> dict[str, Trip]:
    """Case id -> the (first) trip that plans it."""
    out: dict[str, Trip] = {}
    for trip in plan.trips if plan is not None else ():
        for case_id in trip.cases:
            out.setdefault(case_id, trip)
    return out


def _legs(scenario: Scenario, ids: tuple[str, ...]) -> tuple[Flight, ...] | None:
    legs = tuple(leg for leg in (scenario.flight_by_id.get(i) for i in ids) if leg is not None)
    return legs if len(legs) == len(ids) else None


def _view(scenario: Scenario, index: int, trip: Trip) -> TripView:
    cases = tuple(scenario.case_by_id[c] for c in trip.cases if c in scenario.case_by_id)
    locations = {case.location for case in cases}
    location = scenario.location_by_id.get(locations.pop()) if len(locations) == 1 else None
    escorts = tuple(
        EscortView(a, scenario.staff_by_id.get(a.staff), _legs(scenario, a.return_)) for a in trip.escorts
    )
    return TripView(
        index=index,
        trip=trip,
        cases=cases,
        outbound=_legs(scenario, trip.outbound),
        vehicle=scenario.vehicle_by_id.get(trip.vehicle),
        location=location,
        escorts=escorts,
        all_cases_known=len(cases) == len(trip.cases),
    )


__all__ = ["EscortView", "PlanContext", "TripView", "trip_by_case"]
