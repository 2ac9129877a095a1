"""The case lifecycle on the coordinator's desk: announced at publish, booked by hand, departed or
aborted by case events, and the warnings when a re-plan moves a trip the outside world already holds.

The states live in the store per workspace and case (`planner.store.lifecycle`), beside the plan
versions, so a re-solve, a restore or a new draft never loses them.
"""

from __future__ import annotations

from collections.abc import Iterable

from models import Plan, Scenario
from planner.case_events import LEAVES_PLANNING, REFUSED
from planner.events import Event
from planner.store import (
    ABORT_REASONS,
    ABORTED,
    ANNOUNCED,
    BOOKED,
    CASE_STATES,
    DEPARTED,
    DRAFT_CASE,
    WITHDRAWN,
    AuditEntry,
    CaseState,
    IllegalTransition,
    Transition,
)
from planner.store.lifecycle import LEGAL, check_step
from planner.web.diff import CaseChange, diff_plans
from planner.web.workspace import View, WorkspaceBase

TRIP_CHANGED = "trip_changed"
"""Reason on booked -> announced: the published trip changed, the tickets must be bought again."""
HELD = (ANNOUNCED, BOOKED)
"""States whose trip the outside world holds: a re-plan that moves them needs the coordinator's eye."""


def _planned(plan: Plan | None) -> dict[str, object]:
    return {c: t for t in (plan.trips if plan else ()) for c in t.cases}


def publish_steps(scenario: Scenario, published_before: Plan | None, plan: Plan,
                  states: dict[str, CaseState]) -> list[Transition]:
    """What publishing `plan` does to the lifecycle: its planned cases are announced; a booked case
    whose trip changed goes back to announced (new tickets); a held case the plan no longer plans
    goes back to draft (withdrawn). Departed cases and cases no longer in the scenario are left alone."""
    now_planned = _planned(plan)
    changed = {c.case for c in diff_plans(scenario, published_before, plan, "en") if c.change == "changed"}
    steps = []
    for case in scenario.cases:
        state = states[case.id].state if case.id in states else DRAFT_CASE
        if case.id in now_planned:
            if state in (DRAFT_CASE, ABORTED):
                steps.append(Transition(case.id, ANNOUNCED))
            elif state == BOOKED and case.id in changed:
                steps.append(Transition(case.id, ANNOUNCED, TRIP_CHANGED))
        elif state in HELD:
            steps.append(Transition(case.id, DRAFT_CASE, WITHDRAWN))
    return steps


def event_steps(base_plan: Plan | None, events: Iterable[Event], states: dict[str, CaseState]) -> list[Transition]:
    """The lifecycle steps recorded events make: a case event departs or aborts its case (with the
    event's reason code); a cancelled leg or an unfit decision aborts the held departures it hits.
    Raises IllegalTransition in words (e.g. "departed" for a case that was never announced)."""
    current = {c: s.state for c, s in states.items()}
    steps: list[Transition] = []

    def step(case: str, new: str, reason: str = "", only_held: bool = False) -> None:
        old = current.get(case, DRAFT_CASE)
        if only_held and old not in HELD:
            return
        transition = Transition(case, new, reason)
        check_step(case, old, transition)
        steps.append(transition)
        current[case] = new

    for event in events:
        first = event.args[0] if event.args else None
        if event.kind == "case" and len(event.args) >= 2:
            reason = str(event.args[1])
            if reason == "departed":
                step(str(first), DEPARTED)
            elif reason in LEAVES_PLANNING or reason in REFUSED:
                step(str(first), ABORTED, reason)
        elif event.kind == "cancel_flight":
            for trip in base_plan.trips if base_plan else ():
                if first in trip.outbound:
                    for case in trip.cases:
                        step(case, ABORTED, "flight_cancelled", only_held=True)
        elif event.kind == "fit_to_fly" and len(event.args) >= 2 \
                and str(getattr(event.args[1], "value", event.args[1])) == "unfit":
            step(str(first), ABORTED, "fit_to_fly_expired", only_held=True)
    return steps


def illegal_text(exc: IllegalTransition, lang: str = "nl") -> str:
    """A refused lifecycle step in the page's language ("case-004 is Concept: dat kan niet Vertrokken worden.")."""
    from planner.web.i18n import t

    if exc.old not in LEGAL or exc.new not in LEGAL or exc.new in LEGAL[exc.old]:
        return str(exc)  # an unknown state or reason code: the message names it
    return t("life.illegal", lang, case=exc.case, old=t(f"life.state.{exc.old}", lang),
             new=t(f"life.state.{exc.new}", lang))


class LifecycleDeskMixin(WorkspaceBase):
    """The lifecycle part of the `Planner` facade."""

    def case_states(self, view: View) -> dict[str, CaseState]:
        """Each case's lifecycle state (cases without one are draft)."""
        return self.store.case_states(view.scenario_id)

    def case_history(self, view: View) -> list[CaseState]:
        return self.store.case_history(view.scenario_id)

    def mark_booked(self, view: View, cases: Iterable[str], actor: str) -> list[str]:
        """Tickets bought: the announced ones of `cases` become booked (all or nothing, audited).
        Raises IllegalTransition in words for a case that is not announced."""
        wanted = list(dict.fromkeys(cases))
        if not wanted:
            raise ValueError("choose at least one announced case to mark booked")
        self.store.transition(view.scenario_id, [Transition(c, BOOKED) for c in wanted], actor)
        return wanted

    def mark_all_booked(self, view: View, actor: str) -> list[str]:
        """Every announced case becomes booked; raises ValueError when none is announced."""
        announced = sorted(c for c, s in self.case_states(view).items() if s.state == ANNOUNCED)
        if not announced:
            raise ValueError("no case is announced: publish a version first")
        return self.mark_booked(view, announced, actor)

    def abort_case(self, view: View, case: str, reason: str, actor: str, note: str = "") -> None:
        """A departure called off outside the events (e.g. "other"): the case is aborted with a reason code."""
        if reason not in ABORT_REASONS:
            raise IllegalTransition(case, "", ABORTED, f"unknown reason code {reason!r} "
                                                       f"(one of {', '.join(ABORT_REASONS)})")
        audit = [AuditEntry("case.abort_note", "case", case, after=note[:200])] if note else []
        self.store.transition(view.scenario_id, [Transition(case, ABORTED, reason)], actor, audit)

    def held_changes(self, view: View, changes: Iterable[CaseChange]) -> dict[str, str]:
        """Changed or removed cases whose trip is announced or booked: case -> state (for the warnings)."""
        states = self.case_states(view)
        return {c.case: states[c.case].state for c in changes
                if c.change in ("changed", "removed") and c.case in states and states[c.case].state in HELD}


__all__ = ["ABORT_REASONS", "ANNOUNCED", "CASE_STATES", "HELD", "TRIP_CHANGED", "IllegalTransition",
           "LifecycleDeskMixin", "event_steps", "illegal_text", "publish_steps"]
