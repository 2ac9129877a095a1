"""Dutch throughout: every page, for every role that sees it, in both languages, shows no word of the other
language, no raw enum values, no pydantic messages and no Python reprs (issue 11, item 6)."""

from __future__ import annotations

import logging

import pytest

from planner.events import Event
from planner.web import SwapEscort
from tests.ui.apptest import ROLE_PAGES, signed_in
from tests.ui.language_scan import findings, visible_texts

log = logging.getLogger(__name__)
ROLE_USER = {"coordinator": "alice", "viewer": "vera", "auditor": "aud"}


def _lived_in(workspace) -> None:
    """A workspace as a coordinator leaves it after a week: published, an event accepted, an edit, versions."""
    p = workspace.planner
    p.publish(p.view(workspace.scenario_id), "alice")
    view = p.view(workspace.scenario_id)
    leg = view.plan.trips[0].outbound[0]
    impact = p.preview_events(view, [Event("cancel_flight", (leg,))], time_limit_s=3)
    p.accept_events(view, impact, "alice")
    view = p.view(workspace.scenario_id)
    trip, other = next((t, s.id) for t in view.plan.trips if t.escorts for s in view.scenario.staff
                       if t.escorts[0].role in s.roles and s.id not in {e.staff for e in t.escorts})
    p.save_edit(view, SwapEscort(case=trip.cases[0], old_staff=trip.escorts[0].staff, new_staff=other), "alice")


def page_findings(lang: str, names: frozenset[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for role, pages in sorted(ROLE_PAGES.items()):
        for page in sorted(pages):  # a fresh session per page: widget state of one page never leaks
            at = signed_in(ROLE_USER[role], lang=lang)
            at.switch_page(f"pages/{page}.py")
            at.run()
            problems = [f"exception: {e.value}" for e in at.exception] + findings(visible_texts(at), lang, names)
            if problems:
                found[f"{role}/{page}"] = problems
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_speaks_one_language(workspace, lang):
    _lived_in(workspace)
    view = workspace.planner.view(workspace.scenario_id)
    scenario = view.scenario
    assert view.violations, "the lived-in workspace should break a rule, so the pages show rule messages"
    names = frozenset(x.name for x in (*scenario.locations, *scenario.staff) if getattr(x, "name", None))
    names |= {o.facility for c in scenario.cases for o in c.care.options if o.facility}
    found = page_findings(lang, names)
    log.info("language findings (%s): %s", lang, {page: len(p) for page, p in found.items()})
    report = "\n".join(f"{page}: {p}" for page, problems in found.items() for p in problems)
    assert not found, f"{sum(map(len, found.values()))} findings:\n{report}"
