"""Publiceren, Audit and Export: the diff, plan versions, audit rows and the tables that may leave the planner."""

from __future__ import annotations

import pandas as pd

from models import Plan, Scenario
from planner.web.actions import action_text, object_text, record_text, version_action
from planner.web.i18n import t
from planner.web.views.cases import case_table
from planner.web.views.common import trips_by_case
from planner.web.views.resources import escort_table, leg_table


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
        t("col.action", lang): version_action(v.action, lang), t("col.planned_n", lang): v.planned,
        t("col.unplanned_n", lang): v.unplanned,
        t("col.violations_n", lang): v.violations, t("col.by", lang): v.created_by,
        t("col.at", lang): v.created_at.strftime("%Y-%m-%d %H:%M:%S"), t("col.note", lang): record_text(v.note, lang),
    } for v in versions])


def audit_table(records, lang: str = "nl") -> pd.DataFrame:
    return pd.DataFrame([{
        t("col.at", lang): r.at.strftime("%Y-%m-%d %H:%M:%S"), t("col.actor", lang): r.actor,
        t("col.action", lang): action_text(r.action, lang),
        t("col.object", lang): object_text(r.object_type, r.object_id, lang),
        t("col.result", lang): r.result, t("col.before", lang): record_text(r.before, lang),
        t("col.after", lang): record_text(r.after, lang),
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
