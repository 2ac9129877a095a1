"""One `static_reasons`: the cheap form every solve uses and the searching form of the explanation."""

from __future__ import annotations

from solver import SolveParams
from solver.explain.own_data import static_reasons
from solver.index import build_index
from tests.builders import build, scenario_dict

PARAMS = SolveParams(time_limit_s=5, workers=1, seed=0)


def _unit(scn: dict):
    ix = build_index(build(scn), PARAMS)
    return ix, ix.units[0]


def test_a_unit_that_fits_has_no_static_reasons():
    ix, unit = _unit(scenario_dict())
    assert unit.options
    assert static_reasons(ix, unit) == [] == static_reasons(ix, unit, search=False)


def test_without_a_travel_document_both_forms_name_it():
    scn = scenario_dict()
    scn["cases"][0]["travel_document"] = None
    ix, unit = _unit(scn)
    assert not unit.options
    cheap = static_reasons(ix, unit, search=False)
    assert [r.text_en for r in cheap] == unit.blockers and cheap[0].code == "rule1.document_missing"
    searched = static_reasons(ix, unit, PARAMS)
    assert searched and all(r.text_nl and r.text_en for r in searched)


def test_too_few_eligible_staff_is_a_unit_gap_in_both_languages():
    scn = scenario_dict()
    scn["staff"] = scn["staff"][:1]  # BV-1 needs two KMar escorts, one is on file
    ix, unit = _unit(scn)
    reasons = static_reasons(ix, unit, search=False)
    assert [r.text_en for r in reasons] == ["too few staff holding role KMar escort: needs 2, 1 eligible"]
    assert all(r.text_nl != r.text_en for r in reasons)
