"""The application: orchestration, files, tables, calendars, CLI and storage."""

from planner.service import CheckedPlan, check_files, solve_file, solve_scenario

__all__ = ["CheckedPlan", "check_files", "solve_file", "solve_scenario"]
