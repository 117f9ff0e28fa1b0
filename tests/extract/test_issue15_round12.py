"""Claimant rules, twelfth round (issue 15): someone recorded speaking ("footage of X saying", "a clip of him
telling donors") is the speaker, not the ad or the channel that shows the recording.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure, listed


def test_the_one_recorded_speaking_is_the_speaker() -> None:
    # (the parser hangs "asking" on "uses", whose subject is the video)
    text = "The video uses footage of Tom Akers asking, “Why aren’t I 12 points up, you might ask?”"
    assert claimants_by_figure(text)["12"] == "Tom Akers"
    assert listed(text) == [("Tom Akers", "asking")]


def test_a_recording_is_no_part_of_the_speakers_name() -> None:
    for text, fig, name in [
        ("The new commercial shows footage of Maria Lopez saying, “We will cut 40 jobs next spring.”", "40", "Maria Lopez"),
        ("The ad shows footage of Lena Ortiz asking, “Why aren’t I 20 points ahead?”", "20", "Lena Ortiz"),
    ]:
        assert claimants_by_figure(text)[fig] == name


def test_a_recorded_pronoun_takes_the_person_named_before() -> None:
    text = (
        "Mayor Tomas Brill spoke at the fair on Monday. A rival campaign released a video of him "
        "telling donors that 3,000 workers would lose their pensions."
    )
    assert claimants_by_figure(text)["3,000"] == "Tomas Brill"


def test_a_recording_of_things_or_of_acts_names_no_speaker() -> None:
    # "showing" is no speech, and a crowd chanting says nothing a figure could be credited to
    assert claimants_by_figure("Satellite images of the port showing 12 damaged cranes were released on Friday.")[
        "12"
    ] == ""
    assert listed("The channel aired footage of the crowd chanting for an hour.") == []


def test_a_named_owners_conclusion_or_emphasis_that_is_a_stand() -> None:
    text = "The inspectors criticised the plan. The Harbour Board's conclusion that the pier was unsafe angered the mayor."
    assert ("The Harbour Board's", "conclusion") in listed(text)
    text = "Lina Vos kept her composure. Vos's repeated emphasis that the bank had acted lawfully did not persuade them."
    assert ("Vos's", "emphasis") in listed(text)


def test_a_conclusion_without_its_content_or_owner_is_no_stand() -> None:
    # a noun that names a thing ("the conclusion came late") or has no owner says nobody's stand
    assert listed("The Harbour Board's conclusion came two weeks late.") == []
    # (the mayor the conclusion angered holds a view of it: h31a's verbs of stirring a feeling)
    assert listed("The conclusion that the pier was unsafe angered the mayor.") == [("the mayor", "angered")]


def test_a_recorded_act_is_no_statement() -> None:
    text = "Ola Brenn heard the case. The feed features videos of him singing at weddings."
    assert all(cue != "singing" for _, cue in listed(text))


def test_proved_to_be_is_how_it_turned_out_not_a_proof() -> None:
    text = "The new pier proved to be 40 metres too short."
    assert claimants_by_figure(text)["40"] == ""
    assert listed(text) == []
    assert listed("The council has proved to be ineffective because two of its members blocked every motion.") == []


def test_what_a_source_proved_is_still_its_claim() -> None:
    assert claimants_by_figure("Ministry data proved that 40 ferries were late.")["40"] == "Ministry data"


def test_maintain_without_what_is_maintained_to_be_true_is_keeping() -> None:
    assert claimants_by_figure("The navy maintains 40 ships in the harbour.")["40"] == ""
    assert listed("The monitor maintained by the embassy showed 40 readings.") == []
    assert listed("Kessler maintained his position as finance minister.") == []


def test_maintain_with_a_clause_a_quotation_or_innocence_is_a_claim() -> None:
    assert claimants_by_figure("The army maintained that 40 soldiers had died.")["40"] == "army"
    assert claimants_by_figure("“We paid 40 people,” Roe maintained.")["40"] == "Roe"
    assert ("Ana Roe", "maintained") in listed("Ana Roe denied the charges and maintained her innocence.")


def test_the_writers_aside_in_a_relative_clause_is_no_source() -> None:
    assert listed("Please read the two guides I wrote last year for new owners.") == []
    assert all(src != "we" for src, _ in listed("The experts we spoke to this week praised the plan."))


def test_the_writer_who_says_or_believes_something_is_still_listed() -> None:
    assert ("I", "said") in listed("The ferry, which I said was unsafe, sank.")
    assert ("I", "believe") in listed("It is the one thing I believe the council got right.")
    assert ("I", "told") in listed("I told the board that the ferry was unsafe.")


def test_all_i_can_say_is_still_a_statement() -> None:
    assert ("I", "say") in listed("Ana Roe spoke briefly. All I can say is that the ferry will sail.")


def test_an_armed_attack_is_no_stance() -> None:
    assert listed("Norland attacked the neighbouring state in late May.") == []
    assert listed("The troops attacked at dawn.") == []
    assert listed("Rebel fighters attacked the convoy near Tarsk.") == []


def test_an_attack_in_words_is_a_stance() -> None:
    assert listed("Ana Roe attacked the plan as reckless.") == [("Ana Roe", "attacked")]
    assert listed("The senator attacked the premier for the U-turn.") == [("The senator", "attacked")]
