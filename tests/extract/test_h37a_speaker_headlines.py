"""Claimant rules of session h37a (issue 15): a headline that quotes the one it names around a topic.

"Mayor Ortiz on the bridge closure: 'We will reopen it by June'" names its speaker before "on" and the
topic; "A word of advice from Ana Reyes: 'Vote early'" names them after "from".  Either is read only on a
headline line, and only when a quotation follows the colon: "Kyiv on alert: Sirens sound ..." quotes no one.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract.claimants import _HL_SPEAKER_ON

from .helpers import listed


def test_a_name_on_a_topic_with_their_words_after_the_colon_is_the_source() -> None:
    text = (
        "Mayor Ortiz on the bridge closure: 'We will reopen it by June'\n\n"
        "The city council voted on Monday to close the bridge for repairs.\n"
    )
    assert ("Mayor Ortiz", ":") in listed(text), listed(text)


def test_a_title_case_topic_and_a_quoted_word_at_the_end_still_name_the_speaker() -> None:
    text = "Harlow on Port Reform: The Delays Are 'Shameful.'\n\nThe minister spoke to dock workers on Friday.\n"
    assert ("Harlow", ":") in listed(text), listed(text)


def test_words_from_a_named_person_after_the_colon_are_theirs() -> None:
    text = "A word of advice from Ana Reyes: 'Vote early and bring a friend.'\n\nThe judge spoke to graduates.\n"
    assert ("Ana Reyes", ":") in listed(text), listed(text)


def test_a_headline_on_a_topic_without_a_quotation_names_no_speaker() -> None:
    text = "Kyiv on alert: Sirens sound across the capital\n\nAir raid sirens were heard on Tuesday.\n"
    assert not any(cue == ":" for _, cue in listed(text)), listed(text)


def test_a_label_word_before_on_is_no_speaker() -> None:
    text = "Update on the ferry talks: 'No deal yet'\n\nTalks between the unions resumed on Tuesday.\n"
    assert not any(src.startswith("Update") for src, _ in listed(text)), listed(text)


def test_the_pattern_is_read_on_a_headline_line_only() -> None:
    body = (
        "Mayor Ortiz on the long night of the storm and the flooded pier: 'We will reopen it by June, whatever it "
        "costs the town and the crews this winter,' and the crews cheered."
    )
    assert _HL_SPEAKER_ON.match(body)  # the line has the pattern's shape, but it is no headline
    text = "Ferry workers return to the harbour.\n\nThe harbour reopened on Monday.\n\n" + body + "\n"
    assert not any(cue == ":" for _, cue in listed(text)), listed(text)
