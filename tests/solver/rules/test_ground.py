"""Rule 9 in the solver (`solver.rules.ground`): kept by the options, re-checked by `conflict`."""

from solver.occupancy import Occupancy
from solver.rules import ground
from tests.builders import build_plan, via_hub_trip
from tests.models.rules.test_ground import MINOR, _hub, _scn
from tests.solver.rules.harness import World, assignment, family_model, world

HUB = build_plan(_hub())
HUB_LEGS = tuple(via_hub_trip()["outbound"])


def _has_hub_option(w: World) -> bool:
    return any(o.itinerary.leg_ids == HUB_LEGS for o in w.unit("BV-1").options)


def test_the_index_keeps_the_connection_limit():
    assert _has_hub_option(world(_scn(max_connection_minutes=95)))  # the 95-min connection at the limit
    assert not _has_hub_option(world(_scn(max_connection_minutes=94)))


def test_the_family_adds_no_constraint():
    v = family_model(world(_scn(max_connection_minutes=95)), ground)
    before = len(v.model.proto.constraints)
    assert ground.add(v) == [] and len(v.model.proto.constraints) == before


def test_consistent_with_the_checker_fixture():
    # tests/models/rules/test_ground.py: a 95-min connection breaks a 94-min limit (rule9.connection),
    # and for a minor the vulnerable limit (rule9.vulnerable_connection)
    for case, settings, code in ((None, {"max_connection_minutes": 94}, "rule9.connection"),
                                 (MINOR, {"vulnerable_max_connection_minutes": 94}, "rule9.vulnerable_connection")):
        loose = world(_scn(case))  # builds the hub option, checked below under the stricter limit
        strict = world(_scn(case, **settings))
        a = assignment(loose, HUB.trips[0])
        unit = loose.unit("BV-1")
        assert [b.code for b in ground.conflict(Occupancy(strict.ix, strict.res), unit, a)] == [code]
        assert ground.conflict(Occupancy(loose.ix, loose.res), unit, a) == []
        assert not _has_hub_option(strict)  # the solver cannot choose it at all
