"""Claimant rules, twentieth round (issue 15, "Attribution on unseen text"): what a role noun may stand for.

"The governor said", with no governor named before, used to take the last source of any kind: a group
("Tarnby surveyors"), a body or a person.  A role stands for a source of its own kind only:

- an office of one person ("the governor", "the mayor", "the spokesman") for a name the recogniser
  missed, never for a group of people or a body: otherwise it names nobody (the attribution is still
  listed for the reader, and gives no figure a claimant);
- a body ("the ministry", "the agency") for a body, never for a person nor a group of people, looking back
  past the people who spoke since a body did (three sources at most); a capitalised "the Committee" is a
  name, perhaps cut short by the parse, and does not look back;
- other roles ("the statement", "the official") for the last source, as before.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract import extract

from .helpers import claimants_by_figure


def test_an_office_does_not_stand_for_a_group_that_spoke_before() -> None:
    text = "Tarnby surveyors said 35 barns were flattened. The governor said 14 bridges were closed."
    got = claimants_by_figure(text)
    assert got["35"] == "Tarnby surveyors"
    assert got["14"] == "", got


def test_an_office_is_still_listed_for_the_reader() -> None:
    text = "Tarnby surveyors said 35 barns were flattened. The governor said 14 bridges were closed."
    named = {a.source_text: a.name for a in extract(text).attributions}
    assert named.get("The governor") == "", named


def test_an_office_may_stand_for_a_name_the_recogniser_missed() -> None:
    # two capitalised words read as a person's name, not a body: "the mayor" may be Olve Brenna
    text = "Olve Brenna told a radio station that 35 barns were flattened. The mayor said 14 bridges were closed."
    got = claimants_by_figure(text)
    assert got["14"] == got["35"] != ""


def test_a_body_does_not_stand_for_a_person() -> None:
    text = (
        "Ingrid Salo, a farmer near the river, said 35 barns were flattened. "
        "The ministry said 14 bridges were closed."
    )
    got = claimants_by_figure(text)
    assert got["35"] == "Ingrid Salo"
    assert got["14"] != "Ingrid Salo", got


def test_a_body_still_stands_for_the_body_that_spoke_before() -> None:
    text = "The Vessby Water Board said 35 barns were flattened. The agency said 14 bridges were closed."
    got = claimants_by_figure(text)
    assert got["14"] == got["35"] == "Vessby Water Board", got


def test_a_body_looks_back_past_the_person_who_spoke_in_between() -> None:
    text = (
        "The Vessby Water Board said 35 barns were flattened. Ivo Lind, a retired pilot, said 40 roads were flooded. "
        "The agency said 14 bridges were closed."
    )
    got = claimants_by_figure(text)
    assert got["40"] == "Ivo Lind"
    assert got["14"] == "Vessby Water Board", got


def test_a_capitalised_body_is_a_name_cut_short_not_a_role() -> None:
    text = (
        "The Vessby Water Board said 35 barns were flattened. Ivo Lind, a retired pilot, said 40 roads were flooded. "
        "The Committee said 14 bridges were closed."
    )
    # (a capitalised "Committee" is a name, perhaps one the parse cut short: "the Committee to Shield Ferrymen")
    assert claimants_by_figure(text)["14"] != "Vessby Water Board"
