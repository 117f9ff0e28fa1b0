"""Sources named by a writing or behind a misread word (issue 15, h28a).

- "according to" before a noun the parser read as a verb ("show", "crew") with the source's head for its
  object: the two words are the source ("according to show employees");
- an "as" clause of a reporting participle with no subject, and the writing it stands in after "in": "as
  reported in the Harbour Ledger", "as noted in the port audit", "as stated in Ida Roe's column" (a name,
  a writing someone named owns, or a noun of a document or data); "as seen in May" or "as noted in passing"
  names no one.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def _sources(text: str) -> set[str]:
    return {s for s, _ in listed(text)}


def test_according_to_a_noun_read_as_a_verb() -> None:
    for who in ("show employees", "show crew members"):
        assert (who, "according to") in listed(f"The host belittled the guests in private, according to {who}.")


def test_as_reported_in_a_named_outlet() -> None:
    assert ("the Harbour Ledger", "reported") in listed("As reported in the Harbour Ledger, the pier will close in June.")


def test_as_noted_in_a_document() -> None:
    assert ("the port audit", "noted") in listed("As noted in the port audit, the ferry lost money for a third year.")


def test_as_stated_in_a_named_writer_s_column() -> None:
    assert "Ida Roe's column" in _sources("As stated in Ida Roe's column, the fares have doubled since May.")


def test_as_clauses_that_name_no_writing() -> None:
    # a time or a manner after "in" is no writing; and the rule wants the writing right after the participle
    assert not listed("As seen in May, the fares rose again.")
    assert not listed("As noted in passing, the fares rose again.")
    assert ("the Harbour Ledger", "reported") in listed("As reported in the Harbour Ledger, fares rose again.")
