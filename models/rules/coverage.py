"""Coverage: every case is in exactly one trip or in `unplanned`, and every id in the plan
resolves (shared/FORMAT.md, "Plan")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from models.rules.context import PlanContext
from models.rules.text import trip_name, trip_name_nl
from models.rules.violation import Rule, Violation

SCENARIO = Rule("coverage.scenario", "Plan is for another scenario", "Planning hoort bij een ander scenario")
UNKNOWN_CASE = Rule("coverage.unknown_case", "Unknown case", "Onbekende zaak")
UNKNOWN_FLIGHT = Rule("coverage.unknown_flight", "Unknown flight", "Onbekende vlucht")
UNKNOWN_STAFF = Rule("coverage.unknown_staff", "Unknown escort", "Onbekende begeleider")
UNKNOWN_VEHICLE = Rule("coverage.unknown_vehicle", "Unknown vehicle", "Onbekend vervoer")
UNKNOWN_CARE = Rule("coverage.unknown_care", "Unknown care option", "Onbekende opvangoptie")
DUPLICATE = Rule("coverage.duplicate", "Case planned more than once", "Zaak meer dan eens ingepland")
MISSING = Rule("coverage.missing", "Case missing from plan", "Zaak ontbreekt in de planning")

RULES = (SCENARIO, UNKNOWN_CASE, UNKNOWN_FLIGHT, UNKNOWN_STAFF, UNKNOWN_VEHICLE, UNKNOWN_CARE, DUPLICATE, MISSING)


def check(ctx: PlanContext) -> Iterator[Violation]:
    yield from _scenario_id(ctx)
    yield from _unknown_ids(ctx)
    yield from _each_case_once(ctx)


def _scenario_id(ctx: PlanContext) -> Iterator[Violation]:
    if ctx.plan.scenario != ctx.scenario.id:
        yield SCENARIO(f"plan names scenario {ctx.plan.scenario!r}, checked against {ctx.scenario.id!r}",
                       nl=f"het plan noemt scenario {ctx.plan.scenario!r}, gecontroleerd tegen {ctx.scenario.id!r}")


def _unknown_ids(ctx: PlanContext) -> Iterator[Violation]:
    s = ctx.scenario
    for view in ctx.trips:
        trip, name, nl = view.trip, trip_name(view.trip), trip_name_nl(view.trip)
        for case_id in trip.cases:
            if case_id not in s.case_by_id:
                yield UNKNOWN_CASE(f"{name}: case {case_id!r} is not in the scenario", [case_id],
                                   nl=f"{nl}: zaak {case_id!r} staat niet in het scenario")
        for leg in trip.outbound:
            if leg not in s.flight_by_id:
                yield UNKNOWN_FLIGHT(f"{name}: outbound flight {leg!r} is not in the scenario", trip.cases,
                                     nl=f"{nl}: heenvlucht {leg!r} staat niet in het scenario")
        if view.vehicle is None:
            yield UNKNOWN_VEHICLE(f"{name}: vehicle {trip.vehicle!r} is not in the scenario", trip.cases,
                                  nl=f"{nl}: voertuig {trip.vehicle!r} staat niet in het scenario")
        for escort in view.escorts:
            staff_id = escort.assignment.staff
            if escort.staff is None:
                yield UNKNOWN_STAFF(f"{name}: escort {staff_id!r} is not in the scenario", trip.cases,
                                    nl=f"{nl}: begeleider {staff_id!r} staat niet in het scenario")
            for leg in escort.assignment.return_:
                if leg not in s.flight_by_id:
                    yield UNKNOWN_FLIGHT(
                        f"{name}: return flight {leg!r} of escort {staff_id} is not in the scenario", trip.cases,
                        nl=f"{nl}: terugvlucht {leg!r} van begeleider {staff_id} staat niet in het scenario",
                    )
        for case_id, option_id in trip.care.items():
            if option_id not in s.care_option_by_id:
                yield UNKNOWN_CARE(f"{name}: care option {option_id!r} for {case_id} is not in the scenario", [case_id],
                                   nl=f"{nl}: opvangoptie {option_id!r} voor {case_id} staat niet in het scenario")
    for entry in ctx.plan.unplanned:
        if entry.case not in s.case_by_id:
            yield UNKNOWN_CASE(f"unplanned: case {entry.case!r} is not in the scenario", [entry.case],
                               nl=f"niet ingepland: zaak {entry.case!r} staat niet in het scenario")


def _each_case_once(ctx: PlanContext) -> Iterator[Violation]:
    places: dict[str, list[tuple[str, str]]] = {}
    for view in ctx.trips:
        for case_id in view.trip.cases:
            places.setdefault(case_id, []).append((trip_name(view.trip), trip_name_nl(view.trip)))
    for entry in ctx.plan.unplanned:
        places.setdefault(entry.case, []).append(("unplanned", "niet ingepland"))
    for case_id, where in places.items():
        if len(where) > 1 and case_id in ctx.scenario.case_by_id:
            counts = Counter(where)
            listed = ", ".join(f"{w} (x{n})" if n > 1 else w for (w, _), n in counts.items())
            listed_nl = ", ".join(f"{w} ({n}x)" if n > 1 else w for (_, w), n in counts.items())
            yield DUPLICATE(f"{case_id} appears {len(where)} times: {listed}", [case_id],
                            nl=f"{case_id} komt {len(where)} keer voor: {listed_nl}")
    for case in ctx.scenario.cases:
        if case.id not in places:
            yield MISSING(f"{case.id} is neither in a trip nor in unplanned", [case.id],
                          nl=f"{case.id} staat niet in een reis en niet bij niet ingepland")
