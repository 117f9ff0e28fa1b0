"""A toll that names no place is the toll of the place whose reports give its figure, not of the row's most
named place (a false flag found on queries the compare gold set does not hold, session 40).

Every sentence here is written for these tests (invented towns, people and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import AsOf
from desk.compare.disagree import ClaimFact
from desk.compare.statements import _place_of_match, _with_row_place

from .helpers import flagged_claims, told_claim

DAY = dt.date(2031, 5, 12)


def _claim(text: str, written: str, claimant: str, outlet: str, as_of: AsOf | None = None) -> ClaimFact:
    return told_claim(text, written, claimant, outlet, DAY, as_of)


_flagged = flagged_claims


def test_a_placeless_toll_takes_the_place_of_the_reports_giving_its_figure() -> None:
    # two towns' tolls in one row: Halbrook's named twice (the row's place), Dornfeld's once
    hal_a = _claim("Rocket fire on Halbrook killed three people on Friday, the governor said.", "three",
                   "the governor", "Daily A")
    hal_b = _claim("In Halbrook, three people died after rockets hit a market, the mayor said.", "three",
                   "the mayor", "Daily B")
    dorn = _claim("The death toll from the strike on Dornfeld rose to 27 on Friday.", "27", "", "Daily C")
    bare = _claim("The president said 27 people had been killed and dozens were missing.", "27", "the president",
                  "Daily D")
    assert bare.places == frozenset()
    assert hal_a.places == hal_b.places
    assert hal_a.places != dorn.places
    filled = _with_row_place([hal_a, hal_b, dorn, bare])
    # the placeless 27 is Dornfeld's toll, not Halbrook's: no clash with Halbrook's three
    assert filled[3].places == dorn.places
    assert not _flagged(filled)
    # a placeless toll no place-named report gives still takes the row's place, and clashes with its toll
    other = _claim("The president said nine people had been killed and dozens were missing.", "nine",
                   "the president", "Daily D")
    filled = _with_row_place([hal_a, hal_b, dorn, other])
    assert filled[3].places == hal_a.places
    assert _flagged(filled)


def test_reports_of_two_places_giving_the_figure_leave_the_row_place() -> None:
    north = _claim("Shelling in Halbrook wounded 12 people overnight, the governor said.", "12", "the governor",
                   "Daily A")
    north_b = _claim("Twelve people were wounded in Halbrook, police said.", "Twelve", "police", "Daily B")
    south = _claim("A drone struck a depot in Dornfeld and wounded 12 workers, officials said.", "12", "officials",
                   "Daily C")
    bare = _claim("Rescuers said the raid left 12 people wounded.", "12", "rescuers", "Daily D")
    assert _place_of_match(bare, [north, north_b, south, bare]) == frozenset()
    filled = _with_row_place([north, north_b, south, bare])
    # Halbrook's and Dornfeld's reports both give 12: no place in common, so the row's place (Halbrook)
    assert filled[3].places == north.places
