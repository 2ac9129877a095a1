"""Rule 1 in the solver: documents, fit-to-fly, dates, deadline and notice."""

import pytest

from tests.builders import case_dict, scenario_dict
from tests.integration.helpers import planned_cases, reasons, solve_dict


@pytest.mark.parametrize("strategy", ["cpsat", "greedy"])
def test_default_case_is_planned(strategy):
    checked = solve_dict(scenario_dict(), strategy)
    assert planned_cases(checked) == {"BV-1"}
    assert checked.plan.objective.planned_priority == 3


def test_no_travel_document_blocks():
    checked = solve_dict(scenario_dict(cases=[case_dict(travel_document=None)]))
    assert planned_cases(checked) == set()
    assert "no travel document" in reasons(checked, "BV-1")


@pytest.mark.parametrize("status", ["pending", "unfit"])
def test_fit_to_fly_status_blocks(status):
    checked = solve_dict(scenario_dict(cases=[case_dict(fit_to_fly={"status": status})]))
    assert planned_cases(checked) == set()
    assert "fit-to-fly status" in reasons(checked, "BV-1")


def test_fit_to_fly_expiry_blocks_and_its_extension_plans():
    expired = solve_dict(scenario_dict(cases=[case_dict(fit_to_fly={"valid_until": "2026-12-08"})]))
    assert planned_cases(expired) == set()
    assert "expires 2026-12-08" in reasons(expired, "BV-1")
    last_day = solve_dict(scenario_dict(cases=[case_dict(fit_to_fly={"valid_until": "2026-12-09"})]))
    assert planned_cases(last_day) == {"BV-1"}


def test_deadline_bounds_the_first_departure():
    early = solve_dict(scenario_dict(cases=[case_dict(deadline="2026-12-09T08:59:00+01:00")]))
    assert planned_cases(early) == set()
    on_time = solve_dict(scenario_dict(cases=[case_dict(deadline="2026-12-09T09:00:00+01:00")]))
    assert planned_cases(on_time) == {"BV-1"}


def test_available_from_moves_the_departure_later():
    checked = solve_dict(scenario_dict(cases=[case_dict(available_from="2026-12-10T12:00:00+01:00")]))
    trip = checked.plan.trips[0]
    assert trip.outbound == ("TK1952-1211",)


def test_notice_period_applies_to_new_departures():
    scn = scenario_dict(settings={"notice_hours": 60})
    checked = solve_dict(scn)
    assert checked.plan.trips[0].outbound != ("TK1952-1209",)  # 9 Dec 11:00 is only 51 h away
    scn = scenario_dict(settings={"notice_hours": 200})
    assert planned_cases(solve_dict(scn)) == set()


def test_medif_lead_only_for_medical_cases():
    scn = scenario_dict()
    for f in scn["flights"]:
        f["medif_lead_hours"] = 500
    assert planned_cases(solve_dict(scn)) == {"BV-1"}  # a KMar case is not medical
    scn["cases"][0]["escorts"] = {"nurse": 1}
    scn["staff"][0]["roles"] = ["nurse"]
    checked = solve_dict(scn)
    assert planned_cases(checked) == set()
    assert "MEDIF" in reasons(checked, "BV-1")
