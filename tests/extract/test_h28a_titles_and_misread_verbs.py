"""Subjects whose verb the tagger read as a noun, or whose name it read as a verb (issue 15, h28a).

- a title of a deciding body whose verb the parser took for a plural noun: "Senate panel votes to ..." (the
  verbs of an institution's decision, as "court rules against ..." already was; not with a subject that is
  no deciding body);
- a sentence, a title included, whose name after an opening phrase and its comma the parser read as a verb
  or a common noun, and the real verb as that word's plural object: "With a month left, Thump still ducks
  on the tariffs";
- a present-tense stance form tagged as a plural noun but parsed as the root with a subject before it:
  "Grant still ducks on the tariffs".

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def _sources(text: str) -> set[str]:
    return {s for s, _ in listed(text)}


def test_a_title_of_a_deciding_body_with_its_verb_read_as_a_noun() -> None:
    text = "Senate panel votes to subpoena port chief Ida Roe.\n\nThe panel met on Tuesday behind closed doors."
    assert ("Senate panel", "votes") in listed(text)
    # the same verb after a noun that is no deciding body names no one
    assert not any(c == "votes" for _, c in listed("Late harbour votes to close the pier.\n\nThe pier is old."))


def test_a_name_after_an_opening_phrase_read_as_a_verb() -> None:
    text = "The ferry fares rose again.\n\nWith a month left, Thump still ducks on the tariffs."
    assert ("Thump", "ducks") in listed(text)


def test_a_title_whose_name_after_an_opening_phrase_is_read_as_a_verb() -> None:
    text = "With a month left, Thump still ducks on the tariffs.\n\nThe ferry fares rose again in May."
    assert ("Thump", "ducks") in listed(text)


def test_a_stance_form_read_as_a_plural_root_with_a_subject() -> None:
    for name in ("Grant", "Stump"):
        assert (name, "ducks") in listed(f"With a month left, {name} still ducks on the tariffs.")
    # a plural noun that is no root, with no subject, stays a noun
    assert not listed("The ducks on the pond were fed twice a day.")
