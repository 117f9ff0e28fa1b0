"""A row never joins two events weeks apart, however its members were linked (issue 12: "a row never joins
different events: different places or dates far apart").

The similarity matrix zeroes pairs published (or about days) further apart than the date gap, but a join
that looks at one pair only may still chain: a lone sentence close in time to one sentence of a row, and
far from another, joined that row ("oil price cap": a G7 meeting in June, fuel prices in November)."""

import dataclasses
import datetime as dt

import numpy as np

from desk.compare import grouping
from desk.compare.joining import RowDays, join_consensus_rows, join_lone_statements
from desk.compare.profile import profile
from desk.model import PassageRef

from . import test_join_consensus_rows as consensus
from . import test_join_lone_statements as lone


def _on(ref: PassageRef, day: dt.date) -> PassageRef:
    return dataclasses.replace(ref, date=day)


MARCH_1, MARCH_15, MARCH_18, APRIL_1 = dt.date(2022, 3, 1), dt.date(2022, 3, 15), dt.date(2022, 3, 18), dt.date(2022, 4, 1)


def _lone_rows(retold_on: dt.date) -> list[list[int]]:
    """The statement's row (0 on 1 March, 1 on 15 March), the retelling (2) and the divers' row (3, 4):
    the retelling matches sentence 1 at 0.3, above the lone edge, and nothing else."""
    refs = [
        _on(lone.STOPPED_SHORT, MARCH_1), _on(lone.NO_CLAIM, MARCH_15), _on(lone.RETOLD, retold_on),
        _on(lone.DIVERS, MARCH_1), _on(lone.DIVERS_B, MARCH_1),
    ]
    profiles = [profile(r) for r in [*refs, *lone.FILLER]]
    fillers = [[len(refs) + k] for k in range(len(lone.FILLER))]
    sim = lone._sim({(0, 1): 0.6, (3, 4): 0.6, (1, 2): 0.3}, len(refs))
    out = join_lone_statements([[0, 1], [2], [3, 4], *fillers], sim, profiles, np.arange(len(profiles)))
    return sorted(g for g in out if g[0] < len(refs))


def test_a_lone_retelling_days_after_the_row_joins_it() -> None:
    # 18 March: 3 days after the row's last sentence, 17 after its first
    assert _lone_rows(MARCH_18) == [[0, 1, 2], [3, 4]]


def test_a_lone_retelling_weeks_after_the_rows_first_sentence_stays_alone() -> None:
    # 1 April: 17 days after the sentence it matches, but 31 after the row's first (the gap is 21)
    assert grouping.DATE_GAP_DAYS == 21
    assert _lone_rows(APRIL_1) == [[0, 1], [2], [3, 4]]


def _consensus_rows(second_on: dt.date) -> list[list[int]]:
    """Two rows retelling one claim (0-1 on 1 March, 2-3 on ``second_on``) among the background."""
    rows = [
        _on(consensus.CLAIMED_A, MARCH_1), _on(consensus.CLAIMED_B, MARCH_1),
        _on(consensus.FIRED_A, second_on), _on(consensus.FIRED_B, second_on),
    ]
    refs = [*rows, *consensus.BACKGROUND]
    profiles = [profile(r) for r in refs]
    pairs = {(0, 1): 0.5, (2, 3): 0.5, (0, 2): 0.2, (0, 3): 0.2, (1, 2): 0.2, (1, 3): 0.2}
    groups = [[0, 1], [2, 3], *[[k] for k in range(4, len(refs))]]
    out = join_consensus_rows(groups, consensus._sim(pairs, len(refs)), profiles, np.arange(len(refs)))
    return sorted(g for g in out if g[0] < 4)


def test_two_rows_retelling_one_claim_within_days_join() -> None:
    assert _consensus_rows(MARCH_15) == [[0, 1, 2, 3]]


def test_two_rows_retelling_alike_a_month_apart_stay_two_rows() -> None:
    assert _consensus_rows(APRIL_1) == [[0, 1], [2, 3]]


def test_units_nothing_dates_are_never_far_apart() -> None:
    refs = [_on(lone.STOPPED_SHORT, MARCH_1), lone.NO_CLAIM, _on(lone.RETOLD, APRIL_1)]
    profiles = [profile(r) for r in refs]
    days = RowDays([[0], [1], [2]], profiles)
    assert not days.apart(0, 1)
    assert not days.apart(1, 2)
    days.join(0, 1)
    assert days.apart(0, 2)


def test_linkage_never_chains_a_row_across_more_than_its_span() -> None:
    # 0 (day 0) is like 1 (day 20), 1 like 2 (day 40); 0 and 2 lie beyond the date gap (the matrix holds 0).
    # Average linkage alone chains all three (the link of {0, 1} and 2 is 0.4); the row's span refuses it
    sim = np.array([[0, 0.8, 0], [0.8, 0, 0.8], [0, 0.8, 0]], dtype=np.float32)
    articles = np.arange(3)
    assert grouping.cluster(sim, None, articles) == [[0, 1, 2]]
    days = (np.array([0, 20, 40]), np.array([0, 20, 40]))
    assert grouping.SPAN_DAYS == 30
    assert sorted(grouping.cluster(sim, None, articles, None, days)) == [[0, 1], [2]]
    # within the span they join
    near = (np.array([0, 10, 25]), np.array([0, 10, 25]))
    assert grouping.cluster(sim, None, articles, None, near) == [[0, 1, 2]]
