"""The fuzzer's view of a scenario document: base scenarios, field paths and what kind of field each is.

A mutation works on one `Doc`: a sub-sampled copy of a committed scenario plus a *focus*, the nodes
of the top level, the settings and one item of each top-level list (a flight the baseline plan uses,
most of the time), so that mutations spread over every part of the file instead of landing on one
of thousands of flights.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "sample_data" / "scenarios"

Path_ = tuple[str | int, ...]

DATE_KEYS = frozenset({"valid_from", "valid_until"})
DATETIME_KEYS = frozenset({"planning_start", "available_from", "deadline", "departure", "arrival"})
WINDOW_LISTS = frozenset({"windows", "unavailable", "available"})
TEXT_KEYS = frozenset({"name", "pseudonym", "facility", "email", "carrier", "number", "nationality"})
PAIRS = {"valid_from": "valid_until", "from": "to", "departure": "arrival", "available_from": "deadline"}
"""Start field -> its end field in the same object."""

OPTIONAL_ANYWHERE = frozenset({"iata", "pickup_windows", "group", "languages", "max_travel_hours", "max_legs",
                               "unavailable", "excluded_countries", "hour_cost_eur"})
"""FORMAT.md's optional fields (absent or null): settings, locks, forbids at the top, these inside."""

LENIENT_REQUIRED = frozenset({"wheelchair", "options"})
"""Listed as fields in FORMAT.md but defaulted by the models: absence may be accepted or refused."""

REFERENCE_KEYS = {("flights", "from"), ("flights", "to"), ("cases", "location"), ("cases", "destination_airports"),
                  ("cases", "airport"), ("staff", "base"), ("vehicles", "depot"), ("forbids", "case"),
                  ("forbids", "staff"), ("forbids", "flight"), ("forbids", "vehicle")}


@cache
def _base_text(name: str) -> str:
    return (SCENARIOS / name).read_text(encoding="utf-8")


@cache
def used_flights(name: str) -> tuple[str, ...]:
    """Legs of the greedy plan of a committed scenario: the flights whose mutation matters."""
    from models import scenario_from_dict
    from solver import SolveParams, solve

    scenario = scenario_from_dict(json.loads(_base_text(name)), name)
    plan = solve(scenario, SolveParams(time_limit_s=5, workers=1, seed=0, strategy="greedy",
                                       log_progress=False)).plan
    legs = {leg for trip in plan.trips for leg in trip.outbound}
    legs |= {leg for trip in plan.trips for e in trip.escorts for leg in e.return_}
    return tuple(sorted(legs))


def base_names() -> list[str]:
    return sorted(p.name for p in SCENARIOS.glob("*.json"))


def sub_sampled(rng: random.Random, name: str, max_cases: int) -> dict[str, Any]:
    """A copy of a committed scenario with at most `max_cases` cases (whole groups may split)."""
    data = json.loads(_base_text(name))
    cases = data["cases"]
    if len(cases) > max_cases:
        keep = sorted(rng.sample(range(len(cases)), max_cases))
        data["cases"] = [cases[i] for i in keep]
    kept = {c["id"] for c in data["cases"]}
    for key in ("locks", "forbids"):
        if data.get(key):
            data[key] = [x for x in data[key] if x["case"] in kept]
    return data


def get(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def put(data: Any, path: Path_, value: Any) -> None:
    get(data, path[:-1])[path[-1]] = value


def drop(data: Any, path: Path_) -> None:
    del get(data, path[:-1])[path[-1]]


def dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out or "(top level)"


def walk(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk(item, path + (i,))


@dataclass
class Doc:
    """A scenario document being mutated, with the nodes mutations may pick from."""

    name: str
    data: dict[str, Any]
    focus: list[tuple[Path_, Any]] = field(default_factory=list)

    @classmethod
    def make(cls, rng: random.Random, max_cases: int = 4) -> Doc:
        name = rng.choice(base_names())
        doc = cls(name, sub_sampled(rng, name, max_cases))
        chosen: dict[str, int] = {}
        for key, value in doc.data.items():
            if isinstance(value, list) and value:
                chosen[key] = rng.randrange(len(value))
        used = [i for i, f in enumerate(doc.data["flights"]) if f["id"] in set(used_flights(name))]
        if used and rng.random() < 0.7:
            chosen["flights"] = rng.choice(used)
        for path, value in walk(doc.data):
            if len(path) >= 2 and path[0] in chosen and path[1] != chosen[path[0]]:
                continue
            doc.focus.append((path, value))
        return doc

    def pick(self, rng: random.Random, wanted) -> Path_ | None:
        """A random focus path whose (path, value) satisfies `wanted`, or None."""
        paths = [p for p, v in self.focus if p and wanted(p, v) and not _in_extension(p)]
        return rng.choice(paths) if paths else None


def _in_extension(path: Path_) -> bool:
    return any(isinstance(part, str) and part.startswith("x_") for part in path)


def key_of(path: Path_) -> str | int:
    return path[-1] if path else ""


def parent_key(path: Path_) -> str | int | None:
    """The nearest string key above the last part (the list a window sits in, for example)."""
    for part in reversed(path[:-1]):
        if isinstance(part, str):
            return part
    return None


def is_date(path: Path_, value: Any) -> bool:
    return key_of(path) in DATE_KEYS and isinstance(value, str)


def is_datetime(path: Path_, value: Any) -> bool:
    if not isinstance(value, str):
        return False
    if key_of(path) in DATETIME_KEYS:
        return True
    return key_of(path) in ("from", "to") and parent_key(path) in WINDOW_LISTS


def is_daily_time(path: Path_, value: Any) -> bool:
    return key_of(path) in ("from", "to") and parent_key(path) == "pickup_windows"


def is_number(path: Path_, value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_bool(path: Path_, value: Any) -> bool:
    return isinstance(value, bool)


def is_text(path: Path_, value: Any) -> bool:
    return isinstance(value, str) and (key_of(path) in TEXT_KEYS or parent_key(path) == "languages")


def is_string(path: Path_, value: Any) -> bool:
    return isinstance(value, str)


def is_reference(path: Path_, value: Any) -> bool:
    if not isinstance(value, str) or not path:
        return False
    key = parent_key(path) if isinstance(key_of(path), int) else key_of(path)
    return (path[0], key) in REFERENCE_KEYS and not (key in ("from", "to") and path[0] != "flights")


def is_optional(path: Path_, value: Any) -> bool:
    key = key_of(path)
    if len(path) == 1:
        return key in ("settings", "locks", "forbids")
    if path[0] == "settings":
        return isinstance(key, str)
    return key in OPTIONAL_ANYWHERE and parent_key(path) != "pickup_windows"


def is_required(path: Path_, value: Any) -> bool:
    key = key_of(path)
    return isinstance(key, str) and not is_optional(path, value) and key not in LENIENT_REQUIRED \
        and not key.startswith("x_") and (path[0] != "fit_to_fly" or key != "wheelchair")
