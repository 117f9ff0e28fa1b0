"""Every-sentence sources, eighth round (issue 15): beliefs about something, views held, and a cue the
tagger read as a noun.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from .helpers import listed

# -- a verb of belief with what it is about: "knows all about", "believes in", "wondered about" -----------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Ravi Osei knows all about the harbour scheme.", "Ravi Osei", "knows"),
        ("The ferry union believes in a shorter week.", "The ferry union", "believes"),
        ("Mayor Lena Brandt wondered about the cost of the new bridge.", "Mayor Lena Brandt", "wondered"),
        ("Harbour officials worry about the quota cuts.", "Harbour officials", "worry"),
    ],
)
def test_a_belief_about_something_names_its_holder(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Ravi Osei learned of the ferry crash on the radio.", "learned"),  # finding out holds no position
        ("The skipper Lena Brandt hoped in vain.", "hoped"),  # "in" names what is believed in only after "believe"
    ],
)
def test_finding_out_is_no_belief(text: str, cue: str) -> None:
    assert not [x for x in listed(text) if x[1] == cue]


def test_a_belief_with_its_clause_is_read_as_before() -> None:
    assert ("The ferry union", "thought") in listed("The ferry union thought about it for a week and then voted.")


# -- a view held, with what it is about: "has doubts about", "raised questions about", "made no secret of" --


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Ravi Osei has serious doubts about the harbour plan.", "Ravi Osei", "has"),
        ("The dockers' union raised questions about the new contract.", "The dockers' union", "raised"),
        ("Lena Brandt made little secret of her misgivings over the tunnel.", "Lena Brandt", "made"),
        ("The councillors had the same position on the ferry fares.", "The councillors", "had"),
    ],
)
def test_a_view_held_about_something_names_its_holder(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Ravi Osei faced questions about the harbour plan.", "faced"),  # others hold those views of him
        ("The findings raise questions about the new contract.", "raise"),  # no one holds them
        ("Lena Brandt has a house on the hill.", "has"),  # no view at all
    ],
)
def test_a_view_others_hold_or_no_one_holds_names_no_source(text: str, cue: str) -> None:
    assert not [x for x in listed(text) if x[1] == cue]


# -- "But Roe claims that ...": a cue the tagger took for a plural noun ------------------------------------


def test_a_claim_verb_read_as_a_noun_still_names_its_subject() -> None:
    got = listed("But Osei claims that the ferry is safe.")
    assert ("Osei", "claims") in got


def test_an_owned_claim_stays_the_owners_claim() -> None:
    # "Roe's claims that ...": the noun, with its owner, is read as before
    got = listed("Lena Brandt's claims that the ferry is safe were disputed.")
    assert ("Lena Brandt's", "claims") in got
