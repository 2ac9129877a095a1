"""Rule 6, care at arrival: a case that needs care (required, or an unaccompanied minor) gets
one of its own confirmed options, at the airport it lands at, open when it gets there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from models import timeline
from models.case import CareOption, Case
from models.flight import Flight
from models.instants import plus
from models.rules.context import PlanContext, TripView
from models.rules.text import (
    trip_name,
    trip_name_nl,
    when,
    when_nl,
)
from models.rules.violation import Rule, Violation

MISSING = Rule("rule6.missing", "No care arranged", "Geen opvang geregeld")
OPTION = Rule("rule6.option", "Care option of another case", "Opvangoptie hoort niet bij deze zaak")
UNCONFIRMED = Rule("rule6.unconfirmed", "Care not confirmed", "Opvang niet bevestigd")
AIRPORT = Rule("rule6.airport", "Care reached from another airport", "Opvang vanaf een andere luchthaven")
WINDOW = Rule("rule6.window", "Care cannot receive on arrival", "Opvang kan niet ontvangen bij aankomst")
NOT_IN_TRIP = Rule("rule6.not_in_trip", "Care for a case not on this trip", "Opvang voor een zaak buiten deze reis")

RULES = (MISSING, OPTION, UNCONFIRMED, AIRPORT, WINDOW, NOT_IN_TRIP)


def care_reception(option: CareOption, last_leg: Flight) -> datetime:
    """When the person reaches the facility: last arrival + transfer."""
    return plus(last_leg.arrival, timeline.minutes(option.transfer_minutes))


def option_fits(option: CareOption, last_leg: Flight) -> bool:
    """Confirmed, reached from the arrival airport, open on reception. (Ownership checked apart.)"""
    return option.confirmed and option.airport == last_leg.to and option.receives_at(care_reception(option, last_leg))


def check(ctx: PlanContext) -> Iterator[Violation]:
    for view in ctx.trips:
        yield from _per_trip(ctx, view)


def _per_trip(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    name, name_nl = trip_name(view.trip), trip_name_nl(view.trip)
    for case_id in view.trip.care:
        if case_id not in view.trip.cases:
            yield NOT_IN_TRIP(f"{name}: care given for {case_id}, which is not on this trip", [case_id],
                              nl=f"{name_nl}: opvang opgegeven voor {case_id}, die niet op deze reis zit")
    for case in view.cases:
        option_id = view.trip.care.get(case.id)
        if option_id is None:
            if case.needs_care:
                why = "unaccompanied minor" if not case.care.required else "care required"
                why_nl = "alleenreizende minderjarige" if not case.care.required else "opvang vereist"
                yield MISSING(f"{case.id}: {why}, no care option chosen", [case.id],
                              nl=f"{case.id}: {why_nl}, geen opvangoptie gekozen")
            continue
        found = ctx.scenario.care_option_by_id.get(option_id)
        if found is None:
            continue  # coverage reports the unknown option
        owner, option = found
        if owner.id != case.id:
            yield OPTION(f"{case.id}: care option {option_id} belongs to {owner.id}", [case.id],
                         nl=f"{case.id}: opvangoptie {option_id} hoort bij {owner.id}")
            continue
        if view.outbound is not None:
            yield from _option(ctx, case, option, view.outbound[-1])


def _option(ctx: PlanContext, case: Case, option: CareOption, last_leg: Flight) -> Iterator[Violation]:
    if not option.confirmed:
        yield UNCONFIRMED(f"{case.id}: care option {option.id} ({option.facility}) is not confirmed", [case.id],
                          nl=f"{case.id}: opvangoptie {option.id} ({option.facility}) is niet bevestigd")
    if option.airport != last_leg.to:
        yield AIRPORT(f"{case.id}: care option {option.id} is reached from {option.airport}, "
                      f"the flight lands at {last_leg.to}", [case.id],
                      nl=f"{case.id}: opvangoptie {option.id} is bereikbaar vanaf {option.airport}, "
                      f"de vlucht landt op {last_leg.to}")
    reception = care_reception(option, last_leg)
    if not option.receives_at(reception):
        windows = ", ".join(f"{when(w.from_)} to {when(w.to)}" for w in option.windows) or "none"
        windows_nl = ", ".join(f"{when_nl(w.from_)} tot {when_nl(w.to)}" for w in option.windows) or "nooit"
        yield WINDOW(f"{case.id}: reaches {option.id} ({option.facility}) at {when(reception)} "
                     f"({option.transfer_minutes} min after landing), it receives {windows}", [case.id],
                     nl=f"{case.id}: bereikt {option.id} ({option.facility}) op {when_nl(reception)} "
                     f"({option.transfer_minutes} min na landing), ontvangst mogelijk: {windows_nl}")
