"""Hard rule families as one ordered registry, walked by the CP-SAT model builder, the explanation
(core) model and the replay checks. Add a family: one module implementing `RuleFamily`, one line in
`RULES` (see CONTRIBUTING.md).

Rules 1, 2 and 6 (per-trip dates, itinerary shape, care) are kept by construction in `solver.index`:
only options that keep them become variables. Rules 9 and 10 are kept there too, and have families
here (`ground`, `duty`) so that replayed choices are checked against them. The checker in
`models.rules` stays outside this registry: it is the independent oracle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from solver.rules import duty, escorts, frozen, ground, legs, locks, vehicles
from solver.rules.base import Blocker, RuleFamily

if TYPE_CHECKING:
    from solver.explain.core import UnitModel
    from solver.occupancy import Occupancy
    from solver.relax import Guard
    from solver.selection import Assignment
    from solver.units import Unit
    from solver.variables import Vars

RULES: tuple[RuleFamily, ...] = (ground, duty, legs, vehicles, escorts, locks, frozen)
"""In this order: the main model, the core model and the replay checks all walk it. `ground` and
`duty` are option families: the index keeps them, so they add no constraint, only `conflict`."""


def add_all(v: Vars, *, frozen: dict | None = None) -> list[Guard]:
    """All hard rules; returns the assumption literals that guard locks and frozen trips."""
    v.frozen = dict(frozen or {})
    guards: list[Guard] = []
    for family in RULES:
        guards += family.add(v)
    return guards


def add_all_guarded(um: UnitModel) -> None:
    """Every family's constraints on the one-unit explanation model, each behind its guard."""
    for family in RULES:
        family.add_guarded(um)


def conflicts(occ: Occupancy, unit: Unit, a: Assignment) -> list[Blocker]:
    """Every hard rule `a` breaks against the trips booked in `occ`, in registry order."""
    return [b for family in RULES for b in family.conflict(occ, unit, a)]


def codes() -> tuple[str, ...]:
    """The checker codes the solver's registry keeps (each once, in registry order)."""
    return tuple(dict.fromkeys(code for family in RULES for code in family.CODES))


__all__ = ["RULES", "Blocker", "RuleFamily", "add_all", "add_all_guarded", "codes", "conflicts"]
