"""Readings of figures (session 38).  Every sentence is invented.

- "At 77, he ..." opens a sentence with the age of the person it goes on to name: an age is no figure
  (the gold guide), and it was listed as a count.
- A year with a plural noun after it is no count when a word before it picks out which ones ("other
  potential 2028 challengers", "the league's 2026 fixtures").
- An adverb right after a figure says how, not what: "earn $90,000 annually, far above ..." counted
  "annually", "30% directly to the army" counted "directly".  Before a noun it still reads on ("two newly
  built ships").
- A past tense right after a figure ("only 7% sought advice") is what the group did, not a thing counted;
  and an age after a name may end its sentence ("the deckhand Tam Vell, 17.").
- An age told by its verb or phrase is no figure, in digits or in words ("turned 58", "as young as sixteen",
  "at the age of eleven": the last was read only in digits), and so is an age in words after a name
  ("Mira, nine,"), and the age of a group ("voters under 35"); a year before 1800 after "in" or "since"
  ("In 1612,") is a year, and "four o'clock" a time of day.
"""

from __future__ import annotations

import pytest

from desk.extract.figures import find_figures


def _figures(sentence: str) -> list[tuple[str, str]]:
    return [(f.text, f.counted) for f in find_figures(sentence)]


@pytest.mark.parametrize("sentence", [
    "At 81, she still runs the ferry office every morning.",
    "The council met twice. At 19, Tomas Reel became its youngest member.",
    "At 64, Vell's best years may be behind him, critics said.",
])
def test_an_age_that_opens_a_sentence_is_no_figure(sentence: str) -> None:
    assert _figures(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    # a count after "At" is still one: no person follows the comma
    ("At 400, the toll is the highest the port has seen.", [("400", "")]),
    # a figure beside the age keeps its reading
    ("At 81, she has rowed 12 races this year.", [("12", "races")]),
])
def test_other_numbers_after_at_stay_figures(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The couple earn $90,000 annually, far above the local wage.", [("$90,000", "")]),
    ("About 30% directly to the army, the plan says.", [("30%", "")]),
    ("Rents rose 4% monthly in the spring.", [("4%", "")]),
    ("The yard launched two newly built trawlers.", [("two", "newly built trawlers")]),
    ("The app has 3 million monthly users.", [("3 million", "monthly users")]),
])
def test_an_adverb_after_a_figure_names_nothing_counted(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The governor mocked other likely 2028 challengers at the dinner.",
    "The league's 2026 fixtures were published on Friday.",
    "Several prospective 2030 bidders have pulled out.",
])
def test_a_year_picked_out_by_the_words_before_it_is_no_figure(sentence: str) -> None:
    assert _figures(sentence) == []


def test_a_round_number_of_things_still_counts() -> None:
    assert _figures("Rescuers sent some 2000 tents to the valley.") == [("2000", "tents")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a past tense right after a share or a bare number is what the group did: nothing named is counted
    ("Only 7% sought advice, and just 3% saw a lawyer.", [("7%", ""), ("3%", "")]),
    ("About 45% said they would stay.", [("45%", "")]),
    # after the noun it still ends the phrase, as before
    ("Four porters said the crane fell.", [("Four", "porters")]),
])
def test_a_past_tense_right_after_a_figure_names_nothing(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Her cousins are Ana Roe, 19, and the ferry owner Ilse Roe, 52.",
    "The youngest on board was the deckhand Tam Vell, 17.",
])
def test_an_age_after_a_name_at_the_end_of_a_sentence_is_no_figure(sentence: str) -> None:
    assert _figures(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The skipper turned 58 at sea last week.",
    "Her grandmother turns 90 in the spring.",
    "Recruits as young as sixteen and seventeen were seen at the camp.",
    "Pupils leave the village school at the age of eleven.",
])
def test_an_age_told_by_its_verb_is_no_figure(sentence: str) -> None:
    assert _figures(sentence) == []


def test_a_verb_of_age_before_things_counted_leaves_a_figure() -> None:
    assert [text for text, _ in _figures("The patrol turned 12 trawlers back to port.")] == ["12"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Only four of the region's 15 ports meet the new rule.", [("four", "ports"), ("15", "ports")]),
    ("The 11 villages include two on the coast.", [("11", "villages"), ("two", "")]),
    ("Three hospitals account for most of the beds.", [("Three", "hospitals")]),
])
def test_a_present_tense_after_the_plural_ends_the_thing_counted(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Her youngest, Mira, nine, sleeps in the hall.",
    "The cook's grandson Tam, six.",
    "In 1612, the abbey burned down.",
    "The fair has been held since 1479 and still draws crowds.",
])
def test_an_age_in_words_and_an_early_year_are_no_figures(sentence: str) -> None:
    assert _figures(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Floods reached 1300 homes in the delta.", [("1300", "homes")]),
    ("In 1300 cases the tribunal agreed.", [("1300", "cases")]),
    ("The toll in Ardo, nine, rose on Monday.", [("nine", "")]),  # after a place, a number is no age
])
def test_counts_beside_those_rules_stay(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The scheme is aimed at voters under 35 across the north.",
    "Adults over 70 will be offered the jab first.",
    "The ferry sailed at four o'clock sharp.",
    "The bells rang at 6 o’clock.",
])
def test_the_age_of_a_group_and_a_time_of_day_are_no_figures(sentence: str) -> None:
    assert _figures(sentence) == []


def test_a_measure_under_which_people_stay_is_a_figure() -> None:
    assert _figures("The cage holds people under 200 kilos.") == [("200", "kilos")]
