"""Coverage: every case exactly once, every id known; the checker never raises on a bad plan."""

from models.rules import find_violations
from tests.builders import build, build_plan, codes, escort_dict, plan_dict, scenario_dict, trip_dict


def test_unplanned_case_is_covered():
    assert codes(scenario_dict(), plan_dict(trips=[], unplanned=["BV-1"])) == set()


def test_case_missing_from_plan():
    assert codes(scenario_dict(), plan_dict(trips=[])) == {"coverage.missing"}


def test_case_in_trip_and_unplanned():
    assert codes(scenario_dict(), plan_dict(unplanned=["BV-1"])) == {"coverage.duplicate"}


def test_case_in_two_trips():
    assert "coverage.duplicate" in codes(scenario_dict(), plan_dict([trip_dict(), trip_dict()]))


def test_plan_for_another_scenario():
    assert codes(scenario_dict(), plan_dict(scenario="other")) == {"coverage.scenario"}


def test_unknown_ids_are_violations():
    assert "coverage.unknown_case" in codes(scenario_dict(), plan_dict([trip_dict(["BV-1", "BV-9"])]))
    assert "coverage.unknown_case" in codes(scenario_dict(), plan_dict(unplanned=["BV-9"]))
    assert "coverage.unknown_flight" in codes(scenario_dict(), plan_dict([trip_dict(outbound=["XX1"])]))
    assert "coverage.unknown_vehicle" in codes(scenario_dict(), plan_dict([trip_dict(vehicle="V-9")]))
    assert "coverage.unknown_care" in codes(scenario_dict(), plan_dict([trip_dict(care={"BV-1": "NOPE"})]))
    unknown_staff = [escort_dict("S-9"), escort_dict("S-2")]
    assert "coverage.unknown_staff" in codes(scenario_dict(), plan_dict([trip_dict(escorts=unknown_staff)]))
    unknown_return = [escort_dict("S-1", returns=["XX2"]), escort_dict("S-2")]
    assert "coverage.unknown_flight" in codes(scenario_dict(), plan_dict([trip_dict(escorts=unknown_return)]))


def test_a_plan_of_nothing_but_unknown_ids_does_not_crash():
    garbage = trip_dict(["X-1", "X-2"], outbound=["F-1", "F-2"], vehicle="V-X",
                        escorts=[escort_dict("S-X", role="doctor", returns=["F-3"])], care={"X-1": "C-X", "X-3": "C-Y"})
    scn = scenario_dict(locks=[{"case": "BV-1", "flights": ["TK1952-1209"]}],
                        forbids=[{"case": "BV-1", "vehicle": "V-1"}])
    found = find_violations(build(scn), build_plan(plan_dict([garbage], unplanned=["X-1"])),
                            build_plan(plan_dict([garbage, trip_dict()])))
    rules = {v.rule for v in found}
    assert {"coverage.unknown_case", "coverage.unknown_flight", "coverage.unknown_vehicle", "coverage.unknown_staff",
            "coverage.unknown_care", "coverage.missing", "rule8.lock_unplanned"} <= rules


def test_known_cases_on_unknown_legs_do_not_crash():
    plan = plan_dict([trip_dict(outbound=["TK1952-1209", "F-1"], care={"BV-1": "CARE-BV-1"},
                                escorts=[escort_dict("S-1", returns=["F-2"]), escort_dict("S-2", returns=[])])])
    assert "coverage.unknown_flight" in codes(scenario_dict(), plan, plan)
