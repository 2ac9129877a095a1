"""What changed between two plans, per case (the Publiceren page and the publish audit row)."""

from __future__ import annotations

from dataclasses import dataclass

from models import Plan, Scenario, Trip


@dataclass(frozen=True)
class FieldChange:
    field: str
    """'flights', 'pickup', 'vehicle', 'escorts', 'care'."""
    old: str
    new: str


@dataclass(frozen=True)
class CaseChange:
    case: str
    pseudonym: str
    change: str
    """'added' (newly planned), 'removed' (no longer planned), 'changed'."""
    fields: tuple[FieldChange, ...] = ()


_DAYS = {"nl": ("ma", "di", "wo", "do", "vr", "za", "zo"), "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


def local_moment(moment, zone, lang: str = "nl") -> str:
    """'ma 14-12 10:35' in the place's own time zone."""
    here = moment.astimezone(zone)
    return f"{_DAYS.get(lang, _DAYS['nl'])[here.weekday()]} {here.strftime('%d-%m %H:%M')}"


def diff_plans(scenario: Scenario, old: Plan | None, new: Plan, lang: str = "nl") -> list[CaseChange]:
        """Per case: newly planned, no longer planned, or what changed in its trip, in names and
        local times ("KL1234 ma 14-12 10:35", escorts by name) so a coordinator can read it."""
        def legs(ids) -> str:
            out = []
            for x in ids:
                f = scenario.flight_by_id.get(x)
                out.append(x if f is None
                           else f"{f.code} {local_moment(f.departure, scenario.location_by_id[f.from_].zone, lang)}")
            return " + ".join(out)

        def names(ids) -> str:
            return ", ".join(scenario.staff_by_id[x].name if x in scenario.staff_by_id else x for x in ids)
        def by_case(plan: Plan | None) -> dict[str, Trip]:
            return {c: t for t in (plan.trips if plan else ()) for c in t.cases}
        before, after = by_case(old), by_case(new)
        out: list[CaseChange] = []
        pseudo = {c.id: c.pseudonym for c in scenario.cases}
        for case_id in sorted(set(before) | set(after)):
            a, b = before.get(case_id), after.get(case_id)
            if a is None:
                out.append(CaseChange(case_id, pseudo.get(case_id, case_id), "added"))
            elif b is None:
                out.append(CaseChange(case_id, pseudo.get(case_id, case_id), "removed"))
            else:
                fields = []
                if a.outbound != b.outbound:
                    fields.append(FieldChange("flights", legs(a.outbound), legs(b.outbound)))
                if a.pickup != b.pickup:
                    zone = a.pickup.tzinfo
                    fields.append(FieldChange("pickup", local_moment(a.pickup, zone, lang), local_moment(b.pickup, zone,
                                                                                                         lang)))
                if a.vehicle != b.vehicle:
                    fields.append(FieldChange("vehicle", a.vehicle, b.vehicle))
                ea, eb = sorted(e.staff for e in a.escorts), sorted(e.staff for e in b.escorts)
                if ea != eb:
                    fields.append(FieldChange("escorts", names(ea), names(eb)))
                ra = sorted((e.staff, e.return_) for e in a.escorts)
                rb = sorted((e.staff, e.return_) for e in b.escorts)
                if ea == eb and ra != rb:
                    fields.append(FieldChange("returns", "; ".join(legs(r) for _, r in ra),
                                              "; ".join(legs(r) for _, r in rb)))
                if a.care.get(case_id) != b.care.get(case_id):
                    fields.append(FieldChange("care", a.care.get(case_id) or "-", b.care.get(case_id) or "-"))
                if fields:
                    out.append(CaseChange(case_id, pseudo.get(case_id, case_id), "changed", tuple(fields)))
        return out
