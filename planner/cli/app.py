"""`bv-planner`: the one argument parser and `main` (exit codes, errors in words, crash logs).

Every subcommand lives in its own module with a `register(sub)`; heavy imports happen inside the
commands, so building the parser stays cheap.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import NoReturn

from models import InputError
from planner.clock import command_started

log = logging.getLogger("bv-planner")


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error ("bv-planner solve: error: argument --time-limit: ...", exit 2) and
    every default shown in the help."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", argparse.ArgumentDefaultsHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {' '.join(message.split())} (see {self.prog} --help)\n")


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    """-v/-q on the main parser and on every subcommand, so they work at any position. SUPPRESS as the
    default keeps a subparser from overwriting what was given before the subcommand."""
    for flags, text in ((("-v", "--verbose"), "log details, CP-SAT's own search log included"),
                        (("-q", "--quiet"), "no progress lines")):
        existing = parser._option_string_actions.get(flags[0])
        if existing is not None:  # a subcommand's own -q (sweep): keep its help, share the default
            existing.default = argparse.SUPPRESS
        else:
            parser.add_argument(*flags, action="store_true", default=argparse.SUPPRESS, help=text + " (default: off)")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                _add_global_options(child)


def build_parser() -> argparse.ArgumentParser:
    from planner.capacity import command as sweep
    from planner.cli import bench, exports, replan, retention, schema, solve, ui, why

    parser = Parser(prog="bv-planner", description="Planner for DT&V Bijzonder Vertrek")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser, metavar="COMMAND")
    solve.register(sub)  # solve, demo, check, generate
    bench.register(sub)  # bench
    exports.register(sub)  # ical, transport, handover
    ui.register(sub)  # ui, user
    replan.register(sub)  # event, replan
    why.register(sub)  # why
    retention.register(sub)  # backup, purge
    sweep.register(sub)  # sweep (capacity planning)
    schema.register(sub)  # schema (JSON Schema of the files)
    _add_global_options(parser)
    return parser


EXIT_VALID, EXIT_BROKEN_RULE, EXIT_BAD_INPUT = 0, 1, 2
"""Exit codes: 0 a valid plan (or success), 1 the plan breaks a rule, 2 bad input or arguments,
3 internal error (planner/cli/crashlog.py: one line on stderr, the traceback in a log file)."""


def main(argv: list[str] | None = None) -> int:
    from planner.store.permissions import private_umask

    private_umask()  # data, logs and exports written by any subcommand are for the owner only
    started = command_started(argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a bad argument (2, one line already printed): a code, not an exit
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    args.started = started
    args.verbose = getattr(args, "verbose", False)
    args.quiet = getattr(args, "quiet", False)
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
