"""Reading exported calendars back, with icalendar and with ical.js (tests/js/instants.mjs)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar, vText

from planner.exports.privacy import FIELD_BY_ICAL_NAME, Field

JS_DIR = Path(__file__).resolve().parents[2] / "js"
NODE_SCRIPT = JS_DIR / "instants.mjs"

EVENT_PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "STATUS", "SUMMARY", "LOCATION",
                    "DESCRIPTION", "TRANSP"}
"""Standard properties an exported VEVENT may have; everything else must be an allow-listed X-BV-*."""
CALENDAR_PROPERTIES = {"VERSION", "PRODID", "METHOD", "NAME", "X-WR-CALNAME", "X-WR-TIMEZONE", "REFRESH-INTERVAL",
                       "UID", "X-PUBLISHED-TTL"}


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(data: bytes) -> list:
    return [c for c in parse(data).subcomponents if c.name == "VEVENT"]


def unfold(data: bytes) -> str:
    """The file's text with folded lines joined (what to search for a marker in)."""
    return re.sub(r"\r\n[ \t]", "", data.decode("utf-8"))


def text(event, name: str) -> str:
    """A TEXT property's value, unescaped (X- properties come back raw from icalendar)."""
    value = event.get(name)
    if value is None:
        return ""
    if isinstance(value, vText):
        return str(value)
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), str(value))


def xbv_fields(event) -> set[Field]:
    return {FIELD_BY_ICAL_NAME[name] for name in event if name.startswith("X-BV-")}


def utc(value) -> datetime:
    assert isinstance(value, datetime) and value.tzinfo is not None, f"floating or date value {value!r}"
    return value.astimezone(UTC)


def python_instants(data: bytes) -> dict[str, tuple[str, str]]:
    """UID -> (start, end) as UTC ISO strings with milliseconds, the way ical.js prints them."""
    out = {}
    for ev in events(data):
        start, end = utc(ev.decoded("DTSTART")), utc(ev.decoded("DTEND"))
        out[str(ev["UID"])] = (_iso(start), _iso(end))
    return out


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def node_available() -> str | None:
    """Why ical.js cannot run, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (JS_DIR / "node_modules" / "ical.js").is_dir():
        return "ical.js is not installed (cd tests/js && npm install; .ci/run does this)"
    return None


def node_parse(paths: list[Path]) -> dict[str, list[dict]]:
    """Run ical.js over the files (one node process); skips the test if node or ical.js is missing."""
    reason = node_available()
    if reason:
        pytest.skip(f"ical.js cross-check skipped: {reason}")
    # A far-off local zone: a time ical.js wrongly treated as floating would come out shifted.
    env = dict(os.environ, TZ="Pacific/Chatham")
    result = subprocess.run(["node", str(NODE_SCRIPT), *map(str, paths)], capture_output=True, text=True,
                            timeout=120, env=env, cwd=JS_DIR)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def write_all(directory: Path, files: dict[str, bytes]) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in sorted(files.items()):
        path = directory / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def raw_event_blocks(data: bytes) -> dict[str, bytes]:
    """UID -> the VEVENT block exactly as written (CRLF line ends), found by its own simple scan."""
    out = {}
    for match in re.finditer(rb"^BEGIN:VEVENT\r\n.*?^END:VEVENT\r\n", data, flags=re.S | re.M):
        block = match.group(0)
        uid = re.search(rb"^UID:(.*)\r\n", block, flags=re.M).group(1).decode("utf-8")
        out[uid] = block
    return out
