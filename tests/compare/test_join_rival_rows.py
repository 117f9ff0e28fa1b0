"""Rival estimates of one quantity share a row, so that the row can flag them.

"40 million tonnes of grain are stuck" and "the accord lets Varnia export 44 million tonnes of grain"
give one stock two values: the different numbers keep the passages apart (rows of figures join
through a shared value), and no row could flag the dispute.  Two rows join when their own figures
count one thing (kind, stuff, subject, unit) at overlapping times, cannot both hold, lie close
together (not two ships' loads), and their passages tell one event in like words.

Every sentence here is written for these tests (invented country, outlets and figures).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from desk.compare import joining
from desk.compare.joining import join_rival_rows
from desk.compare.profile import profile
from desk.compare.statements import describe_row
from desk.model import PassageRef, Row

from .helpers import make_ref

DAY = dt.date(2031, 5, 4)


def _ref(text: str, outlet: str, written: str, value: float, day: dt.date = DAY, claimant: str = "") -> PassageRef:
    ref = make_ref(text, outlet, figures=[(written, value, "", "tonnes", claimant)])
    return dataclasses.replace(ref, date=day)


STUCK = [
    _ref("An estimated 40 million tonnes of grain are stuck in the silos since the blockade began.", "North Post",
         "40 million", 40e6),
    _ref("Some 40 million tonnes of grain remain stuck in the silos, traders say.", "East Daily", "40 million", 40e6),
]
EXPORT = [
    _ref("The accord clears the way for Varnia to export 44 million tonnes of grain stuck in the silos.", "South Wire",
         "44 million", 44e6),
    _ref("Under the accord Varnia may export 44 million tonnes of grain held up by the blockade.", "West Times",
         "44 million", 44e6),
]


def _join(refs: list[PassageRef], across: float = 0.35) -> list[list[int]]:
    """Two rows of two (units 0-1 and 2-3): within a row 0.6, across ``across``."""
    profiles = [profile(r) for r in refs]
    sim = np.full((4, 4), across, dtype=np.float32)
    sim[0, 1] = sim[1, 0] = sim[2, 3] = sim[3, 2] = 0.6
    np.fill_diagonal(sim, 0.0)
    return sorted(join_rival_rows([[0, 1], [2, 3]], sim, profiles, np.arange(4)))


def test_rival_estimates_of_one_stock_share_a_row_that_flags_them() -> None:
    refs = [*STUCK, *EXPORT]
    assert _join(refs) == [[0, 1, 2, 3]]
    row = Row(cells={r.outlet: [r] for r in refs})
    describe_row(row)
    assert row.disagreement
    (text,) = [d for d in row.differences if "do not agree" in d]
    assert "40 million" in text
    assert "44 million" in text
    assert "North Post" in text  # by whom
    assert "South Wire" in text
    assert "as of 2031-05-04" in text  # as of when


def test_two_loads_of_one_stuff_stay_in_their_rows() -> None:
    # one ship's load and three ships' loads: far apart, not rival estimates of one figure
    one = [_ref(f"The first freighter left the port with {n} tonnes of grain on board.", o, n, float(n.replace(",", "")))
           for n, o in (("30,000", "North Post"), ("30,000", "East Daily"))]
    three = [_ref(f"Three freighters left the port with {n} tonnes of grain on board.", o, n, float(n.replace(",", "")))
             for n, o in (("70,000", "South Wire"), ("70,000", "West Times"))]
    assert _join([*one, *three]) == [[0, 1], [2, 3]]


def test_rows_told_in_unlike_words_stay_apart() -> None:
    assert _join([*STUCK, *EXPORT], across=0.1) == [[0, 1], [2, 3]]


def test_figures_of_times_far_apart_stay_apart() -> None:
    later = [dataclasses.replace(r, date=DAY + dt.timedelta(days=60)) for r in EXPORT]
    assert _join([*STUCK, *later]) == [[0, 1], [2, 3]]


def test_figures_that_agree_are_not_joined_by_this_rule() -> None:
    same = [_ref(r.text.replace("44", "40"), r.outlet, "40 million", 40e6) for r in EXPORT]
    assert _join([*STUCK, *same]) == [[0, 1], [2, 3]]


def test_the_loads_rule_is_the_ratio(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(joining, "RIVAL_MAX_RATIO", 1.05)
    assert _join([*STUCK, *EXPORT]) == [[0, 1], [2, 3]]
