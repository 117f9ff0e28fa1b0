"""How a disagreement names the time of a figure from an undated article (session 38).

A flag read "21 (port authority (Wire), as of undated)"; a figure with no time says "undated", and one
with a day or an interval keeps "as of"."""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import AsOf
from desk.compare.disagree import ClaimFact
from desk.compare.quantity import Quantity

SHIPS = Quantity("count", "ship")


def _fact(as_of: AsOf) -> ClaimFact:
    return ClaimFact(21, 21, 21, "port authority", SHIPS, as_of, outlet="Wire", written="21")


def test_an_undated_figure_says_undated() -> None:
    assert _fact(AsOf(None, None)).describe() == "21 (port authority (Wire), undated)"


def test_a_dated_figure_keeps_as_of() -> None:
    day = dt.date(2023, 5, 3)
    assert _fact(AsOf(day, day)).describe() == "21 (port authority (Wire), as of 2023-05-03)"
    assert _fact(AsOf(None, day)).describe() == "21 (port authority (Wire), as of … – 2023-05-03)"


def test_the_phrase_is_the_one_the_timeline_tip_shows() -> None:
    assert AsOf(None, None).phrase() == "undated"
    assert AsOf(dt.date(2023, 1, 1), dt.date(2023, 12, 31)).phrase() == "as of 2023"
