"""Gebeurtenissen backend: events re-plan against the published version, impact first, then a draft."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models import InputError
from models.rules import find_violations
from planner.web import Event


def _published(ws):
    p = ws.planner
    p.publish(p.view(ws.scenario_id), "alice")
    return p.view(ws.scenario_id)


def test_cancelled_flight_hits_its_cases_and_is_saved_as_a_draft_only_when_accepted(workspace):
    view = _published(workspace)
    trip = view.plan.trips[0]
    leg = trip.outbound[0]
    p = workspace.planner
    impact = p.preview_events(view, [Event("cancel_flight", (leg,))], time_limit_s=5)
    assert set(trip.cases) <= set(impact.hit)
    assert leg not in {x for t in impact.plan.trips for x in t.outbound}
    assert not find_violations(impact.scenario, impact.plan, view.published_plan)
    assert impact.base_plan_id == view.info.published_plan_id
    # every changed case is either hit or carries a cause that is hit
    for change in impact.collateral:
        assert change.case not in impact.hit
    assert impact.disruption >= len([c for c in impact.hit if c in {x for t in view.plan.trips for x in t.cases}]) - 0
    assert p.view(workspace.scenario_id).revision == view.revision          # nothing saved yet
    saved = p.accept_events(view, impact, "alice")
    after = p.view(workspace.scenario_id)
    assert after.version.id == saved.plan_id and after.version.status == "draft"
    assert after.info.published_plan_id == view.info.published_plan_id
    assert leg not in after.scenario.flight_by_id
    actions = [r.action for r in workspace.store.audit_rows(scenario_id=workspace.scenario_id)]
    assert "event.cancel_flight" in actions and "plan.replan" in actions


def test_retimed_flight_and_case_events(workspace):
    view = _published(workspace)
    p = workspace.planner
    trip = view.plan.trips[0]
    leg = view.scenario.flight_by_id[trip.outbound[0]]
    later = Event("retime_flight", (leg.id, leg.departure + timedelta(hours=1), leg.arrival + timedelta(hours=1)))
    impact = p.preview_events(view, [later], time_limit_s=5)
    assert set(trip.cases) <= set(impact.hit)
    assert impact.scenario.flight_by_id[leg.id].departure == leg.departure + timedelta(hours=1)
    gone = p.preview_events(view, [Event("case", (trip.cases[0], "absconded"))], time_limit_s=5)
    assert trip.cases[0] not in gone.scenario.case_by_id
    refused = p.preview_events(view, [Event("case", (trip.cases[0], "captain_refused"), {"legs": list(trip.outbound)})],
                               time_limit_s=5)
    again = next((t for t in refused.plan.trips if trip.cases[0] in t.cases), None)
    assert again is None or not set(again.outbound) & set(trip.outbound)
    with pytest.raises(InputError):
        p.preview_events(view, [Event("case", (trip.cases[0], "vanished"))], time_limit_s=5)
