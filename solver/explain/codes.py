"""One vocabulary: explanation families and what-if kinds as the checker's rule codes.

A `Reason` carries a family (how it is worded) and, through `reason_code`, the code of the rule
that blocks: a `models.rules.RULES` code, or a `static.*` code for blockers no plan can break (no
vehicle in the scenario, too few holders of a role, the solver's own limits)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from solver.rules.ground import CODE_OF as GROUND_CODE_OF

FAMILY_CODES: Mapping[str, str] = {
    "documents": "rule1.document_validity",
    "fit_to_fly": "rule1.fit_validity",
    "deadline": "rule1.deadline",
    "itinerary": "static.itinerary",
    "care": "rule6.missing",
    "seats": "rule3.seats",
    "forced": "rule3.forced",
    "stretcher": "rule3.stretcher",
    "vehicle": "rule5.overlap",
    "staff": "rule7.overlap",
    "same_gender": "rule4.same_gender",
    "excluded_country": "rule4.excluded_country",
    "lock": "rule8.lock_unplanned",
    "fits": "static.fits",
    "other": "static.other",
}
"""Each explanation family's code when its data names nothing finer."""

STAFF_KIND_CODES: Mapping[str, str] = {"busy": "rule7.overlap", "unavailable": "rule7.unavailable",
                                       "max_trips": "rule7.max_trips"}
VEHICLE_KIND_CODES: Mapping[str, str] = {"busy": "rule5.overlap", "unavailable": "rule5.availability",
                                         "size": "rule5.seats"}
ITINERARY_KIND_CODES: Mapping[str, str] = {
    **GROUND_CODE_OF, "airport_wait": "rule9.airport_wait", "duty": "rule10.outbound_duty",
    "return_duty": "rule10.return_duty", "returns_rest": "rule10.rest_abroad", "locked_flights": "rule8.lock_flights",
    "care": "rule6.missing", "returns": "rule7.return_late", "notice": "rule1.notice", "pickup": "rule5.pickup_window",
    "dates": "rule1.fit_validity", "max_legs": "rule2.max_legs", "stretcher": "rule2.stretcher_leg",
    "oxygen": "rule2.oxygen_leg", "medif": "rule2.medif", "seats": "rule3.seats", "no_connection": "static.itinerary",
    "none": "static.itinerary", "report": "static.report",
}
"""The index's kinds of "no option" (`solver.no_options`) and the rule-9/10 limits, as codes."""

WHATIF_CODES: Mapping[str, str] = {
    "confirm_care": "rule6.unconfirmed",
    "release_lock": "rule8.lock_unplanned",
    "extra_seats": "rule3.seats",
    "extra_forced": "rule3.forced",
    "fit_to_fly_status": "rule1.fit_status",
    "extend_fit_to_fly": "rule1.fit_validity",
    "extend_document": "rule1.document_validity",
    "move_deadline": "rule1.deadline",
    "issue_document": "rule1.document_missing",
    "extra_vehicle": "rule5.overlap",
    "extra_staff": "rule7.overlap",
}
"""The rule each what-if kind (`planner.whatif`) relaxes."""


def _first_kind(kinds: Any, table: Mapping[str, str]) -> str | None:
    """The code of the first kind named in `kinds` (a str, or a dict/list of them, nested once)."""
    found: list[str] = []
    for value in (kinds.values() if isinstance(kinds, dict) else kinds if isinstance(kinds, list) else [kinds]):
        found += value if isinstance(value, list) else [value]
    return next((table[k] for k in table if k in found), None)


def reason_code(family: str, data: Mapping[str, Any]) -> str:
    """The rule code of a reason of `family` with `data` (finer where the data says which limit)."""
    if family == "documents":
        return "rule1.document_validity" if "valid_from" in data else "rule1.document_missing"
    if family == "fit_to_fly":
        return "rule1.fit_status" if "status" in data else "rule1.fit_validity"
    if family == "staff":
        if "staff" not in data:
            return "static.too_few_staff"
        return _first_kind(data["staff"], STAFF_KIND_CODES) or FAMILY_CODES["staff"]
    if family == "vehicle":
        if "vehicles" not in data:
            return "static.no_vehicle"
        return _first_kind(data["vehicles"], VEHICLE_KIND_CODES) or FAMILY_CODES["vehicle"]
    if family == "itinerary":
        return ITINERARY_KIND_CODES.get(str(data.get("kind")), FAMILY_CODES["itinerary"])
    return FAMILY_CODES.get(family, "static.other")
