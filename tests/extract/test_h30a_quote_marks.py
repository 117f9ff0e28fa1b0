"""Sources inside a quotation that the listing took for a speech tag or did not see as quoted (issue 15, h30a).

- '"...," the mayor said. "Sailors worry ..."': a straight mark after a stop and a space, glued to the word
  after it, opens the next quotation; it is no closing mark with a speech tag after it, so the source inside
  ("Sailors") is the quoted person's words and not listed;
- some papers' text writes a quotation mark as two apostrophes (''...''): a source inside such a quotation is
  left out as inside any other, while a tag after its closing pair and the writer's own sentences stay listed.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_a_mark_glued_to_the_next_word_opens_a_quotation() -> None:
    got = listed('"The ferry will sail again by spring," said Ana Roe, who chairs the harbour board. '
                 '"Sailors worry about what the new pier will cost."')
    assert got == [("Ana Roe", "said")]
    got = listed('"The ferry will sail again," the mayor said. "People say the old pier is rotten, but it holds."')
    assert got == [("the mayor", "said")]
    # a tag after a closing mark is still read
    assert listed('"The pier holds," said the mayor.') == [("the mayor", "said")]


def test_two_apostrophes_quote_as_a_mark_does() -> None:
    got = listed("''The ferry will sail again,'' the mayor said. ''Sailors say the old pier is rotten, "
                 "but it holds.''")
    assert got == [("the mayor", "said")]
    got = listed("''The old pier tells the story of a town that lived by the sea,'' the mayor declared.")
    assert got == [("the mayor", "declared")]
    # a scare-quoted phrase leaves the writer's own sentence listed
    got = listed("The mayor said the ''harbour deal'' would fail, and sailors say the pier is rotten.")
    assert ("sailors", "say") in got
