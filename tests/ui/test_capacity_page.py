"""The Capaciteit page: a coordinator picks axes, the sweep runs in the background, the page shows the
curves, the marginal-value table and the knee in Dutch."""

from __future__ import annotations

import time
from pathlib import Path

from planner.capacity import desk
from tests.ui.apptest import open_page, signed_in, texts, titles


def _wait(at, timeout_s: float = 120.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        if not desk.status(Path(at.session_state["cap_run"])).running:
            at.run()
            return at
        time.sleep(0.5)
    raise AssertionError("sweep did not finish in time")


def test_capacity_sweep_runs_in_the_background_and_shows_curves_in_dutch(workspace):
    at = open_page(signed_in("alice"), "capacity")
    assert "Capaciteit" in titles(at)
    assert "Nog geen sweep in deze sessie." in texts(at, "info")
    at.button(key="cap_start").click().run()
    assert "Kies ten minste één as." in texts(at, "warning")
    at.multiselect(key="cap_axes").set_value(["staff-kmar"]).run()
    at.slider(key="cap_range").set_value((0, 1)).run()
    at.number_input(key="cap_limit").set_value(3).run()
    at.button(key="cap_start").click().run()
    run = Path(at.session_state["cap_run"])
    assert run.is_relative_to(workspace.data_dir)
    _wait(at)
    assert "Klaar: 2 oplossingen." in texts(at, "success"), (texts(at, "error"), (run / "sweep.log").read_text())
    assert "Kmar-escorts (erbij of eraf)".lower() in [s.lower() for s in texts(at, "subheader")]
    table = at.dataframe[0].value
    assert list(table.iloc[:, 0]) == ["0 → +1"]
    assert any(c.startswith("Knik") for c in texts(at, "caption"))


def test_capacity_page_in_english_offers_the_scenarios_roles(workspace):
    at = open_page(signed_in("alice", lang="en"), "capacity")
    assert "Capacity" in titles(at)
    options = at.multiselect(key="cap_axes").options
    assert "Psychiatric nurses (added or removed)" in options and "Caseload (factor)" in options


def test_large_sweeps_go_to_ray_only_when_a_cluster_is_configured():
    assert desk.sweep_args(40, "nl", None) == ["--lang", "nl"]
    assert desk.sweep_args(12, "en", "ray://head:10001") == ["--lang", "en"]
    assert desk.sweep_args(13, "nl", "ray://head:10001") == ["--lang", "nl", "--ray", "ray://head:10001"]
