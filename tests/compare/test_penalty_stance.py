"""A penalty someone faces and a penalty handed down are two facts, never one row."""

from __future__ import annotations

import numpy as np
import pytest

from desk.compare import grouping
from desk.compare.grouping import apart_by_stance, build_rows, penalty_stance
from desk.compare.profile import profile

from .helpers import make_ref


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The skipper faces up to 12 years in jail if convicted of smuggling.", "threatened"),
        ("If found guilty, the mayor could face 8 years behind bars.", "threatened"),
        ("The skipper was sentenced to seven years in jail for smuggling.", "imposed"),
        ("A court jailed the mayor for six months on Tuesday.", "imposed"),
        ("The skipper faced up to 12 years but was sentenced to seven years.", ""),
        ("The harbour works lasted seven years.", ""),
    ],
)
def test_penalty_stance(text: str, stance: str) -> None:
    assert penalty_stance(text) == stance


FACES = [
    make_ref("The trawler skipper faces up to 12 years in a harbour jail if convicted of smuggling.", "Outlet A"),
    make_ref("If convicted of smuggling, the trawler skipper faces up to 12 years in a harbour jail.", "Outlet B"),
]
JAILED = [
    make_ref("The trawler skipper was sentenced to seven years in a harbour jail for smuggling.", "Outlet C"),
    make_ref("A court sentenced the trawler skipper to seven years in a harbour jail for smuggling.", "Outlet D"),
]


FILLER = [make_ref(f"Notice {i}: the ferry timetable changes for the winter season.", f"Filler {i}") for i in range(6)]


def _rows() -> list[set[str]]:
    return [set(r.outlets) for r in build_rows([*FACES, *JAILED, *FILLER])]


def test_a_threatened_and_an_imposed_penalty_share_no_row() -> None:
    rows = _rows()
    assert {"Outlet A", "Outlet B"} in rows
    assert {"Outlet C", "Outlet D"} in rows


def test_without_the_rule_the_like_worded_sentences_share_a_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grouping, "STANCE_APART", 1.0)
    assert {"Outlet A", "Outlet B", "Outlet C", "Outlet D"} in _rows()


def test_only_pairs_across_the_two_stances_are_scaled() -> None:
    profiles = [profile(r) for r in [*FACES, *JAILED]]
    sim = np.full((4, 4), 0.5, dtype=np.float32)
    out = apart_by_stance(sim, profiles, np.arange(4))
    assert out[0, 1] == pytest.approx(0.5)
    assert out[2, 3] == pytest.approx(0.5)
    assert out[0, 2] == pytest.approx(0.5 * grouping.STANCE_APART)
    assert out[3, 1] == pytest.approx(0.5 * grouping.STANCE_APART)


def test_sentences_of_one_stance_only_leave_the_matrix_as_it_is() -> None:
    profiles = [profile(r) for r in FACES] + [profile(make_ref("The ferry left at noon with forty cars.", "Outlet E"))]
    sim = np.full((3, 3), 0.5, dtype=np.float32)
    assert apart_by_stance(sim, profiles, np.arange(3)) is sim  # nothing to hold apart: no copy made
