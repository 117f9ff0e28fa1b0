"""Claimant rules found reading articles outside the gold sets (sentences invented).

- A speech tag that closes a sentence after a comma gives every figure before it, also when the parser
  hung the tag's verb on the first verb as a conjunct ("... were killed and eight others injured ...,
  officials have claimed.": the first figure had no claimant).
- A social network the small model tags as a person ("on Twitter") is never the one "he" names.
- "According to figures from X" names X, not "figures from X".
"""

from __future__ import annotations

from desk.extract import extract


def claimants(text: str) -> dict[str, str]:
    return {c.figure.text: c.claimant for c in extract(text).claims}


def test_a_closing_tag_read_as_a_conjunct_gives_the_first_figure_too() -> None:
    got = claimants("At least 13 sailors were killed and eight others injured in a night raid on the port, "
                    "officials from the harbour authority have claimed.")
    assert got == {"13": "officials from the harbour authority", "eight": "officials from the harbour authority"}


def test_a_conjunct_that_says_something_of_its_own_is_no_tag() -> None:
    # "claimed victory" has its own object, and ", and" joins a clause of its own
    got = claimants("Officials in the port said the night was calm. The tugs towed 40 barges and the crew of 12 "
                    "was praised, and officials have claimed victory.")
    assert got == {"40": "", "12": ""}


def test_he_is_never_a_social_network() -> None:
    got = claimants("The plea was first posted by Ivan Petrenko, a senior adviser, on Twitter on Monday "
                    "where he argued for more aid. That would take, he said, 300 of the new rocket systems.")
    assert got == {"300": "Ivan Petrenko"}


def test_figures_from_a_named_body_are_that_bodys() -> None:
    assert claimants("According to figures from Acme Steel, 40 ships sailed in May.") == {"40": "Acme Steel"}
    assert claimants("According to statistics from Vesk, 12 mills closed in June.") == {"12": "Vesk"}


def test_data_from_a_thing_names_no_maker() -> None:
    # "from" places the numbers here: satellites put out nothing of their own
    assert claimants("According to data from satellites, 40 ships sailed in May.") == {"40": ""}


def test_figures_from_a_month_keep_their_named_maker() -> None:
    assert claimants("Exports fell by 300 tonnes, according to Vesk Mills figures from late March.") == {
        "300": "Vesk Mills figures"
    }
