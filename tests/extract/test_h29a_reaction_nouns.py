"""A noun of reaction and the "from" or "by" that names who voiced it (issue 15, h29a).

- "repeated warnings from the harbour board that ...", "an outcry from dock workers", "the decision by the
  port authority to ...", "heavy criticism from sailors": the one named after "from" or "by" is listed as the
  source, the noun as the cue (the parser may hang the "from" on the verb: "drew an outcry from ...");
- only someone who can hold a view voices one ("no response from the engine" names nobody), nouns of
  pressure or request are left out, and a writing already cited by "according to" is not listed twice.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_the_maker_after_from_or_by_is_listed() -> None:
    got = listed("The plan drew repeated warnings from the harbour board that the pier would sink.")
    assert ("the harbour board", "warnings") in got
    assert ("dock workers' unions", "outcry") in listed("The ferry cuts drew an outcry from dock workers' unions.")
    got = listed("The decision by the port authority to close the pier angered sailors.")
    assert ("the port authority", "decision") in got
    got = listed("The mayor faced heavy criticism from sailors and dock workers after the vote.")
    assert ("sailors", "criticism") in got
    # a no-break space between the noun and "from" (as web pages often have) changes nothing
    got = listed("The mayor faced heavy criticism\u00a0from dock workers after the vote.")
    assert ("dock workers", "criticism") in got


def test_only_someone_who_holds_a_view_voices_one() -> None:
    assert ("many sailors", "response") in listed("The first response from many sailors was anger at the board.")
    assert listed("There was no response from the engine.") == []
    assert listed("The board made the decision by Friday.") == []
    assert listed("The pier closed under pressure from the harbour board.") == []


def test_a_writing_cited_by_according_to_is_not_listed_again() -> None:
    assert ("Norland", "complaint") in listed("The vote followed a complaint by Norland that the pier was unsafe.")
    got = listed("According to a lawsuit lodged by the harbour board and a second complaint by Norland, "
                 "the pier was unsafe.")
    assert not any(cue == "complaint" for _, cue in got)
