"""Flag rules of session h36f (issue 12), from reading the flagged rows of twelve new research queries.

- A count of those who went to one place ("fled to Varnia", "entered Ardenia and Ostria") is a part of all who
  left, and of those who went elsewhere: no flag against either.  "fled Varnia" names where from, not a part.
- Counts of things fired or shot down ("fired seven rockets overnight") told days apart count two attacks, as
  tolls do: no flag; the same day's rival counts still clash.
- A figure in a report the sentence rejects ("dismissed as absurd reports that ... 4,000") asserts nothing and never
  clashes, like a question's; a report cited without rejecting it still does.
- Shares over two different long periods ("43 per cent over the last year" told in May, "nearly 30% last year")
  are two periods' shares, however they overlap: no flag; two shares of one period still clash.
- "aiming to ship 1 million tonnes" is an aim and "two million mill jobs could vanish" a possibility: neither is a
  count of what happened to set against one.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.disagree import judge
from desk.compare.places import different_scopes, figure_scope
from desk.compare.quantity import quantity_of
from desk.extract.figures import find_figures

from .helpers import figure_claim

DAY = dt.date(2025, 5, 14)


def _kinds(claims: list) -> list[str]:  # type: ignore[type-arg]
    return [v.kind for v in judge(claims)]


def _scoped(text: str, written: str, outlet: str) -> object:
    claim = figure_claim(text, written, outlet, DAY)
    (fig,) = [f for f in find_figures(text) if f.text == written]
    return dataclasses.replace(claim, scope=figure_scope(text, fig.start, fig.end))


def test_a_count_of_those_who_went_to_one_place_is_a_part() -> None:
    to_one = "Nearly 90,000 refugees have fled to Ostria since the dam burst."
    into_three = "In all 1.2 million refugees have entered Ostria, Varnia and Ardenia, the agency said."
    everyone = "Well over 2 million villagers have fled Kelmland since the dam burst."
    fig = next(f for f in find_figures(to_one) if f.value == 90_000)
    assert figure_scope(to_one, fig.start, fig.end).startswith("part:to:")
    fig = next(f for f in find_figures(everyone) if f.value == 2_000_000)
    assert figure_scope(everyone, fig.start, fig.end) == ""  # "fled Kelmland": where from
    a = _scoped(to_one, "90,000", "Coast Daily")
    b = _scoped(into_three, "1.2 million", "Harbour Post")
    c = _scoped(everyone, "2 million", "Valley Post")
    assert "disagree" not in _kinds([a, c])  # type: ignore[list-item]
    assert "disagree" not in _kinds([b, c])  # type: ignore[list-item]
    assert different_scopes("part:to:strs", "part:to:vrn")
    assert not different_scopes("part:to:strs", "part:to:strs")
    # "taken to hospital", "sent to the front": no place named, no part
    text = "Some 40 people were taken to hospital after the blasts."
    fig = next(f for f in find_figures(text) if f.value == 40)
    assert figure_scope(text, fig.start, fig.end) == ""


def _kind(text: str, written: str) -> str:
    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end), "")
    assert q is not None
    return q.kind


def test_an_aim_and_a_possibility_are_no_counts_of_what_happened() -> None:
    assert _kind("The trader is aiming to ship 1 million tonnes of barley from the river ports.", "1 million") \
        .startswith("planned")
    assert _kind("Analysts reckon two million mill jobs could vanish by winter.", "two million") \
        .startswith("planned")
    # refused: what could have happened is an estimate of the past; what did happen is a count
    assert not _kind("Up to 40 people could have been killed in the blasts.", "40").startswith("planned")
    assert not _kind("Two million jobs were lost in the mills last year.", "Two million").startswith("planned")


def _told(text: str, written: str, outlet: str, day: dt.date) -> object:
    claim = figure_claim(text, written, outlet, day)
    (fig,) = [f for f in find_figures(text) if f.text == written]
    return dataclasses.replace(claim, told_in=(text, fig.start))


def test_counts_of_things_fired_told_days_apart_are_two_attacks() -> None:
    early = _told("The rebels said the army fired nine rockets at the depot at about midnight.", "nine",
                  "Coast Daily", dt.date(2025, 5, 8))
    late = _told("The navy fired seven rockets at the river port overnight.", "seven", "Harbour Post", DAY)
    assert "disagree" not in [v.kind for v in judge([early, late], toll_gap_days=2)]  # type: ignore[list-item]
    # refused: the same day's rival counts still clash, and so do counts that say nothing was fired
    rival = _told("Officials said the navy fired nine rockets at the river port overnight.", "nine", "Valley Post", DAY)
    assert "disagree" in [v.kind for v in judge([rival, late], toll_gap_days=2)]  # type: ignore[list-item]
    stock = _told("The rebels said the army keeps nine rockets at the depot.", "nine", "Coast Daily",
                  dt.date(2025, 5, 8))
    held = _told("The navy keeps seven rockets at the river port.", "seven", "Harbour Post", DAY)
    assert "disagree" in [v.kind for v in judge([stock, held], toll_gap_days=2)]  # type: ignore[list-item]


def test_a_figure_in_a_rejected_report_asserts_nothing() -> None:
    claim = _told("The colonel said the garrison had lost nearly 900 soldiers in the siege.", "900", "Coast Daily", DAY)
    rejected = _told("The general dismissed as absurd reports that the garrison had lost some 4,000 soldiers.",
                     "4,000", "Harbour Post", DAY)
    assert "disagree" not in [v.kind for v in judge([claim, rejected])]  # type: ignore[list-item]
    denied = _told("The ministry denied claims that 4,000 soldiers had been lost in the siege.", "4,000",
                   "Valley Post", DAY)
    assert "disagree" not in [v.kind for v in judge([claim, denied])]  # type: ignore[list-item]
    # refused: a report told without rejecting it still clashes
    told = _told("The general cited reports that the garrison had lost some 4,000 soldiers.", "4,000", "Harbour Post",
                 DAY)
    assert "disagree" in [v.kind for v in judge([claim, told])]  # type: ignore[list-item]


def test_shares_of_two_long_periods_are_two_periods() -> None:
    from desk.compare.asof import AsOf

    last_twelve = dataclasses.replace(
        figure_claim("Wind farms made 43 per cent of Kelmland's power in the twelve months to May.", "43 per cent",
                     "Coast Daily", DAY),
        as_of=AsOf(dt.date(2024, 5, 14), dt.date(2025, 5, 14)))
    calendar = dataclasses.replace(
        figure_claim("Wind farms made nearly 30% of Kelmland's power in 2024.", "30%", "Harbour Post", DAY),
        as_of=AsOf(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    assert "disagree" not in _kinds([last_twelve, calendar])
    # refused: two shares of one period still clash, and so do two counts of two periods
    same_year = dataclasses.replace(
        figure_claim("Wind farms made 43 per cent of Kelmland's power in 2024.", "43 per cent", "Valley Post", DAY),
        as_of=AsOf(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    assert "disagree" in _kinds([same_year, calendar])
