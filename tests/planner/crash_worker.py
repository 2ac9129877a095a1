"""Child process for the crash tests: saves plan versions until it is killed.

    python -m tests.planner.crash_worker URL SCENARIO_ID loop   # save forever, print each commit
    python -m tests.planner.crash_worker URL SCENARIO_ID hang   # stop inside the transaction
"""

import sys
import time

from planner.store import AuditEntry, Change, NewPlan, Store


def one_save(store: Store, scenario_id: int, i: int):
    info = store.scenario_info(scenario_id)
    data = {"format": "bv-plan/1", "scenario": "crash", "trips": [], "unplanned": [],
            "solver": {"save": i, "padding": "x" * 400_000}}
    return store.save(scenario_id, info.revision, "crash-test", Change(
        audit=[AuditEntry("test.save", "plan", str(i), after=f"save {i}")],
        new_plan=NewPlan(data=data, action="edit", note=f"save {i}"),
        add_locks=[{"case": f"case-{i % 5}", "vehicle": f"veh-{i}"}]))


def main() -> None:
    url, scenario_id, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    store = Store(url)
    if mode == "hang":
        def stall() -> None:
            print("IN_TX", flush=True)
            time.sleep(120)
        store.before_commit = stall
        one_save(store, scenario_id, 999)
        return
    for i in range(100_000):
        saved = one_save(store, scenario_id, i)
        print(f"COMMITTED {saved.revision}", flush=True)


if __name__ == "__main__":
    main()
