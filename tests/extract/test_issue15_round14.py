"""Claimant rules, fourteenth round (issue 15): speakers the parser hides.

- a speech tag that closes the sentence ("..., the harbour master maintains.") names the whole speaker, also
  when the tagger reads the verb as a plural noun ("deputy maintains" as one noun) or hangs the speaker's
  words on the verb as a compound ("master" of "the harbour master");
- "X can be heard saying ...", "X was caught telling ...": the one heard or seen speaks.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure, listed


def test_a_closing_tag_names_the_whole_speaker() -> None:
    assert listed("The pier is safe, the mayor's former deputy maintains.") == [
        ("the mayor's former deputy", "maintains"),
    ]
    assert listed("The pier is safe, the harbour master maintains.") == [("the harbour master", "maintains")]
    assert listed("The pier is safe, the mayor's former deputy insists.") == [
        ("the mayor's former deputy", "insists"),
    ]
    assert listed("The ferry will run again in May, the city engineer notes.") == [
        ("the city engineer", "notes"),
    ]
    # the tag's speaker is a figure's claimant like any other
    text = "The repairs will cost 40 million euros, the harbour master maintains."
    assert claimants_by_figure(text)["40 million"] == "harbour master"
    # a thing listed after a comma, its "-s" a plural noun: no one records or notes anything
    assert listed("He read the old files, the council records.") == []
    assert listed("He read the files, the emails and the council records.") == []
    assert listed("The drawer held pens, paper and the captain's notes.") == []
    # a verb with its own subject is read as before
    assert listed("Prices rose in May, the ministry reports.") == [("the ministry", "reports")]


def test_one_heard_or_caught_saying_is_the_speaker() -> None:
    assert listed("The captain can be heard saying that the ferry is sinking.") == [("The captain", "saying")]
    assert listed("Ana Roe can be heard yelling to the guards that her son was unarmed.") == [
        ("Ana Roe", "yelling"),
    ]
    assert listed("The mayor was caught telling a friend that the pier would close.") == [
        ("The mayor", "telling"),
    ]
    # seen doing something that is no speech: nobody says anything
    assert listed("The mayor was seen walking home.") == []


def test_a_participle_of_speech_after_a_preposition_speaks_for_the_subject() -> None:
    assert listed("The mayor, despite admitting that he had doubts about the pier, voted for it.") == [
        ("The mayor", "admitting"),
    ]
    assert listed("The mayor was criticised for saying that the pier was safe.") == [("The mayor", "saying")]
    assert listed(
        "Roe, a retired engineer, then went on the radio on Tuesday and began by saying she would never vote for it."
    ) == [("Roe", "saying")]
    # a quotation is what was said; the speaker is named after it, in the main clause
    assert listed('After saying her left knee was "so swollen I could not walk," she was taken to hospital.') == [
        ("she", "saying"),
    ]
    # a figure in what is said belongs to the speaker
    text = "Roe began by saying that the repairs would cost 40 million euros."
    assert claimants_by_figure(text)["40 million"] == "Roe"
    # stopped from saying, or a participle with no words given: nothing was said
    assert listed("The guards kept him from saying that the pier was unsafe.") == []
    assert listed("The mayor began by speaking for ten minutes.") == []
    # (a participle of stance is read as its verb is: "began by thanking the crowd" as "thanked the crowd", h27a)
    assert listed("The mayor thanked the crowd.") == [("The mayor", "thanked")]
    assert listed("The mayor began by thanking the crowd.") == [("The mayor", "thanking")]


def test_a_name_before_a_report_that_states_its_content_made_it() -> None:
    lead = "The pier was shut on Monday. "
    # (the council a report angered holds a view of it: h31a's verbs of stirring a feeling)
    assert listed(lead + "A Reuters report that the pier was unsafe angered the council.") == [
        ("Reuters", "report"), ("the council", "angered"),
    ]
    assert listed(lead + "Officials dismissed an AP report that the pier would close.") == [
        ("Officials", "dismissed"), ("AP", "report"),
    ]
    assert listed(lead + "The Kremlin claim that the pier was unsafe angered the council.") == [
        ("The Kremlin", "claim"), ("the council", "angered"),
    ]
    # without the content the noun names a thing; a date before it says when, not whose
    assert listed(lead + "The Harbour Times report was long.") == []
    assert listed(lead + "A Monday report that the pier was unsafe angered the council.") == [("the council", "angered")]


def test_a_role_named_as_owner_of_a_claim_makes_it() -> None:
    text = "Video shows that he had his hands up, contradicting Dunmore police's earlier claim that he had refused to stop."
    assert ("Dunmore police's", "claim") in listed(text)
    # a bare role without a word of its own ("the police's claim") is left to the rules for roles
    assert ("police's", "claim") not in listed("It contradicts police's claim that he had refused to stop.")


def test_an_aside_with_as_names_its_speaker() -> None:
    lead = "The pier was shut on Monday. "
    assert listed(lead + "The ferry, as one of the mayor's engineers pointed out, normally does not run twice a day.") == [
        ("one of the mayor's engineers", "pointed"),
    ]
    assert listed(lead + "Dunmore, as one of Mrs. Roe's harbour advisers pointed out, rarely gets two storms a week.") == [
        ("one of Mrs. Roe's harbour advisers", "pointed"),
    ]
    # "as" with a role or a manner is no aside of speech: the clause's subject speaks
    assert listed(lead + "Roe, as mayor, said the pier was safe.") == [("Roe", "said")]
