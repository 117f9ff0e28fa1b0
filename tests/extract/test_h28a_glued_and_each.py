"""A name the parser glued to an outlet, and "each" as a speaker (issue 15, h28a).

- "In a talk with the Harbour Times Ida Roe said ...": with no comma after the opening phrase, the
  parser makes the speaker one proper noun with the outlet that ends the phrase ("the Harbour Times Ida
  Roe"); the name after the outlet's last word speaks, the outlet does not;
- "..., each touting a timetable and saying ...": "each" standing for people just named is listed as a
  source with no name, as "some" and "many" are (it is never a claimant).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_a_name_glued_to_the_outlet_that_ends_an_opening_phrase() -> None:
    got = listed("In a talk with the Harbour Times Ida Roe said that the pier would close.")
    assert ("Ida Roe", "said") in got
    got = listed("At a forum with the staff of the Harbour Post Mayor Ellis said that the bridge would close.")
    assert ("Mayor Ellis", "said") in got
    # the outlet itself, where it is the source, stays whole
    assert ("the Harbour Times", "praised") in listed("The pier was praised by the Harbour Times on Monday.")


def test_each_of_the_people_just_named_is_listed() -> None:
    text = "The two mayors sparred over the ferry on Monday, each touting a timetable and saying the other had failed."
    assert ("each", "saying") in listed(text)
