"""Derived times of a trip, exactly as shared/FORMAT.md defines them.

Pure functions shared by the rule checker and the solver, so both derive the same pickup,
airport, handover, return and escort times. The `*_at` variants take the ingredients
(ids, datetimes) instead of a trip, for precomputation before a trip exists. Shifts stop at the
ends of the calendar (models/instants.py): a time past 9999-12-31 reads as later than every time
of the scenario.

The trip-level functions assume the trip's ids resolve (the rule checker only calls them when
they do); they raise `KeyError` otherwise.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.case import CareOption
from models.flight import Flight
from models.geo import road_km, road_minutes
from models.instants import local_day, plus, wall_time
from models.location import Location
from models.plan import EscortAssignment, Trip
from models.scenario import Scenario

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
    return plus(trip.pickup, -minutes(scenario.settings.report_minutes))


def chosen_care_options(scenario: Scenario, trip: Trip) -> tuple[CareOption, ...]:
    """The trip's chosen care options that exist (unknown ids are skipped)."""
    found = (scenario.care_option_by_id.get(option_id) for option_id in trip.care.values())
    return tuple(pair[1] for pair in found if pair is not None)


# -- vehicle -------------------------------------------------------------------
def airport_arrival_at(scenario: Scenario, location_id: str, airport_id: str, pickup: datetime) -> datetime:
    return plus(pickup, minutes(drive_minutes(scenario, location_id, airport_id)))


def latest_airport_arrival(scenario: Scenario, first_leg: Flight) -> datetime:
    """Escorted persons are at the airport `checkin_minutes` before the first departure."""
    return plus(first_leg.departure, -minutes(scenario.settings.checkin_minutes))


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
    return plus(arrival, minutes(transfer_minutes + scenario.settings.handover_minutes))


def return_window_at(scenario: Scenario, arrival: datetime, transfer_minutes: int) -> Interval:
    """Inclusive window for the escorts' first return departure."""
    s = scenario.settings
    earliest = plus(handover_end_at(scenario, arrival, transfer_minutes), minutes(s.return_min_minutes))
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


def escort_interval(scenario: Scenario, trip: Trip, assignment: EscortAssignment) -> Interval:
    """[pickup - report_minutes, last return arrival + rest_minutes]: the escort is taken."""
    end = plus(escort_return_arrival(scenario, trip, assignment), minutes(scenario.settings.rest_minutes))
    return report_time(scenario, trip), end


def escort_hours(scenario: Scenario, trip: Trip, assignment: EscortAssignment) -> float:
    """Paid escort hours: report time to last return arrival (rest excluded)."""
    return as_hours(escort_return_arrival(scenario, trip, assignment) - report_time(scenario, trip))
