"""`bv-planner schema scenario|plan`: print the JSON Schema of a file kind (docs/schema/*.json)."""

from __future__ import annotations

import argparse


def cmd_schema(args) -> int:
    from planner.schema import schema_text

    print(schema_text(args.kind), end="")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `schema` to the bv-planner subcommands."""
    p = sub.add_parser("schema", help="print the JSON Schema of the scenario or plan file")
    p.add_argument("kind", choices=["scenario", "plan"], help="which file")
    p.set_defaults(func=cmd_schema)
