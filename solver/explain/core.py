"""The one-unit CP-SAT model behind the explanations: each rule family's constraint on each resource
guarded by an assumption literal, and a core minimised by deletion."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from ortools.sat.python import cp_model

from models import Plan, timeline
from models.common import Role
from solver.budget import Meter
from solver.explain.words import (
    FAMILIES,
)
from solver.index import Index, Unit
from solver.occupancy import Occupancy
from solver.resources import Resources, Span
from solver.rules import add_all_guarded

log = logging.getLogger(__name__)

CORE_TIME_LIMIT_S = 10.0
CORE_DETERMINISTIC_LIMIT = 2.0
"""Backstop per core solve; the one-unit models solve in milliseconds."""
CHECK_BASE_S = 0.004
CHECK_PER_CONSTRAINT_S = 4e-6
"""What one core solve counts as against the explanation budget, from the model's size (measured on
the S and XL tiers: ~5 ms for small one-unit models, ~40 ms with 200 escorts to choose from). Counted,
not timed, so that reproducible runs explain the same cases."""

FAMILY_ORDER = {code: i for i, code in enumerate(FAMILIES)}


ALL = "all"


class Guard(NamedTuple):
    """One assumption: rule `family` (with sub-`kind`) holds for resource `ident`."""

    family: str
    kind: str
    ident: str


# -- the other trips' resource use ------------------------------------------------------
def occupancy_from_plan(ix: Index, res: Resources, plan: Plan, exclude: Iterable[str] = ()) -> Occupancy:
    """Replay a plan's trips (any plan, not only this solver's) into an Occupancy.

    Trips that name unknown ids are skipped; trips of the cases in `exclude` are left out."""
    s = ix.scenario
    grid = ix.grid
    unit_of = ix.unit_of_case()
    skip = set(exclude)
    occ = Occupancy(ix, res)
    for trip in plan.trips:
        if skip & set(trip.cases) or any(c not in s.case_by_id for c in trip.cases):
            continue
        if any(leg not in s.flight_by_id for leg in trip.outbound):
            continue
        key = unit_of[trip.cases[0]].key if trip.cases[0] in unit_of else "+".join(trip.cases)
        cases = [s.case_by_id[c] for c in trip.cases]
        persons = sum(s.settings.stretcher_seats if c.fit_to_fly.stretcher else 1 for c in cases)
        for leg in trip.outbound:
            occ.seats[leg] += persons + len(trip.escorts)
            occ.forced[leg] += sum(1 for c in cases if c.forced)
            occ.stretchers[leg] += sum(1 for c in cases if c.fit_to_fly.stretcher)
            occ.leg_users[leg].append(key)
        for a in trip.escorts:
            known = all(leg in s.flight_by_id for leg in a.return_)
            for leg in a.return_:
                if leg in s.flight_by_id:
                    occ.seats[leg] += 1
                    if key not in occ.leg_users[leg]:
                        occ.leg_users[leg].append(key)
            if a.staff in s.staff_by_id and known:
                start, end = timeline.escort_interval(s, trip, a)
                occ.staff_spans[a.staff].append((Span(grid.floor(start), grid.ceil(end)), key))
                occ.staff_trips[a.staff] += 1
        if trip.vehicle in s.vehicle_by_id:
            start, end = timeline.vehicle_busy(s, trip)
            occ.vehicle_spans[trip.vehicle].append((Span(grid.floor(start), grid.ceil(end)), key))
    return occ


# -- the one-unit model ---------------------------------------------------------------------
class UnitModel:
    """The unit's decisions only, forced planned, every rule on every resource guarded."""

    def __init__(self, ix: Index, res: Resources, occ: Occupancy, unit: Unit):
        self.ix, self.res, self.occ, self.unit = ix, res, occ, unit
        self.s = ix.scenario
        self.model = cp_model.CpModel()
        self.guards: dict[Guard, cp_model.IntVar] = {}
        self.escort_spans: dict[tuple[int, int], Span] = {}
        self.blocks: dict[Guard, set] = defaultdict(set)
        """Per guard, the (option, return) pairs it rules out; ALL when it rules out the resource."""
        self._build()

    def guard(self, family: str, kind: str, ident: str) -> cp_model.IntVar:
        key = Guard(family, kind, ident)
        if key not in self.guards:
            self.guards[key] = self.model.new_bool_var(f"assume[{family}:{kind}:{ident}]")
        return self.guards[key]

    def guard_key(self, family: str, kind: str, ident: str) -> Guard:
        return Guard(family, kind, ident)

    def forbid_pair(self, guard: cp_model.IntVar, a, b) -> None:
        self.model.add_bool_or([a.Not(), b.Not()]).only_enforce_if(guard)

    def block(self, key: Guard, lit) -> None:
        """Guard `key` keeps `lit` false: the resource is out for every option of the unit."""
        self.model.add_implication(self.guard(*key), lit.Not())
        self.blocks[key].add(ALL)

    def block_pair(self, key: Guard, lit, pair_lit, pair: tuple[int, int]) -> None:
        """Guard `key` keeps `lit` off the (option, return) `pair`."""
        self.forbid_pair(self.guard(*key), lit, pair_lit)
        self.blocks[key].add(pair)

    def fully_blocked(self, family: str, staff_id: str) -> bool:
        """Rule `family` alone keeps this person off every (option, return) of the unit."""
        pairs: set = set()
        for key, blocked in self.blocks.items():
            if key.family == family and key.ident == staff_id:
                if ALL in blocked:
                    return True
                pairs |= blocked
        return bool(self.escort_spans) and pairs >= set(self.escort_spans)

    def _build(self) -> None:
        """The unit's decision variables; then every rule family of `solver.rules.RULES`, guarded."""
        m, unit, res, s = self.model, self.unit, self.res, self.s
        self.x = {o.index: m.new_bool_var(f"option[{'+'.join(o.itinerary.leg_ids)}]") for o in unit.options}
        m.add_exactly_one(self.x.values())
        self.r: dict[tuple[int, int], cp_model.IntVar] = {}
        if unit.n_escorts:
            for o in unit.options:
                for j, ret in enumerate(o.returns):
                    self.r[o.index, j] = m.new_bool_var(f"return[{o.index},{'+'.join(ret.leg_ids)}]")
                    self.escort_spans[o.index, j] = res.escort_span(o, ret)
                m.add(sum(self.r[o.index, j] for j in range(len(o.returns))) == self.x[o.index])
        self.y = {v.id: m.new_bool_var(f"vehicle[{v.id}]") for v in s.vehicles}
        m.add_exactly_one(self.y.values())
        self.holders = [p for p in s.staff if any(role in unit.needs for role in p.roles)] if unit.n_escorts else []
        self.z: dict[tuple[str, Role], cp_model.IntVar] = {}
        self.e: dict[str, cp_model.IntVar] = {}
        for p in self.holders:
            roles = [role for role in p.roles if role in unit.needs]
            for role in roles:
                self.z[p.id, role] = m.new_bool_var(f"escort[{p.id},{role.value}]")
            self.e[p.id] = m.new_bool_var(f"escort[{p.id}]")
            m.add(sum(self.z[p.id, role] for role in roles) == self.e[p.id])
        for role, count in unit.needs.items() if unit.n_escorts else ():
            m.add(sum(var for (sid, rr), var in self.z.items() if rr == role) == count)
        add_all_guarded(self)

    # -- solving ---------------------------------------------------------------------
    def check_cost(self) -> float:
        """Seconds one core solve of this model counts as (deterministic: from the model's size)."""
        return CHECK_BASE_S + CHECK_PER_CONSTRAINT_S * len(self.model.proto.constraints)

    def check(self, keys: list[Guard], meter: Meter | None = None) -> tuple[str, list[Guard]]:
        """('infeasible', a sufficient subset of `keys`), ('feasible', []) or ('unknown', [])."""
        self.model.clear_assumptions()
        self.model.add_assumptions([self.guards[k] for k in keys])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = 0
        wall = CORE_TIME_LIMIT_S if meter is None else min(CORE_TIME_LIMIT_S, max(0.01, meter.slice.left()))
        solver.parameters.max_time_in_seconds = wall
        solver.parameters.max_deterministic_time = CORE_DETERMINISTIC_LIMIT  # same answer run to run
        if meter is not None:
            meter.charge(self.check_cost())
        status = solver.solve(self.model)
        if status == cp_model.INFEASIBLE:
            found = set(solver.sufficient_assumptions_for_infeasibility())
            return "infeasible", [k for k in keys if self.guards[k].index in found]
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return "feasible", []
        return "unknown", []

    def minimal_core(self, meter: Meter | None = None) -> tuple[str, list[Guard]]:
        """A core minimised by deletion; with a `meter`, minimising stops when it runs out (the core so
        far is sufficient, perhaps not minimal)."""
        keys = sorted(self.guards, key=guard_order)
        status, core = self.check(keys, meter)
        if status != "infeasible":
            return status, []
        if not core:
            return "infeasible", []
        core = sorted(core, key=guard_order)
        i = 0
        while i < len(core):
            if meter is not None and meter.exhausted():
                break
            trial = core[:i] + core[i + 1:]
            status, smaller = self.check(trial, meter)
            if status == "infeasible":
                keep = set(smaller) if smaller else set(trial)
                core = [k for k in trial if k in keep]
            else:
                i += 1
        return "infeasible", core


def guard_order(key: Guard) -> tuple:
    return FAMILY_ORDER.get(key.family, 99), key.kind, key.ident
