"""The lifecycle on the desk: publish announces, booked by hand, case events depart or abort,
re-plans that move held trips are flagged, and the states survive restores (issue 11 item 2)."""

from __future__ import annotations

import pytest

from models.rules import find_violations
from planner.store import ABORTED, ANNOUNCED, BOOKED, DEPARTED, DRAFT_CASE, IllegalTransition
from planner.web import Event
from planner.web.lifecycle import TRIP_CHANGED, publish_steps
from planner.web.views.lifecycle import aborts_by_week, aborts_figure, outcomes_table, state_column, state_counts


def _published(ws):
    p = ws.planner
    p.publish(p.view(ws.scenario_id), "alice")
    return p.view(ws.scenario_id)


def _states(ws, view):
    return {c: s.state for c, s in ws.planner.case_states(view).items()}


def test_publishing_announces_exactly_the_planned_cases(workspace):
    view = _published(workspace)
    planned = {c for t in view.plan.trips for c in t.cases}
    assert planned and _states(workspace, view) == dict.fromkeys(planned, ANNOUNCED)
    rows = workspace.store.audit_rows(workspace.scenario_id, action="case.announced")
    assert {r.object_id for r in rows} == planned and {r.actor for r in rows} == {"alice"}


def test_booked_per_case_or_all_announced_and_only_from_announced(workspace):
    view = _published(workspace)
    p = workspace.planner
    planned = sorted({c for t in view.plan.trips for c in t.cases})
    unplanned = [u.case for u in view.plan.unplanned]
    assert p.mark_booked(view, [planned[0]], "bob") == [planned[0]]
    with pytest.raises(IllegalTransition, match="booked"):
        p.mark_booked(view, [planned[0]], "bob")           # already booked
    if unplanned:
        with pytest.raises(IllegalTransition):
            p.mark_booked(view, [unplanned[0]], "bob")      # never announced
    booked = p.mark_all_booked(view, "bob")
    assert booked == planned[1:]
    assert set(_states(workspace, view).values()) == {BOOKED}
    with pytest.raises(ValueError, match="no case is announced"):
        p.mark_all_booked(view, "bob")


def test_case_events_depart_and_abort_and_the_state_survives_a_restore(workspace):
    view = _published(workspace)
    p = workspace.planner
    first, second = (t.cases[0] for t in view.plan.trips[:2])
    p.mark_booked(view, [first], "alice")
    impact = p.preview_events(view, [Event("case", (first, "departed")), Event("case", (second, "absconded"))],
                              time_limit_s=5)
    p.accept_events(view, impact, "alice")
    after = p.view(workspace.scenario_id)
    states = p.case_states(after)
    assert states[first].state == DEPARTED and states[second].state == ABORTED
    assert states[second].reason == "absconded"
    # a restore of the first version makes a new draft; the states belong to the cases, not the version
    p.restore_version(after, view.version.id, "alice")
    assert _states(workspace, p.view(workspace.scenario_id))[first] == DEPARTED
    counts = state_counts((c.id for c in after.scenario.cases), states)
    assert counts[DEPARTED] == 1 and counts[ABORTED] == 1
    table = outcomes_table(states, {}, "nl")
    assert list(table["Vertrekstatus"]) == ["Afgebroken", "Vertrokken"] or \
        sorted(table["Vertrekstatus"]) == ["Afgebroken", "Vertrokken"]
    assert "Onttrokken aan toezicht" in set(table["Reden"])


def test_departed_for_a_case_that_was_never_announced_is_refused_before_solving(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)                   # nothing published: every case is draft
    case = view.plan.trips[0].cases[0]
    with pytest.raises(IllegalTransition, match=case):
        p.preview_events(view, [Event("case", (case, "departed"))], time_limit_s=5)


def test_refused_at_the_gate_aborts_and_the_next_publish_announces_the_case_again(workspace):
    view = _published(workspace)
    p = workspace.planner
    trip = view.plan.trips[0]
    case = trip.cases[0]
    impact = p.preview_events(view, [Event("case", (case, "refused_gate"), {"legs": list(trip.outbound)})],
                              time_limit_s=5)
    p.accept_events(view, impact, "alice")
    draft = p.view(workspace.scenario_id)
    assert p.case_states(draft)[case].state == ABORTED
    if not draft.violations and any(case in t.cases for t in draft.plan.trips):
        p.publish(draft, "alice")
        assert p.case_states(draft)[case].state == ANNOUNCED


def test_a_cancelled_leg_aborts_held_departures_and_the_impact_names_them(workspace):
    view = _published(workspace)
    p = workspace.planner
    trip = view.plan.trips[0]
    p.mark_booked(view, list(trip.cases), "alice")
    impact = p.preview_events(view, [Event("cancel_flight", (trip.outbound[0],))], time_limit_s=5)
    held = p.held_changes(view, impact.changes)
    assert set(trip.cases) <= set(held) and set(held.values()) <= {ANNOUNCED, BOOKED}
    p.accept_events(view, impact, "alice")
    states = p.case_states(view)
    assert {states[c].reason for c in trip.cases} == {"flight_cancelled"}
    frame = aborts_by_week(p.case_history(view), "nl")
    assert set(frame["Reden"]) == {"Vlucht geannuleerd"} and frame["Zaken"].sum() == len(trip.cases)
    assert frame["ISO-week"].iloc[0].startswith("wk ")
    fig = aborts_figure(frame, "nl")
    assert fig.layout.separators == ",." and fig.layout.xaxis.title.text == "ISO-week"
    assert [bar.name for bar in fig.data] == ["Vlucht geannuleerd"]


def test_a_booked_trip_that_changes_goes_back_to_announced_at_publish(workspace):
    view = _published(workspace)
    p = workspace.planner
    trip = view.plan.trips[0]
    p.mark_booked(view, list(trip.cases), "alice")
    other = view.plan.model_copy(update={"trips": (trip.model_copy(update={"vehicle": "changed"}),)
                                         + view.plan.trips[1:]})
    steps = publish_steps(view.scenario, view.plan, other, p.case_states(view))
    assert {(s.case, s.state, s.reason) for s in steps} == {(c, ANNOUNCED, TRIP_CHANGED) for c in trip.cases}
    dropped = view.plan.model_copy(update={"trips": view.plan.trips[1:]})
    steps = publish_steps(view.scenario, view.plan, dropped, p.case_states(view))
    assert {(s.case, s.state) for s in steps} == {(c, DRAFT_CASE) for c in trip.cases}


def test_state_column_words_never_raw_codes(workspace):
    view = _published(workspace)
    p = workspace.planner
    case = view.plan.trips[0].cases[0]
    p.abort_case(view, case, "other", "alice", note="zie dossier")
    states = p.case_states(view)
    cases = [c.id for c in view.scenario.cases]
    nl, en = state_column(cases, states, "nl"), state_column(cases, states, "en")
    assert nl[cases.index(case)] == "Afgebroken (Anders)" and en[cases.index(case)] == "Aborted (Other)"
    assert not {"announced", "aborted", "draft", "other"} & set(nl)
    with pytest.raises(IllegalTransition, match="reason code"):
        p.abort_case(view, case, "whim", "alice")
    assert not find_violations(view.scenario, view.plan, view.published_plan)
