"""Set phrases that state a position though their verb alone says nothing (issue 15, h30a).

- "X took issue with / took exception to / took offense at Y" (not "took the issue to court");
- "X is doubling down on Y" (not "doubled the toll"); "X sounded the alarm / a call / a warning" (not "sounded
  the horn"); "X referred to Y as Z", naming Y so (not "referred to the report");
- "X went after Y" (someone: not "went after the scraps"), "X went on about Y";
- "X is against Y" with someone who can hold a view as X ("the vote is against him" holds none).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_taking_issue_or_offense() -> None:
    assert ("The ferry union", "took") in listed("The ferry union took issue with the new timetable.")
    assert ("The lighthouse keeper", "took") in listed("The lighthouse keeper took offense at claims that he slept.")
    assert ("The board", "took") in listed("The board took exception to the mayor's remarks on the quay.")
    assert listed("The ferry union took the matter to the harbour court.") == []


def test_doubling_down_and_sounding_the_alarm() -> None:
    got = listed("The harbour mayor is doubling down on her attacks against the dock board.")
    assert ("The harbour mayor", "doubling") in got
    assert listed("The dock board doubled the fee for night moorings.") == []
    got = listed("Coastguard chiefs sounded the alarm about the state of the old breakwater.")
    assert ("Coastguard chiefs", "sounded") in got
    got = listed("The bishop sounded a call for calm after the storm surge.")
    assert ("The bishop", "sounded") in got
    assert listed("The tug captain sounded the horn twice at dawn.") == []


def test_naming_someone_so_and_being_against() -> None:
    assert ("The old skipper", "referred") in listed("The old skipper referred to the harbour master as a pirate.")
    assert listed("The harbour master referred to the tide tables during the inquiry.") == []
    assert ("The skipper's union", "against") in listed("The skipper's union is against the new wind farm.")
    assert listed("The tide is against the rowers this morning.") == []


def test_going_after_someone_and_going_on_about_something() -> None:
    got = listed("The harbour mayor has gone after the board chairman as a liar.")
    assert ("The harbour mayor", "gone") in got
    assert ("The old skipper", "went") in listed("The old skipper went on about the rigged count for an hour.")
    assert listed("The gulls went after the scraps on the quay.") == []
