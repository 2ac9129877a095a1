"""Edit options marked ✓ or ✗ by the rule checker, before the coordinator picks one.

Each option (a flight itinerary to move to, an escort to swap in, a trip to pin, a flight, escort
or vehicle to forbid) is worked out as the edit it would be and previewed: the plain rule checker
(`models.rules`) decides, never the solver. An option is ✗ when it breaks a rule the plan does not
already break, or when a pin would clash with the coordinator's own forbid; the broken rules are
kept so the page can say why in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.rules import Violation
from planner.web.edit_words import describe_edit
from planner.web.editing import EditingMixin
from planner.web.edits import Edit, ForbidPair, MoveItinerary, Pin, SwapEscort
from planner.web.workspace import LRU, View

AVAILABILITY_RULES = frozenset({"rule7.unavailable", "rule7.overlap", "rule7.max_trips"})
"""An escort who breaks one of these for the trip's whole span (outbound, hand-over and return) is not
available: away, already on another trip then, or out of trips."""


@dataclass(frozen=True)
class MarkedOption:
    """One choice on the Aanpassen page with the checker's verdict."""

    value: str
    edit: Edit
    broken: tuple[Violation, ...] = ()
    """Rules this option would newly break."""
    clashes: tuple = ()
    """Pins that would clash with the coordinator's own forbids (`planner.web.guards.LockForbidClash`)."""
    error: str = ""
    """Why the edit cannot be made at all (e.g. an unplanned case), in English (log words)."""

    @property
    def ok(self) -> bool:
        return not self.broken and not self.clashes and not self.error

    @property
    def available(self) -> bool:
        """For escorts: free for the trip's whole span (no availability rule newly broken)."""
        return not any(v.rule in AVAILABILITY_RULES for v in self.broken)

    @property
    def mark(self) -> str:
        return "✓" if self.ok else "✗"

    def why(self, lang: str, tr_clash=None, limit: int = 3) -> str:
        """The broken rules' own words (Dutch labels by default), at most `limit` distinct ones."""
        words = [c.text(tr_clash) for c in self.clashes] if tr_clash is not None else []
        labels = [v.label_nl if lang == "nl" else v.label for v in self.broken]
        words += list(dict.fromkeys(labels))
        if self.error and not words:
            words.append("kan niet" if lang == "nl" else "not possible")
        return "; ".join(words[:limit]) + (" …" if len(words) > limit else "")


class OptionsMixin(EditingMixin):
    """The option-marking part of the `Planner` facade: every option goes through `preview`."""

    def describe_edit(self, view: View, edit: Edit, lang: str = "nl") -> str:
        """The pending edit in words, before it is saved (`planner.web.edit_words`)."""
        return describe_edit(view, edit, lang)

    def mark_edit(self, view: View, value: str, edit: Edit) -> MarkedOption:
        """`edit` previewed on `view`: ✓, or ✗ with the rules it would break. Remembered per (scenario,
        plan, published plan) object, which the workspace caches, so a page rerun checks nothing twice."""
        owners = (view.scenario, view.plan, view.published_plan)

        def make() -> tuple[tuple, MarkedOption]:
            try:
                preview = self.preview(view, edit)
            except ValueError as exc:
                return owners, MarkedOption(value, edit, error=str(exc))
            return owners, MarkedOption(value, edit, preview.new_violations, tuple(preview.clashes))

        marks = self.__dict__.setdefault("_marks", LRU(4096))
        found_owners, option = marks.get((tuple(id(x) for x in owners), edit), make)
        if any(a is not b for a, b in zip(found_owners, owners, strict=True)):  # ids reused by new objects
            _, option = make()
        return option if option.value == value else MarkedOption(value, edit, option.broken, option.clashes,
                                                                 option.error)

    def escort_options(self, view: View, case_id: str, old_staff: str, show_all: bool = False) -> list[MarkedOption]:
        """Who could replace `old_staff` on the case's trip: people with the same role, not on the trip,
        each checked. Unless `show_all`, only those available for the trip's whole span."""
        s, trip = view.scenario, view.trip_of(case_id)
        if trip is None:
            return []
        role = next((e.role for e in trip.escorts if e.staff == old_staff), None)
        on_trip = {e.staff for e in trip.escorts}
        out = [self.mark_edit(view, person.id, SwapEscort(case=trip.cases[0], old_staff=old_staff,
                                                          new_staff=person.id))
               for person in s.staff if role in person.roles and person.id not in on_trip]
        return out if show_all else [o for o in out if o.available]

    def itinerary_options(self, view: View, case_id: str, limit: int = 40) -> list[MarkedOption]:
        """The itineraries (flights and dates) the case could move to, each checked."""
        current = view.trip_of(case_id)
        choices = self.itinerary_choices(view.scenario, case_id, limit=limit)  # type: ignore[attr-defined]
        return [self.mark_edit(view, ",".join(c.ids), MoveItinerary(case=case_id, outbound=tuple(c.ids)))
                for c in choices if current is None or tuple(c.ids) != tuple(current.outbound)]

    def pin_options(self, view: View) -> list[MarkedOption]:
        """Every planned trip, pinned whole: ✗ when that breaks a rule or clashes with a forbid."""
        if view.plan is None:
            return []
        return [self.mark_edit(view, t.cases[0], Pin(cases=tuple(t.cases))) for t in view.plan.trips]

    def forbid_options(self, view: View, case_id: str, kind: str, targets: list[str]) -> list[MarkedOption]:
        """Forbidding each of `targets` (ids of `kind`: staff, flight, vehicle) for the case, each checked:
        ✗ when the plan uses it (the rule then breaks) or the case is pinned to it."""
        return [self.mark_edit(view, target, ForbidPair(case=case_id, target_kind=kind, target=target))
                for target in targets]


__all__ = ["AVAILABILITY_RULES", "MarkedOption", "OptionsMixin"]
