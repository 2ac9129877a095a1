"""`timeline.overlaps_daily_window`, the night connection of rule 9, on the DST changes of 2026.

Europe/Paris (CDG) springs forward on 29 Mar (02:00 CET -> 03:00 CEST, 01:00 UTC) and falls back
on 25 Oct (03:00 CEST -> 02:00 CET, 01:00 UTC); Europe/Istanbul (IST) stays at +03:00. The window
is read on the hub's wall clock, half-open [from, to): touching is no overlap.
"""

from datetime import UTC, datetime, timedelta

import pytest

from models.common import DailyWindow
from models.timeline import overlaps_daily_window

UTC = UTC
NIGHT = DailyWindow.model_validate({"from": "00:00", "to": "05:00"})


def _z(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def _window(start: str, end: str) -> DailyWindow:
    return DailyWindow.model_validate({"from": start, "to": end})


@pytest.mark.parametrize(("arrival", "departure", "tz", "overlaps"), [
    # 29 Mar, Paris: the night is 23:00 UTC (00:00 CET) to 03:00 UTC (05:00 CEST), only 4 h long
    (_z(2026, 3, 29, 3, 0), _z(2026, 3, 29, 6), "Europe/Paris", False),    # arrives 05:00 CEST
    (_z(2026, 3, 29, 2, 59), _z(2026, 3, 29, 6), "Europe/Paris", True),    # arrives 04:59 CEST
    (_z(2026, 3, 29, 3, 30), _z(2026, 3, 29, 6), "Europe/Paris", False),   # 05:30 CEST (04:30 at a fixed +01:00)
    (_z(2026, 3, 28, 18), _z(2026, 3, 28, 23, 0), "Europe/Paris", False),  # leaves 00:00 CET
    (_z(2026, 3, 28, 18), _z(2026, 3, 28, 23, 1), "Europe/Paris", True),   # leaves 00:01 CET
    # 25 Oct, Paris: the night is 22:00 UTC (00:00 CEST) to 04:00 UTC (05:00 CET), 6 h long
    (_z(2026, 10, 25, 4, 0), _z(2026, 10, 25, 6), "Europe/Paris", False),  # arrives 05:00 CET
    (_z(2026, 10, 25, 3, 59), _z(2026, 10, 25, 6), "Europe/Paris", True),  # arrives 04:59 CET
    (_z(2026, 10, 24, 18), _z(2026, 10, 24, 22, 0), "Europe/Paris", False),  # leaves 00:00 CEST
    (_z(2026, 10, 24, 18), _z(2026, 10, 24, 22, 1), "Europe/Paris", True),
    # Istanbul, no DST: the night is 21:00-02:00 UTC on both dates
    (_z(2026, 3, 29, 2, 0), _z(2026, 3, 29, 6), "Europe/Istanbul", False),
    (_z(2026, 3, 29, 1, 59), _z(2026, 3, 29, 6), "Europe/Istanbul", True),
    (_z(2026, 10, 25, 2, 0), _z(2026, 10, 25, 6), "Europe/Istanbul", False),
    (_z(2026, 10, 25, 1, 59), _z(2026, 10, 25, 6), "Europe/Istanbul", True),
    (_z(2026, 10, 24, 12), _z(2026, 10, 24, 21, 0), "Europe/Istanbul", False),
    (_z(2026, 10, 24, 12), _z(2026, 10, 24, 21, 1), "Europe/Istanbul", True),
])
def test_night_on_the_dst_changes(arrival, departure, tz, overlaps):
    assert overlaps_daily_window(arrival, departure, NIGHT, tz) is overlaps


def test_a_time_skipped_in_spring_does_not_occur_that_night():
    # 01:30 CET -> 03:30 CEST: the wall clock never shows 02:30-02:45
    assert not overlaps_daily_window(_z(2026, 3, 29, 0, 30), _z(2026, 3, 29, 1, 30), _window("02:30", "02:45"),
                                     "Europe/Paris")
    # the next night it does
    assert overlaps_daily_window(_z(2026, 3, 29, 0, 30), _z(2026, 3, 30, 1, 30), _window("02:30", "02:45"),
                                 "Europe/Paris")


def test_a_time_repeated_in_autumn_occurs_twice():
    repeated = _window("02:15", "02:30")
    assert overlaps_daily_window(_z(2026, 10, 25, 0, 0), _z(2026, 10, 25, 0, 20), repeated, "Europe/Paris")  # CEST
    assert overlaps_daily_window(_z(2026, 10, 25, 1, 0), _z(2026, 10, 25, 1, 20), repeated, "Europe/Paris")  # CET
    # 02:30 CEST to 02:15 CET lies between the two occurrences, touching both
    assert not overlaps_daily_window(_z(2026, 10, 25, 0, 30), _z(2026, 10, 25, 1, 15), repeated, "Europe/Paris")


def test_wrapping_window_and_multi_day_connections():
    late = _window("22:00", "05:00")
    assert overlaps_daily_window(_z(2026, 12, 9, 20, 59), _z(2026, 12, 9, 22), late, "Europe/Paris")  # 21:59 CET on
    assert not overlaps_daily_window(_z(2026, 12, 9, 4), _z(2026, 12, 9, 21), late, "Europe/Paris")  # 05:00-22:00
    day = _window("10:00", "10:01")
    long_wait = (_z(2026, 12, 9, 10), _z(2026, 12, 10, 9, 59))  # 11:00 CET to 10:59 CET next day
    assert overlaps_daily_window(*long_wait, day, "Europe/Paris")
    assert overlaps_daily_window(_z(2026, 12, 1), _z(2026, 12, 9), NIGHT, "Europe/Paris")


def test_zero_length_window_is_that_minute():
    point = _window("03:00", "03:00")
    assert overlaps_daily_window(_z(2026, 12, 9, 1), _z(2026, 12, 9, 3), point, "Europe/Paris")  # 02:00-04:00 CET
    assert not overlaps_daily_window(_z(2026, 12, 9, 1), _z(2026, 12, 9, 2), point, "Europe/Paris")  # ends at 03:00
    assert not overlaps_daily_window(_z(2026, 12, 9, 2), _z(2026, 12, 9, 3), point, "Europe/Paris")  # starts at 03:00


def test_empty_or_reversed_connection_overlaps_nothing():
    moment = _z(2026, 12, 9, 1)
    assert not overlaps_daily_window(moment, moment, NIGHT, "Europe/Paris")
    assert not overlaps_daily_window(moment, moment - timedelta(hours=2), NIGHT, "Europe/Paris")


def test_far_dates_do_not_overflow():
    """Local times past the calendar's ends saturate; the answer there is a bool, never a crash."""
    end = datetime(9999, 12, 31, 23, 0, tzinfo=UTC)
    assert overlaps_daily_window(end - timedelta(hours=22), end, NIGHT, "America/New_York")  # 30 Dec 20:00-18:00 EST
    assert overlaps_daily_window(end - timedelta(hours=10), end, NIGHT, "Asia/Tokyo") in (True, False)
    start = datetime(1, 1, 1, 1, tzinfo=UTC)
    assert overlaps_daily_window(start, start + timedelta(hours=11), NIGHT, "America/New_York") in (True, False)
