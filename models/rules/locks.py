"""Rule 8, the coordinator's word: a locked case is planned with exactly the locked flights,
escorts, vehicle and care, or left unplanned with reasons that say why the lock cannot be kept
(FORMAT.md, lock); a forbidden staff member, flight or vehicle never serves that case."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from models.rules.context import PlanContext
from models.rules.text import trip_name, trip_name_nl
from models.rules.violation import Rule, Violation

LOCK_UNPLANNED = Rule("rule8.lock_unplanned", "Locked case neither planned nor explained",
                      "Vastgezette zaak niet ingepland en niet toegelicht")
LOCK_FLIGHTS = Rule("rule8.lock_flights", "Locked flights changed", "Vastgezette vluchten gewijzigd")
LOCK_STAFF = Rule("rule8.lock_staff", "Locked escorts changed", "Vastgezette begeleiders gewijzigd")
LOCK_VEHICLE = Rule("rule8.lock_vehicle", "Locked vehicle changed", "Vastgezet vervoer gewijzigd")
LOCK_CARE = Rule("rule8.lock_care", "Locked care changed", "Vastgezette opvang gewijzigd")
FORBID_STAFF = Rule("rule8.forbid_staff", "Excluded escort assigned", "Uitgesloten begeleider ingepland")
FORBID_FLIGHT = Rule("rule8.forbid_flight", "Excluded flight booked", "Uitgesloten vlucht geboekt")
FORBID_VEHICLE = Rule("rule8.forbid_vehicle", "Excluded vehicle used", "Uitgesloten vervoer ingezet")

RULES = (LOCK_UNPLANNED, LOCK_FLIGHTS, LOCK_STAFF, LOCK_VEHICLE, LOCK_CARE, FORBID_STAFF, FORBID_FLIGHT, FORBID_VEHICLE)


def _ids(values: Iterable[str]) -> str:
    return "[" + ", ".join(values) + "]"


def check(ctx: PlanContext) -> Iterator[Violation]:
    yield from _locks(ctx)
    yield from _forbids(ctx)


def _locks(ctx: PlanContext) -> Iterator[Violation]:
    explained = {u.case for u in ctx.plan.unplanned if any(r.strip() for r in u.reasons)}
    for lock in ctx.scenario.locks:
        case = [lock.case]
        views = ctx.trips_of_case(lock.case)
        if not views and lock.case not in explained:
            yield LOCK_UNPLANNED(f"{lock.case} is locked but neither planned nor left unplanned with reasons why "
                                 "the lock cannot be kept", case,
                                 nl=f"{lock.case} is vastgezet maar is niet ingepland en ook niet als niet ingepland "
                                 "opgegeven met redenen waarom het vastzetten niet kan")
        for view in views:
            trip = view.trip
            name, nl = f"{lock.case} ({trip_name(trip)})", f"{lock.case} ({trip_name_nl(trip)})"
            if lock.flights is not None and tuple(trip.outbound) != tuple(lock.flights):
                yield LOCK_FLIGHTS(f"{name}: outbound {_ids(trip.outbound)}, locked {_ids(lock.flights)}", case,
                                   nl=f"{nl}: heenvluchten {_ids(trip.outbound)}, vastgezet {_ids(lock.flights)}")
            staff = {e.staff for e in trip.escorts}
            if lock.staff is not None and staff != set(lock.staff):
                yield LOCK_STAFF(f"{name}: escorts {_ids(sorted(staff))}, locked {_ids(sorted(set(lock.staff)))}", case,
                                 nl=f"{nl}: begeleiders {_ids(sorted(staff))}, "
                                 f"vastgezet {_ids(sorted(set(lock.staff)))}")
            if lock.vehicle is not None and trip.vehicle != lock.vehicle:
                yield LOCK_VEHICLE(f"{name}: vehicle {trip.vehicle}, locked {lock.vehicle}", case,
                                   nl=f"{nl}: voertuig {trip.vehicle}, vastgezet {lock.vehicle}")
            if lock.care is not None and trip.care.get(lock.case) != lock.care:
                yield LOCK_CARE(f"{name}: care {trip.care.get(lock.case) or 'none'}, locked {lock.care}", case,
                                nl=f"{nl}: opvang {trip.care.get(lock.case) or 'geen'}, vastgezet {lock.care}")


def _forbids(ctx: PlanContext) -> Iterator[Violation]:
    for forbid in ctx.scenario.forbids:
        case = [forbid.case]
        for view in ctx.trips_of_case(forbid.case):
            trip = view.trip
            name, nl = f"{forbid.case} ({trip_name(trip)})", f"{forbid.case} ({trip_name_nl(trip)})"
            if forbid.staff is not None and any(e.staff == forbid.staff for e in trip.escorts):
                yield FORBID_STAFF(f"{name}: escorted by {forbid.staff}, who is excluded for this case", case,
                                   nl=f"{nl}: begeleid door {forbid.staff}, die voor deze zaak is uitgesloten")
            if forbid.flight is not None and forbid.flight in trip.outbound:
                yield FORBID_FLIGHT(f"{name}: booked on {forbid.flight}, which is excluded for this case", case,
                                    nl=f"{nl}: geboekt op {forbid.flight}, die voor deze zaak is uitgesloten")
            if forbid.vehicle is not None and trip.vehicle == forbid.vehicle:
                yield FORBID_VEHICLE(f"{name}: driven by vehicle {forbid.vehicle}, which is excluded for this case",
                                     case, nl=f"{nl}: gereden met voertuig {forbid.vehicle}, dat voor deze zaak "
                                     "is uitgesloten")
