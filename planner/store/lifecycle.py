"""The case lifecycle and the edit journal, kept per workspace beside the plan versions.

A case goes draft -> announced (its trip was published) -> booked (tickets bought) -> departed,
or ends aborted with a reason code. The state belongs to the case, not to a plan version, so it
survives re-solves, restores and new drafts. Every step is one append-only row plus an audit row;
a step the lifecycle does not allow is refused in words (`IllegalTransition`) and nothing is written.

The edit journal keeps, for each saved edit, the change that takes it back: "undo" applies it while
that edit is still the last save on the workspace.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.store.engine import Database
from planner.store.records import AuditEntry, NotFoundError, Transition
from planner.store.schema import AuditRow, CaseTransitionRow, EditJournalRow, ScenarioRow, aware, dumps, utcnow

DRAFT_CASE, ANNOUNCED, BOOKED, DEPARTED, ABORTED = "draft", "announced", "booked", "departed", "aborted"
CASE_STATES = (DRAFT_CASE, ANNOUNCED, BOOKED, DEPARTED, ABORTED)
ABORT_REASONS = ("court_stop", "appeal", "absconded", "refused_gate", "captain_refused", "flight_cancelled",
                 "fit_to_fly_expired", "other")
WITHDRAWN = "withdrawn"
"""Reason on announced/booked -> draft: a newer published version no longer plans the case."""

LEGAL: dict[str, tuple[str, ...]] = {
    DRAFT_CASE: (ANNOUNCED, ABORTED),
    ANNOUNCED: (BOOKED, DEPARTED, ABORTED, DRAFT_CASE),
    BOOKED: (DEPARTED, ABORTED, DRAFT_CASE),
    ABORTED: (ANNOUNCED, DRAFT_CASE),  # refused at the gate or a cancelled flight: planned again
    DEPARTED: (),
}


class IllegalTransition(ValueError):
    """A lifecycle step that is not allowed (e.g. booked before announced, anything after departed)."""

    def __init__(self, case: str, old: str, new: str, why: str = ""):
        self.case, self.old, self.new = case, old, new
        super().__init__(why or f"case {case} is {old}: it cannot become {new} "
                                f"(allowed: {', '.join(LEGAL.get(old, ())) or 'nothing, it is final'})")


@dataclass(frozen=True)
class CaseState:
    """A case's current lifecycle state (no row yet: draft) or one step of its history."""

    case: str
    state: str
    reason: str
    at: datetime | None
    by: str
    previous: str = DRAFT_CASE


def check_step(case: str, old: str, step: Transition) -> None:
    if step.state not in CASE_STATES:
        raise IllegalTransition(case, old, step.state, f"unknown case state {step.state!r} for case {case} "
                                                      f"(one of {', '.join(CASE_STATES)})")
    if step.state == ABORTED and step.reason not in ABORT_REASONS:
        raise IllegalTransition(case, old, step.state, f"aborting case {case} needs a reason code "
                                                      f"(one of {', '.join(ABORT_REASONS)}), not {step.reason!r}")
    if step.state not in LEGAL.get(old, ()):
        raise IllegalTransition(case, old, step.state)


def _current(s: Session, scenario_id: int) -> dict[str, CaseTransitionRow]:
    rows = s.scalars(select(CaseTransitionRow).where(CaseTransitionRow.scenario_id == scenario_id)
                     .order_by(CaseTransitionRow.id))
    return {r.case_id: r for r in rows}



def write_transitions(s: Session, scenario_id: int, steps: list[Transition], actor: str, now: datetime) -> None:
    """Check and write lifecycle steps inside a save's transaction (an illegal one rolls it all back)."""
    if not steps:
        return
    current = {case: row.to_state for case, row in _current(s, scenario_id).items()}
    for step in steps:
        old = current.get(step.case, DRAFT_CASE)
        check_step(step.case, old, step)
        s.add(CaseTransitionRow(scenario_id=scenario_id, case_id=step.case, from_state=old, to_state=step.state,
                                reason=step.reason, at=now, actor=actor))
        s.add(AuditRow(at=now, actor=actor, action=f"case.{step.state}", object_type="case", object_id=step.case,
                       scenario_id=scenario_id, before=old, after=f"{step.state} ({step.reason})" if step.reason
                       else step.state))
        current[step.case] = step.state


def write_journal(s: Session, scenario_id: int, revision: int, journal: tuple[str, dict], actor: str,
                  now: datetime) -> None:
    kind, inverse = journal
    s.add(EditJournalRow(scenario_id=scenario_id, revision=revision, kind=kind, inverse=dumps(inverse), at=now,
                         actor=actor))


class LifecycleMixin(Database):
    """The case lifecycle and edit journal of the `Store`."""

    def case_states(self, scenario_id: int) -> dict[str, CaseState]:
        """Each case's current state; cases without a row are draft (not listed)."""
        with self._read() as s:
            return {case: CaseState(case, r.to_state, r.reason, aware(r.at), r.actor, r.from_state)
                    for case, r in _current(s, scenario_id).items()}

    def case_history(self, scenario_id: int) -> list[CaseState]:
        """Every lifecycle step of the workspace, oldest first."""
        with self._read() as s:
            rows = s.scalars(select(CaseTransitionRow).where(CaseTransitionRow.scenario_id == scenario_id)
                             .order_by(CaseTransitionRow.id))
            return [CaseState(r.case_id, r.to_state, r.reason, aware(r.at), r.actor, r.from_state) for r in rows]

    def transition(self, scenario_id: int, steps: list[Transition], actor: str,
                   audit: list[AuditEntry] | None = None) -> None:
        """Write lifecycle steps on their own (booked, a manual abort): all or nothing. The plan and the
        workspace revision are untouched: a ticket bought does not change the planning."""
        now = utcnow()
        with self._write() as s:
            if s.get(ScenarioRow, scenario_id) is None:
                raise NotFoundError(f"no scenario {scenario_id}")
            write_transitions(s, scenario_id, steps, actor, now)
            for entry in audit or ():
                s.add(AuditRow(at=now, actor=actor, action=entry.action, object_type=entry.object_type,
                               object_id=entry.object_id, scenario_id=scenario_id, result=entry.result,
                               before=entry.before, after=entry.after))

    def last_edit(self, scenario_id: int) -> tuple[int, str, int, dict] | None:
        """The newest journal entry: (id, kind, revision it produced, inverse change), or None."""
        with self._read() as s:
            row = s.scalar(select(EditJournalRow).where(EditJournalRow.scenario_id == scenario_id)
                           .order_by(EditJournalRow.id.desc()).limit(1))
            return None if row is None else (row.id, row.kind, row.revision, json.loads(row.inverse))
