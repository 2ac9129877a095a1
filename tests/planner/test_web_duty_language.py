"""Web planner, issue 10 item 6: new rules named in Dutch, the shared-language share, duty and rest."""

from __future__ import annotations

from models import timeline as tl
from models.rules import find_violations
from planner.web import views
from tests.builders import build, build_plan, item, plan_dict, scenario_dict, trip_dict


def test_a_rule_9_break_is_named_in_dutch():
    scn = scenario_dict()
    scn["locations"][3]["pickup_windows"] = None
    plan = plan_dict(trips=[trip_dict(pickup="2026-12-09T00:30:00+01:00")])  # 10.5 h before an 11:00 flight
    violations = find_violations(build(scn), build_plan(plan))
    assert "rule9.airport_wait" in {v.rule for v in violations}
    table = views.violations_table(violations, "nl")
    assert "Te lang wachten op de luchthaven" in set(table.iloc[:, 0])
    assert "Waits too long at the airport" in set(views.violations_table(violations, "en").iloc[:, 0])
    wait = next(v for v in violations if v.rule == "rule9.airport_wait")
    assert wait.message_nl in set(table.iloc[:, 1]) and wait.message not in set(table.iloc[:, 1])
    assert wait.message_nl.startswith("regel 9: reis BV-1 is op AMS om wo 09-12 01:24, 6h36 vóór het inchecken")
    assert wait.message in set(views.violations_table(violations, "en").iloc[:, 1])


def test_shared_language_counts_escorted_trips_whose_cases_state_languages():
    scn = scenario_dict()  # BV-1 prefers tr; S-1 and S-2 speak nl, en
    plan = build_plan(plan_dict())
    assert views.shared_language(build(scn), plan) == (0, 1)
    item(scn, "staff", "S-2")["languages"] = ["nl", "tr"]
    assert views.shared_language(build(scn), plan) == (1, 1)
    item(scn, "cases", "BV-1")["languages"] = None
    assert views.shared_language(build(scn), plan) == (0, 0)
    assert views.shared_language(build(scn), None) == (0, 0)


def test_trip_detail_shows_each_escorts_duty_and_rest():
    scenario, plan = build(scenario_dict()), build_plan(plan_dict())
    trip = plan.trips[0]
    detail = views.case_detail(scenario, plan, trip.cases[0], "nl")
    rows = detail.escorts.to_dict("records")
    assert len(rows) == len(trip.escorts)
    for row, escort in zip(rows, trip.escorts, strict=True):
        assert row["Diensttijd heen (u)"] == round(tl.span_minutes(tl.outbound_duty(scenario, trip, escort)) / 60, 1)
        assert row["Diensttijd terug (u)"] == round(tl.span_minutes(tl.return_duty(scenario, escort)) / 60, 1)
        first_return = scenario.flight_by_id[escort.return_[0]].departure
        assert row["Rust in buitenland (u)"] == round(tl.as_hours(first_return - tl.handover_end(scenario, trip)), 1)
        assert row["Rust tot"]
    english = views.case_detail(scenario, plan, trip.cases[0], "en").escorts
    assert {"Outbound duty (h)", "Return duty (h)", "Rest abroad (h)", "Rests until"} <= set(english.columns)
