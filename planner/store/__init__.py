"""Storage: scenarios, immutable plan versions, locks, forbids, users, solve jobs and the audit log.

`schema` (tables), `records` (the frozen records handed out), `engine` (data folder, URL, sessions),
`repository` (the `Store`), with `users` and `jobs` as parts of it. Only the web backend
(`planner.web`) and the CLI's user commands use this package; the UI goes through `planner.web`.
"""

from planner.store.engine import DATA_DIR_ENV, DATABASE_URL_ENV, DB_FILENAME, data_dir, database_url
from planner.store.lifecycle import (
    ABORT_REASONS,
    ABORTED,
    ANNOUNCED,
    BOOKED,
    CASE_STATES,
    DEPARTED,
    DRAFT_CASE,
    WITHDRAWN,
    CaseState,
    IllegalTransition,
)
from planner.store.records import (
    DRAFT,
    JOB_CANCELLED,
    JOB_CONFLICT,
    JOB_DONE,
    JOB_FAILED,
    JOB_FINAL,
    JOB_QUEUED,
    JOB_RUNNING,
    PUBLISHED,
    AuditEntry,
    AuditRecord,
    Change,
    ConflictError,
    Job,
    NewPlan,
    NotFoundError,
    PlanVersion,
    SaveResult,
    ScenarioInfo,
    Snapshot,
    Transition,
    User,
)
from planner.store.repository import Store
from planner.store.schema import utcnow

__all__ = [
    "DATABASE_URL_ENV", "DATA_DIR_ENV", "DB_FILENAME", "DRAFT", "JOB_CANCELLED", "JOB_CONFLICT", "JOB_DONE",
    "JOB_FAILED", "JOB_FINAL", "JOB_QUEUED", "JOB_RUNNING", "PUBLISHED", "AuditEntry", "AuditRecord", "Change",
    "ConflictError", "Job", "NewPlan", "NotFoundError", "PlanVersion", "SaveResult", "ScenarioInfo", "Snapshot",
    "Store", "User", "data_dir", "database_url", "utcnow",
    "ABORTED", "ABORT_REASONS", "ANNOUNCED", "BOOKED", "CASE_STATES", "DEPARTED", "DRAFT_CASE", "WITHDRAWN",
    "CaseState", "IllegalTransition", "Transition",
]
