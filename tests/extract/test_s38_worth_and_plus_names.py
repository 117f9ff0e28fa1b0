"""Two readings of figures (session 38).  Every sentence is invented.

- "worth of": an amount "worth of" something counts that thing ("$3 million worth of seed" counts the seed);
  before, the phrase read "worth" as the thing counted, so two reports of the same consignment were not
  seen to count the same thing.
- digits joined by a plus ("7+7", the name of a channel; the "2+2" talks) are a name, not two figures.
"""

from __future__ import annotations

import pytest

from desk.extract.figures import find_figures

from .helpers import counted


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    ("The charity shipped $3 million worth of seed to the valley farms.", "$3 million", "seed"),
    ("Lenders froze €40 worth of vouchers per family last winter.", "€40", "vouchers"),
    ("The port handled £12bn worth of timber exports in the year.", "£12bn", "timber exports"),
    # "worth" with no "of" after it keeps its old reading: what comes after is no thing counted by the amount
    ("The new ferry alone is worth $900,000, the council said.", "$900,000", ""),
])
def test_worth_of_counts_what_follows_of(sentence: str, figure: str, expected: str) -> None:
    assert counted(sentence, figure) == expected


@pytest.mark.parametrize("sentence", [
    "The presenter of 7+7 said the studio would reopen.",
    "Ministers met for the 2+2 talks in the capital.",
])
def test_digits_joined_by_a_plus_are_a_name(sentence: str) -> None:
    assert [f.text for f in find_figures(sentence)] == []


def test_a_plus_name_leaves_the_figures_beside_it() -> None:
    figures = find_figures("The channel 7+7 said 45 homes lost power.")
    assert [(f.text, f.counted) for f in figures] == [("45", "homes lost")]
