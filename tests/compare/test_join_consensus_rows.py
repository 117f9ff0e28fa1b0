"""Rows that retell one statement in other words join through the words several of their sentences use."""

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
