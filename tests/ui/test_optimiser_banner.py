"""The web planner warns when the loaded plan did not come from the optimiser (solver status
`model_error`), in Dutch and in English, and stays quiet otherwise."""

from tests.ui.apptest import open_page, signed_in, texts
from tests.webfixtures import make_workspace


def _with_model_error(plan):
    solver = dict(plan.solver)
    solver["status"] = "model_error"
    solver["model_error"] = {"phase": "priority", "status": "infeasible", "plan_from": "start heuristic",
                             "presolve": ["rule 'no_overlap: constant intervals overlap' was applied 1 time."]}
    return plan.model_copy(update={"solver": solver})


def test_banner_when_the_optimiser_did_not_run(tmp_path, monkeypatch, demo_plan):
    monkeypatch.setenv("BV_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BV_DATABASE_URL", raising=False)
    ws = make_workspace(tmp_path, _with_model_error(demo_plan))
    try:
        at = open_page(signed_in("alice"), "overview")
        assert any("de optimalisatie is niet uitgevoerd" in w for w in texts(at, "warning")), texts(at, "warning")
        at = open_page(signed_in("vera", lang="en"), "cases")
        assert any("optimiser did not run: plan comes from the start heuristic" in w for w in texts(at, "warning"))
    finally:
        ws.store.dispose()


def test_no_banner_for_an_optimised_plan(workspace):
    at = open_page(signed_in("alice"), "overview")
    assert not any("optimalisatie" in w or "klok" in w for w in texts(at, "warning"))


def test_banner_when_the_clock_cut_the_one_worker_solve(tmp_path, monkeypatch, demo_plan):
    monkeypatch.setenv("BV_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BV_DATABASE_URL", raising=False)
    plan = demo_plan.model_copy(update={"solver": dict(demo_plan.solver, clock_cut=["priority", "cost"])})
    ws = make_workspace(tmp_path, plan)
    try:
        at = open_page(signed_in("alice"), "overview")
        assert any("de klok stopte prioriteitsfase, kostenfase voordat het rekenbudget op was" in w
                   for w in texts(at, "warning")), texts(at, "warning")
        at = open_page(signed_in("vera", lang="en"), "cases")
        assert any("the clock stopped priority phase, cost phase before" in w for w in texts(at, "warning"))
    finally:
        ws.store.dispose()
