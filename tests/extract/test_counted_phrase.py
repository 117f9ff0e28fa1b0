"""What a figure counts: the noun phrase read after it (desk.extract.figures._counted).

Every sentence here is invented.  Each case failed before the rule it tests: a model's designation
ended the phrase ("three Vexa-40 gliders" counted nothing), "of these" hid the thing
counted, "them" was read as a thing, and a word in -ing that opens a phrase of its own ran on
("three barges following a storm" counted "barges following"), and the verb after "watchmen" was
read as part of the thing counted.
"""

from __future__ import annotations

import pytest

from desk.extract.figures import find_figures

from .helpers import counted


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a designation keeps the noun after it, and takes none of the three words
    ("The navy said three Vexa-40 gliders crossed the bay at dawn.", "three", "Vexa-40 gliders"),
    ("Officials counted two Northern Kt-9 patrol boats near the pier.", "two", "Northern Kt-9 patrol boats"),
    ("The air base now hosts six Arlo-12s, a report said.", "six", "Arlo-12s"),
    ("Nine Zeta-3 cargo drones were seen over the harbour.", "Nine", "Zeta-3 cargo drones"),
    # capitals and a number run together name a model only before the noun they qualify
    ("The depot still holds 140 K650 field guns, the audit found.", "140", "K650 field guns"),
    # "of these" leads to the thing counted, as "of the" does
    ("The coastguard stopped four of these trawlers last month.", "four", "trawlers"),
    ("About 30% of these loans were never repaid.", "30%", "loans"),
    # after a plural, a word in -ing that opens a phrase of its own ends the thing counted
    ("The crews moved three barges following a storm warning.", "three", "barges"),
    ("The office received 120 letters concerning the new tolls.", "120", "letters"),
    ("There are 45 permits pending at the council.", "45", "permits"),
    # a long compound reads on to its plural head, up to five words
    ("The ministry ordered 24 light armoured recovery vehicles in May.", "24", "light armoured recovery vehicles"),
    ("Plans list 8 mobile coastal radar relay stations for the coast.", "8", "mobile coastal radar relay stations"),
    ("Crews fitted two extra low level air search radars to the ship.", "two", "extra low level air search radars"),
    # compounds of "men" are plurals: the verb after them says what they did
    ("Four watchmen stayed at the gate overnight.", "Four", "watchmen"),
])
def test_counted_phrase(sentence: str, figure: str, expected: str) -> None:
    assert counted(sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a pronoun counts nothing named
    ("Five of them walked back to the village.", "Five", ""),
    ("The garage kept 12 of them for spare parts.", "12", ""),
    # "of those" is mostly a pronoun: what follows is no thing counted
    ("Some 58% of those asked said the fare was too high.", "58%", ""),
    # before a noun, such a word in -ing is an adjective and stays ("other pending cases")
    ("The firm faces two other pending cases in the capital.", "two", "other pending cases"),
    # a lower-case run with a hyphen and digits is a range of units, not a model ("110km-120km")
    ("Fragments of rockets with a 40km-60km range were found.", "40", ""),
    # ... but not past a verb or a plural the phrase already holds
    ("Two senior port officers told reporters that the quay was shut.", "Two", "senior port officers"),
    ("Three harbour pilots stayed ashore during the gale.", "Three", "harbour pilots"),
    # a glued code before a scale is an amount, not a model
    ("The grant was $80 million Canadian (US61 million) in all.", "$80 million", "Canadian"),
    # "US" before a noun is the country, not the pronoun "us"
    ("The fund pledged $2 billion of US farm credit this year.", "$2 billion", "US farm credit"),
])
def test_counted_phrase_refused(sentence: str, figure: str, expected: str) -> None:
    assert counted(sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # after a month and a comma, a number with a word of its own counts: a date puts no comma before its day
    ("In April, 14 trawlers stayed in the harbour.", [("14", "trawlers")]),
    ("By June, nine depots had closed.", [("nine", "depots")]),
    # ... but a day or a year after the comma is still a date
    ("The fair opened on a Friday, April, 14th of that year.", []),
    ("The mill shut in June, 1998 and never reopened.", []),
    ("On April 14, 30 boats sailed from the port.", [("30", "boats")]),
])
def test_a_number_after_a_month_and_a_comma(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.counted) for f in find_figures(sentence)] == expected


def test_map_coordinates_are_no_figures() -> None:
    assert [f.text for f in find_figures("The clip was placed at 51.40213, 30.05627 by its poster, near 3 farms.")] == [
        "3"
    ]


@pytest.mark.parametrize("sentence", [
    "Lessons are free for pupils under the age of 12 this term.",
    "Conscripts between the ages of 19 and 45 were called to the depot.",
    "Riders aged 16 to 21 may enter the race.",
])
def test_ages_are_no_figures(sentence: str) -> None:
    assert find_figures(sentence) == []
