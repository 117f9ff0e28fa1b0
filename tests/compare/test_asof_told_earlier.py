"""A figure in a clause "N weeks after ..." counts an event that span before the main clause's time.

"The visit came weeks after troops downed four drones" dates the four drones weeks before the article,
so they never clash with "two drones downed" told that day.  A clause that opens the sentence ("Three days
after the attack, the toll rose to 50"), a figure before the phrase, a date of the figure's own, and a time
or a duration ("last month after", "for the past two years after") keep the usual dating.

Every sentence here is written for these tests (invented towns, outlets and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import resolve_as_of
from desk.compare.disagree import judge

from .helpers import figure_claim

DAY = dt.date(2031, 6, 20)


def _asof(text: str, figure: str) -> tuple[dt.date | None, dt.date | None]:
    a = resolve_as_of(text, DAY, at=text.index(figure))
    return a.start, a.end


def test_a_figure_in_the_clause_after_the_span_is_dated_that_span_before() -> None:
    assert _asof("The visit to Tarvo came weeks after troops downed four drones over the harbour.", "four") == (
        None, DAY - dt.timedelta(days=7))
    assert _asof("The mayor spoke two days after 40 people were hurt in Tarvo.", "40") == (None, DAY - dt.timedelta(days=1))
    assert _asof("The strike on the depot came a week after 12 people died in Ostrava.", "12") == (
        None, DAY - dt.timedelta(days=3))


def test_the_usual_dating_stays_elsewhere() -> None:
    today = (DAY, DAY)
    assert _asof("Three days after the attack, the toll in Tarvo rose to 50.", "50") == today
    assert _asof("The toll in Tarvo rose to 50 three days after the attack.", "50") == today
    for text in ("The council met last month after four towns asked for help.",
                 "He stayed away for the past two years after four rows with the board."):
        assert not resolve_as_of(text, DAY, at=text.index("four")).basis.endswith("after")
    assert _asof("The strike came a week after 12 people died on 3 June in Ostrava.", "12")[0] == dt.date(2031, 6, 3)


def test_an_earlier_event_told_in_passing_does_not_clash_with_todays() -> None:
    import dataclasses

    text = "The visit came weeks after troops shot down four helicopters over the harbour."
    earlier = figure_claim(text, "four", "North Post", DAY)
    today = figure_claim("Crews shot down two attack helicopters near Tarvo on Monday.", "two", "East Daily", DAY)
    assert any(v.disagreement for v in judge([earlier, today]))  # both dated today, as before: they clash
    earlier = dataclasses.replace(earlier, as_of=resolve_as_of(text, DAY, at=text.index("four")))
    assert not any(v.disagreement for v in judge([earlier, today]))
