"""Fuzz: text with CR, LF, `;`, `,`, quotes, markup and separators cannot inject anything.

Hostile strings go into every free-text field that reaches an export (pseudonym, staff names,
place names and IATA codes, vehicle name, care facility, flight carrier and number). Each
export must keep exactly the structure it has with harmless text: the same sequence of
iCalendar property names, CSV rows and columns, HTML tags and attributes; and the text must
come back as its cleaned one-line self.
"""

from __future__ import annotations

import csv
import io
import random
import re
from html.parser import HTMLParser

import pytest

from planner.exports import calendars, handover_sheets, transport_orders_csv
from planner.exports.privacy import one_line
from planner.exports.transport import COLUMNS, neutralise
from tests.builders import build, build_plan, item
from tests.planner.exports import icstools
from tests.planner.exports.fixtures import ROLES, marker_plan_dict, marker_scenario_dict

PIECES = [
    "\r", "\n", "\r\n", "\n\r", ";", ",", ":", "\\", "\\n", '"', "'", "<script>alert(1)</script>", "</td></tr>",
    "&amp;", "&", "=cmd|' /C calc'!A0", "=1+1", "+31", "-2", "@SUM(A1)", "\t", "\x00", "\x0b", "\x0c", "\x1c",
    "\x1e", "\x85", "\u2028", "\u2029", "\ufeff", "\u200e", "\u202e", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR",
    "X-INJECTED:1", "UID:evil", "STATUS:CANCELLED", "DTSTART:19700101T000000Z", "é", "€", "😀", "中文", " ",
    "data-field=\"team\"", "<!--", "]]>", "%0d%0a", "x" * 80, "é" * 40,
]


def evil(rng: random.Random) -> str:
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8)))
    return "P" + text  # never empty after cleaning


def _fuzzed(seed: int) -> tuple[dict, dict, dict[str, str]]:
    rng = random.Random(seed)
    scn, plan = marker_scenario_dict(), marker_plan_dict()
    values = {}
    case = scn["cases"][0]
    case["pseudonym"] = values["pseudonym"] = evil(rng)
    case["care"]["options"][0]["facility"] = values["facility"] = evil(rng)
    for staff in scn["staff"]:
        staff["name"] = values[f"name {staff['id']}"] = evil(rng)
    for loc_id in ("AMS", "IST", "HOSP", "DEPOT"):
        item(scn, "locations", loc_id)["name"] = values[f"place {loc_id}"] = evil(rng)
    item(scn, "locations", "IST")["iata"] = evil(rng)
    item(scn, "vehicles", "V-1")["name"] = values["vehicle"] = evil(rng)
    for flight in scn["flights"]:
        flight["carrier"], flight["number"] = evil(rng), evil(rng)
    return scn, plan, values


def _names(data: bytes) -> list[str]:
    """The property name of every content line, unfolded; fails on a line that is not one."""
    out = []
    for line in icstools.unfold(data).split("\r\n")[:-1]:
        match = re.match(r"^([A-Za-z0-9-]+)[;:]", line)
        assert match, repr(line)
        out.append(match.group(1) + (":" + line.split(":", 1)[1] if match.group(1) in ("BEGIN", "END") else ""))
    return out


@pytest.fixture(scope="module")
def baseline():
    scn, plan = marker_scenario_dict(), marker_plan_dict()
    scenario, plan = build(scn), build_plan(plan)
    return {
        "ics": {name: _names(data) for name, data in calendars(scenario, plan).items()},
        "html": {name.split("-")[-1]: _Structure.of(html) for name, html in handover_sheets(scenario, plan).items()},
    }


class _Structure(HTMLParser):
    """Tags and attribute names in document order, and the text of each data-field cell."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shape: list[tuple[str, tuple[str, ...]]] = []
        self.fields: dict[str, list[str]] = {}
        self._field: str | None = None

    @classmethod
    def of(cls, html: str) -> _Structure:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser

    def handle_starttag(self, tag, attrs):
        if tag != "br":  # list values break lines at "; ", which the text itself may contain
            self.shape.append((tag, tuple(k for k, _ in attrs)))
        field = dict(attrs).get("data-field")
        if field:
            self._field = field
            self.fields.setdefault(field, []).append("")

    def handle_endtag(self, tag):
        self.shape.append(("/" + tag, ()))
        if tag == "td":
            self._field = None

    def handle_data(self, data):
        if self._field:
            self.fields[self._field][-1] += data

    def handle_comment(self, data):
        self.shape.append(("!--", ()))


SEEDS = range(24)


@pytest.mark.parametrize("seed", SEEDS)
def test_calendars_keep_their_structure(seed, baseline):
    scn, plan, values = _fuzzed(seed)
    files = calendars(build(scn), build_plan(plan))
    assert {name: _names(data) for name, data in files.items()} == baseline["ics"]
    for name, data in files.items():
        cal = icstools.parse(data)
        for ev in icstools.events(data):
            if "X-BV-PSEUDONYM" in ev:
                assert icstools.text(ev, "X-BV-PSEUDONYM") == one_line(values["pseudonym"])
            if "X-BV-RECEIVING-FACILITY" in ev:
                assert icstools.text(ev, "X-BV-RECEIVING-FACILITY").startswith(one_line(values["facility"]) + " (")
        if name.startswith("S-"):
            assert icstools.text(cal, "X-WR-CALNAME") == "Bijzonder Vertrek – " + one_line(values[f"name {name[:-4]}"])
        # Every line of the file is at most 75 octets (folded), and valid UTF-8 after unfolding.
        assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_fuzzed_calendars_parse_in_icaljs(tmp_path, baseline):
    paths, expected = [], {}
    for seed in SEEDS:
        scn, plan, _ = _fuzzed(seed)
        files = calendars(build(scn), build_plan(plan))
        for path in icstools.write_all(tmp_path / str(seed), files):
            paths.append(path)
            expected[str(path)] = icstools.python_instants(path.read_bytes())
    parsed = icstools.node_parse(paths)
    for path, ours in expected.items():
        assert {e["uid"]: (e["start"], e["end"]) for e in parsed[path]} == ours, path


@pytest.mark.parametrize("seed", SEEDS)
def test_transport_csv_keeps_its_rows_and_columns(seed):
    scn, plan, values = _fuzzed(seed)
    (_, data), = transport_orders_csv(build(scn), build_plan(plan)).items()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == 2 and all(len(row) == len(COLUMNS) for row in rows)
    row = dict(zip((f.value for f in COLUMNS), rows[1], strict=True))
    assert row["pseudonym"] == neutralise(one_line(values["pseudonym"]))
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in rows[1])
    assert data.count(b"\r\n") == 2 and b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize("seed", SEEDS)
def test_handover_sheets_keep_their_markup(seed, baseline):
    scn, plan, values = _fuzzed(seed)
    sheets = handover_sheets(build(scn), build_plan(plan))
    assert len(sheets) == len(ROLES) + 1
    for name, html in sheets.items():
        assert re.fullmatch(r"overdracht-\d{4}-\d{2}-\d{2}-[a-z0-9-]*-[0-9a-f]{8}-[a-z_]+\.html", name), name
        page = _Structure.of(html)
        reference = baseline["html"][name.split("-")[-1]]
        assert page.shape == reference.shape, name
        assert set(page.fields) == set(reference.fields)
        assert page.fields["pseudonym"][0] == one_line(values["pseudonym"])
