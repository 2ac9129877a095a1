"""Case lists as CSV or Excel: one case per row, with errors per row and column.

Columns follow shared/FORMAT.md with nested fields flattened (`fit_to_fly_valid_until`,
`escort_kmar`, ...). Lists are separated by `;`. Care options, which nest too deeply for a cell,
go in `care_options` as JSON. "NA" (Namibia) stays a country code: only empty cells are missing.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from pydantic import ValidationError

from models import Case, Role, Scenario, strictjson

COLUMNS = (
    "id", "pseudonym", "group", "departure_type", "gender", "minor", "unaccompanied", "nationality",
    "destination_country", "destination_airports", "location", "available_from", "deadline",
    "travel_document_valid_from", "travel_document_valid_until", "fit_to_fly_status", "fit_to_fly_valid_from",
    "fit_to_fly_valid_until", "max_travel_hours", "max_legs", "stretcher", "oxygen", "wheelchair",
    "escort_doctor", "escort_nurse", "escort_psychiatric_nurse", "escort_kmar", "escort_coordinator",
    "same_gender_escort", "languages", "care_required", "care_options", "priority", "daily_cost_eur",
)
REQUIRED = ("id", "pseudonym", "departure_type", "gender", "destination_country", "destination_airports", "location",
            "available_from", "deadline", "fit_to_fly_status", "fit_to_fly_valid_from", "fit_to_fly_valid_until",
            "priority")
ROLES = ("doctor", "nurse", "psychiatric_nurse", "kmar", "coordinator")
_TRUE = {"true", "1", "yes", "ja", "waar", "y", "j", "x"}
_FALSE = {"false", "0", "no", "nee", "onwaar", "n", ""}


@dataclass(frozen=True)
class RowError:
    row: int
    """Line in the file (header = 1) or Excel row number."""
    column: str
    value: str
    message: str


@dataclass
class CaseTable:
    cases: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0


def read_table(raw: bytes, filename: str) -> pd.DataFrame:
    """CSV (comma or semicolon) or Excel, every cell as text."""
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm", ".xls")):
        frame = pd.read_excel(io.BytesIO(raw), dtype=str, engine="openpyxl", keep_default_na=False, na_values=[""])
    else:
        text = raw.decode("utf-8-sig")
        sep = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""], sep=sep)
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.astype(object).where(frame.notna(), None)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


class CellError(ValueError):
    def __init__(self, column: str, value: Any, message: str):
        self.column, self.value = column, "" if value is None else str(value)
        super().__init__(message)


def _bool(row: dict[str, Any], column: str) -> bool:
    value = row.get(column)
    text = (_text(value) or "").lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(column, value, "expected yes/no (ja/nee, true/false)")


def _number(row: dict[str, Any], column: str, whole: bool) -> int | float | None:
    """A cell as a number (cells are text; the models take numbers only): None when empty."""
    value = row.get(column)
    text = _text(value)
    if text is None:
        return None
    try:
        number = float(text.replace(",", ".")) if not whole or not text.lstrip("-").isdigit() else int(text)
    except ValueError:
        number = None
    if number is None or not math.isfinite(number) or (whole and number != int(number)):
        raise CellError(column, value, "expected a whole number" if whole else "expected a number")
    return int(number) if whole else number


def _list(value: Any) -> list[str]:
    return [part.strip() for part in (_text(value) or "").replace(",", ";").split(";") if part.strip()]


def _column_of(loc: tuple) -> str:
    """Map a pydantic error location on Case back to the flat column name."""
    if not loc:
        return ""
    head = str(loc[0])
    if head in ("fit_to_fly", "travel_document") and len(loc) > 1:
        sub = str(loc[1])
        if head == "fit_to_fly" and sub in ("max_travel_hours", "max_legs", "stretcher", "oxygen", "wheelchair"):
            return sub
        return f"{head}_{'status' if sub == 'status' else sub}"
    if head == "escorts":
        return f"escort_{loc[1]}" if len(loc) > 1 else "escort_kmar"
    if head == "care":
        return "care_required" if len(loc) > 1 and loc[1] == "required" else "care_options"
    return head


def row_to_case(row: dict[str, Any]) -> dict[str, Any]:
    """A row of text cells as a FORMAT.md case dict (may still be invalid: pydantic says why)."""
    doc_from, doc_until = _text(row.get("travel_document_valid_from")), _text(row.get("travel_document_valid_until"))
    try:
        care_options = strictjson.loads(_text(row.get("care_options")) or "[]")
    except strictjson.JsonError as exc:
        raise CellError("care_options", row.get("care_options"), f"not valid JSON: {exc}") from None
    escorts = {}
    for role in ROLES:
        count = _number(row, f"escort_{role}", whole=True)
        if count is not None:
            escorts[role] = count
    case: dict[str, Any] = {
        "id": _text(row.get("id")),
        "pseudonym": _text(row.get("pseudonym")),
        "group": _text(row.get("group")),
        "departure_type": _text(row.get("departure_type")),
        "gender": _text(row.get("gender")),
        "minor": _bool(row, "minor"),
        "unaccompanied": _bool(row, "unaccompanied"),
        "nationality": _text(row.get("nationality")) or "",
        "destination_country": _text(row.get("destination_country")),
        "destination_airports": _list(row.get("destination_airports")),
        "location": _text(row.get("location")),
        "available_from": _text(row.get("available_from")),
        "deadline": _text(row.get("deadline")),
        "travel_document": {"valid_from": doc_from, "valid_until": doc_until} if (doc_from or doc_until) else None,
        "fit_to_fly": {
            "status": _text(row.get("fit_to_fly_status")),
            "valid_from": _text(row.get("fit_to_fly_valid_from")),
            "valid_until": _text(row.get("fit_to_fly_valid_until")),
            "max_travel_hours": _number(row, "max_travel_hours", whole=False),
            "max_legs": _number(row, "max_legs", whole=True),
            "stretcher": _bool(row, "stretcher"),
            "oxygen": _bool(row, "oxygen"),
            "wheelchair": _text(row.get("wheelchair")),
        },
        "escorts": escorts,
        "same_gender_escort": _bool(row, "same_gender_escort"),
        "languages": _list(row.get("languages")) or None,
        "care": {"required": _bool(row, "care_required"), "options": care_options},
        "priority": _number(row, "priority", whole=True),
        "daily_cost_eur": _number(row, "daily_cost_eur", whole=False) or 0,
    }
    return case


def _references(scenario: Scenario, case: Case) -> list[tuple[str, str, str]]:
    loc = scenario.location_by_id
    airports = {x.id for x in scenario.locations if x.kind.value == "airport"}
    out = []
    if case.location not in loc:
        out.append(("location", case.location, f"unknown location {case.location!r}"))
    for airport in case.destination_airports:
        if airport not in airports:
            out.append(("destination_airports", airport, f"unknown airport {airport!r}"))
    for option in case.care.options:
        if option.airport not in airports:
            out.append(("care_options", option.airport, f"care option {option.id}: unknown airport {option.airport!r}"))
    return out


def parse_case_table(scenario: Scenario, raw: bytes, filename: str) -> CaseTable:
    """Every row validated on its own: the good rows as case dicts and every problem by row."""
    out = CaseTable()
    try:
        frame = read_table(raw, filename)
    except Exception as exc:  # any reader error is one file-level problem for the user
        out.errors.append(RowError(1, "", "", f"cannot read {filename}: {exc}"))
        return out
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        out.errors.append(RowError(1, ", ".join(missing), "", "required column(s) missing"))
        return out
    unknown = [c for c in frame.columns if c not in COLUMNS and not c.startswith("x_")]
    if unknown:
        out.errors.append(RowError(1, ", ".join(unknown), "", "unknown column(s)"))
        return out
    seen: dict[str, int] = {}
    for index, record in enumerate(frame.to_dict(orient="records")):
        line = index + 2  # header is line 1 in CSV and row 1 in Excel
        out.rows += 1
        try:
            data = row_to_case(record)
        except CellError as exc:
            out.errors.append(RowError(line, exc.column, exc.value, str(exc)))
            continue
        try:
            case = Case.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(p for p in err["loc"] if not (isinstance(p,
                                                                     str) and ("[" in p or p.startswith("function"))))
                column = _column_of(loc)
                value = record.get(column)
                msg = err["msg"].removeprefix("Value error, ")
                if err["type"] == "missing":
                    msg = "required"
                out.errors.append(RowError(line, column, "" if value is None else str(value), msg))
            continue
        problems = _references(scenario, case)
        if case.id in seen:
            problems.append(("id", case.id, f"duplicate id (also on line {seen[case.id]})"))
        seen[case.id] = line
        if problems:
            out.errors.extend(RowError(line, c, v, m) for c, v, m in problems)
            continue
        out.cases.append(case.model_dump(mode="json", by_alias=True, exclude_none=False))
    return out


def case_rows(scenario: Scenario) -> pd.DataFrame:
    """The scenario's cases in the import format (a template that round-trips)."""
    rows = []
    for c in scenario.cases:
        ftf = c.fit_to_fly
        rows.append({
            "id": c.id, "pseudonym": c.pseudonym, "group": c.group or "", "departure_type": c.departure_type.value,
            "gender": c.gender.value, "minor": c.minor, "unaccompanied": c.unaccompanied,
            "nationality": c.nationality, "destination_country": c.destination_country,
            "destination_airports": ";".join(c.destination_airports), "location": c.location,
            "available_from": c.available_from.isoformat(), "deadline": c.deadline.isoformat(),
            "travel_document_valid_from": c.travel_document.valid_from.isoformat() if c.travel_document else "",
            "travel_document_valid_until": c.travel_document.valid_until.isoformat() if c.travel_document else "",
            "fit_to_fly_status": ftf.status.value, "fit_to_fly_valid_from": ftf.valid_from.isoformat(),
            "fit_to_fly_valid_until": ftf.valid_until.isoformat(),
            "max_travel_hours": "" if ftf.max_travel_hours is None else ftf.max_travel_hours,
            "max_legs": "" if ftf.max_legs is None else ftf.max_legs, "stretcher": ftf.stretcher,
            "oxygen": ftf.oxygen, "wheelchair": ftf.wheelchair.value if ftf.wheelchair else "",
            **{f"escort_{r}": c.escorts.get(Role(r), 0) for r in ROLES},
            "same_gender_escort": c.same_gender_escort, "languages": ";".join(c.languages or ()),
            "care_required": c.care.required,
            "care_options": json.dumps([o.model_dump(mode="json", by_alias=True) for o in c.care.options])
            if c.care.options else "",
            "priority": c.priority, "daily_cost_eur": c.daily_cost_eur,
        })
    return pd.DataFrame(rows, columns=list(COLUMNS))
