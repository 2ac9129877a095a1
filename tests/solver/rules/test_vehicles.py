"""Rule 5 in the solver (`solver.rules.vehicles`): availability and no overlapping trips."""

from solver.rules import vehicles
from tests.builders import build_plan, codes, plan_dict, trip_dict
from tests.models.rules.test_vehicles import _available
from tests.solver.rules.harness import fixed_status, plan_conflicts, world

PLAN = build_plan(plan_dict())
LATEST = plan_dict([trip_dict(pickup="2026-12-09T07:05:00+01:00")])
"""The solver's option on TK1952-1209 picks up as late as the rules allow: 07:05, the van busy 06:09-08:17."""


def _window(start: str, end: str) -> dict:
    return _available(f"2026-12-09T{start}:00+01:00", f"2026-12-09T{end}:00+01:00")


def test_trip_inside_the_availability_window():
    scn = _window("06:09", "08:17")
    assert codes(scn, LATEST) == set()  # the checker agrees the window is just wide enough
    w = world(scn)
    assert fixed_status(w, vehicles, build_plan(LATEST)) == "feasible"
    assert plan_conflicts(w, vehicles, build_plan(LATEST)) == []


def test_a_minute_short_breaks_the_fixed_choice():
    for start, end in (("06:10", "08:17"), ("06:09", "08:16")):
        scn = _window(start, end)
        assert codes(scn, LATEST) == {"rule5.availability"}
        w = world(scn)
        assert {b.code for b in plan_conflicts(w, vehicles, build_plan(LATEST))} == {"rule5.availability"}
        assert fixed_status(w, vehicles, build_plan(LATEST)) == "infeasible"


def test_consistent_with_the_checker_fixture():
    # tests/models/rules/test_vehicles.py::test_vehicle_busy_inside_an_available_window: rule5.availability
    for start, end in (("05:35", "07:42"), ("05:34", "07:41")):
        w = world(_window(start, end))
        assert {b.code for b in plan_conflicts(w, vehicles, PLAN)} == {"rule5.availability"}
        assert fixed_status(w, vehicles, PLAN) == "infeasible"
