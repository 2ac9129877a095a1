"""Rule 6, care at arrival. TK1952-1209 lands at IST 15:35+03:00; CARE-BV-1 is 90 min away."""

from tests.builders import add_case, case_dict, codes, plan_dict, scenario_dict, trip_dict

CARE = {"BV-1": "CARE-BV-1"}


def _needs_care(**option) -> dict:
    scn = scenario_dict(cases=[case_dict(care={"required": True})])
    scn["cases"][0]["care"]["options"][0].update(option)
    return scn


def test_required_care_is_arranged():
    assert codes(_needs_care(), plan_dict([trip_dict(care=CARE)])) == set()
    assert codes(_needs_care(), plan_dict()) == {"rule6.missing"}


def test_unaccompanied_minor_always_needs_care():
    scn = scenario_dict(cases=[case_dict(minor=True, unaccompanied=True)])
    assert codes(scn, plan_dict([trip_dict(care=CARE)])) == set()
    assert codes(scn, plan_dict()) == {"rule6.missing"}


def test_care_option_must_be_the_cases_own():
    scn = _needs_care()
    add_case(scn, "BV-2")
    assert codes(scn, plan_dict([trip_dict(care={"BV-1": "CARE-BV-2"})], unplanned=["BV-2"])) == {"rule6.option"}


def test_care_option_confirmed():
    assert codes(_needs_care(confirmed=False), plan_dict([trip_dict(care=CARE)])) == {"rule6.unconfirmed"}


def test_care_option_at_the_arrival_airport():
    assert codes(_needs_care(airport="FRA"), plan_dict([trip_dict(care=CARE)])) == {"rule6.airport"}


def test_care_window_contains_arrival_plus_transfer():
    open_until = [{"from": "2026-12-09T08:00:00+03:00", "to": "2026-12-09T17:05:00+03:00"}]
    closes_early = [{"from": "2026-12-09T08:00:00+03:00", "to": "2026-12-09T17:04:00+03:00"}]
    assert codes(_needs_care(windows=open_until), plan_dict([trip_dict(care=CARE)])) == set()
    assert codes(_needs_care(windows=closes_early), plan_dict([trip_dict(care=CARE)])) == {"rule6.window"}


def test_care_given_without_need_must_still_be_valid():
    scn = scenario_dict()
    scn["cases"][0]["care"]["options"][0]["confirmed"] = False
    assert codes(scn, plan_dict()) == set()
    assert codes(scn, plan_dict([trip_dict(care=CARE)])) == {"rule6.unconfirmed"}


def test_care_only_for_cases_of_the_trip():
    scn = scenario_dict()
    add_case(scn, "BV-2")
    plan = plan_dict([trip_dict(care={"BV-2": "CARE-BV-2"})], unplanned=["BV-2"])
    assert codes(scn, plan) == {"rule6.not_in_trip"}
