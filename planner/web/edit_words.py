"""A pending edit in words, before it is saved: "Zaak BV-2026-0007: vlucht KL1234 di 15-12 10:35 vastzetten".

Names and local times, never raw ids alone, so the coordinator reads what will change. Also the
audit words of a deliberate deviation ("bewust afgeweken") from the rules.
"""

from __future__ import annotations

from collections.abc import Iterable

from models import Scenario, Trip
from models.rules import Violation
from planner.web.actions import DEVIATION
from planner.web.diff import local_moment
from planner.web.edits import Allow, Edit, ForbidPair, MoveItinerary, Pin, SwapEscort, Unpin
from planner.web.i18n import t
from planner.web.workspace import View


def flight_words(s: Scenario, flight_id: str, lang: str) -> str:
    """'KL1234 di 15-12 10:35' in the departure airport's local time."""
    flight = s.flight_by_id.get(flight_id)
    if flight is None:
        return flight_id
    return f"{flight.code} {local_moment(flight.departure, s.location_by_id[flight.from_].zone, lang)}"


def legs_words(s: Scenario, ids: Iterable[str], lang: str) -> str:
    return " + ".join(flight_words(s, x, lang) for x in ids)


def staff_words(s: Scenario, staff_id: str) -> str:
    person = s.staff_by_id.get(staff_id)
    return f"{person.name} ({staff_id})" if person is not None else staff_id


def target_words(s: Scenario, kind: str, target: str, lang: str) -> str:
    """'vlucht KL1234 di 15-12 10:35', 'begeleider Jan (S01)', 'voertuig Bus 1'."""
    if kind == "flight":
        what = flight_words(s, target, lang)
    elif kind == "staff":
        what = staff_words(s, target)
    else:
        vehicle = s.vehicle_by_id.get(target)
        what = vehicle.name if vehicle is not None else target
    return f"{t('edw.' + kind, lang)} {what}"


def _pin_parts(s: Scenario, trip: Trip | None, edit: Pin, lang: str) -> str:
    if trip is None:
        return t("edw.trip", lang)
    parts = []
    if edit.flights:
        parts.append(f"{t('edw.flight', lang)} {legs_words(s, trip.outbound, lang)}")
    if edit.staff:
        names = ", ".join(staff_words(s, e.staff) for e in trip.escorts) or t("edw.nobody", lang)
        parts.append(f"{t('edw.staff_many', lang)} {names}")
    if edit.vehicle:
        parts.append(target_words(s, "vehicle", trip.vehicle, lang))
    if edit.care and any(c in trip.care for c in edit.cases):
        parts.append(t("edw.care", lang))
    return ", ".join(parts)


def describe_edit(view: View, edit: Edit, lang: str = "nl") -> str:
    """The edit in one sentence in `lang`, e.g. 'Zaak BV-2026-0007: begeleider A vervangen door B'."""
    s = view.scenario
    cases = getattr(edit, "cases", None) or (getattr(edit, "case", ""),)
    head = t("edw.case" if len(cases) == 1 else "edw.cases", lang, cases=", ".join(cases))
    if isinstance(edit, Pin):
        body = t("edw.pin", lang, what=_pin_parts(s, view.trip_of(cases[0]), edit, lang))
    elif isinstance(edit, Unpin):
        body = t("edw.unpin", lang)
    elif isinstance(edit, ForbidPair):
        body = t("edw.forbid", lang, what=target_words(s, edit.target_kind, edit.target, lang))
    elif isinstance(edit, Allow):
        body = t("edw.allow", lang, what=target_words(s, edit.target_kind, edit.target, lang))
    elif isinstance(edit, SwapEscort):
        body = t("edw.swap", lang, old=staff_words(s, edit.old_staff), new=staff_words(s, edit.new_staff))
    elif isinstance(edit, MoveItinerary):
        body = t("edw.move", lang, what=legs_words(s, edit.outbound, lang))
    else:
        body = edit.kind
    return f"{head}: {body}"


def deviation_words(broken: Iterable[Violation]) -> str:
    """The audit's 'after' for a rule-breaking edit saved on purpose: the broken rules' stable codes
    (no names); `planner.web.actions.record_text` shows them as the rules' labels in the reader's language."""
    return DEVIATION + "; ".join(dict.fromkeys(v.rule for v in broken))


__all__ = ["describe_edit", "deviation_words", "flight_words", "target_words"]
