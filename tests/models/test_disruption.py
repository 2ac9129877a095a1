"""models/disruption.py: what makes a previous trip changed (FORMAT.md revision 2)."""

from datetime import UTC, datetime, timedelta

from models.disruption import trip_changed, trip_changes
from models.plan import EscortAssignment, Trip

PICKUP = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def _trip(outbound=("F1",), vehicle="V-1", escorts=(("S-1", ("R1",)), ("S-2", ("R1",))), pickup=PICKUP, care=None):
    return Trip(cases=("BV-1",), outbound=outbound, pickup=pickup, vehicle=vehicle, care=care or {},
                escorts=tuple(EscortAssignment(staff=s, role="coordinator", **{"return": r}) for s, r in escorts))


def test_same_trip_is_unchanged_even_with_another_pickup_or_care():
    old = _trip()
    assert trip_changes(old, _trip(pickup=PICKUP + timedelta(minutes=30), care={"BV-1": "C-1"})) == []
    assert not trip_changed(old, old)


def test_each_part_that_counts():
    old = _trip()
    assert trip_changes(old, None) == ["dropped"]
    assert trip_changes(old, _trip(outbound=("F2",))) == ["outbound"]
    assert trip_changes(old, _trip(vehicle="V-2")) == ["vehicle"]
    assert trip_changes(old, _trip(escorts=(("S-1", ("R1",)), ("S-3", ("R1",))))) == ["escorts"]
    assert trip_changes(old, _trip(escorts=(("S-1", ("R1",)), ("S-2", ("R2",))))) == ["returns"]
    assert trip_changes(old, _trip(outbound=("F2",), vehicle="V-2")) == ["outbound", "vehicle"]


def test_escort_order_does_not_count():
    old = _trip()
    assert not trip_changed(old, _trip(escorts=(("S-2", ("R1",)), ("S-1", ("R1",)))))
