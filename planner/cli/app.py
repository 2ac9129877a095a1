"""`bv-planner`: the one argument parser and `main` (exit codes, errors in words, crash logs).

Every subcommand lives in its own module with a `register(sub)`; heavy imports happen inside the
commands, so building the parser stays cheap.
"""

from __future__ import annotations

import argparse
import logging
import sys

from models import InputError
from planner.clock import command_started

log = logging.getLogger("bv-planner")


def build_parser() -> argparse.ArgumentParser:
    from planner.capacity import command as sweep
    from planner.cli import bench, exports, replan, retention, solve, ui, why

    parser = argparse.ArgumentParser(prog="bv-planner", description="Planner for DT&V Bijzonder Vertrek")
    parser.add_argument("-v", "--verbose", action="store_true", help="show solver progress")
    sub = parser.add_subparsers(dest="command", required=True)
    solve.register(sub)  # solve, demo, check, generate
    bench.register(sub)  # bench
    exports.register(sub)  # ical, transport, handover
    ui.register(sub)  # ui, user
    replan.register(sub)  # event, replan
    why.register(sub)  # why
    retention.register(sub)  # backup, purge
    sweep.register(sub)  # sweep (capacity planning)
    return parser


EXIT_VALID, EXIT_BROKEN_RULE, EXIT_BAD_INPUT = 0, 1, 2
"""Exit codes: 0 a valid plan (or success), 1 the plan breaks a rule, 2 bad input or arguments,
3 internal error (planner/cli/crashlog.py: one line on stderr, the traceback in a log file)."""


def main(argv: list[str] | None = None) -> int:
    from planner.store.permissions import private_umask

    private_umask()  # data, logs and exports written by any subcommand are for the owner only
    started = command_started(argv)
    parser = build_parser()
    args = parser.parse_args(argv)  # bad arguments: argparse exits with 2
    args.started = started
    if not hasattr(args, "verbose"):
        args.verbose = False
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # a file named on the command line cannot be read or written
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into exit code 3
        from planner.cli.crashlog import report_internal_error

        return report_internal_error(exc, argv)


if __name__ == "__main__":
    sys.exit(main())
