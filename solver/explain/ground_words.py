"""Rules 9 and 10 in the static diagnosis (`solver.explain.static`): each limit as a relaxation of
the scenario (its `null` setting, or the case's transit exclusions), and its words in Dutch and English."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from models import Scenario
from solver.ground import vulnerable
from solver.units import Unit


def rule9_10_relaxations(s: Scenario, unit: Unit, each_case) -> list[tuple[str, str, Callable]]:
    """Rules 9 and 10, each limit switched off by its `null` setting (case field for transit)."""
    st = s.settings
    out = []

    def off(*keys: str):
        return lambda d: d["settings"].update({k: None for k in keys})

    if st.max_airport_wait_minutes is not None and unit.location.pickup_windows:
        out.append(("itinerary", "airport_wait", off("max_airport_wait_minutes")))
    if st.night_connection is not None and any(vulnerable(c) for c in unit.cases):
        out.append(("itinerary", "night", off("night_connection")))
    if st.max_connection_minutes is not None or st.vulnerable_max_connection_minutes is not None:
        out.append(("itinerary", "long", off("max_connection_minutes", "vulnerable_max_connection_minutes")))
    if any(c.transit_excluded_countries for c in unit.cases):
        def transit(d):
            for c in each_case(d):
                c["transit_excluded_countries"] = []
        out.append(("itinerary", "transit_excluded", transit))
    if st.transit_request_hours is not None and unit.forced:
        out.append(("itinerary", "transit_request", off("transit_request_hours")))
    if unit.n_escorts and st.max_duty_minutes is not None:
        out.append(("itinerary", "duty", off("max_duty_minutes")))
    if unit.n_escorts and st.rest_abroad_minutes is not None and st.long_duty_minutes is not None:
        out.append(("itinerary", "rest", off("rest_abroad_minutes")))
    return out


class ScenarioOnly(NamedTuple):
    """What `solver.no_options` words need of an index builder: the scenario."""

    s: Scenario


def rule9_10_words(st) -> dict[str, tuple[str, str]]:
    def h(minutes: int | None) -> str:
        return f"{(minutes or 0) / 60:g}"

    return {
        "airport_wait": (f"binnen de ophaaltijden is er geen ophaaltijd zonder meer dan "
                         f"{h(st.max_airport_wait_minutes)} u "
                         "wachten op de luchthaven voor de check-in",
                         f"no pickup inside the pickup windows without waiting more than "
                         f"{h(st.max_airport_wait_minutes)} h at the airport before check-in"),
        "transit_request": (f"overstap in een derde land: het doorgeleidingsverzoek vraagt "
                            f"{st.transit_request_hours:g} u "
                            "vóór vertrek" if st.transit_request_hours is not None else "doorgeleidingsverzoek",
                            f"connection in a third country: the transit request needs {st.transit_request_hours:g} h "
                            "before departure" if st.transit_request_hours is not None else "transit request"),
        "duty": (f"elke reis houdt de begeleiders langer dan {h(st.max_duty_minutes)} u in dienst",
                 f"every itinerary keeps the escorts on duty for more than {h(st.max_duty_minutes)} h"),
        "rest": (f"geen begeleider vrij met ≥ {h(st.rest_abroad_minutes)} uur rust voor de terugvlucht",
                 f"no escort free with ≥ {h(st.rest_abroad_minutes)} h rest before the return flight"),
    }
