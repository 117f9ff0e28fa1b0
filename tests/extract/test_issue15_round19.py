"""Claimant rules, nineteenth round (issue 15, "Attribution on unseen text"): phrases that name no source.

- a finite verb the parser took for a subject ("some note that Varga ... has proposed"): the "subject" is a
  clause, and a clause is never a source phrase (the clause's own "some note" is still listed);
- a relative clause on a pronoun for anyone at all ("anybody who complains", "everyone who objects")
  speaks of no one in particular: no "who" is listed for it ("a ferryman who complains" still is);
- a restrictive "that" clause with a stance verb and no clause of its own ("towns that support the plan",
  "firms that oppose the levy") sorts things into kinds: no one takes a stand, and no "that" is listed
  ("a panel that agreed the mayor won", which states what the panel holds, still is).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from .helpers import listed


def test_a_clause_read_as_the_subject_is_no_source() -> None:
    text = (
        "But some note that Varga — even as she says her record on harbour fees makes her uniquely fit to rewrite "
        "them — has so far offered almost nothing that would cut the levies she enjoys."
    )
    got = listed(text)
    assert not any("note that" in source for source, _ in got), got
    assert ("some", "note") in got


@pytest.mark.parametrize(
    "text",
    [
        "Anybody who complains about the noise is not welcome, the landlord said.",
        "The warden shrugged: everyone who objects to the curfew can write to the board.",
    ],
)
def test_a_relative_on_anyone_at_all_names_no_source(text: str) -> None:
    assert not any(source.lower() == "who" for source, _ in listed(text))


def test_a_relative_on_a_person_is_still_listed() -> None:
    assert ("who", "complains") in listed("A ferryman who complains about the tolls was fined on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "Lobbyists from mining firms that oppose the levy crowded the hall.",
        "Most of the funds come from donors that back the governor.",
    ],
)
def test_a_restrictive_that_clause_of_a_stance_takes_no_stand(text: str) -> None:
    assert not any(source.lower() == "that" for source, _ in listed(text))


def test_a_that_clause_stating_what_is_held_is_still_listed() -> None:
    text = "Writing for a Harbour Courier panel that all agreed Mayor Stenholm won the debate, Ida Roos praised her."
    assert ("that", "agreed") in listed(text)
