"""Claimant rules of session 26's lead (issue 15): a title with a name after it, and "its" after a person.

- "its top diplomat Marta Borrell said": the parser may give the verb two subjects, the title and the name
  right after it; the name is the speaker, not "<someone>'s top diplomat";
- "it" and "its" never stand for a person named before: "Dr Ivo Rennick said ... its top envoy said" is not
  Rennick's envoy (the figure is the outlet's own when nothing else was named for "it").

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure

OPENING = (
    'Dr Ivo Rennick said the levy "did not matter" to the guild. Much of the revenue comes from the '
    "Tessaly Union, which buys about 40% of its salt from Karn. "
)


def test_the_name_after_a_title_is_the_speaker_when_both_are_read_as_subjects() -> None:
    text = OPENING + 'This week, its top diplomat Marta Borrell said "a thousand [tonnes] is what we buy from Karn every day".'
    assert claimants_by_figure(text)["a thousand"] == "Marta Borrell"


def test_its_never_names_a_person_said_before() -> None:
    text = OPENING + 'This week, its top envoy said "a thousand [tonnes] is what we buy from Karn every day".'
    claimant = claimants_by_figure(text)["a thousand"]
    assert "Rennick" not in claimant


def test_its_still_names_the_organisation_quoted_before() -> None:
    text = (
        "The Tessaly Union said on Monday that salt imports rose. Its top envoy said 45 barges were waiting at Karn."
    )
    assert "Tessaly Union" in claimants_by_figure(text)["45"]


def test_a_thing_forecast_to_do_something_is_no_source() -> None:
    text = (
        "Grain traders expect dear bread into next spring, with a bushel of the benchmark grade, Kansas Red, "
        "projected to average $9."
    )
    assert claimants_by_figure(text)["$9"] == ""
    # the one who forecasts still is the source
    assert claimants_by_figure("Analysts at Corvan Bank projected that the index would average 900 points.")[
        "900"
    ] == "Analysts at Corvan Bank"
