"""Trip units and their candidate options: the static data the solver chooses among."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from models import Case, Location, Scenario, Trip
from models.common import Gender, Role
from models.geo import road_km, road_minutes
from solver.itineraries import Itinerary, LegGraph
from solver.timegrid import TimeGrid


@dataclass
class TripOption:
    """One way a unit can travel: outbound legs, pickup, care, and return choices."""

    index: int
    itinerary: Itinerary
    pickup: datetime
    pickup_min: int
    airport_arrival_min: int
    care: dict[str, str]
    handover_end_min: int
    returns: list[Itinerary]
    outbound_cost_eur: float
    departure_date: date
    is_previous: bool = False
    rest_abroad: bool = False
    """Some escort's outbound duty exceeds long_duty_minutes: the returns depart after rest (rule 10)."""

    @property
    def airport(self) -> str:
        return self.itinerary.origin


@dataclass
class Unit:
    key: str
    cases: tuple[Case, ...]
    location: Location
    person_seats: int
    persons_in_vehicle: int
    forced: int
    stretchers: int
    wchc: int
    oxygen: bool
    medical: bool
    needs: dict[Role, int]
    same_gender: frozenset[Gender]
    priority: int
    options: list[TripOption] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)
    blocker_words: dict[str, tuple[str, str]] = field(default_factory=dict)
    """English blocker -> (kind, Dutch words), where the index made both (`solver.no_options`)."""
    staff: list[str] = field(default_factory=list)
    vehicles: list[str] = field(default_factory=list)
    forbidden_flights: frozenset[str] = frozenset()
    locked: bool = False
    locked_staff: frozenset[str] | None = None
    previous_option: int | None = None
    previous_trip: Trip | None = None
    frozen: bool = False
    pruned: set[str] = field(default_factory=set)
    """Why options this unit could use may be missing from `options` (caps, defaults); empty = all kept."""
    riding_escorts: int = 0
    """Escorts that take a vehicle seat: those not in `airport_report_roles` (rule 5)."""
    rule_counts: dict[str, int] = field(default_factory=dict)
    """Itineraries the index rejected per rule-9/10 limit (for the explanations)."""

    @property
    def case_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.cases)

    @property
    def n_escorts(self) -> int:
        return sum(self.needs.values())

    @property
    def label(self) -> str:
        return ", ".join(c.pseudonym for c in self.cases)


@dataclass
class Index:
    scenario: Scenario
    grid: TimeGrid
    graph: LegGraph
    units: list[Unit]
    road_min: dict[tuple[str, str], int]
    road_km: dict[tuple[str, str], float]
    home_airports: frozenset[str]

    def unit_of_case(self) -> dict[str, Unit]:
        return {c.id: u for u in self.units for c in u.cases}

    def drive(self, a: str, b: str) -> int:
        key = (a, b)
        if key not in self.road_min:
            locs = self.scenario.location_by_id
            self.road_min[key] = road_minutes(locs[a], locs[b], self.scenario.settings.road)
        return self.road_min[key]

    def km(self, a: str, b: str) -> float:
        key = (a, b)
        if key not in self.road_km:
            locs = self.scenario.location_by_id
            self.road_km[key] = road_km(locs[a], locs[b], self.scenario.settings.road)
        return self.road_km[key]
