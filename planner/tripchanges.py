"""What changed in a re-plan, trip by trip, and why: the `replan` / `solve --previous` report.

Every trip of the previous plan whose cases are disrupted (revision 2 of the contract: outbound legs,
vehicle, escort staff or any escort's return legs changed, or no longer planned) is listed with what
changed and why: *hit* when an event touched something the trip used (a cancelled leg on its way out
or back, an escort or its vehicle out of service, a change to one of its cases), otherwise
*collateral*, with the cases that now use what it gave up (a seat on its legs, its escorts, its
vehicle) and whether the move was needed: the solver proved (its disruption phase ended optimal) that
no plan of the same planned priority, among the options it considered, changes fewer cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models import Plan, Scenario, Trip, disruption
from models.rules import disrupted_cases
from planner.events import Event
from planner.texts import case_label, t

CASE_EVENTS = ("fit_to_fly", "care_window", "confirm_care")


@dataclass
class TripChange:
    """One trip of the previous plan that changed."""

    cases: tuple[str, ...]
    what: list[str] = field(default_factory=list)
    """Keys among outbound, vehicle, escorts, returns, dropped (planner/texts.py "what.*")."""
    hit_by: list[str] = field(default_factory=list)
    """The texts of the events that touched it; empty for a collateral change."""
    made_room_for: list[str] = field(default_factory=list)
    """Collateral only: cases of the new plan that now use a leg, escort or vehicle it had."""
    gave_up: list[tuple[str, str]] = field(default_factory=list)
    """Collateral only: what those cases took from it, as (kind, id) with kind escort, vehicle or leg."""


def _hit_by(old: Trip, events: list[Event]) -> list[str]:
    legs = set(old.outbound) | {leg for e in old.escorts for leg in e.return_}
    staff = {e.staff for e in old.escorts}
    hits = []
    for event in events:
        first = event.args[0] if event.args else None
        if ((event.kind == "cancel_flight" and first in legs)
                or (event.kind == "staff_unavailable" and first in staff)
                or (event.kind == "vehicle_unavailable" and first == old.vehicle)
                or (event.kind in CASE_EVENTS and first in old.cases)):
            hits.append(event.text)
    return hits


def _room_for(old: Trip, plan: Plan, changed_cases: set[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Cases of the new plan, outside this trip, that use a leg, escort or vehicle the old trip used
    and did not use it in the same way before (new cases, or cases that changed too), and what of the
    old trip they use: (kind, id) pairs, escorts first, then the vehicle, then legs."""
    legs = set(old.outbound) | {leg for e in old.escorts for leg in e.return_}
    staff = {e.staff for e in old.escorts}
    cases: set[str] = set()
    took: set[tuple[str, str]] = set()
    for trip in plan.trips:
        if set(trip.cases) & set(old.cases):
            continue
        if not set(trip.cases) & changed_cases:
            continue
        uses = set(trip.outbound) | {leg for e in trip.escorts for leg in e.return_}
        found = ({("escort", s) for s in staff & {e.staff for e in trip.escorts}}
                 | ({("vehicle", trip.vehicle)} if trip.vehicle == old.vehicle else set())
                 | {("leg", leg) for leg in uses & legs})
        if found:
            cases.update(trip.cases)
            took |= found
    order = {"escort": 0, "vehicle": 1, "leg": 2}
    return sorted(cases), sorted(took, key=lambda kind_id: (order[kind_id[0]], kind_id[1]))


def least_disruption_proven(plan: Plan) -> bool:
    """Whether the solver proved this plan's disruption the least at its planned priority (its
    priority+disruption phase ended optimal; solver/cpsat.py reports it as the "disruption" phase)."""
    phases = plan.solver.get("phases") or []
    return any(p.get("phase") == "disruption" and p.get("status") == "optimal" for p in phases
               if isinstance(p, dict))


def trip_changes(scenario: Scenario, plan: Plan, previous: Plan, events: list[Event] | None = None) -> list[TripChange]:
    """Every trip of `previous` with a disrupted case, with what changed and why."""
    events = list(events or [])
    disrupted = set(disrupted_cases(scenario, plan, previous))
    before_cases = {c for trip in previous.trips for c in trip.cases}
    new_or_changed = disrupted | {c for trip in plan.trips for c in trip.cases if c not in before_cases}
    now = {c: trip for trip in plan.trips for c in trip.cases}
    out = []
    for old in previous.trips:
        if not set(old.cases) & disrupted:
            continue
        news = {id(now[c]): now[c] for c in old.cases if c in now}
        new = next(iter(news.values())) if len(news) == 1 else None
        what = disruption.trip_changes(old, new)
        if len(news) > 1:  # the group was split: every part counts as changed
            what = ["outbound", "vehicle", "escorts", "returns"]
        change = TripChange(tuple(old.cases), what or ["outbound"], _hit_by(old, events))
        if not change.hit_by:
            change.made_room_for, change.gave_up = _room_for(old, plan, new_or_changed - set(old.cases))
        out.append(change)
    return out


def changes_text(scenario: Scenario, plan: Plan, previous: Plan, events: list[Event], lang: str = "nl") -> str:
    """The events, then every changed trip with what and why, then the dropped and added cases."""
    lines = [t("events", lang, n=len(events), list="; ".join(e.text for e in events) or "-")]
    changes = trip_changes(scenario, plan, previous, events)
    lines.append(t("changed", lang, n=len(changes)) if changes else t("changed.none", lang))
    needed = t("why.needed" if least_disruption_proven(plan) else "why.needed_unproven", lang)
    for change in changes:
        what = ", ".join(t(f"what.{w}", lang) for w in change.what)
        if change.hit_by:
            why = t("why.hit", lang, event="; ".join(change.hit_by))
        elif change.made_room_for:
            took = ", ".join(t(f"took.{kind}", lang, id=ident) for kind, ident in change.gave_up)
            why = t("why.collateral", lang, cases=", ".join(case_label(scenario, c) for c in change.made_room_for),
                    took=took, needed=needed)
        else:
            why = t("why.collateral_none", lang)
        lines.append(t("changed.trip", lang, cases=", ".join(case_label(scenario, c) for c in change.cases),
                       what=what, why=why))
    before = {c for trip in previous.trips for c in trip.cases}
    after = {c for trip in plan.trips for c in trip.cases}
    for key, ids in (("dropped", sorted(before - after)), ("added", sorted(after - before))):
        shown = ": " + ", ".join(case_label(scenario, c) for c in ids) if ids else ""
        lines.append(t(key, lang, n=len(ids), list=shown))
    return "\n".join(lines)


__all__ = ["TripChange", "changes_text", "least_disruption_proven", "trip_changes"]
