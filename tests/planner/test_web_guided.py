"""Guided, safe edits (issue 11 item 5): options marked ✓/✗ by the rule checker, the pending edit in
words, a rule-breaking save audited as a deliberate deviation, live solve progress."""

from __future__ import annotations

import logging

from models.rules import find_violations
from planner.web import ForbidPair, MoveItinerary, Pin, SwapEscort
from planner.web.actions import record_text
from planner.web.options import AVAILABILITY_RULES
from planner.web.progress import BestSoFar, priority_of, read_progress
from planner.web.workspace import violation_key


def _agrees_with_checker(p, view, option):
    """✓ exactly when the checker finds no new broken rule (and no pin/forbid clash) in the edited plan."""
    applied = p.apply(view, option.edit)
    before = {violation_key(v) for v in view.violations}
    fresh = [v for v in find_violations(applied.scenario, applied.plan, view.published_plan)
             if violation_key(v) not in before] if applied.plan is not None else []
    assert option.ok == (not fresh and not p.clashes(applied.scenario)), option
    assert {v.rule for v in option.broken} == {v.rule for v in fresh}


def test_itinerary_and_pin_options_are_marked_by_the_rule_checker(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    trip = view.plan.trips[0]
    moves = p.itinerary_options(view, trip.cases[0])
    assert moves and all(o.edit == MoveItinerary(case=trip.cases[0], outbound=tuple(o.value.split(",")))
                         for o in moves)
    for option in moves + p.pin_options(view):
        _agrees_with_checker(p, view, option)
    assert all(o.mark == "✓" for o in p.pin_options(view))  # pinning a valid plan as it is breaks nothing


def test_forbidding_what_the_plan_uses_is_marked_with_the_rules_dutch_words(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    trip = view.plan.trips[0]
    others = [v.id for v in view.scenario.vehicles if v.id != trip.vehicle]
    marked = {o.value: o for o in p.forbid_options(view, trip.cases[0], "vehicle", [trip.vehicle, *others])}
    used = marked[trip.vehicle]
    assert used.mark == "✗" and used.why("nl") == "Uitgesloten vervoer ingezet"
    assert used.why("en") == "Excluded vehicle used"
    assert all(marked[v].ok for v in others)
    for option in marked.values():
        _agrees_with_checker(p, view, option)


def test_a_pin_on_a_forbidden_flight_is_marked_and_named_as_the_coordinators_own_forbid(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    trip = view.plan.trips[0]
    p.save_edit(view, ForbidPair(case=trip.cases[0], target_kind="flight", target=trip.outbound[0]), "alice")
    view = p.view(workspace.scenario_id)
    pin = next(o for o in p.pin_options(view) if o.value == trip.cases[0])
    assert pin.mark == "✗" and pin.clashes
    from planner.web.i18n import t
    why = pin.why("nl", lambda key, **v: t(key, "nl", **v))
    assert f"u heeft vlucht {trip.outbound[0]} voor deze zaak uitgesloten" in why


def test_escort_candidates_are_filtered_by_availability_unless_all_are_asked_for(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    found = False
    for trip in view.plan.trips:
        for escort in trip.escorts:
            every = p.escort_options(view, trip.cases[0], escort.staff, show_all=True)
            shown = p.escort_options(view, trip.cases[0], escort.staff)
            assert [o.value for o in shown] == [o.value for o in every if o.available]
            for option in every:
                _agrees_with_checker(p, view, option)
                busy = any(v.rule in AVAILABILITY_RULES for v in option.broken)
                assert option.available == (not busy)
                found = found or busy
    assert found, "the demo should have at least one escort who is away or busy during some trip"


def test_the_pending_edit_is_said_in_words_with_names_and_local_times(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    s = view.scenario
    trip = next(t for t in view.plan.trips if t.escorts)
    flight = s.flight_by_id[trip.outbound[0]]
    pin = p.describe_edit(view, Pin(cases=(trip.cases[0],), staff=False, vehicle=False, care=False))
    assert pin.startswith(f"Zaak {trip.cases[0]}: vlucht {flight.code} ") and pin.endswith(" vastzetten")
    assert pin.split(f"{flight.code} ")[1][:2] in ("ma", "di", "wo", "do", "vr", "za", "zo")
    old = trip.escorts[0].staff
    new = next(x.id for x in s.staff if x.id != old)
    swap = p.describe_edit(view, SwapEscort(case=trip.cases[0], old_staff=old, new_staff=new), "nl")
    assert swap == (f"Zaak {trip.cases[0]}: begeleider {s.staff_by_id[old].name} ({old}) vervangen door "
                    f"{s.staff_by_id[new].name} ({new})")
    english = p.describe_edit(view, SwapEscort(case=trip.cases[0], old_staff=old, new_staff=new), "en")
    assert english.startswith(f"Case {trip.cases[0]}: replace escort ")


def test_a_rule_breaking_save_is_audited_as_a_deliberate_deviation(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    trip = view.plan.trips[0]
    p.save_edit(view, ForbidPair(case=trip.cases[0], target_kind="vehicle", target=trip.vehicle), "alice")
    rows = workspace.store.audit_rows(action="edit.deviate")
    assert [(r.actor, r.object_id) for r in rows] == [("alice", trip.cases[0])]
    assert rows[0].after == "deviation: rule8.forbid_vehicle"  # stable codes in the store
    assert record_text(rows[0].after, "nl") == "bewust afgeweken: Uitgesloten vervoer ingezet"
    assert record_text(rows[0].after, "en").startswith("deliberate deviation: ")
    p.save_edit(p.view(workspace.scenario_id), Pin(cases=(view.plan.trips[1].cases[0],)), "alice")
    assert len(workspace.store.audit_rows(action="edit.deviate")) == 1  # a valid edit is no deviation


def test_best_priority_so_far_only_goes_up_and_reaches_the_page(workspace, monkeypatch):
    assert priority_of("priority", 17.0, 25) == 17
    assert priority_of("priority+disruption", 26 * 17 - 3, 25) == 17   # W = cases + 1, disruption 3
    assert priority_of("priority+disruption", 26 * 17, 25) == 17
    assert priority_of("cost", 1234.0, 25) is None
    log = logging.getLogger("solver.cpsat")
    with BestSoFar(4242, 25):
        for phase, value in (("priority+disruption", 26 * 10 - 2), ("priority+disruption", 26 * 12 - 5),
                             ("cost", 99.0), ("priority", 11.0)):
            log.info("%s phase: solution %d, value %.0f, bound %.0f (%.1f s)", phase, 1, value, 0.0, 0.1)
    assert read_progress(4242) == {"solutions": 4, "priority": 12}   # never back down to 11


def test_solve_progress_counter_never_runs_backwards(workspace):
    import time

    p = workspace.planner
    view = p.view(workspace.scenario_id)
    job_id = p.start_solve(view, "alice", 5.0)
    seen, deadline = [], time.monotonic() + 90
    while time.monotonic() < deadline:
        progress = p.job_progress(job_id)
        seen.append((progress.elapsed_s, progress.fraction, progress.best_priority or -1))
        if not progress.running:
            break
        time.sleep(0.2)
    assert not p.job_progress(job_id).running
    for earlier, later in zip(seen, seen[1:], strict=False):
        assert later[0] >= earlier[0] and later[1] >= earlier[1] and later[2] >= earlier[2], seen
    assert seen[-1][1] == 1.0
    assert p.job_progress(job_id).best_priority is not None


def test_a_case_pinned_to_a_flight_it_forbids_says_the_coordinator_forbade_it(demo_plan):
    """B2's reason: the unplanned case names the coordinator's own forbid, in both languages."""
    from models import Forbid, Lock, load_scenario
    from planner.reasons import reasons_in
    from planner.service import solve_scenario
    from solver import SolveParams
    from tests.webfixtures import DEMO

    s = load_scenario(DEMO)
    trip = demo_plan.trips[0]
    case, flight = trip.cases[0], trip.outbound[0]
    clashing = s.model_copy(update={
        "locks": (Lock.model_validate({"case": case, "flights": list(trip.outbound)}),),
        "forbids": tuple(s.forbids) + (Forbid.model_validate({"case": case, "flight": flight}),)})
    plan = solve_scenario(clashing, SolveParams(time_limit_s=5, workers=1, seed=0), demo_plan).plan
    dropped = next(u for u in plan.unplanned if u.case == case)
    assert reasons_in(dropped, "nl")[0] == (f"vastzetting kan niet worden gehouden: u heeft vlucht {flight} "
                                            "uitgesloten, maar de zaak is erop vastgezet")
    assert reasons_in(dropped, "en")[0] == (f"lock cannot be kept: you forbade flight {flight}, "
                                            "but the case is pinned to it")
    assert dropped.reasons[0].startswith("lock cannot be kept: ")  # the file contract's English reason
