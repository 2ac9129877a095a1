"""Seeded generator of realistic Dutch Bijzonder Vertrek scenarios (`bv-scenario/1`).

    from sample_data import generate_scenario
    scenario = generate_scenario(cases=150, days=28, seed=0, staffing=0.6)

Small committed scenarios live in `sample_data/scenarios/` (regenerate with
`python -m sample_data.make_committed`); `python -m sample_data --help` writes one to a file.
"""

from pathlib import Path

from sample_data.generator import DEFAULT_START, generate_scenario, write_scenario

SCENARIOS_DIR = Path(__file__).parent / "scenarios"
"""The committed scenarios: demo.json, small.json, rules.json."""

__all__ = ["DEFAULT_START", "SCENARIOS_DIR", "generate_scenario", "write_scenario"]
