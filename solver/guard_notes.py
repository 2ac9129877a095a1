"""Notes (and reasons) for what a previous plan, a lock or a frozen trip asked and the plan could not keep."""

from __future__ import annotations

from collections.abc import Mapping

from models.plan import Note
from solver.explain.english import from_english, unit_reasons
from solver.explain.words import Reason
from solver.previous import PreviousPlan
from solver.relax import Conflict, describe
from solver.selection import Assignment
from solver.units import Index, Unit


def changed_notes(ix: Index, prev: PreviousPlan) -> list[Note]:
    """A note per case whose previous trip had to change, saying why."""
    notes: list[Note] = []
    for key, why in sorted(prev.changed.items()):
        unit = next(u for u in ix.units if u.key == key)
        kind = "frozen trip" if unit.frozen else "trip"  # frozen: inside freeze_hours only
        notes.extend(Note(case=c.id, text=f"{kind} had to change: {why}") for c in unit.cases)
    return notes


def guarded(ix: Index, frozen: Mapping[str, Assignment]) -> list[str]:
    """The locks and frozen trips of a scenario, named for the log."""
    return [f"lock of {u.label}" for u in ix.units if u.locked] + [f"frozen trip of {u.label}" for u in ix.units
                                                                  if u.key in frozen]


def guard_notes(ix: Index, chosen: Mapping[str, Assignment], frozen: Mapping[str, Assignment],
                given_up: Mapping[str, Conflict], reasons: dict[str, list[str]],
                structured: dict[str, list[Reason]], notes: list[Note]) -> list[Note]:
    """Notes (and reasons) for locks that could not be kept and frozen trips that had to change.

    A locked case left unplanned gets reasons that start with "lock cannot be kept: ..." (FORMAT.md,
    lock); the lock or frozen trip it conflicted with is named."""
    labels = {u.key: u.label for u in ix.units}
    noted = {n.case for n in notes}
    out: list[Note] = []
    for unit in ix.units:
        conflict = given_up.get(unit.key)
        why = describe(conflict, labels) if conflict is not None else None
        if unit.locked and unit.key not in chosen:
            own = _own_forbids(ix, unit)
            why = own[1] if own else why
            why = why or "; ".join(reasons.get(unit.key, [])) or "no plan keeps it together with the other rules"
            reasons[unit.key] = [f"lock cannot be kept: {why}"] + [r for r in reasons.get(unit.key, []) if r != why]
            known = unit_reasons(unit, structured)
            structured[unit.key] = [_lock_reason(why, known, own[0] if own else None)] + known
            if not noted.intersection(unit.case_ids):
                out.extend(Note(case=c.id, text=f"lock cannot be kept: {why}") for c in unit.cases)
        elif unit.key in frozen and chosen.get(unit.key) != frozen[unit.key] and not noted.intersection(unit.case_ids):
            text = f"frozen trip had to change: {why}" if why else "frozen trip could not be kept"
            out.extend(Note(case=c.id, text=text) for c in unit.cases)
    return out


def _own_forbids(ix: Index, unit: Unit) -> tuple[str, str] | None:
    """(Dutch, English) words when the unit is pinned to a flight the coordinator forbade for it (B2)."""
    pinned = {f for lk in ix.scenario.locks if lk.case in unit.case_ids for f in (lk.flights or ())}
    clash = sorted(pinned & set(unit.forbidden_flights))
    if not clash:
        return None
    flights = ", ".join(clash)
    return (f"u heeft vlucht {flights} uitgesloten, maar de zaak is erop vastgezet",
            f"you forbade flight {flights}, but the case is pinned to it")


def _lock_reason(why: str, known: list[Reason], nl: str | None = None) -> Reason:
    """"lock cannot be kept: <why>" in both languages; `why` is the known reasons joined, or other words."""
    if nl is None and known and why == "; ".join(r.text_en for r in known):
        nl = "; ".join(r.text_nl for r in known)
    elif nl is None:
        nl = from_english(why).text_nl
    return Reason("lock", f"vastzetting kan niet worden gehouden: {nl}", f"lock cannot be kept: {why}", {})
