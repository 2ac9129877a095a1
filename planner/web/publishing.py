"""Publishing the head plan version, and the calendars as they were last published."""

from __future__ import annotations

import logging

from models import InputError
from planner.store import PUBLISHED, AuditEntry, Change, SaveResult
from planner.web.diff import diff_plans
from planner.web.lifecycle import publish_steps
from planner.web.workspace import View, WorkspaceBase, new_plan_record

log = logging.getLogger(__name__)


class PublishBlocked(ValueError):
    """The head plan cannot be published (rule violations, or nothing to publish)."""



class PublishingMixin(WorkspaceBase):
    """The publishing part of the `Planner` facade."""

    def publish(self, view: View, actor: str, note: str = "") -> SaveResult:
        """Publish the head as a new, published version; refused while rules are broken."""
        if view.plan is None or view.version is None:
            raise PublishBlocked("there is no plan to publish")
        if not view.is_head:
            raise PublishBlocked("only the newest version can be published: reload first")
        if view.violations:
            raise PublishBlocked(f"{len(view.violations)} rule(s) broken")
        if view.version.status == PUBLISHED:
            raise PublishBlocked("this version is already published")
        changes = diff_plans(view.scenario, view.published_plan, view.plan)
        summary = "; ".join(f"{kind}: {', '.join(c.case for c in changes if c.change == kind) or '-'}"
                            for kind in ("added", "changed", "removed"))
        new_plan = new_plan_record(view.scenario, view.plan, "publish", view.version.id, status=PUBLISHED,
                                   violations=0, note=note)
        # The lifecycle: planned cases announced, changed booked trips back to announced (issue 11).
        steps = publish_steps(view.scenario, view.published_plan, view.plan, self.store.case_states(view.scenario_id))
        return self.store.save(view.scenario_id, view.revision, actor, Change(
            audit=[AuditEntry("plan.publish_diff", "plan_version", f"{view.scenario_id}/v{view.version.number}",
                              before=f"published v{view.published.number}" if view.published else "nothing published",
                              after=summary)],
            new_plan=new_plan, transitions=steps))

    def published_calendars(self, view: View) -> dict[str, bytes] | None:
        """The calendars as last published before this version, rebuilt from the published versions
        in order, so a download carries UIDs and SEQUENCE numbers that calendar clients apply."""
        try:
            from planner import exports
        except ImportError:
            return None
        if view.version is None:  # no plan version yet: nothing was published before it
            return None
        published = sorted((v for v in self.store.plan_versions(view.scenario_id)
                            if v.status == PUBLISHED and v.number < view.version.number), key=lambda v: v.number)
        previous: dict[str, bytes] | None = None
        for version in published:
            _, plan = self.plan(version.id)
            try:
                try:
                    previous = exports.calendars(view.scenario, plan, previous, published_at=version.created_at)
                except InputError:
                    # A flight cancelled by an event since (issue 11): rebuild with the retired legs the
                    # event drafts keep, so the calendars go on with higher SEQUENCE numbers.
                    from planner.web.happenings import with_retired_flights

                    older = with_retired_flights(view.scenario, self.store.plan_versions(view.scenario_id), self.plan)
                    previous = exports.calendars(older, plan, previous, published_at=version.created_at)
            except InputError:
                log.info("published version %s no longer matches the scenario; calendars restart there", version.number)
        return previous
