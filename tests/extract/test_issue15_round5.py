"""Every-sentence sources, fifth round (issue 15): sources by the structure of their sentence.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from desk.extract import extract

from .helpers import claimants_by_figure, listed

# -- "X issued a statement": a verb of putting out whose object is words -------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The harbour board issued a statement on Tuesday about the flooded pier.", "The harbour board", "issued"),
        ("Mayor Ada Roe laid out her proposals for the tram line in a long speech.", "Mayor Ada Roe", "laid"),
        ("The ferry union sent a letter to the council about the night crossings.", "The ferry union", "sent"),
        ("Councillor Ravi Osei made the case for a second bridge.", "Councillor Ravi Osei", "made"),
        ("The bakers union released an ad mocking the new flour tax.", "The bakers union", "released"),
    ],
)
def test_a_statement_put_out_names_its_source(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


@pytest.mark.parametrize(
    "text",
    [
        "The harbour board released the impounded boats on Tuesday.",
        "The bakery made a profit for the first time in years.",
        "The appeals court sent the case back to the county judge.",
        "The ferry company issued new tickets to every passenger.",
    ],
)
def test_a_thing_put_out_names_no_source(text: str) -> None:
    assert listed(text) == []


def test_a_statement_put_out_gives_no_figure_its_claimant() -> None:
    # a stance, like "attacked": listed for the reader, never the claimant of a figure
    assert claimants_by_figure("The harbour board issued a statement about the 40 boats lost.")["40"] == ""


# -- a Title Case title is parsed with the text's own casing ------------------------------------------

_BODY = (
    "The lawmakers met on Monday and said the plan was a mistake from the start. Mayor Ada Roe defended it "
    "at the harbour, and the lawmakers asked her again whether the plan would cost the town a fortune. "
    "Roe said the town would find the money."
)


def test_a_title_case_title_is_lowered_where_the_text_writes_its_words_lower() -> None:
    from desk.extract.claimants import _sentence_case

    title = "Black Lawmakers Rip Ada Roe As A Mistake"
    cased = _sentence_case(title + "\n\n" + _BODY, title)
    assert cased == "Black lawmakers rip Ada Roe as a mistake"
    assert len(cased) == len(title)


def test_a_title_read_alone_or_in_sentence_case_is_left_as_it_is() -> None:
    from desk.extract.claimants import _sentence_case

    title = "Black Lawmakers Rip Ada Roe As A Mistake"
    assert _sentence_case(title, title) == title  # no text to learn the casing from
    plain = "Black lawmakers rip Ada Roe over the pier"
    assert _sentence_case(plain + "\n\n" + _BODY, plain) == plain


def test_the_subject_of_a_title_case_title_takes_a_stand() -> None:
    title = "Black Lawmakers Rip Ada Roe As A Mistake"
    assert ("Black Lawmakers", "rip") in listed(title + "\n\n" + _BODY)


# -- "X was critical of Y": a position stated with "be" ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The ferry union has been critical of the new timetable since spring.", "The ferry union", "critical"),
        ("Harbour residents were incensed that the council sold the pier.", "Harbour residents", "incensed"),
        ("Mayor Ada Roe is sure that the tram line will pay for itself.", "Mayor Ada Roe", "sure"),
        ("Councillor Ravi Osei has long been a vocal critic of the toll.", "Councillor Ravi Osei", "critic"),
        ("The bakers union was worried about the flour tax.", "The bakers union", "worried"),
    ],
)
def test_a_position_stated_with_be_names_its_holder(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ferry union was willing to talk on Monday.",  # readiness is no position
        "The harbour was quiet after the storm.",
        "The new timetable is critical for the night crossings.",  # a thing, said of no source
        "Councillor Ravi Osei was sure.",  # about nothing
    ],
)
def test_other_things_said_with_be_name_no_source(text: str) -> None:
    assert listed(text) == []


def test_a_position_stated_with_be_gives_no_figure_its_claimant() -> None:
    assert claimants_by_figure("The ferry union was critical of the plan to cut 40 crossings.")["40"] == ""


# -- a leading name the parser took for a word --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Trump questions the fairness of the ferry tolls.", "questions"),  # parsed as "trump" with a plural object
        ("Trump charges that the harbour board hid the repair bill.", "charges"),
    ],
)
def test_a_leading_name_read_as_a_word_still_takes_its_verb(text: str, cue: str) -> None:
    assert ("Trump", cue) in listed(text)


@pytest.mark.parametrize("text", ["Trump cards are rare in this game.", "Trump claims dominate the ledger.", "Trump questions."])
def test_a_plural_noun_after_a_leading_word_is_no_verb(text: str) -> None:
    assert listed(text) == []


# -- "Poll: ..." heading a title ------------------------------------------------------------------------


def test_a_poll_heading_a_title_is_listed_unnamed() -> None:
    text = "Poll: Harbour Voters Turn Against The Toll\n\n" + _BODY
    x = extract(text)
    polls = [a for a in x.attributions if a.source_text == "Poll"]
    assert [(a.name, a.cue) for a in polls] == [("", ":")]


def test_a_poll_heading_a_title_gives_no_figure_its_claimant() -> None:
    text = "Poll: 60% Of Harbour Voters Oppose The Toll\n\n" + _BODY
    assert claimants_by_figure(text)["60%"] == ""


def test_the_index_mode_lists_no_poll_heading() -> None:
    text = "Poll: Harbour Voters Turn Against The Toll\n\n" + _BODY
    assert [a for a in extract(text, every=False).attributions if a.source_text == "Poll"] == []
