"""Why a case is unplanned, in words that point at data.

First what its own data rules out (`solver.explain.static.static_reasons`: the index's blockers,
missing people or vehicles that fit), else the resources it lost to other trips, found by
replaying the final plan.
"""

from __future__ import annotations

from collections import Counter

from models.common import Role
from solver.explain.own_data import static_reasons
from solver.explain.words import ROLE_EN
from solver.index import Index, Unit
from solver.occupancy import Occupancy
from solver.resources import Span
from solver.selection import Assignment

MAX_REASONS = 4


def _span_text(ix: Index, start: int, end: int) -> str:
    a = ix.grid.to_datetime(start)
    b = ix.grid.to_datetime(end)
    if a.date() == b.date():
        return f"{a:%d %b}"
    return f"{a:%d}–{b:%d %b}" if a.month == b.month else f"{a:%d %b}–{b:%d %b}"


def lost_resources(occ: Occupancy, unit: Unit) -> list[str]:
    """Replay: for each option, the first resource that is no longer free."""
    ix = occ.ix
    reasons: Counter[str] = Counter()
    fits = 0
    for option in unit.options:
        leg_problems = occ.outbound_problems(unit, option)
        if leg_problems:
            reasons.update(leg_problems[:1])
            continue
        if occ.free_vehicle(unit, option) is None:
            reasons[f"no vehicle free on {option.pickup:%d %b} that fits"] += 1
            continue
        if not unit.needs:
            fits += 1
            continue
        found_return = False
        role_short: str | tuple[Role, Span] | None = None
        for ret in option.returns:
            if not occ.return_fits(unit, option, ret):
                continue
            found_return = True
            cands = occ.candidates(unit, option, ret)
            short = [role for role, count in unit.needs.items() if len(cands[role]) < count]
            if not short:
                if occ.pick_escorts(unit, option, ret) is not None:
                    fits += 1
                    role_short = None
                    break
                role_short = "same_gender" if unit.same_gender else "combo"
            else:
                role_short = (short[0], occ.res.escort_span(option, ret, short[0]))
        if not found_return:
            reasons["no return seats for the escorts on " + f"{option.itinerary.legs[-1].flight.arrival:%d %b}"] += 1
        elif role_short == "same_gender":
            genders = "/".join(sorted(g.value for g in unit.same_gender))
            reasons[f"no free escort team with an escort of gender {genders} on {option.pickup:%d %b}"] += 1
        elif role_short == "combo":
            reasons[f"no free combination of escorts on {option.pickup:%d %b}"] += 1
        elif isinstance(role_short, tuple):
            role, span = role_short
            reasons[f"no {ROLE_EN[role]} free {_span_text(ix, span.start, span.end)}"] += 1
    if fits:
        return ["fits in the remaining capacity, but the solver's time limit ended first"]
    return [text for text, _ in reasons.most_common(MAX_REASONS)] or ["no feasible combination found"]


def explain_unplanned(ix: Index, occ: Occupancy, assignments: dict[str, Assignment]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for unit in ix.units:
        if unit.key in assignments:
            continue
        reasons = [r.text_en for r in static_reasons(ix, unit, search=False)]
        if not reasons:
            reasons = lost_resources(occ, unit)
        out[unit.key] = reasons
    return out
