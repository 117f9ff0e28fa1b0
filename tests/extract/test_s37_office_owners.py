"""Session 37: a speech tag's "its" owns the office by the clause it closes, and "he" may take up an office.

Wire copy closes a sentence about a body with the person who speaks for it: "Norland Rail cut 30 trains,
its chief executive said."  "its" was taken for the last body that spoke before (a paragraph earlier:
"the ministry's spokesman's chief executive"), or for nobody when none had.  And a "He said" that follows,
with no person named by name anywhere before, gave the figure to the outlet, though the guide has a
pronoun take the claimant it refers to, the office included.
"""

from __future__ import annotations

import pytest

from desk.extract import extract

from .helpers import claimants_by_figure


@pytest.mark.parametrize(("text", "figure", "claimant"), [
    ("Norland Rail cut 30 trains on Monday, its chief executive said.", "30", "Norland Rail’s chief executive"),
    ("The Ostrel Harbour Authority raised ferry fares by 12%, its chairman said.", "12%",
     "Ostrel Harbour Authority’s chairman"),
    ("Norland fired 40 missiles overnight, its defence ministry said.", "40", "Norland’s defence ministry"),
])
def test_its_is_the_body_the_clause_opens_with(text: str, figure: str, claimant: str) -> None:
    assert claimants_by_figure(text)[figure] == claimant


def test_its_is_not_the_body_of_a_paragraph_before() -> None:
    text = (
        "The ministry raised the toll to 163 on Sunday, its spokesman said.\n\n"
        "Norland Rail cut 30 trains on Monday, its chief executive told reporters."
    )
    assert claimants_by_figure(text)["30"] == "Norland Rail’s chief executive"


def test_a_sentence_opening_with_a_common_word_owns_nothing() -> None:
    # "Prices" opens the sentence with a capital, and names no body
    assert claimants_by_figure("Prices rose 3% in May, its statistics office said.")["3%"] == ""


def test_he_takes_up_the_office_just_named() -> None:
    text = (
        "Norland Rail cut 30 trains on Monday, its chief executive said. "
        "He said 400 passengers had complained by the evening."
    )
    assert claimants_by_figure(text)["400"] == "Norland Rail’s chief executive"


def test_she_takes_up_the_latest_office_not_an_earlier_one() -> None:
    text = (
        "The Ostrel Harbour Authority raised ferry fares by 12%, its chairman said. He said 400 passengers had "
        "complained.\n\nNorland Rail cut 30 trains, its chief executive said. She added that 2,000 staff would be "
        "affected."
    )
    got = claimants_by_figure(text)
    assert got["400"] == "Ostrel Harbour Authority’s chairman"
    assert got["2,000"] == "Norland Rail’s chief executive"


def test_a_person_named_before_still_wins_over_an_office() -> None:
    text = (
        "Transport minister Ilse Varga said on Monday that the cuts were needed. "
        "Norland Rail cut 30 trains, its chief executive said. She said 400 passengers had complained."
    )
    # (the full name or the surname, as the run before leaves the parser's batch: the same person either way)
    assert claimants_by_figure(text)["400"] == "Ilse Varga"


def test_the_last_body_of_the_opening_phrase_owns_the_office() -> None:
    # (the phrase names two bodies, the second set beside the first by "member")
    text = "EU member Estonia will double its border patrols, its interior minister told reporters on Friday."
    assert [a.name for a in extract(text).attributions if a.cue == "told"] == ["Estonia’s interior minister"]


def test_a_second_cue_of_the_same_office_is_not_the_office_of_the_office() -> None:
    text = "EU member Estonia will double its border patrols, its interior minister told reporters on Friday, citing the storms."
    names = {a.name for a in extract(text).attributions}
    assert names == {"Estonia’s interior minister"}


def test_a_bracketed_acronym_after_the_body_is_left_out() -> None:
    text = "Ukraine will fight on, its president said.\n\nThe Ostrel Harbour Board (OHB) must hold a vote, its chair said."
    names = [a.name for a in extract(text).attributions]
    assert names == ["Ukraine’s president", "Ostrel Harbour Board’s chair"]
