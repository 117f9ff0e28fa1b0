"""Figures: a preposition ends the counted phrase, a suspended hyphen keeps its compound, and numbers that are
identifiers (markup values, ten digits or more with nothing counted after them) are no figures."""

from __future__ import annotations

import pytest

from desk.extract.figures import find_figures


def _figures(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.counted) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The charity raised $4 million through a winter appeal.", ""),
        ("Voters gave the mayor a 44% rating among pensioners.", "rating"),
        ("The convoy stopped 30 km beyond the last checkpoint.", "km"),
        ("Fares stay frozen at 2% until the spring.", ""),
        ("Rents rose to 15% above the level of the year before.", ""),
        ("Nine lorries waited behind the barrier.", "lorries"),
        ("Crews cleared 12 roads within a week.", "roads"),
    ],
)
def test_a_preposition_after_the_figure_opens_a_phrase_of_its_own(text: str, counted: str) -> None:
    [(_, got)] = _figures(text)
    assert got == counted


def test_a_suspended_hyphen_keeps_the_compound_and_its_noun() -> None:
    assert _figures("The levy falls on 3 million small- and medium-sized firms.") == [
        ("3 million", "small- and medium-sized firms")
    ]


def test_and_without_a_suspended_hyphen_still_ends_the_phrase() -> None:
    assert _figures("They sent 40 trucks and a crane.") == [("40", "trucks")]


@pytest.mark.parametrize(
    "text",
    [
        '<post author="marta" stamp="1611223344" ref="992211334455667788">Quiet night here.</post>',
        "Readers may call 8005550199 with tips.",
        "Her post 1452637485960 was removed within the hour.",
        "Open the archive at page=40 for the ledger.",
    ],
)
def test_identifiers_and_markup_values_are_no_figures(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Some 1400000000 people live in the region.", ("1400000000", "people")),
        ("The fund pledged $2500000000 to the scheme.", ("$2500000000", "")),
        ("The bill came to 42,000,000,000 roubles.", ("42,000,000,000", "roubles")),
    ],
)
def test_a_long_count_with_its_noun_currency_or_separators_stays(text: str, figure: tuple[str, str]) -> None:
    assert _figures(text) == [figure]


@pytest.mark.parametrize(
    "text",
    ["Tomas Ilves, 52 ― a ferry pilot ― was hurt.", "Tomas Ilves, 52 — a ferry pilot — was hurt.",
     "Tomas Ilves, 52 - a ferry pilot - was hurt."],
)
def test_an_age_between_dashes_after_a_name_is_no_figure(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(
    "text", ["In Lorvik, 52 — most of them sailors — were hurt.", "In Lorvik, 52, most of them sailors, were hurt."]
)
def test_a_count_after_a_place_and_a_comma_stays(text: str) -> None:
    assert [t for t, _ in _figures(text)] == ["52"]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Luckily, one ferryman wrote to the harbour board.", "ferryman"),
        ("He said one mortar round landed near the school.", "mortar round"),
        ("Witnesses said one drone reportedly crashed into a barn.", "drone"),
        ("Organisers said one former harbour pilot described the storm as the worst in years.", "former harbour pilot"),
    ],
)
def test_a_past_tense_after_the_noun_of_one_ends_the_phrase(text: str, counted: str) -> None:
    assert _figures(text) == [("one", counted)]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The blast left one dock worker injured.", "dock worker injured"),
        ("Staff said the farm is now one big family.", "big family"),
        ("Police said one Tartu-based courier vanished.", "Tartu-based courier"),
        ("Crews repaired one talk show set by noon.", "talk show set"),
    ],
)
def test_what_may_still_belong_to_the_phrase_of_one_stays(text: str, counted: str) -> None:
    assert _figures(text)[0] == ("one", counted)


@pytest.mark.parametrize(
    "text",
    ["Councils need more staff 2) Freeze the tariff for a year.", "Risks abound: '1) A strike at the port."],
)
def test_a_list_number_run_into_the_line_is_no_figure(text: str) -> None:
    assert _figures(text) == []


def test_a_count_that_closes_a_bracket_stays() -> None:
    assert [t for t, _ in _figures("Fares rose (by up to 3) Last year they fell.")] == ["3"]


@pytest.mark.parametrize(
    "text", ["In the survey 41% approve and 52% disapprove.", "Roughly 63% believe the ferry will run again."]
)
def test_the_verb_of_a_share_names_nothing_counted(text: str) -> None:
    assert {c for _, c in _figures(text)} == {""}


def test_a_compound_noun_that_opens_with_such_a_verb_stays() -> None:
    assert _figures("Three think tanks wrote to the board.") == [("Three", "think tanks")]
