"""Source phrases the filter turned away (issue 15, h29a).

- "far fewer publications", "two magazines": publications are outlets, as newspapers are;
- "one Twitter user @harbourfan": a handle after the role a new source is introduced by names that user
  (a handle alone still names nobody);
- "one or more of the trustees": "or more" belongs to the count that speaks, which the parser had cut
  at the "or" (leaving "one").

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract.cues import acceptable_source

from .helpers import listed


def test_publications_are_outlets() -> None:
    assert ("fewer publications", "backed") in listed("The mayor, meanwhile, is backed by far fewer publications.")
    assert acceptable_source("magazines", "two magazines")


def test_a_handle_after_a_new_sources_role() -> None:
    assert ("one Twitter user @harbourfan", "pointed") in listed("As one Twitter user @harbourfan pointed out, the fares doubled.")
    assert not acceptable_source("@harbourfan", "@harbourfan")


def test_one_or_more_of_them_is_one_source() -> None:
    got = listed("The pact stalled when one or more of the harbour trustees backed the ferry owners.")
    assert ("one or more of the harbour trustees", "backed") in got
    assert ("Two or more of the engineers", "said") in listed("Two or more of the engineers said the pier was unsafe.")
