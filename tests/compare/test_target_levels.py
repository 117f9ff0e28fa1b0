"""A level to be reached by a deadline is a target, not today's level: "the levy covers 60% of coal sales at
once, rising to 85% by the close of the year" gives no rival figures for one quantity, and a figure told as an
accord's aim ("agreed to halve ... 50%"), or in the future tense ("85% will be covered"), neither.  A past
level at a date ("sold 20% of their logs abroad by the close of the year", "by the close of the year, 2 million had fled") stays a
count of what happened (issue 12: flags only where figures for one quantity at one time cannot all be true)."""

import datetime as dt

from desk.compare.disagree import judge
from desk.compare.quantity import quantity_of
from desk.extract.figures import find_figures

from .helpers import figure_claim

DAY = dt.date(2024, 3, 4)


def _kind(text: str, written: str) -> str:
    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end), "")
    assert q is not None
    return q.kind


STAGED = "The ministers said the levy would cover 60% of coal sales at once, rising to 85% of coal sales by the close of the year."


def test_a_level_followed_by_a_deadline_is_a_target() -> None:
    assert _kind(STAGED, "85%").startswith("planned")
    assert _kind("The council will build 400 new flats for families by 2031.", "400").startswith("planned")
    assert _kind("By the close of next year the programme should reach more than 300 schools.", "300").startswith("planned")


def test_the_level_before_another_figure_and_the_deadline_stays_todays() -> None:
    assert not _kind(STAGED, "60%").startswith("planned")


def test_a_past_level_at_a_date_stays_a_count() -> None:
    assert not _kind("Timber firms sold 20% of their logs abroad by the close of the year, the board said.", "20%").startswith("planned")
    assert not _kind("By the close of that year, 2 million people had fled the valley.", "2 million").startswith("planned")
    # "due to" here means "because of", not a schedule
    assert not _kind("Timber firms sold 20% of their logs abroad by the close of the year due to the storms.",
                     "20%").startswith("planned")


def test_an_accord_or_a_future_predicate_is_a_target() -> None:
    assert _kind("The two ministries agreed to cut 50% of the subsidies on fuel.", "50%").startswith("planned")
    assert _kind("Officials said 85% of the coal sales will be covered after the vote.", "85%").startswith("planned")


def test_the_staged_levels_do_not_clash_but_two_levels_now_do() -> None:
    now = figure_claim(STAGED, "60%", "Harbour Times", DAY)
    target = figure_claim(STAGED, "85%", "Harbour Times", DAY)
    other = "The levy would cover 70% of coal sales at once, the opposition said."
    rival = figure_claim(other, "70%", "Valley Post", DAY)
    assert "disagree" not in [v.kind for v in judge([now, target])]
    assert "disagree" in [v.kind for v in judge([now, rival])]
