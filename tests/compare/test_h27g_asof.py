"""As-of days that keep one event's row to its days (issue 12), on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import resolve_as_of

TOLD = dt.date(2024, 10, 14)


def test_the_day_an_invasion_began_starts_a_count_told_months_later() -> None:
    # the count holds as of the report, counted since that day: not as of the day the invasion began
    for text in (
        "Norland launched its invasion of Varnia on March 3, which has cost the lives of 2,310 civilians.",
        "Since Norland invaded Varnia on March 3, 2,310 civilians have been killed.",
        "The March 3 invasion has claimed the lives of 2,310 civilians, monitors said.",
    ):
        asof = resolve_as_of(text, TOLD, years=False)
        assert (asof.start, asof.end, asof.since) == (TOLD, TOLD, dt.date(2024, 3, 3)), text


def test_a_day_that_opens_a_sentence_still_dates_it() -> None:
    asof = resolve_as_of("On March 3, as the invasion opened, 41 people died in Brenholt.", TOLD, years=False)
    assert (asof.start, asof.end) == (dt.date(2024, 3, 3), dt.date(2024, 3, 3))
    # a day's offensive is that day's events, not the start of a count
    asof = resolve_as_of("The offensive on 9 September left 41 soldiers dead near Brenholt.", TOLD, years=False)
    assert (asof.start, asof.end) == (dt.date(2024, 9, 9), dt.date(2024, 9, 9))


def test_over_the_last_year_is_the_twelve_months_before_the_report() -> None:
    asof = resolve_as_of("Over the last year, 3,800 families left the Orlen valley.", TOLD, years=False)
    assert (asof.start, asof.end) == (dt.date(2023, 10, 14), TOLD)
    asof = resolve_as_of("In the previous month the port shipped 61 cargoes of barley.", TOLD, years=False)
    assert (asof.start, asof.end) == (dt.date(2024, 9, 14), TOLD)


def test_last_year_without_the_is_the_calendar_year_before() -> None:
    asof = resolve_as_of("Last year 3,800 families left the Orlen valley.", TOLD, years=False)
    assert (asof.start, asof.end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
