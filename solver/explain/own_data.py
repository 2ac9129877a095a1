"""What rules a unit out by its own data, before any other trip counts: the one `static_reasons`.

Every solve asks it for each unplanned unit (cheap: the index's blockers and the places no eligible
vehicle or staff can fill, in the plan's English); the explanation asks it with `search` for a unit
without options (the fewest of its own rules to relax, `solver.explain.static`).
"""

from __future__ import annotations

from models import Plan
from solver.explain.english import from_english
from solver.explain.static import fewest_relaxations
from solver.explain.words import ROLE_EN, Reason
from solver.index import Index, Unit
from solver.params import SolveParams


def static_reasons(ix: Index, unit: Unit, params: SolveParams | None = None, previous: Plan | None = None,
                   search: bool = True) -> list[Reason]:
    """What rules a unit out by its own data, before any other trip counts.

    A unit without options: with `search`, the smallest set of its own rules that leaves it none
    (one-unit indexes rebuilt, the explanation's work); without, the index's blockers as they are
    (cheap, for every solve). A unit with options: the vehicle and escort places no eligible
    vehicle or staff can fill, and a staff lock that does not match its escort places."""
    if search and not unit.options:
        return fewest_relaxations(ix, unit, params, previous)
    if unit.blockers:
        return [_blocker_reason(unit, text) for text in unit.blockers]
    return [from_english(text) for text in _unit_gaps(ix, unit)]


def _blocker_reason(unit: Unit, text: str) -> Reason:
    if text in unit.blocker_words:
        kind, nl = unit.blocker_words[text]
        return Reason("itinerary", nl, text, {"kind": kind})
    return from_english(text)


def _unit_gaps(ix: Index, unit: Unit) -> list[str]:
    """The unit's places that its eligible vehicles and staff cannot fill, in the plan's English."""
    out = []
    if not unit.vehicles:
        out.append(
            f"no vehicle fits: needs {unit.persons_in_vehicle + unit.riding_escorts} seats"
            + (f", {unit.wchc} wheelchair place(s)" if unit.wchc else "")
            + (f", {unit.stretchers} stretcher place(s)" if unit.stretchers else "")
        )
    for role, count in unit.needs.items():
        holders = [sid for sid in unit.staff if role in ix.scenario.staff_by_id[sid].roles]
        if len(holders) < count:
            out.append(f"too few staff holding role {ROLE_EN[role]}: needs {count}, {len(holders)} eligible")
    if unit.locked_staff is not None and len(unit.locked_staff) != unit.n_escorts:
        out.append(f"locked escorts ({len(unit.locked_staff)}) do not match the {unit.n_escorts} escort places")
    return out
