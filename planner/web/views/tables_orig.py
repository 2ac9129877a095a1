"""The plan as pandas tables, the way coordinators look at it: per case, escort, vehicle, leg, day.

Every function takes the scenario and the plan and returns a DataFrame with column names in the
chosen language. Times are shown in the local time of the place where they happen; the Gantt
frame keeps its bars in UTC (plotly draws tz-aware times an hour off across DST) and puts local
times in the hover text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timezone

import pandas as pd

from models import Plan, Scenario, Trip
from models.instants import in_zone
from models.case import FitStatus
from models.rules import Violation
from models.rules.context import PlanContext
from models.rules.legs import leg_loads
from models.rules.timeline import (
    airport_arrival, escort_interval, handover_end, last_arrival, local_date, report_time, vehicle_busy,
)
from planner.i18n import t

FTF_MAX_AGE_DAYS = 10
"""Airlines accept a medical certificate issued at most 10 days before the first flight (DOMAIN.md):
a warning for medical cases, whose MEDIF needs it."""


def _local(moment: datetime, tz: str) -> str:
    return in_zone(moment, tz).strftime("%d-%m %H:%M %Z")


def _utc(moment: datetime) -> datetime:
    """Naive UTC for plotly (tz-aware bars shift by an hour across DST, plotly issue 4611)."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def trips_by_case(plan: Plan | None) -> dict[str, Trip]:
    return {c: trip for trip in (plan.trips if plan else ()) for c in trip.cases}


def first_departure_local(scenario: Scenario, trip: Trip) -> tuple[datetime, str]:
    leg = scenario.flight_by_id[trip.outbound[0]]
    tz = scenario.location_by_id[leg.from_].tz
    return leg.departure, _local(leg.departure, tz)


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def conditions(scenario: Scenario, case_id: str) -> str:
    """Travel conditions in short words (coordinators only: health data)."""
    c = scenario.case_by_id[case_id]
    ftf = c.fit_to_fly
    parts = [ftf.status.value]
    if ftf.wheelchair:
        parts.append(ftf.wheelchair.value)
    if ftf.stretcher:
        parts.append("stretcher")
    if ftf.oxygen:
        parts.append("oxygen")
    if ftf.max_travel_hours:
        parts.append(f"≤{ftf.max_travel_hours:g}h")
    if ftf.max_legs:
        parts.append(f"≤{ftf.max_legs} legs")
    if c.minor:
        parts.append("minor" + (" (unaccompanied)" if c.unaccompanied else ""))
    escorts = ", ".join(f"{n}× {r.value}" for r, n in c.escorts.items() if n)
    if escorts:
        parts.append(escorts)
    return "; ".join(parts)


# -- cases --------------------------------------------------------------------------------
def case_table(scenario: Scenario, plan: Plan | None, violations: tuple[Violation, ...] | list[Violation] = (),
               lang: str = "nl", health: bool = True) -> pd.DataFrame:
    """One row per case: status, departure, resources and the reasons (unplanned) or broken rules."""
    trips = trips_by_case(plan)
    reasons = {u.case: "; ".join(u.reasons) for u in (plan.unplanned if plan else ())}
    broken: dict[str, list[str]] = defaultdict(list)
    for v in violations:
        for c in v.cases:
            broken[c].append(v.label_nl if lang == "nl" else v.label)
    locked = {lock.case for lock in scenario.locks}
    staff = scenario.staff_by_id
    rows = []
    for c in sorted(scenario.cases, key=lambda c: (-c.priority, c.deadline, c.id)):
        trip = trips.get(c.id)
        dep_text, dep_day = "", local_date(c.deadline, scenario.location_by_id[c.location].tz)
        if trip is not None:
            dep, dep_text = first_departure_local(scenario, trip)
            dep_day = local_date(dep, scenario.location_by_id[scenario.flight_by_id[trip.outbound[0]].from_].tz)
        row = {
            t("col.case", lang): c.id,
            t("col.pseudonym", lang): c.pseudonym,
            t("col.priority", lang): c.priority,
            t("col.type", lang): t(f"type.{c.departure_type.value}", lang),
            t("col.destination", lang): f"{c.destination_country} ({', '.join(_iata(scenario, a) for a in c.destination_airports)})",
            t("col.status", lang): t("planned" if trip else "unplanned", lang),
            t("col.departure", lang): dep_text,
            t("col.week", lang): _week(dep_day),
            t("col.flights", lang): " + ".join(scenario.flight_by_id[x].code for x in trip.outbound) if trip else "",
            t("col.vehicle", lang): trip.vehicle if trip else "",
            t("col.escorts", lang): ", ".join(staff[e.staff].name if e.staff in staff else e.staff
                                              for e in trip.escorts) if trip else "",
            t("col.pinned", lang): c.id in locked,
            t("col.reasons", lang): "; ".join(broken.get(c.id, [])) or reasons.get(c.id, ""),
        }
        if health:
            row[t("col.conditions", lang)] = conditions(scenario, c.id)
        rows.append(row)
    return pd.DataFrame(rows)


def _iata(scenario: Scenario, location_id: str) -> str:
    loc = scenario.location_by_id.get(location_id)
    return (loc.iata or loc.id) if loc else location_id


@dataclass(frozen=True)
class CaseDetail:
    """Everything about one case's trip, as small tables."""

    case_id: str
    planned: bool
    pickup: str
    legs: pd.DataFrame
    escorts: pd.DataFrame
    vehicle: str
    care: pd.DataFrame
    reasons: tuple[str, ...]


def case_detail(scenario: Scenario, plan: Plan | None, case_id: str, lang: str = "nl") -> CaseDetail:
    c = scenario.case_by_id[case_id]
    trip = trips_by_case(plan).get(case_id)
    loc = scenario.location_by_id
    care_rows = [{
        t("col.care", lang): o.facility, t("col.kind", lang): o.kind.value, t("col.to", lang): _iata(scenario, o.airport),
        t("col.status", lang): t("care.confirmed" if o.confirmed else "care.unconfirmed", lang),
        t("col.planned_n", lang): bool(trip and trip.care.get(case_id) == o.id),
    } for o in c.care.options]
    if trip is None:
        reasons = next((u.reasons for u in (plan.unplanned if plan else ()) if u.case == case_id), ())
        return CaseDetail(case_id, False, "", pd.DataFrame(), pd.DataFrame(), "", pd.DataFrame(care_rows), reasons)
    legs = pd.DataFrame([_leg_row(scenario, leg_id, lang) for leg_id in trip.outbound])
    escorts = pd.DataFrame([{
        t("col.name", lang): scenario.staff_by_id[e.staff].name if e.staff in scenario.staff_by_id else e.staff,
        t("col.role", lang): e.role.value,
        t("col.returns", lang): " · ".join(
            f"{scenario.flight_by_id[x].code} {_local(scenario.flight_by_id[x].departure, loc[scenario.flight_by_id[x].from_].tz)}"
            for x in e.return_ if x in scenario.flight_by_id),
    } for e in trip.escorts])
    vehicle = scenario.vehicle_by_id.get(trip.vehicle)
    pickup = t("cases.pickup", lang, time=_local(trip.pickup, loc[c.location].tz), place=loc[c.location].name)
    return CaseDetail(case_id, True, pickup, legs, escorts, f"{vehicle.name} ({vehicle.kind.value})" if vehicle else
                      trip.vehicle, pd.DataFrame(care_rows), ())


def _leg_row(scenario: Scenario, leg_id: str, lang: str) -> dict:
    leg = scenario.flight_by_id[leg_id]
    loc = scenario.location_by_id
    return {
        t("col.leg", lang): leg.code,
        t("col.from", lang): _iata(scenario, leg.from_),
        t("col.to", lang): _iata(scenario, leg.to),
        t("col.dep", lang): _local(leg.departure, loc[leg.from_].tz),
        t("col.arr", lang): _local(leg.arrival, loc[leg.to].tz),
    }


# -- legs ------------------------------------------------------------------------------------
def leg_table(scenario: Scenario, plan: Plan | None, lang: str = "nl") -> pd.DataFrame:
    """Load per booked leg: seats (persons, stretchers, escorts out and back), forced, stretcher."""
    if plan is None:
        return pd.DataFrame()
    loads = leg_loads(PlanContext.build(scenario, plan))
    pseudo = {c.id: c.pseudonym for c in scenario.cases}
    rows = []
    for leg_id, load in loads.items():
        leg = scenario.flight_by_id[leg_id]
        row = _leg_row(scenario, leg_id, lang)
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


# -- escorts and vehicles -----------------------------------------------------------------------
def escort_table(scenario: Scenario, plan: Plan | None, lang: str = "nl", names: bool = True) -> pd.DataFrame:
    rows = []
    loc = scenario.location_by_id
    for trip in (plan.trips if plan else ()):
        for e in trip.escorts:
            person = scenario.staff_by_id.get(e.staff)
            start, end = escort_interval(scenario, trip, e)
            row = {t("col.resource", lang): (person.name if names and person else e.staff),
                   t("col.role", lang): e.role.value,
                   t("col.cases", lang): ", ".join(scenario.case_by_id[c].pseudonym for c in trip.cases),
                   t("col.flights", lang): " + ".join(scenario.flight_by_id[x].code for x in trip.outbound),
                   t("col.returns", lang): " + ".join(scenario.flight_by_id[x].code for x in e.return_),
                   t("col.start", lang): _local(start, loc[scenario.case_by_id[trip.cases[0]].location].tz),
                   t("col.end", lang): _local(end, loc[scenario.flight_by_id[(e.return_ or trip.outbound)[-1]].to].tz)}
            if not names:
                row["staff"] = e.staff
            rows.append(row)
    return pd.DataFrame(rows)


# -- gantt ---------------------------------------------------------------------------------------
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
        text = (f"{t('seg.' + segment, lang)} {label}<br>{_local(start, tz_start)} → {_local(end, tz_end)}"
                f"<br>{'+'.join(scenario.case_by_id[c].pseudonym for c in trip.cases)}")
        rows.append({"resource": resource, "segment": t("seg." + segment, lang), "start": _utc(start),
                     "end": _utc(end), "hover": text, "trip": "+".join(trip.cases)})

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
                f"{case0.location} → {_iata(scenario, out_legs[0].from_)}")
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


# -- overview ------------------------------------------------------------------------------------
def counts_by_priority(scenario: Scenario, plan: Plan | None, lang: str = "nl") -> pd.DataFrame:
    planned = set(trips_by_case(plan))
    rows = defaultdict(lambda: [0, 0])
    for c in scenario.cases:
        rows[c.priority][0 if c.id in planned else 1] += 1
    return pd.DataFrame([{t("col.priority", lang): p, t("col.planned_n", lang): v[0], t("col.unplanned_n", lang): v[1]}
                         for p, v in sorted(rows.items(), reverse=True)])


def counts_by_week(scenario: Scenario, plan: Plan | None, lang: str = "nl") -> pd.DataFrame:
    """Planned cases by week of departure; unplanned by week of their deadline."""
    trips = trips_by_case(plan)
    rows = defaultdict(lambda: [0, 0])
    for c in scenario.cases:
        trip = trips.get(c.id)
        if trip is not None:
            leg = scenario.flight_by_id[trip.outbound[0]]
            rows[_week(local_date(leg.departure, scenario.location_by_id[leg.from_].tz))][0] += 1
        else:
            rows[_week(local_date(c.deadline, scenario.location_by_id[c.location].tz))][1] += 1
    return pd.DataFrame([{t("col.week", lang): w, t("col.planned_n", lang): v[0], t("col.unplanned_n", lang): v[1]}
                         for w, v in sorted(rows.items())])


def warnings_table(scenario: Scenario, plan: Plan | None, lang: str = "nl") -> pd.DataFrame:
    """Things a coordinator should look at before they become a problem."""
    trips = trips_by_case(plan)
    rows = []
    start_day = local_date(scenario.planning_start, "Europe/Amsterdam")

    def add(case, key, detail) -> None:
        rows.append({t("col.case", lang): case.id, t("col.pseudonym", lang): case.pseudonym,
                     t("col.priority", lang): case.priority, t("col.warning", lang): t(key, lang),
                     t("col.detail", lang): detail})

    for c in sorted(scenario.cases, key=lambda c: (-c.priority, c.id)):
        ftf = c.fit_to_fly
        trip = trips.get(c.id)
        if trip is not None:
            leg = scenario.flight_by_id[trip.outbound[0]]
            day = local_date(leg.departure, scenario.location_by_id[leg.from_].tz)
            if ftf.valid_until < day:
                add(c, "warn.ftf_expires", f"{ftf.valid_until} < {day} ({leg.code})")
            elif (ftf.valid_until - day).days <= 2:
                add(c, "warn.ftf_tight", f"{ftf.valid_until} / {day} ({leg.code})")
            if c.is_medical and (day - ftf.valid_from).days > FTF_MAX_AGE_DAYS:
                add(c, "warn.ftf_old", f"{ftf.valid_from} → {day}")
        else:
            deadline_day = local_date(c.deadline, scenario.location_by_id[c.location].tz)
            if ftf.valid_until < deadline_day and ftf.valid_until >= start_day:
                add(c, "warn.ftf_expires", f"{ftf.valid_until} < {deadline_day}")
            if (deadline_day - start_day).days <= 3:
                add(c, "warn.deadline_soon", str(deadline_day))
        if ftf.status is FitStatus.pending:
            add(c, "warn.ftf_pending", ftf.status.value)
        if c.travel_document is None:
            add(c, "warn.no_document", "-")
        if c.needs_care:
            chosen = trip.care.get(c.id) if trip else None
            unconfirmed = [o for o in c.care.options if not o.confirmed]
            if chosen is None and c.care.options and len(unconfirmed) == len(c.care.options):
                add(c, "warn.care_unconfirmed", ", ".join(o.facility for o in unconfirmed))
            elif chosen is None and unconfirmed:
                add(c, "warn.care_unconfirmed", ", ".join(o.facility for o in unconfirmed))
    return pd.DataFrame(rows)


def violations_table(violations, lang: str = "nl") -> pd.DataFrame:
    return pd.DataFrame([{t("col.rule", lang): v.label_nl if lang == "nl" else v.label,
                          t("col.message", lang): v.message, t("col.cases", lang): ", ".join(v.cases)}
                         for v in violations])


# -- map -------------------------------------------------------------------------------------------
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


# -- changes, versions, audit ------------------------------------------------------------------------
def diff_table(changes, lang: str = "nl") -> pd.DataFrame:
    rows = []
    for change in changes:
        base = {t("col.case", lang): change.case, t("col.pseudonym", lang): change.pseudonym,
                t("col.change", lang): t(f"change.{change.change}", lang)}
        if not change.fields:
            rows.append(dict(base, **{t("col.field", lang): "", t("col.old", lang): "", t("col.new", lang): ""}))
        for f in change.fields:
            rows.append(dict(base, **{t("col.field", lang): t(f"field.{f.field}", lang), t("col.old", lang): f.old,
                                      t("col.new", lang): f.new}))
    return pd.DataFrame(rows)


def versions_table(versions, lang: str = "nl") -> pd.DataFrame:
    return pd.DataFrame([{
        t("col.version", lang): f"v{v.number}", t("col.status", lang): t(f"status.{v.status}", lang),
        t("col.action", lang): v.action, t("col.planned_n", lang): v.planned, t("col.unplanned_n", lang): v.unplanned,
        t("col.violations_n", lang): v.violations, t("col.by", lang): v.created_by,
        t("col.at", lang): v.created_at.strftime("%Y-%m-%d %H:%M:%S"), t("col.note", lang): v.note,
    } for v in versions])


def audit_table(records, lang: str = "nl") -> pd.DataFrame:
    return pd.DataFrame([{
        t("col.at", lang): r.at.strftime("%Y-%m-%d %H:%M:%S"), t("col.actor", lang): r.actor,
        t("col.action", lang): r.action, t("col.object", lang): f"{r.object_type} {r.object_id}",
        t("col.result", lang): r.result, t("col.before", lang): r.before, t("col.after", lang): r.after,
    } for r in records])


def export_tables(scenario: Scenario, plan: Plan | None, lang: str = "nl") -> dict[str, pd.DataFrame]:
    """Tables that may leave the planner: pseudonyms and ids, no names or health data."""
    cases = case_table(scenario, plan, (), lang, health=False)
    escort_col = t("col.escorts", lang)
    if plan is not None and not cases.empty:
        ids = {c: ", ".join(e.staff for e in trip.escorts) for c, trip in trips_by_case(plan).items()}
        cases[escort_col] = cases[t("col.case", lang)].map(lambda c: ids.get(c, ""))
    legs = leg_table(scenario, plan, lang)
    if not legs.empty:
        legs = legs.drop(columns=["_fill"])
    return {"cases": cases, "flights": legs, "escorts": escort_table(scenario, plan, lang, names=False)}
