"""Rows that hold one event (issue 12: "a row never joins different events: different places or dates
far apart"), on sentences written for these tests: invented towns, people and numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.grouping import build_rows
from desk.compare.profile import profile
from desk.model import PassageRef

from .helpers import make_ref

TOLD = dt.date(2023, 5, 9)


def _on(ref: PassageRef, day: dt.date) -> PassageRef:
    return dataclasses.replace(ref, date=day)


# a famine toll of the 1930s, told in a report of this spring, beside this spring's toll of a flood
PAST = _on(make_ref(
    "Between 1931 and 1933, as many as 7,400 villagers of the Orlen valley died of hunger, the archivist wrote.",
    "Valley Post", figures=[("7,400", 7400, "as many as", "villagers", "archivist")],
), TOLD)
NOW_A = _on(make_ref(
    "As many as 7,400 villagers of the Orlen valley were left homeless by the flood, the archivist wrote.",
    "Harbour Daily", figures=[("7,400", 7400, "as many as", "villagers", "archivist")],
), TOLD)
NOW_B = _on(make_ref(
    "The flood left as many as 7,400 villagers of the Orlen valley homeless, the archivist said.",
    "Plains Courier", figures=[("7,400", 7400, "as many as", "villagers", "archivist")],
), TOLD)


def test_a_sentence_whose_figures_all_hold_in_a_past_year_is_about_that_year() -> None:
    assert profile(PAST).about == (dt.date(1931, 1, 1).toordinal(), dt.date(1933, 12, 31).toordinal())
    # a toll of the days around the report keeps the report's day
    assert profile(NOW_A).about == (TOLD.toordinal(), TOLD.toordinal())


def test_a_year_named_in_passing_does_not_date_a_figure_of_today() -> None:
    ref = _on(make_ref(
        "The dam, built in 1961, broke on Sunday and 7,400 villagers fled their homes.",
        "Valley Post", figures=[("7,400", 7400, "", "villagers", "")],
    ), TOLD)
    start, end = profile(ref).about or (0, 0)
    assert end >= TOLD.toordinal() - 7


def test_a_past_years_toll_never_shares_a_row_with_this_weeks() -> None:
    rows = build_rows([PAST, NOW_A, NOW_B])
    together = [set(r.outlets) for r in rows if len(r.outlets) > 1]
    assert {"Harbour Daily", "Plains Courier"} in together
    assert not any("Valley Post" in outlets for outlets in together)
