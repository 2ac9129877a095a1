"""A chosen plan in index terms, and its translation into a `bv-plan/1` Plan."""

from __future__ import annotations

from dataclasses import dataclass

from models import EscortAssignment, Plan, Trip, Unplanned
from models.common import Role
from solver.index import Index


@dataclass(frozen=True)
class Assignment:
    """Unit `unit_key` travels on option `option`; escorts return on `option.returns[ret]`."""

    unit_key: str
    option: int
    ret: int | None
    vehicle: str
    escorts: tuple[tuple[str, Role], ...]


def to_plan(ix: Index, assignments: dict[str, Assignment], reasons: dict[str, list[str]], solver_info: dict,
            structured: dict | None = None) -> Plan:
    """The plan of `assignments`; with `structured` (unit key -> Reasons) each unplanned entry also
    carries `x_reasons` (code, Dutch and English words, data), one per English reason, in order."""
    from solver.explain.english import unit_reasons, x_reasons

    units = {u.key: u for u in ix.units}
    trips = []
    unplanned = []
    for key in sorted(units):
        unit = units[key]
        a = assignments.get(key)
        if a is None:
            for c in unit.cases:
                texts = list(reasons.get(key) or ["not planned"])
                extra = {} if structured is None else {"x_reasons": x_reasons(texts, unit_reasons(unit, structured))}
                unplanned.append(Unplanned(case=c.id, reasons=tuple(texts), **extra))
            continue
        option = unit.options[a.option]
        ret_legs = option.returns[a.ret].leg_ids if a.ret is not None else ()
        trips.append(Trip(
            cases=unit.case_ids,
            outbound=option.itinerary.leg_ids,
            pickup=option.pickup,
            vehicle=a.vehicle,
            escorts=tuple(
                EscortAssignment(staff=s, role=role, **{"return": ret_legs})
                for s, role in sorted(a.escorts, key=lambda sr: (sr[1].value, sr[0]))
            ),
            care=dict(sorted(option.care.items())),
        ))
    trips.sort(key=lambda t: (t.pickup, t.cases))
    unplanned.sort(key=lambda u: u.case)
    return Plan(scenario=ix.scenario.id, trips=tuple(trips), unplanned=tuple(unplanned), solver=solver_info)
