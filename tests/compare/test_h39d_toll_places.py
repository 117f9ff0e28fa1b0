"""Tolls of one event told at two places are two facts: their sentences do not link (apart_tolls_by_place)."""

from __future__ import annotations

import numpy as np
import pytest

from desk.compare import grouping
from desk.compare.grouping import apart_tolls_by_place, build_rows, places_remembered, similarity_matrix
from desk.compare.profile import profile

from .helpers import make_ref

#: two nights' shelling of two towns, told alike: the same kind of toll, two places
ASHBURY = make_ref(
    "Overnight shelling killed four people and wounded nine in the town of Ashbury, the regional governor said.",
    "Outlet A",
    figures=[("four", 4, "", "people killed", "regional governor"), ("nine", 9, "", "wounded", "regional governor")],
)
MOREVALE = make_ref(
    "Overnight shelling killed four people and wounded nine in the town of Morevale, the regional governor said.",
    "Outlet B",
    figures=[("four", 4, "", "people killed", "regional governor"), ("nine", 9, "", "wounded", "regional governor")],
)
#: Ashbury's toll retold by a third outlet: one fact with the first
ASHBURY_RETOLD = make_ref(
    "In the town of Ashbury, overnight shelling killed four people and wounded nine, the governor of the region said.",
    "Outlet C",
    figures=[("four", 4, "", "people killed", "governor of the region"), ("nine", 9, "", "wounded", "governor")],
)
#: a toll that names two places (where it happened, and a city nearby): no single place to hold apart by
TWO_PLACES = make_ref(
    "Overnight shelling killed four people and wounded nine in the town of Morevale near the city of Ashbury.",
    "Outlet D",
    figures=[("four", 4, "", "people killed", ""), ("nine", 9, "", "wounded", "")],
)
FILLER = [make_ref(f"A note numbered {i} on rainfall in the upland farms.", f"Filler {i}") for i in range(12)]


def _sim(refs: list) -> np.ndarray:  # type: ignore[type-arg]
    profiles = [profile(r) for r in [*refs, *FILLER]]
    with places_remembered():
        sim = similarity_matrix(profiles)
        return apart_tolls_by_place(sim, profiles, np.arange(len(profiles)))


def _rows(refs: list) -> list[list[str]]:  # type: ignore[type-arg]
    rows = build_rows([*refs, *FILLER])
    return sorted(sorted(r.outlets) for r in rows if not any(o.startswith("Filler") for o in r.outlets))


def test_tolls_of_two_places_do_not_link() -> None:
    sim = _sim([ASHBURY, MOREVALE, ASHBURY_RETOLD])
    assert sim[0, 1] == 0.0
    assert sim[1, 0] == 0.0
    assert sim[1, 2] == 0.0
    assert sim[0, 2] > grouping.EDGE_THRESHOLD  # one place: untouched


def test_tolls_of_two_places_make_two_rows_and_a_retelling_joins_its_place() -> None:
    assert _rows([ASHBURY, MOREVALE, ASHBURY_RETOLD]) == [["Outlet A", "Outlet C"], ["Outlet B"]]


def test_without_the_rule_the_two_places_share_a_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grouping, "TOLL_PLACE_APART", 1.0)
    assert _rows([ASHBURY, MOREVALE]) == [["Outlet A", "Outlet B"]]


def test_a_toll_naming_two_places_is_not_held_apart() -> None:
    sim = _sim([MOREVALE, TWO_PLACES, ASHBURY])
    assert sim[1, 2] > 0.0
    assert sim[0, 1] > 0.0
