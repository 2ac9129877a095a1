"""Why a unit has no option at all, in words: the first rule that rules out every itinerary."""

from __future__ import annotations

from datetime import date

from solver.ground import LONG, NIGHT, TRANSIT_EXCLUDED, TRANSIT_REQUEST, GroundCheck, ground_rules, vulnerable
from solver.timegrid import hours
from solver.units import Unit


def validity_words(unit: Unit, first_day: date | None) -> tuple[str, str]:
    """(Dutch, English): the fit-to-fly and document validity of each case, or which one expires
    before the first suitable flight."""
    parts: list[tuple[str, str]] = []
    for c in unit.cases:
        tag = f"{c.pseudonym}: " if len(unit.cases) > 1 else ""
        ftf, doc = c.fit_to_fly, c.travel_document
        parts.append((f"{tag}fit-to-fly geldig {ftf.valid_from}–{ftf.valid_until}"
                      + (f", reisdocument geldig {doc.valid_from}–{doc.valid_until}" if doc else ""),
                      f"{tag}fit-to-fly valid {ftf.valid_from}–{ftf.valid_until}"
                      + (f", travel document valid {doc.valid_from}–{doc.valid_until}" if doc else "")))
        ends = [ftf.valid_until] + ([doc.valid_until] if doc else [])
        if first_day is not None and min(ends) < first_day:
            fit = ftf.valid_until == min(ends)
            parts[-1] = (f"{tag}{'fit-to-fly' if fit else 'reisdocument'} verloopt {min(ends)}, "
                         f"eerste geschikte vlucht {first_day}",
                         f"{tag}{'fit-to-fly' if fit else 'travel document'} expires {min(ends)}, "
                         f"first suitable flight {first_day}")
    return "; ".join(nl for nl, _ in parts), "; ".join(en for _, en in parts)


def no_option_reasons(b, unit: Unit, lo: int, hi: int, max_legs: int, max_dur: int, targets: frozenset[str],
                      counts: dict, lock_flights: tuple[str, ...] | None) -> list[tuple[str, str, str]]:
    """Why a unit has no option, as (kind, Dutch, English): relax the leg filters one by one to find
    the first culprit. The kind names the rule (`solver.explain.codes.ITINERARY_KIND_CODES`).

    `b` is the index's unit builder (its scenario, graph and leg filters)."""
    st = b.s.settings
    grid = b.ix.grid
    a_, z_ = grid.to_datetime(lo).date(), grid.to_datetime(hi).date()
    when, when_nl = f"between {a_} and {z_}", f"tussen {a_} en {z_}"
    dest = "/".join(sorted(b.s.location_by_id[a].iata or a for a in targets))
    if lock_flights is not None:
        flights = " → ".join(lock_flights)
        return [("locked_flights", f"vastgezette vluchten {flights} kunnen voor deze zaak niet gebruikt worden "
                 "(controleer aansluiting, stoelen, voorwaarden en data)",
                 f"locked flights {flights} cannot be used for this case "
                 "(check connection, seats, conditions and dates)")]
    none = ("none", "geen reisroute voldoet aan alle regels", "no itinerary keeps all rules")
    if counts.get("found"):
        out = rule_words(b, unit, counts)
        if counts.get("care"):
            out.append(("care", "geen bevestigde opvang open bij aankomst voor alle "
                        f"{counts['care']} reisroutes naar {dest}",
                        f"no confirmed care option open at arrival for any of {counts['care']} itineraries to {dest}"))
        if counts.get("returns"):
            out.append(("returns", f"geen terugvlucht voor de begeleiders binnen {st.return_max_hours:g} u na aankomst "
                        f"voor {counts['returns']} reisroutes",
                        f"no return flight for the escorts within {st.return_max_hours:g} h of arrival for "
                        f"{counts['returns']} itineraries"))
        if counts.get("notice"):
            out.append(("notice", f"{counts['notice']} reisroutes vertrekken binnen de aanzegtermijn van "
                        f"{st.notice_hours:g} u",
                        f"{counts['notice']} itineraries depart within the {st.notice_hours:g} h notice period"))
        if counts.get("pickup"):
            out.append(("pickup", f"geen ophaaltijd binnen de ophaaltijden van {unit.location.name} voor "
                        f"{counts['pickup']} reisroutes",
                        f"no pickup time inside the pickup windows of {unit.location.name} for {counts['pickup']} "
                        "itineraries"))
        if counts.get("dates"):
            out.append(("dates", *validity_words(unit, counts.get("first_rejected_day"))))
        return out or [none]

    def any_found(max_legs_, max_dur_, ground=None, **relax) -> bool:
        ok = b.leg_filter(unit, **relax)
        return next(iter(b.ix.graph.search(b.ix.home_airports, targets, lo, hi, max_legs_, max_dur_,
                                           st.min_connection_minutes, ok, max_results=1,
                                           connection_ok=ground)), None) is not None

    loose = dict(seats=False, stretcher=False, oxygen=False, medif=False)
    if not any_found(4, hours(48), **loose):
        return [("no_connection", f"geen vluchtverbinding naar {dest} {when_nl}",
                 f"no flight connection to {dest} {when}")]
    if not any_found(max_legs, max_dur, **loose):
        return [("max_legs", f"geen reisroute naar {dest} {when_nl} binnen max {max_legs} vluchten en "
                 f"{max_dur / 60:g} reisuren",
                 f"no itinerary to {dest} {when} within max {max_legs} legs and {max_dur / 60:g} travel hours")]
    forced_nl = f" en {unit.forced} plaats(en) voor gedwongen vertrek" if unit.forced else ""
    forced_en = f" and {unit.forced} forced-departure place(s)" if unit.forced else ""
    need = unit.person_seats + unit.n_escorts
    steps = [
        ("stretcher", f"geen reisroute naar {dest} {when_nl} met een brancard op elke vlucht",
         f"no itinerary to {dest} {when} with a stretcher on every leg"),
        ("oxygen", f"geen reisroute naar {dest} {when_nl} met zuurstof op elke vlucht",
         f"no itinerary to {dest} {when} with oxygen on every leg"),
        ("medif", f"geen reisroute naar {dest} {when_nl} buiten de MEDIF-termijn (medische zaak)",
         f"no itinerary to {dest} {when} outside the MEDIF lead time (medical case)"),
        ("seats", f"geen reisroute naar {dest} {when_nl} met {need} stoelen{forced_nl} op elke vlucht",
         f"no itinerary to {dest} {when} with {need} seats{forced_en} on every leg"),
    ]
    relax = dict(loose)
    for name, nl, en in steps:
        relax[name] = True
        if not any_found(max_legs, max_dur, **relax):
            return [(name, nl, en)]
    # rule 9: the connection limits, one at a time, on itineraries that keep everything else
    check = GroundCheck(b.s, ground_rules(b.s, unit.cases))
    if not any_found(max_legs, max_dur, ground=check.connection_ok, **relax):
        limits = [lim for lim in (NIGHT, LONG, TRANSIT_EXCLUDED) if any_found(
            max_legs, max_dur, ground=lambda x, y, lim=lim: check.connection_problems(x, y) <= {lim}, **relax)]
        return [(lim, *connection_words(b, unit, lim)) for lim in limits or (NIGHT, LONG, TRANSIT_EXCLUDED)
                if limits or _applies(check, lim)]
    return [none]


def _applies(check: GroundCheck, limit: str) -> bool:
    r = check.rules
    return {NIGHT: r.night is not None, LONG: r.max_connection is not None,
            TRANSIT_EXCLUDED: bool(r.excluded_countries)}[limit]


def connection_words(b, unit: Unit, limit: str) -> tuple[str, str]:
    """(Dutch, English) for a unit whose only connections break one rule-9 limit."""
    st = b.s.settings
    who_nl, who_en = _who(unit)
    if limit == NIGHT:
        night = st.night_connection
        hours = f"{night.from_:%H:%M}-{night.to:%H:%M}" if night else ""
        return (f"enige overstappen 's nachts ({hours} lokale tijd): niet voor {who_nl}",
                f"only connections at night ({hours} local time): not for {who_en}")
    if limit == TRANSIT_EXCLUDED:
        countries = ", ".join(sorted({x for c in unit.cases for x in c.transit_excluded_countries}))
        return (f"enige overstappen in een uitgesloten land ({countries})",
                f"only connections in an excluded country ({countries})")
    vulnerable_limit = st.vulnerable_max_connection_minutes if any(vulnerable(c) for c in unit.cases) else None
    limits = [m for m in (st.max_connection_minutes, vulnerable_limit) if m is not None]
    longest = f"{min(limits) / 60:g}" if limits else "?"
    if vulnerable_limit is not None and vulnerable_limit == min(limits):
        return (f"enige overstappen langer dan {longest} u: te lang voor {who_nl}",
                f"only connections longer than {longest} h: too long for {who_en}")
    return (f"enige overstappen langer dan {longest} u", f"only connections longer than {longest} h")


def _who(unit: Unit) -> tuple[str, str]:
    if any(c.minor for c in unit.cases):
        return "minderjarigen", "minors"
    return "medische zaken", "medical cases"


def rule_words(b, unit: Unit, counts: dict) -> list[tuple[str, str, str]]:
    """(kind, Dutch, English) per rule-9/10 limit that removed itineraries, with how many."""
    st = b.s.settings
    out = []
    for limit in (NIGHT, LONG, TRANSIT_EXCLUDED):
        if counts.get(limit):
            nl, en = connection_words(b, unit, limit)
            out.append((limit, f"{nl} ({counts[limit]} reisroutes)", f"{en} ({counts[limit]} itineraries)"))
    if counts.get(TRANSIT_REQUEST):
        h = f"{st.transit_request_hours:g}"
        out.append((TRANSIT_REQUEST, f"overstap in een derde land: doorgeleidingsverzoek vraagt {h} u; "
                    f"{counts[TRANSIT_REQUEST]} "
                    "reisroutes vertrekken eerder",
                    f"connection in a third country: the transit request needs {h} h; {counts[TRANSIT_REQUEST]} "
                    "itineraries depart sooner"))
    if counts.get("airport_wait"):
        wait = f"{(st.max_airport_wait_minutes or 0) / 60:g}"
        out.append(("airport_wait", f"geen ophaaltijd zonder meer dan {wait} u wachten op de luchthaven "
                    "voor de check-in "
                    f"({counts['airport_wait']} reisroutes)",
                    f"no pickup time without waiting more than {wait} h at the airport before check-in "
                    f"({counts['airport_wait']} itineraries)"))
    if counts.get("duty"):
        duty = f"{(st.max_duty_minutes or 0) / 60:g}"
        out.append(("duty", f"diensttijd heenreis van de begeleiders langer dan {duty} u ({counts['duty']} reisroutes)",
                    f"escorts' outbound duty longer than {duty} h ({counts['duty']} itineraries)"))
    if counts.get("returns_rest"):
        rest = f"{(st.rest_abroad_minutes or 0) / 60:g}"
        out.append(("returns_rest", f"geen terugvlucht voor de begeleiders na ≥ {rest} uur rust "
                    f"({counts['returns_rest']} reisroutes)",
                    f"no return flight for the escorts after ≥ {rest} h rest ({counts['returns_rest']} itineraries)"))
    if counts.get("report"):
        out.append(("report", "de KMar-melding op de luchthaven zou vóór nu liggen",
                    "the airport report of airport-joining escorts would lie before planning start"))
    return out
