"""The Zaken page: one row per case, and one case's trip in detail."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from models import Plan, Scenario
from models import timeline as tl
from models.rules import Violation
from models.timeline import local_date
from planner.reasons import reasons_by_case
from planner.web.i18n import t
from planner.web.locale import number, role_name
from planner.web.views.common import first_departure_local, iata, iso_week, leg_row, local_time, trips_by_case


def conditions(scenario: Scenario, case_id: str, lang: str = "nl") -> str:
    """Travel conditions in short words (coordinators only: health data)."""
    c = scenario.case_by_id[case_id]
    ftf = c.fit_to_fly
    parts = [t(f"ftf.{ftf.status.value}", lang)]
    if ftf.wheelchair:
        parts.append(ftf.wheelchair.value)  # WCHR/WCHS/WCHC: the airline code is the same in both languages
    if ftf.stretcher:
        parts.append(t("cond.stretcher", lang))
    if ftf.oxygen:
        parts.append(t("cond.oxygen", lang))
    if ftf.max_travel_hours:
        hours = ftf.max_travel_hours
        parts.append(t("cond.max_hours", lang, hours=number(hours, lang, 0 if hours % 1 == 0 else 1)))
    if ftf.max_legs:
        parts.append(t("cond.max_legs", lang, legs=ftf.max_legs))
    if c.minor:
        parts.append(t("cond.unaccompanied" if c.unaccompanied else "cond.minor", lang))
    escorts = ", ".join(f"{n}× {role_name(r, lang)}" for r, n in c.escorts.items() if n)
    if escorts:
        parts.append(escorts)
    return "; ".join(parts)


def case_table(scenario: Scenario, plan: Plan | None, violations: tuple[Violation, ...] | list[Violation] = (),
               lang: str = "nl", health: bool = True) -> pd.DataFrame:
    """One row per case: status, departure, resources and the reasons (unplanned) or broken rules."""
    trips = trips_by_case(plan)
    reasons = {case: "; ".join(texts) for case, texts in reasons_by_case(plan, lang).items()}
    broken: dict[str, list[str]] = defaultdict(list)
    for v in violations:
        for case_id in v.cases:
            broken[case_id].append(v.label_nl if lang == "nl" else v.label)
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
            t("col.destination",
              lang): f"{c.destination_country} ({', '.join(iata(scenario, a) for a in c.destination_airports)})",
            t("col.status", lang): t("planned" if trip else "unplanned", lang),
            t("col.departure", lang): dep_text,
            t("col.week", lang): iso_week(dep_day),
            t("col.flights", lang): " + ".join(scenario.flight_by_id[x].code for x in trip.outbound) if trip else "",
            t("col.vehicle", lang): trip.vehicle if trip else "",
            t("col.escorts", lang): ", ".join(staff[e.staff].name if e.staff in staff else e.staff
                                              for e in trip.escorts) if trip else "",
            t("col.pinned", lang): c.id in locked,
            t("col.reasons", lang): "; ".join(broken.get(c.id, [])) or reasons.get(c.id, ""),
        }
        if health:
            row[t("col.conditions", lang)] = conditions(scenario, c.id, lang)
        rows.append(row)
    return pd.DataFrame(rows)


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


def duty_and_rest(scenario: Scenario, trip, escort, lang: str = "nl") -> dict[str, object]:
    """One escort's duty (rule 10) and rest: outbound and return duty in hours, the rest abroad between
    handover and return flight, and until when the escort rests at home (local time of the base)."""
    back = tl.return_duty(scenario, escort) if all(x in scenario.flight_by_id for x in escort.return_) else None
    abroad = None
    if escort.return_ and back is not None:
        first_return = scenario.flight_by_id[escort.return_[0]].departure
        abroad = round(tl.as_hours(first_return - tl.handover_end(scenario, trip)), 1)
    rest_until = tl.escort_interval(scenario, trip, escort)[1]
    staff = scenario.staff_by_id.get(escort.staff)
    base_tz = scenario.location_by_id[staff.base].tz if staff and staff.base in scenario.location_by_id else \
        scenario.location_by_id[scenario.case_by_id[trip.cases[0]].location].tz
    return {
        t("col.duty_out", lang): round(tl.span_minutes(tl.outbound_duty(scenario, trip, escort)) / 60, 1),
        t("col.duty_back", lang): None if back is None else round(tl.span_minutes(back) / 60, 1),
        t("col.rest_abroad", lang): abroad,
        t("col.rest_until", lang): local_time(rest_until, base_tz),
    }


def case_detail(scenario: Scenario, plan: Plan | None, case_id: str, lang: str = "nl") -> CaseDetail:
    c = scenario.case_by_id[case_id]
    trip = trips_by_case(plan).get(case_id)
    loc = scenario.location_by_id
    care_rows = [{
        t("col.care", lang): o.facility, t("col.kind", lang): o.kind.value, t("col.to", lang): iata(scenario,
                                                                                                    o.airport),
        t("col.status", lang): t("care.confirmed" if o.confirmed else "care.unconfirmed", lang),
        t("col.planned_n", lang): bool(trip and trip.care.get(case_id) == o.id),
    } for o in c.care.options]
    if trip is None:
        reasons = reasons_by_case(plan, lang).get(case_id, ())
        return CaseDetail(case_id, False, "", pd.DataFrame(), pd.DataFrame(), "", pd.DataFrame(care_rows), reasons)
    legs = pd.DataFrame([leg_row(scenario, leg_id, lang) for leg_id in trip.outbound])
    escorts = pd.DataFrame([{
        t("col.name", lang): scenario.staff_by_id[e.staff].name if e.staff in scenario.staff_by_id else e.staff,
        t("col.role", lang): role_name(e.role, lang),
        t("col.returns", lang): " · ".join(
            f"{leg.code} {local_time(leg.departure, loc[leg.from_].tz)}"
            for leg in (scenario.flight_by_id[x] for x in e.return_ if x in scenario.flight_by_id)),
        **duty_and_rest(scenario, trip, e, lang),
    } for e in trip.escorts])
    vehicle = scenario.vehicle_by_id.get(trip.vehicle)
    pickup = t("cases.pickup", lang, time=local_time(trip.pickup, loc[c.location].tz), place=loc[c.location].name)
    return CaseDetail(case_id, True, pickup, legs, escorts, f"{vehicle.name} ({vehicle.kind.value})" if vehicle else
                      trip.vehicle, pd.DataFrame(care_rows), ())
