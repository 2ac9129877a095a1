"""Re-planning: stable UIDs, SEQUENCE only up for what changed, cancellations for what went away."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta, timezone

import pytest

from models import InputError
from planner.exports import calendars, staff_calendars, vehicle_calendars
from planner.exports.ical import escort_events, vehicle_events
from planner.exports.trips import trip_record
from planner.service import solve_scenario
from solver import SolveParams
from tests.builders import (
    add_staff,
    build,
    build_plan,
    escort_dict,
    plan_dict,
    scenario_dict,
    second_day_trip,
    trip_dict,
)
from tests.planner.exports import icstools
from tests.planner.exports.fixtures import solved


# -- helpers -------------------------------------------------------------------------------------------
def _blocks(files: dict[str, bytes]) -> dict[tuple[str, str], bytes]:
    return {(name, uid): block for name, data in files.items()
            for uid, block in icstools.raw_event_blocks(data).items()}


def _props(files: dict[str, bytes]) -> dict[tuple[str, str], tuple[int, str, str]]:
    """(file, uid) -> (SEQUENCE, STATUS, SUMMARY)."""
    return {(name, str(ev["UID"])): (int(ev["SEQUENCE"]), str(ev["STATUS"]), str(ev["SUMMARY"]))
            for name, data in files.items() for ev in icstools.events(data)}


def _trip_uids(scenario, plan) -> dict[frozenset, set[tuple[str, str]]]:
    """Trip (by its cases) -> the (file, uid) of every event it puts in any calendar."""
    out = {}
    for trip in plan.trips:
        record = trip_record(scenario, trip)
        uids = {(f"{record.vehicle.id}.ics", s.uid) for s in vehicle_events(record)}
        for place in record.escorts:
            uids |= {(f"{place.staff_id}.ics", s.uid) for s in escort_events(record, place.staff_id)}
        out[frozenset(trip.cases)] = uids
    return out


def _canonical(trip):
    return (trip.outbound, trip.pickup, trip.vehicle, frozenset((e.staff, e.role, e.return_) for e in trip.escorts),
            tuple(sorted(trip.care.items())))


def _check_sequence_rules(old_files, new_files):
    """Every old event is still there: byte-identical, or SEQUENCE + 1; new events start at 0."""
    old_blocks, new_blocks = _blocks(old_files), _blocks(new_files)
    old, new = _props(old_files), _props(new_files)
    assert set(old_blocks) <= set(new_blocks), "an event disappeared without a cancellation"
    changed = set()
    for key, block in old_blocks.items():
        if new_blocks[key] != block:
            changed.add(key)
            assert new[key][0] == old[key][0] + 1, (key, old[key], new[key])
    for key in set(new_blocks) - set(old_blocks):
        assert new[key][0] == 0 and new[key][1] == "CONFIRMED", key
    return changed


# -- the solver re-plan after a cancelled flight ---------------------------------------------------------------
@pytest.fixture(scope="module")
def replan():
    scn, plan = solved()
    scenario1, plan1 = build(scn), build_plan(plan)
    used = {}
    for trip in plan1.trips:
        for leg in trip.outbound + tuple(leg for e in trip.escorts for leg in e.return_):
            used[leg] = used.get(leg, 0) + 1
    victim = next(leg for trip in sorted(plan1.trips, key=lambda t: t.pickup) for leg in trip.outbound
                  if used[leg] == 1)
    scn2 = copy.deepcopy(scn)
    scn2["flights"] = [f for f in scn2["flights"] if f["id"] != victim]
    scn2["forbids"] = [f for f in scn2.get("forbids") or [] if f.get("flight") != victim]
    scenario2 = build(scn2)
    checked = solve_scenario(scenario2, SolveParams(time_limit_s=5, workers=1, seed=0), previous=plan1)
    assert not checked.violations
    plan2 = checked.plan
    export1 = calendars(scenario1, plan1)
    export2 = calendars(scenario2, plan2, export1)
    return dict(scenario1=scenario1, plan1=plan1, scenario2=scenario2, plan2=plan2, victim=victim,
                export1=export1, export2=export2)


def test_untouched_trips_are_byte_identical_and_only_affected_events_change(replan):
    changed = _check_sequence_rules(replan["export1"], replan["export2"])
    before = {frozenset(t.cases): t for t in replan["plan1"].trips}
    after = {frozenset(t.cases): t for t in replan["plan2"].trips}
    untouched = {cases for cases, trip in before.items() if cases in after and _canonical(after[cases]) ==
                 _canonical(trip)}
    assert untouched, "the re-plan should keep most trips"
    uids_before = _trip_uids(replan["scenario1"], replan["plan1"])
    uids_after = _trip_uids(replan["scenario2"], replan["plan2"])
    stable = set().union(*(uids_before[c] for c in untouched))
    assert not (changed & stable), "an event of an unchanged trip changed"
    affected = set().union(*(uids_before[c] | uids_after.get(c, set()) for c in before if c not in untouched))
    assert changed and changed <= affected
    assert len(stable) > len(changed)


def test_the_cancelled_flight_comes_out_cancelled_with_a_higher_sequence(replan):
    victim = replan["scenario1"].flight_by_id[replan["victim"]]
    trip = next(t for t in replan["plan1"].trips if replan["victim"] in t.outbound)
    old, new = _props(replan["export1"]), _props(replan["export2"])
    for escort in trip.escorts:
        name = f"{escort.staff}.ics"
        legs = [key for key, (_, _, summary) in old.items() if key[0] == name and f"Vlucht {victim.code} " in summary]
        assert len(legs) == 1
        seq, status, summary = new[legs[0]]
        assert status == "CANCELLED" and seq == old[legs[0]][0] + 1
        assert summary.startswith("Geannuleerd: Vlucht ")
    cancelled = [ev for data in replan["export2"].values() for ev in icstools.events(data)
                 if str(ev["STATUS"]) == "CANCELLED"]
    for ev in cancelled:
        assert not icstools.xbv_fields(ev) and "DESCRIPTION" not in ev and not ev.subcomponents
        assert str(ev["TRANSP"]) == "TRANSPARENT"
        assert ev.decoded("DTSTAMP") == replan["scenario2"].planning_start.astimezone(UTC)


def test_exporting_again_changes_nothing(replan):
    again = calendars(replan["scenario2"], replan["plan2"], replan["export2"])
    assert again == replan["export2"]


def test_replanned_calendars_parse_in_icaljs(replan, tmp_path):
    paths = icstools.write_all(tmp_path, replan["export2"])
    parsed = icstools.node_parse(paths)
    for path in paths:
        ours = icstools.python_instants(path.read_bytes())
        assert {e["uid"]: (e["start"], e["end"]) for e in parsed[str(path)]} == ours
        assert {e["uid"]: e["sequence"] for e in parsed[str(path)]} == {
            str(ev["UID"]): int(ev["SEQUENCE"]) for ev in icstools.events(path.read_bytes())}


# -- small hand-made changes ----------------------------------------------------------------------------------
def _export(scn, plan, previous=None, **kw):
    return calendars(build(scn), build_plan(plan), previous, **kw)


def _by_kind(files, name):
    """Summary word -> (SEQUENCE, STATUS) of one calendar."""
    return {str(ev["SUMMARY"]).split(" ")[0].rstrip(","): (int(ev["SEQUENCE"]), str(ev["STATUS"]))
            for ev in icstools.events(files[name])}


def test_moved_pickup_bumps_report_and_ride_only():
    scn = scenario_dict()
    first = _export(scn, plan_dict())
    moved = plan_dict(trips=[trip_dict(pickup="2026-12-09T06:00:00+01:00")])
    second = _export(scn, moved, first)
    changed = _check_sequence_rules(first, second)
    assert {name for name, _ in changed} == {"S-1.ics", "S-2.ics", "V-1.ics"}
    assert _by_kind(second, "S-1.ics") == {"Melden": (1, "CONFIRMED"), "Vlucht": (0, "CONFIRMED"),
                                           "Overdracht": (0, "CONFIRMED"), "Terugvlucht": (0, "CONFIRMED"),
                                           "Rusttijd": (0, "CONFIRMED")}
    assert _by_kind(second, "V-1.ics") == {"Rit": (1, "CONFIRMED")}


def test_replaced_escort_gets_cancellations_and_the_newcomer_new_events():
    scn = scenario_dict()
    add_staff(scn, "S-3", "M")
    first = _export(scn, plan_dict())
    swapped = plan_dict(trips=[trip_dict(escorts=[escort_dict("S-1"), escort_dict("S-3")])])
    second = _export(scn, swapped, first)
    _check_sequence_rules(first, second)
    assert set(_by_kind(second, "S-2.ics").values()) == {(1, "CANCELLED")}
    assert len(icstools.events(second["S-2.ics"])) == 5
    assert set(_by_kind(second, "S-3.ics").values()) == {(0, "CONFIRMED")}
    # S-1's team changed: report and handover name the team, the legs and the rest do not.
    assert _by_kind(second, "S-1.ics") == {"Melden": (1, "CONFIRMED"), "Vlucht": (0, "CONFIRMED"),
                                           "Overdracht": (1, "CONFIRMED"), "Terugvlucht": (0, "CONFIRMED"),
                                           "Rusttijd": (0, "CONFIRMED")}


def test_unplanned_then_planned_again():
    scn = scenario_dict()
    first = _export(scn, plan_dict())
    empty = plan_dict(trips=[], unplanned=["BV-1"])
    second = _export(scn, empty, first)
    assert {status for data in second.values() for ev in icstools.events(data) for status in [str(ev["STATUS"])]} \
        == {"CANCELLED"}
    third = _export(scn, empty, second)
    assert third == second, "a cancellation is published once and then carried unchanged"
    fourth = _export(scn, plan_dict(), third)
    assert set(_by_kind(fourth, "S-1.ics").values()) == {(2, "CONFIRMED")}
    # A day later the trip moves to the next day: new leg UIDs, the old leg cancelled (SEQUENCE 3).
    later = _export(scn, plan_dict(trips=[second_day_trip()]), fourth)
    summaries = {str(ev["SUMMARY"]): int(ev["SEQUENCE"]) for ev in icstools.events(later["S-1.ics"])}
    assert summaries["Geannuleerd: Vlucht TK1952 AMS → IST – P-BV-1"] == 3
    assert summaries["Vlucht TK1952 AMS → IST – P-BV-1"] == 0


def test_cancelled_events_are_dropped_a_month_after_their_end():
    scn = scenario_dict()
    first = _export(scn, plan_dict())
    empty = plan_dict(trips=[], unplanned=["BV-1"])
    second = _export(scn, empty, first)
    late = _export(scn, empty, second, published_at=datetime(2027, 1, 20, tzinfo=UTC))
    assert all(icstools.events(data) == [] for data in late.values())


def test_departed_staff_member_gets_a_feed_of_cancellations():
    scn = scenario_dict()
    add_staff(scn, "S-3", "M")
    first = _export(scn, plan_dict())
    scn2 = copy.deepcopy(scn)
    scn2["staff"] = [s for s in scn2["staff"] if s["id"] != "S-2"]
    second = _export(scn2, plan_dict(trips=[trip_dict(escorts=[escort_dict("S-1"), escort_dict("S-3")])]), first)
    assert "S-2.ics" in second
    cal = icstools.parse(second["S-2.ics"])
    assert str(cal["X-WR-CALNAME"]) == "Bijzonder Vertrek – Escort S-2"
    assert {str(ev["STATUS"]) for ev in icstools.events(second["S-2.ics"])} == {"CANCELLED"}
    # The per-kind functions only look at their own owners.
    assert set(staff_calendars(build(scn2), build_plan(plan_dict(trips=[])), first)) == {"S-1.ics", "S-3.ics"}
    assert set(vehicle_calendars(build(scn2), build_plan(plan_dict(trips=[])), first)) == {"V-1.ics"}


def test_changed_events_take_the_new_stamp_unchanged_keep_theirs():
    scn = scenario_dict()
    first = _export(scn, plan_dict())
    stamp = datetime(2026, 12, 8, 9, 15, tzinfo=timezone(timedelta(hours=1)))
    second = _export(scn, plan_dict(trips=[trip_dict(pickup="2026-12-09T06:00:00+01:00")]), first,
                     published_at=stamp)
    for ev in icstools.events(second["S-1.ics"]):
        expected = stamp if int(ev["SEQUENCE"]) else build(scn).planning_start
        assert ev.decoded("DTSTAMP") == expected.astimezone(UTC)


@pytest.mark.parametrize("garbage", [b"not a calendar", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n"
                                                       b"END:VEVENT\r\nEND:VCALENDAR\r\n"])
def test_unreadable_previous_export_is_an_input_error(garbage):
    with pytest.raises(InputError) as err:
        _export(scenario_dict(), plan_dict(), {"S-1.ics": garbage})
    assert "previous export S-1.ics" in str(err.value)


def test_published_at_must_be_aware():
    with pytest.raises(InputError):
        _export(scenario_dict(), plan_dict(), published_at=datetime(2026, 12, 8, 9, 0))
