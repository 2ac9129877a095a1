"""The time budget on its own: shares validated, deadlines in stage order, reproducible slices that
do not depend on the clock, and loops that stop on time."""

import time

import pytest
from pydantic import ValidationError

from solver.budget import FIXED_STAGES, Meter, SolveBudget, tolerance_s
from solver.params import SolveParams


class FakeClock:
    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(time, "perf_counter", fake)
    return fake


def test_shares_are_validated():
    with pytest.raises(ValidationError, match="at most 0.9"):
        SolveParams(index_share=0.5, heuristics_share=0.3, explain_share=0.2)
    with pytest.raises(ValidationError):
        SolveParams(priority_phase_share=1.0)
    with pytest.raises(ValidationError):
        SolveParams(hint_share=-0.1)
    SolveParams(index_share=0.2, heuristics_share=0.2, large_heuristics_share=0.3, hint_share=0.05,
                explain_share=0.1, finish_share=0.1)


def test_tolerance_is_the_rule():
    assert tolerance_s(3) == 5.0
    assert tolerance_s(60) == 6.0
    assert tolerance_s(300) == pytest.approx(30.0)


@pytest.mark.parametrize("workers", [1, 2])
def test_deadlines_follow_the_stages_and_stay_inside_the_limit(clock, workers):
    params = SolveParams(time_limit_s=60, workers=workers)
    budget = SolveBudget(params)
    limit_end = budget.backstop
    order = ["index", "heuristics", "hint", "priority", "hint", "cost", "explain", "finish"]
    deadlines = []
    for stage in order:
        part = budget.slice(stage)
        assert part.seconds >= 0
        assert clock.now <= part.deadline <= limit_end
        deadlines.append(part.deadline)
        clock.now = min(part.deadline, clock.now + part.seconds)  # the stage uses its slice
    assert deadlines == sorted(deadlines)
    latest = [
        budget.latest(s) for s in ("index", "heuristics", "model", "hint", "priority", "cost", "explain", "finish")
    ]
    assert latest == sorted(latest)


def test_wall_mode_gives_less_when_time_runs_short(clock):
    budget = SolveBudget(SolveParams(time_limit_s=60, workers=2))
    full = budget.slice("explain").seconds
    assert full == pytest.approx(min(0.08 * 60, 8.0))
    clock.now = budget.end - budget.nominal("finish") - 1.0
    assert budget.slice("explain").seconds == pytest.approx(1.0)
    assert budget.search_left_s() == 0.0
    clock.now = budget.end + 5
    part = budget.slice("cost")
    assert part.seconds == 0.0 and part.expired()


def test_loading_counts_against_the_limit(clock):
    budget = SolveBudget(SolveParams(time_limit_s=60, workers=2), started=clock.now - 20)
    assert budget.left_s() == pytest.approx(40.0)
    assert budget.search_left_s() < 40.0


def test_reproducible_slices_do_not_depend_on_the_clock(monkeypatch):
    params = SolveParams(time_limit_s=30, workers=1)

    def run(start: float, step: float) -> list[float]:
        fake = FakeClock(start)
        monkeypatch.setattr(time, "perf_counter", fake)
        budget = SolveBudget(params)
        budget.record("index", 1.25)
        budget.record("model", 0.5)
        out = []
        for stage in ("heuristics", "hint", "priority", "hint", "cost", "explain", "finish"):
            out.append(budget.slice(stage).seconds)
            fake.now += step  # a slow or a fast machine
        return out

    fast, slow = run(10.0, 0.1), run(5000.0, 9.0)
    assert fast == slow
    heuristics, hint, priority, _, cost, explain, finish = fast
    pool = 30 - 1.25 - heuristics - 0.5 - 2 * hint - explain - finish
    assert priority == pytest.approx(0.5 * pool) and cost == pytest.approx(0.5 * pool)


def test_reproducible_pool_is_shared_by_a_second_solve(clock):
    budget = SolveBudget(SolveParams(time_limit_s=30, workers=1))
    first = budget.search_left_s()
    budget.slice("priority")
    assert budget.search_left_s() == pytest.approx(first / 2)
    relaxed = budget.slice("relaxed re-solve", share=0.5)
    assert relaxed.seconds == pytest.approx(first / 4)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_slice_that_overran_takes_the_excess_from_the_pool(clock, workers):
    budget = SolveBudget(SolveParams(time_limit_s=30, workers=workers))
    lns = budget.slice("lns", share=0.5)
    left = budget.search_left_s()
    budget.overran(lns, lns.seconds - 1)  # spent less: nothing comes back
    assert budget.search_left_s() == pytest.approx(left)
    budget.overran(lns, lns.seconds + 2)
    # one worker: nominal seconds, the excess leaves the pool; several: the clock already counts it
    assert budget.search_left_s() == pytest.approx(left - 2 if workers == 1 else left)
    budget.overran(lns, lns.seconds + 10 * left)
    assert budget.search_left_s() == (0.0 if workers == 1 else pytest.approx(left))


def test_every_fixed_stage_has_a_nominal_size():
    budget = SolveBudget(SolveParams(time_limit_s=100))
    for stage in FIXED_STAGES:
        assert budget.nominal(stage) >= 0
    assert budget.nominal("heuristics") == 10.0  # capped by heuristics_max_s


def test_meter_counts_when_reproducible_and_watches_the_clock_otherwise(clock):
    counted = Meter(SolveBudget(SolveParams(time_limit_s=10, workers=1)).slice("heuristics"), rate=4)
    loops = 0
    while counted.more():
        loops += 1
        clock.now += 1.0  # a slow machine: time does not matter before the wall-clock backstop
        if loops > 100:
            break
    assert loops == 6  # 1.5 nominal seconds x 4 per second

    clock.now = 0.0
    timed = Meter(SolveBudget(SolveParams(time_limit_s=10, workers=2)).slice("heuristics"), rate=4)
    loops = 0
    while timed.more():
        loops += 1
        clock.now += 0.5
    assert loops == 3  # 1.5 s of wall time in steps of 0.5 s


def test_reproducible_backstop_stops_a_runaway_stage(clock):
    budget = SolveBudget(SolveParams(time_limit_s=10, workers=1))
    meter = Meter(budget.slice("heuristics"), rate=1000)
    assert budget.clock_cuts == []
    clock.now = budget.backstop + 1
    assert not meter.more()
    assert budget.clock_cuts == ["heuristics"]  # the plan will say the run was not reproducible


def test_a_reproducible_stage_that_spent_its_count_was_not_cut(clock):
    budget = SolveBudget(SolveParams(time_limit_s=10, workers=1))
    meter = Meter(budget.slice("heuristics").part("local search", 0.5), rate=2)
    while meter.more():
        clock.now += 1.0
    clock.now = budget.backstop + 1  # the clock is past the deadline only after the count ran out
    assert not meter.more() and budget.clock_cuts == []


def test_wall_mode_deadlines_are_not_clock_cuts(clock):
    budget = SolveBudget(SolveParams(time_limit_s=10, workers=2))
    piece = budget.slice("heuristics")
    clock.now = budget.backstop + 1
    assert piece.expired() and budget.clock_cuts == []
