"""'Waarom? / Wat is er nodig?' in the web backend: the core in Dutch, remedies, a remedy as a draft."""

from __future__ import annotations

import time


def test_why_names_the_blocking_rules_and_a_remedy_becomes_a_previewed_draft(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    case_id = view.plan.unplanned[0].case
    started = time.monotonic()
    reasons, remedies = p.why(view, case_id, time_limit_s=3, max_solves=4)
    assert reasons and all(r.text_nl for r in reasons)
    assert time.monotonic() - started < 300
    usable = [rx for rx in remedies if rx.apply is not None]
    if not usable:
        return  # no single change plans this case: nothing to apply (the page says so)
    impact = p.preview_remedy(view, case_id, usable[0], time_limit_s=5)
    assert case_id in impact.hit
    assert impact.events[0].kind == "remedy"
    saved = p.accept_events(view, impact, "alice")
    assert p.view(workspace.scenario_id).version.id == saved.plan_id
