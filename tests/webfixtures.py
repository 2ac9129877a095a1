"""Fixtures shared by the web planner tests (tests/ui, tests/planner/test_store.py, tests/e2e).

A solved plan for the committed demo scenario is computed once per test session (5 s, one
worker) and every test gets its own data folder with that scenario, that plan as version 1 and
four users: alice and bob (coordinators), vera (viewer) and aud (auditor), password "pw".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

from models import Plan, load_scenario
from planner.store import Store
from planner.web import Planner, SolveParams, auth

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sample_data" / "scenarios" / "demo.json"
PASSWORD = "pw"
USERS = {"alice": ("coordinator",), "bob": ("coordinator",), "vera": ("viewer",), "aud": ("auditor",)}


@dataclass
class Workspace:
    data_dir: Path
    store: Store
    planner: Planner
    scenario_id: int
    plan: Plan


@pytest.fixture(scope="session")
def demo_plan() -> Plan:
    from planner.service import solve_scenario

    return solve_scenario(load_scenario(DEMO), SolveParams(time_limit_s=5, workers=1, seed=0)).plan


@lru_cache(maxsize=1)
def _password_hash() -> str:
    return auth.hash_password(PASSWORD)


def make_workspace(data_dir: Path, plan: Plan) -> Workspace:
    store = Store(f"sqlite:///{data_dir / 'planner.db'}")
    planner = Planner(store)
    for name, roles in USERS.items():  # one scrypt (N=2^17, ~0.5 s) per test session, not per user
        store.put_user(name, _password_hash(), roles, name, "test")
    scenario_id = planner.add_scenario_dict(json.loads(DEMO.read_text(encoding="utf-8")), "alice", plan)
    return Workspace(data_dir, store, planner, scenario_id, plan)


@pytest.fixture
def workspace(tmp_path, monkeypatch, demo_plan) -> Workspace:
    monkeypatch.setenv("BV_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BV_DATABASE_URL", raising=False)
    ws = make_workspace(tmp_path, demo_plan)
    yield ws
    ws.store.dispose()
