"""Exports that leave the planner: calendars, DV&O transport orders, handover sheets.

Everything is built in memory (bytes or str per file name), so the web planner can offer
downloads without touching the disk; `planner.exports.cli` writes the same files to a folder.
What each recipient sees is decided in one place, `planner.exports.privacy.ALLOW_LISTS`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from datetime import datetime

from models import Plan, Scenario
from planner.exports.handover import handover_sheet, handover_sheets
from planner.exports.ical import DEFAULT_ALARM_MINUTES, calendars, read_export_dir, staff_calendars, vehicle_calendars
from planner.exports.privacy import ALLOW_LISTS, LABELS, ROLE_LABELS, Field, Recipient
from planner.exports.transport import transport_orders, transport_orders_csv, transport_orders_xlsx

_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def export_zip(scenario: Scenario, plan: Plan, previous_export: Mapping[str, bytes] | None = None, *,
               published_at: datetime | None = None) -> bytes:
    """All exports in one zip: `kalenders/`, `vervoer/`, `overdracht/` (for one download button)."""
    files: dict[str, bytes] = {}
    files.update({f"kalenders/{n}": b for n, b in calendars(scenario, plan, previous_export,
                                                             published_at=published_at).items()})
    files.update({f"vervoer/{n}": b for n, b in transport_orders_csv(scenario, plan).items()})
    files.update({f"vervoer/{n}": b for n, b in transport_orders_xlsx(scenario, plan).items()})
    files.update({f"overdracht/{n}": s.encode("utf-8") for n, s in handover_sheets(scenario, plan).items()})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, files[name])
    return buffer.getvalue()


__all__ = [
    "ALLOW_LISTS", "DEFAULT_ALARM_MINUTES", "Field", "LABELS", "ROLE_LABELS", "Recipient", "calendars", "export_zip",
    "handover_sheet", "handover_sheets", "read_export_dir", "staff_calendars", "transport_orders",
    "transport_orders_csv", "transport_orders_xlsx", "vehicle_calendars",
]
