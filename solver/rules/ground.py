"""Rule 9 (ground time, connections, night, transit): kept by the options themselves.

The itinerary search (`solver.index` with `solver.ground.GroundCheck`) only makes options whose
connections and transit keep rule 9, and the pickup (`solver.pickup`) keeps the airport wait, so
the models need no constraint and no guard: a unit that rule 9 leaves without options is explained
by the static relaxation (`solver.explain.ground_words`). `conflict` re-checks a concrete choice (a
previous plan's trip, a replayed one) against the same limits.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from solver.ground import (
    LONG,
    NIGHT,
    TRANSIT_EXCLUDED,
    TRANSIT_REQUEST,
    VULNERABLE_LONG,
    GroundCheck,
    connection_minutes,
    ground_rules,
)
from solver.rules.base import Blocker

if TYPE_CHECKING:
    from solver.explain.core import UnitModel
    from solver.occupancy import Occupancy
    from solver.relax import Guard
    from solver.selection import Assignment
    from solver.units import Unit
    from solver.variables import Vars

CODES = ("rule9.airport_wait", "rule9.connection", "rule9.vulnerable_connection", "rule9.night_connection",
         "rule9.transit_country", "rule9.transit_request")
EXPLAINS = ("itinerary",)

CODE_OF = {
    LONG: "rule9.connection", VULNERABLE_LONG: "rule9.vulnerable_connection", NIGHT: "rule9.night_connection",
    TRANSIT_EXCLUDED: "rule9.transit_country", TRANSIT_REQUEST: "rule9.transit_request",
}
"""The solver's rule-9 limit names (`solver.ground`) as checker codes."""


def add(v: Vars) -> list[Guard]:
    return []


def add_guarded(um: UnitModel) -> None:
    return None


def conflict(occ: Occupancy, unit: Unit, a: Assignment) -> list[Blocker]:
    s = occ.ix.scenario
    check = GroundCheck(s, ground_rules(s, unit.cases))
    previous = tuple(unit.previous_trip.outbound) if unit.previous_trip is not None else None
    itinerary = unit.options[a.option].itinerary
    problem = check.itinerary_problem(itinerary, previous)
    if problem == LONG:  # the vulnerable limit is folded into one: say which one is broken
        limit = s.settings.max_connection_minutes
        longest = max(connection_minutes(a, b) for a, b in pairwise(itinerary.legs))
        problem = LONG if limit is not None and longest > limit else VULNERABLE_LONG
    return [] if problem is None else [Blocker(CODE_OF[problem], unit.key)]
