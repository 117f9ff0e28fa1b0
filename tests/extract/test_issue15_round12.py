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
