"""Rule 10, duty and rest per escort: the outbound duty (escort start, see rule 7, to handover end)
and the return duty (first return departure - `return_checkin_minutes` to last return arrival)
each stay within `max_duty_minutes`; after an outbound duty longer than `long_duty_minutes` the
first return departure waits `rest_abroad_minutes` after the handover end.

`null` switches a limit off (`long_duty_minutes` or `rest_abroad_minutes` null: no rest abroad
rule). "≤ max" passes at equality; a duty of exactly `long_duty_minutes` is not long."""

from __future__ import annotations

from collections.abc import Iterator

from models import timeline
from models.instants import plus
from models.rules.context import EscortView, PlanContext, TripView
from models.rules.text import (
    duration_text,
    leg_name,
    leg_name_nl,
    role_nl,
    trip_name,
    trip_name_nl,
    when,
    when_nl,
)
from models.rules.violation import Rule, Violation

OUTBOUND_DUTY = Rule("rule10.outbound_duty", "Outbound duty too long", "Diensttijd heenreis te lang")
RETURN_DUTY = Rule("rule10.return_duty", "Return duty too long", "Diensttijd terugreis te lang")
REST_ABROAD = Rule("rule10.rest_abroad", "Too little rest abroad before the return",
                   "Te weinig rust in het buitenland voor de terugvlucht")

RULES = (OUTBOUND_DUTY, RETURN_DUTY, REST_ABROAD)


def check(ctx: PlanContext) -> Iterator[Violation]:
    for view in ctx.trips:
        if not view.timed:
            continue  # coverage reports the unknown ids
        for escort in view.escorts:
            yield from _duty(ctx, view, escort)


def _duty(ctx: PlanContext, view: TripView, escort: EscortView) -> Iterator[Violation]:
    s, settings = ctx.scenario, ctx.scenario.settings
    a = escort.assignment
    who = f"rule 10: {a.staff} ({a.role.value}) on {trip_name(view.trip)}"
    who_nl = f"regel 10: {a.staff} ({role_nl(a.role)}) op {trip_name_nl(view.trip)}"
    cases = view.trip.cases
    start, handover = timeline.outbound_duty(s, view.trip, a)
    outbound = timeline.span_minutes((start, handover))
    place = view.legs[0].from_ if timeline.joins_at_airport(s, a.role) else view.place.id
    where = f"at {place}"
    if settings.max_duty_minutes is not None and outbound > settings.max_duty_minutes:
        yield OUTBOUND_DUTY(f"{who}: outbound duty {duration_text(outbound)} from report {where} {when(start)} to "
                            f"handover end {when(handover)} (max {duration_text(settings.max_duty_minutes)})", cases,
                            nl=f"{who_nl}: diensttijd heen {duration_text(outbound)} van melden op {place} "
                            f"{when_nl(start)} tot einde overdracht {when_nl(handover)} "
                            f"(max {duration_text(settings.max_duty_minutes)})")
    if not a.return_ or escort.returns is None:
        return  # rule 7 or coverage reports the missing return
    legs = escort.returns
    duty = timeline.return_duty_at(s, legs[0].departure, legs[-1].arrival)
    back = timeline.span_minutes(duty)
    if settings.max_duty_minutes is not None and back > settings.max_duty_minutes:
        yield RETURN_DUTY(f"{who}: return duty {duration_text(back)} from {when(duty[0])} "
                          f"({settings.return_checkin_minutes} min before {leg_name(s, legs[0])}) to arrival "
                          f"{when(duty[1])} (max {duration_text(settings.max_duty_minutes)})", cases,
                          nl=f"{who_nl}: diensttijd terug {duration_text(back)} van {when_nl(duty[0])} "
                          f"({settings.return_checkin_minutes} min vóór {leg_name_nl(s, legs[0])}) tot aankomst "
                          f"{when_nl(duty[1])} (max {duration_text(settings.max_duty_minutes)})")
    long_duty, rest = settings.long_duty_minutes, settings.rest_abroad_minutes
    if long_duty is None or rest is None or outbound <= long_duty:
        return
    earliest = plus(handover, timeline.minutes(rest))
    if legs[0].departure < earliest:
        gap = timeline.span_minutes((handover, legs[0].departure))
        yield REST_ABROAD(f"{who}: after an outbound duty of {duration_text(outbound)} (over "
                          f"{duration_text(long_duty)}) the return {leg_name(s, legs[0])} departs "
                          f"{when(legs[0].departure)}, {duration_text(gap)} after handover end {when(handover)}; "
                          f"{duration_text(rest)} rest abroad needed (earliest {when(earliest)})", cases,
                          nl=f"{who_nl}: na een diensttijd heen van {duration_text(outbound)} (meer dan "
                          f"{duration_text(long_duty)}) vertrekt de terugvlucht {leg_name_nl(s, legs[0])} "
                          f"{when_nl(legs[0].departure)}, {duration_text(gap)} na einde overdracht "
                          f"{when_nl(handover)}; {duration_text(rest)} rust in het buitenland nodig "
                          f"(vroegst {when_nl(earliest)})")
