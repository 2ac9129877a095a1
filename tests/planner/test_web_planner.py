"""Planner-side pieces of the web planner: edits, diffs, tables (UTC bars, local hover), auth, case lists."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from models.rules import find_violations
from planner.web import Allow, CaseChange, ForbidPair, Pin, Planner, PublishBlocked, SwapEscort, Unpin, auth
from planner.web import views as tables
from tests.builders import build, build_plan, plan_dict, scenario_dict

SHIFT = timedelta(days=108)  # 9-10 Dec 2026 -> 27-28 Mar 2027: summer time starts 28 Mar 01:00 UTC
_DT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
_D = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _shifted(value):
    if isinstance(value, dict):
        return {k: _shifted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shifted(v) for v in value]
    if isinstance(value, str) and _DT.match(value):
        return (datetime.fromisoformat(value) + SHIFT).isoformat()
    if isinstance(value, str) and _D.match(value):
        return (date.fromisoformat(value) + SHIFT).isoformat()
    return value


def test_gantt_bars_are_utc_and_hover_is_local_across_dst():
    scenario, plan = build(_shifted(scenario_dict())), build_plan(_shifted(plan_dict()))
    assert find_violations(scenario, plan) == []
    frame = tables.gantt_frame(scenario, plan, "escort")
    trip = plan.trips[0]
    out = scenario.flight_by_id[trip.outbound[0]]
    back = scenario.flight_by_id[trip.escorts[0].return_[-1]]
    flights = frame[frame["segment"] == "vlucht"]
    assert set(flights["start"]) == {out.departure.astimezone(UTC).replace(tzinfo=None)}
    returns = frame[frame["segment"] == "terugvlucht"]
    assert back.arrival.astimezone(UTC).replace(tzinfo=None) in set(returns["end"])
    # The outbound leaves in winter time, the return lands in summer time: the hover says so.
    assert any("CET" in h for h in flights["hover"]) and any("CEST" in h for h in returns["hover"])
    # Bars keep their true length (no hour lost or gained at the switch).
    for _, row in frame.iterrows():
        assert row["end"] > row["start"]
    rest = frame[frame["segment"] == "rust"].iloc[0]
    assert rest["end"] - rest["start"] == timedelta(minutes=scenario.settings.rest_minutes)


def test_diff_names_what_changed_per_case(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    old = view.plan
    trip = old.trips[0]
    moved = trip.model_copy(update={"vehicle": "veh-x"})
    new = old.model_copy(update={"trips": (moved,) + old.trips[2:]})
    changes = {c.case: c for c in Planner.diff(view.scenario, old, new)}
    assert [f.field for f in changes[trip.cases[0]].fields] == ["vehicle"]
    assert changes[old.trips[1].cases[0]].change == "removed"
    added = {c.case for c in Planner.diff(view.scenario, None, old)}
    assert added == {c for t in old.trips for c in t.cases}
    assert isinstance(next(iter(changes.values())), CaseChange)


def test_pin_unpin_forbid_allow_round_trip(workspace):
    p, sid = workspace.planner, workspace.scenario_id
    trip = workspace.plan.trips[0]
    p.save_edit(p.view(sid), Pin(cases=trip.cases, staff=False, care=False), "alice")
    lock = p.view(sid).scenario.locks[0]
    assert lock.flights == trip.outbound and lock.staff is None and lock.vehicle == trip.vehicle
    p.save_edit(p.view(sid), Unpin(case=trip.cases[0]), "alice")
    assert p.view(sid).scenario.locks == ()
    edit = ForbidPair(case=trip.cases[0], target_kind="vehicle", target=trip.vehicle)
    preview = p.preview(p.view(sid), edit)
    assert [v.rule for v in preview.new_violations] == ["rule8.forbid_vehicle"]
    p.save_edit(p.view(sid), edit, "alice")
    view = p.view(sid)
    assert [v.rule for v in view.violations] == ["rule8.forbid_vehicle"]
    with pytest.raises(PublishBlocked):
        p.publish(view, "alice")
    p.save_edit(view, Allow(case=trip.cases[0], target_kind="vehicle", target=trip.vehicle), "alice")
    assert p.view(sid).violations == ()
    assert [r.action for r in workspace.store.audit_rows(sid)][:5] == [   # the forbid broke a rule on purpose
        "forbid.remove", "edit.deviate", "forbid.add", "lock.remove", "lock.add"]


def test_edits_refuse_what_cannot_be(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    unplanned = workspace.plan.unplanned[0].case
    with pytest.raises(ValueError, match="not planned"):
        p.preview(view, Pin(cases=(unplanned,)))
    with pytest.raises(ValueError, match="unknown vehicle"):
        p.preview(view, ForbidPair(case=unplanned, target_kind="vehicle", target="no-such-van"))


def test_passwords_are_salted_scrypt():
    first, second = auth.hash_password("geheim"), auth.hash_password("geheim")
    assert first != second and first.startswith("scrypt$")
    assert auth.verify_password("geheim", first) and not auth.verify_password("Geheim", first)
    assert not auth.verify_password("geheim", None) and not auth.verify_password("geheim", "plain")


def test_pages_per_role_and_idle_policy():
    assert auth.pages_for(["viewer"]) == ["overview", "cases", "timeline", "flights", "map", "export"]
    assert auth.pages_for(["auditor"]) == ["overview", "audit"]
    assert "adjust" in auth.pages_for(["viewer", "coordinator"])
    now = datetime(2026, 12, 7, 12, 0)
    policy = auth.IdlePolicy(minutes=30)
    assert not policy.expired(now - timedelta(minutes=29), now)
    assert policy.expired(now - timedelta(minutes=31), now)
    with pytest.raises(auth.AuthError):
        auth.check_roles(["admin"])


def test_export_after_publish_continues_the_published_calendars(workspace):
    """Calendars downloaded for a later version build on the published ones: same UIDs, and events
    that did not change stay byte-identical (so calendar clients see no spurious updates)."""
    import io
    import zipfile

    from planner import exports
    from planner.web import exporting

    p = workspace.planner
    view = p.view(workspace.scenario_id)
    p.publish(view, "alice")
    published_view = p.view(workspace.scenario_id)
    assert p.published_calendars(published_view) is None  # nothing published before it
    published = exports.calendars(published_view.scenario, published_view.plan,
                                  published_at=published_view.version.created_at)
    swap = None
    for trip in published_view.plan.trips:
        for escort in trip.escorts:
            for person in published_view.scenario.staff:
                if escort.role in person.roles and person.id not in {e.staff for e in trip.escorts}:
                    edit = SwapEscort(case=trip.cases[0], old_staff=escort.staff, new_staff=person.id)
                    if not p.preview(published_view, edit).violations:
                        swap = edit
                        break
            if swap:
                break
        if swap:
            break
    assert swap is not None, "expected one valid escort swap in the demo"
    p.save_edit(published_view, swap, "alice")
    draft = p.view(workspace.scenario_id)
    assert draft.version.number > published_view.version.number
    previous = p.published_calendars(draft)
    assert previous == published
    item = exporting.extra_files(draft.scenario, draft.plan, draft.version.number, draft.version.created_at,
                                 lambda: p.published_calendars(draft))[0]
    with zipfile.ZipFile(io.BytesIO(item.make())) as z:
        calendars = {name.split("/")[-1]: z.read(name) for name in z.namelist() if name.endswith(".ics")}
    changed = {name for name in published if calendars.get(name) != published[name]}
    assert changed and changed <= {f"{swap.old_staff}.ics", f"{swap.new_staff}.ics"} | {
        f"{e.staff}.ics" for t in draft.plan.trips if swap.case in t.cases for e in t.escorts}
    assert b"STATUS:CANCELLED" in calendars[f"{swap.old_staff}.ics"]


def test_move_offers_the_solver_candidates_and_books_the_solver_return(workspace):
    from planner.web import MoveItinerary
    from solver import candidate_itineraries, candidate_returns

    p, sid = workspace.planner, workspace.scenario_id
    view = p.view(sid)
    trip = next(t for t in view.plan.trips if t.escorts)
    choices = p.itinerary_choices(view.scenario, trip.cases[0])
    assert [c.ids for c in choices] == candidate_itineraries(view.scenario, trip.cases, limit=40)
    assert p.itinerary_choices(view.scenario, trip.cases[0]) == choices  # cached per scenario
    assert all(" · " in c.label and "→" in c.label for c in choices)
    target = next(c for c in choices if c.ids != tuple(trip.outbound))
    applied = p.preview(view, MoveItinerary(case=trip.cases[0], outbound=target.ids)).applied
    moved = next(t for t in applied.plan.trips if trip.cases[0] in t.cases)
    assert moved.outbound == target.ids
    assert {e.return_ for e in moved.escorts} == {candidate_returns(view.scenario, trip.cases, target.ids)[0]}
