"""What-if candidates: the single changes a coordinator can ask for, as scenario edits.

`planner.whatif` tries them by re-solving; this module only builds them from the case's blocking
rules (`solver.explain`) and prices them (COST, a ranking, not euros).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from models import Scenario, scenario_from_dict
from models import timeline as tl
from models.case import DeadlineKind, FitStatus
from models.common import Gender, Role
from models.instants import day_plus, inside, local_day, plus
from planner.events import set_care_window, set_fit_to_fly
from planner.whatif_extras import OVERNIGHT_COST, overnight_edits
from solver.explain import (
    GENDER_EN,
    GENDER_NL,
    ROLE_NL,
    WHATIF_CODES,
    Reason,
    day_text,
    role_words,
    span_text,
)
from solver.index import Unit

COST = {
    "confirm_care": 1,
    "release_lock": 2,
    "extra_seats": 3,
    "extra_forced": 3,
    "fit_to_fly_status": 5,
    "extend_fit_to_fly": 10,
    "extend_document": 10,
    "move_deadline": 10,
    "issue_document": 25,
    "extra_vehicle": 30,
    "extra_staff": 40,
}
"""Base cost per kind; seats add 1 per extra place beyond the first, dates add 1 per day, staff
multiply by the number of people."""

EXTEND_DAYS = (3, 7, 14)
"""Date extensions tried in this order; the first that plans the case is kept."""

@dataclass(frozen=True)
class Relaxation:
    """One change to the scenario that would plan the case, and what re-solving gave."""

    kind: str
    cost: int
    text_nl: str
    text_en: str
    data: dict[str, Any] = field(default_factory=dict, compare=False)
    apply: Callable[[Scenario], Scenario] | None = field(default=None, repr=False, compare=False)
    """Makes the change on a scenario (the web planner can offer it as an action)."""
    disruption: int | None = None
    """Previously planned cases whose trip changes (the new plan against the current one)."""
    displaced: tuple[str, ...] = ()
    """Cases planned now that the new plan leaves unplanned."""
    departure: datetime | None = None
    """First departure of the case's trip in the new plan."""

    def text(self, lang: str = "nl") -> str:
        return self.text_en if lang == "en" else self.text_nl

    @property
    def code(self) -> str:
        """The checker rule code this change relaxes (`solver.explain.WHATIF_CODES`)."""
        return WHATIF_CODES[self.kind]

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "code": self.code, "cost": self.cost, "text_nl": self.text_nl,
                "text_en": self.text_en,
                "data": self.data, "disruption": self.disruption, "displaced": list(self.displaced),
                "departure": self.departure.isoformat() if self.departure else None}


def _edit(change: Callable[[dict[str, Any]], None]) -> Callable[[Scenario], Scenario]:
    """A scenario edit as a function: dump, change the dict, validate again."""

    def run(scenario: Scenario) -> Scenario:
        data = copy.deepcopy(scenario.model_dump(mode="json", by_alias=True))
        change(data)
        return scenario_from_dict(data, "<what-if>")

    return run


def _cases(data: dict[str, Any], ids: Iterable[str]) -> list[dict[str, Any]]:
    ids = set(ids)
    return [c for c in data["cases"] if c["id"] in ids]


def _leg_name(scenario: Scenario, leg_id: str, lang: str) -> str:
    f = scenario.flight_by_id[leg_id]
    return f"{f.code} {day_text(local_day(f.departure, scenario.location_by_id[f.from_].zone), lang)}"


def _unique_id(taken: set[str], base: str) -> str:
    n = 1
    while f"{base}-{n}" in taken:
        n += 1
    taken.add(f"{base}-{n}")
    return f"{base}-{n}"


# -- candidates ------------------------------------------------------------------------------------
class _Candidates:
    def __init__(self, scenario: Scenario, unit: Unit, reasons: list[Reason], grid):
        self.s = scenario
        self.unit = unit
        self.reasons = reasons
        self.families = {r.family for r in reasons}
        self.grid = grid
        self.tz = unit.location.zone

    def single(self) -> list[Relaxation]:
        """Candidates tried once each."""
        out: list[Relaxation] = []
        s, unit = self.s, self.unit
        for c in unit.cases:
            if not c.needs_care:
                continue
            for o in c.care.options:
                if not o.confirmed:
                    out.append(Relaxation(
                        "confirm_care", COST["confirm_care"],
                        f"zorgoptie {o.id} ({o.facility}) laten bevestigen",
                        f"get care option {o.id} ({o.facility}) confirmed",
                        {"case": c.id, "option": o.id},
                        apply=partial(set_care_window, case_id=c.id, option_id=o.id, confirmed=True)))
        ids = set(unit.case_ids)
        if any(lk.case in ids for lk in s.locks) or any(fb.case in ids for fb in s.forbids):
            def unlock(d):
                d["locks"] = [lk for lk in d.get("locks") or [] if lk["case"] not in ids]
                d["forbids"] = [fb for fb in d.get("forbids") or [] if fb["case"] not in ids]
            out.append(Relaxation("release_lock", COST["release_lock"],
                                  "vastzetting en uitsluitingen van deze zaak opheffen",
                                  "release this case's locks and forbids", {"cases": sorted(ids)}, apply=_edit(unlock)))
        out.extend(self._places("seats", "extra_seats"))
        out.extend(self._places("forced", "extra_forced"))
        for c in unit.cases:
            if c.fit_to_fly.status is FitStatus.pending:
                out.append(Relaxation(
                    "fit_to_fly_status", COST["fit_to_fly_status"],
                    "BMA-besluit: fit-to-fly (nu nog pending)", "BMA decision: fit to fly (pending now)",
                    {"case": c.id},
                    apply=partial(set_fit_to_fly, case_id=c.id, status=FitStatus.fit)))
            if c.travel_document is None:
                start = s.planning_start.date()

                def issue(d, c=c.id, start=start):
                    for x in _cases(d, [c]):
                        x["travel_document"] = {"valid_from": start.isoformat(),
                                                "valid_until": day_plus(start, 365).isoformat()}
                out.append(Relaxation("issue_document", COST["issue_document"],
                                      "reisdocument (laissez-passer) laten afgeven", "get a travel document issued",
                                      {"case": c.id}, apply=_edit(issue)))
        if "vehicle" in self.families:
            out.extend(self._vehicle())
        if self.families & {"itinerary", "other"}:  # e.g. no pickup within the airport-wait limit (rule 9)
            out.extend(Relaxation("overnight_stay", OVERNIGHT_COST, nl, en, data, apply=_edit(change))
                       for _, nl, en, data, change in overnight_edits(s, list(unit.case_ids)))
        return out

    def _places(self, family: str, kind: str) -> list[Relaxation]:
        """One candidate per leg named by a seats/forced reason, and one for all those legs together."""
        s, unit = self.s, self.unit
        short: dict[str, int] = {}
        for r in self.reasons:
            if r.family != family:
                continue
            for leg_id, info in (r.data.get("legs") or {}).items():
                if family == "seats":
                    short[leg_id] = max(1, info["needed"] - info["free"])
                else:
                    short[leg_id] = max(1, info["used"] + unit.forced - info["max_forced"])
        field_name = "seats" if family == "seats" else "max_forced"
        def what_nl(n: int) -> str:
            if family == "seats":
                return "stoel" if n == 1 else "stoelen"
            return "plaats voor gedwongen vertrek" if n == 1 else "plaatsen voor gedwongen vertrek"

        def what_en(n: int) -> str:
            if family == "seats":
                return "seat" if n == 1 else "seats"
            return "forced-departure place" if n == 1 else "forced-departure places"

        groups = [[leg] for leg in short]
        if len(short) > 1:
            groups.append(list(short))
        out = []
        for legs in groups:
            extra = {leg: short[leg] for leg in legs}

            def more(d, extra=extra):
                for f in d["flights"]:
                    if f["id"] in extra:
                        f[field_name] += extra[f["id"]]

            nl = ", ".join(f"{n} extra {what_nl(n)} op {_leg_name(s, leg, 'nl')}" for leg, n in extra.items())
            en = ", ".join(f"{n} more {what_en(n)} on {_leg_name(s, leg, 'en')}" for leg, n in extra.items())
            out.append(Relaxation(kind, COST[kind] + sum(extra.values()) - 1, nl, en, {"legs": extra},
                                  apply=_edit(more)))
        return out

    def _window(self, before_min: int, after_min: int) -> tuple[datetime, datetime] | None:
        """From the earliest pickup to the latest escort return of the unit's options, padded."""
        unit = self.unit
        if not unit.options:
            return None
        st = self.s.settings
        start = min(o.pickup_min for o in unit.options) - tl.report_lead(st) - before_min
        ends = ([r.arr + tl.rest_after(st) for o in unit.options for r in o.returns]
                or [o.airport_arrival_min for o in unit.options])
        return self.grid.to_datetime(start), self.grid.to_datetime(max(ends) + after_min)

    def _vehicle(self) -> list[Relaxation]:
        s, unit = self.s, self.unit
        window = self._window(6 * 60, 6 * 60)
        if window is None or not s.vehicles:
            return []
        template = max(s.vehicles, key=lambda v: (v.stretcher_places >= unit.stretchers,
                                                  v.wheelchair_places >= unit.wchc,
                                                   v.seats, v.id))
        taken = {v.id for v in s.vehicles}
        new_id = _unique_id(taken, "EXTRA-vehicle")
        start, end = window

        others = [c.id for c in s.cases if c.id not in unit.case_ids]

        def add(d):
            d["forbids"] = list(d.get("forbids") or []) + [{"case": c, "vehicle": new_id} for c in others]
            v = copy.deepcopy(next(x for x in d["vehicles"] if x["id"] == template.id))
            v.update(id=new_id, name=f"Extra {template.name}",
                     seats=max(v["seats"], unit.persons_in_vehicle + unit.riding_escorts),
                     wheelchair_places=max(v["wheelchair_places"], unit.wchc),
                     stretcher_places=max(v["stretcher_places"], unit.stretchers),
                     available=[{"from": start.isoformat(), "to": end.isoformat()}])
            d["vehicles"].append(v)

        days_nl, days_en = span_text(start, end, self.tz, "nl"), span_text(start, end, self.tz, "en")
        return [Relaxation("extra_vehicle", COST["extra_vehicle"],
                           f"extra voertuig (zoals {template.id}) voor deze zaak, beschikbaar {days_nl}",
                           f"one more vehicle (like {template.id}) for this case, available {days_en}",
                           {"vehicle": new_id, "template": template.id, "from": start.isoformat(),
                            "to": end.isoformat()},
                           apply=_edit(add))]

    def staff(self) -> list[list[Relaxation]]:
        """Per needed role: one more person, then as many as the role needs (tried in that order)."""
        unit = self.unit
        if not unit.n_escorts or not (self.families & {"staff", "same_gender", "excluded_country"}):
            return []
        window = self._window(60, 60)
        if window is None:
            return []
        start, end = window
        gender = sorted(unit.same_gender, key=lambda g: g.value)[0] if unit.same_gender else None
        out = []
        for role, count in unit.needs.items():
            series = []
            for n in sorted({1, count}):
                series.append(self._extra_staff(role, n, gender, start, end))
            out.append(series)
        return out

    def _extra_staff(self, role: Role, n: int, gender: Gender | None, start: datetime, end: datetime) -> Relaxation:
        s = self.s
        holders = [p for p in s.staff if role in p.roles]
        template = next((p for p in holders if gender is None or p.gender == gender),
                        holders[0] if holders else s.staff[0] if s.staff else None)
        taken = {p.id for p in s.staff}
        new_ids = [_unique_id(taken, f"EXTRA-{role.value}") for _ in range(n)]
        base = template.base if template else s.locations[0].id
        g = gender or (template.gender if template else Gender.X)
        far_past, far_future = inside(plus(start, -timedelta(days=365))), inside(plus(end, timedelta(days=365)))

        others = [c.id for c in s.cases if c.id not in self.unit.case_ids]

        def add(d):
            for new_id in new_ids:
                # hired for this case: forbidden for the others, so a more urgent case cannot take them
                d["forbids"] = list(d.get("forbids") or []) + [{"case": c, "staff": new_id} for c in others]
                d["staff"].append({
                    "id": new_id, "name": f"Extra {ROLE_NL[role]}", "email": f"{new_id.lower()}@example.invalid",
                    "roles": [role.value], "gender": g.value, "languages": None, "base": base,
                    "unavailable": [{"from": far_past.isoformat(), "to": start.isoformat()},
                                    {"from": end.isoformat(), "to": far_future.isoformat()}],
                    "max_trips": 1, "excluded_countries": [],
                    "hour_cost_eur": template.hour_cost_eur if template else 0,
                })

        days_nl, days_en = span_text(start, end, self.tz, "nl"), span_text(start, end, self.tz, "en")
        gender_nl = f" ({GENDER_NL[gender].rstrip('-')})" if gender else ""
        gender_en = f" ({GENDER_EN[gender]})" if gender else ""
        return Relaxation(
            "extra_staff", COST["extra_staff"] * n,
            f"{n} extra {role_words(role, n, 'nl')}{gender_nl} voor deze zaak, beschikbaar {days_nl}",
            f"{n} more {role_words(role, n, 'en')}{gender_en} for this case, available {days_en}",
            {"role": role.value, "count": n, "gender": g.value, "staff": new_ids,
             "from": start.isoformat(), "to": end.isoformat()},
            apply=_edit(add))

    def dated(self) -> list[list[Relaxation]]:
        """Series of date extensions (3, 7, 14 days); the first that works ends its series."""
        s, unit = self.s, self.unit
        out = []
        deadline_day = local_day(min(c.deadline for c in unit.cases), self.tz)
        ftf_cases = [c for c in unit.cases if c.fit_to_fly.allows_travel and c.fit_to_fly.valid_until < deadline_day]
        if ftf_cases:
            out.append(_validity_series(
                "extend_fit_to_fly", "fit_to_fly", {c.id: c.fit_to_fly.valid_until for c in ftf_cases},
                "fit-to-fly {n} dagen verlengen (tot {day})", "extend fit-to-fly by {n} days (to {day})"))
        doc_cases = [c for c in unit.cases
                     if c.travel_document is not None and c.travel_document.valid_until < deadline_day]
        if doc_cases:
            out.append(_validity_series(
                "extend_document", "travel_document",
                {c.id: doc.valid_until for c in doc_cases if (doc := c.travel_document) is not None},
                "reisdocument {n} dagen verlengen (tot {day})", "extend the travel document by {n} days (to {day})"))
        earliest_deadline = min(c.deadline for c in unit.cases)
        # a legal deadline (e.g. the end of detention) is never proposed for a move (FORMAT.md, case)
        movable = [c for c in unit.cases if c.deadline_kind is DeadlineKind.target]
        legal = [c.deadline for c in unit.cases if c.deadline_kind is not DeadlineKind.target]
        if movable and (not legal or min(legal) > earliest_deadline) and any(
                f.departure > earliest_deadline for f in s.flights):
            series = []
            for n in EXTEND_DAYS:
                moved = {c.id: inside(plus(c.deadline, timedelta(days=n))) for c in movable}
                if legal:
                    moved = {cid: min(d, min(legal)) for cid, d in moved.items()}

                def later(d, moved=moved):
                    for x in _cases(d, moved):
                        x["deadline"] = moved[x["id"]].isoformat()

                new = min(moved.values())
                series.append(Relaxation(
                    "move_deadline", COST["move_deadline"] + n,
                    f"deadline {n} dagen later ({day_text(local_day(new, self.tz), 'nl')})",
                    f"move the deadline {n} days later ({day_text(local_day(new, self.tz), 'en')})",
                    {"cases": sorted(moved), "days": n, "deadline": new.isoformat()}, apply=_edit(later)))
            out.append(series)
        return out


def _validity_series(kind: str, field: str, valid_until: dict[str, date], text_nl: str,
                     text_en: str) -> list[Relaxation]:
    """Extend `field.valid_until` of these cases by each of EXTEND_DAYS: one relaxation per step."""
    series = []
    for n in EXTEND_DAYS:
        until = {case: day_plus(day, n) for case, day in valid_until.items()}

        def extend(d, until=until):
            for x in _cases(d, until):
                x[field]["valid_until"] = until[x["id"]].isoformat()

        last = max(until.values())
        series.append(Relaxation(
            kind, COST[kind] + n, text_nl.format(n=n, day=day_text(last, "nl")),
            text_en.format(n=n, day=day_text(last, "en")),
            {"cases": sorted(until), "days": n, "valid_until": last.isoformat()}, apply=_edit(extend)))
    return series

