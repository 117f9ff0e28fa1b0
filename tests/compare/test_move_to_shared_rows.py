"""A sentence with a figure in a row of one outlet moves to the row where other outlets give its value."""

import numpy as np
import pytest

from desk.compare import grouping
from desk.compare.grouping import move_figures_to_shared_rows
from desk.compare.profile import profile

from .helpers import make_ref

# one outlet's two stories: its toll, and its denial retold the next day (the pair average linkage made)
TOLL = make_ref("The ministry said the blast at the depot killed 35 workers on Tuesday.", "North Post",
                figures=[("35", 35, "", "workers killed", "")])
DENIAL = make_ref("The ministry denied that the depot had stored any explosives.", "North Post", number=1,
                  article="North Post-2")
# two other outlets give the same toll
EAST = make_ref("Thirty-five workers, 35 in all, were killed when the depot exploded.", "East Daily",
                figures=[("35", 35, "", "workers killed", "")])
SOUTH = make_ref("The depot explosion killed 35 workers, officials said.", "South Wire",
                 figures=[("35", 35, "", "workers killed", "")])


def _run(refs: list, across: float = 0.5, groups: list[list[int]] | None = None) -> list[list[int]]:  # type: ignore[type-arg]
    """Units 0-1 one row (0.6), units 2-3 another (0.6); unit 0 is ``across`` from units 2 and 3."""
    profiles = [profile(r) for r in refs]
    n = len(refs)
    sim = np.zeros((n, n), dtype=np.float32)
    for i, j, v in ((0, 1, 0.6), (2, 3, 0.6), (0, 2, across), (0, 3, across), (1, 2, 0.05), (1, 3, 0.05)):
        sim[i, j] = sim[j, i] = v
    out = move_figures_to_shared_rows(groups or [[0, 1], [2, 3]], sim, profiles, np.arange(n))
    return sorted(out)


def test_the_toll_leaves_its_outlets_own_row_for_the_row_of_other_outlets_giving_it() -> None:
    assert _run([TOLL, DENIAL, EAST, SOUTH]) == [[0, 2, 3], [1]]


def test_no_move_below_the_edge() -> None:
    assert _run([TOLL, DENIAL, EAST, SOUTH], across=0.3) == [[0, 1], [2, 3]]


def test_no_move_into_a_row_of_one_outlet() -> None:
    east_too = make_ref("The depot explosion killed 35 workers, the paper's sources said.", "East Daily",
                        number=2, article="East Daily-2", figures=[("35", 35, "", "workers killed", "")])
    assert _run([TOLL, DENIAL, EAST, east_too]) == [[0, 1], [2, 3]]


def test_no_move_from_a_row_of_several_outlets() -> None:
    other = make_ref("The ministry denied that the depot had stored any explosives.", "West Times")
    assert _run([TOLL, other, EAST, SOUTH]) == [[0, 1], [2, 3]]


def test_a_value_that_one_side_gives_for_no_outcome_does_not_move() -> None:
    # "employs 35 workers" counts the same people but says nothing happened to them: another fact
    staff = make_ref("The depot, which employs 35 workers, lies outside the town.", "North Post",
                     figures=[("35", 35, "", "workers", "")])
    assert _run([staff, DENIAL, EAST, SOUTH]) == [[0, 1], [2, 3]]


def test_a_toll_of_another_place_does_not_move() -> None:
    elsewhere = make_ref("The ministry said a blast in Greyford killed 35 workers on Tuesday.", "North Post",
                         figures=[("35", 35, "", "workers killed", "")])
    there = make_ref("The blast in Westmoor killed 35 workers, officials said.", "South Wire",
                     figures=[("35", 35, "", "workers killed", "")])
    there_too = make_ref("Thirty-five workers, 35 in all, were killed in Westmoor.", "East Daily",
                         figures=[("35", 35, "", "workers killed", "")])
    assert _run([elsewhere, DENIAL, there_too, there]) == [[0, 1], [2, 3]]
    # the same toll without a place of its own moves
    assert _run([TOLL, DENIAL, there_too, there]) == [[0, 2, 3], [1]]


def test_off_keeps_the_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grouping, "MOVE_TO_SHARED_ROWS", False)
    assert _run([TOLL, DENIAL, EAST, SOUTH]) == [[0, 1], [2, 3]]
