"""The objective of shared/FORMAT.md, level by level: planned priority, disruption, language
mismatch, cost.

The cost parts are separate functions so the solver builds its cost terms from the same
definitions. Unknown ids contribute nothing (the rule checker reports them)."""

from __future__ import annotations

from datetime import datetime

from models import timeline
from models.case import Case
from models.disruption import trip_changed
from models.languages import has_preferred_languages, language_set, shares_a_language
from models.plan import Objective, Plan, Trip
from models.rules.context import trip_by_case
from models.rules.legs import person_seats
from models.scenario import Scenario

COST_PARTS = ("fares", "waiting", "vehicle", "escort_hours")


# -- cost ----------------------------------------------------------------------
def waiting_days(scenario: Scenario, case: Case, departure: datetime, origin_airport_id: str) -> int:
    """Days from the local date of `available_from` (pickup location's tz) to the local date
    of the first departure (origin airport's tz); never negative."""
    start = timeline.local_date(case.available_from, scenario.location_by_id[case.location].tz)
    end = timeline.local_date(departure, scenario.location_by_id[origin_airport_id].tz)
    return max(0, (end - start).days)


def fare_cost(scenario: Scenario, trip: Trip) -> float:
    """Every seat booked: outbound persons (stretcher seats) and escorts, and escorts' returns."""
    flights, cases = scenario.flight_by_id, scenario.case_by_id
    seats_out = sum(person_seats(scenario, cases[c]) for c in trip.cases if c in cases) + len(trip.escorts)
    total = sum(flights[leg].fare_eur * seats_out for leg in trip.outbound if leg in flights)
    for escort in trip.escorts:
        total += sum(flights[leg].fare_eur for leg in escort.return_ if leg in flights)
    return total


def waiting_cost(scenario: Scenario, trip: Trip) -> float:
    first = scenario.flight_by_id.get(trip.outbound[0])
    if first is None:
        return 0.0
    cases = [scenario.case_by_id[c] for c in trip.cases if c in scenario.case_by_id]
    return sum(c.daily_cost_eur * waiting_days(scenario, c, first.departure, first.from_) for c in cases)


def vehicle_km(scenario: Scenario, trip: Trip) -> float:
    """Road km depot -> pickup location -> first airport -> depot."""
    vehicle = scenario.vehicle_by_id.get(trip.vehicle)
    first = scenario.flight_by_id.get(trip.outbound[0])
    case = scenario.case_by_id.get(trip.cases[0])
    if vehicle is None or first is None or case is None:
        return 0.0
    depot, location, airport = vehicle.depot, case.location, first.from_
    return (timeline.drive_km(scenario, depot, location) + timeline.drive_km(scenario, location, airport)
            + timeline.drive_km(scenario, airport, depot))


def vehicle_cost(scenario: Scenario, trip: Trip) -> float:
    return scenario.settings.vehicle_km_eur * vehicle_km(scenario, trip)


def escort_hour_cost(scenario: Scenario, trip: Trip) -> float:
    """Σ hour_cost_eur × hours from report time to the escort's last return arrival."""
    flights, total = scenario.flight_by_id, 0.0
    if any(leg not in flights for leg in trip.outbound):
        return 0.0
    for escort in trip.escorts:
        staff = scenario.staff_by_id.get(escort.staff)
        if staff is None or any(leg not in flights for leg in escort.return_):
            continue
        total += staff.hour_cost_eur * timeline.escort_hours(scenario, trip, escort)
    return total


def trip_cost_breakdown(scenario: Scenario, trip: Trip) -> dict[str, float]:
    """The trip's cost in EUR by part: fares, waiting, vehicle, escort_hours (unrounded)."""
    return {
        "fares": fare_cost(scenario, trip),
        "waiting": waiting_cost(scenario, trip),
        "vehicle": vehicle_cost(scenario, trip),
        "escort_hours": escort_hour_cost(scenario, trip),
    }


def cost_breakdown(scenario: Scenario, plan: Plan) -> dict[str, float]:
    """The plan's cost by part, summed over its trips (unrounded)."""
    total = dict.fromkeys(COST_PARTS, 0.0)
    for trip in plan.trips:
        for part, value in trip_cost_breakdown(scenario, trip).items():
            total[part] += value
    return total


def cost_eur(scenario: Scenario, plan: Plan) -> float:
    return round(sum(cost_breakdown(scenario, plan).values()), 2)


# -- priority and disruption ---------------------------------------------------------
def planned_priority(scenario: Scenario, plan: Plan) -> int:
    """Σ priority over the distinct known cases in trips."""
    planned = {c for trip in plan.trips for c in trip.cases if c in scenario.case_by_id}
    return sum(scenario.case_by_id[c].priority for c in planned)


def disrupted_cases(scenario: Scenario, plan: Plan, previous: Plan) -> list[str]:
    """Cases of the scenario planned in `previous` whose outbound legs, vehicle, set of escort
    staff or any escort's return legs now differ, or that are no longer planned. Cases no longer
    in the scenario are left out (every plan would pay for them alike)."""
    before, now = trip_by_case(previous), trip_by_case(plan)
    out = []
    for case_id, old in before.items():
        if case_id not in scenario.case_by_id:
            continue
        new = now.get(case_id)
        if trip_changed(old, new):
            out.append(case_id)
    return out


def disruption(scenario: Scenario, plan: Plan, previous: Plan | None) -> int | None:
    return None if previous is None else len(disrupted_cases(scenario, plan, previous))


# -- language mismatch -----------------------------------------------------------------
def trip_language_mismatches(scenario: Scenario, trip: Trip) -> list[str]:
    """The trip's known cases with a non-empty `languages` none of whose escorts speaks one of
    them. A trip without escorts counts for none; unknown staff speak nothing."""
    if not trip.escorts:
        return []
    spoken: set[str] = set()
    for escort in trip.escorts:
        staff = scenario.staff_by_id.get(escort.staff)
        if staff is not None:
            spoken.update(language_set(staff.languages))
    out = []
    for case_id in dict.fromkeys(trip.cases):
        case = scenario.case_by_id.get(case_id)
        if case is not None and has_preferred_languages(case.languages) and not shares_a_language(case.languages,
                                                                                                  spoken):
            out.append(case_id)
    return out


def language_mismatched_cases(scenario: Scenario, plan: Plan) -> list[str]:
    """Objective level 3: planned cases whose escorts speak none of their preferred languages."""
    return list(dict.fromkeys(c for trip in plan.trips for c in trip_language_mismatches(scenario, trip)))


def evaluate_objective(scenario: Scenario, plan: Plan, previous: Plan | None = None) -> Objective:
    """The objective of `plan` exactly as shared/FORMAT.md defines it; cost rounded to cents."""
    return Objective(
        planned_priority=planned_priority(scenario, plan),
        disruption=disruption(scenario, plan, previous),
        language_mismatch=len(language_mismatched_cases(scenario, plan)),
        cost_eur=cost_eur(scenario, plan),
    )
