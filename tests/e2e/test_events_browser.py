"""Chromium end to end (issue 11): cancel a flight of the published plan on Gebeurtenissen, preview
and accept the re-plan, publish, export. Only hit or collateral trips changed, and the calendar of
an affected escort carries a higher SEQUENCE. Skipped without Debian's chromium."""

from __future__ import annotations

import json
import re

import pytest

from planner.store import Store
from planner.web import Planner
from tests.e2e.test_browser import CHROMIUM, CHROMIUM_ARGS, _click, _idle, _login, _nav, server  # noqa: F401
from tests.security.serving import download
from tests.webfixtures import DEMO

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def _sequences(ics: bytes) -> dict[str, int]:
    text = ics.decode("utf-8")
    out = {}
    for block in text.split("BEGIN:VEVENT")[1:]:
        uid = re.search(r"\nUID:(.+)\r?\n", block).group(1).strip()
        seq = re.search(r"\nSEQUENCE:(\d+)", block)
        out[uid] = int(seq.group(1)) if seq else 0
    return out


def test_cancel_flight_preview_accept_publish_export(server, demo_plan, tmp_path):  # noqa: F811
    from playwright.sync_api import sync_playwright

    url, data = server
    store = Store.open(data)
    p = Planner(store)
    sid = p.add_scenario_dict(json.loads(DEMO.read_text(encoding="utf-8")), "alice", demo_plan)
    p.publish(p.view(sid), "alice")
    before = p.view(sid)
    from planner import exports

    first_calendars = exports.calendars(before.scenario, before.plan, None, published_at=before.version.created_at)
    escorted = next(t for t in before.plan.trips if t.escorts)
    target = before.scenario.flight_by_id[escorted.outbound[0]]
    zone = before.scenario.location_by_id[target.from_].zone
    label = f"{target.code} {target.from_}→{target.to} {target.departure.astimezone(zone).strftime('%d-%m %H:%M')}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.set_default_timeout(120_000)
        _login(page, url, "alice", "geheim-1")
        _nav(page, "Gebeurtenissen")
        picker = page.locator(".st-key-ev_flight")             # cancel a leg of a trip with escorts
        picker.click()
        page.keyboard.type(label)
        page.get_by_role("option", name=label).first.click()
        _idle(page)
        _click(page, "ev_preview")
        page.get_by_text("Direct geraakt").first.wait_for()
        _idle(page)
        shown_no_collateral = page.get_by_text("Geen andere reizen gewijzigd.").count() > 0
        _click(page, "ev_accept")
        page.get_by_text("Opgeslagen als concept").wait_for()
        _idle(page)
        _nav(page, "Publiceren")
        _click(page, "pub_publish")
        page.get_by_text("Gepubliceerd als versie").wait_for()
        _idle(page)
        _nav(page, "Export")
        assert "-v" in download(page, "exp_all_zip").suggested_filename
        browser.close()
    after = p.view(sid)
    cancelled = [r.after for r in store.audit_rows(action="event.cancel_flight")]
    assert len(cancelled) == 1 and after.version.status == "published"
    leg = cancelled[0].split()[-1]
    assert leg == target.id
    impact_rows = store.audit_rows(action="plan.replan")
    assert impact_rows
    old_trips = {c: t for t in before.plan.trips for c in t.cases}
    new_trips = {c: t for t in after.plan.trips for c in t.cases}
    hit = {c for c, t in old_trips.items() if leg in t.outbound or any(leg in e.return_ for e in t.escorts)}
    assert hit
    changed = {c for c in set(old_trips) | set(new_trips) if old_trips.get(c) != new_trips.get(c)}
    assert hit <= changed | (set(old_trips) - set(new_trips))
    collateral = _only_hit_or_collateral(before.plan, after, hit)
    assert shown_no_collateral == (not collateral), (shown_no_collateral, collateral)
    versions = store.plan_versions(sid)
    assert [v.action for v in versions][-3:] == ["publish", "event", "publish"][-3:] or len(versions) >= 3
    staff = {e.staff for c in hit for e in old_trips[c].escorts}
    assert staff and first_calendars
    later = exporting_calendars(p, sid, after)
    names = [n for n in first_calendars if any(x in n for x in staff)]
    assert names, (sorted(first_calendars)[:5], staff)
    old_seq, new_seq = _sequences(first_calendars[names[0]]), _sequences(later[names[0]])
    assert any(new_seq.get(uid, 0) > seq for uid, seq in old_seq.items()), (old_seq, new_seq)
    store.dispose()


def _only_hit_or_collateral(previous, after, hit: set[str]) -> dict[str, str]:
    """Every trip that changed between the published plan and the accepted re-plan (the contract's
    disruption: outbound legs, vehicle, escort staff or return legs differ, or dropped) is hit by the
    cancelled flight or is collateral with a cause: it shares an escort or the vehicle with a hit trip,
    or a new or changed case now uses a leg, escort or vehicle it gave up. Returns collateral -> cause."""
    from models.rules import disrupted_cases

    disrupted = set(disrupted_cases(after.scenario, after.plan, previous))
    old = {c: t for t in previous.trips for c in t.cases}
    moved = disrupted | {c for t in after.plan.trips for c in t.cases if c not in old}
    hit_trips = [old[c] for c in hit]

    def uses(trip) -> tuple[set[str], set[str], str | None]:
        return (set(trip.outbound) | {leg for e in trip.escorts for leg in e.return_},
                {e.staff for e in trip.escorts}, trip.vehicle)

    causes: dict[str, str] = {}
    for case in sorted(disrupted - hit):
        legs, staff, vehicle = uses(old[case])
        shared = [h.cases[0] for h in hit_trips if staff & uses(h)[1] or (vehicle and vehicle == h.vehicle)]
        took = [c for t in after.plan.trips if not set(t.cases) & set(old[case].cases) and set(t.cases) & moved
                for c in t.cases if uses(t)[0] & legs or uses(t)[1] & staff or (vehicle and t.vehicle == vehicle)]
        assert shared or took, f"{case} changed without being hit or giving way to a moved case"
        causes[case] = f"shares with {shared[0]}" if shared else f"made room for {took[0]}"
    return causes


def exporting_calendars(p, sid, view):
    from planner import exports

    return exports.calendars(view.scenario, view.plan, p.published_calendars(view),
                             published_at=view.version.created_at)
