"""The previous plan in index terms: what can stay, what is frozen, why something must change, and
whether an assignment changes a previous trip (models/disruption.py, the one definition)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from models.common import Role
from models.disruption import Signature, changes, signature, trip_signature
from models.plan import Trip
from solver.index import Index, Unit
from solver.occupancy import Occupancy, replay
from solver.resources import Resources
from solver.selection import Assignment


@dataclass
class PreviousPlan:
    kept: dict[str, Assignment] = field(default_factory=dict)
    """Previous trips that still keep every rule, booked in order (frozen first)."""
    frozen: dict[str, Assignment] = field(default_factory=dict)
    """The subset departing within freeze_hours: these stay as they were."""
    changed: dict[str, str] = field(default_factory=dict)
    """Unit key -> why its previous trip cannot stay."""


def _as_assignment(occ: Occupancy, unit: Unit, trip: Trip) -> tuple[Assignment | None, str | None]:
    """The unit's previous trip `trip` as an assignment, or why it cannot stay."""
    scenario = occ.ix.scenario
    missing = [leg for leg in trip.outbound if leg not in scenario.flight_by_id]
    if missing:
        return None, f"flight {', '.join(missing)} is no longer available (cancelled)"
    if unit.previous_option is None:
        why = "; ".join(unit.blockers or ["dates, seats or conditions changed"])
        return None, f"its outbound itinerary no longer keeps the rules ({why})"
    option = unit.options[unit.previous_option]
    if option.pickup != trip.pickup:
        return None, "its pickup time no longer keeps the rules"
    problems = occ.outbound_problems(unit, option)
    if problems:
        return None, problems[0]
    if trip.vehicle not in unit.vehicles:
        return None, f"vehicle {trip.vehicle} can no longer be used for it"
    problem = occ.vehicle_problem(unit, option, trip.vehicle)
    if problem:
        return None, f"vehicle {trip.vehicle} is {problem}"
    if not unit.needs:
        return Assignment(unit.key, option.index, None, trip.vehicle, ()), None
    returns = {tuple(e.return_) for e in trip.escorts}
    ret = next((r for r, it in enumerate(option.returns) if it.leg_ids in returns), None)
    if ret is None:
        return None, "the escorts' return flight can no longer be used"
    if not occ.return_fits(unit, option, option.returns[ret]):
        return None, "no seats left on the escorts' return flight"
    escorts: list[tuple[str, Role]] = []
    for e in trip.escorts:
        staff = occ.res.staff.get(e.staff)
        if staff is None or e.staff not in unit.staff or e.role not in staff.roles:
            return None, f"escort {e.staff} can no longer fill this trip"
        if occ.escort_conflicts(unit, option, option.returns[ret], e.staff, e.role):
            return None, f"escort {e.staff} is no longer available"
        escorts.append((e.staff, e.role))
    needs: dict[Role, int] = {}
    for _, role in escorts:
        needs[role] = needs.get(role, 0) + 1
    if needs != unit.needs:
        return None, "the escort roles it needs have changed"
    genders = {occ.res.staff[sid].gender for sid, _ in escorts}
    if not unit.same_gender <= genders:
        return None, "it no longer has an escort of the same gender"
    return Assignment(unit.key, option.index, ret, trip.vehicle, tuple(sorted(escorts))), None


def previous_fit(occ: Occupancy, unit: Unit) -> Assignment | None:
    """The unit's previous trip as an assignment when it still fits `occ` (the local repair re-books a
    ruined trip as it was before trying anything else: a changed trip counts as disruption)."""
    if unit.previous_trip is None:
        return None
    return _as_assignment(occ, unit, unit.previous_trip)[0]


def assignment_signature(unit: Unit, a: Assignment) -> Signature:
    """The trip an assignment makes, in the terms disruption compares."""
    option = unit.options[a.option]
    legs = option.returns[a.ret].leg_ids if a.ret is not None else ()
    return signature(option.itinerary.leg_ids, a.vehicle, ((sid, legs) for sid, _ in a.escorts))


def changed_from_previous(unit: Unit, a: Assignment | None) -> bool:
    """Whether the unit's previous trip counts as changed when the unit gets `a` (None: unplanned)."""
    assert unit.previous_trip is not None
    return bool(changes(trip_signature(unit.previous_trip), None if a is None else assignment_signature(unit, a)))


def disruption(units: Iterable[Unit], chosen: dict[str, Assignment]) -> int:
    """Level 2: the cases of previously planned units whose trip changed or dropped."""
    return sum(len(u.cases) for u in units
               if u.previous_trip is not None and changed_from_previous(u, chosen.get(u.key)))


def previous_assignments(ix: Index, res: Resources) -> PreviousPlan:
    out = PreviousPlan()
    occ = Occupancy(ix, res)
    with_previous = [(u, u.previous_trip) for u in ix.units if u.previous_trip is not None]
    for unit, trip in sorted(with_previous, key=lambda ut: (not ut[0].frozen, ut[1].pickup, ut[0].key)):
        a, why = _as_assignment(occ, unit, trip)
        if a is None:
            out.changed[unit.key] = why or "it no longer keeps the rules"
            continue
        occ.book(unit, a)
        out.kept[unit.key] = a
        if unit.frozen:
            out.frozen[unit.key] = a
    return out


def restore_previous(ix: Index, res: Resources, chosen: dict[str, Assignment]
                     ) -> tuple[dict[str, Assignment], list[str]]:
    """Put changed trips back as they were wherever that still fits, one at a time: release the trip's new
    assignment and re-book its previous one (or book a dropped trip again). Each restore lowers the
    disruption and keeps the planned priority, so it is better by the objective's order; it undoes
    changes a time-limited search left behind that bought nothing. Returns the assignments and the
    restored unit keys."""
    occ = replay(ix, res, chosen)
    out = dict(chosen)
    restored = []
    for unit in sorted((u for u in ix.units if u.previous_trip is not None), key=lambda u: u.key):
        now = out.get(unit.key)
        if now is not None:
            occ.unbook(unit, now)
        trip = unit.previous_trip
        back = _as_assignment(occ, unit, trip)[0] if trip is not None else None
        if back is not None and back != now:
            occ.book(unit, back)
            out[unit.key] = back
            restored.append(unit.key)
        elif now is not None:
            occ.book(unit, now)
    return out, restored
