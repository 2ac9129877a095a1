"""Blockers of a unit without options: relax its own rules in a one-unit index and keep the fewest
relaxations that give it options; the first suitable flight is what the words point at."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, NamedTuple

from models import InputError, Plan, Scenario, scenario_from_dict
from models.case import FitStatus
from models.instants import day_plus, inside, local_day, plus
from solver.explain.ground_words import ScenarioOnly, rule9_10_relaxations, rule9_10_words
from solver.explain.words import (
    ROLE_EN,
    Reason,
    day_text,
    moment_text,
    role_words,
    span_text,
)
from solver.index import Index, TripOption, Unit, build_index
from solver.no_options import connection_words
from solver.params import SolveParams

log = logging.getLogger(__name__)

# -- static blockers: relax the unit's own rules in a one-unit index --------------------------------
class _Relaxation(NamedTuple):
    family: str
    kind: str
    apply: Callable[[dict[str, Any]], object]


def _widen(valid: dict[str, str] | None, first: date, last: date) -> dict[str, str]:
    if valid is None:
        return {"valid_from": first.isoformat(), "valid_until": last.isoformat()}
    return {"valid_from": min(date.fromisoformat(valid["valid_from"]), first).isoformat(),
            "valid_until": max(date.fromisoformat(valid["valid_until"]), last).isoformat()}


def _relaxations(s: Scenario, unit: Unit) -> list[_Relaxation]:
    """The unit's own rules that could rule out every option, each as an edit of the scenario
    dict that lifts it; only those that would change something. Earlier ones are dropped first
    when minimising, so the data a coordinator can act on (dates, documents) comes last."""
    flights = s.flights
    ids = set(unit.case_ids)
    if not flights:
        return []
    first_day = day_plus(min(f.departure.date() for f in flights), -2)
    last_day = day_plus(max(f.arrival.date() for f in flights), 2)
    start = s.planning_start
    st = s.settings
    need = unit.person_seats + unit.n_escorts
    out: list[_Relaxation] = []

    def each_case(d: dict[str, Any]):
        return [c for c in d["cases"] if c["id"] in ids]

    def each_flight(d: dict[str, Any], key: str, value) -> None:
        for f in d["flights"]:
            f[key] = max(f[key], value) if not isinstance(value, bool) else value

    if any(f.seats < need for f in flights):
        out.append(_Relaxation("seats", "static", lambda d: each_flight(d, "seats", need + 99)))
    if unit.forced and any(f.max_forced < unit.forced for f in flights):
        out.append(_Relaxation("forced", "static", lambda d: each_flight(d, "max_forced", unit.forced + 9)))
    if unit.medical and any(f.departure < plus(start, timedelta(hours=f.medif_lead_hours)) for f in flights):
        out.append(_Relaxation("itinerary", "medif", lambda d: [f.update(medif_lead_hours=0) for f in d["flights"]]))
    if unit.oxygen and not all(f.oxygen for f in flights):
        out.append(_Relaxation("itinerary", "oxygen", lambda d: each_flight(d, "oxygen", True)))
    if unit.stretchers and not all(f.stretcher for f in flights):
        out.append(_Relaxation("stretcher", "static", lambda d: each_flight(d, "stretcher", True)))
    if unit.n_escorts and st.return_max_hours < 96:
        out.append(_Relaxation("itinerary", "returns", lambda d: d["settings"].update(return_max_hours=96)))
    if unit.location.pickup_windows:
        def no_windows(d):
            for loc in d["locations"]:
                if loc["id"] == unit.location.id:
                    loc["pickup_windows"] = None
        out.append(_Relaxation("itinerary", "pickup", no_windows))
    if any(c.fit_to_fly.max_legs is not None or c.fit_to_fly.max_travel_hours is not None for c in unit.cases):
        def no_limits(d):
            for c in each_case(d):
                c["fit_to_fly"].update(max_legs=None, max_travel_hours=None)
        out.append(_Relaxation("itinerary", "limits", no_limits))
    if st.notice_hours > 0 and any(f.departure < plus(start, timedelta(hours=st.notice_hours)) for f in flights):
        out.append(_Relaxation("itinerary", "notice", lambda d: d["settings"].update(notice_hours=0)))
    if any(c.needs_care for c in unit.cases):
        def no_care(d):
            for c in each_case(d):
                c["care"]["required"] = False
                c["unaccompanied"] = False
        out.append(_Relaxation("care", "care", no_care))
    out.extend(_Relaxation(*r) for r in rule9_10_relaxations(s, unit, each_case))
    latest = max(f.departure for f in flights)
    if any(c.deadline < latest for c in unit.cases):
        def late_deadline(d):
            for c in each_case(d):
                c["deadline"] = inside(plus(latest, timedelta(days=1))).isoformat()
        out.append(_Relaxation("deadline", "deadline", late_deadline))
    if any(lk.case in ids for lk in s.locks) or any(fb.case in ids for fb in s.forbids):
        def unlock(d):
            d["locks"] = [lk for lk in d["locks"] if lk["case"] not in ids]
            d["forbids"] = [fb for fb in d["forbids"] if fb["case"] not in ids]
        out.append(_Relaxation("lock", "lock", unlock))
    if any(c.travel_document is None or c.travel_document.valid_from > first_day
           or c.travel_document.valid_until < last_day for c in unit.cases):
        def documents(d):
            for c in each_case(d):
                c["travel_document"] = _widen(c["travel_document"], first_day, last_day)
        out.append(_Relaxation("documents", "documents", documents))
    if any(not c.fit_to_fly.allows_travel or c.fit_to_fly.valid_from > first_day
           or c.fit_to_fly.valid_until < last_day for c in unit.cases):
        def fit(d):
            for c in each_case(d):
                ftf = c["fit_to_fly"]
                if ftf["status"] not in (FitStatus.fit.value, FitStatus.fit_with_conditions.value):
                    ftf["status"] = FitStatus.fit.value
                valid = {"valid_from": ftf["valid_from"], "valid_until": ftf["valid_until"]}
                ftf.update(_widen(valid, first_day, last_day))
        out.append(_Relaxation("fit_to_fly", "fit_to_fly", fit))
    return out


class _OneUnitIndex:
    """Builds the index of a one-unit copy of the scenario under a set of relaxations."""

    def __init__(self, s: Scenario, unit: Unit, params: SolveParams, previous: Plan | None):
        ids = set(unit.case_ids)
        data = s.model_dump(mode="json", by_alias=True)
        data["cases"] = [c for c in data["cases"] if c["id"] in ids]
        data["locks"] = [lk for lk in data.get("locks") or [] if lk["case"] in ids]
        data["forbids"] = [fb for fb in data.get("forbids") or [] if fb["case"] in ids]
        self.base = data
        self.params = params
        self.previous = previous
        self.cache: dict[frozenset[int], Unit | None] = {}

    def unit(self, relaxations: list[_Relaxation], active: frozenset[int]) -> Unit | None:
        if active not in self.cache:
            data = copy.deepcopy(self.base)
            for i in sorted(active):
                relaxations[i].apply(data)
            try:
                scn = scenario_from_dict(data, "<diagnosis>")
            except InputError as exc:  # a relaxation that breaks validation says nothing
                log.debug("relaxed scenario invalid: %s", exc)
                self.cache[active] = None
                return None
            ix = build_index(scn, self.params, self.previous)
            self.cache[active] = ix.units[0] if ix.units else None
        return self.cache[active]


def fewest_relaxations(ix: Index, unit: Unit, params: SolveParams | None, previous: Plan | None) -> list[Reason]:
    """A unit without options: the smallest set of its own rules that leaves it none, in words."""
    s = ix.scenario
    params = params or SolveParams()
    relaxations = _relaxations(s, unit)
    one = _OneUnitIndex(s, unit, params, previous)

    def works(active: frozenset[int]) -> Unit | None:
        u = one.unit(relaxations, active)
        return u if u is not None and u.options else None

    active = frozenset(range(len(relaxations)))
    if not relaxations or works(active) is None:
        return [_itinerary_reason(ix, unit)]
    for i in range(len(relaxations)):
        if i in active and works(active - {i}) is not None:
            active = active - {i}
    relaxed = works(active)
    assert relaxed is not None
    first = min(relaxed.options, key=lambda o: (o.itinerary.dep, o.itinerary.leg_ids))
    out: list[Reason] = []
    for i in sorted(active):
        out.extend(_static_words(ix, unit, relaxations[i], first))
    return out or [_itinerary_reason(ix, unit)]


def _first_day(ix: Index, option: TripOption) -> date:
    f = option.itinerary.legs[0].flight
    return f.departure.astimezone(ix.scenario.location_by_id[f.from_].zone).date()


def _validity_words(what_nl: str, what_en: str, valid_from: date, valid_until: date, first: date, tag: str,
                    deadline: date) -> tuple[str, str]:
    if valid_until < first:
        return (f"{tag}{what_nl} verloopt op {day_text(valid_until, 'nl')}, "
                f"eerste geschikte vlucht {day_text(first, 'nl')}",
                f"{tag}{what_en} expires on {day_text(valid_until, 'en')}, "
                f"first suitable flight {day_text(first, 'en')}")
    if valid_from > deadline:
        return (f"{tag}{what_nl} pas geldig vanaf {day_text(valid_from, 'nl')}, "
                f"na de deadline {day_text(deadline, 'nl')}",
                f"{tag}{what_en} only valid from {day_text(valid_from, 'en')}, "
                f"after the deadline {day_text(deadline, 'en')}")
    return (f"{tag}{what_nl} geldig {day_text(valid_from, 'nl')}–{day_text(valid_until, 'nl')}: geen geschikte vlucht "
            f"binnen die periode (eerste {day_text(first, 'nl')})",
            f"{tag}{what_en} valid {day_text(valid_from, 'en')}–{day_text(valid_until, 'en')}: no suitable flight "
            f"in that period (first {day_text(first, 'en')})")


def _static_words(ix: Index, unit: Unit, relaxation: _Relaxation, first: TripOption) -> list[Reason]:
    s = ix.scenario
    st = s.settings
    tz = unit.location.zone
    first_day = _first_day(ix, first)
    first_dep = first.itinerary.legs[0].flight.departure
    many = len(unit.cases) > 1
    family, kind = relaxation.family, relaxation.kind
    out: list[Reason] = []
    dest = "/".join(sorted(s.location_by_id[a].iata or a for a in unit.cases[0].destination_airports))
    if family == "documents":
        for c in unit.cases:
            tag = f"{c.pseudonym}: " if many else ""
            deadline = local_day(c.deadline, tz)
            doc = c.travel_document
            if doc is None:
                out.append(Reason("documents", f"{tag}nog geen reisdocument (laissez-passer) afgegeven",
                                  f"{tag}no travel document issued yet", {"case": c.id}))
            elif not doc.valid_on(first_day) or doc.valid_from > deadline:
                nl, en = _validity_words("reisdocument", "travel document", doc.valid_from, doc.valid_until,
                                         first_day, tag, deadline)
                out.append(Reason("documents", nl, en, {"case": c.id, "valid_from": doc.valid_from.isoformat(),
                                                       "valid_until": doc.valid_until.isoformat(),
                                                       "first_flight": first_day.isoformat()}))
        return out
    if family == "fit_to_fly":
        for c in unit.cases:
            tag = f"{c.pseudonym}: " if many else ""
            ftf = c.fit_to_fly
            deadline = local_day(c.deadline, tz)
            if not ftf.allows_travel:
                nl = ("fit-to-fly nog niet beoordeeld (status pending)" if ftf.status is FitStatus.pending
                      else f"BMA: niet fit-to-fly (status {ftf.status.value})")
                en = ("fit-to-fly decision pending" if ftf.status is FitStatus.pending
                      else f"BMA: not fit to fly (status {ftf.status.value})")
                out.append(Reason("fit_to_fly", tag + nl, tag + en, {"case": c.id, "status": ftf.status.value}))
            elif not ftf.valid_on(first_day) or ftf.valid_from > deadline:
                nl, en = _validity_words("fit-to-fly", "fit-to-fly", ftf.valid_from, ftf.valid_until, first_day, tag,
                                         deadline)
                out.append(Reason("fit_to_fly", nl, en, {"case": c.id, "valid_from": ftf.valid_from.isoformat(),
                                                         "valid_until": ftf.valid_until.isoformat(),
                                                         "first_flight": first_day.isoformat()}))
        return out
    if family == "deadline":
        c = min(unit.cases, key=lambda c: c.deadline)
        return [Reason(
            "deadline",
            f"deadline {moment_text(c.deadline, tz, 'nl')} ligt vóór de eerste geschikte vlucht "
            f"({moment_text(first_dep, tz, 'nl')})",
            f"deadline {moment_text(c.deadline, tz, 'en')} is before the first suitable flight "
            f"({moment_text(first_dep, tz, 'en')})",
            {"case": c.id, "deadline": c.deadline.isoformat(), "first_flight": first_dep.isoformat(),
             "first_legs": list(first.itinerary.leg_ids)},
        )]
    if family == "care":
        for c in unit.cases:
            if not c.needs_care:
                continue
            tag = f"{c.pseudonym}: " if many else ""
            pending = [o for o in c.care.options if not o.confirmed]
            confirmed = [o for o in c.care.options if o.confirmed]
            nl_parts: list[str] = []
            en_parts: list[str] = []
            for o in pending:
                nl_parts.append(f"{o.id} ({o.facility}) nog niet bevestigd")
                en_parts.append(f"{o.id} ({o.facility}) not confirmed yet")
            for o in confirmed:
                windows_nl = ", ".join(span_text(wd.from_, wd.to, tz, "nl") for wd in o.windows) or "geen venster"
                windows_en = ", ".join(span_text(wd.from_, wd.to, tz, "en") for wd in o.windows) or "no window"
                via = s.location_by_id[o.airport].iata or o.airport
                nl_parts.append(f"{o.id} ({o.facility}) ontvangt alleen {windows_nl} via {via}")
                en_parts.append(f"{o.id} ({o.facility}) receives only {windows_en} via {via}")
            if not c.care.options:
                nl_parts.append("geen zorgoptie bekend")
                en_parts.append("no care option on file")
            out.append(Reason("care", f"{tag}geen bevestigde opvang bij aankomst: " + "; ".join(nl_parts),
                              f"{tag}no confirmed care at arrival: " + "; ".join(en_parts),
                              {"case": c.id, "pending": [o.id for o in pending], "confirmed": [o.id for o in confirmed],
                               "first_arrival": first.itinerary.legs[-1].flight.arrival.isoformat()}))
        return out
    if family == "lock":
        locks = [lk for lk in s.locks if lk.case in unit.case_ids]
        forbids = [fb for fb in s.forbids if fb.case in unit.case_ids and fb.flight]
        nl_parts, en_parts = [], []
        for lk in locks:
            if lk.flights:
                nl_parts.append(f"vastgezette vluchten {' → '.join(lk.flights)} niet bruikbaar")
                en_parts.append(f"locked flights {' → '.join(lk.flights)} cannot be used")
            if lk.care:
                nl_parts.append(f"vastgezette opvang {lk.care} niet bruikbaar")
                en_parts.append(f"locked care {lk.care} cannot be used")
        if forbids:
            flights = ", ".join(fb.flight or "" for fb in forbids)  # the coordinator's own forbid, named as such
            many = len(forbids) > 1
            nl_parts.append(f"u heeft {'vluchten' if many else 'vlucht'} {flights} uitgesloten")
            en_parts.append(f"you forbade {'flights' if many else 'flight'} {flights}")
        return [Reason("lock",
                       "door de regievoerder vastgezet of uitgesloten: " + ("; ".join(nl_parts) or "vastzetting"),
                       "locked or forbidden by the coordinator: " + ("; ".join(en_parts) or "lock"),
                       {"locks": [lk.case for lk in locks], "forbidden_flights": [fb.flight for fb in forbids]})]
    if family == "seats":
        need = unit.person_seats + unit.n_escorts
        return [Reason("seats", f"geen vlucht naar {dest} met {need} stoelen voor deze reis",
                       f"no flight to {dest} with {need} seats for this trip", {"needed": need})]
    if family == "forced":
        return [Reason("forced", f"geen vlucht naar {dest} die {unit.forced} gedwongen vertrek(ken) meeneemt",
                       f"no flight to {dest} takes {unit.forced} forced departure(s)", {"needed": unit.forced})]
    if family == "stretcher":
        return [Reason("stretcher", f"geen vluchtverbinding naar {dest} met een brancardplaats op elke vlucht",
                       f"no itinerary to {dest} with a stretcher place on every leg", {})]
    words = {
        "medif": (f"medische zaak: de MEDIF-termijn sluit de vluchten naar {dest} binnen de deadline uit",
                  f"medical case: the MEDIF lead time rules out the flights to {dest} before the deadline"),
        "oxygen": (f"geen vluchtverbinding naar {dest} met zuurstof op elke vlucht",
                   f"no itinerary to {dest} with oxygen on every leg"),
        "returns": (f"geen terugvlucht voor de begeleiders binnen {st.return_max_hours:g} u na aankomst",
                    f"no return flight for the escorts within {st.return_max_hours:g} h of arrival"),
        "pickup": (f"geen ophaaltijd binnen de ophaaltijden van {unit.location.name}",
                   f"no pickup time inside the pickup windows of {unit.location.name}"),
        "limits": (f"geen verbinding naar {dest} binnen het maximum aantal vluchten of reisuren van de reisvoorwaarden",
                   f"no itinerary to {dest} within the travel conditions' max legs or travel hours"),
        "notice": (f"alle geschikte vluchten vertrekken binnen de aanzegtermijn van {st.notice_hours:g} u",
                   f"every suitable flight departs within the {st.notice_hours:g} h notice period"),
    }
    if kind in ("night", "long", "transit_excluded"):
        nl, en = connection_words(ScenarioOnly(s), unit, kind)
        if kind == "night":
            hubs = sorted({s.location_by_id[leg.destination].iata or leg.destination
                           for leg in first.itinerary.legs[:-1]})
            nl = nl.replace("'s nachts", f"'s nachts in {'/'.join(hubs)}") if hubs else nl
            en = en.replace("at night", f"at night in {'/'.join(hubs)}") if hubs else en
        return [Reason("itinerary", nl, en, {"kind": kind, "first_legs": list(first.itinerary.leg_ids)})]
    words.update(rule9_10_words(st))
    nl, en = words.get(kind, ("geen vluchtverbinding die aan de reisvoorwaarden voldoet",
                              "no itinerary keeps the travel conditions"))
    return [Reason("itinerary", nl, en, {"kind": kind})]


def _itinerary_reason(ix: Index, unit: Unit) -> Reason:
    s = ix.scenario
    tz = unit.location.zone
    dest = "/".join(sorted(s.location_by_id[a].iata or a for a in unit.cases[0].destination_airports))
    start = max(c.available_from for c in unit.cases)
    end = min(c.deadline for c in unit.cases)
    return Reason(
        "itinerary",
        f"geen vluchtverbinding naar {dest} {span_text(start, max(start, end), tz, 'nl')} "
        "die aan de reisvoorwaarden voldoet",
        f"no itinerary to {dest} {span_text(start, max(start, end), tz, 'en')} that keeps the travel conditions"
        + (f" ({'; '.join(unit.blockers)})" if unit.blockers else ""),
        {"index": list(unit.blockers)},
    )


def shortages(ix: Index, unit: Unit) -> list[Reason]:
    """Structural gaps no assignment can close: no vehicles at all, too few holders of a role."""
    s = ix.scenario
    out = []
    if not s.vehicles:
        out.append(Reason("vehicle", "geen voertuigen in het scenario", "no vehicles in the scenario", {}))
    for role, count in unit.needs.items():
        holders = [p.id for p in s.staff if role in p.roles]
        if len(holders) < count:
            out.append(Reason(
                "staff",
                f"te weinig {role_words(role, 2, 'nl')} in het bestand: {count} nodig, {len(holders)} aanwezig",
                f"too few staff holding role {ROLE_EN[role]}: {count} needed, {len(holders)} on file",
                {"role": role.value, "needed": count, "holders": holders},
            ))
    return out
