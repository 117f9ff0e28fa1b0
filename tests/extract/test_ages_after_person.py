"""Ages told after a person and a verb ("who is 81", "when she was 16", "he's 65") are no figures: the guide
counts no age in any form.  A number after the same words that a noun or a unit follows still counts
("they were 400 kilometres away", "we are 40 volunteers").  Sentences are invented."""

import pytest

from desk.extract.figures import find_figures


def _texts(sentence: str) -> list[str]:
    return [f.text for f in find_figures(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ms Vell, who is 81, said the harbour had flooded twice.",
        "She left the village school when she was 16.",
        "Her sons, who are 17 and 23, stayed behind in the city.",
        '"I\'m now 53 and my knees hurt," the swimmer said.',
        "Mr Dorn, who turns 92 this month, still rides to the market.",
        "He first stood for mayor when Ardis was 29.",
        "The twins, who would be 85 and 84 next spring, refuse to move away.",
        "They're only 12 - far too young to work the nets.",
    ],
)
def test_an_age_after_a_person_is_no_figure(sentence: str) -> None:
    assert _texts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("They were 400 kilometres away from the coast.", ["400"]),
        ("We are 40 volunteers in the valley this week.", ["40"]),
        ("There were 14 attempts to cross the river.", ["14"]),
        ("He was 5 goals behind the leader.", ["5"]),
        ("Ms Vell, who is 81, said 300 people came to the meeting.", ["300"]),
    ],
)
def test_a_count_after_the_same_words_still_counts(sentence: str, figures: list[str]) -> None:
    assert _texts(sentence) == figures
