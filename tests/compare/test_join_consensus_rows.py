"""Rows that retell one statement in other words join through the words several of their sentences use."""

import math

import numpy as np
import pytest

from desk.compare import joining
from desk.compare.joining import consensus_words, join_consensus_rows
from desk.compare.profile import profile

from .helpers import make_ref

# one claim, two rows of retellings: no pair across is close, but each row's shared words are alike
CLAIMED_A = make_ref(
    "The ministry claimed the rebels used foreign-supplied mortar launchers to shell the fuel depot.", "North Post"
)
CLAIMED_B = make_ref(
    "According to the ministry, rebel mortar launchers supplied from abroad hit the depot.", "East Daily"
)
FIRED_A = make_ref("Rebel units fired foreign-supplied mortar launchers at the fuel depot, a report said.", "South Wire")
FIRED_B = make_ref("Rebels fired the mortar launchers at the depot overnight.", "West Times")
# two rows on one topic that say different things: they share one word of their own ("farmers")
HARVEST_A = make_ref("Farmers said the barley harvest fell sharply this summer.", "North Post")
HARVEST_B = make_ref("The barley harvest fell sharply, farmers in the valley said.", "East Daily")
PROTEST_A = make_ref("Farmers protested outside parliament over diesel prices.", "South Wire")
PROTEST_B = make_ref("Diesel prices brought farmers to protest outside parliament.", "West Times")
# sentences of other rows, so that the rows' words are rare among the candidates
BACKGROUND = [
    make_ref(text, f"Outlet {k}")
    for k, text in enumerate(
        [
            "The central bank kept interest rates unchanged on Tuesday.",
            "Heavy snow closed two mountain passes for the weekend.",
            "The football club appointed a new coach after a poor season.",
            "Ticket sales for the festival doubled compared with last year.",
            "A new bridge over the river opened to traffic in March.",
            "The museum returned three paintings to their original owners.",
            "Teachers began a two-day strike over pay and class sizes.",
            "The airline cancelled dozens of flights because of fog.",
        ]
    )
]


def _sim(pairs: dict[tuple[int, int], float], n: int) -> np.ndarray:
    sim = np.zeros((n, n), dtype=np.float32)
    for (i, j), v in pairs.items():
        sim[i, j] = sim[j, i] = v
    return sim


def _run(rows: list, across: float) -> list[list[int]]:  # type: ignore[type-arg]
    """Two rows of two (units 0-1 and 2-3) among the background; within a row 0.5, across ``across``."""
    refs = [*rows, *BACKGROUND]
    profiles = [profile(r) for r in refs]
    pairs = {(0, 1): 0.5, (2, 3): 0.5, (0, 2): across, (0, 3): across, (1, 2): across, (1, 3): across}
    groups = [[0, 1], [2, 3], *[[k] for k in range(4, len(refs))]]
    out = join_consensus_rows(groups, _sim(pairs, len(refs)), profiles, np.arange(len(refs)))
    return sorted(g for g in out if g[0] < 4)


def test_two_rows_retelling_one_claim_join_though_no_pair_across_is_close() -> None:
    assert _run([CLAIMED_A, CLAIMED_B, FIRED_A, FIRED_B], across=0.2) == [[0, 1, 2, 3]]


def test_the_consensus_is_the_words_two_sentences_of_a_row_use() -> None:
    refs = [CLAIMED_A, CLAIMED_B, FIRED_A, FIRED_B, *BACKGROUND]
    words = consensus_words([[0, 1], [2, 3]], [profile(r) for r in refs])
    assert {"mortar", "launcher", "depot"} <= set(words[0]) & set(words[1])
    assert "ministry" in words[0]
    assert "ministry" not in words[1]  # no sentence of the second row has it
    assert "shell" not in words[0]  # one sentence of the row uses it: no consensus


def test_rows_that_share_one_word_of_their_own_stay_apart() -> None:
    assert _run([HARVEST_A, HARVEST_B, PROTEST_A, PROTEST_B], across=0.2) == [[0, 1], [2, 3]]


def test_rows_whose_sentences_do_not_relate_across_stay_apart() -> None:
    assert _run([CLAIMED_A, CLAIMED_B, FIRED_A, FIRED_B], across=0.05) == [[0, 1], [2, 3]]


def test_rows_of_figures_are_left_to_the_joins_by_figures() -> None:
    toll = [
        make_ref(
            f"Rebel mortar launchers shelled the fuel depot, killing {n} workers.",
            outlet,
            figures=[(str(n), n, "", "workers killed", "")],
        )
        for n, outlet in ((12, "North Post"), (12, "East Daily"), (30, "South Wire"), (30, "West Times"))
    ]
    assert _run(toll, across=0.2) == [[0, 1], [2, 3]]


def test_the_rule_is_off_at_threshold_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "CONSENSUS_THRESHOLD", 0.0)
    assert _run([CLAIMED_A, CLAIMED_B, FIRED_A, FIRED_B], across=0.2) == [[0, 1], [2, 3]]


# two rows of five: three retellings of one claim each, and a pair of sentences on a side matter that another
# retelling pulled in (their words are shared by two sentences of the row, in passing)
CLAIM_ROW = [
    make_ref("Rebel mortar launchers hit the fuel depot, the ministry claimed.", "North Post"),
    make_ref("The rebels shelled the fuel depot with mortar launchers, officials said.", "East Daily"),
    make_ref("Mortar launchers of the rebels struck the fuel depot, according to the army.", "North Post"),
    make_ref("The governor visited wounded guards at the city hospital on Sunday.", "East Daily"),
    make_ref("Wounded guards were taken to the city hospital, the governor said.", "North Post"),
]
FIRED_ROW = [
    make_ref("Rebel units fired mortar launchers at the fuel depot, a report said.", "South Wire"),
    make_ref("The fuel depot came under fire from rebel mortar launchers overnight.", "West Times"),
    make_ref("Mortar launchers were aimed at the fuel depot by the rebels.", "South Wire"),
    make_ref("Firefighters from the harbour district fought the blaze until dawn.", "West Times"),
    make_ref("The blaze was fought by firefighters from the harbour district.", "South Wire"),
]
_COMMITTEE_NAMES = [
    "housing", "transport", "schools", "parks", "water", "libraries", "museums", "tourism", "sports", "roads",
    "bridges", "ports", "farming", "fishing", "forestry", "mining", "energy", "waste", "health", "police",
    "courts", "prisons", "taxes", "pensions",
]
# more candidates, so that the rows' words are as rare among them as a real comparison's
COMMITTEES = [
    make_ref(f"The {w} committee met again to discuss the budget.", f"Outlet {k}")
    for k, w in enumerate(_COMMITTEE_NAMES)
]


def _run_rows(a: list, b: list) -> list[list[int]]:  # type: ignore[type-arg]
    """Rows ``a`` and ``b`` among the candidates; within a row 0.5, across 0.2."""
    refs = [*a, *b, *BACKGROUND, *COMMITTEES]
    profiles = [profile(r) for r in refs]
    na, nb = len(a), len(b)
    pairs = {}
    for i in range(na + nb):
        for j in range(i + 1, na + nb):
            pairs[(i, j)] = 0.5 if (i < na) == (j < na) else 0.2
    groups = [list(range(na)), list(range(na, na + nb)), *[[k] for k in range(na + nb, len(refs))]]
    out = join_consensus_rows(groups, _sim(pairs, len(refs)), profiles, np.arange(len(refs)))
    return sorted(g for g in out if g[0] < na + nb)


def test_a_consensus_word_weighs_its_rarity_times_the_share_of_the_row_using_it() -> None:
    refs = [*CLAIM_ROW, *FIRED_ROW, *BACKGROUND, *COMMITTEES]
    n = len(refs)
    words = consensus_words([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], [profile(r) for r in refs])
    # "mortar": six candidates, three of the row's five sentences; "hospital": two candidates, two of five
    assert words[0]["mortar"] == pytest.approx(math.log(n / 6) * 3 / 5)
    assert words[0]["hospital"] == pytest.approx(math.log(n / 2) * 2 / 5)


def test_rows_retelling_one_claim_join_beside_the_side_matters_each_pulled_in() -> None:
    assert _run_rows(CLAIM_ROW, FIRED_ROW) == [list(range(10))]


def test_without_weighing_by_share_the_side_matters_keep_them_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "CONSENSUS_BY_SHARE", 0.0)
    assert _run_rows(CLAIM_ROW, FIRED_ROW) == [list(range(5)), list(range(5, 10))]


def test_rows_whose_claims_differ_stay_apart_though_each_is_weighed_by_share() -> None:
    other = [
        make_ref("The harvest of barley fell sharply this summer, farmers said.", "South Wire"),
        make_ref("Farmers said the barley harvest fell sharply after the drought.", "West Times"),
        make_ref("A sharp fall in the barley harvest worried farmers.", "South Wire"),
        *FIRED_ROW[3:],
    ]
    assert _run_rows(CLAIM_ROW, other) == [list(range(5)), list(range(5, 10))]
