"""Finding 1: every CSV and Excel file the planner writes goes through one neutraliser.

A scenario with formula payloads in every free-text field is exported along every path (web Export:
CSV x3 and Excel; the zip with DV&O transport orders; the CLI transport orders; the audit CSV; the
import template; a sweep table). No cell may start with = + - @ tab or CR, and no xlsx cell is a formula.
A source scan makes sure no new writer of CSV/Excel bypasses `planner.exports.cells`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd

from models import Plan, Scenario
from planner.exports import export_zip
from planner.exports.cells import FORMULA_START, csv_bytes, neutralise, xlsx_bytes
from tests.planner.exports.fixtures import solved
from tests.security.payloads import FORMULAS, poisoned

ROOT = Path(__file__).resolve().parents[2]


NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$")


def dangerous(text: str) -> bool:
    """Would a spreadsheet evaluate this cell? (A plain number such as -2 is a number.)"""
    return isinstance(text, str) and text.lstrip(" ").startswith(FORMULA_START) and not NUMBER.match(text)


def csv_cells(raw: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(raw.decode("utf-8"), newline="")) for cell in row]


def xlsx_problems(raw: bytes) -> list[str]:
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    bad = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" or dangerous(cell.value):
                    bad.append(f"{ws.title}!{cell.coordinate}={cell.value!r}")
    return bad


def check_file(name: str, raw: bytes) -> list[str]:
    if name.endswith(".csv"):
        return [f"{name}: {c!r}" for c in csv_cells(raw) if dangerous(c)]
    if name.endswith(".xlsx"):
        return [f"{name}: {p}" for p in xlsx_problems(raw)]
    return []


def poisoned_pair() -> tuple[Scenario, Plan]:
    scn, plan = solved()
    return Scenario.model_validate(poisoned(scn, FORMULAS)), Plan.model_validate(plan)


def test_neutralise_prefixes_every_formula_start_and_leaves_numbers():
    for text in FORMULAS + ("=1", "+", "-x", "@a", "\tx", "\rx", "  =1"):
        assert neutralise(text).startswith("'"), text
    assert neutralise("gewoon") == "gewoon" and neutralise(-3) == -3 and neutralise(None) is None


def test_every_export_path_writes_no_formula():
    from planner.web import exporting, views
    from planner.web.caselist import case_rows

    scenario, plan = poisoned_pair()
    files: dict[str, bytes] = {}
    for item in exporting.plan_files(scenario, plan, 1):
        files[item.filename] = item.make()
    with zipfile.ZipFile(io.BytesIO(export_zip(scenario, plan))) as zf:
        files.update({n: zf.read(n) for n in zf.namelist()})
    files["template.csv"] = exporting.csv_bytes(case_rows(scenario))
    frame = pd.DataFrame({"actor": ["=evil()"], "object": ["@x"]})
    files["audit.csv"] = exporting.csv_bytes(frame)
    assert any(n.endswith(".xlsx") for n in files) and sum(n.endswith(".csv") for n in files) >= 5
    # the payloads did reach the exports (else the test proves nothing)
    assert any("'=HYPERLINK" in raw.decode("utf-8", "replace") for n, raw in files.items() if n.endswith(".csv"))
    tables = views.export_tables(scenario, plan)
    assert any(dangerous(v) for frame in tables.values() for v in frame.astype(str).to_numpy().ravel())
    problems = [p for name, raw in files.items() for p in check_file(name, raw)]
    assert problems == []


def test_cli_transport_orders_and_sweep_table(tmp_path):
    from planner.capacity.table import ResultTable
    from planner.cli.app import main

    scenario, plan = poisoned_pair()
    (tmp_path / "s.json").write_text(scenario.model_dump_json(by_alias=True), encoding="utf-8")
    (tmp_path / "p.json").write_text(plan.model_dump_json(by_alias=True), encoding="utf-8")
    code = main(["transport", str(tmp_path / "s.json"), str(tmp_path / "p.json"), "-o", str(tmp_path / "orders")])
    assert code == 0
    written = list((tmp_path / "orders").iterdir())
    assert written
    table = ResultTable(tmp_path / "sweep", ("point", "point_index", "repetition", "label", "value"), {"kind": "test"},
                        resume=False)
    table.add({"point": "p1", "point_index": 0, "repetition": 0, "label": "=HYPERLINK(\"http://x\")", "value": 1})
    table.close()
    written += [p for p in (tmp_path / "sweep").iterdir() if p.suffix == ".csv"]
    assert [p for f in written for p in check_file(f.name, f.read_bytes())] == []


def test_csv_and_xlsx_helpers_store_text_not_formulas():
    frame = pd.DataFrame({"=kop": ['=HYPERLINK("http://x")', "ok"], "n": [1, -2]})
    assert check_file("a.csv", csv_bytes(frame)) == []
    raw = xlsx_bytes({"t": frame})
    assert xlsx_problems(raw) == []
    ws = openpyxl.load_workbook(io.BytesIO(raw))["t"]
    assert ws["B3"].value == -2  # numbers stay numbers


WRITERS = re.compile(r"\.to_csv\(|\.to_excel\(|csv\.writer\(|csv\.DictWriter\(|Workbook\(|ExcelWriter\(")


def test_no_tabular_writer_bypasses_the_neutraliser():
    """Any module writing CSV or Excel must use `planner.exports.cells` (or its `neutralise`)."""
    offenders = []
    for path in [*ROOT.joinpath("planner").rglob("*.py"), *ROOT.joinpath("ui").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        if path.name == "cells.py" or not WRITERS.search(text):
            continue
        if "planner.exports.cells" not in text and "csv_cell(" not in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
