"""A row too mixed to flag as a whole still flags the two rival figures of its busiest day.

A row that gathers a barrage's counts over several days ("18 fired" on the Tuesday, "83" in an
analyst's piece two days later) needs more than :data:`desk.compare.disagree.MAX_RIVAL_VALUES`
values for all its figures to hold, and was read as a mix of counts, not a dispute.  Yet on the
Monday one outlet says 75 missiles were fired and another 84: two rival counts of one barrage.  The
judgement now flags that day's clash when the day's figures need at most two values; a day whose
figures need three (one town's, a city's, the country's) stays a mix.

Every sentence here is written for these tests (invented country, outlets and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.disagree import MAX_RIVAL_VALUES, ClaimFact, judge

from .helpers import figure_claim

DAY = dt.date(2031, 11, 3)


def _week(monday: list[tuple[str, str, str]]) -> list[ClaimFact]:
    later = [
        ("On Tuesday 18 missiles were fired at Varnia, the air command said.", "18", "South Wire", 1),
        ("A blogger counted 83 missiles fired at Varnia in the barrage.", "83", "West Times", 2),
    ]
    return [figure_claim(t, w, o, DAY) for t, w, o in monday] + [
        figure_claim(t, w, o, DAY + dt.timedelta(days=d)) for t, w, o, d in later
    ]


def test_the_two_rival_counts_of_one_day_flag_in_a_mixed_row() -> None:
    claims = _week([
        ("The air command said 75 missiles were fired at Varnia on Monday.", "75", "North Post"),
        ("The president said 84 missiles were fired at Varnia on Monday.", "84", "East Daily"),
    ])
    verdicts = judge(claims, max_rivals=MAX_RIVAL_VALUES)
    (v,) = [v for v in verdicts if v.kind in ("disagree", "mixed")]
    assert v.kind == "disagree"
    assert {frozenset((a.value, b.value)) for a, b in v.clashes} == {frozenset((75.0, 84.0))}
    assert "75" in v.text
    assert "84" in v.text
    assert "83" not in v.text
    assert "18" not in v.text


def test_a_day_of_three_values_stays_a_mix() -> None:
    claims = _week([
        ("The air command said 75 missiles were fired at Varnia on Monday.", "75", "North Post"),
        ("The president said 84 missiles were fired at Varnia on Monday.", "84", "East Daily"),
        ("A governor said 40 missiles were fired at Varnia on Monday.", "40", "Harbour Ledger"),
    ])
    verdicts = judge(claims, max_rivals=MAX_RIVAL_VALUES)
    assert [v.kind for v in verdicts if v.kind in ("disagree", "mixed")] == ["mixed"]
