"""What happened since the last plan, as immutable operations on a scenario.

Every operation takes a `Scenario` and returns a new, fully validated one (dump to the file
format, edit the dict, validate again), so an event can never leave a scenario the solver or the
rule checker would reject. Unknown ids raise `models.InputError` naming the event and the id.

The same operations back the CLI (`bv-planner event`, `bv-planner replan`) and the web planner:
build `Event` objects (or parse CLI-style arguments with `parse_event_args`) and call
`apply_events`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from models import InputError, Scenario, read_json
from models.case import FitStatus
from planner.case_events import OPERATIONS as _DESK_OPERATIONS
from planner.scenario_edit import _aware, _dump, _find, _iso, _validated

Window = tuple[datetime, datetime]


# -- helpers -----------------------------------------------------------------------
def _window(start: datetime, end: datetime, source: str) -> Window:
    _aware(start, source, "from")
    _aware(end, source, "to")
    if end <= start:
        raise InputError(source, [("to", f"window end {end.isoformat()} must be after its start {start.isoformat()}")])
    return start, end


# -- the operations ------------------------------------------------------------------
def cancel_flight(scenario: Scenario, flight_id: str) -> Scenario:
    """The leg is gone: remove it, and drop the locks and forbids that name it."""
    source = f"event cancel-flight {flight_id}"
    data = _dump(scenario)
    _find(data["flights"], flight_id, "flights", "flight", source)
    data["flights"] = [f for f in data["flights"] if f["id"] != flight_id]
    data["locks"] = [lk for lk in data.get("locks") or [] if flight_id not in (lk.get("flights") or [])]
    data["forbids"] = [fb for fb in data.get("forbids") or [] if fb.get("flight") != flight_id]
    return _validated(data, source)


def staff_unavailable(scenario: Scenario, staff_id: str, start: datetime, end: datetime) -> Scenario:
    """A staff member cannot work in [start, end] (sick, leave): add it to `unavailable`."""
    source = f"event staff-unavailable {staff_id}"
    start, end = _window(start, end, source)
    data = _dump(scenario)
    person = _find(data["staff"], staff_id, "staff", "staff member", source)
    person["unavailable"] = list(person.get("unavailable") or []) + [{"from": _iso(start), "to": _iso(end)}]
    return _validated(data, source)


def cut_windows(windows: Iterable[Window], start: datetime, end: datetime) -> list[Window]:
    """`windows` minus [start, end]; pieces that become empty disappear."""
    out: list[Window] = []
    for a, b in windows:
        if end <= a or b <= start:
            out.append((a, b))
            continue
        if a < start:
            out.append((a, start))
        if end < b:
            out.append((end, b))
    return out


def vehicle_unavailable(scenario: Scenario, vehicle_id: str, start: datetime, end: datetime) -> Scenario:
    """A vehicle is out of service in [start, end]: cut that out of its `available` windows."""
    source = f"event vehicle-unavailable {vehicle_id}"
    start, end = _window(start, end, source)
    vehicle = scenario.vehicle_by_id.get(vehicle_id)
    data = _dump(scenario)
    raw = _find(data["vehicles"], vehicle_id, "vehicles", "vehicle", source)
    assert vehicle is not None
    pieces = cut_windows(((w.from_, w.to) for w in vehicle.available), start, end)
    raw["available"] = [{"from": _iso(a), "to": _iso(b)} for a, b in pieces]
    return _validated(data, source)


def set_fit_to_fly(scenario: Scenario, case_id: str, status: str | FitStatus,
                   valid_from: date | None = None, valid_until: date | None = None) -> Scenario:
    """A new BMA decision: status, and optionally a new validity period."""
    source = f"event fit-to-fly {case_id}"
    try:
        status = FitStatus(status)
    except ValueError:
        raise InputError(source, [("status", f"unknown fit-to-fly status {status!r} "
                                             f"(one of {', '.join(s.value for s in FitStatus)})")]) from None
    data = _dump(scenario)
    case = _find(data["cases"], case_id, "cases", "case", source)
    ftf = case["fit_to_fly"]
    ftf["status"] = status.value
    if valid_from is not None:
        ftf["valid_from"] = valid_from.isoformat()
    if valid_until is not None:
        ftf["valid_until"] = valid_until.isoformat()
    return _validated(data, source)


def set_care_window(scenario: Scenario, case_id: str, option_id: str, windows: Sequence[Window] | None = None,
                    confirmed: bool | None = None) -> Scenario:
    """A care facility changed when it can receive (`windows` replace the old ones) or confirmed."""
    source = f"event care-window {case_id} {option_id}"
    data = _dump(scenario)
    case = _find(data["cases"], case_id, "cases", "case", source)
    option = _find(case["care"]["options"], option_id, f"cases[{case_id}].care.options", "care option", source)
    if windows is not None:
        checked = [_window(a, b, source) for a, b in windows]
        option["windows"] = [{"from": _iso(a), "to": _iso(b)} for a, b in checked]
    if confirmed is not None:
        option["confirmed"] = bool(confirmed)
    return _validated(data, source)


def add_case(scenario: Scenario, case: dict[str, Any]) -> Scenario:
    """A new case (a `case` object of the scenario format) joins the planning."""
    source = f"event add-case {case.get('id', '?') if isinstance(case, dict) else '?'}"
    if not isinstance(case, dict):
        raise InputError(source, [("", "a case must be a JSON object")])
    if isinstance(case.get("id"), str) and case["id"] in scenario.case_by_id:
        raise InputError(source, [("id", f"case {case['id']!r} already exists")])
    data = _dump(scenario)
    data["cases"].append(copy.deepcopy(case))
    return _validated(data, source)


def advance_clock(scenario: Scenario, new_start: datetime) -> Scenario:
    """Time moved on: `planning_start` becomes `new_start` (never backwards)."""
    source = "event now"
    _aware(new_start, source, "planning_start")
    if new_start < scenario.planning_start:
        raise InputError(source, [("planning_start", f"{new_start.isoformat()} is before the current planning start "
                                                     f"{scenario.planning_start.isoformat()}")])
    data = _dump(scenario)
    data["planning_start"] = _iso(new_start)
    return _validated(data, source)


# -- events as values ------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    """One event: `kind` names the operation, `apply` runs it, `text` says it in words."""

    kind: str
    args: tuple = ()
    options: dict[str, Any] = field(default_factory=dict)

    def apply(self, scenario: Scenario) -> Scenario:
        op = OPERATIONS[self.kind]
        return op(scenario, *self.args, **self.options)

    @property
    def text(self) -> str:
        def show(value: Any) -> str:
            if isinstance(value, (datetime, date)):
                return value.isoformat()
            if isinstance(value, (list, tuple)):
                return "[" + ", ".join(show(v) for v in value) + "]"
            if isinstance(value, dict):
                return str(value.get("id", "{...}"))
            return str(value)

        parts = [show(a) for a in self.args] + [f"{k}={show(v)}" for k, v in self.options.items() if v is not None]
        return f"{self.kind.replace('_', '-')} " + " ".join(parts)


OPERATIONS: dict[str, Callable[..., Scenario]] = {
    "cancel_flight": cancel_flight,
    "staff_unavailable": staff_unavailable,
    "vehicle_unavailable": vehicle_unavailable,
    "fit_to_fly": set_fit_to_fly,
    "care_window": set_care_window,
    "add_case": add_case,
    "now": advance_clock,
}


def apply_events(scenario: Scenario, events: Iterable[Event]) -> Scenario:
    """Apply events in order; each sees the scenario the previous one left."""
    for event in events:
        scenario = event.apply(scenario)
    return scenario


# -- CLI syntax -------------------------------------------------------------------------
EVENT_FLAGS: dict[str, tuple[str, str, str]] = {
    # flag: (kind, metavar shown in --help, help)
    "--cancel-flight": ("cancel_flight", "ID", "a flight leg is cancelled"),
    "--staff-unavailable": ("staff_unavailable", "ID FROM TO", "a staff member cannot work FROM..TO"),
    "--vehicle-unavailable": ("vehicle_unavailable", "ID FROM TO", "a vehicle is out of service FROM..TO"),
    "--fit-to-fly": ("fit_to_fly", "CASE STATUS [FROM UNTIL]", "new fit-to-fly status (and validity dates)"),
    "--care-window": ("care_window", "CASE OPTION FROM TO [confirmed|unconfirmed]",
                      "a care option now receives FROM..TO (replaces its windows)"),
    "--confirm-care": ("confirm_care", "CASE OPTION", "a care facility confirmed"),
    "--add-case": ("add_case", "FILE", "add the case(s) in a JSON file (one case object or a list)"),
    "--now": ("now", "DATETIME", "move planning_start to DATETIME"),
}
"""Event options, repeatable and applied in the order given. FROM/TO are ISO datetimes with an
offset, or dates: a date FROM is the start of that day and a date TO the end of that day, in the
time zone of the staff member's base, the vehicle's depot or the care option's airport."""


def parse_moment(text: str, tz: ZoneInfo, *, end: bool, source: str, path: str) -> datetime:
    """An ISO datetime with offset, or a date (start of day, or end of day when `end`)."""
    text = text.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            if end and day == date.max:  # "until 9999-12-31": the last moment of the calendar
                return datetime.combine(day, time(23, 59), tzinfo=tz)
            return datetime.combine(day + timedelta(days=1) if end else day, time(0, 0), tzinfo=tz)
        return _aware(datetime.fromisoformat(text), source, path)
    except ValueError:
        problem = f"expected a date YYYY-MM-DD or a datetime with offset, got {text!r}"
        raise InputError(source, [(path, problem)]) from None


def _parse_date(text: str, source: str, path: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(source, [(path, f"expected a date YYYY-MM-DD, got {text!r}")]) from None


def _zone_of(scenario: Scenario, location_id: str | None) -> ZoneInfo:
    loc = scenario.location_by_id.get(location_id) if location_id else None
    return loc.zone if loc is not None else ZoneInfo("Europe/Amsterdam")


def event_from_args(scenario: Scenario, flag: str, values: Sequence[str]) -> Event:
    """One CLI event option and its values as an `Event`, ids checked against `scenario`."""
    kind = EVENT_FLAGS[flag][0]
    source = f"event {flag}"
    values = list(values)

    def count(*allowed: int) -> None:
        if len(values) not in allowed:
            got = f"got {len(values)} value(s): {' '.join(values)}"
            raise InputError(source, [("", f"expects {EVENT_FLAGS[flag][1]}, {got}")])

    if kind in ("fit_to_fly", "care_window", "confirm_care") and values:
        from planner.texts import resolve_case  # a case by id or by pseudonym, as everywhere

        values[0] = resolve_case(scenario, values[0]) or values[0]
    if kind == "cancel_flight":
        count(1)
        return Event(kind, (values[0],))
    if kind in ("staff_unavailable", "vehicle_unavailable"):
        count(3)
        ident = values[0]
        if kind == "staff_unavailable":
            person = scenario.staff_by_id.get(ident)
            tz = _zone_of(scenario, person.base if person else None)
        else:
            vehicle = scenario.vehicle_by_id.get(ident)
            tz = _zone_of(scenario, vehicle.depot if vehicle else None)
        start = parse_moment(values[1], tz, end=False, source=source, path="FROM")
        stop = parse_moment(values[2], tz, end=True, source=source, path="TO")
        return Event(kind, (ident, start, stop))
    if kind == "fit_to_fly":
        count(2, 4)
        opts = {}
        if len(values) == 4:
            opts = {"valid_from": _parse_date(values[2], source, "FROM"),
                    "valid_until": _parse_date(values[3], source, "UNTIL")}
        return Event(kind, (values[0], values[1]), opts)
    if kind == "care_window":
        count(4, 5)
        case = scenario.case_by_id.get(values[0])
        option = next((o for o in case.care.options if o.id == values[1]), None) if case else None
        tz = _zone_of(scenario, option.airport if option else case.location if case else None)
        start = parse_moment(values[2], tz, end=False, source=source, path="FROM")
        stop = parse_moment(values[3], tz, end=True, source=source, path="TO")
        confirmed = None
        if len(values) == 5:
            word = values[4].lower()
            if word not in ("confirmed", "unconfirmed"):
                raise InputError(source, [("", f"last value must be 'confirmed' or 'unconfirmed', got {values[4]!r}")])
            confirmed = word == "confirmed"
        return Event(kind, (values[0], values[1]), {"windows": ((start, stop),), "confirmed": confirmed})
    if kind == "confirm_care":
        count(2)
        return Event("care_window", (values[0], values[1]), {"confirmed": True})
    if kind == "add_case":
        count(1)
        loaded = read_json(Path(values[0]))  # strict JSON, like every scenario file
        cases = loaded if isinstance(loaded, list) else [loaded]
        if len(cases) == 1:
            return Event(kind, (cases[0],))
        return Event("add_cases", (tuple(cases),))
    if kind == "now":
        count(1)
        return Event(kind, (parse_moment(values[0], ZoneInfo("UTC"), end=False, source=source, path="DATETIME"),))
    raise InputError(source, [("", f"unknown event {flag}")])  # pragma: no cover - flags are fixed


def _add_cases(scenario: Scenario, cases: Sequence[dict[str, Any]]) -> Scenario:
    for case in cases:
        scenario = add_case(scenario, case)
    return scenario


OPERATIONS["add_cases"] = _add_cases


def parse_event_args(scenario: Scenario, raw: Sequence[tuple[str, Sequence[str]]]) -> list[Event]:
    """`[(flag, values), ...]` in command-line order (as collected by `add_event_arguments`)."""
    return [event_from_args(scenario, flag, values) for flag, values in raw]


def events_from_args(scenario: Scenario, raw: Sequence[tuple[str, Sequence[str]]]) -> tuple[Scenario, list[Event]]:
    """Parse and apply one by one, so a later event may name what an earlier one added."""
    events = []
    for flag, values in raw:
        event = event_from_args(scenario, flag, values)
        scenario = event.apply(scenario)
        events.append(event)
    return scenario, events


__all__ = [
    "EVENT_FLAGS", "Event", "OPERATIONS", "add_case", "advance_clock", "apply_events",
    "cancel_flight", "cut_windows", "event_from_args", "events_from_args", "parse_event_args", "parse_moment",
    "set_care_window", "set_fit_to_fly", "staff_unavailable", "vehicle_unavailable",
]

OPERATIONS.update(_DESK_OPERATIONS)  # retime and case events (issue 11)
