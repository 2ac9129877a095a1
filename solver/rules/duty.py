"""Rule 10 (duty and rest): kept by the options themselves.

`solver.index` drops outbound options whose escort duty is too long and marks the ones that need
rest abroad; `solver.returns` offers only returns that keep the return duty and the rest, so the
models need no constraint and no guard. `conflict` re-checks a concrete choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from solver.duty import earliest_return, outbound_duties, outbound_duty_ok, return_duty_ok
from solver.rules.base import Blocker

if TYPE_CHECKING:
    from solver.explain.core import UnitModel
    from solver.occupancy import Occupancy
    from solver.relax import Guard
    from solver.selection import Assignment
    from solver.units import Unit
    from solver.variables import Vars

CODES = ("rule10.outbound_duty", "rule10.return_duty", "rule10.rest_abroad")
EXPLAINS = ("itinerary",)


def add(v: Vars) -> list[Guard]:
    return []


def add_guarded(um: UnitModel) -> None:
    return None


def conflict(occ: Occupancy, unit: Unit, a: Assignment) -> list[Blocker]:
    if a.ret is None or not unit.needs:
        return []
    st = occ.ix.scenario.settings
    option = unit.options[a.option]
    ret = option.returns[a.ret]
    out = []
    duties = outbound_duties(unit.needs, option.pickup_min, option.itinerary.dep, option.handover_end_min, st)
    if not outbound_duty_ok(duties, st):
        out.append(Blocker("rule10.outbound_duty", unit.key))
    if not return_duty_ok(ret, st):
        out.append(Blocker("rule10.return_duty", unit.key))
    if option.rest_abroad and ret.dep < earliest_return(option.handover_end_min, True, st):
        out.append(Blocker("rule10.rest_abroad", unit.key))
    return out
