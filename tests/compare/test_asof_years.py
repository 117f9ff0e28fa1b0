"""A year the text gives dates the claim: "from 2014 to 2016", "in 2016", "since 2014", "by 2030".

Every sentence here is written for these tests (invented places and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import resolve_as_of
from desk.compare.disagree import ClaimFact, judge
from desk.compare.quantity import quantity_of
from desk.extract.figures import find_figures

TODAY = dt.date(2031, 8, 22)


def _span(text: str, figure: str, day: dt.date = TODAY) -> tuple[dt.date | None, dt.date | None]:
    a = resolve_as_of(text, day, at=text.index(figure))
    return a.start, a.end


def test_spans_and_single_years_date_the_claim() -> None:
    d = dt.date
    assert _span("A report found that from 2024 to 2026, up to 2,000 civilians were killed in Varnia.", "2,000") == (
        d(2024, 1, 1), d(2026, 12, 31))
    assert _span("Between 2024 and 2026, 2,000 civilians were killed.", "2,000") == (d(2024, 1, 1), d(2026, 12, 31))
    assert _span("Up to 2,000 civilians were killed in 2024-2026.", "2,000") == (d(2024, 1, 1), d(2026, 12, 31))
    assert _span("Up to 2,000 civilians were killed in 2024–26.", "2,000") == (d(2024, 1, 1), d(2026, 12, 31))
    assert _span("In 2026, 2,000 civilians were killed.", "2,000") == (d(2026, 1, 1), d(2026, 12, 31))
    # the current year runs up to the reference day
    assert _span("In 2031, 2,000 civilians were killed.", "2,000") == (d(2031, 1, 1), TODAY)
    # "since 2024" counts up to the reference day; "by 2040" holds at the end of that year
    since = resolve_as_of("Since 2024, 2,000 civilians were killed.", TODAY, at=6)
    assert (since.start, since.end, since.since) == (TODAY, TODAY, d(2024, 1, 1))
    assert _span("By 2040 the plant will make 2,000 megawatts.", "2,000") == (d(2040, 12, 31), d(2040, 12, 31))


def test_numbers_that_are_not_years_date_nothing() -> None:
    for text in ("About 2,000 people were killed, officials said.", "Prices rose 2024 percent.",
                 "Call 2024-555-12 for 2,000 tickets.", "The score was 1990-80 at the break, with 2,000 watching."):
        assert _span(text, "2,000" if "2,000" in text else "2024") == (TODAY, TODAY), text


def test_a_passage_is_not_dated_by_a_year_it_names_in_passing() -> None:
    text = "The blackout revived fears in a region still haunted by the disaster in 1986."
    assert resolve_as_of(text, TODAY, years=False).start == TODAY
    assert resolve_as_of(text, TODAY).start == dt.date(1986, 1, 1)


def _claim(text: str, written: str, claimant: str, outlet: str) -> ClaimFact:
    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end), claimant)
    assert q is not None
    as_of = resolve_as_of(text, TODAY, at=fig.start)
    return ClaimFact.from_figure(fig, claimant, q, as_of, outlet, key=(outlet, written), document=outlet)


def test_a_toll_of_years_ago_does_not_clash_with_todays() -> None:
    old = _claim("A UN report found that from 2024 to 2026, up to 2,000 civilians were killed in Varnia.", "2,000",
                 "UN", "Daily A")
    now = _claim("The UN says 5,587 civilians have been killed in Varnia.", "5,587", "UN", "Daily B")
    assert not any(v.disagreement for v in judge([old, now]))
    same_time = _claim("Officials said 9,000 civilians were killed in Varnia from 2024 to 2026.", "9,000",
                       "officials", "Daily C")
    assert any(v.disagreement for v in judge([old, same_time]))


def test_the_next_month_after_for_by_or_before_is_the_coming_one_not_last_years() -> None:
    base = dt.date(2031, 10, 31)
    # cargoes booked "for November" in an article of 31 October are for the coming November: no as-of of
    # their own, so the article's date (was November 2030, eleven months back)
    got = resolve_as_of("Millers booked 30,000 tonnes for November delivery.", base)
    assert (got.start, got.end) == (base, base)
    got = resolve_as_of("The pier is to reopen by November, with 40 berths.", base)
    assert (got.start, got.end) == (base, base)
    # a month told in the past stays in the past, even the next month's name
    got = resolve_as_of("In November, 50 boats were lost.", base)
    assert (got.start, got.end) == (dt.date(2030, 11, 1), dt.date(2030, 11, 30))
    got = resolve_as_of("In January, 50 boats were lost.", dt.date(2031, 12, 20))
    assert (got.start, got.end) == (dt.date(2031, 1, 1), dt.date(2031, 1, 31))


def test_a_whole_year_reads_as_the_year() -> None:
    # "in 2026" holds for the whole year: its label is "2026", not its first and last days
    a = resolve_as_of("In 2026, some 1,400 homes in Varnia were rebuilt.", TODAY, at=14)
    assert (a.start, a.end) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert a.label() == "2026"
    b = resolve_as_of("From 2024 to 2026, some 1,400 homes in Varnia were rebuilt.", TODAY, at=24)
    assert b.label() == "2024-01-01 – 2026-12-31"
