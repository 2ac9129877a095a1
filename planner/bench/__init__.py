"""The benchmark: generated tiers solved in worker processes (`runner`, `worker`), and the re-planning
suite (`replan`). Used by `bv-planner bench`; the planning core never imports it."""

from planner.bench.runner import TIERS, run_bench

__all__ = ["TIERS", "run_bench"]
