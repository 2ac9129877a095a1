"""New workspaces (scenario JSON, the demo) and case lists (CSV/Excel) into a workspace."""

from __future__ import annotations

from pathlib import Path

from models import Plan, load_plan, parse_json, plan_from_dict, read_json, scenario_from_dict
from planner.store import AuditEntry, Change
from planner.web.workspace import View, WorkspaceBase, new_plan_record

DEMO_SCENARIO = Path(__file__).resolve().parents[2] / "sample_data" / "scenarios" / "demo.json"


class ImportingMixin(WorkspaceBase):
    """The import part of the `Planner` facade."""

    def ensure_demo(self, actor: str = "system", plan_path: str | Path | None = None) -> int | None:
        """On an empty database, load the demo scenario (the README's first run), with a plan for
        it as version 1 when one is given."""
        if self.store.list_scenarios():
            return None
        data = read_json(DEMO_SCENARIO)
        scenario = scenario_from_dict(data, str(DEMO_SCENARIO))
        plan = None
        if plan_path is not None and Path(plan_path).exists():
            plan = new_plan_record(scenario, load_plan(plan_path), "import", None)
        return self.store.add_scenario(data, actor, plan=plan)

    def import_scenario(self, raw: bytes, filename: str, actor: str, plan_raw: bytes | None = None) -> int:
        """A scenario JSON file (and optionally a plan for it) becomes a new workspace."""
        data = parse_json(raw, filename)  # the strict reader of the command line: same errors, same paths
        scenario = scenario_from_dict(data, filename)
        new_plan = None
        if plan_raw is not None:
            plan = plan_from_dict(parse_json(plan_raw, "plan"), "plan")
            new_plan = new_plan_record(scenario, plan, "import", None)
        return self.store.add_scenario(data, actor, plan=new_plan)

    def add_scenario_dict(self, data: dict, actor: str, plan: Plan | None = None) -> int:
        scenario = scenario_from_dict(data)
        new_plan = new_plan_record(scenario, plan, "import", None) if plan is not None else None
        return self.store.add_scenario(data, actor, plan=new_plan)


    def import_cases(self, view: View, raw: bytes, filename: str, actor: str):
        """Upsert cases from CSV/Excel into the workspace; nothing is saved when a row is wrong."""
        from planner.web.caselist import parse_case_table

        result = parse_case_table(view.scenario, raw, filename)
        if result.errors:
            return result, None
        data = self.store.scenario_body(view.scenario_id)
        by_id = {c["id"]: i for i, c in enumerate(data["cases"])}
        for case in result.cases:
            if case["id"] in by_id:
                data["cases"][by_id[case["id"]]] = case
            else:
                data["cases"].append(case)
        full = dict(data, locks=[lk.model_dump(mode="json", exclude_none=True) for lk in view.scenario.locks],
                    forbids=[fb.model_dump(mode="json", exclude_none=True) for fb in view.scenario.forbids])
        scenario_from_dict(full, filename)
        added = [c["id"] for c in result.cases if c["id"] not in by_id]
        replaced = [c["id"] for c in result.cases if c["id"] in by_id]
        saved = self.store.save(view.scenario_id, view.revision, actor, Change(
            audit=[AuditEntry("cases.import", "scenario", str(view.scenario_id), before=f"{len(by_id)} cases",
                              after=f"added {', '.join(added) or '-'}; replaced {', '.join(replaced) or '-'}")],
            move_head=False, scenario_data=data))
        return result, saved
