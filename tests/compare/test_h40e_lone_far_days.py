"""A lone statement and its match dated weeks apart link only at a higher similarity (LONE_FAR_DAYS)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from desk.compare import joining
from desk.compare.joining import join_lone_statements
from desk.compare.profile import profile
from desk.model import PassageRef

from .helpers import make_ref

DAY = dt.date(2031, 5, 4)


def _on(ref: PassageRef, days: int) -> PassageRef:
    return dataclasses.replace(ref, date=DAY + dt.timedelta(days=days))


# a row of one statement told by two outlets on one day
WALKOUT = _on(make_ref("Ferry crews at the Halden quay walked out over wages owed since the winter.", "Outlet A"), 0)
WALKOUT_B = _on(make_ref("Crews of the Halden ferries stopped work over wages owed for months.", "Outlet B"), 0)
# another statement on the Halden ferries, sharing some of the topic's words
RETURN = make_ref("The Halden ferry crews went back to work once the owed wages reached their accounts.", "Outlet C")
FILLER = [make_ref(f"Notice {i}: the bus timetable changes for the winter season.", f"Filler {i}") for i in range(8)]


def _run(later: int, match: float) -> list[list[int]]:
    """Rows after the join: the walkout's row (0, 1) and the return (2), ``later`` days after it, matching
    the walkout's first sentence at ``match``."""
    refs = [WALKOUT, WALKOUT_B, _on(RETURN, later)]
    n = len(refs) + len(FILLER)
    sim = np.zeros((n, n), dtype=np.float32)
    sim[0, 1] = sim[1, 0] = 0.6
    sim[0, 2] = sim[2, 0] = match
    profiles = [profile(r) for r in [*refs, *FILLER]]
    groups = [[0, 1], [2], *[[len(refs) + k] for k in range(len(FILLER))]]
    out = join_lone_statements(groups, sim, profiles, np.arange(n))
    return sorted(g for g in out if g[0] < len(refs))


def test_two_days_apart_a_lone_statement_joins_at_the_edge() -> None:
    assert _run(later=2, match=0.3) == [[0, 1, 2]]


def test_weeks_apart_it_stays_alone_below_the_far_edge() -> None:
    assert _run(later=12, match=0.3) == [[0, 1], [2]]


def test_weeks_apart_it_joins_at_the_far_edge() -> None:
    assert _run(later=12, match=joining.LONE_FAR_EDGE) == [[0, 1, 2]]


def test_the_week_is_counted_in_days() -> None:
    assert _run(later=joining.LONE_FAR_DAYS, match=0.3) == [[0, 1, 2]]
    assert _run(later=joining.LONE_FAR_DAYS + 1, match=0.3) == [[0, 1], [2]]


def test_without_the_rule_weeks_apart_join_at_the_edge(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "LONE_FAR_DAYS", 0)
    assert _run(later=12, match=0.3) == [[0, 1, 2]]
