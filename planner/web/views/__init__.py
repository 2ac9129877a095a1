"""The plan as pandas tables, the way coordinators look at it: per case, escort, vehicle, leg, day.

Every function takes the scenario and the plan and returns a DataFrame with column names in the
chosen language. Times are shown in the local time of the place where they happen; the Gantt
frame keeps its bars in UTC (plotly draws tz-aware times an hour off across DST) and puts local
times in the hover text. One module per page family; this package is what the pages import.
"""

from planner.web.views.admin import audit_table, diff_table, export_tables, versions_table
from planner.web.views.cases import CaseDetail, case_detail, case_table, conditions, duty_and_rest
from planner.web.views.common import first_departure_local, trips_by_case
from planner.web.views.overview import (
    FTF_MAX_AGE_DAYS,
    counts_by_priority,
    counts_by_week,
    shared_language,
    violations_table,
    warnings_table,
)
from planner.web.views.resources import escort_table, gantt_frame, leg_table, map_points, map_routes

__all__ = [
    "FTF_MAX_AGE_DAYS", "CaseDetail", "audit_table", "case_detail", "case_table", "conditions", "counts_by_priority",
    "counts_by_week", "diff_table", "duty_and_rest", "escort_table", "export_tables", "first_departure_local",
    "gantt_frame",
    "leg_table", "map_points", "map_routes", "shared_language", "trips_by_case", "versions_table", "violations_table",
    "warnings_table",
]
