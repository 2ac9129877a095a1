"""Rule 2, outbound legs: from the home country to an accepted destination, connecting,
within the case's leg and hour limits, on legs equipped for its stretcher, oxygen and MEDIF."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise

from models import timeline
from models.flight import Flight
from models.instants import plus
from models.rules.context import PlanContext, TripView
from models.rules.text import (
    hours_nl,
    hours_text,
    leg_name,
    leg_name_nl,
    trip_name,
    trip_name_nl,
    when,
    when_nl,
)
from models.rules.violation import Rule, Violation
from models.scenario import Scenario

ORIGIN = Rule("rule2.origin", "First flight not from home country", "Eerste vlucht niet vanuit het vertrekland")
DESTINATION = Rule("rule2.destination", "Wrong destination airport", "Verkeerde bestemmingsluchthaven")
CONNECTION_AIRPORT = Rule("rule2.connection_airport", "Flights do not connect", "Vluchten sluiten niet op elkaar aan")
CONNECTION_TIME = Rule("rule2.connection_time", "Connection too short", "Overstaptijd te kort")
MAX_LEGS = Rule("rule2.max_legs", "Too many flights", "Te veel vluchten")
MAX_TRAVEL_HOURS = Rule("rule2.max_travel_hours", "Travel time too long", "Reistijd te lang")
STRETCHER_LEG = Rule("rule2.stretcher_leg", "No stretcher on flight", "Geen brancard mogelijk op vlucht")
OXYGEN_LEG = Rule("rule2.oxygen_leg", "No oxygen on flight", "Geen zuurstof aan boord van vlucht")
MEDIF = Rule("rule2.medif", "MEDIF lead time too short", "MEDIF-termijn te kort")
REPEATED_LEG = Rule("rule2.repeated_leg", "Flight used twice", "Vlucht dubbel in de reis")

RULES = (
    ORIGIN, DESTINATION, CONNECTION_AIRPORT, CONNECTION_TIME, MAX_LEGS, MAX_TRAVEL_HOURS,
    STRETCHER_LEG, OXYGEN_LEG, MEDIF, REPEATED_LEG,
)


def check(ctx: PlanContext) -> Iterator[Violation]:
    for view in ctx.trips:
        if view.outbound is not None:
            yield from _route(ctx, view)
            yield from _per_case(ctx, view)


def connection_problems(scenario: Scenario, legs: Sequence[Flight]) -> list[tuple[str, str, str]]:
    """('airport' | 'time', English message, Dutch message) for each pair of consecutive legs that does not connect.

    Shared by outbound (rule 2) and return legs (rule 7)."""
    out: list[tuple[str, str, str]] = []
    min_connection = timeline.minutes(scenario.settings.min_connection_minutes)
    for before, after in pairwise(legs):
        if before.to != after.from_:
            out.append(("airport", f"{leg_name(scenario, before)} lands at {before.to}, "
                                   f"{leg_name(scenario, after)} departs from {after.from_}",
                        f"{leg_name_nl(scenario, before)} landt op {before.to}, "
                        f"{leg_name_nl(scenario, after)} vertrekt van {after.from_}"))
        elif after.departure - before.arrival < min_connection:
            gap = int((after.departure - before.arrival).total_seconds() // 60)
            out.append(("time", f"{gap} min between {leg_name(scenario, before)} and {leg_name(scenario, after)} "
                                f"at {before.to}, at least {scenario.settings.min_connection_minutes} min needed",
                        f"{gap} min tussen {leg_name_nl(scenario, before)} en {leg_name_nl(scenario, after)} "
                        f"op {before.to}, minstens {scenario.settings.min_connection_minutes} min nodig"))
    return out


def _route(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    s, legs, cases = ctx.scenario, view.legs, view.trip.cases
    name, nl = trip_name(view.trip), trip_name_nl(view.trip)
    origin = s.location_by_id[legs[0].from_]
    if origin.country != s.home_country:
        yield ORIGIN(f"{name}: first flight {leg_name(s, legs[0])} departs from {origin.id} in {origin.country}, "
                     f"not {s.home_country}", cases,
                     nl=f"{nl}: eerste vlucht {leg_name_nl(s, legs[0])} vertrekt van {origin.id} in "
                     f"{origin.country}, niet uit {s.home_country}")
    for kind, text, text_nl in connection_problems(s, legs):
        rule = CONNECTION_AIRPORT if kind == "airport" else CONNECTION_TIME
        yield rule(f"{name}: {text}", cases, nl=f"{nl}: {text_nl}")
    for leg_id, count in Counter(view.trip.outbound).items():
        if count > 1:
            yield REPEATED_LEG(f"{name}: outbound flight {leg_id} is listed {count} times", cases,
                               nl=f"{nl}: heenvlucht {leg_id} staat er {count} keer in")


def _per_case(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    s, legs = ctx.scenario, view.legs
    last = legs[-1]
    travel_hours = timeline.as_hours(last.arrival - legs[0].departure)
    for case in view.cases:
        ftf = case.fit_to_fly
        if last.to not in case.destination_airports:
            yield DESTINATION(f"{case.id}: last flight {leg_name(s, last)} lands at {last.to}, accepted: "
                              f"{', '.join(case.destination_airports)}", [case.id],
                              nl=f"{case.id}: laatste vlucht {leg_name_nl(s, last)} landt op {last.to}, "
                              f"toegestaan: {', '.join(case.destination_airports)}")
        if ftf.max_legs is not None and len(legs) > ftf.max_legs:
            yield MAX_LEGS(f"{case.id}: {len(legs)} flights, at most {ftf.max_legs} allowed", [case.id],
                           nl=f"{case.id}: {len(legs)} vluchten, hoogstens {ftf.max_legs} toegestaan")
        if ftf.max_travel_hours is not None and travel_hours > ftf.max_travel_hours:
            yield MAX_TRAVEL_HOURS(f"{case.id}: {hours_text(travel_hours)} from first departure to last arrival, "
                                   f"at most {hours_text(ftf.max_travel_hours)}", [case.id],
                                   nl=f"{case.id}: {hours_nl(travel_hours)} van eerste vertrek tot laatste "
                                   f"aankomst, hoogstens {hours_nl(ftf.max_travel_hours)}")
        medical = case.is_medical
        for leg in legs:
            if ftf.stretcher and not leg.stretcher:
                yield STRETCHER_LEG(f"{case.id}: travels on a stretcher, {leg_name(s, leg)} takes none", [case.id],
                                    nl=f"{case.id}: reist op een brancard, {leg_name_nl(s, leg)} neemt er geen mee")
            if ftf.oxygen and not leg.oxygen:
                yield OXYGEN_LEG(f"{case.id}: needs oxygen, {leg_name(s, leg)} has none", [case.id],
                                 nl=f"{case.id}: heeft zuurstof nodig, {leg_name_nl(s, leg)} heeft geen zuurstof")
            earliest = plus(s.planning_start, timeline.hours(leg.medif_lead_hours))
            if medical and leg.departure < earliest:
                yield MEDIF(f"{case.id}: medical case on {leg_name(s, leg)} departing {when(leg.departure)}, "
                            f"MEDIF needs {leg.medif_lead_hours:g} h (earliest {when(earliest)})", [case.id],
                            nl=f"{case.id}: medische zaak op {leg_name_nl(s, leg)} met vertrek "
                            f"{when_nl(leg.departure)}, MEDIF vraagt {leg.medif_lead_hours:g} uur "
                            f"(vroegst {when_nl(earliest)})")
