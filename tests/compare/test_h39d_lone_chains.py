"""A lone statement joins a row through a sentence that was in it before the lone joins, not one that joined it
there: no chains of statements, each like the last (join_lone_statements, LONE_NO_CHAIN)."""

from __future__ import annotations

import numpy as np
import pytest

from desk.compare import joining
from desk.compare.joining import join_lone_statements
from desk.compare.profile import profile
from desk.model import PassageRef

from .helpers import make_ref

# the row: a warning about the weir told by two outlets
WARNED = make_ref("Engineers warned the old weir above Tallow could burst and flood the lower valley.", "Outlet A")
WARNED_B = make_ref("The old weir above Tallow may burst and flood the valley, engineers warned.", "Outlet B")
# a lone retelling of the warning, closest to the second sentence
RETOLD = make_ref("Valley farmers fear the weir could burst after engineers gave their warning.", "Outlet C")
# a lone sentence on another matter that shares words with the retelling only
FARMERS = make_ref("Valley farmers fear a poor harvest after a dry summer, their union said.", "Outlet D")
FILLER = [make_ref(f"Notice {i}: the bus timetable changes for the winter season.", f"Filler {i}") for i in range(8)]

# the retelling (2) matches the row's second sentence (1); the farmers' sentence (3) matches only the retelling
PAIRS = {(0, 1): 0.6, (1, 2): 0.35, (2, 3): 0.3}


#: a second lone retelling, from a fourth outlet, close to the row's second sentence
NOTICE = make_ref("A council notice says the weir above Tallow could burst, as engineers warned.", "Outlet D")


def _run(pairs: dict[tuple[int, int], float], last: PassageRef = FARMERS) -> list[list[int]]:
    refs = [WARNED, WARNED_B, RETOLD, last]
    n = len(refs) + len(FILLER)
    sim = np.zeros((n, n), dtype=np.float32)
    for (i, j), v in pairs.items():
        sim[i, j] = sim[j, i] = v
    profiles = [profile(r) for r in [*refs, *FILLER]]
    groups = [[0, 1], [2], [3], *([len(refs) + k] for k in range(len(FILLER)))]
    out = join_lone_statements(groups, sim, profiles, np.arange(n))
    return sorted(g for g in out if g[0] < len(refs))


def test_a_lone_statement_does_not_join_through_one_that_joined_the_row_here() -> None:
    assert _run(PAIRS) == [[0, 1, 2], [3]]


def test_with_chains_allowed_the_farmers_join_through_the_retelling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "LONE_NO_CHAIN", False)
    assert _run(PAIRS) == [[0, 1, 2, 3]]


def test_a_lone_statement_matching_a_sentence_of_the_row_still_joins() -> None:
    assert _run({(0, 1): 0.6, (1, 2): 0.35, (1, 3): 0.3}, NOTICE) == [[0, 1, 2, 3]]
