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


# people and records of events: one value, two quantities
def test_a_count_of_people_never_counts_what_a_count_of_crimes_counts() -> None:
    from desk.compare.profile import FactKey, counts_compatible

    assert not counts_compatible(FactKey("", "civilian"), FactKey("", "crim"))
    assert not counts_compatible(FactKey("", "alleg"), FactKey("", "resident"))
    assert counts_compatible(FactKey("", "civilian"), FactKey("", "resident"))


def test_civilians_left_in_a_town_and_crimes_logged_there_are_two_rows() -> None:
    people = [
        _on(make_ref("Some 8,400 civilians are still sheltering in Dorvik, where shelling goes on, the governor said.",
                     "Valley Post", figures=[("8,400", 8400, "some", "civilians", "governor")]), TOLD),
        _on(make_ref("About 8,400 civilians are still sheltering in Dorvik under heavy shelling, the governor said on "
                     "Monday.", "Harbour Daily", figures=[("8,400", 8400, "about", "civilians", "governor")]), TOLD),
    ]
    crimes = _on(make_ref(
        "Prosecutors say some 8,400 suspected war crimes have been logged in Dorvik since the shelling began.",
        "Plains Courier", figures=[("8,400", 8400, "some", "suspected war crimes", "")],
    ), TOLD)
    rows = [set(r.outlets) for r in build_rows([*people, crimes]) if len(r.outlets) > 1]
    assert {"Valley Post", "Harbour Daily"} in rows
    assert not any("Plains Courier" in r for r in rows)
