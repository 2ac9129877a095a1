"""A trip's facts for the exports: `TripRecord`, built from the plan and the scenario in one place.

Only `TripRecord.visible(recipient)` hands case data on, filtered by the allow-lists of
`planner.exports.privacy`; the structural parts (times, airports, legs, the drive) are plan data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from models import InputError, Plan, Scenario, Trip
from models import timeline as tl
from models.flight import Flight
from models.location import Location
from models.vehicle import Vehicle
from planner.exports.privacy import (
    ROLE_LABELS,
    Field,
    Recipient,
    handover_roles,
    local_text,
    one_line,
    place_text,
    short_place,
    visible_fields,
)


@dataclass(frozen=True)
class Leg:
    """A flight leg with its airports: plan data, no person in it."""

    flight: Flight
    origin: Location
    destination: Location

    @property
    def id(self) -> str:
        return self.flight.id

    @property
    def code(self) -> str:
        return one_line(self.flight.code)

    @property
    def route(self) -> str:
        return f"{short_place(self.origin)} → {short_place(self.destination)}"

    def text(self) -> str:
        return (f"{self.code} {short_place(self.origin)} {local_text(self.flight.departure, self.origin.tz)} → "
                f"{short_place(self.destination)} {local_text(self.flight.arrival, self.destination.tz)}")


@dataclass(frozen=True)
class EscortPlace:
    """One escort of the trip: who (staff id), in which role, flying back on which legs."""

    staff_id: str
    recipient: Recipient
    returns: tuple[Leg, ...]
    back_at: datetime
    """Last return arrival (or outbound arrival without return legs): the rest starts here."""
    back_place: Location
    rest_until: datetime
    report_at: datetime
    """When this escort reports: before the pickup, or at the airport for an airport-joining role."""
    report_place: Location
    joins_at_airport: bool = False


@dataclass(frozen=True)
class TripRecord:
    """One planned trip, resolved: structure as attributes, personal facts only via `visible`."""

    key: str
    """Stable across re-plans: derived from the trip's case pseudonyms only."""
    date_label: str
    """Local date of the pickup, YYYY-MM-DD."""
    pickup_place: Location
    pickup: datetime
    report: datetime
    airport: Location
    airport_arrival: datetime
    checkin: datetime
    outbound: tuple[Leg, ...]
    arrival_airport: Location
    handover_start: datetime
    handover_end: datetime
    vehicle: Vehicle
    depot: Location
    vehicle_out: datetime
    vehicle_back: datetime
    escorts: tuple[EscortPlace, ...]
    handover_by: frozenset[Recipient]
    """The escort roles that perform the handover at arrival (`privacy.handover_roles`)."""
    _values: Mapping[Field, str] = field(repr=False)
    """Every field's text; read only through `visible`."""

    @property
    def recipients(self) -> tuple[Recipient, ...]:
        """Escort roles present in the trip (enum order), then DV&O."""
        present = {e.recipient for e in self.escorts}
        return tuple(r for r in Recipient if r in present and r is not Recipient.dvo) + (Recipient.dvo,)

    def escort(self, staff_id: str) -> EscortPlace:
        return next(e for e in self.escorts if e.staff_id == staff_id)

    def visible(self, recipient: Recipient, staff_id: str | None = None) -> dict[Field, str]:
        """The fields `recipient` may see, in allow-list order, as clean one-line text.

        With `staff_id` the role and return legs are that escort's own; without it (a sheet
        for everyone in the role) the return legs of the whole team are listed, without names.
        """
        values = dict(self._values)
        place: EscortPlace | None
        if staff_id is not None:
            place = self.escort(staff_id)
            values[Field.role] = ROLE_LABELS[place.recipient]
            values[Field.return_flights] = "; ".join(leg.text() for leg in place.returns) or "geen"
        else:
            values[Field.role] = ROLE_LABELS[recipient]
            values[Field.return_flights] = _team_returns(self.escorts)
            place = next((e for e in self.escorts if e.recipient is recipient), None)
        if place is not None:  # the report point: the pickup place, or the airport for airport joiners
            values[Field.report_place] = place_text(place.report_place)
            values[Field.report_time] = local_text(place.report_at, place.report_place.tz)
        fields = visible_fields(recipient, recipient in self.handover_by)
        return {f: values[f] for f in fields if f in values}


def _team_returns(escorts: tuple[EscortPlace, ...]) -> str:
    groups: dict[tuple[str, ...], int] = {}
    texts: dict[tuple[str, ...], str] = {}
    for e in escorts:
        ids = tuple(leg.id for leg in e.returns)
        groups[ids] = groups.get(ids, 0) + 1
        texts[ids] = "; ".join(leg.text() for leg in e.returns) or "geen terugvlucht"
    parts = [f"{texts[ids]} ({n} begeleider{'s' if n != 1 else ''})" for ids, n in groups.items()]
    return " | ".join(parts) or "geen"


def trip_key(pseudonyms: list[str] | tuple[str, ...]) -> str:
    """A short digest of the sorted pseudonyms: the same cases keep the same key across re-plans."""
    joined = "\x1f".join(sorted(pseudonyms))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def _leg(scenario: Scenario, leg_id: str) -> Leg:
    flight = scenario.flight_by_id[leg_id]
    loc = scenario.location_by_id
    return Leg(flight, loc[flight.from_], loc[flight.to])


def _yes_no(count: int) -> str:
    if count == 0:
        return "nee"
    return "ja" if count == 1 else f"ja ({count} personen)"


def trip_record(scenario: Scenario, trip: Trip) -> TripRecord:
    """Resolve one trip of a checked plan (`check_references` first) into its exportable facts."""
    cases = sorted((scenario.case_by_id[c] for c in trip.cases), key=lambda c: (c.pseudonym, c.id))
    pseudonyms = [one_line(c.pseudonym) for c in cases]
    pickup_place = tl.pickup_location(scenario, trip)
    legs = tuple(_leg(scenario, leg) for leg in trip.outbound)
    airport = legs[0].origin
    arrival_airport = legs[-1].destination
    vehicle = scenario.vehicle_by_id[trip.vehicle]
    vehicle_out, vehicle_back = tl.vehicle_busy(scenario, trip)
    last_arrival = legs[-1].flight.arrival

    escorts = []
    for a in trip.escorts:
        returns = tuple(_leg(scenario, leg) for leg in a.return_)
        back_at = tl.escort_return_arrival(scenario, trip, a)
        back_place = returns[-1].destination if returns else arrival_airport
        joins = tl.joins_at_airport(scenario, a.role)
        escorts.append(EscortPlace(a.staff, Recipient.for_role(a.role), returns, back_at, back_place,
                                   tl.escort_interval(scenario, trip, a)[1], tl.escort_start(scenario, trip, a),
                                   airport if joins else pickup_place, joins))
    staff = scenario.staff_by_id
    team = tuple((one_line(staff[a.staff].name), ROLE_LABELS[Recipient.for_role(a.role)]) for a in trip.escorts)
    team = tuple(sorted(team, key=lambda t: (list(ROLE_LABELS.values()).index(t[1]), t[0])))

    wheelchairs = [c.fit_to_fly.wheelchair.value for c in cases if c.fit_to_fly.wheelchair is not None]
    receiving = []
    for case in cases:
        option_id = trip.care.get(case.id)
        if option_id is None or option_id not in scenario.care_option_by_id:
            continue
        option = scenario.care_option_by_id[option_id][1]
        where = scenario.location_by_id[option.airport]
        receiving.append(f"{one_line(option.facility)} ({_CARE_KINDS.get(option.kind.value, option.kind.value)}), "
                         f"{option.transfer_minutes} min vanaf {place_text(where)}")
    checkin = tl.latest_airport_arrival(scenario, legs[0].flight)
    riding = tl.riding_escorts(scenario, trip)
    joiners: dict[Recipient, int] = {}
    for e in escorts:
        if e.joins_at_airport:
            joiners[e.recipient] = joiners.get(e.recipient, 0) + 1
    report_at_airport = min((e.report_at for e in escorts if e.joins_at_airport), default=None)
    airport_escorts = "nee"
    if joiners and report_at_airport is not None:  # both or neither: joiners are the ones reporting there
        who = ", ".join(f"{ROLE_LABELS[r]} ({n})" for r, n in joiners.items())
        airport_escorts = f"{who}; melden {place_text(airport)} {local_text(report_at_airport, airport.tz)}"
    medical_on_board = sorted({e.recipient for e in escorts if e.recipient in _MEDICAL_RECIPIENTS},
                              key=list(Recipient).index)
    handover_end = tl.handover_end(scenario, trip)
    values = {
        Field.pseudonym: ", ".join(pseudonyms),
        Field.persons: str(len(cases)),
        Field.team: "; ".join(f"{name} ({role})" for name, role in team) or "geen begeleiders",
        Field.escort_count: str(len(riding)),
        Field.vehicle: f"{one_line(vehicle.name)} ({one_line(vehicle.id)})",
        Field.pickup_place: place_text(pickup_place),
        Field.pickup_time: local_text(trip.pickup, pickup_place.tz),
        Field.report_place: place_text(pickup_place),
        Field.report_time: local_text(tl.report_time(scenario, trip), pickup_place.tz),
        Field.airport_escorts: airport_escorts,
        Field.airport: place_text(airport),
        Field.checkin_time: local_text(checkin, airport.tz),
        Field.flights: "; ".join(leg.text() for leg in legs),
        Field.handover_place: place_text(arrival_airport),
        Field.handover_time: f"{local_text(last_arrival, arrival_airport.tz)} – "
                             f"{local_text(handover_end, arrival_airport.tz)}",
        Field.wheelchair: ", ".join(sorted(wheelchairs)) or "nee",
        Field.stretcher: _yes_no(sum(c.fit_to_fly.stretcher for c in cases)),
        Field.oxygen: _yes_no(sum(c.fit_to_fly.oxygen for c in cases)),
        Field.medical_escort: ("ja (" + ", ".join(ROLE_LABELS[r].lower() for r in medical_on_board) + ")"
                               if medical_on_board else "nee"),
        Field.receiving_facility: "; ".join(receiving) or "geen opvang geregeld",
    }
    return TripRecord(
        key=trip_key(pseudonyms),
        date_label=tl.local_date(trip.pickup, pickup_place.tz).isoformat(),
        pickup_place=pickup_place, pickup=trip.pickup, report=tl.report_time(scenario, trip),
        airport=airport, airport_arrival=tl.airport_arrival(scenario, trip), checkin=checkin,
        outbound=legs, arrival_airport=arrival_airport, handover_start=last_arrival, handover_end=handover_end,
        vehicle=vehicle, depot=scenario.location_by_id[vehicle.depot], vehicle_out=vehicle_out,
        vehicle_back=vehicle_back, escorts=tuple(escorts),
        handover_by=handover_roles({e.recipient for e in escorts}),
        _values=MappingProxyType(values),
    )


_MEDICAL_RECIPIENTS = frozenset({Recipient.doctor, Recipient.nurse, Recipient.psychiatric_nurse})
_CARE_KINDS = {"hospital": "ziekenhuis", "clinic": "kliniek", "shelter": "opvanghuis", "family": "familie"}


def check_references(scenario: Scenario, plan: Plan) -> None:
    """Exports need every id of the plan to resolve; raise `InputError` naming each one that does not."""
    problems: list[tuple[str, str]] = []
    if plan.scenario != scenario.id:
        problems.append(("scenario", f"plan is for scenario {plan.scenario!r}, not {scenario.id!r}"))
    for i, trip in enumerate(plan.trips):
        path = f"trips[{i}]"
        for j, case in enumerate(trip.cases):
            if case not in scenario.case_by_id:
                problems.append((f"{path}.cases[{j}]", f"unknown case {case!r}"))
        for j, leg in enumerate(trip.outbound):
            if leg not in scenario.flight_by_id:
                problems.append((f"{path}.outbound[{j}]", f"unknown flight {leg!r}"))
        if trip.vehicle not in scenario.vehicle_by_id:
            problems.append((f"{path}.vehicle", f"unknown vehicle {trip.vehicle!r}"))
        for k, escort in enumerate(trip.escorts):
            if escort.staff not in scenario.staff_by_id:
                problems.append((f"{path}.escorts[{k}].staff", f"unknown staff {escort.staff!r}"))
            for j, leg in enumerate(escort.return_):
                if leg not in scenario.flight_by_id:
                    problems.append((f"{path}.escorts[{k}].return[{j}]", f"unknown flight {leg!r}"))
        locations = {scenario.case_by_id[c].location for c in trip.cases if c in scenario.case_by_id}
        if len(locations) > 1:
            problems.append((f"{path}.cases", "the trip's cases have different pickup locations"))
    if problems:
        raise InputError("plan", problems)


def trip_records(scenario: Scenario, plan: Plan) -> list[TripRecord]:
    """Every planned trip of `plan`, resolved, in pickup order."""
    check_references(scenario, plan)
    records = [trip_record(scenario, trip) for trip in plan.trips]
    return sorted(records, key=lambda r: (r.pickup, r.key))


__all__ = [
    "EscortPlace", "Leg", "TripRecord", "check_references", "trip_key", "trip_record", "trip_records",
]
