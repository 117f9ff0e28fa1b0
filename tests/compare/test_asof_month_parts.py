"""A week, a few days or a half of a named month dates a claim in that month: "in the last week of March" is
late March, not the week before the article.

Every sentence here is written for these tests (invented places and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import resolve_as_of

TODAY = dt.date(2031, 6, 18)
d = dt.date


def _span(text: str, figure: str) -> tuple[dt.date | None, dt.date | None]:
    a = resolve_as_of(text, TODAY, at=text.index(figure))
    return a.start, a.end


def test_the_last_or_final_week_of_a_month_is_its_end() -> None:
    assert _span("In the last week of March, 340 people left Varnia by train.", "340") == (d(2031, 3, 21), d(2031, 3, 31))
    assert _span("During the final days of February, 340 people left Varnia.", "340") == (d(2031, 2, 21), d(2031, 2, 28))


def test_the_first_week_or_days_of_a_month_are_its_beginning() -> None:
    assert _span("In the first week of April, 340 people left Varnia by train.", "340") == (d(2031, 4, 1), d(2031, 4, 10))
    assert _span("Over the first two weeks of May, 340 people left Varnia.", "340") == (d(2031, 5, 1), d(2031, 5, 10))
    assert _span("Across the first few days of May, 340 people left Varnia.", "340") == (d(2031, 5, 1), d(2031, 5, 10))


def test_a_half_of_a_month_is_that_half() -> None:
    assert _span("In the first half of April, 340 people left Varnia.", "340") == (d(2031, 4, 1), d(2031, 4, 15))
    assert _span("In the second half of April, 340 people left Varnia.", "340") == (d(2031, 4, 16), d(2031, 4, 30))


def test_last_week_alone_is_still_the_week_before_the_article() -> None:
    assert _span("Last week 340 people left Varnia by train.", "340") == (d(2031, 6, 9), d(2031, 6, 15))
    assert _span("By the end of last week, 340 people had left Varnia.", "340") == (d(2031, 6, 9), d(2031, 6, 15))
