"""The scenario transformations: counts, unique ids, references that resolve, inputs untouched."""

from __future__ import annotations

import pytest

from models import InputError, scenario_from_dict
from models.common import Gender, Role
from models.vehicle import VehicleKind
from planner.capacity import transform as tf
from planner.capacity.spec import CaseScaleAxis, StaffAxis
from tests.builders import case_dict, scenario_dict, staff_dict, vehicle_dict
from tests.planner.capacity.fixtures import tiny_scenario


def _valid(scenario):
    """Validated as a file would be: ids unique, every reference resolves."""
    return scenario_from_dict(scenario.model_dump(mode="json", by_alias=True))


@pytest.fixture
def base():
    data = tiny_scenario()
    data["staff"].append(staff_dict("N-1", "F", roles=["nurse", "kmar"]))
    data["vehicles"].append(vehicle_dict("PT-1", kind="patient_transport", stretcher_places=1))
    data["cases"].append(case_dict("BV-G1", group="fam", priority=4))
    data["cases"].append(case_dict("BV-G2", group="fam", priority=4))
    data["locks"] = [{"case": "BV-1", "staff": ["S-1", "S-2"]}]
    data["forbids"] = [{"case": "BV-2", "staff": "N-1"}, {"case": "BV-3", "vehicle": "PT-1"}]
    return scenario_from_dict(data)


def test_add_staff_counts_unique_ids_and_copies_the_template(base):
    out = _valid(tf.add_staff(base, Role.kmar, 3, Gender.F))
    added = out.staff[len(base.staff):]
    assert len(added) == 3 and len({p.id for p in out.staff}) == len(out.staff)
    assert all(p.roles == (Role.kmar,) and p.gender == Gender.F and p.unavailable == () for p in added)
    assert all(p.base == base.staff_by_id["S-1"].base for p in added)
    assert len(base.staff) == 3  # the input is untouched


def test_add_staff_twice_never_repeats_an_id(base):
    once = tf.add_staff(base, Role.kmar, 2)
    twice = _valid(tf.add_staff(once, Role.kmar, 2))
    assert len({p.id for p in twice.staff}) == len(base.staff) + 4


def test_add_staff_without_anyone_of_the_role_asks_for_like(base):
    with pytest.raises(tf.TransformError, match="like"):
        tf.add_staff(base, Role.psychiatric_nurse, 1)
    out = _valid(tf.add_staff(base, Role.psychiatric_nurse, 1, like="N-1"))
    assert out.staff[-1].roles == (Role.psychiatric_nurse,)


def test_remove_staff_spares_locked_people_prefers_single_role_and_drops_their_forbids(base):
    with pytest.raises(tf.TransformError, match="has 1 that no lock names"):
        tf.remove_staff(base, Role.kmar, 2)  # S-1 and S-2 are locked; only N-1 could go
    out = _valid(tf.remove_staff(base, Role.kmar, 1))
    assert "N-1" not in out.staff_by_id and {"S-1", "S-2"} <= set(out.staff_by_id)
    assert all(f.staff != "N-1" for f in out.forbids) and len(out.forbids) == 1


def test_vehicles_added_from_the_first_of_their_kind_or_like_and_removed(base):
    out = _valid(tf.add_vehicles(base, VehicleKind.patient_transport, 2, places={"seats": 3}))
    assert [v.kind for v in out.vehicles].count(VehicleKind.patient_transport) == 3
    assert all(v.seats == 3 and v.stretcher_places == 1 for v in out.vehicles[-2:])
    with pytest.raises(tf.TransformError, match="no vehicle of kind bus"):
        tf.add_vehicles(base, VehicleKind.bus, 1)
    bus = _valid(tf.add_vehicles(base, VehicleKind.bus, 1, like="V-1"))
    assert bus.vehicles[-1].kind == VehicleKind.bus and bus.vehicles[-1].depot == "DEPOT"
    gone = _valid(tf.remove_vehicles(base, VehicleKind.patient_transport, 1))
    assert "PT-1" not in gone.vehicle_by_id and all(f.vehicle != "PT-1" for f in gone.forbids)


@pytest.mark.parametrize("factor, units", [(0.5, 2), (1.0, 4), (1.5, 6), (2.0, 8), (3.0, 12)])
def test_scale_cases_counts_trip_units_keeps_groups_whole_and_ids_unique(base, factor, units):
    out = _valid(tf.scale_cases(base, factor, seed=7))
    assert len(out.groups) == units
    assert all(len(members) in (1, 2) for members in out.groups.values())
    assert len({c.id for c in out.cases}) == len(out.cases)
    options = [o.id for c in out.cases for o in c.care.options]
    assert len(set(options)) == len(options)
    assert {lk.case for lk in out.locks} <= set(out.case_by_id)
    assert {f.case for f in out.forbids} <= set(out.case_by_id)


def test_scale_cases_is_seeded(base):
    a = tf.scale_cases(base, 0.5, seed=1)
    assert a == tf.scale_cases(base, 0.5, seed=1)
    assert any(tf.scale_cases(base, 0.5, seed=s) != a for s in range(2, 8))


def test_flight_limits_shift_but_never_below_zero(base):
    out = _valid(tf.shift_flight_limit(base, "max_forced", -1000))
    assert {f.max_forced for f in out.flights} == {0}
    more = tf.shift_flight_limit(base, "seats", 2)
    assert [f.seats for f in more.flights] == [f.seats + 2 for f in base.flights]


def test_settings_are_validated_and_off_means_null(base):
    assert tf.set_setting(base, "max_duty_minutes", "off").settings.max_duty_minutes is None
    assert tf.set_setting(base, "road.speed_kmh", 60).settings.road.speed_kmh == 60
    with pytest.raises(tf.TransformError, match="unknown setting"):
        tf.set_setting(base, "max_dutty_minutes", 1)
    with pytest.raises(tf.TransformError, match="settings.checkin_minutes"):
        tf.set_setting(base, "checkin_minutes", -5)
    off = tf.revision2(base, False).settings
    assert all(getattr(off, key) is None for key in tf.REVISION2_LIMITS)
    assert tf.revision2(base, True) is base


def test_variant_names_the_axis_that_cannot_be_applied(base):
    axis = StaffAxis(kind="staff", name="psy", role="psychiatric_nurse", values=(-1,))
    with pytest.raises(InputError) as err:
        tf.variant(base, [(2, axis, -1)], "sweep.toml")
    assert err.value.problems[0][0] == "axes[2] (psy = -1)"
    scale = CaseScaleAxis(kind="cases.scale", name="load", values=(1.5,))
    assert len(tf.variant(base, [(0, scale, 1.5)]).groups) == 6


def test_scale_up_of_an_empty_caseload_stays_empty():
    empty = scenario_from_dict(scenario_dict(cases=[]))
    assert tf.scale_cases(empty, 2.0).cases == ()
