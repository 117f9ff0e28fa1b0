"""Claimant rules of session h39b (issue 15).

- A poll's share written right before a verb of choosing, perhaps after "would", is that answer's source also
  where the parser hung the share or the verb elsewhere: in "... and 40 percent would back Lind" it may read
  "back" as an adverb, and in "... prefer Vance and 2 percent support Ortiz" it may take the name before the
  share for the verb's subject.  A noun right after the share ("85 percent support among ...") is a level of
  support, not an answer, and a share of a thing ("40 percent of the budget") is nobody's answer.  A share
  joined to a subject whose verb is read already ("The harbour master and 25 percent of the pilots support ...")
  adds no source of its own.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed

_FOUR_WAY = (
    "Among adults in the survey, 51 percent would pick Roe and 40 percent would back Lind, "
    "while 6 percent prefer Vance and 2 percent support Ortiz."
)


def test_every_share_of_a_four_way_answer_is_a_source() -> None:
    got = listed(_FOUR_WAY)
    assert sorted(got) == sorted([
        ("51 percent", "pick"), ("40 percent", "back"), ("6 percent", "prefer"), ("2 percent", "support"),
    ]), got


def test_a_share_after_a_modal_and_an_adverb_keeps_its_of_phrase() -> None:
    got = listed("Of those asked, 12% of voters would still favour the levy.")
    assert got == [("12% of voters", "favour")], got


def test_a_share_read_already_is_listed_once() -> None:
    got = listed("In the ferry poll, 48 percent backed the levy and 30 percent would oppose it.")
    assert [src for src, cue in got if cue in ("backed", "oppose")] == ["48 percent", "30 percent"], got


def test_a_level_of_support_written_as_a_noun_names_no_one() -> None:
    got = listed("Roe now has 85 percent support among rural voters, and Lind has 4 percent support in the port wards.")
    assert not any(cue == "support" for _, cue in got), got


def test_a_share_of_a_thing_is_no_answer() -> None:
    got = listed("In the ferry poll, 40 percent of the budget would back the rail line.")
    assert not any(cue == "back" for _, cue in got), got


def test_a_share_joined_to_a_subject_that_has_its_verb_adds_no_source() -> None:
    # (the verb is read already, with the name before the share as its subject)
    got = listed("The harbour master and 25 percent of the pilots support the longer shifts.")
    assert got == [("The harbour master", "support")], got
