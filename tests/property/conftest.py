"""Hypothesis profiles: `ci` (default) is deterministic and keeps the property suite under three
minutes; `BV_FUZZ=long` runs many more, randomised examples (minutes to hours)."""

import os

from hypothesis import HealthCheck, settings

_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile("ci", max_examples=100, derandomize=True, database=None, deadline=None,
                          suppress_health_check=_SLOW_DATA, print_blob=True)
settings.register_profile("long", max_examples=1500, derandomize=False, database=None, deadline=None,
                          suppress_health_check=_SLOW_DATA, print_blob=True)
settings.load_profile(os.environ.get("BV_FUZZ", "ci") if os.environ.get("BV_FUZZ") in ("ci", "long") else "ci")
