"""Counts read as the users write them: "1 zaak", "2 zaken" (the `_one` form is picked where `n` is 1)."""

from planner import texts
from planner.web import i18n


def test_cli_texts_pick_the_singular_for_one():
    assert texts.t("why.disruption", "nl", n=1) == "1 andere zaak gewijzigd"
    assert texts.t("why.disruption", "nl", n=2) == "2 andere zaken gewijzigd"
    assert texts.t("why.disruption", "en", n=1) == "1 other case changed"


def test_web_texts_pick_the_singular_for_one():
    assert i18n.t("life.booked_done", "nl", n=1) == "1 zaak gemarkeerd als geboekt."
    assert i18n.t("life.booked_done", "en", n=3) == "3 cases marked booked."
    assert i18n.t("why.disruption", "nl", n=1) == "1 andere zaak gewijzigd"
