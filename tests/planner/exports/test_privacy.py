"""Need-to-know: per role, exactly the allow-listed fields go out, and no marker leaks.

The marker scenario puts a marker string in every personal and health field of the case and the
staff (fixtures.CASE_MARKERS, STAFF_MARKERS), including `x_` extras such as a name, V-number,
BSN and diagnosis. One trip has an escort of every role, so every variant is produced.
"""

from __future__ import annotations

import csv
import io
import zipfile
from html.parser import HTMLParser

import pytest
from openpyxl import load_workbook

from models import Role
from planner.exports import (
    ALLOW_LISTS,
    Field,
    Recipient,
    calendars,
    export_zip,
    handover_sheets,
    transport_orders_csv,
    transport_orders_xlsx,
)
from planner.exports.privacy import FIELD_BY_LABEL, HANDOVER_ONLY, ROLE_LABELS, visible_fields
from tests.builders import build, build_plan
from tests.planner.exports import icstools
from tests.planner.exports.fixtures import (
    CASE_MARKERS,
    ROLES,
    STAFF_MARKERS,
    marker,
    marker_plan_dict,
    marker_scenario_dict,
)

RECIPIENT_BY_LABEL = {label: r for r, label in ROLE_LABELS.items()}
ALL_MARKERS = {marker(k): v for k, v in CASE_MARKERS.items()} | {marker(k): v for k, v in STAFF_MARKERS.items()}


@pytest.fixture(scope="module")
def world():
    from tests.builders import violations

    scn, plan = marker_scenario_dict(), marker_plan_dict()
    assert violations(scn, plan) == []
    return build(scn), build_plan(plan)


def _assert_markers(text: str, role: str, where: str) -> None:
    """Markers the role may see may appear; every other marker must not."""
    for mark, roles in ALL_MARKERS.items():
        if role not in roles:
            assert mark.lower() not in text.lower(), f"{mark} leaked into {where} ({role})"


# -- the allow-lists themselves ---------------------------------------------------------------------------
def test_one_allow_list_per_recipient_role():
    """The full matrix is in test_allow_list_matrix.py; here the relations between the roles."""
    assert set(ALLOW_LISTS) == set(Recipient)
    assert {Recipient.for_role(r) for r in Role} == set(Recipient) - {Recipient.dvo}
    escort = set(ALLOW_LISTS[Recipient.kmar])
    assert set(ALLOW_LISTS[Recipient.coordinator]) == escort
    flags = {Field.wheelchair, Field.stretcher, Field.oxygen, Field.medical_escort}
    assert flags <= escort and flags <= set(ALLOW_LISTS[Recipient.dvo])
    for medical in (Recipient.doctor, Recipient.nurse, Recipient.psychiatric_nurse):
        assert set(ALLOW_LISTS[medical]) == escort
    assert HANDOVER_ONLY[Recipient.kmar] == HANDOVER_ONLY[Recipient.coordinator] == {Field.receiving_facility}
    dvo = set(ALLOW_LISTS[Recipient.dvo])
    assert {Field.vehicle, Field.pickup_place, Field.pickup_time, Field.airport, Field.checkin_time,
            Field.wheelchair, Field.stretcher, Field.escort_count} <= dvo
    assert not dvo & {Field.team, Field.receiving_facility, Field.flights}
    for fields in ALLOW_LISTS.values():
        assert len(fields) == len(set(fields))


def _shown(role: Recipient) -> set[Field]:
    """What a role sees on the marker trip: every role is on board, so the medical escorts hand over."""
    return set(visible_fields(role, role in (Recipient.doctor, Recipient.nurse, Recipient.psychiatric_nurse)))


# -- calendars ------------------------------------------------------------------------------------------
def test_calendar_properties_equal_the_allow_list_of_the_role(world):
    scenario, plan = world
    files = calendars(scenario, plan)
    seen: dict[Recipient, set[Field]] = {}
    for name, data in files.items():
        assert set(icstools.parse(data)) <= icstools.CALENDAR_PROPERTIES
        for ev in icstools.events(data):
            extra = {p for p in ev if not p.startswith("X-BV-")} - icstools.EVENT_PROPERTIES
            assert not extra, (name, extra)
            if name == "V-1.ics":
                role = Recipient.dvo
            elif "X-BV-ROLE" in ev:
                role = RECIPIENT_BY_LABEL[icstools.text(ev, "X-BV-ROLE")]
            else:
                assert str(ev["SUMMARY"]).startswith("Rusttijd") and not icstools.xbv_fields(ev)
                continue
            fields = icstools.xbv_fields(ev)
            assert fields <= set(ALLOW_LISTS[role]), (name, fields - set(ALLOW_LISTS[role]))
            seen.setdefault(role, set()).update(fields)
    assert set(seen) == set(Recipient)
    for role, fields in seen.items():
        assert fields == _shown(role), role


def test_no_marker_in_a_calendar_that_may_not_see_it(world):
    scenario, plan = world
    files = calendars(scenario, plan)
    for name, data in files.items():
        role = "dvo" if name == "V-1.ics" else name.removeprefix("S-").removesuffix(".ics")
        text = icstools.unfold(data)
        _assert_markers(text + name, role, name)
        assert marker("pseudonym") in text
        medical = role in ("doctor", "nurse", "psychiatric_nurse")
        assert (marker("facility") in text) == medical
        assert (marker("name") in text) == (role != "dvo")


# -- transport orders -----------------------------------------------------------------------------------------
def test_transport_columns_equal_the_dvo_allow_list(world):
    scenario, plan = world
    (name, data), = transport_orders_csv(scenario, plan).items()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert [FIELD_BY_LABEL[h] for h in rows[0]] == list(ALLOW_LISTS[Recipient.dvo])
    assert len(rows) == 2
    _assert_markers(data.decode("utf-8") + name, "dvo", name)
    assert marker("pseudonym") in data.decode("utf-8")
    (xname, xdata), = transport_orders_xlsx(scenario, plan).items()
    ws = load_workbook(io.BytesIO(xdata)).active
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    assert [FIELD_BY_LABEL[h] for h in cells[0]] == list(ALLOW_LISTS[Recipient.dvo])
    _assert_markers(" ".join(str(v) for row in cells for v in row) + xname, "dvo", xname)


# -- handover sheets ---------------------------------------------------------------------------------------
class _Fields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key == "data-field":
                self.fields.add(value)


def test_handover_sheet_fields_equal_the_allow_list_of_the_role(world):
    scenario, plan = world
    sheets = handover_sheets(scenario, plan)
    assert len(sheets) == len(ROLES) + 1
    for name, html in sheets.items():
        role = Recipient(name.removesuffix(".html").rsplit("-", 1)[1])
        parser = _Fields()
        parser.feed(html)
        assert {Field(f) for f in parser.fields} == _shown(role), name
        _assert_markers(html + name, role.value, name)
        assert (marker("facility") in html) == (role in (Recipient.doctor, Recipient.nurse,
                                                         Recipient.psychiatric_nurse))


def test_the_download_bundle_leaks_nothing_either(world):
    scenario, plan = world
    bundle = zipfile.ZipFile(io.BytesIO(export_zip(scenario, plan)))
    names = bundle.namelist()
    assert {n.split("/")[0] for n in names} == {"kalenders", "vervoer", "overdracht"}
    for name in names:
        for mark in ALL_MARKERS:
            if mark != marker("pseudonym"):
                assert mark.lower() not in name.lower(), name
        if name.endswith((".ics", ".csv", ".html")):
            text = bundle.read(name).decode("utf-8")
            assert marker("nationality") not in text and marker("x_diagnosis") not in text
            assert marker("x_v_number") not in text and marker("email") not in text
