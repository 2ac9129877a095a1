"""Rule 3, per flight leg across all trips: seats booked (persons, stretchers, escorts out and
back) within the leg's seats, forced cases within `max_forced`, at most one stretcher."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from models.case import Case
from models.rules.context import PlanContext
from models.rules.text import leg_name, leg_name_nl
from models.rules.violation import Rule, Violation
from models.scenario import Scenario

SEATS = Rule("rule3.seats", "Flight overbooked", "Vlucht overboekt")
FORCED = Rule("rule3.forced", "Too many forced departures on flight", "Te veel gedwongen vertrekken op vlucht")
STRETCHER = Rule("rule3.stretcher", "More than one stretcher on flight", "Meer dan één brancard op vlucht")

RULES = (SEATS, FORCED, STRETCHER)


def person_seats(scenario: Scenario, case: Case) -> int:
    """Seats one case takes on a leg: `stretcher_seats` on a stretcher, else 1."""
    return scenario.settings.stretcher_seats if case.fit_to_fly.stretcher else 1


@dataclass
class LegLoad:
    """What the plan books on one leg."""

    seats: int = 0
    forced: list[str] = field(default_factory=list)
    stretchers: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)


def leg_loads(ctx: PlanContext) -> dict[str, LegLoad]:
    """Leg id -> load, over every trip of the plan (unknown ids are skipped)."""
    s = ctx.scenario
    loads: dict[str, LegLoad] = {}

    def load(leg_id: str) -> LegLoad:
        return loads.setdefault(leg_id, LegLoad())

    for view in ctx.trips:
        for leg_id in view.trip.outbound:
            if leg_id not in s.flight_by_id:
                continue
            here = load(leg_id)
            for case in view.cases:
                here.seats += person_seats(s, case)
                here.cases.append(case.id)
                if case.forced:
                    here.forced.append(case.id)
                if case.fit_to_fly.stretcher:
                    here.stretchers.append(case.id)
            here.seats += len(view.trip.escorts)
        for escort in view.trip.escorts:
            for leg_id in escort.return_:
                if leg_id in s.flight_by_id:
                    here = load(leg_id)
                    here.seats += 1
                    here.cases.extend(view.trip.cases)
    return loads


def check(ctx: PlanContext) -> Iterator[Violation]:
    s = ctx.scenario
    for leg_id, load in leg_loads(ctx).items():
        leg = s.flight_by_id[leg_id]
        name, nl = leg_name(s, leg), leg_name_nl(s, leg)
        if load.seats > leg.seats:
            yield SEATS(f"{name}: {load.seats} seats used, {leg.seats} available", load.cases,
                        nl=f"{nl}: {load.seats} stoelen gebruikt, {leg.seats} beschikbaar")
        if len(load.forced) > leg.max_forced:
            yield FORCED(f"{name}: {len(load.forced)} forced cases ({', '.join(load.forced)}), "
                         f"carrier accepts {leg.max_forced}", load.forced,
                         nl=f"{nl}: {len(load.forced)} gedwongen vertrekken ({', '.join(load.forced)}), "
                         f"maatschappij accepteert er {leg.max_forced}")
        if len(load.stretchers) > 1:
            yield STRETCHER(f"{name}: {len(load.stretchers)} stretcher cases ({', '.join(load.stretchers)}), "
                            "at most 1", load.stretchers,
                            nl=f"{nl}: {len(load.stretchers)} zaken op een brancard ({', '.join(load.stretchers)}), "
                            "hoogstens 1")
