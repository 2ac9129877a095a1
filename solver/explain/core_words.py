"""Words for a blocking core: texts in Dutch and English that point at legs, vehicles and people."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from models import timeline as tl
from models.common import Gender
from solver.explain.core import Guard, UnitModel
from solver.explain.words import (
    GENDER_EN,
    GENDER_NL,
    LATEST_SHOWN,
    ROLE_EN,
    ROLE_NL,
    Reason,
    day_text,
    listing,
    role_words,
    span_text,
)
from solver.index import Index, Unit
from solver.occupancy import Occupancy
from solver.resources import Resources, Span

log = logging.getLogger(__name__)

# -- words for the core ------------------------------------------------------------------------
class Words:
    """Texts that point at data, for one unit against the fixed rest of the plan."""

    def __init__(self, ix: Index, res: Resources, occ: Occupancy, unit: Unit):
        self.ix, self.res, self.occ, self.unit = ix, res, occ, unit
        self.s = ix.scenario
        self.tz: ZoneInfo = unit.location.zone
        self.labels = {u.key: u.label for u in ix.units}
        self._last_minute = ix.grid.floor(LATEST_SHOWN)

    def dt(self, minutes: int) -> datetime:
        return self.ix.grid.origin + timedelta(minutes=min(minutes, self._last_minute))

    def days(self, start: int, end: int, lang: str) -> str:
        return span_text(self.dt(start), self.dt(end), self.tz, lang)

    def leg(self, leg_id: str, lang: str) -> str:
        f = self.s.flight_by_id[leg_id]
        origin = self.s.location_by_id[f.from_]
        return f"{f.code} {day_text(f.departure.astimezone(origin.zone).date(), lang)}"

    def users(self, leg_ids: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(self.labels.get(k, k) for leg in leg_ids for k in self.occ.leg_users.get(leg, ())))

    def other_trips(self, spans: list[tuple[Span, str]], mine: Iterable[Span]) -> list[tuple[Span, str]]:
        mine = list(mine)
        return [(sp, k) for sp, k in spans if any(sp.overlaps(m) for m in mine)]

    def escort_range(self) -> tuple[int, int]:
        st = self.s.settings
        starts = [o.pickup_min - tl.report_lead(st) for o in self.unit.options]
        ends = [ret.arr for o in self.unit.options for ret in o.returns] or [o.itinerary.arr for o in self.unit.options]
        return min(starts), max(ends)


def reasons_from_core(w: Words, um: UnitModel, core: list[Guard]) -> list[Reason]:
    unit, s, occ = w.unit, w.s, w.occ
    by_family: dict[str, list[Guard]] = defaultdict(list)
    for key in core:
        by_family[key.family].append(key)
    out: list[Reason] = []

    legs = sorted({k.ident for k in by_family.get("seats", [])}, key=lambda i: (s.flight_by_id[i].departure, i))
    if legs:
        outbound_legs = {leg.id for o in unit.options for leg in o.itinerary.legs}
        info = {}
        items: dict[str, list[str]] = {"nl": [], "en": []}
        for leg_id in legs:
            f = s.flight_by_id[leg_id]
            needed = unit.person_seats + unit.n_escorts if leg_id in outbound_legs else unit.n_escorts
            free = max(0, f.seats - occ.seats[leg_id])
            info[leg_id] = {"free": free, "needed": needed, "seats": f.seats}
            back = leg_id not in outbound_legs
            items["nl"].append(("terugvlucht " if back else "")
                               + f"{w.leg(leg_id, 'nl')} ({free} vrij, {needed} nodig)")
            items["en"].append(("return " if back else "") + f"{w.leg(leg_id, 'en')} ({free} free, {needed} needed)")
        users = w.users(legs)
        out.append(Reason(
            "seats",
            f"te weinig stoelen vrij op {listing(items['nl'], 'nl')}"
            + (f"; geboekt voor {listing(users, 'nl')}" if users else ""),
            f"not enough seats left on {listing(items['en'], 'en')}"
            + (f"; booked for {listing(users, 'en')}" if users else ""),
            {"legs": info, "cases": users},
        ))

    legs = sorted({k.ident for k in by_family.get("forced", [])}, key=lambda i: (s.flight_by_id[i].departure, i))
    if legs:
        info = {i: {"max_forced": s.flight_by_id[i].max_forced, "used": occ.forced[i]} for i in legs}
        nl = [f"{w.leg(i, 'nl')} (max {info[i]['max_forced']})" for i in legs]
        en = [f"{w.leg(i, 'en')} (max {info[i]['max_forced']})" for i in legs]
        users = w.users(legs)
        out.append(Reason(
            "forced",
            f"geen plaats meer voor gedwongen vertrek op {listing(nl, 'nl')}"
            + (f"; bezet door {listing(users, 'nl')}" if users else ""),
            f"no forced-departure place left on {listing(en, 'en')}"
            + (f"; taken by {listing(users, 'en')}" if users else ""),
            {"legs": info, "cases": users},
        ))

    legs = sorted({k.ident for k in by_family.get("stretcher", [])}, key=lambda i: (s.flight_by_id[i].departure, i))
    if legs:
        users = w.users(legs)
        out.append(Reason(
            "stretcher",
            f"brancardplaats al bezet op {listing([w.leg(i, 'nl') for i in legs], 'nl')}"
            + (f" (door {listing(users, 'nl')})" if users else ""),
            f"stretcher place already taken on {listing([w.leg(i, 'en') for i in legs], 'en')}"
            + (f" (by {listing(users, 'en')})" if users else ""),
            {"legs": legs, "cases": users},
        ))

    if by_family.get("vehicle"):
        out.append(_vehicle_reason(w, um, by_family["vehicle"]))
    if by_family.get("staff"):
        out.extend(_staff_reasons(w, um, by_family["staff"]))
    if by_family.get("excluded_country"):
        out.extend(_excluded_reasons(w, um, by_family["excluded_country"]))
    for key in by_family.get("same_gender", []):
        g = Gender(key.ident)
        same = [p.id for p in um.holders if p.gender == g]
        start, end = w.escort_range()
        out.append(Reason(
            "same_gender",
            f"geen {GENDER_NL[g]} begeleider vrij {w.days(start, end, 'nl')} (begeleider van hetzelfde geslacht vereist"
            + (f"; {listing(same, 'nl')} niet beschikbaar)" if same else "; niemand in het bestand)"),
            f"no {GENDER_EN[g]} escort free {w.days(start, end, 'en')} (same-gender escort required"
            + (f"; {listing(same, 'en')} not available)" if same else "; nobody on file)"),
            {"gender": g.value, "staff": same},
        ))
    if by_family.get("lock"):
        out.append(_lock_reason(w, by_family["lock"]))
    return out


def _vehicle_reason(w: Words, um: UnitModel, keys: list[Guard]) -> Reason:
    unit, s, res = w.unit, w.s, w.res
    items: dict[str, list[str]] = {"nl": [], "en": []}
    data: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys, key=lambda k: (k.ident, k.kind)):
        v = s.vehicle_by_id[key.ident]
        data[v.id].append(key.kind)
        if key.kind == "size":
            need = unit.persons_in_vehicle + unit.riding_escorts
            nl, en = [], []
            if v.seats < need:
                nl.append(f"{v.seats} zitplaatsen, {need} nodig")
                en.append(f"{v.seats} seats, {need} needed")
            if v.wheelchair_places < unit.wchc:
                nl.append(f"{v.wheelchair_places} rolstoelplaats(en), {unit.wchc} nodig")
                en.append(f"{v.wheelchair_places} wheelchair place(s), {unit.wchc} needed")
            if v.stretcher_places < unit.stretchers:
                nl.append(f"{v.stretcher_places} brancardplaats(en), {unit.stretchers} nodig")
                en.append(f"{v.stretcher_places} stretcher place(s), {unit.stretchers} needed")
            items["nl"].append(f"{v.id} te klein ({'; '.join(nl)})")
            items["en"].append(f"{v.id} too small ({'; '.join(en)})")
        elif key.kind == "unavailable":
            spans = [res.vehicle_span(unit, o, v.id) for o in unit.options]
            bad = [sp for sp in spans if not res.vehicle_window_ok(sp, v.id)]
            start, end = min(sp.start for sp in bad), max(sp.end for sp in bad)
            items["nl"].append(f"{v.id} niet beschikbaar {w.days(start, end, 'nl')}")
            items["en"].append(f"{v.id} not available {w.days(start, end, 'en')}")
        elif key.kind == "busy":
            spans = [res.vehicle_span(unit, o, v.id) for o in unit.options]
            others = w.other_trips(w.occ.vehicle_spans[v.id], spans)
            start, end = min(sp.start for sp, _ in others), max(sp.end for sp, _ in others)
            who = [w.labels.get(k, k) for _, k in others]
            items["nl"].append(f"{v.id} bezet {w.days(start, end, 'nl')} (vervoer {listing(who, 'nl')})")
            items["en"].append(f"{v.id} busy {w.days(start, end, 'en')} (taking {listing(who, 'en')})")
    return Reason("vehicle", "geen voertuig vrij: " + "; ".join(items["nl"]),
                  "no vehicle free: " + "; ".join(items["en"]), {"vehicles": dict(data)})


def _staff_item(w: Words, um: UnitModel, key: Guard, lang: str) -> str:
    p = w.s.staff_by_id[key.ident]
    if key.kind == "busy":
        others = w.other_trips(w.occ.staff_spans[p.id], um.escort_spans.values())
        start, end = min(sp.start for sp, _ in others), max(sp.end for sp, _ in others)
        who = listing([w.labels.get(k, k) for _, k in others], lang)
        return (f"{p.id} begeleidt {who} ({w.days(start, end, lang)})" if lang == "nl"
                else f"{p.id} escorts {who} ({w.days(start, end, lang)})")
    if key.kind == "unavailable":
        mine = list(um.escort_spans.values())
        hits = [u for u in w.res.unavailable[p.id] if any(u.overlaps(m) for m in mine)]
        start, end = min(u.start for u in hits), max(u.end for u in hits)
        days = w.days(start, end, lang)
        return f"{p.id} afwezig {days}" if lang == "nl" else f"{p.id} unavailable {days}"
    if key.kind == "max_trips":
        n = w.occ.staff_trips[p.id]
        return (f"{p.id} heeft al {n} {'reis' if n == 1 else 'reizen'} (max {p.max_trips})" if lang == "nl"
                else f"{p.id} already has {n} trip{'' if n == 1 else 's'} (max {p.max_trips})")
    return p.id


def _staff_reasons(w: Words, um: UnitModel, keys: list[Guard]) -> list[Reason]:
    unit, s = w.unit, w.s
    start, end = w.escort_range()
    out = []
    for role, count in unit.needs.items():
        mine = [k for k in keys if role in s.staff_by_id[k.ident].roles]
        if not mine:
            continue
        holders = [p.id for p in um.holders if role in p.roles]
        named = {k.ident for k in mine}
        for sid in holders:  # the others of this role that this rule keeps off every option, for the full picture
            if sid not in named and um.fully_blocked("staff", sid):
                mine.extend(k for k in sorted(um.blocks) if k.family == "staff" and k.ident == sid)
        nl_items = [_staff_item(w, um, k, "nl") for k in mine]
        en_items = [_staff_item(w, um, k, "en") for k in mine]
        need_nl = f" ({count} nodig)" if count > 1 else ""
        need_en = f" ({count} needed)" if count > 1 else ""
        out.append(Reason(
            "staff",
            f"geen {ROLE_NL[role]} vrij {w.days(start, end, 'nl')}{need_nl}: {listing(nl_items, 'nl', 6)}",
            f"no {ROLE_EN[role]} free {w.days(start, end, 'en')}{need_en}: {listing(en_items, 'en', 6)}",
            {"role": role.value, "needed": count, "staff": {k.ident: k.kind for k in mine}, "holders": holders},
        ))
    return out


def _excluded_reasons(w: Words, um: UnitModel, keys: list[Guard]) -> list[Reason]:
    unit, s, res = w.unit, w.s, w.res
    countries: set[str] = set()
    for o in unit.options:
        countries |= res.countries(o.itinerary)
        for ret in o.returns:
            countries |= res.countries(ret)
    out = []
    for role, count in unit.needs.items():
        mine = [k.ident for k in keys if role in s.staff_by_id[k.ident].roles]
        if not mine:
            continue
        mine += [p.id for p in um.holders
                 if role in p.roles and p.id not in mine and um.fully_blocked("excluded_country", p.id)]
        items = [f"{sid} ({', '.join(sorted(set(s.staff_by_id[sid].excluded_countries) & countries))})" for sid in mine]
        blocked = sorted({c for sid in mine for c in s.staff_by_id[sid].excluded_countries} & countries)
        out.append(Reason(
            "excluded_country",
            f"te weinig {role_words(role, 2, 'nl')} die naar of via {'/'.join(blocked)} mag reizen ({count} nodig): "
            f"{listing(items, 'nl', 6)} uitgesloten",
            f"too few {role_words(role, 2, 'en')} allowed to travel to or through {'/'.join(blocked)} "
            f"({count} needed): "
            f"{listing(items, 'en', 6)} excluded",
            {"role": role.value, "needed": count, "staff": mine, "countries": blocked},
        ))
    return out


def _lock_reason(w: Words, keys: list[Guard]) -> Reason:
    unit = w.unit
    nl, en = [], []
    data: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys, key=lambda k: (k.kind, k.ident)):
        data[key.kind].append(key.ident)
    if data.get("staff") or data.get("staff_required"):
        locked = sorted(unit.locked_staff or ())
        nl.append(f"vastgezet op begeleider(s) {', '.join(locked) or '-'} voor {unit.n_escorts} plaats(en)")
        en.append(f"locked to escort(s) {', '.join(locked) or '-'} for {unit.n_escorts} place(s)")
    if data.get("vehicle"):
        vehicle = next((lk.vehicle for lk in w.s.locks if lk.case in unit.case_ids and lk.vehicle), "-")
        nl.append(f"vastgezet op voertuig {vehicle}")
        en.append(f"locked to vehicle {vehicle}")
    if data.get("forbid_staff"):
        nl.append(f"uitgesloten begeleider(s) {', '.join(data['forbid_staff'])}")
        en.append(f"forbidden escort(s) {', '.join(data['forbid_staff'])}")
    if data.get("forbid_vehicle"):
        nl.append(f"uitgesloten voertuig(en) {', '.join(data['forbid_vehicle'])}")
        en.append(f"forbidden vehicle(s) {', '.join(data['forbid_vehicle'])}")
    return Reason("lock", "door de regievoerder vastgezet of uitgesloten: " + "; ".join(nl),
                  "locked or forbidden by the coordinator: " + "; ".join(en), dict(data))
