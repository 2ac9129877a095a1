"""Undo of the last edit (pin, unpin, forbid, allow, escort swap, itinerary move).

Each saved edit writes, in the same transaction, the change that takes it back (the edit journal,
`planner.store.lifecycle`). Undo applies it while that edit is still the last save on the workspace:
locks and forbids as they were, and for a plan edit a new draft equal to the version the edit
started from (versions are immutable). After a solve, a publish, an event or a restore there is
nothing to undo: the page says why instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.store import AuditEntry, Change, SaveResult
from planner.web.edits import Applied
from planner.web.workspace import View, WorkspaceBase, new_plan_record

UNDO_KIND = "undo"


@dataclass(frozen=True)
class UndoState:
    """Whether "undo" is possible now, and if not, why (an i18n key); `kind` is the edit it would undo."""

    possible: bool
    why_key: str
    kind: str = ""
    journal_id: int | None = None


def inverse_of(view: View, applied: Applied) -> dict:
    """The change that takes `applied` back, on the workspace as `view` shows it."""
    old_locks = {lk.case: lk.model_dump(mode="json", exclude_none=True) for lk in view.scenario.locks}
    old_forbids = [fb.model_dump(mode="json", exclude_none=True) for fb in view.scenario.forbids]
    add_locks, remove_locks = [], []
    for lock in applied.add_locks:
        if lock["case"] in old_locks:
            add_locks.append(old_locks[lock["case"]])
        else:
            remove_locks.append(lock["case"])
    add_locks += [old_locks[case] for case in applied.remove_locks if case in old_locks]
    plan_id = view.version.id if applied.new_plan and view.version is not None else None
    return {"add_locks": add_locks, "remove_locks": remove_locks,
            "add_forbids": [fb for fb in applied.remove_forbids if fb in old_forbids],
            "remove_forbids": [fb for fb in applied.add_forbids if fb not in old_forbids],
            "plan_id": plan_id}


class UndoMixin(WorkspaceBase):
    """The undo part of the `Planner` facade."""

    def undo_state(self, view: View) -> UndoState:
        last = self.store.last_edit(view.scenario_id)
        if last is None:
            return UndoState(False, "undo.none")
        journal_id, kind, revision, _ = last
        if view.stale or self.store.scenario_info(view.scenario_id).revision != view.revision:
            return UndoState(False, "undo.stale")
        if revision != view.revision:
            return UndoState(False, "undo.later", kind)
        if kind == UNDO_KIND:
            return UndoState(False, "undo.done", kind)
        return UndoState(True, "undo.ready", kind, journal_id)

    def undo_last_edit(self, view: View, actor: str) -> SaveResult:
        """Take back the last edit (audited as edit.undo); ValueError in words when there is none to undo."""
        state = self.undo_state(view)
        if not state.possible:
            raise ValueError(f"nothing to undo ({state.why_key})")
        last = self.store.last_edit(view.scenario_id)
        assert last is not None
        _, kind, _, inverse = last
        new_plan = None
        if inverse.get("plan_id") is not None:
            version, plan = self.plan(int(inverse["plan_id"]))
            new_plan = new_plan_record(view.scenario, plan, UNDO_KIND, version.id, note=f"v{version.number}")
        audit = [AuditEntry("edit.undo", "scenario", str(view.scenario_id), before=kind,
                            after=(f"new draft from v{new_plan.note[1:]}; " if new_plan else "")
                            + f"locks +{len(inverse['add_locks'])}/-{len(inverse['remove_locks'])}, "
                              f"forbids +{len(inverse['add_forbids'])}/-{len(inverse['remove_forbids'])}")]
        return self.store.save(view.scenario_id, view.revision, actor, Change(
            audit=audit, new_plan=new_plan, move_head=True, add_locks=inverse["add_locks"],
            remove_locks=inverse["remove_locks"], add_forbids=inverse["add_forbids"],
            remove_forbids=inverse["remove_forbids"], journal=(UNDO_KIND, {})))


__all__ = ["UNDO_KIND", "UndoMixin", "UndoState", "inverse_of"]
