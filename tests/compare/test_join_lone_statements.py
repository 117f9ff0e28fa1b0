"""A sentence without figures that no row took joins the row of its closest match from another outlet."""

import numpy as np
import pytest

from desk.compare import joining
from desk.compare.grouping import build_rows
from desk.compare.joining import join_lone_statements
from desk.compare.profile import profile

from .helpers import make_ref

# one statement told by three outlets in other words
STOPPED_SHORT = make_ref(
    "The Varnian government stopped short of claiming the ferry attack, although several ministers openly "
    "praised the damage.", "Outlet A")
NO_CLAIM = make_ref(
    "Officials in the Varnian government have not said they carried out the ferry attack, a spokesman told "
    "reporters in the evening.", "Outlet B")
RETOLD = make_ref(
    "Nobody in the Varnian government has owned up to the attack on the ferry, which sank near the northern "
    "pier at dawn.", "Outlet C")
# another fact of the topic
DIVERS = make_ref("Navy divers searched the harbour for the missing crew of the ferry.", "Outlet A", article="A-2")
DIVERS_B = make_ref("Divers from the navy kept searching the harbour for the missing crew.", "Outlet B", article="B-2")
# the same retelling with a figure: figures join through their figures, never here
RETOLD_TOLL = make_ref(
    "Nobody in the Varnian government has owned up to the ferry attack that killed 14 sailors near the pier.",
    "Outlet C",
    figures=[("14", 14, "", "sailors killed", "")],
)
# the retelling from the outlet of the row's only other sentence
SAME_OUTLET = make_ref(
    "Nobody in the Varnian government has owned up to the ferry attack at the northern pier.", "Outlet A",
    article="A-3")
# two short sentences that share a word or two and reach the edge by their shortness
SHORT_A = make_ref("My ferry story is not unique.", "Outlet A", article="A-4")
SHORT_B = make_ref("Every ferry story ends the same.", "Outlet B", article="B-4")
# sentences of other topics: the candidates of a comparison are many, and the statement's words rare among them
FILLER = [make_ref(f"Notice {i}: the bus timetable changes for the winter season.", f"Filler {i}") for i in range(8)]


def _sim(pairs: dict[tuple[int, int], float], n: int) -> np.ndarray:
    sim = np.zeros((n + len(FILLER), n + len(FILLER)), dtype=np.float32)
    for (i, j), v in pairs.items():
        sim[i, j] = sim[j, i] = v
    return sim


def _run(sim: np.ndarray, groups: list[list[int]], refs: list) -> list[list[int]]:  # type: ignore[type-arg]
    """The rows of ``refs`` after the join (the fillers, each a row of its own, left out)."""
    profiles = [profile(r) for r in [*refs, *FILLER]]
    fillers = [[len(refs) + k] for k in range(len(FILLER))]
    out = join_lone_statements([*groups, *fillers], sim, profiles, np.arange(len(profiles)))
    return sorted(g for g in out if g[0] < len(refs))


# the retelling (2) matches the statement's row (0, 1) at 0.3 and the divers' row (3, 4) at 0.2
PAIRS = {(0, 1): 0.6, (3, 4): 0.6, (1, 2): 0.3, (0, 2): 0.15, (2, 3): 0.2}


def test_a_lone_retelling_joins_the_row_of_its_closest_match() -> None:
    refs = [STOPPED_SHORT, NO_CLAIM, RETOLD, DIVERS, DIVERS_B]
    assert _run(_sim(PAIRS, 5), [[0, 1], [2], [3, 4]], refs) == [[0, 1, 2], [3, 4]]


def test_a_lone_retelling_below_the_edge_stays_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "LONE_EDGE", 0.35)
    refs = [STOPPED_SHORT, NO_CLAIM, RETOLD, DIVERS, DIVERS_B]
    assert _run(_sim(PAIRS, 5), [[0, 1], [2], [3, 4]], refs) == [[0, 1], [2], [3, 4]]


def test_two_lone_retellings_from_two_outlets_make_one_row() -> None:
    refs = [STOPPED_SHORT, RETOLD, DIVERS]
    assert _run(_sim({(0, 1): 0.3, (1, 2): 0.1}, 3), [[0], [1], [2]], refs) == [[0, 1], [2]]


def test_two_short_sentences_sharing_a_word_or_two_stay_apart() -> None:
    refs = [SHORT_A, SHORT_B]
    assert _run(_sim({(0, 1): 0.4}, 2), [[0], [1]], refs) == [[0], [1]]


def test_a_lone_sentence_with_a_figure_does_not_join_by_its_words() -> None:
    refs = [STOPPED_SHORT, NO_CLAIM, RETOLD_TOLL, DIVERS, DIVERS_B]
    assert _run(_sim(PAIRS, 5), [[0, 1], [2], [3, 4]], refs) == [[0, 1], [2], [3, 4]]


def test_a_lone_sentence_does_not_join_a_row_through_its_own_outlet() -> None:
    # the retelling's only close match is from its own outlet
    refs = [STOPPED_SHORT, SAME_OUTLET, DIVERS, DIVERS_B]
    sim = _sim({(2, 3): 0.6, (0, 1): 0.5, (1, 2): 0.1}, 4)
    assert _run(sim, [[0], [1], [2, 3]], refs) == [[0], [1], [2, 3]]


def test_rows_of_two_of_other_facts_do_not_join_here() -> None:
    # a close pair across two rows of two that share no rare words: two facts
    refs = [STOPPED_SHORT, NO_CLAIM, DIVERS, DIVERS_B]
    sim = _sim({(0, 1): 0.6, (2, 3): 0.6, (1, 2): 0.5}, 4)
    assert _run(sim, [[0, 1], [2, 3]], refs) == [[0, 1], [2, 3]]


def test_a_lone_retelling_joins_only_one_row() -> None:
    # it matches both rows; once it has joined the closer one it is no longer alone
    refs = [STOPPED_SHORT, NO_CLAIM, RETOLD, DIVERS, DIVERS_B]
    pairs = {(0, 1): 0.6, (3, 4): 0.6, (1, 2): 0.32, (2, 3): 0.3}
    assert _run(_sim(pairs, 5), [[0, 1], [2], [3, 4]], refs) == [[0, 1, 2], [3, 4]]


def _rows_of_texts(rows: list) -> list[list[str]]:  # type: ignore[type-arg]
    return sorted(sorted(p.text for c in r.cells.values() for p in c) for r in rows)


def test_lone_retellings_join_in_a_whole_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    # end to end: the three statements share too few words for the grouping to make them one row (each
    # stays alone); this join makes them one, and the divers' row stays apart
    refs = [STOPPED_SHORT, NO_CLAIM, RETOLD, DIVERS, DIVERS_B, *FILLER]
    statement = sorted([STOPPED_SHORT.text, NO_CLAIM.text, RETOLD.text])
    divers = sorted([DIVERS.text, DIVERS_B.text])
    rows = _rows_of_texts(build_rows(refs))
    assert statement in rows
    assert divers in rows
    monkeypatch.setattr(joining, "LONE_EDGE", 0.0)
    rows = _rows_of_texts(build_rows(refs))
    assert statement not in rows
    assert divers in rows


def test_the_first_scan_of_the_matrix_keeps_the_pairs_this_join_asks_for() -> None:
    # a step asking for pairs below the scope's floor scans the whole matrix a second time
    from desk.compare import scope

    assert scope.SCAN_FLOOR <= joining.LONE_EDGE


def test_a_lone_retelling_does_not_join_a_row_that_is_already_large(monkeypatch: pytest.MonkeyPatch) -> None:
    # a row that holds LONE_MAX_ROW sentences compares widely already: a sentence that matches one of them
    # stays a row of its own rather than swell a row towards a topic's grab-bag
    refs = [STOPPED_SHORT, NO_CLAIM, RETOLD, DIVERS, DIVERS_B]
    monkeypatch.setattr(joining, "LONE_MAX_ROW", 3)
    assert _run(_sim(PAIRS, 5), [[0, 1], [2], [3, 4]], refs) == [[0, 1, 2], [3, 4]]
    monkeypatch.setattr(joining, "LONE_MAX_ROW", 2)
    assert _run(_sim(PAIRS, 5), [[0, 1], [2], [3, 4]], refs) == [[0, 1], [2], [3, 4]]


# the retelling counts something, but with a figure below 10: no value joins it to a row of figures, so it
# is a statement like the others ("three ministers" says who, not how many died)
RETOLD_FEW = make_ref(
    "Three ministers of the Varnian government said nobody had owned up to the attack on the ferry near the "
    "northern pier.",
    "Outlet C",
    figures=[("Three", 3, "", "ministers", "")],
)


def test_a_lone_retelling_with_only_a_small_figure_joins_as_a_statement() -> None:
    assert profile(RETOLD_FEW).facts  # a counted thing ...
    assert not profile(RETOLD_FEW).values  # ... and no value of 10 or more
    refs = [STOPPED_SHORT, NO_CLAIM, RETOLD_FEW, DIVERS, DIVERS_B]
    assert _run(_sim(PAIRS, 5), [[0, 1], [2], [3, 4]], refs) == [[0, 1, 2], [3, 4]]


def test_a_lone_retelling_with_a_small_figure_stays_alone_without_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "LONE_SMALL_FIGURES", False)
    refs = [STOPPED_SHORT, NO_CLAIM, RETOLD_FEW, DIVERS, DIVERS_B]
    assert _run(_sim(PAIRS, 5), [[0, 1], [2], [3, 4]], refs) == [[0, 1], [2], [3, 4]]


# the statement retold by a fourth outlet: with RETOLD it makes a small row of its own
RETOLD_D = make_ref(
    "Nobody in the Varnian government has owned up to the ferry attack, the harbour master said.", "Outlet D",
    article="D-1")
# two rows of two retellings of one statement, and the divers' row; one close pair across the first two
SMALL_ROWS = {(0, 1): 0.6, (2, 3): 0.6, (1, 2): 0.3, (4, 5): 0.6, (3, 4): 0.1}


def test_a_small_row_of_retellings_joins_the_row_of_its_closest_match() -> None:
    refs = [STOPPED_SHORT, NO_CLAIM, RETOLD, RETOLD_D, DIVERS, DIVERS_B]
    assert _run(_sim(SMALL_ROWS, 6), [[0, 1], [2, 3], [4, 5]], refs) == [[0, 1, 2, 3], [4, 5]]


def test_rows_beyond_the_small_size_do_not_join(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "LONE_ROW_SIZE", 1)
    refs = [STOPPED_SHORT, NO_CLAIM, RETOLD, RETOLD_D, DIVERS, DIVERS_B]
    assert _run(_sim(SMALL_ROWS, 6), [[0, 1], [2, 3], [4, 5]], refs) == [[0, 1], [2, 3], [4, 5]]


def test_a_small_row_holding_a_figure_of_ten_or_more_does_not_move(monkeypatch: pytest.MonkeyPatch) -> None:
    # the retelling (3) shares its row with a toll (4): that row joins through its figures, never here; the
    # statement's row (0, 1, 2) is too large to move
    monkeypatch.setattr(joining, "LONE_ROW_SIZE", 2)
    toll_d = make_ref("The ferry attack killed 14 sailors, the harbour master said.", "Outlet D", article="D-2",
                      figures=[("14", 14, "", "sailors killed", "")])
    declined = make_ref("A spokesman declined to say who was behind the sinking.", "Outlet E", article="E-1")
    refs = [STOPPED_SHORT, NO_CLAIM, declined, RETOLD, toll_d]
    sim = _sim({(0, 1): 0.6, (1, 2): 0.6, (3, 4): 0.6, (1, 3): 0.3}, 5)
    assert _run(sim, [[0, 1, 2], [3, 4]], refs) == [[0, 1, 2], [3, 4]]
    # ... and with a statement in place of the toll, the small row joins
    refs[4] = RETOLD_D
    assert _run(sim, [[0, 1, 2], [3, 4]], refs) == [[0, 1, 2, 3, 4]]
