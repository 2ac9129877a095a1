"""`bv-planner bench --suite realism`: the same scenario with rules 9 and 10 off and on, side by side."""

import argparse
import json

from models import scenario_from_dict
from planner.bench import realism
from planner.bench import runner as bench
from sample_data import generate_scenario


def test_off_variant_switches_every_rule_9_and_10_setting_off_and_stays_valid():
    data = generate_scenario(cases=6, days=5, seed=1)
    off = realism._variant(data, "off")
    assert all(off["settings"][k] is None for k in realism.RULES_9_10_OFF)
    assert realism._variant(data, "on") == data and data["settings"]["max_duty_minutes"] == 1080
    settings = scenario_from_dict(off, "off").settings
    assert settings.max_airport_wait_minutes is None and settings.airport_report_roles in (None, ())


def test_realism_suite_runs_both_modes_per_scenario_and_reports_duty(monkeypatch, capsys, tmp_path):
    seen = []

    def fake_worker(spec):
        scenario = json.loads(open(spec["scenario"], encoding="utf-8").read())
        off = scenario["settings"]["max_duty_minutes"] is None
        seen.append(off)
        return {"valid": True, "planned": 12 if off else 10, "cases": 20, "priority": 50 if off else 41,
                "language_mismatch": 6 if off else 4, "cost": 9000.0, "wall_s": 1.0, "status": "feasible",
                "longest_duty_h": 22.5 if off else 17.9}

    monkeypatch.setattr(realism, "run_worker", fake_worker)
    args = argparse.Namespace(suite="realism", tiers="S", seeds="0,1", staffing=0.6, time_limit=2.0, workers=1,
                              out=str(tmp_path / "t.md"))
    assert bench.run_bench(args) == 0
    assert seen == [True, False, True, False]
    out = capsys.readouterr().out
    assert "| S | 0 | off | yes | 12/20 | 50 | 6 | 9,000 | 22.5 |" in out
    assert "| S | 50 → 41 | 12 → 10 | 6 → 4 | 9,000 → 9,000 | 22.5 → 17.9 |" in out
    assert (tmp_path / "t.md").read_text(encoding="utf-8").strip() == out.strip()
