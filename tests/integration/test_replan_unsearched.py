"""A re-plan never loses a booked trip for lack of search time: when the index stops early (forced
here, so the test does not depend on machine load), a unit it did not search, or searched with less
effort, still has its previous itinerary as an option, and the plan keeps every trip the event did
not hit."""

import pytest

from models import scenario_from_dict
from models.rules import evaluate_objective, find_violations
from planner.service import solve_scenario
from sample_data import generate_scenario
from solver import SolveParams
from solver.index import build_index
from solver.index_pace import FULL, Effort, IndexPace

PARAMS = SolveParams(time_limit_s=6, workers=1, seed=0)
SEARCHED_FIRST = 3
"""Units searched in full before the forced stop (the most urgent ones)."""


def _replan_inputs():
    """A generated scenario, its plan, and the scenario with the first trip's first leg cancelled."""
    raw = generate_scenario(cases=16, days=14, seed=2, staffing=1.0)
    first = solve_scenario(scenario_from_dict(raw), PARAMS).plan
    assert len(first.trips) >= 4, "the scenario must give a re-plan something to keep"
    cancelled = first.trips[0].outbound[0]
    raw["flights"] = [f for f in raw["flights"] if f["id"] != cancelled]
    hit = [t for t in first.trips
           if cancelled in t.outbound or any(cancelled in e.return_ for e in t.escorts)]
    return scenario_from_dict(raw), first, hit


def _stop_after_first(self: IndexPace) -> Effort | None:
    """The pace past the whole time limit after SEARCHED_FIRST units: every later unit is skipped."""
    if self.done < SEARCHED_FIRST:
        return FULL
    self.skipped += 1
    return None


def _least_effort(self: IndexPace) -> Effort | None:
    self.reduced += 1
    return Effort(1, 1)


@pytest.mark.parametrize("pace", [_stop_after_first, _least_effort], ids=["not-searched", "searched-less"])
def test_previous_itinerary_survives_a_short_index(monkeypatch, pace):
    scenario, first, hit = _replan_inputs()
    monkeypatch.setattr(IndexPace, "effort", pace)
    ix = build_index(scenario, PARAMS, first)
    unhit = {tuple(t.cases) for t in first.trips if t not in hit}
    kept_option = {tuple(c.id for c in u.cases) for u in ix.units if u.previous_option is not None}
    assert unhit <= kept_option, "an unhit previous trip lost its itinerary in the index"

    checked = solve_scenario(scenario, PARAMS, first)
    assert checked.violations == [] and checked.repaired == []
    assert find_violations(scenario, checked.plan, first) == []
    trips = {tuple(t.cases): t for t in checked.plan.trips}
    for before in first.trips:
        if before not in hit:
            assert trips.get(tuple(before.cases)) == before, f"unhit trip {before.cases} changed"
    objective = evaluate_objective(scenario, checked.plan, first)
    assert objective.disruption is not None and objective.disruption <= sum(len(t.cases) for t in hit)
    assert checked.plan.objective.disruption == objective.disruption


def test_not_searched_units_without_a_previous_trip_still_say_so(monkeypatch):
    scenario, first, _ = _replan_inputs()
    monkeypatch.setattr(IndexPace, "effort", _stop_after_first)
    ix = build_index(scenario, PARAMS, first)
    planned = {c for t in first.trips for c in t.cases}
    fresh = [u for u in ix.units if u.previous_trip is None
             and not {c.id for c in u.cases} & planned and "time limit" in u.pruned]
    assert fresh, "the forced stop must leave some never-planned unit unsearched"
    assert all(not u.options and any(b.startswith("not searched") for b in u.blockers) for u in fresh)
