"""Derived times the solver reuses, on the default trip (see tests/builders.py)."""

from datetime import UTC, date, datetime, timedelta, timezone

from models import timeline
from tests.builders import build, build_plan, escort_dict, plan_dict, scenario_dict, trip_dict

CET = timezone(timedelta(hours=1))
TRT = timezone(timedelta(hours=3))


def _default(trip: dict | None = None):
    scn = build(scenario_dict())
    return scn, build_plan(plan_dict([trip or trip_dict()])).trips[0]


def test_local_date():
    moment = datetime(2026, 12, 8, 23, 30, tzinfo=UTC)
    assert timeline.local_date(moment, "Europe/Amsterdam") == date(2026, 12, 9)
    assert timeline.local_date(moment, "UTC") == date(2026, 12, 8)
    assert timeline.local_date(moment, "America/New_York") == date(2026, 12, 8)


def test_airport_arrival_and_vehicle_busy():
    scn, trip = _default()
    assert timeline.airport_arrival(scn, trip) == datetime(2026, 12, 9, 7, 24, tzinfo=CET)  # 06:30 + 54
    assert timeline.vehicle_busy(scn, trip) == (datetime(2026, 12, 9, 5, 34, tzinfo=CET),  # - 56
                                                datetime(2026, 12, 9, 7, 42, tzinfo=CET))  # + 18


def test_handover_and_return_window():
    scn, trip = _default()
    # lands 15:35+03:00; handover 120; return_min 180; return_max 48 h
    assert timeline.handover_end(scn, trip) == datetime(2026, 12, 9, 17, 35, tzinfo=TRT)
    assert timeline.return_window(scn, trip) == (datetime(2026, 12, 9, 20, 35, tzinfo=TRT),
                                                 datetime(2026, 12, 11, 15, 35, tzinfo=TRT))
    scn, with_care = _default(trip_dict(care={"BV-1": "CARE-BV-1"}))  # transfer 90
    assert timeline.handover_end(scn, with_care) == datetime(2026, 12, 9, 19, 5, tzinfo=TRT)


def test_escort_interval_and_hours():
    scn, trip = _default()
    assert timeline.escort_interval(scn, trip, trip.escorts[0]) == (
        datetime(2026, 12, 9, 7, 0, tzinfo=CET),  # KMar joins at AMS: 11:00 - checkin 180 - airport report 60
        datetime(2026, 12, 10, 21, 45, tzinfo=CET),  # 10:45 + 11 h rest
    )
    assert timeline.escort_hours(scn, trip, trip.escorts[0]) == 27.75
    coordinator = trip.escorts[0].model_copy(update={"role": "coordinator"})
    assert timeline.escort_start(scn, trip, coordinator) == datetime(2026, 12, 9, 6, 0, tzinfo=CET)  # pickup - 30


def test_escort_without_return_is_held_until_outbound_arrival_plus_rest():
    scn, trip = _default(trip_dict(escorts=[escort_dict("S-1", returns=[])]))
    assert timeline.escort_interval(scn, trip, trip.escorts[0])[1] == datetime(2026, 12, 10, 0, 35, tzinfo=CET)


def test_overlap_touching_is_fine():
    a = (datetime(2026, 12, 9, 6, tzinfo=CET), datetime(2026, 12, 9, 8, tzinfo=CET))
    b = (datetime(2026, 12, 9, 8, tzinfo=CET), datetime(2026, 12, 9, 9, tzinfo=CET))
    c = (datetime(2026, 12, 9, 7, 59, tzinfo=UTC), datetime(2026, 12, 9, 9, tzinfo=UTC))
    assert not timeline.overlaps(a, b)
    assert not timeline.overlaps(a, c)  # 07:59 UTC is 08:59 CET
    assert timeline.overlaps(b, c)
