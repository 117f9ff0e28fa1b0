"""Rows whose sentences broadly match across join, even when the mean over every pair stays low."""

import numpy as np
import pytest

from desk.compare import joining
from desk.compare.joining import join_supported_rows
from desk.compare.profile import profile

from .helpers import make_ref

# one event told by four outlets in two rows of two: each sentence has a close match across
CUT_OFF = make_ref(
    "On Thursday the dam's turbines were cut off from the regional grid for the first time.", "Outlet A"
)
SEVERED = make_ref(
    "Power lines to the dam were severed on Thursday, the first outage in its history.", "Outlet B"
)
OFFLINE = make_ref("The dam's turbines went offline Thursday after the last power line burned.", "Outlet C")
BACK = make_ref("The dam was reconnected to the grid on Friday, a day after its first outage.", "Outlet D")
# a toll in like words: sentences that carry figures join through their figures, not here
TOLL_A = make_ref(
    "The blast at the depot killed 12 workers, the regional governor said.",
    "Outlet A",
    figures=[("12", 12, "", "workers killed", "governor")],
)
TOLL_B = make_ref(
    "A blast at a second depot killed 30 workers, the mayor said.",
    "Outlet B",
    figures=[("30", 30, "", "workers killed", "mayor")],
)
TOLL_C = make_ref(
    "Rescuers said 12 workers died in the depot blast.",
    "Outlet C",
    figures=[("12", 12, "", "workers died", "rescuers")],
)
TOLL_D = make_ref(
    "At the second depot 30 workers died, officials said.",
    "Outlet D",
    figures=[("30", 30, "", "workers died", "officials")],
)


def _sim(pairs: dict[tuple[int, int], float], n: int) -> np.ndarray:
    sim = np.zeros((n, n), dtype=np.float32)
    for (i, j), v in pairs.items():
        sim[i, j] = sim[j, i] = v
    return sim


def _run(sim: np.ndarray, groups: list[list[int]], refs: list) -> list[list[int]]:  # type: ignore[type-arg]
    profiles = [profile(r) for r in refs]
    return sorted(join_supported_rows(groups, sim, profiles, np.arange(len(refs))))


# within each row the sentences match well; across, each sentence has one close match (0.4)
# and one weak one (0.1): the mean over the four pairs (0.25) is below average linkage's threshold
BROAD = {(0, 1): 0.5, (2, 3): 0.5, (0, 2): 0.4, (1, 3): 0.4, (0, 3): 0.1, (1, 2): 0.1}


def test_two_rows_whose_every_sentence_has_a_close_match_across_join() -> None:
    refs = [CUT_OFF, SEVERED, OFFLINE, BACK]
    assert _run(_sim(BROAD, 4), [[0, 1], [2, 3]], refs) == [[0, 1, 2, 3]]


def test_one_close_pair_alone_does_not_join_two_rows() -> None:
    refs = [CUT_OFF, SEVERED, OFFLINE, BACK]
    # only CUT_OFF/OFFLINE match; SEVERED and BACK find nothing close across
    one = {(0, 1): 0.5, (2, 3): 0.5, (0, 2): 0.45, (1, 3): 0.05, (0, 3): 0.05, (1, 2): 0.05}
    assert _run(_sim(one, 4), [[0, 1], [2, 3]], refs) == [[0, 1], [2, 3]]


def test_rows_of_figures_do_not_join_by_their_words() -> None:
    # the same pattern of similarity, but every sentence carries a toll: two tolls at two depots
    refs = [TOLL_A, TOLL_C, TOLL_B, TOLL_D]
    assert _run(_sim(BROAD, 4), [[0, 1], [2, 3]], refs) == [[0, 1], [2, 3]]


def test_rows_of_one_outlet_pair_do_not_join() -> None:
    # the only strong pairs across come from one outlet's two articles
    same_outlet = make_ref(
        "The dam's turbines went offline Thursday after a line burned.", "Outlet A", article="A-2"
    )
    refs = [CUT_OFF, SEVERED, same_outlet, BACK]
    pairs = {(0, 1): 0.5, (2, 3): 0.5, (0, 2): 0.5, (1, 3): 0.3, (0, 3): 0.1, (1, 2): 0.1}
    assert _run(_sim(pairs, 4), [[0, 1], [2, 3]], refs) == [[0, 1], [2, 3]]


def test_the_rule_is_off_at_threshold_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "SUPPORT_THRESHOLD", 0.0)
    refs = [CUT_OFF, SEVERED, OFFLINE, BACK]
    assert _run(_sim(BROAD, 4), [[0, 1], [2, 3]], refs) == [[0, 1], [2, 3]]


# a row of three retellings and a lone fourth: the lone one matches one of them closely
LONE = make_ref("Engineers said the dam lost its last power line on Thursday, its first outage.", "Outlet E")


def test_a_lone_sentence_joins_a_larger_row_whose_sentences_relate_to_it() -> None:
    refs = [CUT_OFF, SEVERED, OFFLINE, LONE]
    row = {(0, 1): 0.5, (0, 2): 0.5, (1, 2): 0.5}
    # LONE's best match is close (0.45); the larger row's sentences relate to it at 0.45, 0.2, 0.2
    related = {**row, (0, 3): 0.45, (1, 3): 0.2, (2, 3): 0.2}
    assert _run(_sim(related, 4), [[0, 1, 2], [3]], refs) == [[0, 1, 2, 3]]


def test_a_lone_sentence_stays_out_of_a_row_whose_other_sentences_say_something_else() -> None:
    refs = [CUT_OFF, SEVERED, OFFLINE, LONE]
    row = {(0, 1): 0.5, (0, 2): 0.5, (1, 2): 0.5}
    # one close pair, but the larger row's other sentences share nothing with it (mean 0.15 < 0.2)
    unrelated = {**row, (0, 3): 0.45, (1, 3): 0.0, (2, 3): 0.0}
    assert _run(_sim(unrelated, 4), [[0, 1, 2], [3]], refs) == [[0, 1, 2], [3]]


def test_two_rows_do_not_join_into_a_row_larger_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # a topic's many rows would otherwise chain into one grab-bag (on ukraine-media "bridge" built a row of
    # 159 sentences about the blast, the strikes after it and the reactions to both)
    refs = [CUT_OFF, SEVERED, OFFLINE, BACK]
    monkeypatch.setattr(joining, "SUPPORT_MAX_SIZE", 4)
    assert _run(_sim(BROAD, 4), [[0, 1], [2, 3]], refs) == [[0, 1, 2, 3]]
    monkeypatch.setattr(joining, "SUPPORT_MAX_SIZE", 3)
    assert _run(_sim(BROAD, 4), [[0, 1], [2, 3]], refs) == [[0, 1], [2, 3]]


def test_by_default_two_large_rows_stay_apart_where_two_small_ones_join() -> None:
    def rows_of(half: int) -> list[list[int]]:
        texts = [CUT_OFF.text, SEVERED.text, OFFLINE.text, BACK.text]
        refs = [make_ref(texts[k % 4], f"Outlet {k}", article=f"a{k}") for k in range(2 * half)]
        sim = np.full((2 * half, 2 * half), 0.4, dtype=np.float32)
        sim[:half, :half] = sim[half:, half:] = 0.5
        return _run(sim, [list(range(half)), list(range(half, 2 * half))], refs)

    small = 5
    assert rows_of(small) == [list(range(2 * small))]
    large = joining.SUPPORT_MAX_SIZE // 2 + 1
    assert rows_of(large) == [list(range(large)), list(range(large, 2 * large))]
