"""Claimant rules of session h35c (issue 15): "the country's", "the city's", "the region's" as the place they stand for.

A possessive that names a place by its kind ("the country's defence ministry", "the town's mayor") takes up the
last place of that kind the text named before, as "the ministry" takes up the ministry named before: the claimant
is that place's body ("Norwegian Defense Ministry", "Brenvik's mayor"), so it is one claimant with the body named
directly.  A country passes over the cities and regions named since (they lie inside it); a city or a region takes
only the last place named, and when that is of another kind, or nothing was named, or the sentence names two
candidates, the phrase stays as written.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract.names import canonical_name

from .helpers import claimants_by_figure


def test_the_country_is_the_last_country_named() -> None:
    text = "Norway shut two ferry terminals on Monday. The country's Defense Ministry said 40 lorries were turned back."
    assert claimants_by_figure(text)["40"] == "Norwegian Defense Ministry"
    # a city named since lies inside the country: passed over
    text = (
        "Norway shut two ferry terminals on Monday, and queues formed outside Bergen. "
        "The country's transport agency said 40 lorries were turned back."
    )
    assert claimants_by_figure(text)["40"] == "Norwegian transport agency"
    # the country's adjective names it too
    text = "Norwegian coastguards towed the trawler into port. The country's fisheries ministry said 12 crew were safe."
    assert claimants_by_figure(text)["12"] == "Norwegian fisheries ministry"
    # "the state's" may be the government or a federal state; "the Baltic state's" may follow another country
    text = "Norway fined a Latvian trucker. The Baltic state's prosecutors said 40 crates were seized."
    assert claimants_by_figure(text)["40"] == "Baltic state's prosecutors"
    # no country named before: the phrase stays
    text = "Two ferry terminals shut on Monday. The country's Defense Ministry said 40 lorries were turned back."
    assert claimants_by_figure(text)["40"] == "country's Defense Ministry"


def test_the_town_is_the_last_town_named_and_no_other_place() -> None:
    text = "Floods swept through the town of Brenvik on Monday. The town's mayor said 40 houses were lost."
    assert claimants_by_figure(text)["40"] == "Brenvik's mayor"
    text = "In Brenvik, the town's mayor said 40 houses were lost."
    assert claimants_by_figure(text)["40"] == "Brenvik's mayor"
    # the last place named is a country: "the city's" cannot be it
    text = (
        "Floods swept through the town of Brenvik on Monday, and Norway sent soldiers. "
        "The city's mayor said 40 houses were lost."
    )
    assert claimants_by_figure(text)["40"] == "city's mayor"
    # nothing named before
    assert claimants_by_figure("The city's mayor said 40 houses were lost.")["40"] == "city's mayor"
    # two towns in the phrase's own sentence: either may be meant
    text = "Storms cut power in Oslo and in the town of Osterholm, where 40 houses were lost, the town's mayor said."
    assert claimants_by_figure(text)["40"] == "town's mayor"


def test_the_region_is_only_a_region_the_text_calls_one() -> None:
    text = "Storms lashed the Vardal region overnight. The region's governor said 30 roads were shut."
    assert claimants_by_figure(text)["30"] == "Vardal's governor"
    # a country that holds the region is no region
    text = "Storms lashed the Vardal region of Norway overnight. The region's governor said 30 roads were shut."
    assert claimants_by_figure(text)["30"] == "Vardal's governor"
    # a city named last: its region may have another name
    text = "Storms lashed the port city of Orsvik overnight. The region's governor said 30 roads were shut."
    assert claimants_by_figure(text)["30"] == "region's governor"


def test_a_title_owned_by_a_place_kind_goes_before_a_name() -> None:
    assert canonical_name("the country's Prime Minister Ana Rovik") == "Ana Rovik"
    assert canonical_name("the city's Deputy Mayor Tom Lund") == "Tom Lund"
    assert canonical_name("the country's Defense Ministry") == "country's Defense Ministry"
