"""DV&O transport orders per day, as CSV and Excel, with the DV&O allow-list as the columns.

One row per trip: the columns are exactly `ALLOW_LISTS[Recipient.dvo]` in order, headed by
their Dutch labels. A trip belongs to the local date of its pickup. Text cells that a
spreadsheet could read as a formula (starting with = + - @, or a tab or CR) get a leading `'`
(OWASP "CSV injection"); in the Excel file every text cell is also stored as a string, never
as a formula.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import UTC, datetime

from openpyxl import Workbook
from openpyxl.styles import Font

from models import Plan, Scenario
from planner.exports.cells import neutralise
from planner.exports.privacy import ALLOW_LISTS, Field, Recipient
from planner.exports.trips import trip_records

COLUMNS: tuple[Field, ...] = ALLOW_LISTS[Recipient.dvo]
NUMERIC = frozenset({Field.persons, Field.escort_count})
"""Counts, written as numbers in Excel."""


def transport_orders(scenario: Scenario, plan: Plan) -> dict[str, list[dict[Field, str]]]:
    """Local pickup date (YYYY-MM-DD) -> rows (DV&O-visible fields), in pickup order."""
    days: dict[str, list[dict[Field, str]]] = defaultdict(list)
    for record in trip_records(scenario, plan):
        days[record.date_label].append(record.visible(Recipient.dvo))
    return dict(sorted(days.items()))


def header() -> list[str]:
    return [f.label for f in COLUMNS]


def _row(values: dict[Field, str]) -> list[str]:
    return [neutralise(values.get(f, "")) for f in COLUMNS]


def orders_csv(rows: list[dict[Field, str]]) -> bytes:
    """RFC 4180 CSV (comma, CRLF, UTF-8) with a header line."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header())
    for values in rows:
        writer.writerow(_row(values))
    return buffer.getvalue().encode("utf-8")


def orders_xlsx(rows: list[dict[Field, str]], day: str, published_at: datetime | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Vervoer {day}"[:31]
    ws.append(header())
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, values in enumerate(rows, start=2):
        for c, f in enumerate(COLUMNS, start=1):
            text = values.get(f, "")
            cell = ws.cell(row=r, column=c)
            if f in NUMERIC and text.isdigit():
                cell.value = int(text)
            else:
                cell.value = neutralise(text)
                cell.data_type = "s"  # openpyxl would store a text starting with '=' as a formula
    for c, f in enumerate(COLUMNS, start=1):
        width = max([len(f.label)] + [len(values.get(f, "")) for values in rows])
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = min(60, width + 2)
    ws.freeze_panes = "A2"
    if published_at is not None:
        moment = published_at.astimezone(UTC).replace(tzinfo=None)
        wb.properties.created = moment
    wb.properties.title = f"Vervoersopdrachten {day}"
    wb.properties.creator = "bv-planner"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def transport_orders_csv(scenario: Scenario, plan: Plan) -> dict[str, bytes]:
    """`transport-YYYY-MM-DD.csv` -> bytes, one file per day with trips."""
    return {f"transport-{day}.csv": orders_csv(rows) for day, rows in transport_orders(scenario, plan).items()}


def transport_orders_xlsx(scenario: Scenario, plan: Plan) -> dict[str, bytes]:
    """`transport-YYYY-MM-DD.xlsx` -> bytes, one workbook per day with trips."""
    return {f"transport-{day}.xlsx": orders_xlsx(rows, day, scenario.planning_start)
            for day, rows in transport_orders(scenario, plan).items()}


__all__ = ["COLUMNS", "neutralise", "orders_csv", "orders_xlsx", "transport_orders", "transport_orders_csv",
           "transport_orders_xlsx"]
