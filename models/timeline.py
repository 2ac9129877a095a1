"""Derived times of a trip, exactly as shared/FORMAT.md defines them.

Pure functions shared by the rule checker (models/rules/) and the solver, so both derive the same pickup,
airport, handover, return and escort times. The `*_at` variants take the ingredients
(ids, datetimes) instead of a trip, for precomputation before a trip exists. Shifts stop at the
ends of the calendar (models/instants.py): a time past 9999-12-31 reads as later than every time
of the scenario.

The trip-level functions assume the trip's ids resolve (the rule checker only calls them when
they do); they raise `KeyError` otherwise.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from models.case import CareOption, Case
from models.common import DailyWindow, Role
from models.flight import Flight
from models.geo import road_km, road_minutes
from models.instants import day_plus, local_day, plus, wall_time
from models.location import Location
from models.plan import EscortAssignment, Trip
from models.scenario import Scenario
from models.settings import Settings

Interval = tuple[datetime, datetime]


def minutes(count: float) -> timedelta:
    return timedelta(minutes=count)


def hours(count: float) -> timedelta:
    return timedelta(hours=count)


def as_hours(span: timedelta) -> float:
    """A duration in fractional hours."""
    return span / timedelta(hours=1)


def zone(tz: str | ZoneInfo) -> ZoneInfo:
    return tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)


def local_date(moment: datetime, tz: str | ZoneInfo) -> date:
    """The calendar date of `moment` in time zone `tz` (IANA name or ZoneInfo)."""
    return local_day(moment, zone(tz))


def local_time(moment: datetime, tz: str | ZoneInfo) -> time:
    """The wall-clock time of `moment` in time zone `tz`."""
    return wall_time(moment, zone(tz))


def overlaps(a: Interval, b: Interval) -> bool:
    """Intervals overlap iff each starts before the other ends; touching is fine."""
    return a[0] < b[1] and b[0] < a[1]


# -- the formulas as minute offsets ----------------------------------------------------------
# Every derived time is an anchor (pickup, first departure, arrival) plus one of these offsets.
# The datetime functions below add them to datetimes, the solver (solver/duty.py, pickup.py,
# index.py, resources.py, variables.py) to grid minutes: one home for each formula.
def report_lead(settings: Settings) -> int:
    """Minutes before pickup that an escort reports at the pickup location (rule 7)."""
    return settings.report_minutes


def checkin_lead(settings: Settings) -> int:
    """Minutes before the first departure that the persons are at the airport (rule 1)."""
    return settings.checkin_minutes


def airport_report_lead(settings: Settings) -> int:
    """Minutes before the first departure that an airport-joining escort reports (rule 7)."""
    return settings.checkin_minutes + settings.airport_report_minutes


def airport_wait_lead(settings: Settings) -> int | None:
    """The earliest airport arrival, in minutes before the first departure (rule 9); None when off."""
    if settings.max_airport_wait_minutes is None:
        return None
    return settings.checkin_minutes + settings.max_airport_wait_minutes


def handover_after(settings: Settings, transfer_minutes: int) -> int:
    """Minutes from the outbound arrival to the handover end: longest transfer + handover."""
    return transfer_minutes + settings.handover_minutes


def return_after_handover(settings: Settings) -> int:
    """Minutes from the handover end to the escorts' earliest first return departure (rule 7)."""
    return settings.return_min_minutes


def rest_after(settings: Settings) -> int:
    """Minutes after the last return arrival that an escort stays taken (rule 7)."""
    return settings.rest_minutes


def return_checkin_lead(settings: Settings) -> int:
    """Minutes before the first return departure that the return duty starts (rule 10)."""
    return settings.return_checkin_minutes


def role_joins_at_airport(settings: Settings, role: Role) -> bool:
    """Roles in `airport_report_roles` (KMar by default) join at the airport (rules 5 and 7)."""
    return role in settings.airport_report_roles


# -- roads -------------------------------------------------------------------
def drive_minutes(scenario: Scenario, from_id: str, to_id: str) -> int:
    """Road minutes between two locations (models.geo, the one definition)."""
    loc = scenario.location_by_id
    return road_minutes(loc[from_id], loc[to_id], scenario.settings.road)


def drive_km(scenario: Scenario, from_id: str, to_id: str) -> float:
    loc = scenario.location_by_id
    return road_km(loc[from_id], loc[to_id], scenario.settings.road)


# -- trip parts ----------------------------------------------------------------
def pickup_location(scenario: Scenario, trip: Trip) -> Location:
    """The trip's pickup location: its (first) case's `location`."""
    case = scenario.case_by_id[trip.cases[0]]
    return scenario.location_by_id[case.location]


def outbound_legs(scenario: Scenario, trip: Trip) -> tuple[Flight, ...]:
    return tuple(scenario.flight_by_id[leg] for leg in trip.outbound)


def return_legs(scenario: Scenario, assignment: EscortAssignment) -> tuple[Flight, ...]:
    return tuple(scenario.flight_by_id[leg] for leg in assignment.return_)


def first_departure(scenario: Scenario, trip: Trip) -> datetime:
    return scenario.flight_by_id[trip.outbound[0]].departure


def last_arrival(scenario: Scenario, trip: Trip) -> datetime:
    return scenario.flight_by_id[trip.outbound[-1]].arrival


def report_time(scenario: Scenario, trip: Trip) -> datetime:
    """Escorts report at the pickup location `report_minutes` before pickup."""
    return plus(trip.pickup, -minutes(report_lead(scenario.settings)))


def chosen_care_options(scenario: Scenario, trip: Trip) -> tuple[CareOption, ...]:
    """The trip's chosen care options that exist (unknown ids are skipped)."""
    found = (scenario.care_option_by_id.get(option_id) for option_id in trip.care.values())
    return tuple(pair[1] for pair in found if pair is not None)


def pickup_allowed(location: Location, pickup: datetime) -> bool:
    """The one pickup-window test (rule 5): the pickup's local wall time lies in one of the
    location's daily pickup windows, or the location has none. Checker, solver and web planner ask it."""
    if not location.pickup_windows:
        return True
    local = local_time(pickup, location.tz)
    return any(w.contains(local) for w in location.pickup_windows)


# -- vehicle -------------------------------------------------------------------
def airport_arrival_at(scenario: Scenario, location_id: str, airport_id: str, pickup: datetime) -> datetime:
    return plus(pickup, minutes(drive_minutes(scenario, location_id, airport_id)))


def latest_airport_arrival(scenario: Scenario, first_leg: Flight) -> datetime:
    """Escorted persons are at the airport `checkin_minutes` before the first departure."""
    return plus(first_leg.departure, -minutes(checkin_lead(scenario.settings)))


def vehicle_busy_at(
    scenario: Scenario, depot_id: str, location_id: str, airport_id: str, pickup: datetime
) -> Interval:
    """[pickup - road(depot->location), airport arrival + road(airport->depot)]."""
    start = plus(pickup, -minutes(drive_minutes(scenario, depot_id, location_id)))
    arrival = airport_arrival_at(scenario, location_id, airport_id, pickup)
    return start, plus(arrival, minutes(drive_minutes(scenario, airport_id, depot_id)))


def airport_arrival(scenario: Scenario, trip: Trip) -> datetime:
    """pickup + road(pickup location -> first outbound airport)."""
    first = scenario.flight_by_id[trip.outbound[0]]
    return airport_arrival_at(scenario, pickup_location(scenario, trip).id, first.from_, trip.pickup)


def vehicle_busy(scenario: Scenario, trip: Trip) -> Interval:
    """When the trip's vehicle is away from its depot."""
    vehicle = scenario.vehicle_by_id[trip.vehicle]
    first = scenario.flight_by_id[trip.outbound[0]]
    return vehicle_busy_at(scenario, vehicle.depot, pickup_location(scenario, trip).id, first.from_, trip.pickup)


# -- handover and escorts --------------------------------------------------------
def handover_end_at(scenario: Scenario, arrival: datetime, transfer_minutes: int) -> datetime:
    """Outbound arrival + longest transfer of the chosen care + handover."""
    return plus(arrival, minutes(handover_after(scenario.settings, transfer_minutes)))


def return_window_at(scenario: Scenario, arrival: datetime, transfer_minutes: int) -> Interval:
    """Inclusive window for the escorts' first return departure."""
    s = scenario.settings
    earliest = plus(handover_end_at(scenario, arrival, transfer_minutes), minutes(return_after_handover(s)))
    return earliest, plus(arrival, hours(s.return_max_hours))


def longest_transfer_minutes(scenario: Scenario, trip: Trip) -> int:
    return max((o.transfer_minutes for o in chosen_care_options(scenario, trip)), default=0)


def handover_end(scenario: Scenario, trip: Trip) -> datetime:
    return handover_end_at(scenario, last_arrival(scenario, trip), longest_transfer_minutes(scenario, trip))


def return_window(scenario: Scenario, trip: Trip) -> Interval:
    """(earliest, latest) first return departure of the trip's escorts, both inclusive."""
    return return_window_at(scenario, last_arrival(scenario, trip), longest_transfer_minutes(scenario, trip))


def escort_return_arrival(scenario: Scenario, trip: Trip, assignment: EscortAssignment) -> datetime:
    """The escort's last return arrival; without return legs, the outbound arrival."""
    if assignment.return_:
        return scenario.flight_by_id[assignment.return_[-1]].arrival
    return last_arrival(scenario, trip)


def joins_at_airport(scenario: Scenario, role: Role) -> bool:
    """Escorts in `airport_report_roles` (KMar by default) join at the airport: they do not ride in
    the vehicle (rule 5) and their trip starts at the airport report time (rule 7)."""
    return role_joins_at_airport(scenario.settings, role)


def airport_report_at(scenario: Scenario, first_departure_at: datetime) -> datetime:
    """first departure - checkin_minutes - airport_report_minutes."""
    return plus(first_departure_at, -minutes(airport_report_lead(scenario.settings)))


def escort_start_at(scenario: Scenario, role: Role, pickup: datetime, first_departure_at: datetime) -> datetime:
    """Rule 7: an escort's trip starts at the airport report time for an airport-report role, else
    at the report time at the pickup location (pickup - report_minutes)."""
    if joins_at_airport(scenario, role):
        return airport_report_at(scenario, first_departure_at)
    return plus(pickup, -minutes(report_lead(scenario.settings)))


def escort_start(scenario: Scenario, trip: Trip, assignment: EscortAssignment) -> datetime:
    return escort_start_at(scenario, assignment.role, trip.pickup, first_departure(scenario, trip))


def riding_escorts(scenario: Scenario, trip: Trip) -> tuple[EscortAssignment, ...]:
    """The escorts who ride in the vehicle (rule 5 seats)."""
    return tuple(e for e in trip.escorts if not joins_at_airport(scenario, e.role))


def escort_interval(scenario: Scenario, trip: Trip, assignment: EscortAssignment) -> Interval:
    """[escort start, last return arrival + rest_minutes]: the escort is taken."""
    end = plus(escort_return_arrival(scenario, trip, assignment), minutes(rest_after(scenario.settings)))
    return escort_start(scenario, trip, assignment), end


def escort_hours(scenario: Scenario, trip: Trip, assignment: EscortAssignment) -> float:
    """Paid escort hours: escort start to last return arrival (rest excluded)."""
    return as_hours(escort_return_arrival(scenario, trip, assignment) - escort_start(scenario, trip, assignment))


# -- duty (rule 10) ----------------------------------------------------------------
def outbound_duty(scenario: Scenario, trip: Trip, assignment: EscortAssignment) -> Interval:
    """Escort start -> handover end."""
    return escort_start(scenario, trip, assignment), handover_end(scenario, trip)


def return_duty_at(scenario: Scenario, first_return_departure: datetime, last_return_arrival: datetime) -> Interval:
    """first return departure - return_checkin_minutes -> last return arrival."""
    start = plus(first_return_departure, -minutes(return_checkin_lead(scenario.settings)))
    return start, last_return_arrival


def return_duty(scenario: Scenario, assignment: EscortAssignment) -> Interval | None:
    """The escort's return duty; None without return legs."""
    if not assignment.return_:
        return None
    legs = return_legs(scenario, assignment)
    return return_duty_at(scenario, legs[0].departure, legs[-1].arrival)


def span_minutes(interval: Interval) -> float:
    return (interval[1] - interval[0]) / timedelta(minutes=1)


# -- ground time (rule 9) ------------------------------------------------------------
def is_vulnerable(case: Case) -> bool:
    """Vulnerable for rule 9: a minor or a medical case as in rule 2 (`Case.is_medical`)."""
    return case.minor or case.is_medical


def earliest_airport_arrival(scenario: Scenario, first_departure_at: datetime) -> datetime | None:
    """first departure - checkin_minutes - max_airport_wait_minutes; None when the limit is off."""
    lead = airport_wait_lead(scenario.settings)
    return None if lead is None else plus(first_departure_at, -minutes(lead))


def connections(legs: tuple[Flight, ...]) -> list[tuple[Flight, Flight]]:
    """Consecutive leg pairs; the connection runs from the first's arrival to the second's departure
    at the hub `first.to`."""
    return list(pairwise(legs))


# -- daily windows in local time (rule 9 night connection) -------------------------------
def overlaps_daily_window(start: datetime, end: datetime, window: DailyWindow, tz: str | ZoneInfo) -> bool:
    """True iff some instant strictly between `start` and `end` shows a local wall time (in `tz`)
    inside `window` on any date.

    The window is half-open, [from, to): touching at an endpoint is no overlap, as in `overlaps`
    (arriving at 05:00 or leaving at 00:00 misses 00:00-05:00). `to < from` wraps past midnight.
    `from == to` is that exact minute (DailyWindow's reading): it overlaps when the instant it
    shows lies strictly inside. Wall time is read off the clock, so DST is exact: a window whose
    time is skipped on the spring change does not occur that day, one repeated in autumn occurs
    twice."""
    if end <= start:
        return False
    if end - start >= timedelta(days=3):
        return True  # every wall time of the day shows at least once
    zone_ = zone(tz)
    for i, (piece_start, piece_end) in enumerate(_constant_offset_pieces(start, end, zone_)):
        l0, l1 = _naive_local(piece_start, zone_), _naive_local(piece_end, zone_, like=piece_start)
        for day in _days(l0.date(), l1.date()):
            ws = datetime.combine(day, window.from_)
            if window.from_ == window.to:
                if (l0 < ws if i == 0 else l0 <= ws) and ws < l1:
                    return True
                continue
            we = datetime.combine(day if window.to > window.from_ else day_plus(day, 1), window.to)
            if max(l0, ws) < min(l1, we):
                return True
    return False


def _days(first: date, last: date) -> list[date]:
    """From the day before `first` (a wrapping window starts then) to `last`."""
    out: list[date] = []
    day = day_plus(first, -1)
    while day <= last and (not out or day != out[-1]):
        out.append(day)
        day = day_plus(day, 1)
    return out


def _offset(moment: datetime, zone_: ZoneInfo) -> timedelta:
    """The zone's UTC offset at `moment` (at the calendar's ends: the one in force just inside)."""
    try:
        return moment.astimezone(zone_).utcoffset() or timedelta(0)
    except OverflowError:
        return zone_.utcoffset(moment.astimezone(UTC).replace(tzinfo=None)) or timedelta(0)


def _naive_local(moment: datetime, zone_: ZoneInfo, like: datetime | None = None) -> datetime:
    """Wall-clock time of `moment` with the UTC offset in force at `like` (default: at `moment`),
    saturating at the ends of the calendar."""
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    try:
        return utc + _offset(like or moment, zone_)
    except OverflowError:
        return datetime.max if utc.year > 1 else datetime.min


def _constant_offset_pieces(start: datetime, end: datetime, zone_: ZoneInfo) -> list[Interval]:
    """[start, end) cut at each instant the zone's UTC offset changes: probed hourly (no zone
    changes twice within an hour), then bisected to the second."""
    cuts, probe = [], start
    while probe < end:
        step = min(end, plus(probe, hours(1)))
        before = _offset(probe, zone_)
        if _offset(step, zone_) != before:
            lo, hi = 0, int((step - probe).total_seconds())  # offset(probe + lo s) == before != offset(+ hi s)
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if _offset(probe + timedelta(seconds=mid), zone_) == before else (lo, mid)
            cuts.append(probe + timedelta(seconds=hi))
        probe = step
    bounds = [start, *cuts, end]
    return list(pairwise(bounds))
