"""The freeze: previous trips departing within freeze_hours stay unless a note explains.

TK1952-1209 departs 51 h after planning start: frozen with freeze_hours 51, not with the default 48.
"""

from tests.builders import add_staff, codes, escort_dict, plan_dict, scenario_dict, trip_dict

PREVIOUS = plan_dict()


def _frozen(hours: float = 51) -> dict:
    scn = scenario_dict(settings={"freeze_hours": hours})
    add_staff(scn, "S-3", "M")
    return scn


def test_frozen_trip_kept():
    assert codes(_frozen(), plan_dict(), PREVIOUS) == set()


def test_frozen_trip_changed_pickup():
    changed = plan_dict([trip_dict(pickup="2026-12-09T06:00:00+01:00")])
    assert codes(_frozen(), changed, PREVIOUS) == {"frozen.changed"}


def test_frozen_trip_changed_escorts():
    changed = plan_dict([trip_dict(escorts=[escort_dict("S-1"), escort_dict("S-3")])])
    assert codes(_frozen(), changed, PREVIOUS) == {"frozen.changed"}


def test_frozen_trip_dropped():
    assert codes(_frozen(), plan_dict(trips=[], unplanned=["BV-1"]), PREVIOUS) == {"frozen.changed"}


def test_frozen_trip_changed_with_a_note():
    notes = [{"case": "BV-1", "text": "S-2 called in sick"}]
    changed = plan_dict([trip_dict(escorts=[escort_dict("S-1"), escort_dict("S-3")])], notes=notes)
    assert codes(_frozen(), changed, PREVIOUS) == set()


def test_trip_departing_after_freeze_may_change():
    changed = plan_dict([trip_dict(pickup="2026-12-09T06:00:00+01:00")])
    assert codes(_frozen(hours=50.9), changed, PREVIOUS) == set()


def test_no_freeze_without_previous_plan():
    changed = plan_dict([trip_dict(pickup="2026-12-09T06:00:00+01:00")])
    assert codes(_frozen(), changed) == set()
