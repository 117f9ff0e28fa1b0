"""A figure in the source of a statement counts who spoke ("two traders said"), not what they report.

Every sentence here is written for these tests (invented people and figures).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.statements import describe_row
from desk.model import Attribution, PassageRef, Row

from .helpers import make_ref

DAY = dt.date(2031, 6, 9)


def _ref(text: str, outlet: str, source: str, figures: list[tuple[str, float, str]]) -> PassageRef:
    ref = make_ref(text, outlet, figures=[(w, v, "", counted, "") for w, v, counted in figures])
    at = text.index(source)
    cue = text.index("said")
    who = Attribution(source, at, at + len(source), source, "said", cue, cue + 4, 0, len(text))
    return dataclasses.replace(ref, date=DAY, attributions=[who])


def test_counts_of_speakers_are_not_rival_figures() -> None:
    one = _ref("Prices will climb all winter, said one Lisbon-based coffee trader.", "North Post",
               "one Lisbon-based coffee trader", [("one", 1.0, "Lisbon-based coffee trader")])
    two = _ref("Two Lisbon-based coffee traders said prices will climb all winter.", "East Daily",
               "Two Lisbon-based coffee traders", [("Two", 2.0, "Lisbon-based coffee traders")])
    row = Row(cells={"North Post": [one], "East Daily": [two]})
    describe_row(row)
    assert not row.disagreement
    assert all(s.quantity == "" for s in row.statements)


def test_a_figure_the_speakers_report_still_counts() -> None:
    one = _ref("Two port officials said 14 ships were waiting at anchor.", "North Post", "Two port officials",
               [("Two", 2.0, "port officials"), ("14", 14.0, "ships")])
    two = _ref("Three port officials said 19 ships were waiting at anchor.", "East Daily", "Three port officials",
               [("Three", 3.0, "port officials"), ("19", 19.0, "ships")])
    row = Row(cells={"North Post": [one], "East Daily": [two]})
    describe_row(row)
    assert row.disagreement
    (text,) = [d for d in row.differences if "do not agree" in d]
    assert "14" in text
    assert "19" in text
    assert "Three" not in text
