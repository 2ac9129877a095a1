"""Capacity sweeps: solve many variants of one scenario (more or fewer escorts, vehicles, cases,
other limits) and say what one more unit of each buys. See `bv-planner sweep --help`."""
