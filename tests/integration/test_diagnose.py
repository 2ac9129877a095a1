"""Blocking rules found with CP-SAT assumptions: one fixture per rule family, exactly one rule blocks BV-1."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from planner.events import staff_unavailable
from planner.service import solve_scenario
from solver import SolveParams
from solver.explain import FAMILIES, blocking_rules, days_text, explain_case, explain_plan, occupancy_from_plan
from solver.occupancy import replay
from solver.resources import Resources
from tests.builders import add_case, build, build_plan, item, plan_dict, scenario_dict, staff_dict
from tests.solver.blocked_cases import FIXTURES, seats_then_no_vehicle

AMS = ZoneInfo("Europe/Amsterdam")
FAST = SolveParams(time_limit_s=5, workers=1, seed=0)


def solved(scn: dict):
    scenario = build(scn)
    checked = solve_scenario(scenario, FAST, trace=True)
    assert checked.valid, [v.message for v in checked.violations]
    return scenario, checked


@pytest.mark.parametrize("family", sorted(FIXTURES))
def test_the_one_blocking_rule_is_named(family):
    scenario, checked = solved(FIXTURES[family]())
    assert "BV-1" in {u.case for u in checked.plan.unplanned}
    reasons = explain_case(scenario, checked.plan, "BV-1", FAST)
    assert [r.family for r in reasons] == [family], [(r.family, r.text_en) for r in reasons]
    for r in reasons:
        assert r.family in FAMILIES and r.text_nl and r.text_en


@pytest.mark.parametrize("family, words_nl, words_en", [
    ("fit_to_fly", ["fit-to-fly verloopt op 8 dec", "eerste geschikte vlucht 9 dec"], ["expires on 8 Dec"]),
    ("documents", ["reisdocument"], ["no travel document"]),
    ("deadline", ["deadline 9 dec 08:00", "9 dec 09:00"], ["before the first suitable flight"]),
    ("care", ["CARE-BV-1", "nog niet bevestigd"], ["not confirmed"]),
    ("seats", ["TK1952 9 dec", "2 vrij, 3 nodig", "P-BV-2"], ["TK1952 9 Dec"]),
    ("forced", ["gedwongen vertrek", "TK1952 9 dec", "max 1"], ["forced-departure"]),
    ("stretcher", ["brancardplaats", "TK1952 10 dec", "P-BV-2"], ["stretcher place"]),
    ("vehicle", ["V-1 niet beschikbaar 9–11 dec"], ["V-1 not available"]),
    ("staff", ["geen psychiatrisch verpleegkundige vrij", "PSY-1 begeleidt P-BV-2"], ["no psychiatric nurse free"]),
    ("same_gender", ["geen vrouwelijke begeleider"], ["female escort"]),
    ("excluded_country", ["KMar-escort", "TR", "S-1"], ["travel to or through TR"]),
    ("lock", ["vastgezet", "S-1"], ["locked"]),
    ("itinerary", ["ADD"], ["no itinerary to ADD"]),
])
def test_reasons_point_at_the_data(family, words_nl, words_en):
    scenario, checked = solved(FIXTURES[family]())
    reasons = explain_case(scenario, checked.plan, "BV-1", FAST)
    nl = " | ".join(r.text_nl for r in reasons)
    en = " | ".join(r.text_en for r in reasons)
    for word in words_nl:
        assert word in nl
    for word in words_en:
        assert word in en


def test_reason_data_names_the_resources():
    scenario, checked = solved(FIXTURES["seats"]())
    (reason,) = explain_case(scenario, checked.plan, "BV-1", FAST)
    assert reason.data["legs"] == {"TK1952-1209": {"free": 2, "needed": 3, "seats": 3}}
    scenario, checked = solved(FIXTURES["staff"]())
    (reason,) = explain_case(scenario, checked.plan, "BV-1", FAST)
    assert reason.data["role"] == "psychiatric_nurse" and reason.data["staff"] == {"PSY-1": "busy"}


def test_blocking_rules_from_the_solvers_own_assignments():
    scenario, checked = solved(FIXTURES["staff"]())
    ix, assignments = checked.result.trace.index, dict(checked.result.trace.assignments)
    unit = ix.unit_of_case()["BV-1"]
    reasons = blocking_rules(ix, Resources(ix), assignments, unit.key, FAST)
    assert [r.family for r in reasons] == ["staff"]


def test_plan_replay_matches_the_solvers_replay():
    scenario, checked = solved(FIXTURES["staff"]())
    ix, res = checked.result.trace.index, Resources(checked.result.trace.index)
    ours = occupancy_from_plan(ix, res, checked.plan)
    theirs = replay(ix, res, dict(checked.result.trace.assignments))
    assert {k: v for k, v in ours.seats.items() if v} == {k: v for k, v in theirs.seats.items() if v}
    assert dict(ours.staff_trips) == dict(theirs.staff_trips)
    assert {s: [sp for sp, _ in v] for s, v in ours.staff_spans.items()} == \
        {s: [sp for sp, _ in v] for s, v in theirs.staff_spans.items()}


def test_an_unavailable_escort_is_named_with_dates():
    scenario = staff_unavailable(build(scenario_dict()), "S-1", datetime(2026, 12, 8, tzinfo=AMS),
                                 datetime(2026, 12, 14, tzinfo=AMS))
    checked = solve_scenario(scenario, FAST)
    reasons = explain_case(scenario, checked.plan, "BV-1", FAST)
    assert [r.family for r in reasons] == ["staff"]
    assert "S-1 afwezig 8–13 dec" in reasons[0].text_nl


def test_max_trips_is_a_staff_reason():
    scenario, checked = solved(scenario_dict(staff=[staff_dict("S-1", "F", max_trips=0), staff_dict("S-2", "M")]))
    reasons = explain_case(scenario, checked.plan, "BV-1", FAST)
    assert [r.family for r in reasons] == ["staff"]
    assert reasons[0].data["staff"] == {"S-1": "max_trips"}


def test_the_core_is_minimal_and_lists_every_rule_that_blocks():
    """Seats on 9 Dec taken and the vehicle away on 10 Dec: both rules together block BV-1."""
    scenario, checked = solved(seats_then_no_vehicle())
    reasons = explain_case(scenario, checked.plan, "BV-1", FAST)
    assert sorted(r.family for r in reasons) == ["seats", "vehicle"]


def test_a_case_that_fits_says_so():
    scenario = build(scenario_dict())
    empty = build_plan(plan_dict(trips=[], unplanned=["BV-1"]))
    reasons = explain_case(scenario, empty, "BV-1", FAST)
    assert [r.family for r in reasons] == ["fits"]


def test_planned_cases_have_no_reasons_and_unknown_cases_fail():
    scenario = build(scenario_dict())
    plan = build_plan(plan_dict())
    assert explain_plan(scenario, plan, FAST, case_ids=["BV-1"]) == {"BV-1": []}
    with pytest.raises(KeyError):
        explain_case(scenario, plan, "NOPE", FAST)


def test_group_members_share_the_reason():
    scn = scenario_dict()
    item(scn, "cases", "BV-1").update(group="FAM-1", travel_document=None)
    add_case(scn, "BV-3", group="FAM-1")
    scenario, checked = solved(scn)
    reasons = explain_plan(scenario, checked.plan, FAST)
    assert set(reasons) == {"BV-1", "BV-3"}
    assert [r.family for r in reasons["BV-3"]] == ["documents"]
    assert "P-BV-1" in reasons["BV-3"][0].text_nl


def test_days_text():
    from datetime import date
    assert days_text(date(2027, 2, 12), date(2027, 2, 15), "nl") == "12–15 feb"
    assert days_text(date(2026, 11, 30), date(2026, 12, 2), "en") == "30 Nov – 2 Dec"
    assert days_text(date(2026, 12, 9), date(2026, 12, 9), "nl") == "9 dec"
