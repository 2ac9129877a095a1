"""CP-SAT decision variables in one container, with readable names and named queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from models import timeline as tl
from models.common import Role
from solver.duty import joins_at_airport
from solver.resources import Resources
from solver.selection import Assignment
from solver.units import Index, Unit

UnitRef = Unit | str
"""A unit, or its key, for the named queries below."""


def _key(unit: UnitRef) -> str:
    return unit if isinstance(unit, str) else unit.key


@dataclass
class Vars:
    model: cp_model.CpModel
    ix: Index
    res: Resources
    planned: dict[str, cp_model.IntVar] = field(default_factory=dict)
    x: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)
    ret: dict[tuple[str, int, int], cp_model.IntVar] = field(default_factory=dict)
    esc_role: dict[tuple[str, str, Role], cp_model.IntVar] = field(default_factory=dict)
    esc: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    veh: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    veh_airport: dict[tuple[str, str, str], cp_model.IntVar] = field(default_factory=dict)
    roles_of: dict[str, list[tuple[str, Role, cp_model.IntVar]]] = field(default_factory=dict)
    """Per unit, its (staff, role, variable) triples: the per-unit view of `esc_role` (no scans)."""
    airports_of: dict[tuple[str, str], list[tuple[str, cp_model.IntVar]]] = field(default_factory=dict)
    """Per (unit, vehicle), its (airport, variable) pairs: the per-unit view of `veh_airport`."""
    pickup: dict[str, cp_model.IntVar] = field(default_factory=dict)
    airport_arrival: dict[str, cp_model.IntVar] = field(default_factory=dict)
    return_arrival: dict[str, cp_model.IntVar] = field(default_factory=dict)
    first_departure: dict[str, cp_model.IntVar] = field(default_factory=dict)
    """Per unit with an airport-joining escort role: the first outbound departure (their start, rule 7)."""
    frozen: dict[str, Assignment] = field(default_factory=dict)
    """Unit key -> the frozen trip's Assignment (`solver.rules.frozen` keeps them, guarded)."""
    kept: dict[str, cp_model.IntVar] = field(default_factory=dict)
    """Per unit with a previous trip, 1 when it keeps that trip (`objectives.disruption` makes them)."""
    horizon: tuple[int, int] = (0, 1)
    """Every time the model can produce lies in [low, high] (grid minutes): domains come from here."""

    def units(self) -> list[Unit]:
        return [u for u in self.ix.units if u.options]

    # -- named queries: what the rule modules and objectives ask of the model -------------------
    def assigned(self, unit: UnitRef) -> cp_model.IntVar:
        """1 when the unit travels (any option)."""
        return self.planned[_key(unit)]

    def option_of(self, unit: UnitRef, option: int) -> cp_model.IntVar:
        """1 when the unit takes outbound option `option` (its `TripOption.index`)."""
        return self.x[_key(unit), option]

    def return_of(self, unit: UnitRef, option: int, ret: int) -> cp_model.IntVar:
        """1 when the unit's escorts fly back on return `ret` of option `option`."""
        return self.ret[_key(unit), option, ret]

    def escorts(self, unit: UnitRef, staff: str) -> cp_model.IntVar:
        """1 when `staff` escorts the unit (in any role)."""
        return self.esc[_key(unit), staff]

    def escorts_as(self, unit: UnitRef, staff: str, role: Role) -> cp_model.IntVar:
        """1 when `staff` escorts the unit in `role`."""
        return self.esc_role[_key(unit), staff, role]

    def may_escort(self, unit: UnitRef, staff: str, role: Role | None = None) -> bool:
        """Whether the model has a variable for `staff` escorting the unit (in `role`)."""
        if role is None:
            return (_key(unit), staff) in self.esc
        return (_key(unit), staff, role) in self.esc_role

    def uses_vehicle(self, unit: UnitRef, vehicle: str) -> cp_model.IntVar:
        """1 when `vehicle` drives the unit to the airport."""
        return self.veh[_key(unit), vehicle]

    def may_use_vehicle(self, unit: UnitRef, vehicle: str) -> bool:
        return (_key(unit), vehicle) in self.veh

    def vehicle_airports(self, unit: UnitRef, vehicle: str) -> list[tuple[str, cp_model.IntVar]]:
        """(airport, variable) pairs: 1 when `vehicle` drives the unit to that airport."""
        return self.airports_of[_key(unit), vehicle]

    def pickup_of(self, unit: UnitRef) -> cp_model.IntVar:
        """The unit's pickup time (grid minutes)."""
        return self.pickup[_key(unit)]

    def airport_arrival_of(self, unit: UnitRef) -> cp_model.IntVar:
        return self.airport_arrival[_key(unit)]

    def return_arrival_of(self, unit: UnitRef) -> cp_model.IntVar:
        """When the unit's escorts are back (grid minutes); units with escorts only."""
        return self.return_arrival[_key(unit)]

    def time_var(self, name: str) -> cp_model.IntVar:
        return self.model.new_int_var(self.horizon[0], self.horizon[1], name)

    def length_var(self, name: str) -> cp_model.IntVar:
        return self.model.new_int_var(0, self.horizon[1] - self.horizon[0], name)

    def escort_start(self, unit: Unit, role: Role) -> cp_model.LinearExpr:
        """Rule 7: the trip start of an escort in `role` (airport report or pickup report)."""
        st = self.ix.scenario.settings
        if joins_at_airport(role, st):
            return self.first_departure[unit.key] - tl.airport_report_lead(st)
        return self.pickup[unit.key] - tl.report_lead(st)


def model_horizon(ix: Index, res: Resources) -> tuple[int, int]:
    """The span of every vehicle and escort interval of every option, with a minute of margin.

    Derived from the data, not fixed constants: a long drive, a long rest or a far date would
    otherwise fall outside a fixed domain and silently forbid the options that need it.
    """
    st = ix.scenario.settings
    low, high = 0, 1
    for unit in ix.units:
        if not unit.options:
            continue
        depots = {res.vehicles[vid].depot for vid in unit.vehicles}
        out = max((ix.drive(d, unit.location.id) for d in depots), default=0)
        for o in unit.options:
            back = max((ix.drive(o.airport, d) for d in depots), default=0)
            low = min(low, o.pickup_min - tl.report_lead(st), o.pickup_min - out,
                      o.itinerary.dep - tl.airport_report_lead(st))
            high = max(high, o.airport_arrival_min + back, o.itinerary.arr,
                       max((r.arr for r in o.returns), default=0) + tl.rest_after(st))
    return low - 1, high + 1


def build_vars(model: cp_model.CpModel, ix: Index, res: Resources) -> Vars:
    v = Vars(model, ix, res)
    v.horizon = model_horizon(ix, res)
    low, horizon = v.horizon
    for unit in ix.units:
        if not unit.options:
            continue
        k = unit.key
        v.planned[k] = model.new_bool_var(f"planned[{k}]")
        for o in unit.options:
            v.x[k, o.index] = model.new_bool_var(f"option[{k},{'+'.join(o.itinerary.leg_ids)}]")
            if unit.n_escorts:
                for r, it in enumerate(o.returns):
                    v.ret[k, o.index, r] = model.new_bool_var(f"return[{k},{o.index},{'+'.join(it.leg_ids)}]")
        model.add(sum(v.x[k, o.index] for o in unit.options) == v.planned[k])
        for o in unit.options:
            if unit.n_escorts:
                model.add(sum(v.ret[k, o.index, r] for r in range(len(o.returns))) == v.x[k, o.index])
        v.pickup[k] = model.new_int_var(low, horizon, f"pickup[{k}]")
        model.add(v.pickup[k] == sum(o.pickup_min * v.x[k, o.index] for o in unit.options))
        v.airport_arrival[k] = model.new_int_var(low, horizon, f"airport_arrival[{k}]")
        model.add(v.airport_arrival[k] == sum(o.airport_arrival_min * v.x[k, o.index] for o in unit.options))
        if any(joins_at_airport(role, ix.scenario.settings) for role in unit.needs):
            v.first_departure[k] = model.new_int_var(low, horizon, f"first_departure[{k}]")
            model.add(v.first_departure[k] == sum(o.itinerary.dep * v.x[k, o.index] for o in unit.options))
        if unit.n_escorts:
            v.return_arrival[k] = model.new_int_var(low, horizon, f"return_arrival[{k}]")
            model.add(v.return_arrival[k] == sum(
                it.arr * v.ret[k, o.index, r] for o in unit.options for r, it in enumerate(o.returns)
            ))
        # escorts: one role per person, every place filled
        by_role = defaultdict(list)
        v.roles_of[k] = []
        for sid in unit.staff:
            roles = [role for role in res.staff[sid].roles if role in unit.needs]
            for role in roles:
                var = v.esc_role[k, sid, role] = model.new_bool_var(f"escort[{k},{sid},{role.value}]")
                v.roles_of[k].append((sid, role, var))
                by_role[role].append(var)
            if len(roles) == 1:  # one role: "escorts" and "escorts in that role" are one literal
                v.esc[k, sid] = v.esc_role[k, sid, roles[0]]
                continue
            v.esc[k, sid] = model.new_bool_var(f"escort[{k},{sid}]")
            model.add(sum(v.esc_role[k, sid, role] for role in roles) == v.esc[k, sid])
        for role, count in unit.needs.items():
            model.add(sum(by_role[role]) == count * v.planned[k])
        # vehicle and the airport it drives to
        airports = sorted({o.airport for o in unit.options})
        for vid in unit.vehicles:
            v.veh[k, vid] = model.new_bool_var(f"vehicle[{k},{vid}]")
            v.airports_of[k, vid] = []
            for a in airports:
                var = v.veh_airport[k, vid, a] = model.new_bool_var(f"vehicle[{k},{vid},{a}]")
                v.airports_of[k, vid].append((a, var))
            model.add(sum(v.veh_airport[k, vid, a] for a in airports) == v.veh[k, vid])
        model.add(sum(v.veh[k, vid] for vid in unit.vehicles) == v.planned[k])
        for a in airports:
            model.add(
                sum(v.veh_airport[k, vid, a] for vid in unit.vehicles)
                == sum(v.x[k, o.index] for o in unit.options if o.airport == a)
            )
    return v
