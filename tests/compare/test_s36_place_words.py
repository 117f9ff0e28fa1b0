"""Place words that are no places of the story: a credit line's bureaus, a title's words after a capitalised
"In", and the name a timeline lane shows for a place whose first word is keyed as no place ("New")."""

from __future__ import annotations

import pytest

from desk.compare.places import place_words
from desk.timeline.build import whole_place_names


def _keys(text: str) -> set[str]:
    return {w for _, w in place_words(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Mara Lindqvist in Tallinn and Osei Boateng in Accra contributed to this report.",
        "Shelling resumed at dawn. Pia Korhonen in Oslo contributed reporting.",
        "Jun Arai contributed additional reporting from Osaka.",
        "Bram de Wit in Utrecht contributed to the story.",
    ],
)
def test_a_credit_line_names_no_place_of_the_story(text: str) -> None:
    assert _keys(text) == set()


def test_the_sentence_before_a_credit_line_keeps_its_place() -> None:
    text = "Four ferries sank near Split on Friday. Lena Novak in Zagreb contributed to this report."
    assert _keys(text) == {"Split"}


def test_a_contribution_that_is_no_credit_line_keeps_its_place() -> None:
    # money contributed to a fund is no reporter's credit
    assert _keys("Donors in Bergen contributed 40 boats to the relief fund.") == {"Bergen"}


def test_a_title_case_headline_ends_the_place_at_a_capitalised_in() -> None:
    title = "Grieving Baker Finds Out About Flood In Lorvik In Shared Video Clips"
    assert _keys(title) == {"Lorvik"}


def test_the_lane_name_of_new_york_is_whole() -> None:
    text = "Seven buses were stranded in New York after the storm."
    assert set(whole_place_names(text, dict(place_words(text))).values()) == {"New York"}


def test_a_word_after_new_that_starts_no_name_is_not_prefixed() -> None:
    text = "Seven buses were stranded in Lorvik after the new storm."
    assert set(whole_place_names(text, dict(place_words(text))).values()) == {"Lorvik"}
