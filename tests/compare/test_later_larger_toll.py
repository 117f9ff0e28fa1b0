"""Tolls of one attack's size told on different days, the later one larger and in other words, are another attack's
toll or the same toll updated, never a disagreement ("three killed" by shelling in a port on Monday, "22 killed" at a
rail depot on Tuesday).  A retold report with another figure a day later ("killing 22" / "killing 25", issue 12's
"a toll given differently within days") and a toll that fell the next day still clash."""

import dataclasses
import datetime as dt

from desk.compare.disagree import ClaimFact, judge

from .helpers import figure_claim

MONDAY, TUESDAY = dt.date(2023, 5, 8), dt.date(2023, 5, 9)


def _claim(text: str, written: str, outlet: str, day: dt.date) -> ClaimFact:
    return dataclasses.replace(figure_claim(text, written, outlet, day), told_in=(text, text.index(written)))


def _kinds(first: tuple[str, str], second: tuple[str, str], on: dt.date = TUESDAY) -> list[str]:
    a = _claim(*first, "Coast Herald", MONDAY)
    b = _claim(*second, "Valley Post", on)
    return [v.kind for v in judge([a, b], toll_gap_days=2)]


PORT = ("Overnight shelling killed three people in the river port of Tessaly, its mayor told reporters.", "three")
DEPOT = ("A rocket attack on a crowded rail depot in the hills killed 22 people, the president said.", "22")


def test_a_larger_toll_told_the_next_day_in_other_words_does_not_clash() -> None:
    assert "disagree" not in _kinds(PORT, DEPOT)


def test_the_same_tolls_told_on_one_day_still_clash() -> None:
    assert _kinds(PORT, DEPOT, on=MONDAY) == ["disagree"]


def test_a_retold_report_with_a_larger_toll_the_next_day_still_clashes() -> None:
    first = ("A rocket attack on the crowded rail depot at Harlow killed 22 people, the president said on Monday.", "22")
    later = ("A rocket attack on the crowded rail depot at Harlow killed 25 people, officials said on Tuesday.", "25")
    assert _kinds(first, later) == ["disagree"]


def test_a_toll_that_fell_the_next_day_still_clashes() -> None:
    fell = ("Overnight shelling killed 30 people in the river port of Tessaly, its mayor told reporters.", "30")
    assert _kinds(fell, DEPOT) == ["disagree"]
