"""Time windows as the solver reads them: unions for staff, single windows for vehicles, and no
window shape that FORMAT.md allows may switch the optimiser off."""

from datetime import UTC, datetime, timedelta, timezone

from models.common import TimeWindow
from solver.timegrid import TimeGrid
from solver.windows import availability, clip_spans, merge_spans, unavailability
from tests.builders import item, scenario_dict
from tests.integration.helpers import planned_cases, solve_dict, trip_of

START = datetime(2026, 12, 7, 8, 0, tzinfo=timezone(timedelta(hours=1)))
GRID = TimeGrid(START)


def _w(a: float, b: float) -> TimeWindow:
    """A window from `a` to `b` minutes after START."""
    return TimeWindow.model_validate({"from": START + timedelta(minutes=a), "to": START + timedelta(minutes=b)})


def test_merge_spans_unions_overlapping_and_touching_and_sorts():
    assert merge_spans([(50, 60), (0, 10), (5, 20), (20, 30), (40, 40)]) == [(0, 30), (50, 60)]


def test_unavailability_rounds_outward_then_merges():
    # disjoint in seconds, overlapping once floored/ceiled to the minute grid
    assert unavailability([_w(0.5, 10.25), _w(10.5, 20)], GRID) == [(0, 20)]


def test_zero_length_unavailability_blocks_its_minute():
    assert unavailability([_w(30, 30)], GRID) == [(30, 31)]
    assert unavailability([_w(30.5, 30.5)], GRID) == [(30, 31)]


def test_duplicates_and_nested_windows_collapse():
    assert unavailability([_w(0, 100), _w(0, 100), _w(10, 20)], GRID) == [(0, 100)]


def test_vehicle_availability_is_never_merged():
    assert availability([_w(60, 120), _w(0, 60), _w(0, 60)], GRID) == [(0, 60), (60, 120)]


def test_vehicle_availability_rounds_inward_and_keeps_zero_length_at_a_minute():
    assert availability([_w(0.5, 10.5), _w(30, 30), _w(40.2, 40.7)], GRID) == [(1, 10), (30, 30)]


def test_clip_keeps_far_dates_out_of_the_model():
    far = datetime(9999, 12, 31, tzinfo=UTC)
    spans = unavailability([TimeWindow.model_validate({"from": START - timedelta(days=400), "to": far})], GRID)
    assert clip_spans(spans, -100, 5000) == [(-100, 5000)]
    assert clip_spans([(6000, 7000)], -100, 5000) == []


# -- the solver on such windows ----------------------------------------------------------
def _optimiser_ran(checked) -> None:
    phases = checked.plan.solver["phases"]
    assert phases and all(p["status"] not in ("infeasible", "model_invalid") for p in phases), phases
    assert checked.plan.solver["status"] != "model_error"


def test_overlapping_touching_duplicate_and_zero_length_staff_windows():
    scn = scenario_dict()
    blocked = [
        {"from": "2026-12-12T00:00:00+01:00", "to": "2026-12-14T00:00:00+01:00"},
        {"from": "2026-12-13T00:00:00+01:00", "to": "2026-12-15T00:00:00+01:00"},  # overlaps
        {"from": "2026-12-15T00:00:00+01:00", "to": "2026-12-16T00:00:00+01:00"},  # touches
        {"from": "2026-12-13T00:00:00+01:00", "to": "2026-12-15T00:00:00+01:00"},  # duplicate
        {"from": "2026-12-17T10:00:00+01:00", "to": "2026-12-17T10:00:00+01:00"},  # zero length
        {"from": "2026-11-01T00:00:00+01:00", "to": "2026-12-01T00:00:00+01:00"},  # before planning start
        {"from": "2027-01-01T00:00:00+01:00", "to": "9999-12-31T23:59:00+00:00"},  # "until further notice"
    ]
    item(scn, "staff", "S-1")["unavailable"] = blocked
    item(scn, "staff", "S-2")["unavailable"] = list(reversed(blocked))
    checked = solve_dict(scn)
    _optimiser_ran(checked)
    assert planned_cases(checked) == {"BV-1"}


def test_staff_unavailable_across_the_whole_horizon_leaves_the_case_unplanned_not_the_model_infeasible():
    scn = scenario_dict()
    for sid in ("S-1", "S-2"):
        item(scn, "staff", sid)["unavailable"] = [
            {"from": "2026-01-01T00:00:00+01:00", "to": "2026-12-10T00:00:00+01:00"},
            {"from": "2026-12-09T00:00:00+01:00", "to": "9999-12-31T00:00:00+00:00"},
        ]
    checked = solve_dict(scn)
    _optimiser_ran(checked)
    assert planned_cases(checked) == set()


def test_touching_vehicle_windows_do_not_make_one_longer_window():
    # the 9 Dec trip's busy interval (about 06:20-08:10) crosses 07:00, where one window ends and the
    # next begins: rule 5 wants it inside ONE window, so only a later day is allowed
    scn = scenario_dict()
    item(scn, "vehicles", "V-1")["available"] = [
        {"from": "2026-12-09T07:00:00+01:00", "to": "2026-12-14T00:00:00+01:00"},
        {"from": "2026-12-07T00:00:00+01:00", "to": "2026-12-09T07:00:00+01:00"},
        {"from": "2026-12-07T00:00:00+01:00", "to": "2026-12-09T07:00:00+01:00"},
    ]
    checked = solve_dict(scn)
    _optimiser_ran(checked)
    assert trip_of(checked, "BV-1").outbound != ("TK1952-1209",)


def test_vehicle_available_from_before_planning_start_and_until_far_future():
    scn = scenario_dict()
    item(scn, "vehicles", "V-1")["available"] = [
        {"from": "2000-01-01T00:00:00+01:00", "to": "9999-12-31T00:00:00+00:00"},
    ]
    checked = solve_dict(scn)
    _optimiser_ran(checked)
    assert planned_cases(checked) == {"BV-1"}


def test_zero_length_pickup_window_gets_exactly_its_minute():
    scn = scenario_dict()
    item(scn, "locations", "HOSP")["pickup_windows"] = [
        {"from": "06:30", "to": "06:30"},
        {"from": "06:30", "to": "06:30"},
    ]
    checked = solve_dict(scn)
    _optimiser_ran(checked)
    pickup = trip_of(checked, "BV-1").pickup
    assert (pickup.hour, pickup.minute, pickup.second) == (6, 30, 0)


def test_zero_length_care_window_at_the_arrival_instant():
    scn = scenario_dict()
    scn["cases"][0]["care"]["required"] = True
    scn["cases"][0]["care"]["options"][0]["windows"] = [
        {"from": "2026-12-10T17:05:00+03:00", "to": "2026-12-10T17:05:00+03:00"},  # TK1952-1210 + 90 min
        {"from": "2026-12-10T17:05:00+03:00", "to": "2026-12-10T17:05:00+03:00"},
    ]
    checked = solve_dict(scn)
    _optimiser_ran(checked)
    assert trip_of(checked, "BV-1").outbound == ("TK1952-1210",)


def test_unavailable_until_9999_is_explained_without_overflow():
    # found by the Hypothesis properties: the explanation printed the end of an unavailability
    # "until 9999-12-31T23:59Z" in local time, which is in the year 10000
    scn = scenario_dict()
    for sid in ("S-1", "S-2"):
        item(scn, "staff", sid)["unavailable"] = [
            {"from": "2026-12-07T17:44:00+01:00", "to": "9999-12-31T23:59:00+00:00"}
        ]
    checked = solve_dict(scn)
    _optimiser_ran(checked)
    assert planned_cases(checked) == set()
    assert "S-1 unavailable 7 Dec 2026 – 30 Dec 9999" in " ".join(checked.plan.unplanned[0].reasons)
