"""Growth, not a clash (false flags found on queries the compare gold set does not hold, session 40):

- one source's running count ("the toll has hit 15") is not a rival of its smaller figure told no later;
- an event-sized total since a day holds the smaller toll of a shorter time inside it.

Every sentence here is written for these tests (invented towns, people and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import AsOf
from desk.compare.disagree import ClaimFact, judge

from .helpers import flagged_claims, told_claim

DAY = dt.date(2031, 5, 12)


def _claim(text: str, written: str, claimant: str, outlet: str, as_of: AsOf | None = None) -> ClaimFact:
    return told_claim(text, written, claimant, outlet, DAY, as_of)


_flagged = flagged_claims


def test_one_sources_running_count_outgrows_its_smaller_figure_of_that_day() -> None:
    first = _claim("Eleven people have died after a cargo plane hit a block of flats in Lenzholm.", "Eleven", "",
                   "Daily A")
    later = _claim("The death toll in the block of flats has hit 14, including two children.", "14", "", "Daily A")
    assert later.running
    assert not first.running
    verdicts = judge([first, later], toll_gap_days=2, max_rivals=3)
    assert [v.kind for v in verdicts] == ["growth"]
    # another outlet's bare figure of that day still clashes with the running count's smaller rival
    rival = _claim("Eleven people have died after a cargo plane hit a block of flats in Lenzholm.", "Eleven", "",
                   "Daily B")
    assert _flagged([rival, later])
    # and one source's two bare figures are not read as a running count
    plain = _claim("Fourteen people died when a cargo plane hit a block of flats in Lenzholm.", "Fourteen", "",
                   "Daily A")
    assert not plain.running
    assert _flagged([first, plain])


def test_a_total_since_a_day_holds_the_toll_of_a_day_inside_it() -> None:
    monday, tuesday = dt.date(2031, 5, 12), dt.date(2031, 5, 13)
    day_toll = _claim("The barrage of missiles on Monday killed 16 people across the country.", "16", "",
                      "Daily A", AsOf(monday, monday))
    total = _claim("The rescue service said more than 60 people have been killed since the barrage began.", "60",
                   "the rescue service", "Daily B", AsOf(tuesday, tuesday, "Monday", since=monday))
    verdicts = judge([day_toll, total], toll_gap_days=2, max_rivals=3)
    assert [v.kind for v in verdicts] == ["growth"]
    # a toll of another place than the total's is no part of it, nor its rival: it is no growth either
    elsewhere = _claim("The barrage of missiles on Monday killed 16 people in Halbrook.", "16", "", "Daily A",
                       AsOf(monday, monday))
    town_total = _claim("More than 60 people have been killed in Dornfeld since the barrage began.", "60", "",
                        "Daily B", AsOf(tuesday, tuesday, "Monday", since=monday))
    assert [v.kind for v in judge([elsewhere, town_total], toll_gap_days=2, max_rivals=3)] == ["agree"]
    # a toll of a time reaching back before the total's first day is no part of it: they clash
    sunday = dt.date(2031, 5, 11)
    weekend = _claim("The barrage of missiles on Sunday and Monday killed 16 people across the country.", "16", "",
                     "Daily A", AsOf(sunday, monday))
    assert _flagged([weekend, total])
    # nor is a toll of the total's whole time a part: a total since Monday told on Monday is that day's toll
    same_day = _claim("The rescue service said more than 60 people have been killed since the barrage began.",
                      "60", "the rescue service", "Daily B", AsOf(monday, monday, "Monday", since=monday))
    assert _flagged([day_toll, same_day])
