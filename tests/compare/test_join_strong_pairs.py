"""Rows that average linkage keeps apart join when two outlets' passages plainly report one fact."""

import numpy as np
import pytest

from desk.compare import grouping
from desk.compare.grouping import join_strong_pairs
from desk.compare.profile import profile

from .helpers import make_ref

FREED = make_ref(
    "The navy said it freed 64 sailors from captivity on Friday after talks with the other side.",
    "Outlet A",
    figures=[("64", 64, "", "sailors", "navy")],
)
RELEASED = make_ref(
    "In all 64 seamen were released, a spokesman in the port city said.",
    "Outlet B",
    figures=[("64", 64, "", "seamen", "spokesman")],
)
ROW_MATE = make_ref(
    "Relatives waited at the harbour as the released crew came ashore in buses.",
    "Outlet C",
)
OTHER = make_ref(
    "The ministry said 9 fishing boats had left the harbour before the storm.",
    "Outlet D",
    figures=[("9", 9, "", "fishing boats", "ministry")],
)


def _run(sim: np.ndarray, groups: list[list[int]], refs: list) -> list[list[int]]:  # type: ignore[type-arg]
    profiles = [profile(r) for r in refs]
    return sorted(join_strong_pairs(groups, sim, profiles, np.arange(len(refs))))


def _sim(pairs: dict[tuple[int, int], float], n: int) -> np.ndarray:
    sim = np.zeros((n, n), dtype=np.float32)
    for (i, j), v in pairs.items():
        sim[i, j] = sim[j, i] = v
    return sim


def test_a_strong_pair_sharing_a_value_joins_a_singleton_to_the_larger_row() -> None:
    refs = [FREED, ROW_MATE, RELEASED]
    # RELEASED matches FREED strongly but ROW_MATE weakly: the mean kept it out of that row
    sim = _sim({(0, 1): 0.45, (0, 2): 0.44, (1, 2): 0.05}, 3)
    assert _run(sim, [[0, 1], [2]], refs) == [[0, 1, 2]]


# one statement told in other words, with no figure to share
WALKED_OUT = make_ref("The union's delegates walked out of the talks on Friday, calling the offer an insult.", "Outlet A")
WALKED_MATE = make_ref("Delegates said the offer was an insult to every worker in the yards.", "Outlet C")
LEFT_TABLE = make_ref("Union negotiators left the table on Friday and called the pay offer insulting.", "Outlet E")


def test_a_strong_pair_without_figures_joins_when_its_text_alone_is_strong_enough() -> None:
    refs = [WALKED_OUT, WALKED_MATE, LEFT_TABLE]
    sim = _sim({(0, 1): 0.45, (0, 2): grouping.JOIN_TEXT_ALONE + 0.01, (1, 2): 0.05}, 3)
    assert _run(sim, [[0, 1], [2]], refs) == [[0, 1, 2]]


def test_no_join_by_text_alone_below_its_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grouping, "JOIN_TEXT_ALONE", 0.5)
    refs = [WALKED_OUT, WALKED_MATE, LEFT_TABLE]
    sim = _sim({(0, 1): 0.45, (0, 2): 0.44, (1, 2): 0.05}, 3)
    assert _run(sim, [[0, 1], [2]], refs) == [[0, 1], [2]]
    # ... while a shared value still joins at that similarity
    assert _run(sim, [[0, 1], [2]], [FREED, ROW_MATE, RELEASED]) == [[0, 1, 2]]


def test_passages_with_figures_never_join_by_text_alone() -> None:
    # "freed 64 sailors" / "9 fishing boats had left": a strong pair, but the figures count different things
    refs = [FREED, ROW_MATE, OTHER]
    sim = _sim({(0, 1): 0.45, (0, 2): 0.6, (1, 2): 0.05}, 3)
    assert _run(sim, [[0, 1], [2]], refs) == [[0, 1], [2]]


def test_no_join_below_the_edge_threshold() -> None:
    refs = [FREED, ROW_MATE, RELEASED]
    sim = _sim({(0, 1): 0.45, (0, 2): grouping.EDGE_THRESHOLD - 0.01, (1, 2): 0.05}, 3)
    assert _run(sim, [[0, 1], [2]], refs) == [[0, 1], [2]]


def test_no_join_within_one_outlet() -> None:
    same = make_ref(
        "In all 64 seamen were released, a spokesman in the port city said.",
        "Outlet A",
        article="Outlet A-9",
        figures=[("64", 64, "", "seamen", "spokesman")],
    )
    refs = [FREED, ROW_MATE, same]
    sim = _sim({(0, 1): 0.45, (0, 2): 0.6, (1, 2): 0.05}, 3)
    assert _run(sim, [[0, 1], [2]], refs) == [[0, 1], [2]]


def test_two_large_rows_never_join_through_one_pair() -> None:
    more = make_ref("The crew of the released ship thanked the negotiators.", "Outlet E")
    third = make_ref("Families of the seamen gathered outside the ministry.", "Outlet F")
    refs = [FREED, ROW_MATE, more, RELEASED, third, OTHER]
    sim = _sim({(0, 1): 0.5, (0, 2): 0.5, (1, 2): 0.5, (3, 4): 0.5, (3, 5): 0.5, (4, 5): 0.5, (0, 3): 0.6}, 6)
    assert _run(sim, [[0, 1, 2], [3, 4, 5]], refs) == [[0, 1, 2], [3, 4, 5]]


def test_rows_naming_different_places_stay_apart() -> None:
    a = make_ref(
        "Officials in Ashford said 64 people were hurt when the roof of the hall fell in.",
        "Outlet A",
        figures=[("64", 64, "", "people hurt", "officials")],
    )
    b = make_ref(
        "In Brentwood 64 people were hurt when the roof of a hall fell, officials said.",
        "Outlet B",
        figures=[("64", 64, "", "people hurt", "officials")],
    )
    mate = make_ref("Rescuers in Ashford searched the hall through the night.", "Outlet C")
    refs = [a, mate, b]
    sim = _sim({(0, 1): 0.45, (0, 2): 0.6, (1, 2): 0.05}, 3)
    assert _run(sim, [[0, 1], [2]], refs) == [[0, 1], [2]]


# two rows of three, each telling one handover by its figure in most of its sentences
HANDED_OVER = make_ref(
    "Officials confirmed that 64 crew members were handed over at the border crossing.",
    "Outlet E",
    figures=[("64", 64, "", "crew members", "officials")],
)
BACK_HOME = make_ref(
    "All 64 seamen are back home, the shipping company said in a short note.",
    "Outlet F",
    figures=[("64", 64, "", "seamen", "company")],
)
FAMILIES = make_ref("Families of the seamen gathered outside the ministry.", "Outlet G")


def _two_rows(link: float) -> np.ndarray:
    pairs = {(0, 1): 0.5, (0, 2): 0.5, (1, 2): 0.5, (3, 4): 0.5, (3, 5): 0.5, (4, 5): 0.5}
    # the strong pair across, and a mean link across the rows of about ``link``
    pairs |= {(a, b): link for a in range(3) for b in range(3, 6)}
    pairs[(0, 3)] = 0.6
    return _sim(pairs, 6)


def test_two_larger_rows_join_through_a_value_most_of_their_sentences_carry() -> None:
    refs = [FREED, HANDED_OVER, ROW_MATE, RELEASED, BACK_HOME, FAMILIES]
    assert _run(_two_rows(0.25), [[0, 1, 2], [3, 4, 5]], refs) == [[0, 1, 2, 3, 4, 5]]


def test_two_larger_rows_stay_apart_when_their_mean_link_is_weak() -> None:
    refs = [FREED, HANDED_OVER, ROW_MATE, RELEASED, BACK_HOME, FAMILIES]
    assert _run(_two_rows(grouping.JOIN_VALUE_MIN_LINK - 0.1), [[0, 1, 2], [3, 4, 5]], refs) == [
        [0, 1, 2], [3, 4, 5]
    ]


def test_two_larger_rows_stay_apart_when_the_value_is_one_sentence_s() -> None:
    # only one sentence of the first row carries 64: a sentence of two counts, not the row's figure
    refs = [FREED, ROW_MATE, OTHER, RELEASED, BACK_HOME, FAMILIES]
    assert _run(_two_rows(0.25), [[0, 1, 2], [3, 4, 5]], refs) == [[0, 1, 2], [3, 4, 5]]


def test_rows_larger_than_the_value_limit_stay_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grouping, "JOIN_VALUE_MAX_SMALLER", 2)
    refs = [FREED, HANDED_OVER, ROW_MATE, RELEASED, BACK_HOME, FAMILIES]
    assert _run(_two_rows(0.25), [[0, 1, 2], [3, 4, 5]], refs) == [[0, 1, 2], [3, 4, 5]]


# one value, two groups of people: a civilian toll and a count of staff who were punished
CIVILIAN_TOLL = make_ref(
    "A commission found that from 1990 to 1993, up to 3,100 civilians were killed in the valley war.",
    "Outlet A",
    figures=[("3,100", 3100, "up to", "civilians killed", "commission")],
)
TOLL_MATE = make_ref(
    "The commission said the real number of civilians killed in the valley is likely far higher.",
    "Outlet C",
)
STAFF_PUNISHED = make_ref(
    "In one brigade alone 3,100 staff were punished for leaving their posts, more than its killed.",
    "Outlet B",
    figures=[("3,100", 3100, "", "staff", "")],
)


def test_a_value_shared_by_a_civilian_toll_and_a_count_of_staff_joins_nothing() -> None:
    refs = [CIVILIAN_TOLL, TOLL_MATE, STAFF_PUNISHED]
    sim = _sim({(0, 1): 0.45, (0, 2): 0.44, (1, 2): 0.05}, 3)
    assert _run(sim, [[0, 1], [2]], refs) == [[0, 1], [2]]


@pytest.mark.parametrize(
    ("head", "compatible"),
    [("staff", False), ("soldier", False), ("journalist", False), ("resident", True), ("child", True)],
)
def test_a_group_counted_by_its_service_is_no_civilian_toll(head: str, compatible: bool) -> None:
    from desk.compare.profile import FactKey, counts_compatible

    toll = FactKey(outcome="kill", head="civilian", modifiers=frozenset())
    other = FactKey(outcome="", head=head, modifiers=frozenset())
    assert counts_compatible(toll, other) is compatible
    assert counts_compatible(other, toll) is compatible
