"""Rule 5, transport: one vehicle per trip with room for the persons, escorts, wheelchairs and
stretchers; picked up within the location's pickup hours early enough for check-in; the vehicle
busy only inside an availability window and never on two trips at once."""

from __future__ import annotations

from collections.abc import Iterator

from models import timeline
from models.case import Wheelchair
from models.location import Location
from models.rules.context import PlanContext, TripView
from models.rules.text import (
    trip_name,
    trip_name_nl,
    when,
    when_nl,
)
from models.rules.violation import Rule, Violation
from models.vehicle import Vehicle

LOCATION = Rule(
    "rule5.location", "Group members at different pickup locations", "Groepsleden op verschillende ophaallocaties"
)
SEATS = Rule("rule5.seats", "Too few seats in vehicle", "Te weinig zitplaatsen in vervoer")
WHEELCHAIR = Rule("rule5.wheelchair", "Too few wheelchair places", "Te weinig rolstoelplaatsen in vervoer")
STRETCHER = Rule("rule5.stretcher", "Too few stretcher places", "Te weinig brancardplaatsen in vervoer")
CHECKIN = Rule("rule5.checkin", "Arrives at airport too late", "Te laat op de luchthaven")
AVAILABILITY = Rule("rule5.availability", "Vehicle not available", "Vervoer niet beschikbaar")
OVERLAP = Rule("rule5.overlap", "Vehicle double-booked", "Vervoer dubbel geboekt")
PICKUP_WINDOW = Rule("rule5.pickup_window", "Pickup outside pickup hours", "Ophalen buiten de ophaaltijden")

RULES = (LOCATION, SEATS, WHEELCHAIR, STRETCHER, CHECKIN, AVAILABILITY, OVERLAP, PICKUP_WINDOW)


def check(ctx: PlanContext) -> Iterator[Violation]:
    busy: list[tuple[TripView, Vehicle, timeline.Interval]] = []
    for view in ctx.trips:
        yield from _location(ctx, view)
        yield from _capacity(ctx, view)
        if view.location is not None:
            yield from _pickup_window(view, view.location)
        if view.timed:
            yield from _checkin(ctx, view)
            if view.vehicle is not None:
                interval = timeline.vehicle_busy(ctx.scenario, view.trip)
                busy.append((view, view.vehicle, interval))
                yield from _availability(view, view.vehicle, interval)
    yield from _overlaps(busy)


def _location(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    where = {case.location for case in view.cases}
    if len(where) > 1:
        listed = ", ".join(f"{c.id} at {c.location}" for c in view.cases)
        listed_nl = ", ".join(f"{c.id} op {c.location}" for c in view.cases)
        yield LOCATION(f"{trip_name(view.trip)}: group members at different pickup locations: {listed}",
                       view.trip.cases,
                       nl=f"{trip_name_nl(view.trip)}: groepsleden op verschillende ophaallocaties: {listed_nl}")


def _capacity(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    """Seats: persons not on a stretcher + riding escorts (airport-report roles join at the airport)."""
    vehicle = view.vehicle
    if vehicle is None:
        return
    name, cases = f"{trip_name(view.trip)}, vehicle {vehicle.id}", view.trip.cases
    nl = f"{trip_name_nl(view.trip)}, voertuig {vehicle.id}"
    sitting = sum(1 for c in view.cases if not c.fit_to_fly.stretcher)
    riding = len(timeline.riding_escorts(ctx.scenario, view.trip))
    seats = sitting + riding
    if seats > vehicle.seats:
        joining = len(view.trip.escorts) - riding
        also = f"; {joining} join at the airport" if joining else ""
        also_nl = f"; {joining} komen op de luchthaven bij" if joining else ""
        yield SEATS(f"{name}: {seats} seats needed ({sitting} persons + {riding} riding escorts{also}), "
                    f"{vehicle.seats} available", cases,
                    nl=f"{nl}: {seats} zitplaatsen nodig ({sitting} personen + {riding} meerijdende "
                    f"begeleiders{also_nl}), {vehicle.seats} beschikbaar")
    wchc = sum(1 for c in view.cases if c.fit_to_fly.wheelchair is Wheelchair.WCHC)
    if wchc > vehicle.wheelchair_places:
        yield WHEELCHAIR(f"{name}: {wchc} WCHC wheelchair(s), {vehicle.wheelchair_places} place(s)", cases,
                         nl=f"{nl}: {wchc} WCHC-rolstoel(en), {vehicle.wheelchair_places} plaats(en)")
    stretchers = sum(1 for c in view.cases if c.fit_to_fly.stretcher)
    if stretchers > vehicle.stretcher_places:
        yield STRETCHER(f"{name}: {stretchers} stretcher(s), {vehicle.stretcher_places} place(s)", cases,
                        nl=f"{nl}: {stretchers} brancard(s), {vehicle.stretcher_places} plaats(en)")


def _pickup_window(view: TripView, location: Location) -> Iterator[Violation]:
    pickup = view.trip.pickup
    if not timeline.pickup_allowed(location, pickup):
        local = timeline.local_time(pickup, location.tz)
        hours = ", ".join(f"{w.from_:%H:%M}-{w.to:%H:%M}" for w in location.pickup_windows or ())
        yield PICKUP_WINDOW(f"{trip_name(view.trip)}: pickup at {location.id} {local:%H:%M} local time, "
                            f"pickup hours {hours}", view.trip.cases,
                            nl=f"{trip_name_nl(view.trip)}: ophalen op {location.id} om {local:%H:%M} lokale tijd, "
                            f"ophaaltijden {hours}")


def _checkin(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    s, name, nl, cases = ctx.scenario, trip_name(view.trip), trip_name_nl(view.trip), view.trip.cases
    arrival = timeline.airport_arrival(s, view.trip)
    latest = timeline.latest_airport_arrival(s, view.legs[0])
    if arrival > latest:
        yield CHECKIN(f"{name}: at {view.legs[0].from_} {when(arrival)}, check-in by {when(latest)} "
                      f"({s.settings.checkin_minutes} min before {view.legs[0].code} {when(view.first_departure)})",
                      cases,
                      nl=f"{nl}: op {view.legs[0].from_} {when_nl(arrival)}, inchecken uiterlijk {when_nl(latest)} "
                      f"({s.settings.checkin_minutes} min vóór {view.legs[0].code} {when_nl(view.first_departure)})")


def _availability(view: TripView, vehicle: Vehicle, interval: timeline.Interval) -> Iterator[Violation]:
    if not any(w.covers(*interval) for w in vehicle.available):
        yield AVAILABILITY(f"{trip_name(view.trip)}: vehicle {vehicle.id} busy {when(interval[0])} to "
                           f"{when(interval[1])}, outside its availability", view.trip.cases,
                           nl=f"{trip_name_nl(view.trip)}: voertuig {vehicle.id} bezet {when_nl(interval[0])} tot "
                           f"{when_nl(interval[1])}, buiten de beschikbaarheid")


def _overlaps(busy: list[tuple[TripView, Vehicle, timeline.Interval]]) -> Iterator[Violation]:
    for i, (a, vehicle, ia) in enumerate(busy):
        for b, other, ib in busy[i + 1:]:
            if vehicle.id == other.id and timeline.overlaps(ia, ib):
                yield OVERLAP(f"vehicle {vehicle.id}: {trip_name(a.trip)} ({when(ia[0])} to {when(ia[1])}) "
                              f"overlaps {trip_name(b.trip)} ({when(ib[0])} to {when(ib[1])})",
                              a.trip.cases + b.trip.cases,
                              nl=f"voertuig {vehicle.id}: {trip_name_nl(a.trip)} ({when_nl(ia[0])} tot "
                              f"{when_nl(ia[1])}) overlapt met {trip_name_nl(b.trip)} ({when_nl(ib[0])} tot "
                              f"{when_nl(ib[1])})")
