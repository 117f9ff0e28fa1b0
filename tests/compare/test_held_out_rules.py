"""Rules found by reading compare rows on queries outside the dev set (issue 12), on text written here.

A "<Place>-based" description does not make a body's name another claimant; "this time
last year", "next year" and "by the end of <a month to come>" date a figure where the text puts it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desk.compare.asof import resolve_as_of
from desk.compare.disagree import ClaimFact, judge
from desk.compare.quantity import quantity_of
from desk.extract.figures import find_figures
from desk.extract.names import same_claimant, spelling_key


@pytest.mark.parametrize(("a", "b"), [
    ("Oslo-based Harbour Research Centre", "Harbour Research Center"),
    ("the Geneva-based Alpine Water Organisation", "Alpine Water Organization"),
    ("New Varna-based Coastal Monitoring Group", "Coastal Monitoring Group"),
])
def test_a_place_based_description_does_not_make_another_claimant(a: str, b: str) -> None:
    assert same_claimant(a, b)
    assert spelling_key(a) == spelling_key(b)


def test_a_place_based_description_of_no_name_is_kept() -> None:
    assert spelling_key("Oslo-based analysts") == "oslo-based analysts"
    assert not same_claimant("Oslo-based Harbour Research Centre", "Harbour Research Council")


# --- as-of times of the period a figure names -------------------------------------------------------------

ARTICLE_DAY = dt.date(2031, 12, 14)


def test_this_time_last_year_is_those_days_a_year_back() -> None:
    for text in ("Last year at this time, 47% of voters approved of the mayor.",
                 "At this time last year, 47% of voters approved of the mayor."):
        got = resolve_as_of(text, ARTICLE_DAY)
        assert (got.start, got.end) == (dt.date(2030, 12, 7), dt.date(2030, 12, 21)), text
    plain = resolve_as_of("Last year, 47% of voters approved of the mayor.", ARTICLE_DAY)
    assert (plain.start, plain.end) == (dt.date(2030, 1, 1), dt.date(2030, 12, 31))


def test_next_year_month_and_week_are_the_periods_to_come() -> None:
    year = resolve_as_of("The port expects to handle 80 million tonnes of cargo next year.", ARTICLE_DAY)
    assert (year.start, year.end) == (dt.date(2032, 1, 1), dt.date(2032, 12, 31))
    month = resolve_as_of("Fares will rise by 4% next month.", ARTICLE_DAY)
    assert (month.start, month.end) == (dt.date(2032, 1, 1), dt.date(2032, 1, 31))
    week = resolve_as_of("Two ferries will sail next week.", ARTICLE_DAY)  # a Sunday: the week from Monday
    assert (week.start, week.end) == (dt.date(2031, 12, 15), dt.date(2031, 12, 21))


def test_a_month_to_come_under_by_or_before_is_not_that_month_a_year_back() -> None:
    may = dt.date(2031, 5, 20)
    for text in ("The board wants 20m tonnes shipped before the end of July.",
                 "The board wants 20m tonnes shipped by the end of August."):
        got = resolve_as_of(text, may)
        assert got.start is not None, text
        assert got.start >= may, (text, got)
    # a month past under "by" stays the month past
    past = resolve_as_of("By March, 3 million people had left the coast.", may)
    assert past.start == dt.date(2031, 3, 31)


def _dated(text: str, written: str, outlet: str, day: dt.date) -> ClaimFact:
    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end), "")
    assert q is not None
    return ClaimFact.from_figure(fig, "", q, resolve_as_of(text, day, at=fig.start), outlet,
                                 key=(outlet, written), document=outlet + written)


def test_a_share_this_time_last_year_does_not_clash_with_one_of_another_month_that_year() -> None:
    december = _dated("Last year at this time, 47% of voters approved of the mayor.", "47%", "Daily A", ARTICLE_DAY)
    june = _dated("In June 2030, 56% of voters approved of the mayor.", "56%", "Daily B", dt.date(2031, 6, 16))
    same_days = _dated("On December 12, 2030, 56% of voters approved of the mayor.", "56%", "Daily B",
                       dt.date(2031, 6, 16))
    assert not any(v.disagreement for v in judge([december, june]))
    assert any(v.disagreement for v in judge([december, same_days]))




def test_what_could_be_as_much_as_a_figure_is_no_count_of_what_is() -> None:
    day = dt.date(2031, 6, 6)
    could = _dated("Fuel held at Ostrin could be as much as 9 million barrels by spring, the ministry warned.",
                   "9 million", "Daily A", day)
    held = _dated("Ostrin's tanks hold 3 million barrels of fuel today, according to the port board.", "3 million",
                  "Daily B", day)
    assert could.quantity.kind == "planned"
    assert not any(v.disagreement for v in judge([could, held]))
