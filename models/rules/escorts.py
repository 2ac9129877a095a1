"""Rules 4 and 7, the group and its escorts: a trip is one case or a whole group; the escorts
match the members' needs in roles, gender and excluded countries; each escort flies back from
the arrival airport after the handover, and no escort is booked twice, when unavailable or
beyond `max_trips`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from models import timeline
from models.common import Role
from models.rules.context import EscortView, PlanContext, TripView
from models.rules.outbound import connection_problems
from models.rules.text import (
    leg_name,
    leg_name_nl,
    role_nl,
    trip_name,
    trip_name_nl,
    when,
    when_nl,
)
from models.rules.violation import Rule, Violation

GROUP = Rule("rule4.group", "Group not planned together", "Groep niet samen ingepland")
ESCORT_COUNT = Rule("rule4.escort_count", "Wrong number of escorts", "Verkeerd aantal begeleiders")
ROLE = Rule("rule4.role", "Escort lacks role", "Begeleider heeft deze rol niet")
STAFF_TWICE = Rule("rule4.staff_twice", "Escort listed twice on trip", "Begeleider dubbel in één reis")
SAME_GENDER = Rule("rule4.same_gender", "No escort of same gender", "Geen begeleider van hetzelfde geslacht")
EXCLUDED_COUNTRY = Rule(
    "rule4.excluded_country", "Escort may not travel to country", "Begeleider mag niet naar dit land"
)

NO_RETURN = Rule("rule7.no_return", "Escort has no return flight", "Begeleider heeft geen terugvlucht")
RETURN_ORIGIN = Rule(
    "rule7.return_origin", "Return not from arrival airport", "Terugvlucht vertrekt niet van aankomstluchthaven"
)
RETURN_HOME = Rule("rule7.return_home", "Return does not end at home", "Terugreis eindigt niet in het vertrekland")
RETURN_CONNECTION_AIRPORT = Rule(
    "rule7.connection_airport", "Return flights do not connect", "Terugvluchten sluiten niet op elkaar aan"
)
RETURN_CONNECTION_TIME = Rule("rule7.connection_time", "Return connection too short", "Overstaptijd terugreis te kort")
RETURN_EARLY = Rule("rule7.return_early", "Return before handover is done", "Terugvlucht vóór einde overdracht")
RETURN_LATE = Rule("rule7.return_late", "Return too late", "Terugvlucht te laat")
OVERLAP = Rule("rule7.overlap", "Escort double-booked", "Begeleider dubbel ingepland")
UNAVAILABLE = Rule("rule7.unavailable", "Escort unavailable", "Begeleider niet beschikbaar")
MAX_TRIPS = Rule("rule7.max_trips", "Escort has too many trips", "Begeleider heeft te veel reizen")

_GENDER_NL = {"F": "vrouw", "M": "man", "X": "X"}

RULES = (
    GROUP, ESCORT_COUNT, ROLE, STAFF_TWICE, SAME_GENDER, EXCLUDED_COUNTRY,
    NO_RETURN, RETURN_ORIGIN, RETURN_HOME, RETURN_CONNECTION_AIRPORT, RETURN_CONNECTION_TIME,
    RETURN_EARLY, RETURN_LATE, OVERLAP, UNAVAILABLE, MAX_TRIPS,
)


def check(ctx: PlanContext) -> Iterator[Violation]:
    for view in ctx.trips:
        yield from _group(ctx, view)
        yield from _escort_team(ctx, view)
        yield from _excluded_countries(ctx, view)
        if view.outbound is not None:
            for escort in view.escorts:
                yield from _return(ctx, view, escort)
    yield from _per_staff(ctx)


def required_escorts(view: TripView) -> Counter[Role]:
    """Role -> the sum of the members' counts."""
    need: Counter[Role] = Counter()
    for case in view.cases:
        for role, count in case.escorts.items():
            need[role] += count
    return need


def _group(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    if not view.all_cases_known:
        return  # coverage reports the unknown case
    name, nl = trip_name(view.trip), trip_name_nl(view.trip)
    groups = {case.group for case in view.cases}
    if len(groups) > 1:
        labels = ", ".join(f"{c.id} ({c.group or 'no group'})" for c in view.cases)
        labels_nl = ", ".join(f"{c.id} ({c.group or 'geen groep'})" for c in view.cases)
        yield GROUP(f"{name} mixes cases of different groups: {labels}", view.trip.cases,
                    nl=f"{nl} mengt zaken uit verschillende groepen: {labels_nl}")
        return
    group = groups.pop()
    if group is None:
        if len(view.cases) > 1:
            yield GROUP(f"{name}: {len(view.cases)} cases without a group share one trip", view.trip.cases,
                        nl=f"{nl}: {len(view.cases)} zaken zonder groep delen één reis")
        return
    members = [c.id for c in ctx.scenario.groups[group]]
    missing = [m for m in members if m not in view.trip.cases]
    if missing:
        yield GROUP(f"{name}: group {group} travels without {', '.join(missing)}", members,
                    nl=f"{nl}: groep {group} reist zonder {', '.join(missing)}")


def _escort_team(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    name, nl, cases = trip_name(view.trip), trip_name_nl(view.trip), view.trip.cases
    if view.all_cases_known:
        need = required_escorts(view)
        have = Counter(e.assignment.role for e in view.escorts)
        for role in sorted(set(need) | set(have), key=lambda r: r.value):
            if need[role] != have[role]:
                yield ESCORT_COUNT(f"{name}: {have[role]} {role.value} escort(s), {need[role]} required", cases,
                                   nl=f"{nl}: {have[role]} begeleider(s) {role_nl(role)}, {need[role]} nodig")
    for escort in view.escorts:
        staff, role = escort.staff, escort.assignment.role
        if staff is not None and role not in staff.roles:
            held = ", ".join(r.value for r in staff.roles)
            held_nl = ", ".join(role_nl(r) for r in staff.roles)
            yield ROLE(f"{name}: {staff.id} fills role {role.value} but holds {held}", cases,
                       nl=f"{nl}: {staff.id} vervult de rol {role_nl(role)} maar is {held_nl}")
    for staff_id, count in Counter(e.assignment.staff for e in view.escorts).items():
        if count > 1:
            yield STAFF_TWICE(f"{name}: {staff_id} is listed {count} times", cases,
                              nl=f"{nl}: {staff_id} staat er {count} keer in")
    genders = {e.staff.gender for e in view.escorts if e.staff is not None}
    if view.escorts:
        for case in view.cases:
            if case.same_gender_escort and case.gender not in genders:
                team = ", ".join(e.assignment.staff for e in view.escorts)
                yield SAME_GENDER(f"{case.id} (gender {case.gender.value}) needs an escort of the same gender; "
                                  f"escorts: {team}", [case.id],
                                  nl=f"{case.id} (geslacht {_GENDER_NL.get(case.gender.value, case.gender.value)}) "
                                  f"heeft een begeleider van hetzelfde geslacht nodig; begeleiders: {team}")


def _excluded_countries(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    s = ctx.scenario
    outbound = [s.flight_by_id[f] for f in view.trip.outbound if f in s.flight_by_id]
    for escort in view.escorts:
        if escort.staff is None or not escort.staff.excluded_countries:
            continue
        returns = [s.flight_by_id[f] for f in escort.assignment.return_ if f in s.flight_by_id]
        excluded = set(escort.staff.excluded_countries)
        hits: dict[str, str] = {}
        for leg in outbound + returns:
            for airport_id in (leg.from_, leg.to):
                country = s.location_by_id[airport_id].country
                if country in excluded:
                    hits.setdefault(airport_id, country)
        if hits:
            where = ", ".join(f"{a} ({c})" for a, c in hits.items())
            yield EXCLUDED_COUNTRY(f"{trip_name(view.trip)}: {escort.staff.id} may not travel to or through {where}",
                                   view.trip.cases,
                                   nl=f"{trip_name_nl(view.trip)}: {escort.staff.id} mag niet naar of via {where}")


def _return(ctx: PlanContext, view: TripView, escort: EscortView) -> Iterator[Violation]:
    s, name, nl, cases = ctx.scenario, trip_name(view.trip), trip_name_nl(view.trip), view.trip.cases
    staff_id = escort.assignment.staff
    if not escort.assignment.return_:
        yield NO_RETURN(f"{name}: {staff_id} has no return flight", cases,
                        nl=f"{nl}: {staff_id} heeft geen terugvlucht")
        return
    legs = escort.returns
    if legs is None:
        return  # coverage reports the unknown leg
    arrival_airport = view.legs[-1].to
    if legs[0].from_ != arrival_airport:
        yield RETURN_ORIGIN(f"{name}: {staff_id}'s return {leg_name(s, legs[0])} departs from {legs[0].from_}, "
                            f"outbound lands at {arrival_airport}", cases,
                            nl=f"{nl}: terugvlucht {leg_name_nl(s, legs[0])} van {staff_id} vertrekt van "
                            f"{legs[0].from_}, de heenvlucht landt op {arrival_airport}")
    home = s.location_by_id[legs[-1].to]
    if home.country != s.home_country:
        yield RETURN_HOME(f"{name}: {staff_id}'s return ends at {home.id} in {home.country}, not {s.home_country}",
                          cases, nl=f"{nl}: terugreis van {staff_id} eindigt op {home.id} in {home.country}, "
                          f"niet in {s.home_country}")
    for kind, text, text_nl in connection_problems(s, legs):
        rule = RETURN_CONNECTION_AIRPORT if kind == "airport" else RETURN_CONNECTION_TIME
        yield rule(f"{name}: {staff_id}'s return: {text}", cases, nl=f"{nl}: terugreis van {staff_id}: {text_nl}")
    earliest, latest = timeline.return_window(s, view.trip)
    departure = legs[0].departure
    if departure < earliest:
        yield RETURN_EARLY(f"{name}: {staff_id}'s return {leg_name(s, legs[0])} departs {when(departure)}, "
                           f"earliest {when(earliest)} (handover ends {when(timeline.handover_end(s, view.trip))})",
                           cases,
                           nl=f"{nl}: terugvlucht {leg_name_nl(s, legs[0])} van {staff_id} vertrekt "
                           f"{when_nl(departure)}, vroegst {when_nl(earliest)} (overdracht eindigt "
                           f"{when_nl(timeline.handover_end(s, view.trip))})")
    if departure > latest:
        yield RETURN_LATE(f"{name}: {staff_id}'s return {leg_name(s, legs[0])} departs {when(departure)}, "
                          f"latest {when(latest)}", cases,
                          nl=f"{nl}: terugvlucht {leg_name_nl(s, legs[0])} van {staff_id} vertrekt "
                          f"{when_nl(departure)}, uiterlijk {when_nl(latest)}")


def _per_staff(ctx: PlanContext) -> Iterator[Violation]:
    s = ctx.scenario
    booked: dict[str, list[tuple[TripView, timeline.Interval | None]]] = {}
    for view in ctx.trips:
        seen: set[str] = set()
        for escort in view.escorts:
            if escort.staff is None or escort.staff.id in seen:
                continue
            seen.add(escort.staff.id)
            timed = view.outbound is not None and escort.returns is not None
            interval = timeline.escort_interval(s, view.trip, escort.assignment) if timed else None
            booked.setdefault(escort.staff.id, []).append((view, interval))
    for staff_id, entries in booked.items():
        staff = s.staff_by_id[staff_id]
        if len(entries) > staff.max_trips:
            names = ", ".join(trip_name(v.trip) for v, _ in entries)
            names_nl = ", ".join(trip_name_nl(v.trip) for v, _ in entries)
            yield MAX_TRIPS(f"{staff_id}: {len(entries)} trips ({names}), at most {staff.max_trips}",
                            [c for v, _ in entries for c in v.trip.cases],
                            nl=f"{staff_id}: {len(entries)} reizen ({names_nl}), hoogstens {staff.max_trips}")
        timed_entries = [(v, iv) for v, iv in entries if iv is not None]
        for view, interval in timed_entries:
            for window in staff.unavailable:
                if window.overlaps(*interval):
                    yield UNAVAILABLE(f"{staff_id} on {trip_name(view.trip)} from {when(interval[0])} to "
                                      f"{when(interval[1])} (incl. rest), unavailable {when(window.from_)} to "
                                      f"{when(window.to)}", view.trip.cases,
                                      nl=f"{staff_id} op {trip_name_nl(view.trip)} van {when_nl(interval[0])} tot "
                                      f"{when_nl(interval[1])} (incl. rust), niet beschikbaar {when_nl(window.from_)} "
                                      f"tot {when_nl(window.to)}")
        for i, (a, ia) in enumerate(timed_entries):
            for b, ib in timed_entries[i + 1:]:
                if timeline.overlaps(ia, ib):
                    yield OVERLAP(f"{staff_id}: {trip_name(a.trip)} ({when(ia[0])} to {when(ia[1])}) overlaps "
                                  f"{trip_name(b.trip)} ({when(ib[0])} to {when(ib[1])}), rest included",
                                  a.trip.cases + b.trip.cases,
                                  nl=f"{staff_id}: {trip_name_nl(a.trip)} ({when_nl(ia[0])} tot {when_nl(ia[1])}) "
                                  f"overlapt met {trip_name_nl(b.trip)} ({when_nl(ib[0])} tot {when_nl(ib[1])}), "
                                  "rust meegerekend")
