"""Escort start by role (amended rules 5 and 7) and duty and rest (rule 10), in grid minutes.

An escort in one of `airport_report_roles` joins at the first outbound airport: the trip starts at
first departure − `checkin_minutes` − `airport_report_minutes` and the escort takes no vehicle
seat; every other escort reports `report_minutes` before the pickup and rides along.

Rule 10: outbound duty (start → handover end) ≤ `max_duty_minutes`; return duty (first return
departure − `return_checkin_minutes` → last return arrival) ≤ `max_duty_minutes`; after an outbound
duty over `long_duty_minutes` the first return departs ≥ handover end + `rest_abroad_minutes`.

Grid minutes floor departures and ceil arrivals (`solver.itineraries.LegGraph`), so a duty measured
here is never shorter than the checker's and a rest never longer: every test errs on the safe side.
"""

from __future__ import annotations

from models import timeline as tl
from models.common import Role
from models.settings import Settings
from solver.itineraries import Itinerary


def joins_at_airport(role: Role, st: Settings) -> bool:
    return tl.role_joins_at_airport(st, role)


def escort_start(role: Role, pickup_min: int, first_departure_min: int, st: Settings) -> int:
    """Rule 7: the start of an escort's trip in the role it fills."""
    if joins_at_airport(role, st):
        return first_departure_min - tl.airport_report_lead(st)
    return pickup_min - tl.report_lead(st)


def riding(needs: dict[Role, int], st: Settings) -> int:
    """Escorts that take a vehicle seat (rule 5)."""
    return sum(n for role, n in needs.items() if not joins_at_airport(role, st))


def outbound_duties(needs: dict[Role, int], pickup_min: int, first_departure_min: int, handover_end: int,
                    st: Settings) -> dict[Role, int]:
    """Outbound duty (minutes) of each role the trip needs."""
    return {role: handover_end - escort_start(role, pickup_min, first_departure_min, st) for role in needs}


def outbound_duty_ok(duties: dict[Role, int], st: Settings) -> bool:
    return st.max_duty_minutes is None or all(d <= st.max_duty_minutes for d in duties.values())


def needs_rest_abroad(duties: dict[Role, int], st: Settings) -> bool:
    """Whether some escort's outbound duty is long enough to need rest before the (shared) return."""
    if st.long_duty_minutes is None or st.rest_abroad_minutes is None:
        return False
    return any(d > st.long_duty_minutes for d in duties.values())


def earliest_return(handover_end: int, rest: bool, st: Settings) -> int:
    """Rule 7's return_min, raised to the rest abroad after a long duty (rule 10)."""
    gap = tl.return_after_handover(st)
    if rest and st.rest_abroad_minutes is not None:
        gap = max(gap, st.rest_abroad_minutes)
    return handover_end + gap


def return_duty(ret: Itinerary, st: Settings) -> int:
    return ret.arr - ret.dep + tl.return_checkin_lead(st)


def return_duty_ok(ret: Itinerary, st: Settings) -> bool:
    return st.max_duty_minutes is None or return_duty(ret, st) <= st.max_duty_minutes
