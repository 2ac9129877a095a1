"""A CP-SAT phase that answers INFEASIBLE without locks or frozen trips is a modelling error: it is
logged as an ERROR naming the constraint, the plan says `model_error`, the summary warns, and the
plan (from the start heuristic) is still checked and handed on."""

import logging

import pytest

import solver.cpsat
from planner.cli import main
from planner.solver_status import optimiser_warning
from planner.summary import plan_summary
from tests.builders import build, scenario_dict
from tests.integration.helpers import planned_cases, solve_dict


@pytest.fixture
def broken_model(monkeypatch: pytest.MonkeyPatch):
    """The original bug, injected: two fixed blocked periods that overlap inside one no-overlap."""
    real = solver.cpsat.add_all

    def add_all_and_contradict(v, **kwargs):
        guards = real(v, **kwargs)
        first = v.model.new_fixed_size_interval_var(0, 600, "unavailable[S-1,0]")
        second = v.model.new_fixed_size_interval_var(300, 600, "unavailable[S-1,1]")
        v.model.add_no_overlap([first, second])
        return guards

    monkeypatch.setattr(solver.cpsat, "add_all", add_all_and_contradict)


def test_infeasible_phase_without_locks_is_a_loud_model_error(broken_model, caplog: pytest.LogCaptureFixture):
    solver_log = logging.getLogger("solver")  # the CLI's progress lines stop propagation at "solver"
    solver_log.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.ERROR, logger="solver"):
            checked = solve_dict(scenario_dict())  # asserts the plan is valid and nothing was withdrawn
    finally:
        solver_log.removeHandler(caplog.handler)
    info = checked.plan.solver
    assert info["status"] == "model_error"
    assert info["model_error"]["phase"] == "priority" and info["model_error"]["status"] == "infeasible"
    presolve = " ".join(info["model_error"]["presolve"])
    assert "constant intervals overlap" in presolve and "unavailable[S-1,0]" in presolve
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert errors and "INFEASIBLE" in errors[0] and "unavailable[S-1,0]" in errors[0]
    assert planned_cases(checked) == {"BV-1"}  # the start heuristic's plan, checked and handed on
    assert "lock_check" not in info and not checked.plan.notes  # no lock talk without locks

    summary = plan_summary(build(scenario_dict()), checked.plan, checked.valid, "en")
    assert "WARNING    optimiser did not run: plan comes from the start heuristic" in summary
    assert "constant intervals overlap" in summary
    assert optimiser_warning(checked.plan, "nl").startswith("Let op: de optimalisatie is niet uitgevoerd")


def test_cli_summary_warns_and_the_plan_is_still_written(broken_model, tmp_path, capsys: pytest.CaptureFixture):
    import json

    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps(scenario_dict()), encoding="utf-8")
    out = tmp_path / "plan.json"
    code = main(["solve", str(scenario), "-o", str(out), "--time-limit", "5", "--workers", "1", "-q", "--lang", "en"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "WARNING    optimiser did not run: plan comes from the start heuristic" in printed
    assert json.loads(out.read_text())["solver"]["status"] == "model_error"


def test_a_sound_model_has_no_warning():
    checked = solve_dict(scenario_dict())
    assert checked.plan.solver["status"] in ("optimal", "feasible")
    assert optimiser_warning(checked.plan) is None
    assert "WARNING" not in plan_summary(build(scenario_dict()), checked.plan, checked.valid, "en")
