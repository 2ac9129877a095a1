"""Rule 10, duty and rest per escort, at each limit and one minute past it.

Default trip: the KMar escorts report at AMS at 07:00 (TK1952 11:00 - checkin 180 - airport report
60), the handover ends 17:35+03:00 = 15:35 CET: outbound duty 515 min (575 for an escort riding
from the 06:00 report at HOSP). Return TK1951-1210 departs 08:00+03:00 (06:00 CET) and lands 10:45
CET: return duty 120 + 285 = 405 min. Handover end to return departure: 865 min.
"""

from tests.builders import codes, plan_dict, scenario_dict, violations


def _scn(**settings) -> dict:
    return scenario_dict(settings=settings)


def test_outbound_duty_at_the_limit_and_one_minute_past():
    assert codes(_scn(max_duty_minutes=515), plan_dict()) == set()
    assert codes(_scn(max_duty_minutes=514), plan_dict()) == {"rule10.outbound_duty"}
    assert codes(_scn(max_duty_minutes=None, return_checkin_minutes=900), plan_dict()) == set()


def test_outbound_duty_starts_at_the_report_of_the_role():
    """Riding escorts start at pickup - report_minutes (06:00): 575 min."""
    riding = {"airport_report_roles": None}
    assert codes(_scn(max_duty_minutes=575, **riding), plan_dict()) == set()
    assert codes(_scn(max_duty_minutes=574, **riding), plan_dict()) == {"rule10.outbound_duty"}


def test_return_duty_at_the_limit_and_one_minute_past():
    assert codes(_scn(return_checkin_minutes=795), plan_dict()) == set()  # 795 + 285 = 1080
    assert codes(_scn(return_checkin_minutes=796), plan_dict()) == {"rule10.return_duty"}
    assert codes(_scn(return_checkin_minutes=796, max_duty_minutes=None), plan_dict()) == set()


def test_return_checkin_null_reads_as_zero():
    assert codes(_scn(return_checkin_minutes=None, max_duty_minutes=515), plan_dict()) == set()  # return 285
    assert codes(_scn(return_checkin_minutes=None, max_duty_minutes=284), plan_dict()) == {
        "rule10.outbound_duty", "rule10.return_duty"}


def test_rest_abroad_after_a_long_duty_at_the_limit_and_one_minute_past():
    assert codes(_scn(long_duty_minutes=514, rest_abroad_minutes=865), plan_dict()) == set()
    assert codes(_scn(long_duty_minutes=514, rest_abroad_minutes=866), plan_dict()) == {"rule10.rest_abroad"}


def test_rest_abroad_only_after_a_duty_longer_than_long_duty():
    assert codes(_scn(long_duty_minutes=515, rest_abroad_minutes=866), plan_dict()) == set()  # 515 is not long


def test_rest_abroad_nulls_switch_it_off():
    assert codes(_scn(long_duty_minutes=None, rest_abroad_minutes=866), plan_dict()) == set()
    assert codes(_scn(long_duty_minutes=514, rest_abroad_minutes=None), plan_dict()) == set()


def test_duty_messages_name_the_rule_staff_and_limits():
    found = violations(_scn(max_duty_minutes=514, long_duty_minutes=514, rest_abroad_minutes=866), plan_dict())
    by_rule = {}
    for v in found:
        by_rule.setdefault(v.rule, []).append(v)
    assert set(by_rule) == {"rule10.outbound_duty", "rule10.rest_abroad"}
    assert len(by_rule["rule10.outbound_duty"]) == 2  # one per escort
    first = by_rule["rule10.outbound_duty"][0]
    assert first.label_nl == "Diensttijd heenreis te lang"
    assert first.message == ("rule 10: S-1 (kmar) on trip BV-1: outbound duty 8h35 from report at AMS "
                             "2026-12-09 07:00+01:00 to handover end 2026-12-09 17:35+03:00 (max 8h34)")
    assert "14h25 after handover end" in by_rule["rule10.rest_abroad"][0].message
    assert "14h26 rest abroad needed" in by_rule["rule10.rest_abroad"][0].message
