"""What the every-sentence source listing leaves out (issue 15, precision round).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract import extract
from desk.extract.score import names_match

from .helpers import listed


def test_a_belief_verb_inside_what_someone_says_is_not_a_second_source() -> None:
    got = listed("Trade minister Ravi Osei said on Tuesday that he thinks the bridge will reopen in spring.")
    assert [cue for _, cue in got] == ["said"], got
    got = listed("Ilse Brandt spoke first. Later, Ravi Osei told reporters that she believes the storm has passed.")
    assert [cue for _, cue in got if cue != "spoke"] == ["told"], got


def test_a_belief_verb_of_its_own_still_names_a_source() -> None:
    got = listed("Ravi Osei believes that the bridge will reopen in spring.")
    assert got == [("Ravi Osei", "believes")], got


def test_a_desire_verb_with_an_infinitive_names_whose_aim_it_is() -> None:
    # an aim is a position its holder takes (issue 15, round 7: PolNeAR marks it; c2ce82c had left it out)
    assert listed("Mayor Ilse Brandt wants to rebuild the old ferry terminal.") == [("Mayor Ilse Brandt", "wants")]
    assert listed("The trade union hopes to sign a new contract before winter.") == [("The trade union", "hopes")]
    # inside what someone says it is still part of that report
    got = listed("Ravi Osei said he wants to rebuild the old ferry terminal.")
    assert [cue for _, cue in got] == ["said"], got


def test_a_desire_verb_with_a_clause_still_names_a_source() -> None:
    got = listed("Mayor Ilse Brandt hopes that the ferry terminal reopens before winter.")
    assert [cue for _, cue in got] == ["hopes"], got


def test_what_someone_called_is_a_label_not_an_attribution() -> None:
    text = "The council condemned what Ravi Osei called a reckless gamble with public money."
    assert all(cue != "called" for _, cue in listed(text)), listed(text)
    # naming something with "called" and a clause of its own is still an attribution
    got = listed("Ravi Osei called the budget a reckless gamble with public money.")
    assert [cue for _, cue in got] == ["called"], got


def test_the_nested_belief_still_gives_a_figure_its_claimant() -> None:
    text = "The Ledger reported that the port authority believes as many as 4,000 containers were lost."
    claims = [(c.figure.text, c.claimant) for c in extract(text).claims]
    assert len(claims) == 1, claims
    assert names_match(claims[0][1], "port authority"), claims
    # ... and then the listing carries it, so the figure's claimant points at a real attribution
    assert any(a.cue == "believes" for a in extract(text).attributions)


def test_a_pronoun_inside_what_a_named_speaker_reports_is_not_a_second_source() -> None:
    got = listed("Ilse Brandt said on Monday that she had warned the council about the dam.")
    assert [cue for _, cue in got] == ["said"], got
    got = listed("The harbour board said it would announce the new fees next week.")
    assert [cue for _, cue in got] == ["said"], got


def test_a_pronoun_that_carries_the_report_itself_is_still_a_source() -> None:
    got = listed("Ilse Brandt arrived late at the council. She said the dam is safe.")
    assert ("She", "said") in got, got


def test_a_speaker_inside_a_quotation_is_not_the_articles_attribution() -> None:
    got = listed("Ilse Brandt told the council: “When Ravi Osei said the dam was safe, we all believed him.”")
    assert [cue for _, cue in got] == ["told"], got
    got = listed("Ilse Brandt spoke about the dam on Monday. “Ravi Osei told us the dam was safe. He promised repairs,” she said.")
    assert [cue for _, cue in got] == ["spoke", "said"], got


def test_the_speech_tag_after_a_closing_mark_is_still_a_source() -> None:
    got = listed("“The dam will hold,” said Ilse Brandt, the mayor of the valley town.")
    assert [cue for _, cue in got] == ["said"], got
    # a stray opening mark earlier in the paragraph must not swallow the tag
    got = listed('She spoke of "the old days. "The dam will hold," Ilse Brandt said. "It is safe."')
    assert ("Ilse Brandt", "said") in got, got


def test_a_negated_subject_names_nobody_who_asserts() -> None:
    for text in [
        "Neither Varnia nor Kelmland confirmed the reported sale of the radar.",
        "Neither the port authority nor the navy said how many ships were held.",
        "No official said the count was wrong.",
        "Nobody confirmed that the ferry had sunk.",
    ]:
        assert listed(text) == [], text
    # a speaker who says that no one did something is still a source
    assert [cue for _, cue in listed("The mayor, Ilse Brandt, said no one was hurt in the fire.")] == ["said"]


def test_both_before_two_names_leaves_the_first_name() -> None:
    assert listed("Both Ilse Brandt and Ravi Osei said the ferry would not run on Sunday.") == [
        ("Ilse Brandt", "said")
    ]
    # "both" before a common noun is part of the phrase
    assert listed("Both inspectors said the ferry would not run on Sunday.") == [("Both inspectors", "said")]
