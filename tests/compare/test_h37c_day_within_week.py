"""A count of one day inside a period of days that another report counts ("this week") is a part of the period's
count, never its rival (desk.compare.disagree._day_within_period); a named month stays the time of one event."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare import disagree
from desk.compare.statements import judge_claims, passage_claims
from desk.extract.figures import find_figures
from desk.model import PassageRef

from .helpers import make_ref

SATURDAY = dt.date(2031, 8, 16)  # a Saturday
WEDNESDAY = dt.date(2031, 8, 13)


def _ref(text: str, outlet: str, day: dt.date) -> PassageRef:
    """A passage of ``text`` with every figure desk finds in it, unattributed, dated ``day``."""
    figures = [(f.text, f.value, f.qualifier, f.counted, "") for f in find_figures(text)]
    return dataclasses.replace(make_ref(text, outlet, article=outlet + "-1", figures=figures), date=day)


def _flagged(*refs: PassageRef) -> list[str]:
    return [v.text for v in judge_claims(passage_claims(list(refs))) if v.disagreement]


WEEK = _ref("At least 14 civilians were killed by shelling in Dorval this week, the ministry said.", "Daily A", SATURDAY)
TUESDAY = _ref("On Tuesday one civilian died under shelling in Dorval, the mayor said.", "Daily B", WEDNESDAY)


def test_a_day_s_toll_inside_the_week_s_toll_is_not_flagged() -> None:
    assert _flagged(WEEK, TUESDAY) == []


def test_the_rule_off_flags_the_same_two() -> None:
    saved = disagree.PERIOD_OF_DAYS_MIN
    disagree.PERIOD_OF_DAYS_MIN = 10**6
    try:
        assert _flagged(WEEK, TUESDAY)
    finally:
        disagree.PERIOD_OF_DAYS_MIN = saved


def test_two_tolls_of_the_same_day_still_clash() -> None:
    other = _ref("At least 14 civilians were killed by shelling in Dorval on Tuesday, the ministry said.", "Daily A",
                 WEDNESDAY)
    assert _flagged(other, TUESDAY)


def test_a_named_month_is_the_time_of_one_event_and_its_tolls_still_clash() -> None:
    month = _ref("Some 40 civilians were killed when the depot in Dorval was shelled in March.", "Daily A",
                 dt.date(2031, 3, 31))
    day = _ref("Twelve civilians were killed when the depot in Dorval was shelled, the mayor said.", "Daily B",
               dt.date(2031, 3, 30))
    assert _flagged(month, day)
