"""Downloads for the Export page, built in memory: plan JSON, CSV and Excel tables, and the
calendars / transport orders / handover sheets of `planner.exports`."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from models import Plan, Scenario
from planner.exports import cells
from planner.exports.cells import csv_bytes  # noqa: F401  (the UI's other tables: audit, case template)
from planner.store import PUBLISHED, PlanVersion
from planner.web import views
from planner.web.i18n import t
from planner.web.views.lifecycle import when


@dataclass(frozen=True)
class ExportFile:
    """A download: its bytes are made only when someone asks for them (`make()`)."""

    key: str
    label_key: str
    filename: str
    mime: str
    make: Callable[[], bytes]
    label: str = ""


def workbook(frames: dict[str, pd.DataFrame]) -> bytes:
    """One Excel sheet per table, formulas neutralised (`planner.exports.cells`)."""
    return cells.xlsx_bytes(frames)


def version_lines(version: PlanVersion, published: PlanVersion | None, lang: str = "nl") -> tuple[str, str | None]:
    """Which version an export holds (number, state, made/published when and by whom), and for a
    draft the warning that it is not what the outside world holds (with the published version)."""
    def at(moment: datetime) -> str:
        return when(moment, lang)
    if version.status == PUBLISHED:
        return t("exp.version_published", lang, number=version.number, at=at(version.created_at),
                 by=version.created_by), None
    line = t("exp.version", lang, number=version.number, status=t(f"status.{version.status}", lang),
             at=at(version.created_at), by=version.created_by)
    other = t("exp.published_is", lang, number=published.number, at=at(published.created_at), by=published.created_by) \
        if published is not None else t("exp.nothing_published", lang)
    return line, t("exp.draft_warning", lang, number=version.number, published=other)


def file_stem(scenario: Scenario, version_number: int, draft: bool = False) -> str:
    """`<scenario>-v<n>`, with `-concept` for a draft so a file on disk says what it is."""
    return f"{scenario.id}-v{version_number}" + ("-concept" if draft else "")


def plan_files(scenario: Scenario, plan: Plan, version_number: int, lang: str = "nl",
               draft: bool = False) -> list[ExportFile]:
    stem = file_stem(scenario, version_number, draft)
    csv = "text/csv"

    def frame(name: str) -> Callable[[], bytes]:
        return lambda: cells.csv_bytes(views.export_tables(scenario, plan, lang)[name])

    return [
        ExportFile("plan_json", "exp.plan_json", f"plan-{stem}.json", "application/json",
                   lambda: (json.dumps(plan.to_json_dict(), indent=1, ensure_ascii=False) + "\n").encode("utf-8")),
        ExportFile("cases_csv", "exp.cases_csv", f"zaken-{stem}.csv", csv, frame("cases")),
        ExportFile("legs_csv", "exp.legs_csv", f"vluchten-{stem}.csv", csv, frame("flights")),
        ExportFile("escorts_csv", "exp.escorts_csv", f"begeleiders-{stem}.csv", csv, frame("escorts")),
        ExportFile("xlsx", "exp.xlsx", f"plan-{stem}.xlsx",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   lambda: workbook(views.export_tables(scenario, plan, lang))),
    ]


def extra_files(scenario: Scenario, plan: Plan, version_number: int,
                published_at: datetime | None = None,
                previous_calendars: Callable[[], dict[str, bytes] | None] = lambda: None,
                draft: bool = False) -> list[ExportFile]:
    """Calendars, DV&O transport orders and handover sheets, when `planner.exports` is present."""
    try:
        from planner import exports
    except ImportError:
        return []
    stem = file_stem(scenario, version_number, draft)
    return [ExportFile("all_zip", "", f"exports-{stem}.zip", "application/zip",
                       lambda: exports.export_zip(scenario, plan, previous_calendars(), published_at=published_at),
                       label="Kalenders, vervoersopdrachten DV&O, overdrachtsbladen (zip)")]
