"""`python -m sample_data -o scenario.json --cases 150 --days 28 --seed 0 --staffing 0.6`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime

from sample_data.generator import generate_scenario


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sample_data", description=__doc__)
    parser.add_argument("-o", "--output", default="-", help="file to write, '-' for stdout (default)")
    parser.add_argument("--cases", type=int, default=25, help="number of cases (default 25)")
    parser.add_argument("--days", type=int, default=14, help="horizon in days (default 14)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--staffing", type=float, default=1.0,
                        help="staff and vehicles as a multiple of the estimated need (default 1.0)")
    parser.add_argument("--start", type=datetime.fromisoformat, default=None,
                        help="planning start with UTC offset, e.g. 2026-12-07T08:00:00+01:00")
    parser.add_argument("--mix", default=None, help="case mix: a preset of sample_data.mix.MIXES or profile=weight,...")
    parser.add_argument("--forced-share", type=float, default=None, help="share of forced trip units, 0-1")
    args = parser.parse_args(argv)
    if args.start is not None and args.start.utcoffset() is None:
        parser.error("--start needs a UTC offset, e.g. 2026-12-07T08:00:00+01:00")

    began = time.perf_counter()
    try:
        scenario = generate_scenario(args.cases, args.days, args.seed, args.staffing, args.start,
                                     mix=args.mix, forced_share=args.forced_share)
    except ValueError as exc:
        parser.error(str(exc))
    text = json.dumps(scenario, indent=1, ensure_ascii=False) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    print(
        f"{scenario['id']}: {len(scenario['cases'])} cases, {len(scenario['flights'])} legs, "
        f"{len(scenario['staff'])} staff, {len(scenario['vehicles'])} vehicles "
        f"in {time.perf_counter() - began:.2f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
