"""Events the coordinator records besides the CLI's: a flight retimed, and what happened to a case.

Like `planner.events`, every operation takes a `Scenario` and returns a new, validated one.
Case events (issue 11) and their effect on the planning:
- court stop / lawyer's appeal, absconded, departed: the case leaves the planning (it is taken
  out of the scenario; its locks and forbids go with it; the audit keeps the reason code);
- refused at the gate / captain refused: the departure was aborted on those legs; the case stays
  to be planned again, never on the legs that refused it (a forbid per leg).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from models import InputError, Scenario
from planner.scenario_edit import _aware, _dump, _find, _iso, _validated

LEAVES_PLANNING = ("court_stop", "appeal", "absconded", "departed")
REFUSED = ("refused_gate", "captain_refused")
CASE_EVENTS = LEAVES_PLANNING + REFUSED


def retime_flight(scenario: Scenario, flight_id: str, departure: datetime, arrival: datetime) -> Scenario:
    """The airline moved the leg: new departure and arrival (with offsets)."""
    source = f"event retime-flight {flight_id}"
    _aware(departure, source, "departure")
    _aware(arrival, source, "arrival")
    data = _dump(scenario)
    flight = _find(data["flights"], flight_id, "flights", "flight", source)
    flight["departure"], flight["arrival"] = _iso(departure), _iso(arrival)
    return _validated(data, source)


def case_event(scenario: Scenario, case_id: str, reason: str, legs: Sequence[str] = ()) -> Scenario:
    """A case event with reason code `reason` (one of CASE_EVENTS); `legs`: the legs that refused it."""
    source = f"event case {case_id} {reason}"
    if reason not in CASE_EVENTS:
        raise InputError(source, [("reason", f"unknown case event {reason!r} (one of {', '.join(CASE_EVENTS)})")])
    data = _dump(scenario)
    _find(data["cases"], case_id, "cases", "case", source)
    if reason in LEAVES_PLANNING:
        data["cases"] = [c for c in data["cases"] if c["id"] != case_id]
        data["locks"] = [lk for lk in data.get("locks") or [] if lk["case"] != case_id]
        data["forbids"] = [fb for fb in data.get("forbids") or [] if fb["case"] != case_id]
        return _validated(data, source)
    known = {f["id"] for f in data["flights"]}
    unknown = [leg for leg in legs if leg not in known]
    if unknown:
        raise InputError(source, [("legs", f"unknown flight(s) {', '.join(unknown)}")])
    data["locks"] = [lk for lk in data.get("locks") or [] if lk["case"] != case_id]
    present = {(fb["case"], fb.get("flight")) for fb in data.get("forbids") or []}
    data["forbids"] = list(data.get("forbids") or []) + [
        {"case": case_id, "flight": leg} for leg in legs if (case_id, leg) not in present]
    return _validated(data, source)


OPERATIONS: dict[str, Callable[..., Scenario]] = {"retime_flight": retime_flight, "case": case_event}
