"""A figure written in a unit of measure shares its value with another figure only in that unit, and a
shared distance joins no passages: "30 miles from the dam" tells where a place lies, not what happened."""

from __future__ import annotations

import numpy as np

from desk.compare.grouping import _pair_evidence, similarity_matrix
from desk.compare.profile import counts_compatible, is_distance, is_measure, profile

from .helpers import fact_key_in as _key
from .helpers import make_ref

AWAY = _key("The depot lies some 30 miles away from the front, officers said.", "30", "miles away")
RADIUS = _key("Families inside a 30-mile radius around the dam were told to pack.", "30", "")
KM = _key("The column stopped 30 km short of the river crossing.", "30", "km")
FIGHTERS = _key("Up to 30 militiamen were killed in the raid on the ridge.", "30", "militiamen killed")
CARGO = _key("The barge carried 30 tonnes of barley downriver.", "30", "tonnes of barley")
METRIC = _key("The barge carried 30 metric tonnes of wheat downriver.", "30", "metric tonnes of wheat")


def test_a_unit_is_read_from_the_counted_phrase_or_from_a_hyphen() -> None:
    for key in (AWAY, RADIUS, KM, CARGO, METRIC):
        assert is_measure(key), key
    assert not is_measure(FIGHTERS)
    # "miles away" measures in miles: the last word is no counted thing
    assert AWAY == RADIUS
    # "metric tonnes of wheat" and "tonnes of barley" are both weights in tonnes
    assert CARGO is not None
    assert METRIC is not None
    assert CARGO.head == METRIC.head


def test_only_lengths_are_distances() -> None:
    assert is_distance(AWAY)
    assert is_distance(RADIUS)
    assert is_distance(KM)
    assert not is_distance(CARGO)
    assert not is_distance(FIGHTERS)
    assert not is_distance(None)


def test_a_measure_and_a_count_of_people_are_two_quantities() -> None:
    assert not counts_compatible(AWAY, FIGHTERS)
    assert not counts_compatible(FIGHTERS, CARGO)
    # two units are two quantities, even of one kind
    assert not counts_compatible(AWAY, KM)
    assert counts_compatible(AWAY, RADIUS)
    assert counts_compatible(CARGO, METRIC)


RAID = make_ref(
    "Up to 30 militiamen were killed in the raid on the ridge, the northern command said.",
    "Outlet A",
    figures=[("30", 30, "up to", "militiamen killed", "northern command")],
)
DAM = make_ref(
    "Families inside a 30-mile radius around the dam were told to pack their bags.",
    "Outlet B",
    figures=[("30", 30, "", "", "")],
)
DEPOT = make_ref(
    "The depot, some 30 miles away from the dam, was hit by rockets on Tuesday.",
    "Outlet C",
    figures=[("30", 30, "some", "miles away", "")],
)
BARGES = make_ref(
    "Two barges left the quay with 30 tonnes of barley for the mills.",
    "Outlet D",
    figures=[("30", 30, "", "tonnes of barley", "")],
)
HOLDS = make_ref(
    "The harbour master said the barges held 30 tonnes of barley between them.",
    "Outlet E",
    figures=[("30", 30, "", "tonnes of barley", "harbour master")],
)
FILLER = [make_ref(f"Unrelated note number {i} about the weather in the hills.", f"Outlet {i}") for i in range(6)]


def test_a_shared_value_joins_a_toll_and_a_distance_no_more() -> None:
    raid, dam, depot = (profile(r) for r in (RAID, DAM, DEPOT))
    rare = frozenset({30.0})
    assert not _pair_evidence(raid, dam, rare)
    assert not _pair_evidence(raid, depot, rare)


def test_a_shared_distance_gives_no_bonus_but_a_shared_weight_does() -> None:
    refs = [DAM, DEPOT, BARGES, HOLDS, *FILLER]
    sim = similarity_matrix([profile(r) for r in refs])
    text_only = similarity_matrix([profile(make_ref(r.text, r.outlet, article=r.article_id)) for r in refs])
    # the dam and the depot: 30 miles each, and no more than their words in common
    assert np.isclose(sim[0, 1], text_only[0, 1])
    # the barges: 30 tonnes of barley each, one cargo
    assert sim[2, 3] > text_only[2, 3] + 0.2
