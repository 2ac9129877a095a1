"""The one protocol every solver rule family implements, so that the model builder, the explanation
(core) model and the replay checks all walk the same ordered `solver.rules.RULES`.

A family is a module: `CODES` (the checker rule codes it keeps, `models.rules.RULES`), `EXPLAINS`
(the explanation families its blockers are worded as, `solver.explain.words.FAMILIES`), `add` for the main
model, `add_guarded` for the one-unit explanation model and `conflict` for a concrete assignment
against what other trips already use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from solver.explain.core import UnitModel
    from solver.occupancy import Occupancy
    from solver.relax import Guard
    from solver.selection import Assignment
    from solver.units import Unit
    from solver.variables import Vars


class Blocker(NamedTuple):
    """One hard rule a concrete assignment breaks: the checker's code and what it names."""

    code: str
    """A checker rule code, e.g. "rule3.seats"."""
    ident: str
    """The resource it is about: a leg, vehicle or staff id, or the unit key."""


class RuleFamily(Protocol):
    @property
    def CODES(self) -> tuple[str, ...]:  # noqa: N802 - a module constant, read-only here
        """The checker rule codes the family keeps."""
        ...

    @property
    def EXPLAINS(self) -> tuple[str, ...]:  # noqa: N802 - a module constant, read-only here
        """The explanation families its blockers are worded as."""
        ...

    def add(self, v: Vars) -> list[Guard]:
        """Add the family's constraints to the main model; return the assumption guards it made."""
        ...

    def add_guarded(self, um: UnitModel) -> None:
        """Add the family's constraints to the one-unit model, each behind a `um.guard(...)` literal."""
        ...

    def conflict(self, occ: Occupancy, unit: Unit, a: Assignment) -> list[Blocker]:
        """What `a` breaks given what the other trips in `occ` use (empty: the family holds)."""
        ...
