"""What-if extras of issue 10: an overnight stay near the airport, and an escort who speaks the language.

- Overnight stay: a case whose pickup windows and the airport-wait limit (rule 9) leave no flight can
  be brought the evening before to a hotel by a home airport and picked up there. Offered for cases that
  are not detained (moving a detained person out the night before is not the coordinator's call).
- Language: for a planned case whose escorts speak none of its preferred languages (objective level 3),
  each swap of one escort for a free person of the same role who speaks one keeps every hard rule
  (checked by the rule checker on the changed plan), so the coordinator can make it at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models import Plan, Scenario
from models.languages import shares_a_language
from models.location import LocationKind
from models.rules import find_violations
from models.rules.objective import trip_language_mismatches

OVERNIGHT_COST = 15
"""Ranks with the other relaxations of planner.whatif.COST: a hotel night and an earlier transfer."""


def overnight_edits(scenario: Scenario, case_ids: list[str]) -> list[tuple[str, str, str, dict[str, Any], Any]]:
    """(iata, text_nl, text_en, data, change) per home airport: move the cases' pickup to a hotel there.

    `change(d)` edits a scenario dict; empty when a case is detained or already at an airport."""
    cases = [scenario.case_by_id[c] for c in case_ids]
    here = {scenario.location_by_id[c.location].kind for c in cases}
    if here & {LocationKind.detention_centre, LocationKind.airport}:
        return []
    out = []
    taken = {loc.id for loc in scenario.locations}
    for airport in scenario.locations:
        if airport.kind is not LocationKind.airport or airport.country != scenario.home_country:
            continue
        hotel_id = f"EXTRA-overnight-{airport.id}"
        if hotel_id in taken:
            continue
        hotel = {"id": hotel_id, "name": f"Hotel bij {airport.name} (overnachting)", "kind": "other",
                 "lat": airport.lat, "lon": airport.lon, "tz": airport.tz, "country": airport.country}
        code = airport.iata or airport.id

        def change(d, hotel=hotel, ids=frozenset(case_ids)):
            d["locations"].append(dict(hotel))
            for c in d["cases"]:
                if c["id"] in ids:
                    c["location"] = hotel["id"]

        out.append((code, f"overnachting in een hotel bij {code} de avond voor vertrek, daar ophalen",
                    f"an overnight stay in a hotel by {code} the evening before, picked up there",
                    {"cases": sorted(case_ids), "location": hotel_id, "airport": airport.id}, change))
    return out


@dataclass(frozen=True)
class LanguageSwap:
    """Swap `old_staff` for `new_staff` (same role) on the case's trip: the case then shares a language."""

    case: str
    old_staff: str
    new_staff: str
    role: str
    languages: tuple[str, ...]

    def text(self, lang: str = "nl") -> str:
        spoken = ", ".join(self.languages)
        if lang == "en":
            return f"{self.new_staff} (speaks {spoken}) instead of {self.old_staff} as {self.role}"
        return f"{self.new_staff} (spreekt {spoken}) in plaats van {self.old_staff} als {self.role}"


def language_swaps(scenario: Scenario, plan: Plan, case_id: str, limit: int = 5) -> list[LanguageSwap]:
    """Valid one-escort swaps that give a planned, language-mismatched case an escort who speaks one of
    its languages; cheapest hour cost first. Empty when the case is unplanned or already understood."""
    trip = next((t for t in plan.trips if case_id in t.cases), None)
    if trip is None or case_id not in trip_language_mismatches(scenario, trip):
        return []
    case = scenario.case_by_id[case_id]
    on_trip = {e.staff for e in trip.escorts}
    out: list[LanguageSwap] = []
    speakers = sorted(
        (p for p in scenario.staff if p.id not in on_trip and shares_a_language(case.languages, p.languages)),
        key=lambda p: (p.hour_cost_eur, p.id),
    )
    for k, escort in enumerate(trip.escorts):
        for person in speakers:
            if escort.role not in person.roles:
                continue
            escorts = list(trip.escorts)
            escorts[k] = escort.model_copy(update={"staff": person.id})
            changed = plan.model_copy(
                update={
                    "trips": tuple(
                        t.model_copy(update={"escorts": tuple(escorts)}) if t is trip else t for t in plan.trips
                    )
                }
            )
            if find_violations(scenario, changed):
                continue
            wanted = tuple(x for x in (person.languages or ()) if x in set(case.languages or ()))
            out.append(LanguageSwap(case_id, escort.staff, person.id, escort.role.value, wanted))
            if len(out) >= limit:
                return out
    return out


__all__ = ["OVERNIGHT_COST", "LanguageSwap", "language_swaps", "overnight_edits"]
