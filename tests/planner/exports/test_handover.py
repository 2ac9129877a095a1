"""Handover sheets: printable, escaped, Dutch, one variant per recipient role."""

from __future__ import annotations

from html.parser import HTMLParser

from planner.exports import Recipient, handover_sheets
from tests.builders import build, build_plan, plan_dict, scenario_dict
from tests.planner.exports.fixtures import dst_plan_dict, dst_scenario_dict, marker_plan_dict, marker_scenario_dict


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def _scan(html: str) -> _Scan:
    parser = _Scan()
    parser.feed(html)
    return parser


def test_one_sheet_per_trip_and_recipient_role():
    sheets = handover_sheets(build(dst_scenario_dict()), build_plan(dst_plan_dict()))
    roles = sorted(name.removesuffix(".html").rsplit("-", 1)[1] for name in sheets)
    # Trip 1: KMar + DV&O; trip 2: nurse, coordinator + DV&O.
    assert roles == sorted(["kmar", "dvo", "nurse", "coordinator", "dvo"])
    assert all(name.startswith(("overdracht-2026-10-25-bv-2026-0901-", "overdracht-2027-03-27-bv-2027-0113-"))
               for name in sheets)
    only = handover_sheets(build(dst_scenario_dict()), build_plan(dst_plan_dict()), ["dvo"])
    assert len(only) == 2 and all(name.endswith("-dvo.html") for name in only)


def test_a_printable_dutch_document_that_loads_nothing():
    sheets = handover_sheets(build(scenario_dict()), build_plan(plan_dict()))
    html = next(v for k, v in sheets.items() if k.endswith("-kmar.html"))
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert "@page" in html and "@media print" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    scan = _scan(html)
    assert not {"script", "img", "link", "iframe", "form", "a"} & set(scan.tags)
    words = " ".join(scan.text)
    for label in ("Overdrachtsformulier", "Begeleider", "Vlucht", "Terugvlucht", "Overdrachten", "Aftekenen",
                  "Ophaallocatie", "Meldtijd", "KMar-escort"):
        assert label in words, label
    # KMar sees the operational flags, and the reception because it performs this trip's handover.
    assert "Reisvoorwaarden" in words and 'data-field="medical_escort"' in html
    assert 'data-field="receiving_facility"' in html


def test_medical_variant_shows_conditions_and_the_receiving_facility():
    scenario, plan = build(marker_scenario_dict()), build_plan(marker_plan_dict())
    sheets = handover_sheets(scenario, plan)
    nurse = next(v for k, v in sheets.items() if k.endswith("-nurse.html"))
    kmar = next(v for k, v in sheets.items() if k.endswith("-kmar.html"))
    dvo = next(v for k, v in sheets.items() if k.endswith("-dvo.html"))
    for label in ("Reisvoorwaarden", "Rolstoel", "Zuurstof", "Opvang", "MARKFACILITYX"):
        assert label in nurse
    assert "WCHC" in nurse and "WCHC" in dvo and "WCHC" in kmar  # operational flags for everyone on the trip
    assert "Zuurstof" in dvo and "Medische begeleiding aan boord" in dvo and "MARKFACILITYX" not in dvo
    assert "MARKFACILITYX" not in kmar  # the medical escorts hand over on this trip, not KMar
    assert "MARKNAMEX" in kmar and "MARKNAMEX" not in dvo
    assert "Aantal begeleiders" in dvo


def test_every_value_is_escaped():
    scn = scenario_dict()
    scn["cases"][0]["pseudonym"] = '<script>alert("x")</script>" onmouseover="x'
    scn["staff"][0]["name"] = "<img src=x onerror=alert(1)>"
    scn["locations"][3]["name"] = "A & B </td><td>"
    scn["vehicles"][0]["name"] = "<b>bus</b>"
    sheets = handover_sheets(build(scn), build_plan(plan_dict()))
    for html in sheets.values():
        scan = _scan(html)
        assert "script" not in scan.tags and "img" not in scan.tags and "b" not in scan.tags
        assert not any(k.startswith("on") for k, _ in scan.attrs)
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot; onmouseover=&quot;x" in html
        assert "A &amp; B &lt;/td&gt;&lt;td&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in next(v for k, v in sheets.items() if k.endswith("kmar.html"))


def test_recipient_roles_are_the_escort_roles_plus_dvo():
    scenario, plan = build(marker_scenario_dict()), build_plan(marker_plan_dict())
    roles = {name.removesuffix(".html").rsplit("-", 1)[1] for name in handover_sheets(scenario, plan)}
    assert roles == {r.value for r in Recipient}
