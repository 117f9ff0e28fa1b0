"""Claimant rules, eighteenth round (issue 15, "Attribution on unseen text"): idioms of saying the cue lexicon
did not read.

- "X made it clear that ...", "X has made clear she ...", "X made abundantly clear its opposition": making a point
  plain is stating it ("make" alone is no cue: "the crew made the runway clear of snow" states nothing);
- "X was quoted (by Y) as saying ...", '"...," X was quoted as saying', "Y quoted X as saying ...": the one
  quoted is the speaker of what follows, and the claimant of its figures (it had been nobody, or the paper);
- "signalled", "signalling": the British spelling of "signal" is a cue as the American one is;
- "the outlet", "the newspaper" stand for the last outlet that spoke (not for the one it quoted, now a source too).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from .helpers import claimants_by_figure, listed


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Magistrate Ilse Vandermeer made it clear that the Ostberg lock would stay shut until spring.",
         "Magistrate Ilse Vandermeer"),
        ("The harbour master has made clear she will not sign the dredging contract.", "The harbour master"),
        ("Corvania has made abundantly clear its opposition to any toll on the canal.", "Corvania"),
        ("The treasurer made it very clear to the auditors that the levy on lamp oil would rise.", "The treasurer"),
        ("The spokeswoman made clear on Tuesday that the ferry talks were over.", "The spokeswoman"),
    ],
)
def test_making_a_point_clear_states_it(text: str, source: str) -> None:
    assert (source, "made") in listed(text)


def test_a_figure_made_clear_is_its_speakers() -> None:
    text = "Mayor Doreen Pasquale made it clear that 70 of the tram drivers would be kept on."
    assert claimants_by_figure(text)["70"] == "Doreen Pasquale"


def test_making_a_thing_clear_of_something_states_nothing() -> None:
    assert listed("The volunteers made the towpath clear of fallen branches by noon.") == []
    assert listed("Heavy rain made it clear.") == []


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        ("Three lock keepers were quoted as saying that 14 barges had run aground near Ostberg.", "14",
         "Three lock keepers"),
        ('"We have lost 14 barges since the thaw," Tobiah Renner was quoted as saying.', "14", "Tobiah Renner"),
        ('"We have lost 14 barges since the thaw," Tobiah Renner was quoted as saying by Quayside radio.',
         "14", "Tobiah Renner"),
        ("Tobiah Renner was quoted by regional radio on Sunday as saying 14 barges had run aground.", "14",
         "Tobiah Renner"),
        ("The Quayside Courier quoted Tobiah Renner as saying that 14 barges had run aground.", "14",
         "Tobiah Renner"),
    ],
)
def test_the_one_quoted_as_saying_is_the_speaker(text: str, figure: str, speaker: str) -> None:
    assert claimants_by_figure(text)[figure] == speaker
    assert (speaker, "saying") in listed(text)


def test_quoted_as_saying_nothing_names_no_speaker() -> None:
    assert listed("Tobiah Renner was quoted as saying so.") == []


def test_the_british_spelling_of_signal_is_a_cue() -> None:
    assert ("The canal authority", "signalled") in listed(
        "The canal authority signalled that the Ostberg lock would reopen in April."
    )
    assert ("The canal authority", "signalling") in listed(
        "The canal authority is signalling that the Ostberg lock will reopen in April."
    )


def test_an_outlet_that_quoted_someone_stays_the_outlet() -> None:
    # the one quoted is now a source too: "the newspaper" after it is still the paper, not the one it quoted
    text = (
        '"We need more tugs," a harbour official was quoted by the Quayside Courier as saying. '
        "The newspaper reports that 12 tugs were ordered in May."
    )
    assert claimants_by_figure(text)["12"] == "Quayside Courier"
