"""A toll told larger on one day and smaller on a later day: rival counts of one toll, joined in one row.

A toll of people only grows as the dead and hurt are found.  "About 60 wounded" on one day and "35
wounded" the next cannot both be the count of one attack's wounded: the rows that give them join as
rivals although they lie further apart than :data:`desk.compare.joining.RIVAL_MAX_RATIO`.  A first,
smaller count and a larger one told later stay apart (the count grew).

Every sentence here is written for these tests (invented town, outlets and figures).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from desk.compare.joining import join_rival_rows
from desk.compare.profile import profile
from desk.compare.statements import describe_row
from desk.model import PassageRef, Row

from .helpers import make_ref

DAY = dt.date(2031, 9, 14)


def _ref(text: str, outlet: str, written: str, value: float, qualifier: str, day: dt.date) -> PassageRef:
    ref = make_ref(text, outlet, figures=[(written, value, qualifier, "people wounded", "")])
    return dataclasses.replace(ref, date=day)


def _first(day: dt.date) -> list[PassageRef]:
    return [
        _ref("The Dornvik mayor spoke of about 60 people wounded near the fuel depot.", "North Post",
             "60", 60, "about", day),
        _ref("A first count by the Dornvik mayor gave about 60 people wounded near the depot.", "East Daily",
             "60", 60, "about", day),
    ]


def _later(day: dt.date) -> list[PassageRef]:
    return [
        _ref("Dornvik officials gave a lower count: 35 people wounded by the depot strike.", "South Wire",
             "35", 35, "", day),
        _ref("The depot strike left 35 people wounded, according to Dornvik officials.", "West Times",
             "35", 35, "", day),
    ]


def _join(refs: list[PassageRef]) -> list[list[int]]:
    """Two rows of two (units 0-1 and 2-3): within a row 0.6, across 0.35."""
    profiles = [profile(r) for r in refs]
    sim = np.full((4, 4), 0.35, dtype=np.float32)
    sim[0, 1] = sim[1, 0] = sim[2, 3] = sim[3, 2] = 0.6
    np.fill_diagonal(sim, 0.0)
    return sorted(join_rival_rows([[0, 1], [2, 3]], sim, profiles, np.arange(4)))


def test_a_toll_told_smaller_a_day_later_joins_the_larger_and_the_row_flags_them() -> None:
    refs = [*_first(DAY), *_later(DAY + dt.timedelta(days=1))]
    assert _join(refs) == [[0, 1, 2, 3]]
    row = Row(cells={r.outlet: [r] for r in refs})
    describe_row(row)
    assert row.disagreement
    (text,) = [d for d in row.differences if "do not agree" in d]
    assert "about 60" in text
    assert "35" in text


def test_a_toll_that_grew_stays_apart() -> None:
    # the smaller count first, the larger a day later: the count grew, not a rival figure
    small = [dataclasses.replace(r, date=DAY) for r in _later(DAY)]
    large = [dataclasses.replace(r, date=DAY + dt.timedelta(days=1)) for r in _first(DAY)]
    assert _join([*large, *small]) == [[0, 1], [2, 3]]


def test_two_tolls_of_one_day_keep_the_narrow_ratio() -> None:
    assert _join([*_first(DAY), *_later(DAY)]) == [[0, 1], [2, 3]]
