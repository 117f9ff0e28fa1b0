"""A day named without its year that falls just after the article's date is a day to come.

"Polls open on 14-16 May" in an article of 11 May is about this May, not the May a year back, and a
figure in that sentence does not hold as of a day that has not come.  Every sentence is written for
these tests (invented places and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import resolve_as_of

WRITTEN = dt.date(2031, 5, 11)


def _as_of(text: str, figure: str, day: dt.date = WRITTEN) -> tuple[dt.date | None, dt.date | None]:
    a = resolve_as_of(text, day, at=text.index(figure))
    return a.start, a.end


def test_a_day_just_ahead_is_not_read_a_year_back() -> None:
    text = "Officials in Varnia called votes for May 14-16 in districts holding about 12% of the province."
    start, end = _as_of(text, "12%")
    # the old reading put the claim on 14 May 2030, a year before the article
    assert start is None or start.year == 2031
    assert end is None or end >= dt.date(2031, 1, 1)
    # nothing dates the claim but the article itself
    assert (start, end) == _as_of("Officials in Varnia hold about 12% of the province.", "12%")


def test_a_day_just_ahead_across_new_year_is_a_day_to_come() -> None:
    winter = dt.date(2031, 12, 20)
    text = "The port expects 40 ships on January 3, the harbour office said."
    start, end = _as_of(text, "40", winter)
    assert start is None or start >= dt.date(2031, 1, 1)
    assert (start, end) == _as_of("The port expects 40 ships, the harbour office said.", "40", winter)


def test_days_already_past_keep_their_year() -> None:
    d = dt.date
    # a day earlier this year, and one months ahead of the article (last year's)
    assert _as_of("On May 2, 300 homes lost power in Varnia.", "300") == (d(2031, 5, 2), d(2031, 5, 2))
    assert _as_of("On 20 November, 300 homes lost power in Varnia.", "300") == (d(2030, 11, 20), d(2030, 11, 20))
    # the article's own day is not a day to come
    assert _as_of("On May 11, 300 homes lost power in Varnia.", "300") == (WRITTEN, WRITTEN)
