"""Two rows that give nearly the same specific count of one thing on one day join, however unlike their words.

"At least 83 projectiles in all were fired, the spokesman said" and "84 cruise missiles were fired" count
one barrage: the sentences share few words (far below the joins by words) and no value (the joins
by value miss them).  A count written to the unit, 83 or 84, is not met by chance, so two rows join
when a pair across them gives such counts within 5% of each other, of one named thing, about the same
day.  Round figures (80 and 84), counts further apart (77 and 84), counts days apart, measures (a
range of 43 or 44 miles) and pairs of no likeness at all stay apart.

Every sentence here is written for these tests (invented country, outlets and figures).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from desk.compare.joining import join_near_counts
from desk.compare.profile import profile
from desk.model import PassageRef

from .helpers import make_ref

DAY = dt.date(2031, 2, 17)


def _ref(text: str, outlet: str, written: str, qualifier: str, counted: str, day: dt.date = DAY) -> PassageRef:
    value = float(written.replace(",", ""))
    ref = make_ref(text, outlet, figures=[(written, value, qualifier, counted, "")])
    return dataclasses.replace(ref, date=day)


def _launched(n: str = "83") -> list[PassageRef]:
    return [
        _ref(f"The air force spokesman said at least {n} projectiles of various types were launched at Varnia.",
             "North Post", n, "at least", "projectiles"),
        _ref(f"Varnian air defence officials counted at least {n} projectiles of several types in the attack.",
             "East Daily", n, "at least", "projectiles"),
    ]


def _fired(n: str = "84", day: dt.date = DAY) -> list[PassageRef]:
    return [
        _ref(f"The president said {n} cruise missiles had been fired at Varnia, most of them shot down.",
             "South Wire", n, "", "cruise missiles", day),
        _ref(f"According to the president, {n} cruise missiles were fired at Varnia during the assault.",
             "West Times", n, "", "cruise missiles", day),
    ]


def _join(refs: list[PassageRef], across: float = 0.2) -> list[list[int]]:
    """Two rows of two (units 0-1 and 2-3): within a row 0.6, across ``across``."""
    profiles = [profile(r) for r in refs]
    sim = np.full((4, 4), across, dtype=np.float32)
    sim[0, 1] = sim[1, 0] = sim[2, 3] = sim[3, 2] = 0.6
    np.fill_diagonal(sim, 0.0)
    return sorted(join_near_counts([[0, 1], [2, 3]], sim, profiles, np.arange(4)))


def test_nearly_the_same_specific_count_of_one_barrage_joins_the_rows() -> None:
    assert _join([*_launched(), *_fired()]) == [[0, 1, 2, 3]]


def test_round_figures_and_counts_further_apart_stay_apart() -> None:
    assert _join([*_launched(), *_fired("80")]) == [[0, 1], [2, 3]]
    assert _join([*_launched("77"), *_fired()]) == [[0, 1], [2, 3]]


def test_counts_days_apart_and_pairs_of_no_likeness_stay_apart() -> None:
    assert _join([*_launched(), *_fired(day=DAY + dt.timedelta(days=5))]) == [[0, 1], [2, 3]]
    assert _join([*_launched(), *_fired()], across=0.05) == [[0, 1], [2, 3]]


def test_measures_stay_apart() -> None:
    reach = [
        _ref("The launcher fires rockets at targets up to 43 miles away, officials said.", "North Post", "43", "up to",
             "miles"),
        _ref("Its rockets can reach targets up to 43 miles away, the ministry said.", "East Daily", "43", "up to",
             "miles"),
    ]
    other = [
        _ref("The older system has a range of about 44 miles, a Varnian officer said.", "South Wire", "44", "about",
             "miles"),
        _ref("A Varnian officer put the older system's range at about 44 miles.", "West Times", "44", "about",
             "miles"),
    ]
    assert _join([*reach, *other]) == [[0, 1], [2, 3]]
