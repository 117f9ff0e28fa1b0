"""A thing's age in its own history, told differently by two outlets in one row: a disagreement.

"For the first time in its 40-year history" against "in its 30-year history" gives one plant two ages:
the row is flagged and its difference names both ages and outlets.  Ages that agree add nothing, an age
without an owner ("a 30-year history of sanctions") is no age, and ages never flag across years.

Every sentence here is written for these tests (invented plant, towns and outlets).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.ages import ages_in
from desk.compare.statements import describe_row
from desk.export.json import to_plain
from desk.model import PassageRef, Row

from .helpers import make_ref

DAY = dt.date(2031, 5, 14)


def _ref(text: str, outlet: str, day: dt.date = DAY) -> PassageRef:
    return dataclasses.replace(make_ref(text, outlet), date=day)


def _row(*refs: PassageRef) -> Row:
    cells: dict[str, list[PassageRef]] = {}
    for r in refs:
        cells.setdefault(r.outlet, []).append(r)
    row = Row(cells=cells)
    describe_row(row)
    return row


def test_ages_are_read_with_an_owner_in_digits_and_in_words() -> None:
    got = [(f.text, f.value) for f in ages_in(
        "The Veltra dam failed in its 35-year history; the utility's six-decade history says more. "
        "A 30-year history of floods marks the valley.")]
    assert got == [("35-year", 35.0), ("six-decade", 60.0)]


def test_two_ages_for_one_plant_flag_the_row() -> None:
    row = _row(
        _ref("The Veltra turbine hall went dark on Monday for the first time in its 35-year history.", "North Post"),
        _ref("On Monday the Veltra turbine hall lost power, the first such cut in its 25-year history.", "East Daily"),
    )
    assert row.disagreement
    assert len(row.clashing) == 2
    text = " ".join(row.differences)
    for said_in in ("35-year", "25-year", "North Post", "East Daily"):
        assert said_in in text
    said = {s["figure"]["text"]: s["sentence"] for s in to_plain(row)["statements"]}
    assert said["25-year"].startswith("On Monday the Veltra turbine hall lost power")


def test_ages_that_agree_in_other_words_neither_flag_nor_crowd_the_row() -> None:
    row = _row(
        _ref("The Veltra turbine hall went dark on Monday for the first time in its 40-year history.", "North Post"),
        _ref("The Veltra turbine hall lost power on Monday, a first in its four-decade history.", "East Daily"),
    )
    assert not row.disagreement
    assert row.statements == []
    assert row.differences == []


def test_ages_from_different_years_do_not_flag() -> None:
    row = _row(
        _ref("The Veltra turbine hall went dark for the first time in its 35-year history.", "North Post"),
        _ref("The Veltra turbine hall went dark again, a rare event in its 25-year history.", "East Daily",
             dt.date(2021, 5, 14)),
    )
    assert not row.disagreement


def test_an_age_holds_as_of_its_calendar_year_and_says_so() -> None:
    row = _row(
        _ref("The Veltra turbine hall went dark for the first time in its 35-year history.", "North Post"),
        _ref("The Veltra turbine hall lost power, the first such cut in its 25-year history.", "East Daily"),
    )
    assert "as of 2031)" in " ".join(row.differences)
    assert "2031-01-01" not in " ".join(row.differences)
