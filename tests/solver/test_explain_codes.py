"""One vocabulary: the explanation families and what-if kinds name checker rule codes."""

from models.rules import RULES
from solver.explain import FAMILIES, WHATIF_CODES, Reason, reason_code
from solver.explain.codes import FAMILY_CODES, ITINERARY_KIND_CODES, STAFF_KIND_CODES, VEHICLE_KIND_CODES

CHECKER = {r.code for r in RULES}


def _known(code: str) -> bool:
    return code in CHECKER or code.startswith("static.")


def test_every_table_names_checker_or_static_codes():
    for table in (FAMILY_CODES, STAFF_KIND_CODES, VEHICLE_KIND_CODES, ITINERARY_KIND_CODES, WHATIF_CODES):
        assert all(_known(code) for code in table.values()), table


def test_every_family_has_a_code():
    assert set(FAMILY_CODES) == set(FAMILIES)


def test_data_refines_the_code():
    assert reason_code("staff", {"staff": {"S-1": "unavailable"}}) == "rule7.unavailable"
    assert reason_code("staff", {"role": "kmar", "needed": 2, "holders": []}) == "static.too_few_staff"
    assert reason_code("vehicle", {"vehicles": {"V-1": ["size"]}}) == "rule5.seats"
    assert reason_code("itinerary", {"kind": "night"}) == "rule9.night_connection"
    assert reason_code("documents", {"case": "BV-1"}) == "rule1.document_missing"
    assert Reason("seats", "nl", "en", {}).code == "rule3.seats"
