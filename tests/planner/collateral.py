"""Shared by the collateral-change test and `tests/perf/measure_collateral.py`: cancel a leg of a
published plan, re-plan, sort the changed trips into hit and collateral (planner/tripchanges.py), and
check whether a collateral change was necessary by re-planning with that trip locked as it was."""

from __future__ import annotations

from dataclasses import dataclass, field

from models import Plan, Scenario, Trip
from models.rules import disrupted_cases
from planner.events import events_from_args
from planner.service import solve_scenario
from planner.tripchanges import TripChange, trip_changes
from solver import SolveParams


@dataclass
class Cancelled:
    """One cancellation and its re-plan."""

    leg: str
    scenario: Scenario
    plan: Plan
    changes: list[TripChange] = field(default_factory=list)

    @property
    def hit(self) -> list[TripChange]:
        return [c for c in self.changes if c.hit_by]

    @property
    def collateral(self) -> list[TripChange]:
        return [c for c in self.changes if not c.hit_by]

    def unforced_returns(self) -> list[TripChange]:
        """Trips the event did not touch whose escorts' return legs changed (issue 12)."""
        return [c for c in self.collateral if "returns" in c.what]


def legs_of(trip: Trip) -> list[str]:
    return list(trip.outbound) + [leg for e in trip.escorts for leg in e.return_]


def cancel_and_replan(scenario: Scenario, previous: Plan, leg: str, params: SolveParams) -> Cancelled:
    new, events = events_from_args(scenario, [("--cancel-flight", [leg])])
    plan = solve_scenario(new, params, previous=previous).plan
    return Cancelled(leg, new, plan, trip_changes(new, plan, previous, events))


def locked_as_before(scenario: Scenario, previous: Plan, cases: tuple[str, ...]) -> Scenario:
    """`scenario` with the previous trip of `cases` locked: its outbound legs, escorts and vehicle."""
    trip = next(t for t in previous.trips if set(t.cases) & set(cases))
    data = scenario.model_dump(mode="json", by_alias=True)
    data["locks"] = list(data.get("locks") or []) + [
        {"case": c, "flights": list(trip.outbound), "staff": [e.staff for e in trip.escorts], "vehicle": trip.vehicle}
        for c in trip.cases]
    return Scenario.model_validate(data)


@dataclass
class Verdict:
    """A collateral change judged by a re-plan with the trip locked as it was (the objective's order:
    priority first, then disruption). Exactly one of `needed`, `tie` and `dominated` holds."""

    needed: bool
    """The locked re-plan is worse (less priority, or as much with more disruption), or it still has to
    change the trip's returns (a lock holds outbound, escorts and vehicle, not returns) at no less disruption."""
    tie: bool
    """The locked re-plan is exactly as good: an equal plan keeps this trip and changes another instead."""
    dominated: bool
    """The locked re-plan is better: the re-plan missed a better plan in its time limit."""
    seen: str
    tie_won_later: bool = False
    """A tie the re-plan wins on the objective's later levels (language mismatch, then cost): the change
    bought those, so the re-plan rightly prefers it."""


def judge(done: Cancelled, previous: Plan, change: TripChange, params: SolveParams) -> Verdict:
    """Whether a collateral change bought something, by re-planning with the trip locked as it was."""
    locked = solve_scenario(locked_as_before(done.scenario, previous, change.cases), params, previous=previous).plan
    before, after = done.plan.objective, locked.objective
    seen = (f"locked {'+'.join(change.cases)}: priority {after.planned_priority} disruption {after.disruption} "
            f"(re-plan: {before.planned_priority} / {before.disruption})")
    ours = (before.planned_priority, -(before.disruption or 0))
    theirs = (after.planned_priority, -(after.disruption or 0))
    still_changed = bool(set(change.cases) & set(disrupted_cases(done.scenario, locked, previous)))
    needed = theirs < ours or (theirs == ours and still_changed)
    tie = theirs == ours and not still_changed
    later = ((-(before.language_mismatch or 0), -round(before.cost_eur, 2)) >
             (-(after.language_mismatch or 0), -round(after.cost_eur, 2)))
    if tie:
        seen += (f"; language mismatch / cost: locked {after.language_mismatch} / {after.cost_eur:.2f}, "
                 f"re-plan {before.language_mismatch} / {before.cost_eur:.2f}")
    return Verdict(needed, tie, theirs > ours, seen, tie and later)


def necessary(done: Cancelled, previous: Plan, change: TripChange, params: SolveParams) -> tuple[bool, str]:
    verdict = judge(done, previous, change, params)
    return verdict.needed, verdict.seen
