"""What-if extras (issue 10 item 3): an overnight stay near the airport; an escort who speaks the language."""

from __future__ import annotations

from models.rules import find_violations
from planner.service import solve_scenario
from planner.whatif import what_it_would_take
from planner.whatif_extras import language_swaps
from tests.builders import add_staff, build, build_plan, item, plan_dict, scenario_dict
from tests.integration.helpers import FAST


def test_overnight_stay_by_the_airport_plans_a_case_the_pickup_windows_keep_from_its_flight():
    scn = scenario_dict()
    # picked up between 14:00 and 20:00 only: never within 3 h of check-in for the 11:00 flight
    item(scn, "locations", "HOSP")["pickup_windows"] = [{"from": "14:00", "to": "20:00"}]
    scenario = build(scn)
    plan = solve_scenario(scenario, FAST).plan
    assert "BV-1" in {u.case for u in plan.unplanned}
    found = what_it_would_take(scenario, plan, "BV-1", FAST)
    stays = [r for r in found if r.kind == "overnight_stay"]
    assert stays, [r.kind for r in found]
    assert stays[0].data["airport"] == "AMS" and "overnachting" in stays[0].text_nl
    changed = stays[0].apply(scenario)
    again = solve_scenario(changed, FAST)
    assert "BV-1" in {c for t in again.plan.trips for c in t.cases} and again.violations == []


def test_no_overnight_stay_for_a_detained_case():
    scn = scenario_dict()
    item(scn, "locations", "HOSP")["kind"] = "detention_centre"
    item(scn, "locations", "HOSP")["pickup_windows"] = [{"from": "14:00", "to": "20:00"}]
    scenario = build(scn)
    plan = solve_scenario(scenario, FAST).plan
    assert "overnight_stay" not in {r.kind for r in what_it_would_take(scenario, plan, "BV-1", FAST)}


def test_a_free_escort_who_speaks_the_language_is_offered_as_a_valid_swap():
    scn = scenario_dict()  # BV-1 prefers tr; S-1 and S-2 (kmar) speak nl, en
    add_staff(scn, "S-3", "M", languages=["tr"])
    add_staff(scn, "S-4", "F", languages=["ar"])
    scenario, plan = build(scn), build_plan(plan_dict())
    swaps = language_swaps(scenario, plan, "BV-1")
    assert swaps and {s.new_staff for s in swaps} == {"S-3"}
    for swap in swaps:
        assert swap.languages == ("tr",) and "spreekt tr" in swap.text("nl")
        trip = plan.trips[0]
        escorts = tuple(e.model_copy(update={"staff": swap.new_staff}) if e.staff == swap.old_staff else e
                        for e in trip.escorts)
        changed = plan.model_copy(update={"trips": (trip.model_copy(update={"escorts": escorts}),)})
        assert find_violations(scenario, changed) == []
    item(scn, "staff", "S-3")["unavailable"] = [
        {"from": "2026-12-01T00:00:00+01:00", "to": "2026-12-31T00:00:00+01:00"}
    ]
    assert language_swaps(build(scn), plan, "BV-1") == []  # not free: no swap
    item(scn, "staff", "S-2")["languages"] = ["tr"]
    assert language_swaps(build(scn), plan, "BV-1") == []  # already understood
