"""Pronoun sources (issue 15): "it" and "they" take the subject of the clause that governs them.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from desk.extract import extract


def _names(text: str) -> dict[str, str]:
    """Each listed source's text -> the name desk gives it (the last one for a repeated text)."""
    return {a.source_text: a.name for a in extract(text).attributions}


def _claimant(text: str, figure: str) -> str:
    return next(c.claimant for c in extract(text).claims if c.figure.text == figure)


def test_it_in_a_relative_clause_is_the_main_clause_subject_not_the_last_place() -> None:
    # before: "it" went to the proper noun nearest the modified noun ("Iceland")
    text = (
        "Norway says the toll is higher, while the Icelandic government estimates it at about 1,500. "
        "Greenland gave a total of 1,351 of its sailors missing near Iceland on 25 March, which it has not updated."
    )
    assert _names(text)["it"] == "Greenland"


def test_it_in_a_subordinate_clause_is_the_main_clause_subject() -> None:
    # before: "it" went to the last non-person source named ("Icelandic government")
    text = (
        "The Icelandic government estimates the toll at about 1,500. "
        "Greenland stopped its tally after it reported 1,351 deaths in March."
    )
    assert _names(text)["it"] == "Greenland"
    assert _claimant(text, "1,351") == "Greenland"


def test_they_in_a_subordinate_clause_is_a_plural_subject_of_the_main_clause() -> None:
    text = "Norway says the toll is higher. Greenland officials called off the strike after they counted 40 votes."
    assert _names(text)["they"] == "Greenland officials"


def test_a_person_subject_is_not_it() -> None:
    # "it" is no person: the name nearest the noun the clause modifies speaks
    text = "Mayor Ada Quill thanked Norland for a new $700m aid package it announced on Friday."
    assert _names(text)["it"] == "Norland"


def test_an_infinitive_clause_leaves_it_to_the_text() -> None:
    # the subject of "is" does not act, and "to meet" has a subject of its own
    text = "The Harbour Plan is the main tool for Norland to meet the emissions target it pledged at the summit."
    assert _names(text).get("it") != "Harbour Plan"


def test_a_speech_tag_after_a_quotation_is_not_governed_by_the_quoted_clause() -> None:
    text = (
        "The Daily Ledger praised the council. "
        '"Ada Quill, the mayor, has managed to cut the debt and is moving ahead with the tram line," it added.'
    )
    assert _names(text).get("it") != "Ada Quill"


def _sources(text: str) -> list[str]:
    return [a.source_text for a in extract(text).attributions]


def test_an_opening_one_sentence_paragraph_in_sentence_case_is_read_as_the_title() -> None:
    # a title above the story, written as a sentence with a full stop: its subject takes a stand
    text = "Rivera calls the harbour plan a costly mistake during a visit.\n\nThe council met on Friday to vote."
    assert "Rivera" in _sources(text)
    # and "Name: ..." names who is quoted
    text = "Harlow: the tram line must reach the hospital before winter.\n\nThe council met on Friday to vote."
    assert "Harlow" in _sources(text)


def test_a_one_sentence_paragraph_later_in_the_text_is_not_a_title() -> None:
    text = (
        "The council met on Friday to vote on the tram line.\n\n"
        "Harlow: the tram line must reach the hospital before winter.\n\nThe vote was put off."
    )
    assert "Harlow" not in _sources(text)


def test_a_title_whose_verb_the_parser_took_for_a_plural_noun_still_names_its_subject() -> None:
    # "rules" read as a noun ("court rules"): the word after it ("against") shows it is the verb
    text = "Federal court rules against Norland's purge of voter rolls.\n\nThe state will appeal."
    assert "Federal court" in _sources(text)


def test_a_title_about_a_thing_names_no_source() -> None:
    text = "Winter storm warns the valley of floods.\n\nThe council meets on Monday."
    assert _sources(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The levy rose again in May. Ana Quill reported from Lisbon, and Ben Harlow from Porto.",
        "The levy rose again in May. Ana Quill and Ben Harlow contributed reporting.",
    ],
)
def test_a_credit_for_the_reporting_is_no_source(text: str) -> None:
    assert _sources(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ana Quill reported from Lisbon that the levy rose by 40 cents.",
        '"The levy rose by 40 cents," Ana Quill reported from Lisbon.',
        "Ana Quill reports from Lisbon: the levy rose by 40 cents.",
    ],
)
def test_a_report_from_a_place_that_says_what_was_reported_keeps_its_source(text: str) -> None:
    assert any("Ana Quill" in s for s in _sources(text))


def test_a_report_from_a_place_gives_its_figure_a_claimant() -> None:
    text = "Ana Quill reported from Lisbon that the levy rose by 40 cents."
    assert _claimant(text, "40") == "Ana Quill"
