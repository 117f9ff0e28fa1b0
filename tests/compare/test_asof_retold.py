"""The day a sentence is about, for claims retold later: "since ... a month ago", "Saturday 6 March",
"captured after ... in late May".  Each rule is checked on its own and on the row it decides."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.asof import AsOf, resolve_as_of
from desk.compare.grouping import build_rows

from .helpers import make_ref

BASE = dt.date(2021, 4, 2)


def test_since_a_span_ago_counts_up_to_the_article_day() -> None:
    got = resolve_as_of("Over 2,000 families have left since the flooding began a month ago.", BASE)
    assert (got.start, got.end, got.since) == (BASE, BASE, dt.date(2021, 3, 2))


def test_a_span_ago_without_since_is_still_that_day() -> None:
    got = resolve_as_of("Two weeks ago the dam gave way.", BASE)
    assert got.exact == dt.date(2021, 3, 19)


def test_a_weekday_followed_by_its_date_is_that_date() -> None:
    for text in ("On Saturday 6 March a dam burst upstream.", "The dam burst on Saturday, March 6, officials said."):
        assert resolve_as_of(text, BASE).exact == dt.date(2021, 3, 6), text


def test_a_weekday_alone_is_the_last_such_day() -> None:
    assert resolve_as_of("The dam burst on Saturday.", BASE).exact == dt.date(2021, 3, 27)


def test_a_date_the_claim_comes_after_opens_an_interval_to_the_article_day() -> None:
    got = resolve_as_of("The flood killed 14 guards, some hired after the harvest in late February.", BASE)
    assert got == AsOf(dt.date(2021, 2, 21), BASE, "in late February")


def test_a_date_in_the_main_clause_is_unchanged() -> None:
    got = resolve_as_of("The flood killed 14 guards in late February.", BASE)
    assert (got.start, got.end) == (dt.date(2021, 2, 21), dt.date(2021, 2, 28))


def _dated(text: str, outlet: str, day: dt.date) -> object:
    return dataclasses.replace(make_ref(text, outlet), date=day)


def _row_of(rows: list, outlet: str) -> int:  # type: ignore[type-arg]
    return next(i for i, r in enumerate(rows) if outlet in r.cells)


def test_a_count_since_a_span_ago_shares_a_row_with_the_same_count_days_later() -> None:
    rows = build_rows([
        _dated("More than 2,000 families have left the valley since the flooding began a month ago, "
               "the relief agency said.", "Outlet A", dt.date(2021, 4, 1)),
        _dated("The relief agency says more than 2,000 families have left the valley since the floods "
               "started.", "Outlet B", dt.date(2021, 4, 3)),
        _dated("Engineers inspected the cracked levee and ordered repairs before the spring rains.",
               "Outlet C", dt.date(2021, 4, 2)),
    ])
    assert _row_of(rows, "Outlet A") == _row_of(rows, "Outlet B")
    assert _row_of(rows, "Outlet C") != _row_of(rows, "Outlet A")


def test_a_retelling_that_names_the_day_joins_the_first_report() -> None:
    rows = build_rows([
        _dated("A dam burst above the mill town on Saturday, killing 14 villagers, officials said.",
               "Outlet A", dt.date(2021, 3, 7)),
        _dated("On Saturday 6 March a dam burst above the mill town, killing 14 villagers.",
               "Outlet B", dt.date(2021, 4, 20)),
    ])
    assert len(rows) == 1
    assert set(rows[0].cells) == {"Outlet A", "Outlet B"}


def test_the_first_couple_of_weeks_is_open_before_the_article_day() -> None:
    for text in ("The mill burned in the first couple of weeks of the strike.",
                 "In the first few weeks of the strike 40 looms were lost."):
        got = resolve_as_of(text, BASE)
        assert (got.start, got.end) == (None, BASE), text


def test_a_report_named_by_its_since_clause_is_of_that_time() -> None:
    # "not updated since late February, when it said ...": the figure is February's, not counted since
    got = resolve_as_of("The board has not revised its count since late February, when it said 14 guards had "
                        "died in the flood.", BASE)
    assert (got.start, got.end, got.since) == (dt.date(2021, 2, 21), dt.date(2021, 2, 28), None)
    # a count the "when" clause says stood at a figure then is of that time too
    text = "It is the first update since late February when the number of drowned cattle stood at 1,204."
    stood = resolve_as_of(text, BASE, at=text.index("1,204"))
    assert (stood.start, stood.end, stood.since) == (dt.date(2021, 2, 21), dt.date(2021, 2, 28), None)
    # a "since" clause whose "when" tells of an event, not of a report, still counts up to the article day
    counted = resolve_as_of("Since 3 March, when the levee broke, 2,000 families have left.", BASE)
    assert (counted.start, counted.end, counted.since) == (BASE, BASE, dt.date(2021, 3, 3))


def test_a_report_retold_months_later_joins_the_first_report() -> None:
    rows = build_rows([
        _dated("The mill board said 214 guards had died in the flood, its first count of the dead.",
               "Outlet A", dt.date(2021, 2, 25)),
        _dated("The mill board has not revised its count since late February, when it said 214 guards had "
               "died in the flood.", "Outlet B", dt.date(2021, 6, 10)),
    ])
    assert len(rows) == 1
    assert set(rows[0].cells) == {"Outlet A", "Outlet B"}


def test_now_in_the_figures_own_clause_is_the_article_day() -> None:
    text = ("At the height of the floods in January and February the pumps moved 900 tonnes a day, "
            "while now they move around 120 tonnes a day.")
    assert resolve_as_of(text, BASE, at=text.index("900")).end == dt.date(2021, 2, 28)
    got = resolve_as_of(text, BASE, at=text.index("120"))
    assert got.exact == BASE
    assert got.basis == "now"
    for text in ("The shelter currently houses 85 families.", "At present the shelter houses 85 families."):
        assert resolve_as_of(text, BASE, at=text.index("85")).exact == BASE, text
    # "known" and "nowhere" hold no "now"
    assert resolve_as_of("It is not known how many of the 85 families came in March.", BASE,
                         at=45).start == dt.date(2021, 3, 1)


def test_a_count_over_the_past_span_holds_on_the_reference_day_counted_since_its_start() -> None:
    text = "The guild lost 120 looms over the past two weeks, its treasurer said."
    got = resolve_as_of(text, BASE, at=text.index("120"))
    assert (got.start, got.end, got.since) == (BASE, BASE, dt.date(2021, 3, 19))
    # "the first N days" of something the sentence names stays open at its start
    text = "In the first five days of the strike the guild lost 120 looms."
    got = resolve_as_of(text, BASE, at=text.index("120"))
    assert (got.start, got.end) == (None, BASE)


def test_a_sentence_opening_on_a_date_sets_the_day_its_relative_expressions_count_from() -> None:
    # retold weeks later: the two weeks end on the day the treasurer spoke, not on the article's
    text = "On March 4, the treasurer announced that over the previous two weeks the guild had lost 120 looms."
    got = resolve_as_of(text, BASE, at=text.index("120"))
    assert (got.start, got.end, got.since) == (dt.date(2021, 3, 4), dt.date(2021, 3, 4), dt.date(2021, 2, 18))
    text = "On March 4, the treasurer said the mill had burned two days earlier."
    assert resolve_as_of(text, BASE, at=text.index("two days")).exact == dt.date(2021, 3, 2)
    # a date inside the sentence, or one under "by", frames nothing
    text = "The treasurer, elected on March 4, said the guild had lost 120 looms two days earlier."
    assert resolve_as_of(text, BASE, at=text.index("120")).exact == dt.date(2021, 3, 31)
    text = "By March 4 the guild had lost 120 looms, and 40 more burned two days ago."
    assert resolve_as_of(text, BASE, at=text.index("40")).exact == dt.date(2021, 3, 31)
