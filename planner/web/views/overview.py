"""The Overzicht page: counts by priority and week, warnings, broken rules."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from models import Plan, Scenario
from models.case import FitStatus
from models.rules.objective import trip_language_mismatches
from models.timeline import local_date
from planner.web.i18n import t
from planner.web.views.common import iso_week, trips_by_case

FTF_MAX_AGE_DAYS = 10


def counts_by_priority(scenario: Scenario, plan: Plan | None, lang: str = "nl") -> pd.DataFrame:
    planned = set(trips_by_case(plan))
    rows: defaultdict[int, list[int]] = defaultdict(lambda: [0, 0])
    for c in scenario.cases:
        rows[c.priority][0 if c.id in planned else 1] += 1
    return pd.DataFrame([{t("col.priority", lang): p, t("col.planned_n", lang): v[0], t("col.unplanned_n", lang): v[1]}
                         for p, v in sorted(rows.items(), reverse=True)])


def counts_by_week(scenario: Scenario, plan: Plan | None, lang: str = "nl") -> pd.DataFrame:
    """Planned cases by week of departure; unplanned by week of their deadline."""
    trips = trips_by_case(plan)
    rows: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in scenario.cases:
        trip = trips.get(c.id)
        if trip is not None:
            leg = scenario.flight_by_id[trip.outbound[0]]
            rows[iso_week(local_date(leg.departure, scenario.location_by_id[leg.from_].tz))][0] += 1
        else:
            rows[iso_week(local_date(c.deadline, scenario.location_by_id[c.location].tz))][1] += 1
    return pd.DataFrame([{t("col.week", lang): w, t("col.planned_n", lang): v[0], t("col.unplanned_n", lang): v[1]}
                         for w, v in sorted(rows.items())])


def shared_language(scenario: Scenario, plan: Plan | None) -> tuple[int, int]:
    """(escorted trips where an escort speaks a preferred language of every case that states one,
    escorted trips with at least one such case): objective level 3 seen per trip."""
    shared = total = 0
    for trip in plan.trips if plan else ():
        stating = [c for c in trip.cases if c in scenario.case_by_id and scenario.case_by_id[c].languages]
        if not trip.escorts or not stating:
            continue
        total += 1
        shared += not trip_language_mismatches(scenario, trip)
    return shared, total


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
                          t("col.message", lang): v.text(lang), t("col.cases", lang): ", ".join(v.cases)}
                         for v in violations])
