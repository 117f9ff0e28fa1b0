"""Every-sentence sources, tenth round (issue 15): "one of X" is a person, not a poll's share; a person named
by what they do after "one", "a", "some"; the deciding bodies as source heads; a named writing that takes a stand.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from .helpers import claimants_by_figure, listed

# -- "One of the mayor's aides said": one person, not the share of a poll ----------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The river rose for a week. One of the mayor's aides said the dam held.", "One of the mayor's aides"),
        ("The river rose for a week. The dam held, one of the harbour engineers said.", "one of the harbour engineers"),
        ("The river rose for a week. One of the ferry inspectors said the pier was safe.", "One of the ferry inspectors"),
    ],
)
def test_one_of_a_group_is_a_listed_source(text: str, source: str) -> None:
    assert (source, "said") in listed(text)


def test_one_of_a_group_is_the_claimant_of_its_figure() -> None:
    claims = claimants_by_figure("The river rose for a week. One of the mayor's aides said 40 homes had flooded.")
    assert claims["40"] == "One of the mayor's aides"


@pytest.mark.parametrize(
    "text",
    [
        # a share of those asked still speaks for the poll named before
        "A Harbour Institute poll of 900 residents was taken in May. Eight of 10 said 12 stops were too few.",
        "A Harbour Institute poll of 900 residents was taken in May. Six of those asked said 12 stops were too few.",
    ],
)
def test_a_share_of_those_asked_still_gives_the_poll(text: str) -> None:
    assert claimants_by_figure(text)["12"] == "Harbour Institute poll"


# -- a person named by what they do: "one engineer said", "a shopkeeper said" --------------------------------


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        ("The pier shook all night. One engineer said 30 piles had cracked.", "One engineer", "One engineer"),
        ("The pier shook all night. A local shopkeeper said 30 windows broke.", "A local shopkeeper", "local shopkeeper"),
    ],
)
def test_a_person_named_by_their_work_is_a_claimant(text: str, source: str, name: str) -> None:
    assert (source, "said") in listed(text)
    assert claimants_by_figure(text)["30"] == name


@pytest.mark.parametrize(
    "text",
    [
        "The pier shook all night. One of the letters said 30 piles had cracked.",  # a writing, no one named
        "The pier shook all night. One of the numbers said 30 piles had cracked.",  # not a person at all
    ],
)
def test_one_of_a_thing_is_no_claimant(text: str) -> None:
    assert claimants_by_figure(text)["30"] == ""


# -- the deciding bodies: "a Republican-controlled legislature repealed the law" ---------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("In 2013, a Republican-controlled legislature repealed the ferry law.", "a Republican-controlled legislature",
         "repealed"),
        ("The fare rose twice. Two state courts struck down the new fare.", "Two state courts", "struck"),
    ],
)
def test_a_deciding_body_is_listed(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


def test_a_bare_legislature_needs_a_referent() -> None:
    # listed for the reader, but "legislature" alone names no claimant
    claims = claimants_by_figure("The fare rose twice. The legislature said 40 routes would close.")
    assert claims["40"] == ""


# -- a named writing that takes a stand: "A Ledger editorial hailed the mayor" -------------------------------


def test_a_named_writing_that_takes_a_stand_is_listed() -> None:
    assert ("A Ledger editorial", "hailed") in listed("The vote was close. A Ledger editorial hailed the mayor as a reformer.")


@pytest.mark.parametrize(
    "text",
    [
        "The vote was close. The editorial hailed the mayor as a reformer.",  # no one named: as before
        "The vote was close. The new law favours the ferry owners.",  # a writing, no stand cue
    ],
)
def test_an_unnamed_writing_that_takes_a_stand_is_not_listed(text: str) -> None:
    assert listed(text) == []


# -- a stand taken by a "who" that names no one is not listed -------------------------------------------------


def test_an_unnamed_who_taking_a_stand_is_not_listed() -> None:
    assert listed("The ferry fee angered anybody who opposed the tunnel.") == []


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # named: a stand, listed as before (and Ana Roe, whom the fee angered, holds a view of it: h31a)
        ("The ferry fee angered Ana Roe, who opposed the tunnel.", ["Ana Roe", "who"]),
        # a reporting verb's unnamed "who" stays listed (on "anybody" it names no one at all: round 19)
        ("The fee angered a few ferrymen who said it was unfair.", ["who"]),
    ],
)
def test_a_named_who_or_a_reporting_who_stays_listed(text: str, sources: list[str]) -> None:
    assert [source for source, _ in listed(text)] == sources
