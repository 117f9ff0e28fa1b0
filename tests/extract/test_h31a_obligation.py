"""Claimant rules of session h31a (issue 15): what someone ought to do is not what they said or hold.

"The council should pass a levy", "the mayor must explain the fees": a modal of obligation after the subject
gives the writer's (or someone else's) view of what the subject ought to do; the subject takes no position and
says nothing there, so it is not listed.  "Should the council reject the levy, ..." opens a condition (the modal
before the subject) and is read as before, as is the writer's own "I should say that ...".

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_an_obligation_names_no_source() -> None:
    assert listed("The council should pass a levy to fix the harbour wall.") == []
    # (a condition opened by "should" still tells what the council does)
    assert ("the council", "reject") in listed("Should the council reject the levy, the port will appeal.")
    assert listed("The council will pass a levy to fix the harbour wall.") == [("The council", "pass")]
