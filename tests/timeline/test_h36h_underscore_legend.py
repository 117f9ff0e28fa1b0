"""Session h36h: a claimant whose name starts with "_" is in the timeline picture's legend as written.

matplotlib leaves out of a legend the artists whose label starts with "_" when it gathers them itself;
the picture hands its legend its handles, which matplotlib (3.11) draws whatever their labels.  Checked
here so that a change to how the legend is made cannot drop such a claimant silently (an alias renamed
to "_Port Office" is the user's own spelling).
"""

from __future__ import annotations

import datetime as dt

from desk.timeline import build_series
from desk.timeline.model import Timeline
from desk.timeline.plot import render
from timeline.test_build import ref


def test_a_claimant_starting_with_an_underscore_is_in_the_legend() -> None:
    refs = [ref("_Port Office said 40 dockers walked out.", "Quay Times", dt.date(2031, 5, 2),
                [("40", 40, "", "dockers", "_Port Office")]),
            ref("A union said 55 dockers walked out.", "Tide Post", dt.date(2031, 5, 4),
                [("55", 55, "", "dockers", "the union")])]
    svg = render(Timeline("dockers", build_series(refs)), "svg").decode("utf-8")
    assert "<!-- _Port Office -->" in svg
    assert "<!-- the union -->" in svg
