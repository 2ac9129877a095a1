"""How big the CP-SAT model may grow: estimate its size, and when it is over `max_model_vars`, keep
fewer escort candidates per trip (the part that grows with trips x staff).

Memory and model-building time grow with the number of variables: on the XL tier (1,000 cases,
216 staff) every trip listed ~80 eligible escorts, 75,000 (trip, person) pairs with an interval
each, and two CP-SAT workers peaked at 2.2 GB. The restriction is a view for the model only: the
heuristics and the explanations keep every eligible person. Escorts that a start solution, a lock,
a frozen trip or the previous plan uses are always kept, so every start stays a valid hint.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace

from solver.index import Index, Unit
from solver.resources import Resources
from solver.selection import Assignment

log = logging.getLogger(__name__)

VARS_PER_ESCORT = 3
"""Per (trip, person): the escort literal, its role literal(s) and an optional interval."""
MIN_PER_PLACE = 4
"""Escort candidates kept per escort place of a trip (more for the roles a trip needs twice)."""
BUILD_SECONDS_PER_VAR = 2.5e-5
"""Model building and hint setup in Python, per variable (measured: ~150,000 variables in ~3.5 s)."""


def fixed_vars(unit: Unit) -> int:
    """Variables a unit brings that do not depend on its escort candidates."""
    returns = sum(len(o.returns) for o in unit.options) if unit.n_escorts else 0
    airports = len({o.airport for o in unit.options})
    return 4 + len(unit.options) + returns + len(unit.vehicles) * (1 + airports)


def estimate_vars(units: list[Unit]) -> int:
    return sum(fixed_vars(u) + VARS_PER_ESCORT * len(u.staff) for u in units if u.options)


def build_seconds(units: list[Unit]) -> float:
    """The model's build time as the budget counts it (deterministic: from counts only)."""
    return BUILD_SECONDS_PER_VAR * estimate_vars(units)


def model_view(ix: Index, res: Resources, max_vars: int, keep: list[dict[str, Assignment]]) -> Index:
    """The index as the CP-SAT model sees it: `ix` itself when it fits in `max_vars`, else a copy
    whose trips list fewer escort candidates (the `keep` assignments' escorts always stay)."""
    units = [u for u in ix.units if u.options]
    total = estimate_vars(units)
    if total <= max_vars:
        return ix
    room = max_vars - sum(fixed_vars(u) for u in units)
    pairs = sum(len(u.staff) for u in units if u.n_escorts)
    cap_share = max(0.0, room / VARS_PER_ESCORT) / max(1, pairs)
    kept_staff: dict[str, list[str]] = {}
    load: Counter[str] = Counter()
    for unit in sorted(units, key=lambda u: (-u.priority, u.key)):
        if not unit.n_escorts:
            continue
        must = {sid for a in keep for sid, _ in (a[unit.key].escorts if unit.key in a else ())}
        if unit.previous_trip is not None:
            must |= {e.staff for e in unit.previous_trip.escorts}
        if unit.locked_staff is not None:
            must |= set(unit.locked_staff)
        target = max(int(len(unit.staff) * cap_share), MIN_PER_PLACE * unit.n_escorts)
        chosen = _pick(unit, res, must & set(unit.staff), target, load)
        load.update(chosen)
        kept_staff[unit.key] = [sid for sid in unit.staff if sid in chosen]
    view = replace(ix, units=[replace(u, staff=kept_staff[u.key]) if u.key in kept_staff else u for u in ix.units])
    log.info("model size: ~%d variables over the cap of %d; escort candidates per trip cut from %d to %d pairs",
             total, max_vars, pairs, sum(len(s) for s in kept_staff.values()))
    return view


def _pick(unit: Unit, res: Resources, must: set[str], target: int, load: Counter[str]) -> set[str]:
    """`must`, then per role and gender the least-loaded holders (load = trips they are already a
    candidate for, per trip they may make), until `target` people or every holder is in."""
    chosen = set(must)
    staff = res.staff

    def rank(sid: str) -> tuple:
        return load[sid] / max(1, staff[sid].max_trips), sid

    for gender in sorted(unit.same_gender, key=lambda g: g.value):
        same = sorted((sid for sid in unit.staff if staff[sid].gender == gender), key=rank)
        chosen.update(same[:MIN_PER_PLACE])
    for role, count in unit.needs.items():
        holders = sorted((sid for sid in unit.staff if role in staff[sid].roles), key=rank)
        have = sum(1 for sid in chosen if role in staff[sid].roles)
        for sid in holders:
            if have >= MIN_PER_PLACE * count:
                break
            if sid not in chosen:
                chosen.add(sid)
                have += 1
    for sid in sorted(unit.staff, key=rank):
        if len(chosen) >= target:
            break
        chosen.add(sid)
    return chosen
