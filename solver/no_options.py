"""Why a unit has no option at all, in words: the first rule that rules out every itinerary."""

from __future__ import annotations

from datetime import date

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
        out = []
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

    def any_found(max_legs_, max_dur_, **relax) -> bool:
        ok = b.leg_filter(unit, **relax)
        return next(iter(b.ix.graph.search(b.ix.home_airports, targets, lo, hi, max_legs_, max_dur_,
                                               st.min_connection_minutes, ok, max_results=1)), None) is not None

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
    return ["no itinerary keeps all rules"]
