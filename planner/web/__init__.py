"""The web planner's backend: what the Streamlit pages (`ui/`) call, and all they may call.

`Planner` (facade) is the one object the pages use; the edits, errors, job statuses and the
demo scenario are re-exported here so `ui/` never imports `planner.store` or the solver.
Page tables are in `planner.web.views`, translations in `planner.web.i18n`, sign-in and roles
in `planner.web.auth`, downloads in `planner.web.exporting`, case lists in `planner.web.caselist`.
"""

from models import InputError
from planner.events import Event
from planner.solver_status import clock_cut_notice, optimiser_warning
from planner.store import (
    JOB_CANCELLED,
    JOB_CONFLICT,
    JOB_DONE,
    JOB_FAILED,
    JOB_QUEUED,
    JOB_RUNNING,
    ConflictError,
    NotFoundError,
    data_dir,
    database_url,
)
from planner.web.diff import CaseChange, FieldChange
from planner.web.edits import (
    Allow,
    Applied,
    Edit,
    ForbidPair,
    MoveItinerary,
    Pin,
    Preview,
    SwapEscort,
    Unpin,
    edit_from_dict,
)
from planner.web.facade import ItineraryChoice, Planner
from planner.web.happenings import Impact
from planner.web.importing import DEMO_SCENARIO
from planner.web.jobs import MAX_TIME_LIMIT_S, JobProgress
from planner.web.publishing import PublishBlocked
from planner.web.workspace import View
from solver import SolveParams

__all__ = [
    "DEMO_SCENARIO", "JOB_CANCELLED", "JOB_CONFLICT", "JOB_DONE", "JOB_FAILED", "JOB_QUEUED", "JOB_RUNNING",
    "MAX_TIME_LIMIT_S", "Allow", "Event", "Impact", "Applied", "CaseChange", "ConflictError", "Edit", "FieldChange",
    "ForbidPair",
    "InputError", "ItineraryChoice", "JobProgress", "MoveItinerary", "NotFoundError", "Pin", "Planner", "Preview",
    "PublishBlocked",
    "SolveParams", "SwapEscort", "Unpin", "View", "clock_cut_notice", "data_dir", "database_url", "edit_from_dict",
    "optimiser_warning",
]
