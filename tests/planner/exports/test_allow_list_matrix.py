"""THE need-to-know matrix, recipient × field, written out once: the allow-lists must equal it.

`x` = always on that recipient's exports, `h` = only on trips where that role performs the handover
(`privacy.handover_roles`: a medical escort on board, else the coordinator, else KMar), `.` = never.
Changing what anyone sees means changing this table, in review, on purpose.
"""

from __future__ import annotations

import pytest

from planner.exports.privacy import ALLOW_LISTS, HANDOVER_ONLY, Field, Recipient, handover_roles, visible_fields

COLUMNS = (Recipient.kmar, Recipient.coordinator, Recipient.doctor, Recipient.nurse, Recipient.psychiatric_nurse,
           Recipient.dvo)
MATRIX = """
field                KMar  coord  doctor  nurse  psy  DV&O
pseudonym            x     x      x       x      x    x
persons              x     x      x       x      x    x
role                 x     x      x       x      x    .
team                 x     x      x       x      x    .
escort_count         .     .      .       .      .    x
vehicle              x     x      x       x      x    x
pickup_place         x     x      x       x      x    x
pickup_time          x     x      x       x      x    x
report_place         x     x      x       x      x    .
report_time          x     x      x       x      x    .
airport              x     x      x       x      x    x
checkin_time         x     x      x       x      x    x
airport_escorts      x     x      x       x      x    x
flights              x     x      x       x      x    .
return_flights       x     x      x       x      x    .
handover_place       x     x      x       x      x    .
handover_time        x     x      x       x      x    .
wheelchair           x     x      x       x      x    x
stretcher            x     x      x       x      x    x
oxygen               x     x      x       x      x    x
medical_escort       x     x      x       x      x    x
receiving_facility   h     h      x       x      x    .
"""


def _matrix() -> dict[Field, dict[Recipient, str]]:
    rows = [line.split() for line in MATRIX.strip().splitlines()[1:]]
    return {Field(r[0]): dict(zip(COLUMNS, r[1:], strict=True)) for r in rows}


def test_the_matrix_names_every_field_and_every_recipient():
    assert set(_matrix()) == set(Field)
    assert set(COLUMNS) == set(Recipient)


@pytest.mark.parametrize("recipient", COLUMNS)
def test_allow_lists_equal_the_matrix(recipient):
    matrix = _matrix()
    assert set(ALLOW_LISTS[recipient]) == {f for f, row in matrix.items() if row[recipient] in "xh"}
    assert HANDOVER_ONLY.get(recipient, frozenset()) == {f for f, row in matrix.items() if row[recipient] == "h"}
    assert set(visible_fields(recipient, False)) == {f for f, row in matrix.items() if row[recipient] == "x"}


def test_no_diagnosis_or_identity_field_exists_at_all():
    names = {f.value for f in Field}
    for word in ("diagnosis", "name", "nationality", "v_number", "bsn", "language", "email", "phone"):
        assert not any(word in n for n in names), word


def test_the_handover_is_performed_by_the_medical_escort_else_coordinator_else_kmar():
    r = Recipient
    assert handover_roles({r.kmar, r.nurse}) == {r.nurse}
    assert handover_roles({r.kmar, r.doctor, r.nurse}) == {r.doctor, r.nurse}
    assert handover_roles({r.kmar, r.coordinator}) == {r.coordinator}
    assert handover_roles({r.kmar}) == {r.kmar}
    assert handover_roles(set()) == frozenset()
