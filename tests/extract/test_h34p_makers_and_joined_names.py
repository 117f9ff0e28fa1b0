"""Claimant rules of session h34p (issue 15): whose record "according to" cites, and names joined by "and".

- "according to a tally compiled by the Harbour Gazette": a record made by someone named in a passive
  participle's "by" phrase is that maker's reckoning, as "a report the ministry released" already was.  The
  participle may hang on the record's "of" object ("a list of the missing compiled by ...").  Only verbs of making
  a writing, and only a writing or a record: "a deckhand released by the navy" is no one's document.
- "The Food and Drug Administration said": an "and" between capitalised words in front of a proper head is
  part of one name; the source is the whole name, not "Administration".

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure, listed


def test_a_record_made_by_someone_named_in_the_passive() -> None:
    text = "At least 480 trawlers were seized, according to a tally compiled by the Harbour Gazette."
    assert claimants_by_figure(text) == {"480": "Harbour Gazette"}
    text = "Some 1,900 of its dockers have quit since May, according to a list of the missing compiled by Radio Dunmore."
    assert claimants_by_figure(text) == {"1,900": "Radio Dunmore"}


def test_no_maker_for_a_person_or_without_a_making_verb() -> None:
    # a person released by someone is no writing: the person speaks
    assert listed("At least 480 trawlers were seized, according to a deckhand released by the navy.") == [
        ("a deckhand", "according to")
    ]
    # a maker is named only with a making verb ("read" makes nothing)
    got = claimants_by_figure("At least 480 trawlers were seized, according to a tally read by the Harbour Gazette.")
    assert got == {"480": ""}
    assert claimants_by_figure("At least 480 trawlers were seized, according to a tally published by Radio Dunmore.") == {
        "480": "Radio Dunmore"
    }


def test_an_and_inside_a_proper_name() -> None:
    assert listed("The Fisheries and Harbours Commission said the quota was breached.") == [
        ("The Fisheries and Harbours Commission", "said")
    ]
    text = "About 70 permits were revoked, according to the federal Ports and Canals Authority."
    assert claimants_by_figure(text) == {"70": "federal Ports and Canals Authority"}
    # before a common noun the capitalised words are places or groups, not one name
    assert listed("Harbour and Dunmore officials said the quota was breached.") == [("officials", "said")]
