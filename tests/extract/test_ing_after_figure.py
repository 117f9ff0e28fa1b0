"""A word in -ing that never stands before a noun as its adjective ("relating", "having", "regarding",
"including"), right after a figure, names no counted thing: "£6m relating to the levy" counts nothing named.
Before a noun, an -ing word that may be an adjective still belongs to the phrase ("two starting pitchers").
Sentences are invented."""

import pytest

from desk.extract.figures import find_figures


def _counted(sentence: str) -> list[tuple[str, str]]:
    return [(f.text, f.counted) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("The firm set aside £6m relating to the new levy.", [("£6m", "")]),
        ("Crude traded above $85 having been lower a week before.", [("$85", "")]),
        ("The council paid 300 regarding the old debts.", [("300", "")]),
        ("The storm killed 30 including four children.", [("30", ""), ("four", "children")]),
    ],
)
def test_an_ing_word_that_is_never_an_adjective_names_nothing(sentence: str, want: list[tuple[str, str]]) -> None:
    assert _counted(sentence) == want


def test_an_ing_adjective_before_its_noun_stays_in_the_phrase() -> None:
    assert _counted("The club fielded two starting pitchers.") == [("two", "starting pitchers")]
