"""What the pages call: the `Planner` facade over one store.

A coordinator works on a *workspace* (one scenario with its plan versions, locks and forbids).
The facade is assembled from one part per concern — loading a workspace (`workspace`), edits
(`editing`), background solves (`jobs`), publishing (`publishing`) and imports (`importing`) —
so the pages keep one object and never reach into the store themselves.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import timedelta

from models import Scenario
from planner import alternatives
from planner.store import AuditRecord, PlanVersion, ScenarioInfo, Store, User, database_url
from planner.web import auth, session
from planner.web.diff import CaseChange, diff_plans
from planner.web.guards import lock_forbid_clashes
from planner.web.happenings import HappeningsMixin
from planner.web.importing import ImportingMixin
from planner.web.jobs import JobsMixin
from planner.web.lifecycle import LifecycleDeskMixin
from planner.web.options import OptionsMixin
from planner.web.publishing import PublishingMixin
from planner.web.undo import UndoMixin
from planner.web.workspace import LRU, View

WHY_TOTAL_S = 15.0
""""Waarom?" tries remedies for at most this long (a 150-case plan took ~60 s for six tries under load)."""


@dataclass(frozen=True)
class ItineraryChoice:
    """An outbound itinerary a coordinator may move a case to: leg ids and a label in local times."""

    ids: tuple[str, ...]
    label: str


class Planner(OptionsMixin, JobsMixin, PublishingMixin, ImportingMixin, HappeningsMixin, LifecycleDeskMixin,
              UndoMixin):
    """One per process (the UI caches it as a resource); all state lives in the store."""

    diff = staticmethod(diff_plans)

    def __init__(self, store: Store):
        super().__init__(store)
        self._choices = LRU(64)
        """Per cached scenario object and case: the solver's candidate search takes a moment."""
        self._procs: dict[int, subprocess.Popen] = {}

    @classmethod
    def open(cls, url: str | None = None) -> Planner:
        """The planner on `url`, else on $BV_DATABASE_URL or the data folder's SQLite file."""
        return cls(Store(url or database_url()))

    # -- sign-in (roles come from the users table, also with OIDC) ---------------------------
    def authenticate(self, username: str, password: str, client: str | None = None,
                     totp_code: str | None = None) -> User | None:
        """The user for these credentials, or None; raises `auth.LockedOut` during a back-off."""
        return auth.authenticate(self.store, username, password, client=client, totp_code=totp_code)

    def oidc_user(self, email: str | None) -> User | None:
        return auth.oidc_user(self.store, email)

    # -- the session cookie (planner.web.session): a refresh keeps the login --------------------
    def session_token(self, username: str, issued=None) -> str:
        return session.issue(username, issued=issued)

    def session_user(self, token: str | None, idle_minutes: float) -> tuple[User, session.SessionToken] | None:
        """The user a valid session cookie names, with roles from the users table (never the cookie)."""
        found = session.read(token, timedelta(minutes=idle_minutes))
        if found is None:
            return None
        user = self.store.get_user(found.username)
        if user is None or not user.active or not user.roles:
            return None
        # Signing out (or the idle sign-out) revokes every cookie issued before it, even one the
        # browser failed to delete.
        last = self.store.audit_rows(actor=found.username, action="logout", limit=1)
        if last and found.issued <= last[0].at:
            return None
        return user, found

    # -- what the pages read and record, so they never reach into the store -------------------
    def scenario_info(self, scenario_id: int) -> ScenarioInfo:
        return self.store.scenario_info(scenario_id)

    def plan_version(self, plan_id: int) -> PlanVersion:
        """A version's metadata (number, status, counts), without its plan."""
        return self.store.plan_version(plan_id, with_data=False)

    def plan_versions(self, scenario_id: int) -> list[PlanVersion]:
        return self.store.plan_versions(scenario_id)

    def audit_rows(self, scenario_id: int | None = None, actor: str | None = None, action: str | None = None,
                   limit: int = 1000) -> list[AuditRecord]:
        return self.store.audit_rows(scenario_id=scenario_id, actor=actor, action=action, limit=limit)

    def audit(self, actor: str, action: str, object_type: str, object_id: str, *, scenario_id: int | None = None,
              before: str = "", after: str = "") -> None:
        """A stand-alone audit row (sign-in, sign-out, export): ids and pseudonyms only."""
        self.store.audit(actor, action, object_type, object_id, scenario_id=scenario_id, before=before, after=after)

    @staticmethod
    def clashes(scenario: Scenario):
        """Pins that clash with forbids in this workspace (they make the solver drop the case)."""
        return lock_forbid_clashes(scenario)

    def pinned_unplanned(self, plan_id: int, scenario: Scenario) -> list[str]:
        """Pinned cases a plan version leaves unplanned: a solve that did so is not simply "Klaar"."""
        _, plan = self.plan(plan_id)
        pinned = {lock.case for lock in scenario.locks}
        return sorted(u.case for u in plan.unplanned if u.case in pinned)

    def why(self, view: View, case_id: str, time_limit_s: float = 3.0, max_solves: int = 6,
            total_s: float | None = WHY_TOTAL_S):
        """"Waarom? / Wat is er nodig?": the case's blocking rules (the CP-SAT core, in both languages)
        and the single changes that would plan it, cheapest first (planner.whatif)."""
        from planner.whatif import what_it_would_take
        from solver import SolveParams
        from solver.explain import explain_case

        if view.plan is None:
            raise ValueError("there is no plan yet to explain a case against")
        params = SolveParams(time_limit_s=time_limit_s, workers=1, seed=0)
        reasons = explain_case(view.scenario, view.plan, case_id, params, view.published_plan)
        remedies = what_it_would_take(view.scenario, view.plan, case_id, params, reasons, max_solves=max_solves,
                                      total_s=total_s) if reasons else []
        return reasons, remedies

    def itinerary_choices(self, scenario: Scenario, case_id: str, limit: int = 40) -> list[ItineraryChoice]:
        """Outbound itineraries the case could be moved to (each still checked before it is saved)."""
        def make() -> tuple[Scenario, list[ItineraryChoice]]:
            return scenario, [ItineraryChoice(ids, alternatives.itinerary_label(scenario, ids))
                              for ids in alternatives.other_itineraries(scenario, case_id, limit=limit)]
        key = (id(scenario), case_id, limit)
        owner, choices = self._choices.get(key, make)
        if owner is not scenario:  # the id of a scenario that is gone, reused: never its choices
            owner, choices = make()
        return choices


__all__ = ["CaseChange", "ItineraryChoice", "Planner"]
