"""Assembles a `bv-scenario/1` scenario from places, flights, cases, staff and vehicles."""

from __future__ import annotations

import json
import logging
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sample_data.case_drafts import DEFAULT_SETTINGS, PROFILES, dump_units
from sample_data.cases import CaseFactory
from sample_data.mix import DEFAULT_MIX, parse_mix
from sample_data.places import HOME_COUNTRY, NL_PLACES, airport
from sample_data.resources import StaffFactory, VehicleFactory
from sample_data.schedule import Network, generate_legs

log = logging.getLogger(__name__)

FORMAT = "bv-scenario/1"
DEFAULT_START = datetime(2026, 12, 7, 8, 0, tzinfo=timezone(timedelta(hours=1)))
"""Monday 7 December 2026, 08:00 in Amsterdam: the fixed default planning start."""


def _stream(seed: int, name: str) -> random.Random:
    """An independent random stream per part, so changing `staffing` leaves flights and cases be."""
    return random.Random(f"bv-sample-data/{seed}/{name}")


def generate_scenario(
    cases: int,
    days: int,
    seed: int = 0,
    staffing: float = 1.0,
    start: datetime | None = None,
    *,
    profiles: list[str] | None = None,
    mix: str | dict[str, float] | None = None,
    forced_share: float | None = None,
) -> dict:
    """A realistic Dutch scenario as a plain JSON-able dict following FORMAT.md.

    `cases` open cases over a horizon of `days` days from `start` (default `DEFAULT_START`);
    `staffing` scales escorts and vehicles to about that multiple of the estimated demand;
    `profiles` (optional) fixes the profiles of the first trip units, see `cases.PROFILES`;
    `mix` (a preset of `sample_data.mix.MIXES` or `profile=weight,...`) weighs the profiles drawn and
    `forced_share` (0-1) sets the share of forced trip units.
    The same arguments always give the same scenario.
    """
    if cases < 1 or days < 1:
        raise ValueError("cases and days must be at least 1")
    if staffing <= 0:
        raise ValueError("staffing must be positive")
    unknown = [p for p in profiles or [] if p not in PROFILES]
    if unknown:
        raise ValueError(f"unknown profile(s) {unknown}; known: {list(PROFILES)}")
    start = DEFAULT_START if start is None else start
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("start must carry a UTC offset")
    start = start.replace(second=0, microsecond=0)

    legs = generate_legs(start, days, _stream(seed, "flights"))
    network = Network(legs)
    weights = parse_mix(mix)
    factory = CaseFactory(_stream(seed, "cases"), start, days, network, weights, forced_share)
    units = factory.units(cases, profiles)
    staff = StaffFactory(_stream(seed, "staff"), start, days).staff(units, staffing)
    vehicles = VehicleFactory(_stream(seed, "vehicles"), start, days).vehicles(units, staffing)
    case_dicts = dump_units(units)
    forbids = _forbids(_stream(seed, "forbids"), case_dicts, staff, round(cases / 25))
    if factory.no_itinerary:
        log.info("no itinerary found for %d case(s): %s", len(factory.no_itinerary), factory.no_itinerary)

    airports = sorted({leg.from_ for leg in legs} | {leg.to for leg in legs})
    return {
        "format": FORMAT,
        "id": f"generated-{cases}c-{days}d-seed{seed}-staffing{staffing:g}",
        "planning_start": start.isoformat(),
        "home_country": HOME_COUNTRY,
        "settings": json.loads(json.dumps(DEFAULT_SETTINGS)),
        "locations": [p.as_location() for p in NL_PLACES] + [dict(airport(a)) for a in airports],
        "flights": [leg.as_flight() for leg in legs],
        "cases": case_dicts,
        "staff": staff,
        "vehicles": vehicles,
        "forbids": forbids,
        "x_generator": {
            "tool": "sample_data.generate_scenario",
            "cases": cases,
            "days": days,
            "seed": seed,
            "staffing": staffing,
            "mix": mix if isinstance(mix, str) else DEFAULT_MIX if mix is None else weights,
            "forced_share": forced_share,
            "unplannable_by_design": list(factory.unplannable),
            "no_itinerary_found": list(factory.no_itinerary),
        },
    }


def _forbids(rng: random.Random, cases: list[dict], staff: list[dict], n: int) -> list[dict]:
    """Coordinator rulings 'never this escort with this person' (e.g. an earlier incident)."""
    out: list[dict] = []
    escorted = [c for c in cases if c["escorts"]]
    for _ in range(10 * n):
        if not escorted or len(out) >= n:
            break
        case = rng.choice(escorted)
        role = rng.choice(sorted(case["escorts"]))
        holders = [s for s in staff if role in s["roles"]]
        if len(holders) <= case["escorts"][role]:
            continue  # a forbid should narrow the choice, not rule the case out
        person = rng.choice(holders)
        same = [s for s in holders if s["gender"] == case["gender"]]
        if case["same_gender_escort"] and same == [person]:
            continue
        pair = {"case": case["id"], "staff": person["id"]}
        if pair not in out:
            out.append(pair)
    return out


def write_scenario(path: str | Path, **kwargs) -> dict:
    """Generate with `generate_scenario(**kwargs)` and write pretty JSON to `path`."""
    scenario = generate_scenario(**kwargs)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(scenario, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return scenario
