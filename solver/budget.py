"""One clock for the whole solve: every stage asks the budget for its slice and stops at its deadline.

The time limit bounds the whole command (loading, index, heuristics, model, CP-SAT phases,
explanations, final check and writing). The budget hands each stage a `Slice`:

- wall mode (several workers): the stage's share of the limit, or less when the time left after
  what the later stages need is shorter; the deadline is a wall-clock instant;
- reproducible mode (`workers == 1`): the stage's *nominal* seconds, computed from the limit and
  from deterministic counts only, never from a clock; the stage turns them into a deterministic
  budget (iterations, CP-SAT deterministic time, counted work). The wall clock is only a backstop
  there: past `limit + BACKSTOP_GRACE_SHARE * tolerance` every stage stops, reproducible or not.

The CP-SAT phases share one pool (what the fixed stages leave); a relaxed re-solve or a lock check
asks `search_left_s()` or `slice(name, share=...)` and gets its part of the same pool.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from solver.params import LARGE_MODEL_COST_PHASE, SolveParams, reproducible

FIXED_STAGES = ("index", "heuristics", "model", "hint", "explain", "finish")
SEARCH_STAGES = ("priority", "cost")
AFTER = {
    "index": ("heuristics", "model", "hint", "explain", "finish"),
    "heuristics": ("model", "hint", "explain", "finish"),
    "model": ("hint", "explain", "finish"),
    "hint": ("hint", "explain", "finish"),
    "priority": ("hint", "explain", "finish"),
    "cost": ("explain", "finish"),
    "explain": ("finish",),
    "finish": (),
}
"""Stages whose nominal seconds are kept free when an earlier stage asks for its slice."""

MIN_SEARCH_S = 1.0
"""The CP-SAT phases together get at least this long (nominal pool, reproducible mode)."""
FLOOR_S = {"hint": 0.5, "priority": 0.5, "cost": 0.5}
"""Wall mode: what these stages still get when the planned end has passed (a very short limit, or
slow loading), as long as the backstop allows it: the optimiser runs briefly rather than not at all."""
FINISH_MIN_S = 0.5
"""The final rule check and writing the plan are reserved at least this long."""
BACKSTOP_GRACE_SHARE = 0.5
"""Every stage is cut by the wall clock at limit + this share of the tolerance: the backstop. Wall
mode plans for the limit itself; reproducible mode spends nominal budgets and only meets the backstop
on a machine far slower than calibrated."""


WALL_STOP_SHARE = 0.95
"""A CP-SAT search that ran this share of its wall limit or more was stopped by it."""


TOLERANCE_MIN_S = 5.0
"""A command may end this long past `--time-limit` (FORMAT.md), or TOLERANCE_SHARE of it if longer."""
TOLERANCE_SHARE = 0.1


def tolerance_s(limit_s: float) -> float:
    """How far past `--time-limit` a command may end: max(5 s, 10 %)."""
    return max(TOLERANCE_MIN_S, TOLERANCE_SHARE * limit_s)


@dataclass(frozen=True)
class Slice:
    """A stage's part of the budget: `seconds` to spend (nominal when reproducible) and a wall-clock
    `deadline` (time.perf_counter) at which it stops in any mode."""

    stage: str
    seconds: float
    deadline: float
    reproducible: bool
    clock_cuts: list[str] | None = field(default=None, compare=False, repr=False)
    """The whole budget's record of reproducible stages the wall clock stopped (SolveBudget.clock_cuts)."""

    def left(self) -> float:
        return max(0.0, self.deadline - time.perf_counter())

    def expired(self) -> bool:
        gone = time.perf_counter() >= self.deadline
        if gone:
            self.note_clock_cut()
        return gone

    def note_clock_cut(self) -> None:
        """This stage stopped at its wall-clock deadline: in reproducible mode the run then depends on
        the machine's speed, and the plan says so (solver info `clock_cut`)."""
        if self.reproducible and self.clock_cuts is not None and self.stage not in self.clock_cuts:
            self.clock_cuts.append(self.stage)

    def note_cpsat_stop(self, solver, status) -> None:
        """After a CP-SAT search in this slice: a search that ran WALL_STOP_SHARE of its wall limit or more
        without proving anything was stopped by the clock, not by its deterministic limit."""
        from ortools.sat.python import cp_model

        if (status not in (cp_model.OPTIMAL, cp_model.INFEASIBLE, cp_model.MODEL_INVALID)
                and solver.wall_time >= WALL_STOP_SHARE * solver.parameters.max_time_in_seconds):
            self.note_clock_cut()

    def part(self, name: str, fraction: float) -> Slice:
        """A sub-slice, e.g. the start heuristics' part of the heuristics slice."""
        if self.reproducible:
            return Slice(name, self.seconds * fraction, self.deadline, True, self.clock_cuts)
        now = time.perf_counter()
        seconds = min(self.seconds * fraction, self.left())
        return Slice(name, seconds, min(self.deadline, now + seconds), False, self.clock_cuts)


class Meter:
    """A loop's budget: counted work when reproducible (`rate` units per nominal second), the clock
    otherwise; the slice's deadline stops it in both modes."""

    def __init__(self, slice_: Slice, rate: float, at_least: float = 0.0):
        self.slice = slice_
        self.capacity = max(at_least, slice_.seconds * rate)
        self.used = 0.0
        self.started = time.perf_counter()

    def charge(self, units: float = 1.0) -> None:
        self.used += units

    def exhausted(self) -> bool:
        if self.slice.reproducible and self.used >= self.capacity:
            return True  # the counted budget first: a clock past the deadline then cut nothing
        if self.slice.expired():
            return True
        return not self.slice.reproducible and time.perf_counter() - self.started >= self.slice.seconds

    def more(self) -> bool:
        """Loop guard: True while the budget lasts, charging one unit per call."""
        if self.exhausted():
            return False
        self.charge()
        return True

    def fraction_used(self) -> float:
        if self.slice.reproducible:
            return self.used / self.capacity if self.capacity else 1.0
        return (time.perf_counter() - self.started) / self.slice.seconds if self.slice.seconds > 0 else 1.0


class SolveBudget:
    """The whole command's clock. `started` is when the command began (the CLI passes its own start,
    so loading counts). Taken in stage order, each stage's latest instant (`latest`) is later than the
    one before; wall mode plans every slice to end by the limit, and no deadline lies past the
    backstop (limit + half the tolerance) in either mode."""

    def __init__(self, params: SolveParams, started: float | None = None):
        self.params = params
        self.limit_s = params.time_limit_s
        self.reproducible = reproducible(params)
        now = time.perf_counter()
        self.started = now if started is None else min(started, now)
        self.end = self.started + self.limit_s
        self.backstop = self.end + BACKSTOP_GRACE_SHARE * tolerance_s(self.limit_s)
        self.large_model = False
        """Set once the index is built: the CP-SAT model will not hold every escort candidate, so the
        start heuristics take the large share (solver.model_size)."""
        self.recorded: dict[str, float] = {}
        """Nominal seconds a finished stage counts as (reproducible mode): index work, model size."""
        self._pool: float | None = None
        self.clock_cuts: list[str] = []
        """Reproducible mode: the stages the wall-clock backstop stopped before their counted budget
        was spent (a machine far slower than calibrated, or a loaded one); empty in a reproducible run."""

    # -- nominal sizes -----------------------------------------------------------------------
    def nominal(self, stage: str) -> float:
        """The stage's share of the limit in seconds (fixed stages; 'model' is recorded, not a share)."""
        p, limit = self.params, self.limit_s
        if stage == "index":
            return p.index_share * limit
        if stage == "heuristics":
            if self.large_model:
                return p.large_heuristics_share * limit
            return min(p.heuristics_share * limit, p.heuristics_max_s)
        if stage == "model":
            return self.recorded.get("model", 0.0)
        if stage == "hint":
            return p.hint_share * limit
        if stage == "explain":
            return min(p.explain_share * limit, p.explain_max_s)
        if stage == "finish":
            return max(FINISH_MIN_S, p.finish_share * limit)
        raise KeyError(stage)

    def reserve(self, stage: str) -> float:
        """Nominal seconds the stages after `stage` keep free."""
        return sum(self.nominal(s) for s in AFTER[stage])

    def record(self, stage: str, nominal_s: float) -> None:
        """What a stage of measured size counts as: index work, the model's estimated build time."""
        self.recorded[stage] = max(0.0, nominal_s)

    # -- slices ------------------------------------------------------------------------------
    def slice(self, stage: str, share: float | None = None, last: bool = False) -> Slice:
        """The slice for `stage`. Search stages ('priority', 'cost', or any name with a `share`, e.g. a
        lock check or a relaxed re-solve) take their part of the CP-SAT pool; `last` says no search
        phase follows (nothing is kept free for its start solution)."""
        now = time.perf_counter()
        if stage in SEARCH_STAGES or share is not None:
            seconds, hard = self._search(stage, share, now, last)
        else:
            room = self.end - now - self.reserve(stage) - (MIN_SEARCH_S if stage in ("index", "heuristics") else 0.0)
            hard = self.backstop - self.reserve(stage)
            seconds = (self.nominal(stage) if self.reproducible
                       else self._floored(stage, min(self.nominal(stage), room), hard - now))
        deadline = max(now, hard) if self.reproducible else min(now + seconds, max(now, hard))
        return Slice(stage, seconds, deadline, self.reproducible, self.clock_cuts)

    def overran(self, piece: Slice, used_s: float) -> None:
        """Reproducible mode: a search slice that spent more nominal seconds than it was given (a
        floor, e.g. the LNS's one pass over its windows) takes the excess from the pool, so the later
        phases shrink instead of the run reaching the wall-clock backstop (which would end it by the
        clock, not reproducibly)."""
        if self.reproducible and used_s > piece.seconds:
            self._pool = max(0.0, self._search_pool() - (used_s - piece.seconds))

    @staticmethod
    def _floored(stage: str, seconds: float, until_backstop: float) -> float:
        """Wall mode: a stage's seconds, raised to its floor while the backstop allows."""
        floor = min(FLOOR_S.get(stage, 0.0), until_backstop)
        return max(0.0, seconds, floor)

    def latest(self, stage: str) -> float:
        """The instant after which `stage` leaves the later stages less than their nominal time."""
        return self.end - self.reserve(stage)

    def hard_stop(self) -> float:
        """The instant past which only the final check and writing may still run."""
        return self.backstop - self.nominal("finish")

    def search_left_s(self) -> float:
        """Seconds left for CP-SAT search now: nominal pool (reproducible) or wall time after the
        reserves. The hook a relaxed re-solve uses."""
        if self.reproducible:
            return self._search_pool()
        return max(0.0, self.end - time.perf_counter() - self.reserve("cost"))

    def _search_pool(self) -> float:
        if self._pool is None:
            used = (self.recorded.get("index", 0.0) + self.nominal("heuristics") + self.nominal("model")
                    + 2 * self.nominal("hint") + self.nominal("explain") + self.nominal("finish"))
            self._pool = max(MIN_SEARCH_S, self.limit_s - used)
        return self._pool

    def _search(self, stage: str, share: float | None, now: float, last: bool) -> tuple[float, float]:
        if share is None:
            share = self.phase_share(stage)
        after = "cost" if stage == "cost" or last else "priority"
        if self.reproducible:
            pool = self._search_pool()
            seconds = pool * share
            self._pool = pool - seconds
        else:
            seconds = max(0.0, self.end - now - self.reserve(after)) * share
            seconds = self._floored(stage if stage in FLOOR_S else "priority", seconds,
                                    self.backstop - self.reserve(after) - now)
        return seconds, self.backstop - self.reserve(after)

    def phase_share(self, stage: str, previous_plan: bool = False) -> float:
        """Priority phase: its share of the pool (all of it for a large model, which has no cost phase);
        cost phase: everything left."""
        if stage == "cost" or (self.large_model and not LARGE_MODEL_COST_PHASE):
            return 1.0
        return self.params.replan_priority_phase_share if previous_plan else self.params.priority_phase_share

    def left_s(self) -> float:
        """Wall seconds until the end of the limit."""
        return self.end - time.perf_counter()

    def elapsed_s(self) -> float:
        return time.perf_counter() - self.started
