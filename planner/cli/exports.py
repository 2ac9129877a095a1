"""`bv-planner ical|transport|handover`: write the exports of a plan to a folder.

`register(sub)` adds the three subcommands to the main parser (planner/cli/app.py). Heavy imports
happen inside the commands, so building the parser stays cheap. Bad input raises
`models.InputError`, which the main CLI prints without a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from models import InputError
from planner.cli.argtypes import input_dir, input_file, int_range, output_dir


def _load(args):
    from models import load_plan, load_scenario

    return load_scenario(args.scenario), load_plan(args.plan)


def _published_at(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError("--published-at", [("", f"not an ISO 8601 datetime: {text!r}")]) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InputError("--published-at", [("", "must carry a UTC offset, e.g. 2026-12-07T08:00:00+01:00")])
    return moment


def write_files(directory: str | Path, files: Mapping[str, bytes | str]) -> list[Path]:
    """Write each file atomically (temp file, then rename) into `directory`, creating it."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in sorted(files.items()):
        if "/" in name or "\\" in name or name in ("", ".", ".."):
            raise InputError(str(out), [(name, "unsafe file name")])
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = out / name
        tmp = out / f".{name}.tmp"
        tmp.write_bytes(data)
        tmp.replace(target)
        written.append(target)
    return written


def cmd_ical(args) -> int:
    from planner.exports.ical import calendars, read_export_dir

    scenario, plan = _load(args)
    previous = read_export_dir(args.previous_export) if args.previous_export else None
    if previous is None and Path(args.output).is_dir() and any(Path(args.output).glob("*.ics")):
        print(f"warning: {args.output} already holds calendars; without --previous-export every event starts "
              "again at SEQUENCE 0 and subscribed clients may ignore the changes", file=sys.stderr)
    files = calendars(scenario, plan, previous, published_at=_published_at(args.published_at),
                      alarm_minutes=args.alarm_minutes)
    write_files(args.output, files)
    print(f"{len(files)} calendar(s) written to {args.output}")
    return 0


def cmd_transport(args) -> int:
    from planner.exports.transport import transport_orders_csv, transport_orders_xlsx

    scenario, plan = _load(args)
    files: dict[str, bytes] = {**transport_orders_csv(scenario, plan), **transport_orders_xlsx(scenario, plan)}
    write_files(args.output, files)
    days = len(files) // 2
    print(f"Transport orders for {days} day(s) written to {args.output}" if days
          else "No trips in the plan: no transport orders written")
    return 0


def cmd_handover(args) -> int:
    from planner.exports.handover import handover_sheets

    scenario, plan = _load(args)
    files = handover_sheets(scenario, plan, args.role or None)
    write_files(args.output, files)
    print(f"{len(files)} handover sheet(s) written to {args.output}")
    return 0


def _files(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", type=input_file, help="scenario file (bv-scenario/1)")
    p.add_argument("plan", type=input_file, help="plan file (bv-plan/1)")


def _published_at_arg(text: str) -> str:
    try:
        _published_at(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc).splitlines()[-1].strip()) from None
    return text


def register(sub: argparse._SubParsersAction) -> None:
    """Add `ical`, `transport` and `handover` to the main CLI's subparsers."""
    p = sub.add_parser("ical", help="calendars per staff member and vehicle (.ics)")
    _files(p)
    p.add_argument("-o", "--output", type=output_dir, required=True,
                   help="folder for <staff id>.ics and <vehicle id>.ics")
    p.add_argument("--previous-export", type=input_dir,
                   help="folder of the previous export: keeps UIDs, raises SEQUENCE, "
                                             "cancels what disappeared (may be the same as -o; default: none)")
    p.add_argument("--published-at", type=_published_at_arg,
                   help="DTSTAMP of new and changed events (ISO 8601 with offset; "
                                          "default: the scenario's planning_start)")
    p.add_argument("--alarm-minutes", type=int_range(0, 10080), default=120, help="alarm this long before report time")
    p.set_defaults(func=cmd_ical)

    p = sub.add_parser("transport", help="DV&O transport orders per day (CSV and Excel)")
    _files(p)
    p.add_argument("-o", "--output", type=output_dir, required=True, help="folder for transport-YYYY-MM-DD.csv/.xlsx")
    p.set_defaults(func=cmd_transport)

    p = sub.add_parser("handover", help="handover sheets (overdrachtsformulieren) per trip and role, HTML")
    _files(p)
    p.add_argument("-o", "--output", type=output_dir, required=True, help="folder for the HTML sheets")
    p.add_argument("--role", action="append", choices=["kmar", "coordinator", "doctor", "nurse",
                                                        "psychiatric_nurse", "dvo"],
                   help="only these recipient roles (repeatable; default: every role of each trip)")
    p.set_defaults(func=cmd_handover)


__all__ = ["cmd_handover", "cmd_ical", "cmd_transport", "register", "write_files"]
