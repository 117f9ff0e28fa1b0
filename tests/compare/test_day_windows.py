"""Counts over "the past 24 hours" told on different days count different days, and never clash.

A ministry's daily report ("13 people were killed over the preceding 24 hours") and the next-to-last
one ("at least 14 were killed in the last day") are two days' tolls, not rival counts of one toll.  Told
on the same day, or told of one attack, they still clash.

Every sentence here is written for these tests (invented country, outlets and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.disagree import judge

from .helpers import figure_claim

DAY = dt.date(2031, 11, 3)


LATER = "Varnian officials put the dead at 13 people over the preceding 24 hours, after heavy shelling."
EARLIER = "The Varnian president's office said the shelling killed at least 14 people in the last day."


def test_two_days_counts_of_the_past_24_hours_do_not_clash() -> None:
    a = figure_claim(LATER, "13", "North Post", DAY + dt.timedelta(days=1))
    b = figure_claim(EARLIER, "14", "East Daily", DAY)
    assert a.quantity.window
    assert b.quantity.window
    assert not any(v.disagreement for v in judge([a, b]))


def test_the_same_days_counts_still_clash() -> None:
    a = figure_claim(LATER, "13", "North Post", DAY)
    b = figure_claim(EARLIER, "14", "East Daily", DAY)
    assert any(v.disagreement for v in judge([a, b]))


def test_an_attacks_toll_told_the_next_day_still_clashes() -> None:
    a = figure_claim("Varnian officials put the dead of the depot attack at 13 people killed.", "13", "North Post",
               DAY + dt.timedelta(days=1))
    b = figure_claim("The president's office said the strike on the depot killed at least 14 people.", "14", "East Daily",
               DAY)
    assert not a.quantity.window
    assert any(v.disagreement for v in judge([a, b]))
