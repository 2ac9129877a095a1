"""Rule 8: locks and forbids."""

import pytest

from tests.builders import add_staff, add_vehicle, codes, plan_dict, scenario_dict, trip_dict

FULL_LOCK = {"case": "BV-1", "flights": ["TK1952-1209"], "staff": ["S-2", "S-1"], "vehicle": "V-1",
             "care": "CARE-BV-1"}


def _locked(**lock) -> dict:
    scn = scenario_dict(locks=[{"case": "BV-1", **lock}])
    add_staff(scn, "S-3")
    add_vehicle(scn, "V-2")
    return scn


def test_plan_keeps_a_full_lock():
    assert codes(_locked(**FULL_LOCK), plan_dict([trip_dict(care={"BV-1": "CARE-BV-1"})])) == set()


def test_locked_case_left_unplanned_with_reasons_is_valid():
    # FORMAT.md: plan it with exactly these, or leave it unplanned with reasons why the lock cannot be kept
    assert codes(_locked(), plan_dict(trips=[], unplanned=["BV-1"])) == set()


@pytest.mark.parametrize("reasons", [[], [""], ["  "]])
def test_locked_case_unplanned_without_reasons_breaks_the_lock(reasons):
    plan = plan_dict(trips=[], unplanned=["BV-1"])
    plan["unplanned"][0]["reasons"] = reasons
    assert codes(_locked(), plan) == {"rule8.lock_unplanned"}


def test_locked_case_missing_from_the_plan_breaks_the_lock():
    assert "rule8.lock_unplanned" in codes(_locked(), plan_dict(trips=[]))


@pytest.mark.parametrize(
    ("lock", "code"),
    [
        ({"flights": ["TK1952-1210"]}, "rule8.lock_flights"),
        ({"staff": ["S-1", "S-3"]}, "rule8.lock_staff"),
        ({"staff": []}, "rule8.lock_staff"),
        ({"vehicle": "V-2"}, "rule8.lock_vehicle"),
        ({"care": "CARE-BV-1"}, "rule8.lock_care"),
    ],
)
def test_lock_differs(lock, code):
    assert codes(_locked(**lock), plan_dict()) == {code}


@pytest.mark.parametrize(
    ("forbid", "code"),
    [
        ({"staff": "S-1"}, "rule8.forbid_staff"),
        ({"flight": "TK1952-1209"}, "rule8.forbid_flight"),
        ({"vehicle": "V-1"}, "rule8.forbid_vehicle"),
    ],
)
def test_forbidden_pairing_used(forbid, code):
    assert codes(scenario_dict(forbids=[{"case": "BV-1", **forbid}]), plan_dict()) == {code}


@pytest.mark.parametrize("forbid", [{"staff": "S-3"}, {"flight": "TK1952-1210"}, {"vehicle": "V-2"}])
def test_forbidden_pairing_not_used(forbid):
    scn = scenario_dict(forbids=[{"case": "BV-1", **forbid}])
    add_staff(scn, "S-3")
    add_vehicle(scn, "V-2")
    assert codes(scn, plan_dict()) == set()
