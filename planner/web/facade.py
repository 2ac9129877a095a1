"""What the pages call: the `Planner` facade over one store.

A coordinator works on a *workspace* (one scenario with its plan versions, locks and forbids).
The facade is assembled from one part per concern — loading a workspace (`workspace`), edits
(`editing`), background solves (`jobs`), publishing (`publishing`) and imports (`importing`) —
so the pages keep one object and never reach into the store themselves.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

from models import Scenario
from planner import alternatives
from planner.store import AuditRecord, PlanVersion, ScenarioInfo, Store, User, database_url
from planner.web import auth
from planner.web.diff import CaseChange, diff_plans
from planner.web.editing import EditingMixin
from planner.web.importing import ImportingMixin
from planner.web.jobs import JobsMixin
from planner.web.publishing import PublishingMixin
from planner.web.workspace import LRU


@dataclass(frozen=True)
class ItineraryChoice:
    """An outbound itinerary a coordinator may move a case to: leg ids and a label in local times."""

    ids: tuple[str, ...]
    label: str


class Planner(EditingMixin, JobsMixin, PublishingMixin, ImportingMixin):
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
