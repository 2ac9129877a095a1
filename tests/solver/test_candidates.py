"""`solver.candidate_itineraries`: the hand-edit alternatives are the solver index's own options."""

from __future__ import annotations

import pytest

from models import load_scenario
from sample_data import SCENARIOS_DIR
from solver import SolveParams, candidate_itineraries, candidate_returns
from solver.index import build_index
from tests.builders import build, scenario_dict


def test_candidates_are_exactly_the_index_options():
    scenario = load_scenario(SCENARIOS_DIR / "demo.json")
    ix = build_index(scenario, SolveParams(workers=1, seed=0))
    checked = 0
    for unit in ix.units:
        if unit.locked:
            continue
        found = candidate_itineraries(scenario, unit.case_ids, limit=1000)
        assert set(found) == {o.itinerary.leg_ids for o in unit.options}, unit.key
        assert len(found) == len(set(found))
        arrivals = [scenario.flight_by_id[ids[-1]].arrival for ids in found]
        assert arrivals == sorted(arrivals), "earliest arrival first"
        checked += bool(found)
    assert checked >= 10


def test_limit_forbidden_flights_and_static_blockers():
    scn = scenario_dict()
    scenario = build(scn)
    all_options = candidate_itineraries(scenario, ["BV-1"], limit=100)
    assert len(all_options) >= 2
    assert candidate_itineraries(scenario, ["BV-1"], limit=1) == all_options[:1]
    banned = all_options[0][0]
    scn["forbids"] = [{"case": "BV-1", "flight": banned}]
    assert all(banned not in ids for ids in candidate_itineraries(build(scn), ["BV-1"], limit=100))
    scn = scenario_dict()
    scn["cases"][0]["travel_document"] = None
    assert candidate_itineraries(build(scn), ["BV-1"], limit=100) == []


def test_returns_follow_the_chosen_outbound_and_unknown_units_are_refused():
    scenario = build(scenario_dict())
    outbound = candidate_itineraries(scenario, ["BV-1"], limit=100)[0]
    returns = candidate_returns(scenario, ["BV-1"], outbound)
    assert returns, "the tiny scenario's escorts can fly home"
    arrival = scenario.flight_by_id[outbound[-1]].arrival
    assert all(scenario.flight_by_id[r[0]].departure > arrival for r in returns)
    with pytest.raises(ValueError):
        candidate_itineraries(scenario, ["nobody"], limit=5)
