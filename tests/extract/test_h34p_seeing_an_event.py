"""Claimant rule of session h34p (issue 15): "see" with a bare infinitive clause is no view.

"Families would see their rents go up", "officers saw the driver get out of the van": "see" with a clause
that has a subject but no "that" and no auxiliary tells of an event undergone or witnessed, not of a view
held or reported.  "see that ..." and "see X as Y" still give their subject's view.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure, listed


def test_seeing_an_event_is_no_attribution() -> None:
    assert listed("Many tenants would actually see their rents go up under the levy.") == []
    assert listed("Deckhands saw the pilot climb onto the pier.") == []
    # a figure in such a sentence stays the writer's
    text = "If approved, it would see the new ferry overtake the old one, which sailed 900 miles."
    assert claimants_by_figure(text) == {"900": ""}


def test_seeing_that_or_seeing_as_is_still_a_view() -> None:
    assert listed("Deckhands saw the pilot climb onto the pier.") == []
    assert listed("Harbour critics see that the levy will fail.") == [("Harbour critics", "see")]
    assert listed("Ann Roe saw that the levy would fail.") == [("Ann Roe", "saw")]
