"""The results table, streamed to `results.parquet` and `results.csv` as solves finish.

The Parquet file is rewritten atomically (temporary file, then rename) after every row, so at any
moment it is a complete, readable table of every finished solve: `--resume` reads it back. The
CSV grows by one line per row (flushed) and is rewritten in point order at the end. Every text
cell of the CSV goes through the exports' formula neutraliser (`planner.exports.transport.
neutralise`); numbers are written as numbers (a negative number is not a formula, and `'-2`
would turn it into text).
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from models import InputError
from planner.capacity.worker import OK
from planner.exports.cells import neutralise

PARQUET, CSV, MANIFEST = "results.parquet", "results.csv", "sweep.json"


def csv_cell(value: Any) -> Any:
    """One CSV cell: text neutralised, numbers as numbers, missing values empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    return neutralise(str(value))


class ResultTable:
    """Rows keyed by `point#rN`; finished rows from an earlier run are kept when resuming."""

    def __init__(self, folder: Path, columns: tuple[str, ...], manifest: dict[str, Any], resume: bool,
                 overwrite: bool = False):
        self.folder = folder
        self.columns = columns
        self.rows: dict[str, dict[str, Any]] = {}
        folder.mkdir(parents=True, exist_ok=True)
        old = self._read_manifest()
        if resume and old is not None:
            for key in ("digest", "scenario_sha256"):
                if old.get(key) != manifest.get(key):
                    raise InputError(str(folder / MANIFEST), [(key, "this folder holds the results of another sweep "
                                                              "or scenario: use a new -o folder, or --overwrite")])
            self.rows = self._read_rows()
        elif old is not None and not overwrite and (folder / PARQUET).exists():
            raise InputError(str(folder), [("", "the folder already holds sweep results: pass --resume to go on "
                                            "with them or --overwrite to start again")])
        for name in (PARQUET, CSV):
            (folder / name).unlink(missing_ok=True)
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        self._write_all(self.rows.values())

    def _read_manifest(self) -> dict[str, Any] | None:
        try:
            return json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _read_rows(self) -> dict[str, dict[str, Any]]:
        path = self.folder / PARQUET
        if not path.exists():
            return {}
        frame = pd.read_parquet(path)
        rows = {}
        for record in frame.astype(object).where(frame.notna(), None).to_dict("records"):
            rows[f"{record['point']}#r{record['repetition']}"] = record
        return rows

    def finished(self) -> set[str]:
        """Keys of solves that need not run again (status ok)."""
        return {k for k, r in self.rows.items() if r.get("status") == OK}

    def add(self, row: dict[str, Any]) -> None:
        self.rows[f"{row['point']}#r{row['repetition']}"] = row
        with open(self.folder / CSV, "a", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\r\n").writerow([csv_cell(row.get(c)) for c in self.columns])
        self._write_parquet(self.rows.values())

    def frame(self, rows: Iterable[dict[str, Any]] | None = None) -> pd.DataFrame:
        rows = list(self.rows.values() if rows is None else rows)
        frame = pd.DataFrame(rows, columns=list(self.columns))
        if len(frame):
            frame = frame.sort_values(["point_index", "repetition"], kind="stable").reset_index(drop=True)
        return frame.convert_dtypes()

    def _write_parquet(self, rows: Iterable[dict[str, Any]]) -> None:
        tmp = self.folder / (PARQUET + ".tmp")
        self.frame(rows).to_parquet(tmp, index=False)
        tmp.replace(self.folder / PARQUET)

    def _write_all(self, rows: Iterable[dict[str, Any]]) -> None:
        rows = list(rows)
        frame = self.frame(rows)
        tmp = self.folder / (CSV + ".tmp")
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\r\n")
            writer.writerow([csv_cell(c) for c in self.columns])
            for record in frame.astype(object).where(frame.notna(), None).to_dict("records"):
                writer.writerow([csv_cell(record.get(c)) for c in self.columns])
        tmp.replace(self.folder / CSV)
        self._write_parquet(rows)

    def close(self) -> pd.DataFrame:
        """Both files in point order; returns the table."""
        self._write_all(self.rows.values())
        return self.frame()


__all__ = ["CSV", "MANIFEST", "PARQUET", "ResultTable", "csv_cell"]
