"""A way back: undo takes back exactly the last edit; restoring an old version makes a new draft; both audited."""

from __future__ import annotations

from datetime import timedelta

from planner.web import SwapEscort
from tests.ui.apptest import open_page, signed_in, texts


def test_restore_an_old_version_as_a_new_draft(workspace):
    p = workspace.planner
    first = p.view(workspace.scenario_id)
    # an escorted trip whose first escort's role has someone else who could take the place
    trip, other = next((t, s.id) for t in first.plan.trips if t.escorts for s in first.scenario.staff
                       if t.escorts[0].role in s.roles and s.id not in {e.staff for e in t.escorts})
    p.save_edit(first, SwapEscort(case=trip.cases[0], old_staff=trip.escorts[0].staff, new_staff=other), "alice")
    edited = p.view(workspace.scenario_id)
    assert edited.version.id != first.version.id
    at = open_page(signed_in("alice"), "publish")
    at.button(key="back_undo").click().run()
    assert "Aanpassing ongedaan gemaakt." in texts(at, "success")
    now = p.view(workspace.scenario_id)
    assert now.version.id not in (first.version.id, edited.version.id)
    assert now.plan.trips == first.plan.trips and now.version.status == "draft"
    rows = workspace.store.audit_rows(action="edit.undo")
    assert [(r.actor, r.before) for r in rows] == [("alice", "swap")]
    # undone once: the button is off and says why
    assert at.button(key="back_undo").disabled
    assert "De laatste aanpassing is al ongedaan gemaakt." in [c.value for c in at.caption]
    chosen = first.version.id
    at.selectbox(key="back_version").set_value(chosen).run()
    at.button(key="back_restore").click().run()
    assert any(s.startswith("Teruggezet: nieuw concept") for s in texts(at, "success"))
    assert [r.actor for r in workspace.store.audit_rows(action="version.restore")] == ["alice"]


def test_publish_diff_reads_in_names_and_local_times(workspace):
    import re

    p = workspace.planner
    view = p.view(workspace.scenario_id)
    trip = view.plan.trips[0]
    later = trip.model_copy(update={"pickup": trip.pickup + timedelta(days=1)})
    new = view.plan.model_copy(update={"trips": (later,) + view.plan.trips[1:]})
    change = next(c for c in p.diff(view.scenario, view.plan, new) if c.case == trip.cases[0])
    pickup = next(f for f in change.fields if f.field == "pickup")
    assert re.fullmatch(r"(ma|di|wo|do|vr|za|zo) \d\d-\d\d \d\d:\d\d", pickup.old), pickup
    assert pickup.old != pickup.new
