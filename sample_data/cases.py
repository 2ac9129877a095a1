"""Cases: the DOMAIN.md mix of forced, medical, family and unaccompanied-minor departures.

A *unit* is what travels as one trip: one case, or all cases of a family group. Every unit is
checked against the generated flights (1- or 2-leg itineraries with the case's travel limits, the
MEDIF lead, seats, stretcher/oxygen, care windows and a way back for the escorts). When none is
found the unit's limits are relaxed step by step, then its destination is redrawn, so that nearly
every case can be planned and the solver is limited by escorts, vehicles and seats instead.
A few cases are unplannable on purpose (no travel document, fit-to-fly pending or unfit).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sample_data.case_care import CareMixin
from sample_data.case_checks import ChecksMixin
from sample_data.case_drafts import FORCED_SHARE_OF_PROFILE, CaseDraft, UnitResult, filled
from sample_data.mix import parse_mix, unit_weights
from sample_data.places import HOME_TZ, HOSPITALS, RECEPTION_CENTRES, detained_at, place_by_id
from sample_data.schedule import UTC, Leg, Network, zone


class CaseFactory(CareMixin, ChecksMixin):
    """Draws units profile by profile, checks each against the network, repairs or redraws."""

    def __init__(self, rng: random.Random, start: datetime, days: int, network: Network,
                 mix: dict[str, float] | None = None, forced_share: float | None = None):
        self.rng = rng
        self.weights = unit_weights(parse_mix(mix), forced_share)
        self.start = start.astimezone(UTC)
        self.days = days
        self.end = self.start + timedelta(days=days)
        self.network = network
        self.home = zone(HOME_TZ)
        self.places = place_by_id()
        self.case_no = 0
        self.care_no = 0
        self.group_no = 0
        self.pseudo_base = rng.randint(20, 400)
        self._road_cache: dict[tuple[str, str], timedelta] = {}
        self._reach_cache: dict[tuple[bool, bool, bool], frozenset[str]] = {}
        self.unplannable: list[str] = []
        self.no_itinerary: list[str] = []

    # -- public -------------------------------------------------------------------------
    def units(self, n_cases: int, profiles: list[str] | None = None) -> list[UnitResult]:
        """Units until `n_cases` cases exist; `profiles` fixes the first units' profiles."""
        out: list[UnitResult] = []
        queue = list(profiles or [])
        made = 0
        while made < n_cases:
            if queue:
                profile = queue.pop(0)
                forced = profile.startswith("forced") or self.rng.random() < FORCED_SHARE_OF_PROFILE.get(profile, 0.0)
            else:
                profile, forced = self._draw_profile(n_cases - made)
            size = 1
            if profile == "family":
                size = 2 if forced else self.rng.choices((2, 3, 4), (0.4, 0.35, 0.25))[0]
                size = min(n_cases - made, size)
                if size < 2:
                    profile, size, forced = "voluntary", 1, False
            unit = self._unit(profile, size, forced)
            out.append(unit)
            made += len(unit.members)
        return out

    # -- drawing ------------------------------------------------------------------------
    def _draw_profile(self, remaining: int) -> tuple[str, bool]:
        """(profile, forced) by the mix's weights; no family when only one case is left."""
        weights = {k: w for k, w in self.weights.items() if remaining >= 2 or k[0] != "family"}
        if not weights:
            return "voluntary", False
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def _new_case(self, profile: str) -> CaseDraft:
        self.case_no += 1
        year = self.start.astimezone(self.home).year
        return CaseDraft(
            id=f"case-{self.case_no:03d}",
            pseudonym=f"BV-{year}-{self.pseudo_base + self.case_no:04d}",
            profile=profile,
        )

    def _unit(self, profile: str, size: int, forced: bool = False) -> UnitResult:
        members = self._members(profile, size, forced)
        for attempt in range(8):  # each attempt draws dates, papers and destination anew
            if attempt >= 4:  # then a pickup place of the same kind (a far one may reach no flight in time)
                self._other_place(members)
            self._timing(members)
            self._papers(members)
            if not all(m.plannable_by_design for m in members):
                self._destination(members, self._pick_destination(members))
                self.unplannable.extend(m.id for m in members)
                return UnitResult(members, None, self._trip_hours(members, None))
            self._destination(members, self._pick_destination(members))
            for relax in range(4):
                if relax:
                    self._relax(members, relax)
                itinerary = self.check(members)
                if itinerary is not None:
                    itinerary = self._long_haul_escort(members, itinerary)
                    return UnitResult(members, itinerary, self._trip_hours(members, itinerary))
        self.no_itinerary.extend(m.id for m in members)
        return UnitResult(members, None, self._trip_hours(members, None))

    def _other_place(self, members: list[CaseDraft]) -> None:
        """Move a unit that is not detained to another hospital or reception centre."""
        here = members[0].location
        if detained_at(here):
            return
        kind = self.places[here].kind
        pool = [p.id for p in (HOSPITALS if kind == "hospital" else RECEPTION_CENTRES) if not detained_at(p.id)]
        location = self.rng.choice(pool)
        for m in members:
            m.location = location

    def _long_haul_escort(self, members: list[CaseDraft], itinerary: tuple[Leg, ...]) -> tuple[Leg, ...]:
        """KMar sends a third escort on most long flights, when the flights can take one more."""
        head = members[0]
        long_haul = itinerary[-1].arrival - itinerary[0].departure >= timedelta(hours=8)
        if head.group or head.escorts.get("kmar") != 2 or not long_haul or self.rng.random() >= 0.6:
            return itinerary
        head.escorts["kmar"] = 3
        again = self.check(members)
        if again is None:
            head.escorts["kmar"] = 2
            return itinerary
        return again

    def _members(self, profile: str, size: int, forced: bool = False) -> list[CaseDraft]:
        rng = self.rng
        if profile == "family":
            return self._family(size, forced)
        c = self._new_case(profile)
        c.gender = rng.choices("MFX", (0.8, 0.19, 0.01))[0]
        if profile in ("forced", "forced_medical"):
            c.departure_type = "forced"
            c.escorts = {"kmar": 3 if rng.random() < 0.1 else 2}  # 3 for a higher risk
            if rng.random() < 0.15:
                c.escorts["coordinator"] = 1
            c.location = rng.choices(("dc-rotterdam", "dc-jcs", "dc-zeist"), (0.35, 0.35, 0.3))[0]
            c.priority = rng.choices((2, 3, 4, 5), (2, 4, 3, 1))[0]
            if profile == "forced_medical":
                c.fit_status = "fit_with_conditions"
                c.escorts[rng.choice(("nurse", "nurse", "psychiatric_nurse"))] = 1
                c.location = rng.choices(("hosp-jcvsz", "dc-rotterdam", "dc-jcs"), (0.6, 0.2, 0.2))[0]
                c.care_required = rng.random() < 0.5
                if rng.random() < 0.2:
                    c.wheelchair = "WCHR"
            # a woman is escorted by at least one woman (DOMAIN.md); a man sometimes asks for a man
            c.same_gender_escort = c.gender == "F" or (c.gender == "M" and rng.random() < 0.05)
        elif profile in ("medical", "psychiatric", "wheelchair", "wchc", "stretcher"):
            c.gender = rng.choices("MFX", (0.55, 0.44, 0.01))[0]
            c.fit_status = "fit_with_conditions"
            c.priority = rng.choices((2, 3, 4, 5), (1, 3, 4, 2))[0]
            c.location = rng.choice([h.id for h in HOSPITALS if h.id != "hosp-jcvsz"])
            if profile == "medical":
                c.escorts = rng.choices(({"nurse": 1}, {"doctor": 1}, {"doctor": 1, "nurse": 1}), (0.6, 0.25, 0.15))[0]
                c.oxygen = rng.random() < 0.2
                if rng.random() < 0.25:
                    c.wheelchair = rng.choice(("WCHR", "WCHS"))
                c.care_required = rng.random() < 0.9
                if rng.random() < 0.25:
                    c.location = rng.choice([r.id for r in RECEPTION_CENTRES])
            elif profile == "psychiatric":
                c.escorts = {"psychiatric_nurse": 1}
                if rng.random() < 0.25:
                    c.escorts["nurse"] = 1
                if forced:  # a forced departure of a psychiatric patient: KMar joins at Schiphol
                    c.departure_type = "forced"
                    c.escorts["kmar"] = 2
                    c.location = rng.choice(("dc-rotterdam", "dc-zeist", "hosp-jcvsz"))
                c.care_required = rng.random() < 0.9
            elif profile == "wheelchair":
                c.wheelchair = rng.choice(("WCHR", "WCHS"))
                c.escorts = rng.choice(({"coordinator": 1}, {"nurse": 1}))
                c.care_required = rng.random() < 0.4
                if rng.random() < 0.5:
                    c.location = rng.choice([r.id for r in RECEPTION_CENTRES])
            elif profile == "wchc":
                c.wheelchair = "WCHC"
                c.escorts = {"nurse": 1}
                if rng.random() < 0.3:
                    c.escorts["coordinator"] = 1
                c.care_required = rng.random() < 0.7
                if rng.random() < 0.5:
                    c.location = rng.choice([r.id for r in RECEPTION_CENTRES])
            else:  # stretcher: always doctor + nurse, hospital to hospital
                c.stretcher = True
                c.oxygen = rng.random() < 0.8
                c.escorts = {"doctor": 1, "nurse": 1}
                c.care_required = True
                c.priority = rng.choice((4, 5))
            c.same_gender_escort = c.gender == "F" and (c.forced or rng.random() < 0.3)
        elif profile == "uam":
            c.gender = rng.choices("MF", (0.75, 0.25))[0]
            c.minor = c.unaccompanied = True
            c.escorts = {"coordinator": 1}
            if rng.random() < 0.2:
                c.escorts["nurse"] = 1
            c.same_gender_escort = rng.random() < 0.6
            c.care_required = True
            c.priority = rng.choice((4, 5))
            c.location = rng.choice(("coa-ter-apel", "azc-budel", "azc-gilze", "azc-zweeloo"))
        else:  # voluntary, escorted by a coordinator or travelling alone
            c.escorts = {"coordinator": 1} if rng.random() < 0.7 else {}
            c.priority = rng.choices((1, 2, 3), (2, 4, 2))[0]
            c.location = rng.choice([r.id for r in RECEPTION_CENTRES])
        c.daily_cost_eur = self._daily_cost(c.location)
        return [c]

    def _family(self, size: int, forced: bool) -> list[CaseDraft]:
        rng = self.rng
        self.group_no += 1
        group = f"family-{self.group_no:02d}"
        if forced:
            size = 2  # one parent and one child: carriers rarely take more than 2 forced per leg
        adults = 1 if size == 2 or rng.random() < 0.4 else 2
        centres = ("vbl-ter-apel", "azc-budel", "azc-gilze")
        location = "ggv-zeist" if forced else rng.choices(centres, (0.6, 0.2, 0.2))[0]
        priority = rng.choice((4, 5))
        members = []
        for k in range(size):
            c = self._new_case("family")
            c.group = group
            c.location = location
            c.priority = priority
            c.departure_type = "forced" if forced else "voluntary"
            c.minor = k >= adults
            c.gender = ("F", "M")[k] if k < adults else rng.choice("MF")
            c.same_gender_escort = forced and c.gender == "F" and not c.minor
            if k == 0:
                c.escorts = {"kmar": 2, "coordinator": 1} if forced else {"coordinator": 1}
            elif k == 1 and forced and adults == 2:
                c.escorts = {"kmar": 1}
            c.daily_cost_eur = self._daily_cost(location)
            members.append(c)
        return members

    def _daily_cost(self, location: str) -> int:
        kind = self.places[location].kind
        low, high = {"detention_centre": (150, 250), "hospital": (120, 250)}.get(kind, (50, 100))
        return 5 * round(self.rng.uniform(low, high) / 5)

    def _timing(self, members: list[CaseDraft]) -> None:
        """available_from, deadline, travel limits (shared by a family)."""
        rng = self.rng
        head = members[0]
        if rng.random() < 0.75 or self.days < 4:
            avail = self.start + timedelta(hours=rng.randrange(0, 25))
        else:
            avail = self.start + timedelta(days=rng.uniform(1, 0.6 * self.days))
        avail = avail.astimezone(self.home).replace(minute=0, second=0, microsecond=0).astimezone(UTC)
        kind = "legal" if detained_at(head.location) else "target"  # detention ends on a legal date
        for m in members:
            m.deadline_kind = kind
        short_hard = self._legal_14_days(head)  # families and minors in detention: at most 14 days
        latest = self.end if not short_hard else min(self.end, avail + timedelta(days=14))
        shortest = min(timedelta(days=3), latest - avail)
        span = latest - avail
        if rng.random() < 0.15:
            gap = timedelta(days=rng.uniform(3, 5))
        else:
            gap = timedelta(days=rng.uniform(4, max(4.0, span / timedelta(days=1))))
        deadline = min(latest, avail + max(shortest, gap))
        deadline = deadline.astimezone(self.home).replace(minute=0, second=0, microsecond=0).astimezone(UTC)
        deadline = max(deadline, avail)
        medical = head.profile not in ("forced", "voluntary", "family", "uam")
        mth: int | None
        legs: int | None
        if head.profile == "stretcher":
            mth, legs = rng.randint(8, 14), rng.choice((1, 2, 2, None))
        elif medical:
            mth, legs = rng.randint(10, 18), rng.choice((1, 2, None, None, None))
        elif head.profile == "uam":
            mth, legs = rng.randint(14, 24), None
        else:
            mth = rng.randint(18, 30) if rng.random() < 0.5 else None
            legs = rng.choice((2, 3)) if rng.random() < 0.1 else None
        for m in members:
            m.available_from, m.deadline = avail, deadline
            m.max_travel_hours, m.max_legs = mth, legs

    def _papers(self, members: list[CaseDraft]) -> None:
        """Travel document and fit-to-fly, with their validity windows."""
        rng = self.rng
        start_day = self.start.astimezone(self.home).date()
        # one unit in ~35 waits for a laissez-passer (for a family: one member's)
        missing = rng.choice(members).id if rng.random() < 0.03 else None
        for m in members:
            anchor = max(self.start, filled(m.available_from, "available_from")).astimezone(self.home).date()
            if m.id == missing:
                m.travel_document = None
            elif rng.random() < 0.07:  # expires inside the horizon
                m.travel_document = (start_day - timedelta(days=rng.randint(20, 200)),
                                     start_day + timedelta(days=rng.randint(4, max(4, self.days - 1))))
            else:
                m.travel_document = (start_day - timedelta(days=rng.randint(5, 400)),
                                     start_day + timedelta(days=rng.randint(self.days + 10, 900)))
            conditions = m.fit_status == "fit_with_conditions"
            if conditions:
                # an airline accepts a medical certificate issued <= 10 days before the flight
                m.fit_from = anchor - timedelta(days=rng.randint(0, 3))
                m.fit_until = m.fit_from + timedelta(days=10)
            else:
                m.fit_from = start_day - timedelta(days=rng.randint(5, 60))
                m.fit_until = start_day + timedelta(days=rng.randint(self.days + 30, 180))
        if rng.random() < (0.05 if members[0].fit_status == "fit_with_conditions" else 0.015):
            rng.choice(members).fit_status = rng.choice(("pending", "pending", "unfit"))
