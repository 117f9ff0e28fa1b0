"""A place named as an actor ("officials in Varnia", "Varnia denied it") is not where the event happened."""

import pytest

from desk.compare.actors import actor_places, event_places
from desk.compare.places import place_key, places_in
from desk.compare.profile import profile

from .helpers import make_ref

VARNIA, GREYFORD = place_key("Varnia"), place_key("Greyford")


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Varnia did not comment on the blast at the harbour.",
        "Varnia has not claimed the blast as its own.",
        "Varnia stopped short of claiming the attack.",
        "The defence ministry in Varnia accused the rebels of the attack.",
        "The president blamed Varnia for the explosion.",
        "The rebels shelled the depot to pin the blame on Varnia.",
        "Varnia's government said nothing about the blast.",
    ],
)
def test_a_place_that_speaks_acts_or_is_blamed_is_an_actor(text: str) -> None:
    assert actor_places(text, frozenset({VARNIA})) == {VARNIA}


@pytest.mark.parametrize(
    "text",
    [
        "A blast in Varnia killed three people.",
        "Two missiles hit Varnia on Monday, officials in Varnia said.",  # once a place, once an actor
        "The rebels shelled Varnia overnight.",
        "A Varnia-backed militia denied the attack.",  # an adjective, not the place
        "The governor of a region in Northern Varnia said two people were hurt.",  # a name of two words
    ],
)
def test_a_place_where_something_happened_is_no_actor(text: str) -> None:
    assert actor_places(text, frozenset({VARNIA})) == frozenset()


def test_event_places_keep_the_place_of_the_event_and_drop_the_actor() -> None:
    text = "Officials in Varnia said the depot in Greyford was hit twice."
    p = profile(make_ref(text, "North Post"))
    named = places_in(text)
    assert {VARNIA, GREYFORD} <= named
    assert list(event_places([p], [named])) == [named - {VARNIA}]
