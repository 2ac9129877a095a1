"""Every text key the pages use exists in Dutch and English."""

import re
from pathlib import Path

from planner.web import i18n

ROOT = Path(__file__).resolve().parents[2]


def test_every_literal_key_used_by_the_ui_is_defined():
    used = set()
    for path in list((ROOT / "ui").rglob("*.py")) + sorted((ROOT / "planner" / "web" / "views").glob("*.py")):
        used |= set(re.findall(r"""\btr?\(\s*["']([a-z_]+\.[a-z_.]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "no keys found"
    assert sorted(k for k in used if not i18n.has(k)) == []


def test_dynamic_keys_exist_too():
    for prefix, names in {"page": ["overview", "cases", "timeline", "flights", "map", "adjust", "publish", "import",
                                   "export", "audit"],
                          "role": ["coordinator", "viewer", "auditor"], "status": ["draft", "published"],
                          "change": ["added", "removed", "changed"],
                          "field": ["flights", "pickup", "vehicle", "escorts", "returns", "care"],
                          "seg": ["transport", "flight", "handover", "wait", "return", "rest", "busy"],
                          "adj": ["pin", "unpin", "forbid", "allow", "swap", "move"], "kind": ["staff", "flight",
                                                                                              "vehicle"],
                          "type": ["voluntary", "forced"], "gantt": ["escort", "vehicle", "case"]}.items():
        for name in names:
            key = f"{prefix}.{name}"
            assert i18n.has(key), key
            assert i18n.t(key, "nl") and i18n.t(key, "en")
