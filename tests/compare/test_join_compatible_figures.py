"""Rows whose sentences give compatible figures for one quantity ("more than 300" / "320") join."""

import numpy as np
import pytest

from desk.compare import joining
from desk.compare.joining import compatible_figures, join_compatible_figures
from desk.compare.places import places_in
from desk.compare.profile import profile
from desk.model import Figure

from .helpers import make_ref

EVACUATED = "passengers evacuated"


def _evacuated(text: str, outlet: str, written: str, value: float, qualifier: str = "") -> object:
    return make_ref(text, outlet, figures=[(written, value, qualifier, EVACUATED, "")])


# row 0: one outlet's lower bound; row 1: two outlets' exact count of the same evacuation
BOUND = _evacuated("Officials said more than 300 passengers were evacuated from the ferry.", "North Post",
                   "more than 300", 300, "more than")
EXACT_A = _evacuated("The coast guard evacuated 320 passengers from the burning ferry.", "East Daily", "320", 320)
EXACT_B = _evacuated("All 320 passengers were evacuated from the burning ferry by the coast guard.", "South Wire",
                     "320", 320)


def _run(refs: list, across: float = 0.5) -> list[list[int]]:  # type: ignore[type-arg]
    """Unit 0 alone, units 1-2 one row; 0.6 within the row, ``across`` from unit 0 to each of them."""
    profiles = [profile(r) for r in refs]
    n = len(refs)
    sim = np.zeros((n, n), dtype=np.float32)
    for i, j, v in ((1, 2, 0.6), (0, 1, across), (0, 2, across)):
        sim[i, j] = sim[j, i] = v
    return sorted(join_compatible_figures([[0], [1, 2]], sim, profiles, np.arange(n)))


def test_a_bound_joins_the_row_of_a_count_it_admits() -> None:
    assert _run([BOUND, EXACT_A, EXACT_B]) == [[0, 1, 2]]


def test_no_join_below_the_edge() -> None:
    assert _run([BOUND, EXACT_A, EXACT_B], across=0.3) == [[0], [1, 2]]


def test_two_plain_values_are_rivals_not_joined_here() -> None:
    plain = _evacuated("Officials said 300 passengers were evacuated from the ferry.", "North Post", "300", 300)
    assert _run([plain, EXACT_A, EXACT_B]) == [[0], [1, 2]]


def test_a_bound_far_below_the_count_does_not_join() -> None:
    low = _evacuated("Officials said more than 100 passengers were evacuated from the ferry.", "North Post",
                     "more than 100", 100, "more than")
    assert _run([low, EXACT_A, EXACT_B]) == [[0], [1, 2]]


def test_a_sentence_of_two_counts_does_not_join() -> None:
    two = make_ref(
        "Officials said more than 300 passengers were evacuated and 40 crew members were injured.", "North Post",
        figures=[("more than 300", 300, "more than", EVACUATED, ""), ("40", 40, "", "crew members injured", "")],
    )
    assert _run([two, EXACT_A, EXACT_B]) == [[0], [1, 2]]


def test_a_row_that_mostly_counts_another_thing_does_not_join() -> None:
    # unit 1 counts the evacuated passengers, but its row (1-3) is a row of injuries
    injured_a = make_ref("About 60 people were injured in the ferry fire.", "South Wire",
                         figures=[("About 60", 60, "about", "people injured", "")])
    injured_b = make_ref("The fire on the ferry injured 60 people, the coast guard said.", "West Times",
                         figures=[("60", 60, "", "people injured", "")])
    refs = [BOUND, EXACT_A, injured_a, injured_b]
    profiles = [profile(r) for r in refs]
    sim = np.zeros((4, 4), dtype=np.float32)
    for i, j, v in ((1, 2, 0.6), (1, 3, 0.6), (2, 3, 0.6), (0, 1, 0.5), (0, 2, 0.3), (0, 3, 0.3)):
        sim[i, j] = sim[j, i] = v
    assert sorted(join_compatible_figures([[0], [1, 2, 3]], sim, profiles, np.arange(4))) == [[0], [1, 2, 3]]
    # the same row of evacuations joins
    evac = [BOUND, EXACT_A, EXACT_B, _evacuated("Some 320 passengers were evacuated overnight.", "West Times",
                                                "Some 320", 320, "about")]
    profiles = [profile(r) for r in evac]
    assert sorted(join_compatible_figures([[0], [1, 2, 3]], sim, profiles, np.arange(4))) == [[0, 1, 2, 3]]


# two more evacuations the bound's row also counts (a row of several counts of one kind): each far from 320
BOAT = _evacuated("Up to 40 passengers were evacuated from a fishing boat near the cape.", "North Post", "Up to 40", 40,
                  "up to")
BOAT.article_id = "North Post-2"
BARGE = _evacuated("The crew evacuated 25 passengers from a barge upriver.", "North Post", "25", 25)
BARGE.article_id = "North Post-3"


def _sim_of(n: int, pairs: dict[tuple[int, int], float]) -> np.ndarray:
    sim = np.zeros((n, n), dtype=np.float32)
    for (i, j), v in pairs.items():
        sim[i, j] = sim[j, i] = v
    return sim


def test_the_link_is_that_of_the_sentences_carrying_the_compatible_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    # row 0 holds the bound and two other counts; the bound matches both exact counts (0.5), the others
    # nothing: over every pair across the rows the mean is 1.0 / 6, over the bound's pairs 0.5
    refs = [BOUND, BOAT, BARGE, EXACT_A, EXACT_B]
    profiles = [profile(r) for r in refs]
    sim = _sim_of(5, {(0, 1): 0.5, (0, 2): 0.5, (1, 2): 0.5, (3, 4): 0.6, (0, 3): 0.5, (0, 4): 0.5})
    groups = [[0, 1, 2], [3, 4]]
    assert sorted(join_compatible_figures(groups, sim, profiles, np.arange(5))) == [[0, 1, 2, 3, 4]]
    # measured over every pair of the two rows, as before, the other counts hold them apart
    monkeypatch.setattr(joining, "COMPATIBLE_LINK_CARRIERS", False)
    assert sorted(join_compatible_figures(groups, sim, profiles, np.arange(5))) == [[0, 1, 2], [3, 4]]


def test_carriers_that_mostly_do_not_match_keep_the_rows_apart() -> None:
    # the bound matches one of three sentences of the exact count (0.4), the others not at all (mean 0.13)
    exact_c = _evacuated("Rescuers counted 320 passengers taken off the ferry.", "West Times", "320", 320)
    refs = [BOUND, EXACT_A, EXACT_B, exact_c]
    profiles = [profile(r) for r in refs]
    sim = _sim_of(4, {(1, 2): 0.6, (1, 3): 0.6, (2, 3): 0.6, (0, 1): 0.4})
    assert sorted(join_compatible_figures([[0], [1, 2, 3]], sim, profiles, np.arange(4))) == [[0], [1, 2, 3]]


def _fig(value: float, qualifier: str = "", high: float | None = None) -> Figure:
    return Figure(0, 1, "x", value, qualifier=qualifier, high=high)


def test_compatible_figures() -> None:
    key = profile(EXACT_A).facts[0]
    assert compatible_figures(_fig(100, "more than"), key, _fig(108), key)
    assert compatible_figures(_fig(75000, "up to"), key, _fig(70000, high=80000), key)
    assert compatible_figures(_fig(3.6e6, "more than"), key, _fig(3.8e6, "more than"), key)
    assert not compatible_figures(_fig(20e6), key, _fig(22e6), key)  # two exact values: rivals
    assert not compatible_figures(_fig(100, "more than"), key, _fig(500), key)  # too far apart
    assert not compatible_figures(_fig(300, "up to"), key, _fig(320), key)  # the bound excludes it


# the places guard reads the places a row names in two or more of its sentences
NEAR_PORT = _evacuated("Officials said more than 300 passengers were evacuated from the ferry near Greyford.",
                       "North Post", "more than 300", 300, "more than")
ASIDE = _evacuated("Speaking in Westmoor, the minister said 320 passengers were evacuated from the ferry.",
                   "West Times", "320", 320)
ASIDE_TOO = _evacuated("In Westmoor, the ministry said 320 passengers had been evacuated from the ferry.",
                       "Central Star", "320", 320)


def _row_of_three(third: object, fourth: object | None = None) -> list[list[int]]:
    """Unit 0 (the bound, near Greyford) alone; the exact counts in one row, each 0.5 from unit 0."""
    refs = [NEAR_PORT, EXACT_A, EXACT_B, third] + ([fourth] if fourth is not None else [])
    profiles = [profile(r) for r in refs]
    n = len(refs)
    pairs = {(i, j): 0.6 for i in range(1, n) for j in range(i + 1, n)}
    pairs.update({(0, j): 0.5 for j in range(1, n)})
    where = [places_in(r.text) for r in refs]
    return sorted(join_compatible_figures([[0], list(range(1, n))], _sim_of(n, pairs), profiles, np.arange(n), where))


def test_a_place_one_sentence_of_a_row_names_in_passing_does_not_hold_the_rows_apart() -> None:
    assert places_in(ASIDE.text) == places_in(ASIDE_TOO.text) != places_in(NEAR_PORT.text)
    # Westmoor is named by one sentence of the row of three: the row's count is of no other place
    assert _row_of_three(ASIDE) == [[0, 1, 2, 3]]


def test_a_place_two_sentences_of_a_row_name_holds_it_apart_from_another_place() -> None:
    assert _row_of_three(ASIDE, ASIDE_TOO) == [[0], [1, 2, 3, 4]]


def test_a_row_of_two_is_held_apart_by_any_place_it_names() -> None:
    refs = [NEAR_PORT, EXACT_A, ASIDE]
    profiles = [profile(r) for r in refs]
    sim = _sim_of(3, {(1, 2): 0.6, (0, 1): 0.5, (0, 2): 0.5})
    where = [places_in(r.text) for r in refs]
    assert sorted(join_compatible_figures([[0], [1, 2]], sim, profiles, np.arange(3), where)) == [[0], [1, 2]]
    # without places, the same rows join
    assert sorted(join_compatible_figures([[0], [1, 2]], sim, profiles, np.arange(3))) == [[0, 1, 2]]


def test_the_whole_rows_places_held_them_apart_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "COMPATIBLE_SETTLED_PLACES", False)
    assert _row_of_three(ASIDE) == [[0], [1, 2, 3]]
