"""Why a unit has no option at all, in words: the first rule that rules out every itinerary."""

from __future__ import annotations

from datetime import date

from solver.ground import LONG, NIGHT, TRANSIT_EXCLUDED, TRANSIT_REQUEST, GroundCheck, ground_rules, vulnerable
from solver.timegrid import hours
from solver.units import Unit


def validity_text(unit: Unit, first_day: date | None) -> str:
    parts = []
    for c in unit.cases:
        tag = f"{c.pseudonym}: " if len(unit.cases) > 1 else ""
        ftf, doc = c.fit_to_fly, c.travel_document
        parts.append(f"{tag}fit-to-fly valid {ftf.valid_from}–{ftf.valid_until}"
                     + (f", travel document valid {doc.valid_from}–{doc.valid_until}" if doc else ""))
        ends = [ftf.valid_until] + ([doc.valid_until] if doc else [])
        if first_day is not None and min(ends) < first_day:
            which = "fit-to-fly" if ftf.valid_until == min(ends) else "travel document"
            parts[-1] = f"{tag}{which} expires {min(ends)}, first suitable flight {first_day}"
    return "; ".join(parts)


def no_option_reasons(b, unit: Unit, lo: int, hi: int, max_legs: int, max_dur: int, targets: frozenset[str],
                      counts: dict, lock_flights: tuple[str, ...] | None) -> list[str]:
    """Why a unit has no option: relax the leg filters one by one to find the first culprit.

    `b` is the index's unit builder (its scenario, graph and leg filters)."""
    st = b.s.settings
    grid = b.ix.grid
    when = f"between {grid.to_datetime(lo).date()} and {grid.to_datetime(hi).date()}"
    dest = "/".join(sorted(b.s.location_by_id[a].iata or a for a in targets))
    if lock_flights is not None:
        return [f"locked flights {' → '.join(lock_flights)} cannot be used for this case (check connection, seats, conditions and dates)"]
    if counts.get("found"):
        out = rule_words_en(b, unit, counts)
        if counts.get("care"):
            out.append(f"no confirmed care option open at arrival for any of {counts['care']} itineraries to {dest}")
        if counts.get("returns"):
            out.append(f"no return flight for the escorts within {st.return_max_hours:g} h of arrival for {counts['returns']} itineraries")
        if counts.get("notice"):
            out.append(f"{counts['notice']} itineraries depart within the {st.notice_hours:g} h notice period")
        if counts.get("pickup"):
            out.append(f"no pickup time inside the pickup windows of {unit.location.name} for {counts['pickup']} itineraries")
        if counts.get("dates"):
            out.append(validity_text(unit, counts.get("first_rejected_day")))
        return out or ["no itinerary keeps all rules"]

    def any_found(max_legs_, max_dur_, ground=None, **relax) -> bool:
        ok = b.leg_filter(unit, **relax)
        return next(iter(b.ix.graph.search(b.ix.home_airports, targets, lo, hi, max_legs_, max_dur_,
                                           st.min_connection_minutes, ok, max_results=1,
                                           connection_ok=ground)), None) is not None

    loose = dict(seats=False, stretcher=False, oxygen=False, medif=False)
    if not any_found(4, hours(48), **loose):
        return [f"no flight connection to {dest} {when}"]
    if not any_found(max_legs, max_dur, **loose):
        return [f"no itinerary to {dest} {when} within max {max_legs} legs and {max_dur / 60:g} travel hours"]
    steps = [
        ("stretcher", f"no itinerary to {dest} {when} with a stretcher on every leg"),
        ("oxygen", f"no itinerary to {dest} {when} with oxygen on every leg"),
        ("medif", f"no itinerary to {dest} {when} outside the MEDIF lead time (medical case)"),
        ("seats", f"no itinerary to {dest} {when} with {unit.person_seats + unit.n_escorts} seats"
                  + (f" and {unit.forced} forced-departure place(s)" if unit.forced else "") + " on every leg"),
    ]
    relax = dict(loose)
    for name, text in steps:
        relax[name] = True
        if not any_found(max_legs, max_dur, **relax):
            return [text]
    # rule 9: the connection limits, one at a time, on itineraries that keep everything else
    check = GroundCheck(b.s, ground_rules(b.s, unit.cases))
    if not any_found(max_legs, max_dur, ground=check.connection_ok, **relax):
        limits = [lim for lim in (NIGHT, LONG, TRANSIT_EXCLUDED) if any_found(
            max_legs, max_dur, ground=lambda x, y, lim=lim: check.connection_problems(x, y) <= {lim}, **relax)]
        return [connection_words(b, unit, lim)[1] for lim in limits or (NIGHT, LONG, TRANSIT_EXCLUDED)
                if limits or _applies(check, lim)]
    return ["no itinerary keeps all rules"]


def _applies(check: GroundCheck, limit: str) -> bool:
    r = check.rules
    return {NIGHT: r.night is not None, LONG: r.max_connection is not None,
            TRANSIT_EXCLUDED: bool(r.excluded_countries)}[limit]


def rule_words_en(b, unit: Unit, counts: dict) -> list[str]:
    """English words for the itineraries rules 9 and 10 removed (the Dutch ones: solver.explain.static)."""
    return [en for _, en in rule_words(b, unit, counts)]


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


def rule_words(b, unit: Unit, counts: dict) -> list[tuple[str, str]]:
    """(Dutch, English) per rule-9/10 limit that removed itineraries, with how many."""
    st = b.s.settings
    out = []
    for limit in (NIGHT, LONG, TRANSIT_EXCLUDED):
        if counts.get(limit):
            nl, en = connection_words(b, unit, limit)
            out.append((f"{nl} ({counts[limit]} reisroutes)", f"{en} ({counts[limit]} itineraries)"))
    if counts.get(TRANSIT_REQUEST):
        h = f"{st.transit_request_hours:g}"
        out.append((f"overstap in een derde land: doorgeleidingsverzoek vraagt {h} u; {counts[TRANSIT_REQUEST]} "
                    "reisroutes vertrekken eerder",
                    f"connection in a third country: the transit request needs {h} h; {counts[TRANSIT_REQUEST]} "
                    "itineraries depart sooner"))
    if counts.get("airport_wait"):
        wait = f"{(st.max_airport_wait_minutes or 0) / 60:g}"
        out.append((f"geen ophaaltijd zonder meer dan {wait} u wachten op de luchthaven voor de check-in "
                    f"({counts['airport_wait']} reisroutes)",
                    f"no pickup time without waiting more than {wait} h at the airport before check-in "
                    f"({counts['airport_wait']} itineraries)"))
    if counts.get("duty"):
        duty = f"{(st.max_duty_minutes or 0) / 60:g}"
        out.append((f"diensttijd heenreis van de begeleiders langer dan {duty} u ({counts['duty']} reisroutes)",
                    f"escorts' outbound duty longer than {duty} h ({counts['duty']} itineraries)"))
    if counts.get("returns_rest"):
        rest = f"{(st.rest_abroad_minutes or 0) / 60:g}"
        out.append((f"geen terugvlucht voor de begeleiders na ≥ {rest} uur rust ({counts['returns_rest']} reisroutes)",
                    f"no return flight for the escorts after ≥ {rest} h rest ({counts['returns_rest']} itineraries)"))
    if counts.get("report"):
        out.append(("de KMar-melding op de luchthaven zou vóór nu liggen",
                    "the airport report of airport-joining escorts would lie before planning start"))
    return out
