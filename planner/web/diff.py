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


def diff_plans(scenario: Scenario, old: Plan | None, new: Plan) -> list[CaseChange]:
        """Per case: newly planned, no longer planned, or what changed in its trip."""
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
                    fields.append(FieldChange("flights", " + ".join(a.outbound), " + ".join(b.outbound)))
                if a.pickup != b.pickup:
                    fields.append(FieldChange("pickup", a.pickup.isoformat(timespec="minutes"),
                                              b.pickup.isoformat(timespec="minutes")))
                if a.vehicle != b.vehicle:
                    fields.append(FieldChange("vehicle", a.vehicle, b.vehicle))
                ea, eb = sorted(e.staff for e in a.escorts), sorted(e.staff for e in b.escorts)
                if ea != eb:
                    fields.append(FieldChange("escorts", ", ".join(ea), ", ".join(eb)))
                ra = sorted((e.staff, e.return_) for e in a.escorts)
                rb = sorted((e.staff, e.return_) for e in b.escorts)
                if ea == eb and ra != rb:
                    fields.append(FieldChange("returns", "; ".join("+".join(r) for _, r in ra),
                                              "; ".join("+".join(r) for _, r in rb)))
                if a.care.get(case_id) != b.care.get(case_id):
                    fields.append(FieldChange("care", a.care.get(case_id) or "-", b.care.get(case_id) or "-"))
                if fields:
                    out.append(CaseChange(case_id, pseudo.get(case_id, case_id), "changed", tuple(fields)))
        return out
