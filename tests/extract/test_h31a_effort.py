"""Claimant rules of session h31a (issue 15): what someone tried to say, with what it says.

A verb of effort ("try", "seek", "attempt") with an infinitive says what was only tried ("The mayor sought to
question the harbour chief" names no source).  When the infinitive is a saying whose clause gives its content
("sought to argue that ...", "tried hard to make her case that ..."), the content was said: the effort's subject
is its source.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_an_attempt_to_argue_a_clause_is_a_source() -> None:
    assert listed("Dunmore's mayor sought to argue that the new levy would pay for itself.") == [
        ("Dunmore's mayor", "argue")
    ]
    assert listed("The harbour chief tried hard to make her case that the ferry fares were fair.") == [
        ("The harbour chief", "make")
    ]
    # (an effort without a content clause is only tried)
    assert listed("The mayor sought to question the harbour chief.") == []
    got = listed("The harbour chief tried to reach sailors who felt that the fares were unfair.")
    assert not any(s == "The harbour chief" for s, _ in got), got
