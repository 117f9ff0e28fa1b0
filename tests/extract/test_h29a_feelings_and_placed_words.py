"""A feeling "to the ... of" someone, and words already reported placed in time (issue 15, h29a).

- "much to the annoyance of the councillors", "To the dismay of the dock unions, ...": the ones whose
  feeling the phrase names hold a view of what the sentence tells, so they are listed (someone who can
  hold one: "to the relief of the budget" names nobody);
- "With harbour leaders increasingly worried about turnout, ...": an attitude in a "with" absolute is
  its subject's view, as "harbour leaders were worried about turnout" is ("With the pier closed" is none);
- "Roe made this statement at a hearing", "Roe made these remarks at the pier": a demonstrative points
  back to words already reported; the sentence only says when and where, so it is no new attribution
  ("Roe issued a statement" still is).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_the_one_whose_feeling_is_named_is_listed() -> None:
    got = listed("The mayor has stuck to the plan, to the chagrin of several councillors.")
    assert ("several councillors", "chagrin") in got
    got = listed("To the dismay of the dock unions, the board voted to close the pier.")
    assert ("the dock unions", "dismay") in got
    assert listed("The fares fell, to the relief of the budget.") == []


def test_words_already_reported_placed_in_time_are_no_new_report() -> None:
    assert listed("Roe made this statement at a hearing on the ferries.") == []
    assert listed("Roe made these remarks at the pier on Monday.") == []
    assert ("Roe", "issued") in listed("Roe issued a statement on Monday.")


def test_an_attitude_in_a_with_absolute_is_its_subjects_view() -> None:
    got = listed("With local pilots increasingly worried about the dredging, the mayor drew up a fresh timetable.")
    assert ("local pilots", "worried") in got
    assert listed("With the pier closed, the ferries stopped.") == []
