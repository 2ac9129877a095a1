"""Tables of the Gebeurtenissen page: the cases an event hits and the collateral changes with their cause."""

from __future__ import annotations

import pandas as pd

from models import Scenario
from planner.web.i18n import t
from planner.web.views.admin import diff_table


def event_text(event, scenario: Scenario, lang: str = "nl") -> str:
    """One event in words: its kind, then the names of what it is about (no health data)."""
    head = t(f"ev.kind.{event.kind}", lang)
    first = event.args[0] if event.args else ""
    if event.kind in ("cancel_flight", "retime_flight") and first in scenario.flight_by_id:
        f = scenario.flight_by_id[first]
        zone = scenario.location_by_id[f.from_].zone
        when = f.departure.astimezone(zone).strftime("%d-%m %H:%M")
        return f"{head}: {f.code} {f.from_}→{f.to} {when}"
    if event.kind == "staff_unavailable" and first in scenario.staff_by_id:
        return f"{head}: {scenario.staff_by_id[first].name}"
    if event.kind == "vehicle_unavailable" and first in scenario.vehicle_by_id:
        return f"{head}: {scenario.vehicle_by_id[first].name}"
    if event.kind == "case" and len(event.args) > 1:
        pseudo = scenario.case_by_id[first].pseudonym if first in scenario.case_by_id else first
        return f"{head}: {first} · {pseudo} · {t(f'ev.reason.{event.args[1]}', lang)}"
    return f"{head}: {first}"


def impact_tables(impact, lang: str = "nl") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(hit, collateral): per case what changed; the collateral table also names the cause."""
    hit_changes = [c for c in impact.changes if c.case in impact.hit]
    hit = diff_table(hit_changes, lang) if hit_changes else pd.DataFrame()
    collateral = diff_table(impact.collateral, lang) if impact.collateral else pd.DataFrame()
    if not collateral.empty:
        cases = collateral[t("col.case", lang)]
        collateral[t("ev.cause", lang)] = [
            t("ev.cause_shared", lang, case=impact.causes[c]) if c in impact.causes else t("ev.cause_capacity", lang)
            for c in cases]
    return hit, collateral
