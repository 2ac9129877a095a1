"""The command line, `bv-planner` (console script `planner.cli:main`; also `python -m planner`)."""

from planner.cli.app import EXIT_BAD_INPUT, EXIT_BROKEN_RULE, EXIT_VALID, build_parser, main

__all__ = ["EXIT_BAD_INPUT", "EXIT_BROKEN_RULE", "EXIT_VALID", "build_parser", "main"]
