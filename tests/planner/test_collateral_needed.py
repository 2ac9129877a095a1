"""A re-plan moves a trip the event did not hit only when that buys planned priority (issue 12; FORMAT.md:
priority first, then disruption). On generated scenarios (seeds 0-2, 14 cases, 10 days), one flight used by
one trip is cancelled; every collateral change must be necessary: re-planning with that trip locked as it
was plans less priority (tests/planner/collateral.py). The `replan` report says so for each of them.

Seeds 0 and 2 have one such move each (seed 0: the cancelled case's only remaining flight needs the one
coordinator free that day, who escorted case-013; seed 2: case-014 needs kmar-03 from case-005's trip)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from models import Scenario
from planner.service import solve_scenario
from planner.tripchanges import changes_text, least_disruption_proven
from sample_data import generate_scenario
from solver import SolveParams
from tests.planner.collateral import cancel_and_replan, legs_of, necessary

pytestmark = pytest.mark.usefixtures("far_wall_backstop")  # asserts one-worker objective values

PARAMS = SolveParams(time_limit_s=8, workers=1, seed=0)
checked: list[str] = []


def _published(seed: int):
    scenario = Scenario.model_validate(generate_scenario(cases=14, days=10, seed=seed, staffing=1.0))
    return scenario, solve_scenario(scenario, PARAMS).plan


def _leg_of_one_trip(scenario: Scenario, plan) -> str:
    """The first leg of the latest trip outside the freeze whose first leg no other trip uses."""
    freeze_end = scenario.planning_start + timedelta(hours=scenario.settings.freeze_hours)
    uses = Counter(leg for trip in plan.trips for leg in set(legs_of(trip)))
    trip = next(t for t in sorted(plan.trips, key=lambda t: t.pickup, reverse=True)
                if t.pickup > freeze_end and uses[t.outbound[0]] == 1)
    return trip.outbound[0]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_collateral_change_is_needed(seed):
    scenario, published = _published(seed)
    done = cancel_and_replan(scenario, published, _leg_of_one_trip(scenario, published), PARAMS)
    assert len(done.hit) == 1
    assert done.plan.objective.planned_priority <= published.objective.planned_priority
    for change in done.collateral:
        ok, seen = necessary(done, published, change, PARAMS)
        assert ok, f"seed {seed}: collateral change of {change.cases} ({change.what}) bought nothing: {seen}"
        assert change.made_room_for and change.gave_up, change
        checked.append(f"{seed}:{'+'.join(change.cases)}")
    if done.collateral:
        assert least_disruption_proven(done.plan)
        text = changes_text(done.scenario, done.plan, published, [], "en")
        assert "needed: no plan of the same priority changes fewer cases" in text, text


def test_some_collateral_change_was_checked():
    """Keeps the test above from passing on nothing: seeds 0 and 2 need one collateral move each."""
    assert checked, "no seed produced a collateral change, so necessity was never checked"
