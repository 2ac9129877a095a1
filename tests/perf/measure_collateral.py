"""What a cancelled flight changes beyond the trips it hits (issue 12's note).

    python -m tests.perf.measure_collateral [--scenarios demo,M0,M1,M2] [--sample 12] [--check [returns]] [--workers 2]

Solves each scenario once (the published plan), then cancels flights the plan uses, one at a time
(outbound and return legs; with --sample N an evenly spaced sample of N of them, sorted by id), and
re-plans with the published plan as the previous one. Counts per scenario: trips hit by the event,
collateral trips (changed, not hit), those among them whose escorts' return legs changed and, with --check,
each collateral change judged by re-planning with that trip locked as it was (tests/planner/collateral.py):
needed (the locked plan is worse by the objective's order), a tie (an equal plan changes another trip
instead; "won later" when the re-plan is better on the objective's later levels, language mismatch and
cost, so the change bought those) or locked better (the re-plan missed a better plan in its time limit);
"of those, not needed" counts the return changes that were not needed: a tie the re-plan did not win
later, or a miss. M is the bench tier (60 cases,
28 days, staffing 0.6, planner/bench); demo is sample_data/scenarios/demo.json. Seed 0; one worker by
default (reproducible), --workers 2 with --replan-limit 60 is what `bv-planner replan` does by default.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from models import Scenario
from planner.service import solve_scenario
from solver import SolveParams
from tests.planner.collateral import cancel_and_replan, judge, legs_of

ROOT = Path(__file__).resolve().parents[2]


def scenario_named(name: str) -> Scenario:
    if name == "demo":
        return Scenario.model_validate(json.loads((ROOT / "sample_data/scenarios/demo.json").read_text()))
    from planner.bench import TIERS
    from sample_data import generate_scenario

    tier, seed = name[0], int(name[1:])
    cases, days = TIERS[tier]
    return Scenario.model_validate(generate_scenario(cases=cases, days=days, seed=seed, staffing=0.6))


def sample(legs: list[str], n: int) -> list[str]:
    if n <= 0 or len(legs) <= n:
        return legs
    return [legs[round(i * (len(legs) - 1) / (n - 1))] for i in range(n)] if n > 1 else legs[:1]


def measure(name: str, args) -> dict:
    scenario = scenario_named(name)
    published = solve_scenario(scenario, SolveParams(time_limit_s=args.solve_limit, workers=1, seed=0)).plan
    params = SolveParams(time_limit_s=args.replan_limit, workers=args.workers, seed=0)
    legs = sample(sorted({leg for trip in published.trips for leg in legs_of(trip)}), args.sample)
    row = {"scenario": name, "cancelled": len(legs), "hit": 0, "collateral": 0, "unforced_returns": 0,
           "returns_only": 0, "necessary": 0, "tie": 0, "tie_won": 0, "dominated": 0, "checked": 0,
           "unforced_checked": 0,
           "before": published.objective.planned_priority, "after": [], "seconds": []}
    for leg in legs:
        t = time.perf_counter()
        done = cancel_and_replan(scenario, published, leg, params)
        row["seconds"].append(time.perf_counter() - t)
        row["hit"] += len(done.hit)
        row["collateral"] += len(done.collateral)
        row["unforced_returns"] += len(done.unforced_returns())
        row["returns_only"] += sum(1 for c in done.collateral if c.what == ["returns"])
        row["after"].append(done.plan.objective.planned_priority)
        for change in done.collateral:
            line = f"  {name} {leg}: collateral {'+'.join(change.cases)} {change.what} for {change.made_room_for}"
            if args.check == "all" or (args.check == "returns" and "returns" in change.what):
                verdict = judge(done, published, change, params)
                row["checked"] += 1
                row["necessary"] += verdict.needed
                row["tie"] += verdict.tie
                row["tie_won"] += verdict.tie_won_later
                row["dominated"] += verdict.dominated
                row["unforced_checked"] += "returns" in change.what and not (verdict.needed or verdict.tie_won_later)
                line += (f" necessary={verdict.needed} tie={verdict.tie} won_later={verdict.tie_won_later}"
                         f" dominated={verdict.dominated}"
                         f" ({verdict.seen})")
            print(line, flush=True)
    return row


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scenarios", default="demo,M0,M1,M2")
    p.add_argument("--sample", type=int, default=12, help="flights cancelled per scenario (0: every one used)")
    p.add_argument("--solve-limit", type=float, default=60.0, help="seconds for the published plan")
    p.add_argument("--replan-limit", type=float, default=6.0, help="seconds for each re-plan (the bench's)")
    p.add_argument("--check", nargs="?", const="all", choices=["all", "returns"],
                   help="re-plan with each collateral trip locked (returns: only those whose escorts' "
                        "return legs changed, the slow two-worker runs)")
    p.add_argument("--workers", type=int, default=1, help="CP-SAT workers for the re-plans (1: reproducible)")
    args = p.parse_args()
    print("uptime:", os.getloadavg(), flush=True)
    rows = [measure(name, args) for name in args.scenarios.split(",")]
    print("| scenario | flights cancelled | trips hit | collateral trips | collateral with escort returns changed "
          "(returns only) | of those, not needed | collateral needed / tie (won later) / locked better / checked "
          "| priority before | priority after (min–max) | priority lost, sum over cancellations "
          "| median re-plan s |")
    print("|" + "---|" * 11)
    for r in rows:
        secs = sorted(r["seconds"])
        print(f"| {r['scenario']} | {r['cancelled']} | {r['hit']} | {r['collateral']} | {r['unforced_returns']} "
              f"({r['returns_only']}) | {r['unforced_checked']} | {r['necessary']} / {r['tie']} ({r['tie_won']}) "
              f"/ {r['dominated']} / {r['checked']} | {r['before']} "
              f"| {min(r['after'])}–{max(r['after'])} | {sum(r['before'] - a for a in r['after'])} "
              f"| {secs[len(secs) // 2]:.1f} |")
    print("uptime:", os.getloadavg(), flush=True)


if __name__ == "__main__":
    main()
