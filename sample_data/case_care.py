"""Where a case goes and who receives it: destination, airports and care options with their windows."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sample_data.case_checks import ChecksMixin
from sample_data.case_drafts import (
    CLINIC_NAMES,
    FAMILY_NAMES,
    HOSPITAL_NAMES,
    SHELTER_NAMES,
    CareOptionDraft,
    CaseDraft,
)
from sample_data.places import CITY, DESTINATIONS, Destination, airport
from sample_data.schedule import UTC, zone


class CareMixin(ChecksMixin):
    """Destinations and care options of `CaseFactory` (which airports a unit reaches comes from the checks)."""

    def _pick_destination(self, members: list[CaseDraft]) -> tuple[Destination, tuple[str, ...]]:
        """A country of return (weighted by departure type) and its airports that the unit's needs can reach."""
        forced = any(m.forced for m in members)
        reach = self._reachable(any(m.stretcher for m in members), any(m.oxygen for m in members), forced)
        options = [(d, tuple(a for a in d.airports if a in reach)) for d in DESTINATIONS]
        options = [(d, airports) for d, airports in options if airports and (d.forced_weight or not forced)]
        return self.rng.choices(options, [d.forced_weight if forced else d.weight for d, _ in options])[0]

    def _destination(self, members: list[CaseDraft], dest: tuple[Destination, tuple[str, ...]]) -> None:
        rng = self.rng
        country, airports = dest[0], list(dest[1])
        if len(airports) > 1 and rng.random() < 0.5:
            chosen = sorted(rng.sample(airports, 2), key=airports.index)
        else:
            chosen = [rng.choice(airports)]
        languages = list(country.languages[: rng.randint(1, len(country.languages))])
        for m in members:
            m.destination_country = country.country
            m.nationality = country.country
            m.destination_airports = chosen
            m.languages = languages if rng.random() < 0.85 else None
            m.transit_excluded_countries = list(country.transit_excluded)
            m.care_options = self._care_options(m) if (m.needs_care or rng.random() < 0.05) else []

    def _care_options(self, c: CaseDraft) -> list[CareOptionDraft]:
        rng = self.rng
        if c.minor and c.unaccompanied:
            kinds = rng.choice((["family"], ["shelter"], ["family", "shelter"]))
        elif c.profile in ("psychiatric",):
            kinds = rng.choice((["clinic"], ["clinic", "hospital"]))
        else:
            kinds = rng.choice((["hospital"], ["hospital", "clinic"], ["clinic"], ["hospital", "hospital"]))
        options = []
        for k, kind in enumerate(kinds):
            self.care_no += 1
            ap = rng.choice(c.destination_airports)
            names = {"hospital": HOSPITAL_NAMES, "clinic": CLINIC_NAMES, "shelter": SHELTER_NAMES,
                     "family": FAMILY_NAMES}[kind]
            if kind == "clinic" and c.profile == "psychiatric":
                names = ("{city} Psychiatric Clinic",)
            options.append(
                CareOptionDraft(
                    id=f"care-{self.care_no:03d}",
                    facility=rng.choice(names).format(city=CITY[ap]),
                    kind=kind,
                    airport=ap,
                    transfer_minutes=rng.choice((30, 45, 60, 90, 120, 150, 180, 240)),
                    windows=self._care_windows(kind, ap),
                    confirmed=(k == 0 and rng.random() < 0.93) or (k > 0 and rng.random() < 0.6),
                )
            )
        return options

    def _care_windows(self, kind: str, ap: str) -> list[tuple[datetime, datetime]]:
        rng = self.rng
        tz = zone(airport(ap)["tz"])
        first = self.start.astimezone(tz).date()
        last = (self.end + timedelta(days=3)).astimezone(tz).date()
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]

        def at(day: date, hhmm: str) -> datetime:
            return datetime.combine(day, time.fromisoformat(hhmm), tzinfo=tz).astimezone(UTC)

        if kind == "hospital":  # admissions on weekdays, office hours
            return [(at(d, "08:00"), at(d, "17:00")) for d in days if d.weekday() < 5]
        if kind == "clinic":
            if rng.random() < 0.5:
                return [(at(d, "09:00"), at(d, "19:00")) for d in days]
            a = rng.randrange(0, max(1, len(days) - 6))
            b = min(len(days) - 1, a + rng.randint(6, 14))
            return [(at(days[a], "08:00"), at(days[b], "20:00"))]
        if kind == "shelter":
            return [(at(d, "08:00"), at(d, "20:00")) for d in days]
        if rng.random() < 0.5:  # family: any day, waking hours, or a whole stay
            return [(at(d, "07:00"), at(d, "22:00")) for d in days]
        return [(at(days[0], "00:00"), at(days[-1], "23:59"))]
