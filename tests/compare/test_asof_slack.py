"""The few days of slack between as-of times widen a day told loosely, never a period named whole.

Every sentence here is written for these tests (invented country and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import AsOf
from desk.compare.disagree import ClaimFact, judge
from desk.compare.quantity import quantity_of
from desk.extract.figures import find_figures

D = dt.date


def _claim(text: str, written: str, outlet: str, as_of: AsOf) -> ClaimFact:
    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end))
    assert q is not None
    return ClaimFact.from_figure(fig, "", q, as_of, outlet, key=(outlet, written), document=outlet)


YEAR_BEFORE = AsOf(D(2029, 1, 1), D(2029, 12, 31), "in 2029")
THIS_YEAR = AsOf(D(2030, 1, 1), D(2030, 3, 2), "this year")


def test_two_named_years_side_by_side_do_not_overlap() -> None:
    assert not YEAR_BEFORE.overlaps(THIS_YEAR, slack_days=3)
    last = _claim("Varnia exported 45 million tonnes of wheat in 2029.", "45 million", "North Post", YEAR_BEFORE)
    now = _claim("Varnia has exported 10 million tonnes of wheat this year.", "10 million", "East Daily", THIS_YEAR)
    assert [v.kind for v in judge([last, now])] != ["disagree"]


def test_days_told_loosely_still_have_their_slack() -> None:
    monday = AsOf(D(2030, 3, 4), D(2030, 3, 4), "on Monday")
    thursday = AsOf(D(2030, 3, 7), D(2030, 3, 7), "article date")
    assert monday.overlaps(thursday, slack_days=3)
    # a day just after a named period may still be that period's last day told late
    assert THIS_YEAR.overlaps(AsOf(D(2030, 3, 5), D(2030, 3, 5)), slack_days=3)
    a = _claim("Officials said 40 million tonnes of wheat were stuck in the silos.", "40 million", "North Post", monday)
    b = _claim("Traders said 44 million tonnes of wheat were stuck in the silos.", "44 million", "East Daily", thursday)
    assert [v.kind for v in judge([a, b])] == ["disagree"]


def test_a_figure_set_against_another_time_takes_that_time() -> None:
    from desk.compare.asof import resolve_as_of

    day = D(2030, 8, 3)
    text = "The ministry expects a harvest of 50 million tonnes of barley this year, up from 42 million tonnes last year."
    assert resolve_as_of(text, day, at=text.index("50 million")).basis == "this year"
    last = resolve_as_of(text, day, at=text.index("42 million"))
    assert last.basis == "last year"
    assert (last.start, last.end) == (D(2029, 1, 1), D(2029, 12, 31))
    other = "Exports reached 9 million tonnes this year, compared with 12 million tonnes in 2028."
    assert resolve_as_of(other, day, at=other.index("12 million")).basis == "in 2028"
