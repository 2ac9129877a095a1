"""Candidate itineraries for one trip unit, from the solver's own index: what a coordinator may move a
case to by hand ("andere vlucht"), and the escort returns that go with a chosen outbound.

Both walk the same leg graph, per-trip filters and returns table as `build_index`, so a hand edit is
offered exactly the options the solver itself would consider: dates and document / fit-to-fly
validity, notice, MEDIF lead, stretcher and oxygen, seats and forced places, the case's leg and
travel-hours limits, forbidden flights, pickup windows, care on arrival and a way home for the
escorts. Locks are not applied: the coordinator is choosing a new itinerary (the rule checker still
checks the edit before it is saved).
"""

from __future__ import annotations

from models import Scenario
from models.location import LocationKind
from solver.index import _UnitBuilder
from solver.index_pace import FULL
from solver.itineraries import LegGraph
from solver.params import SolveParams
from solver.timegrid import TimeGrid
from solver.units import Index, Unit

__all__ = ["candidate_itineraries", "candidate_returns"]


def _unit(scenario: Scenario, case_ids: tuple[str, ...] | list[str]) -> tuple[_UnitBuilder, Unit]:
    """The trip unit (a case, or its whole group) holding `case_ids`, with a builder over the index."""
    wanted = set(case_ids)
    keys = sorted({key for key, members in scenario.groups.items() for c in members if c.id in wanted})
    if not wanted or len(keys) != 1 or not wanted <= {c.id for c in scenario.groups[keys[0]]}:
        raise ValueError(f"cases {sorted(wanted)} are not one trip unit (one case, or cases of one group)")
    grid = TimeGrid(scenario.planning_start)
    home = frozenset(loc.id for loc in scenario.locations
                     if loc.kind is LocationKind.airport and loc.country == scenario.home_country)
    builder = _UnitBuilder(Index(scenario, grid, LegGraph(scenario, grid), [], {}, {}, home), SolveParams(), {})
    return builder, builder.make_unit(keys[0], scenario.groups[keys[0]])


def candidate_itineraries(scenario: Scenario, case_ids: tuple[str, ...] | list[str], *,
                          limit: int) -> list[tuple[str, ...]]:
    """Outbound leg-id tuples the unit of `case_ids` can take, keeping the per-trip rules; earliest
    arrival first (then fewer legs, then departure), at most `limit`. Empty when nothing fits."""
    builder, unit = _unit(scenario, case_ids)
    if builder.static_blockers(unit):
        return []
    builder.build_options(unit, None, {}, FULL)
    options = sorted(unit.options, key=lambda o: (o.itinerary.arr, len(o.itinerary.legs), o.itinerary.dep,
                                                  o.itinerary.leg_ids))
    return [o.itinerary.leg_ids for o in options[:max(0, limit)]]


def candidate_returns(scenario: Scenario, case_ids: tuple[str, ...] | list[str],
                      outbound: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Escort return leg-id tuples for the unit of `case_ids` flying `outbound` (the solver's returns
    table: seats for the whole team, inside the return window), best first; empty when the outbound
    breaks a per-trip rule or no return fits."""
    builder, unit = _unit(scenario, case_ids)
    if builder.static_blockers(unit):
        return []
    builder.build_options(unit, tuple(outbound), {}, FULL)
    option = next((o for o in unit.options if o.itinerary.leg_ids == tuple(outbound)), None)
    return [r.leg_ids for r in option.returns] if option is not None else []
