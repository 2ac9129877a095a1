"""Rule 3 in the solver (`solver.rules.legs`): seats, forced places, one stretcher per leg."""

from solver.rules import legs
from tests.builders import build_plan, item
from tests.models.rules.test_legs import _two_cases_same_flight
from tests.solver.rules.harness import fixed_status, plan_conflicts, world


def test_two_trips_fit_the_seats_of_their_shared_leg():
    scn, plan = _two_cases_same_flight(escorts_each=2)  # 6 of 6 seats
    assert fixed_status(world(scn), legs, build_plan(plan)) == "feasible"


def test_one_seat_short_breaks_the_fixed_choice():
    scn, plan = _two_cases_same_flight(escorts_each=2)
    item(scn, "flights", "TK1952-1209")["seats"] = 5
    assert fixed_status(world(scn), legs, build_plan(plan)) == "infeasible"


def test_forced_places_per_leg():
    scn, plan = _two_cases_same_flight(escorts_each=1)
    assert fixed_status(world(scn), legs, build_plan(plan)) == "feasible"
    item(scn, "flights", "TK1952-1209")["max_forced"] = 1
    assert fixed_status(world(scn), legs, build_plan(plan)) == "infeasible"


def test_consistent_with_the_checker_fixture():
    # tests/models/rules/test_legs.py::test_seats_are_counted_across_trips fails with rule3.seats
    scn, plan = _two_cases_same_flight(escorts_each=2)
    item(scn, "flights", "TK1952-1209")["seats"] = 5
    w = world(scn)
    assert {b.code for b in plan_conflicts(w, legs, build_plan(plan))} == {"rule3.seats"}
    assert fixed_status(w, legs, build_plan(plan)) == "infeasible"
