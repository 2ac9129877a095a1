"""The one formula neutraliser for every CSV and Excel file the planner writes (OWASP "CSV injection").

A spreadsheet evaluates a cell whose text starts with `=`, `+`, `-` or `@` (and, in some programs,
a tab or carriage return) as a formula: `=HYPERLINK(...)` in a pseudonym or location name would run in
the coordinator's Excel. Every tabular export goes through `neutralise` (one cell),
`neutralise_frame` (a pandas table), `csv_bytes` or `xlsx_bytes`, so no path can forget it.
Excel files store every text cell as a string, never as a formula.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these (after leading spaces) gets a leading `'`."""


def neutralise(value: Any) -> Any:
    """The cell as a spreadsheet must see it: text that could be a formula gets a leading `'`.

    Numbers, booleans and None pass unchanged (a negative number is a number, not a formula)."""
    if not isinstance(value, str):
        return value
    if value.lstrip(" ").startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the table with every text cell (and column name) neutralised."""
    out = frame.copy()
    out.columns = [neutralise(c) if isinstance(c, str) else c for c in out.columns]
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise).astype(object)
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """RFC 4180 CSV (CRLF, UTF-8) of a table, neutralised, without the index.

    CRLF as the line end makes the writer quote any cell holding a CR or LF; with pandas' default
    LF a bare CR inside a cell is written unquoted and a spreadsheet starts a new row there."""
    return neutralise_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def _excel_value(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bool, int, float)):
        return value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return _excel_value(value.item())
    return neutralise(str(value))


def xlsx_bytes(frames: Mapping[str, pd.DataFrame]) -> bytes:
    """One sheet per table; every text cell neutralised and stored as a string (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for name, frame in frames.items():
        ws = wb.create_sheet(str(name)[:31])
        for c, column in enumerate(frame.columns, start=1):
            cell = ws.cell(row=1, column=c, value=neutralise(str(column)))
            cell.data_type = "s"
            cell.font = Font(bold=True)
        for r, row in enumerate(frame.itertuples(index=False, name=None), start=2):
            for c, raw in enumerate(row, start=1):
                value = _excel_value(raw)
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # openpyxl would store a text starting with '=' as a formula
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


__all__ = ["FORMULA_START", "csv_bytes", "neutralise", "neutralise_frame", "xlsx_bytes"]
