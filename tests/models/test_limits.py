"""The stated input limits (models/limits.py): every number has one, a value over it is refused with
its field path, a value at it plans without error, and the README states each one."""

from __future__ import annotations

import types
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from models import InputError, Scenario, scenario_from_dict
from models import limits as L
from models.instants import in_zone, inside, local_day, plus, wall_time
from planner.service import solve_scenario
from solver import SolveParams
from tests.builders import scenario_dict
from tests.fuzz.limits import bounds

ROOT = Path(__file__).resolve().parents[2]

AT_LIMIT = {
    ("settings", "checkin_minutes"): L.MAX_MINUTES, ("settings", "return_max_hours"): L.MAX_HOURS,
    ("settings", "rest_minutes"): L.MAX_MINUTES, ("settings", "freeze_hours"): L.MAX_HOURS,
    ("settings", "vehicle_km_eur"): L.MAX_EUR, ("settings", "stretcher_seats"): L.MAX_COUNT,
    ("settings", "road", "detour_factor"): L.MAX_DETOUR_FACTOR, ("settings", "road", "speed_kmh"): L.MIN_SPEED_KMH,
    ("flights", 0, "seats"): L.MAX_COUNT, ("flights", 0, "fare_eur"): L.MAX_EUR,
    ("flights", 0, "medif_lead_hours"): L.MAX_HOURS, ("cases", 0, "escorts", "kmar"): L.MAX_ESCORTS_PER_ROLE,
    ("cases", 0, "daily_cost_eur"): L.MAX_EUR, ("cases", 0, "fit_to_fly", "max_travel_hours"): L.MAX_HOURS,
    ("staff", 0, "max_trips"): L.MAX_COUNT, ("staff", 0, "hour_cost_eur"): L.MAX_EUR,
    ("vehicles", 0, "seats"): L.MAX_COUNT,
}


def _with(path: tuple, value) -> dict:
    data = scenario_dict()
    target = data
    for part in path[:-1]:
        target = target.setdefault(part, {}) if isinstance(part, str) else target[part]
    target[path[-1]] = value
    return data


def _numeric_fields(model: type[BaseModel], prefix: tuple = ()) -> typing.Iterator[tuple]:
    for name, field in model.model_fields.items():
        key = field.alias or name
        union = typing.get_origin(field.annotation) in (typing.Union, types.UnionType)
        inner = [a for a in typing.get_args(field.annotation) if a is not type(None)] if union else [field.annotation]
        for tp in inner:
            base = typing.get_args(tp)[0] if typing.get_origin(tp) is typing.Annotated else tp
            if typing.get_origin(base) is tuple:
                base = typing.get_args(base)[0]
                key_path = (*prefix, key, 0)
            elif typing.get_origin(base) is dict:
                yield (*prefix, key, "kmar")
                continue
            else:
                key_path = (*prefix, key)
            if isinstance(base, type) and issubclass(base, BaseModel):
                yield from _numeric_fields(base, key_path)
            elif base in (int, float):
                yield key_path


def test_every_number_in_a_scenario_has_an_upper_limit():
    fields = list(_numeric_fields(Scenario))
    assert len(fields) > 25
    unbounded = [f for f in fields if bounds(f) is None or bounds(f).high is None]
    assert unbounded == []


@pytest.mark.parametrize("path", sorted(AT_LIMIT, key=str))
def test_over_the_limit_is_refused_with_the_path(path):
    limit = AT_LIMIT[path]
    over = limit * 10 if path[-1] != "speed_kmh" else limit / 10
    with pytest.raises(InputError) as info:
        scenario_from_dict(_with(path, over), "s.json")
    [(where, message)] = info.value.problems
    shown = str(int(limit)) if limit == int(limit) else str(limit)
    assert where == ".".join(str(p) for p in path).replace(".0.", "[0].") and shown in message


@pytest.mark.parametrize("path", sorted(AT_LIMIT, key=str))
def test_at_the_limit_plans_and_the_plan_keeps_every_rule(path):
    scenario = scenario_from_dict(_with(path, AT_LIMIT[path]), "s.json")
    checked = solve_scenario(scenario, SolveParams(time_limit_s=5, workers=1, seed=0))
    assert checked.valid, [v.message for v in checked.violations]
    assert checked.plan.solver["status"] in ("optimal", "feasible")


def test_readme_states_every_limit():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in ("64 MiB", f"{L.MAX_JSON_DEPTH} levels", "527,040", "8,784", "1,000,000", "100,000",
                 f"{L.MAX_ESCORTS_PER_ROLE} escorts", f"{L.MAX_INTEGER_DIGITS} digits", "9999-12-31"):
        assert text in readme, text


def test_time_arithmetic_stops_at_the_ends_of_the_calendar():
    from datetime import UTC, date, datetime, timedelta

    late = datetime(9999, 12, 31, 23, 0, tzinfo=UTC)
    assert plus(late, timedelta(hours=2)) == L.LATEST_INSTANT > late
    assert plus(datetime(1, 1, 1, 1, tzinfo=UTC), -timedelta(days=1)) == L.EARLIEST_INSTANT
    assert local_day(late, "Asia/Tokyo") == date.max
    assert wall_time(late, "Asia/Tokyo").hour == 8  # exact, though its date is in the year 10000
    assert in_zone(late, "Asia/Tokyo") == late
    assert L.EARLIEST_INSTANT < inside(L.EARLIEST_INSTANT) and inside(L.LATEST_INSTANT) < L.LATEST_INSTANT
