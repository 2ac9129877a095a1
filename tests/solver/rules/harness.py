"""One rule family on a fresh CP-SAT model over a tiny index, and plan trips as solver assignments.

The per-family tests add ONLY that family's constraints (`family.add`), fix some decisions and
assert the status; the consistency tests take the checker's failing fixture of the rule and ask
both `family.conflict` and the fixed model.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.sat.python import cp_model

from models import Plan, Scenario
from models.plan import Trip
from solver import SolveParams
from solver.index import Index, Unit, build_index
from solver.occupancy import replay
from solver.resources import Resources
from solver.rules.base import Blocker, RuleFamily
from solver.selection import Assignment
from solver.variables import Vars, build_vars
from tests.builders import build, build_plan

PARAMS = SolveParams(time_limit_s=5, workers=1, seed=0)


@dataclass
class World:
    scenario: Scenario
    ix: Index
    res: Resources

    def unit(self, case_id: str) -> Unit:
        return self.ix.unit_of_case()[case_id]


def world(scn: dict, previous: dict | None = None) -> World:
    scenario = build(scn)
    ix = build_index(scenario, PARAMS, build_plan(previous) if previous else None)
    return World(scenario, ix, Resources(ix))


def assignment(w: World, trip: Trip) -> Assignment:
    """A plan trip in index terms; fails the test when the index has no such option."""
    unit = w.unit(trip.cases[0])
    options = [o for o in unit.options if o.itinerary.leg_ids == tuple(trip.outbound)]
    assert options, f"no option for {trip.outbound}"
    option = next((o for o in options if o.pickup == trip.pickup), options[0])
    ret = None
    if trip.escorts:
        legs = tuple(trip.escorts[0].return_)
        ret = next(r for r, it in enumerate(option.returns) if it.leg_ids == legs)
    escorts = tuple(sorted((e.staff, e.role) for e in trip.escorts))
    return Assignment(unit.key, option.index, ret, trip.vehicle, escorts)


def family_model(w: World, family: RuleFamily, frozen: dict | None = None) -> Vars:
    """The decision variables of every unit and ONLY `family`'s constraints."""
    v = build_vars(cp_model.CpModel(), w.ix, w.res)
    v.frozen = dict(frozen or {})
    for guard in family.add(v):
        v.model.add(guard.literal == 1)  # a guarded rule (lock, frozen trip) is kept
    return v


def fix(v: Vars, a: Assignment) -> bool:
    """Force the unit to take exactly `a`; False when the index gave part of it no variable (the
    choice is excluded before any constraint, e.g. staff outside a staff lock)."""
    k = a.unit_key
    wanted = [(k, sid, role) for sid, role in a.escorts]
    if (k, a.vehicle) not in v.veh or any(w not in v.esc_role for w in wanted):
        return False
    v.model.add(v.x[k, a.option] == 1)
    if a.ret is not None:
        v.model.add(v.ret[k, a.option, a.ret] == 1)
    v.model.add(v.veh[k, a.vehicle] == 1)
    for sid, role in a.escorts:
        v.model.add(v.esc_role[k, sid, role] == 1)
    return True


def status(v: Vars) -> str:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_time_in_seconds = 10
    return {cp_model.OPTIMAL: "feasible", cp_model.FEASIBLE: "feasible",
            cp_model.INFEASIBLE: "infeasible"}.get(solver.solve(v.model), "unknown")


def fixed_status(w: World, family: RuleFamily, plan: Plan, frozen: dict | None = None) -> str:
    """The family's model with every trip of `plan` fixed: "feasible", "infeasible", or "excluded"
    when the index has no variable for a choice the plan makes."""
    v = family_model(w, family, frozen)
    for trip in plan.trips:
        if not fix(v, assignment(w, trip)):
            return "excluded"
    return status(v)


def plan_conflicts(w: World, family: RuleFamily, plan: Plan) -> list[Blocker]:
    """`family.conflict` for each trip of `plan` against the others booked before it."""
    found: list[Blocker] = []
    booked: dict[str, Assignment] = {}
    for trip in plan.trips:
        a = assignment(w, trip)
        found += family.conflict(replay(w.ix, w.res, booked), w.unit(trip.cases[0]), a)
        booked[a.unit_key] = a
    return found
