"""Calendar times: icalendar and ical.js agree on every instant, across both DST changes.

Fixtures (tests/planner/exports/fixtures.py): the night Amsterdam falls back (report and pickup in
the repeated hour), the overnight westbound AMS->PBM flight during which Amsterdam springs
forward, and solver-made plans over the October 2026 and March 2027 DST weekends.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from models import timeline as tl
from planner.exports import calendars
from tests.builders import build, build_plan
from tests.planner.exports import icstools
from tests.planner.exports.fixtures import dst_plan_dict, dst_scenario_dict, solved

UTC = UTC


def _dst_export():
    scenario, plan = build(dst_scenario_dict()), build_plan(dst_plan_dict())
    return scenario, plan, calendars(scenario, plan)


def _solved_export(start: str):
    scn, plan = solved(start=start)
    scenario, plan = build(scn), build_plan(plan)
    assert plan.trips, "the generated scenario should plan some trips"
    return calendars(scenario, plan)


DST_STARTS = ("2026-10-21T08:00:00+02:00", "2027-03-24T08:00:00+01:00")


def test_icalendar_and_icaljs_agree_on_every_instant(tmp_path):
    exports = {"dst": _dst_export()[2]}
    for start in DST_STARTS:
        exports[start[:10]] = _solved_export(start)
    paths = []
    for label, files in exports.items():
        paths += icstools.write_all(tmp_path / label, files)
    parsed = icstools.node_parse(paths)
    compared = 0
    for path in paths:
        ours = icstools.python_instants(path.read_bytes())
        theirs = {e["uid"]: (e["start"], e["end"]) for e in parsed[str(path)]}
        assert theirs == ours, path.name
        compared += len(ours)
    assert compared > 50


def _expected_staff_intervals(scenario, plan, staff_id):
    """The plan's instants for one escort, from the timeline helpers (the oracle)."""
    out = set()
    for trip in plan.trips:
        for a in trip.escorts:
            if a.staff != staff_id:
                continue
            if tl.joins_at_airport(scenario, a.role):  # reports at the airport, until the first departure
                out.add((tl.escort_start(scenario, trip, a), tl.first_departure(scenario, trip)))
            else:
                out.add((tl.report_time(scenario, trip), tl.airport_arrival(scenario, trip)))
            out |= {(leg.departure, leg.arrival) for leg in tl.outbound_legs(scenario, trip)}
            out.add((tl.last_arrival(scenario, trip), tl.handover_end(scenario, trip)))
            out |= {(leg.departure, leg.arrival) for leg in tl.return_legs(scenario, a)}
            back = tl.escort_return_arrival(scenario, trip, a)
            out.add((back, tl.escort_interval(scenario, trip, a)[1]))
    return {(s.astimezone(UTC), e.astimezone(UTC)) for s, e in out}


def test_every_event_is_at_the_plans_instants():
    scenario, plan, files = _dst_export()
    for staff in scenario.staff:
        got = {(icstools.utc(ev.decoded("DTSTART")), icstools.utc(ev.decoded("DTEND")))
               for ev in icstools.events(files[f"{staff.id}.ics"])}
        assert got == _expected_staff_intervals(scenario, plan, staff.id), staff.id
    rides = {(icstools.utc(ev.decoded("DTSTART")), icstools.utc(ev.decoded("DTEND")))
             for ev in icstools.events(files["V-1.ics"])}
    assert rides == {tuple(t.astimezone(UTC) for t in tl.vehicle_busy(scenario, trip)) for trip in plan.trips}


def _event(files, name, summary_part):
    found = [ev for ev in icstools.events(files[name]) if summary_part in str(ev["SUMMARY"])]
    assert len(found) == 1, [str(ev["SUMMARY"]) for ev in icstools.events(files[name])]
    return found[0]


def _line(data: bytes, uid: str, prop: str) -> str:
    block = icstools.raw_event_blocks(data)[uid].decode("utf-8")
    return re.search(rf"^{prop}[;:].*$", block, flags=re.M).group(0).rstrip("\r")


def test_overnight_westbound_leg_starts_and_ends_in_its_airports_zones():
    _, _, files = _dst_export()
    for name in ("S-1.ics", "S-3.ics"):
        leg = _event(files, name, "KL713")
        uid = str(leg["UID"])
        assert _line(files[name], uid, "DTSTART") == "DTSTART;TZID=Europe/Amsterdam:20270327T213000"
        assert _line(files[name], uid, "DTEND") == "DTEND;TZID=America/Paramaribo:20270328T031000"
        start, end = icstools.utc(leg.decoded("DTSTART")), icstools.utc(leg.decoded("DTEND"))
        assert start == datetime(2027, 3, 27, 20, 30, tzinfo=UTC)
        assert end - start == timedelta(hours=9, minutes=40)
        back = _event(files, name, "KL714")
        # Landing in Amsterdam after the change: CEST.
        assert _line(files[name], str(back["UID"]), "DTEND") == "DTEND;TZID=Europe/Amsterdam:20270330T071000"
        assert icstools.utc(back.decoded("DTEND")) == datetime(2027, 3, 30, 5, 10, tzinfo=UTC)


def test_times_in_the_repeated_hour_are_written_in_utc():
    _, _, files = _dst_export()
    report = _event(files, "S-2.ics", "Melden op luchthaven")
    uid = str(report["UID"])
    # KMar reports at Schiphol at 02:30 CET (06:30 - 3 h check-in - 1 h), the second 02:30 of
    # 25 Oct 2026: parsers disagree on a TZID-local time in that hour, so the exporter writes UTC.
    assert _line(files["S-2.ics"], uid, "DTSTART") == "DTSTART:20261025T013000Z"
    assert _line(files["S-2.ics"], uid, "DTEND") == "DTEND;TZID=Europe/Amsterdam:20261025T063000"
    ride = _event(files, "V-1.ics", "BV-2026-0901")
    assert _line(files["V-1.ics"], str(ride["UID"]), "DTSTART").endswith("Z")
    # An unambiguous time keeps the place's zone.
    leg = _event(files, "S-2.ics", "OR365")
    assert _line(files["S-2.ics"], str(leg["UID"]), "DTSTART") == "DTSTART;TZID=Europe/Amsterdam:20261025T063000"


@pytest.mark.parametrize("start", [None, *DST_STARTS])
def test_no_floating_times_and_a_vtimezone_for_every_tzid(start):
    files = _dst_export()[2] if start is None else _solved_export(start)
    for name, data in files.items():
        cal = icstools.parse(data)
        assert cal.get_missing_tzids() == set(), name
        tzids = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
        for block in icstools.raw_event_blocks(data).values():
            for line in block.decode("utf-8").split("\r\n"):
                if not line.startswith(("DTSTART", "DTEND")):
                    continue
                zoned = re.fullmatch(r"DT(?:START|END);TZID=([^:;]+):\d{8}T\d{6}", line)
                assert zoned and zoned.group(1) in tzids or re.fullmatch(r"DT(?:START|END):\d{8}T\d{6}Z", line), \
                    (name, line)
            assert b"DTSTAMP:" in block and re.search(rb"DTSTAMP:\d{8}T\d{6}Z", block)


def test_one_calendar_crosses_both_dst_changes():
    _, _, files = _dst_export()
    cal = icstools.parse(files["S-1.ics"])
    amsterdam = next(tz for tz in cal.walk("VTIMEZONE") if str(tz["TZID"]) == "Europe/Amsterdam")
    onsets = {(c.name, c.decoded("DTSTART").date().isoformat()) for c in amsterdam.subcomponents}
    assert ("STANDARD", "2026-10-25") in onsets and ("DAYLIGHT", "2027-03-28") in onsets
    roles = {icstools.text(ev, "X-BV-ROLE") for ev in icstools.events(files["S-1.ics"])} - {""}
    assert roles == {"KMar-escort", "Coördinator"}


def test_calendar_and_event_headers():
    scenario, _, files = _dst_export()
    assert set(files) == {"S-1.ics", "S-2.ics", "S-3.ics", "V-1.ics"}
    stamp = scenario.planning_start.astimezone(UTC)
    for name, data in files.items():
        cal = icstools.parse(data)
        assert str(cal["METHOD"]) == "PUBLISH" and str(cal["VERSION"]) == "2.0"
        assert str(cal["X-WR-CALNAME"]).startswith("Bijzonder Vertrek – ")
        assert set(cal) <= icstools.CALENDAR_PROPERTIES
        for ev in icstools.events(data):
            assert ev.decoded("DTSTAMP") == stamp
            assert int(ev["SEQUENCE"]) == 0 and str(ev["STATUS"]) == "CONFIRMED"
            assert str(ev["TRANSP"]) == "OPAQUE"  # rest included: blocks free/busy
            alarms = [c for c in ev.subcomponents if c.name == "VALARM"]
            if "Melden" in str(ev["SUMMARY"]) or name == "V-1.ics":
                assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == timedelta(minutes=-120)
            else:
                assert alarms == []
    s3 = [str(ev["SUMMARY"]) for ev in icstools.events(files["S-3.ics"])]
    assert [s.split(" ")[0] for s in s3] == ["Melden", "Vlucht", "Overdracht,", "Terugvlucht", "Rusttijd"]


def test_uids_are_unique_and_exports_are_deterministic():
    scenario, plan, files = _dst_export()
    again = calendars(build(dst_scenario_dict()), build_plan(dst_plan_dict()))
    assert again == files
    uids = [str(ev["UID"]) for data in files.values() for ev in icstools.events(data)]
    assert len(uids) == len(set(uids))
    assert all(re.fullmatch(r"bv-[0-9a-f]{32}@bv-planner", uid) for uid in uids)


def test_empty_calendar_is_still_a_valid_file(tmp_path):
    scn = dst_scenario_dict()
    plan = dst_plan_dict()
    plan["trips"] = []
    plan["unplanned"] = [{"case": "DST-1", "reasons": ["x"]}, {"case": "DST-2", "reasons": ["x"]}]
    files = calendars(build(scn), build_plan(plan))
    for data in files.values():
        cal = icstools.parse(data)
        assert icstools.events(data) == [] and len(cal.walk("VTIMEZONE")) == 1
    parsed = icstools.node_parse(icstools.write_all(tmp_path, files))
    assert all(v == [] for v in parsed.values())


def test_calendar_file_names_are_safe_and_unique():
    from models import InputError
    from planner.exports.ical import calendar_filename
    from tests.builders import plan_dict, scenario_dict

    assert calendar_filename("S-1") == "S-1.ics"
    assert calendar_filename("../etc/passwd") == "%2E.%2Fetc%2Fpasswd.ics"
    assert "/" not in calendar_filename("a/b\\c") and "\n" not in calendar_filename("a\nb")
    scn = scenario_dict()
    scn["vehicles"][0]["id"] = "S-1"
    plan = plan_dict(trips=[])
    plan["unplanned"] = [{"case": "BV-1", "reasons": ["x"]}]
    with pytest.raises(InputError, match="calendar file S-1.ics is also used by staff 'S-1'"):
        calendars(build(scn), build_plan(plan))
