"""Legs, escorts, the Gantt bars of the Tijdlijn page and the points and routes of the Kaart page."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import pandas as pd

from models import Plan, Scenario, Trip
from models.rules.context import PlanContext
from models.rules.legs import leg_loads
from models.timeline import (
    airport_arrival,
    escort_interval,
    handover_end,
    last_arrival,
    report_time,
    vehicle_busy,
)
from planner.web.i18n import t
from planner.web.locale import role_name
from planner.web.views.common import iata, leg_row, local_time, naive_utc, trips_by_case


def leg_table(scenario: Scenario, plan: Plan | None, lang: str = "nl") -> pd.DataFrame:
    """Load per booked leg: seats (persons, stretchers, escorts out and back), forced, stretcher."""
    if plan is None:
        return pd.DataFrame()
    loads = leg_loads(PlanContext.build(scenario, plan))
    pseudo = {c.id: c.pseudonym for c in scenario.cases}
    rows = []
    for leg_id, load in loads.items():
        leg = scenario.flight_by_id[leg_id]
        row = leg_row(scenario, leg_id, lang)
        row.update({
            "_departure": leg.departure,
            t("col.seats", lang): f"{load.seats} / {leg.seats}",
            t("col.seats_free", lang): leg.seats - load.seats,
            t("col.forced", lang): f"{len(load.forced)} / {leg.max_forced}",
            t("col.stretcher", lang): f"{len(load.stretchers)} / {1 if leg.stretcher else 0}",
            t("col.oxygen", lang): leg.oxygen,
            t("col.cases", lang): ", ".join(sorted({pseudo.get(c, c) for c in load.cases})),
            "_fill": load.seats / leg.seats if leg.seats else 1.0,
        })
        rows.append(row)
    if not rows:
        return pd.DataFrame()
    frame = pd.DataFrame(rows).sort_values("_departure").drop(columns=["_departure"]).reset_index(drop=True)
    return frame


def escort_table(scenario: Scenario, plan: Plan | None, lang: str = "nl", names: bool = True) -> pd.DataFrame:
    rows = []
    loc = scenario.location_by_id
    for trip in (plan.trips if plan else ()):
        for e in trip.escorts:
            person = scenario.staff_by_id.get(e.staff)
            start, end = escort_interval(scenario, trip, e)
            row = {t("col.resource", lang): (person.name if names and person else e.staff),
                   t("col.role", lang): role_name(e.role, lang),
                   t("col.cases", lang): ", ".join(scenario.case_by_id[c].pseudonym for c in trip.cases),
                   t("col.flights", lang): " + ".join(scenario.flight_by_id[x].code for x in trip.outbound),
                   t("col.returns", lang): " + ".join(scenario.flight_by_id[x].code for x in e.return_),
                   t("col.start", lang): local_time(start, loc[scenario.case_by_id[trip.cases[0]].location].tz),
                   t("col.end", lang): local_time(end,
                                                  loc[scenario.flight_by_id[(e.return_ or trip.outbound)[-1]].to].tz)}
            if not names:
                row["staff"] = e.staff
            rows.append(row)
    return pd.DataFrame(rows)


def gantt_frame(scenario: Scenario, plan: Plan | None, by: str = "escort", lang: str = "nl") -> pd.DataFrame:
    """Bars per escort, vehicle or case: `resource`, `segment`, `start`/`end` (naive UTC), `hover`."""
    rows: list[dict] = []
    if plan is None:
        return pd.DataFrame(columns=["resource", "segment", "start", "end", "hover", "trip"])
    loc = scenario.location_by_id
    flights = scenario.flight_by_id

    def add(resource: str, segment: str, start: datetime, end: datetime, tz_start: str, tz_end: str, trip: Trip,
            label: str = "") -> None:
        if end <= start:
            return
        text = (f"{t('seg.' + segment, lang)} {label}<br>{local_time(start, tz_start)} → {local_time(end, tz_end)}"
                f"<br>{'+'.join(scenario.case_by_id[c].pseudonym for c in trip.cases)}")
        rows.append({"resource": resource, "segment": t("seg." + segment, lang), "start": naive_utc(start),
                     "end": naive_utc(end), "hover": text, "trip": "+".join(trip.cases)})

    for trip in plan.trips:
        case0 = scenario.case_by_id[trip.cases[0]]
        home_tz = loc[case0.location].tz
        out_legs = [flights[x] for x in trip.outbound]
        arrival_tz = loc[out_legs[-1].to].tz
        if by == "escort":
            for e in trip.escorts:
                name = scenario.staff_by_id[e.staff].name if e.staff in scenario.staff_by_id else e.staff
                add(name, "transport", report_time(scenario, trip), out_legs[0].departure, home_tz,
                    loc[out_legs[0].from_].tz, trip)
                for leg in out_legs:
                    add(name, "flight", leg.departure, leg.arrival, loc[leg.from_].tz, loc[leg.to].tz, trip, leg.code)
                hand_end = handover_end(scenario, trip)
                add(name, "handover", last_arrival(scenario, trip), hand_end, arrival_tz, arrival_tz, trip)
                backs = [flights[x] for x in e.return_]
                if backs:
                    add(name, "wait", hand_end, backs[0].departure, arrival_tz, loc[backs[0].from_].tz, trip)
                    for leg in backs:
                        add(name, "return", leg.departure, leg.arrival, loc[leg.from_].tz, loc[leg.to].tz, trip,
                            leg.code)
                _, rest_end = escort_interval(scenario, trip, e)
                end_leg = backs[-1] if backs else out_legs[-1]
                add(name, "rest", end_leg.arrival, rest_end, loc[end_leg.to].tz, loc[end_leg.to].tz, trip)
        elif by == "vehicle":
            vehicle = scenario.vehicle_by_id.get(trip.vehicle)
            start, end = vehicle_busy(scenario, trip)
            add(vehicle.name if vehicle else trip.vehicle, "busy", start, end, home_tz, home_tz, trip,
                f"{case0.location} → {iata(scenario, out_legs[0].from_)}")
        else:
            for case_id in trip.cases:
                label = f"{case_id} · {scenario.case_by_id[case_id].pseudonym}"
                add(label, "transport", trip.pickup, airport_arrival(scenario, trip), home_tz,
                    loc[out_legs[0].from_].tz, trip)
                for leg in out_legs:
                    add(label, "flight", leg.departure, leg.arrival, loc[leg.from_].tz, loc[leg.to].tz, trip, leg.code)
                add(label, "handover", last_arrival(scenario, trip), handover_end(scenario, trip), arrival_tz,
                    arrival_tz, trip)
    frame = pd.DataFrame(rows, columns=["resource", "segment", "start", "end", "hover", "trip"])
    return frame.sort_values(["resource", "start"]).reset_index(drop=True)


def map_points(scenario: Scenario, plan: Plan | None) -> pd.DataFrame:
    """Destination airports with their number of cases (planned / all), plus home airports used."""
    trips = trips_by_case(plan)
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in scenario.cases:
        trip = trips.get(c.id)
        airport = scenario.flight_by_id[trip.outbound[-1]].to if trip else c.destination_airports[0]
        per[airport][0] += 1
        per[airport][1] += 1 if trip else 0
    rows = []
    for airport, (total, planned) in per.items():
        loc = scenario.location_by_id[airport]
        rows.append({"airport": loc.iata or loc.id, "name": loc.name, "country": loc.country, "lat": loc.lat,
                     "lon": loc.lon, "cases": total, "planned": planned, "kind": "destination"})
    for loc in scenario.locations:
        if loc.kind.value == "airport" and loc.country == scenario.home_country:
            rows.append({"airport": loc.iata or loc.id, "name": loc.name, "country": loc.country, "lat": loc.lat,
                         "lon": loc.lon, "cases": 0, "planned": 0, "kind": "home"})
    return pd.DataFrame(rows)


def map_routes(scenario: Scenario, plan: Plan | None) -> pd.DataFrame:
    """One polyline per planned trip through its outbound airports (rows in order; `trip` groups)."""
    rows = []
    for trip in (plan.trips if plan else ()):
        legs = [scenario.flight_by_id[x] for x in trip.outbound]
        airports = [legs[0].from_] + [leg.to for leg in legs]
        label = "+".join(scenario.case_by_id[c].pseudonym for c in trip.cases)
        for order, airport in enumerate(airports):
            loc = scenario.location_by_id[airport]
            rows.append({"trip": "+".join(trip.cases), "label": label, "order": order, "lat": loc.lat,
                         "lon": loc.lon, "airport": loc.iata or loc.id})
    return pd.DataFrame(rows, columns=["trip", "label", "order", "lat", "lon", "airport"])
