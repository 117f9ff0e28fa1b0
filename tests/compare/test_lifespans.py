"""The age of the thing a row is about, written in passing ("in its 40-year history"), flags when outlets differ.

Durations are never extracted as figures, so a row whose outlets give the age of one dam, club or
plant as 25 and 35 years showed no disagreement.  :mod:`desk.compare.lifespans` reads these ages
from the row's text; two outlets' ages that cannot both hold (the years between the reports
allowed for) flag the row.  Rounding ("three-year" and "four-year"), a wider word ("three-decade"
beside "32-year"), one outlet's own two ages, a person's history beside a thing's, and ages told
ten years apart that grew by ten years never flag.

Every sentence here is written for these tests (invented dam, towns, outlets and figures).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.lifespans import lifespans_in
from desk.compare.statements import describe_row
from desk.model import PassageRef, Row

from .helpers import make_ref

DAY = dt.date(2031, 3, 9)


def _ref(text: str, outlet: str, day: dt.date = DAY, number: int = 0) -> PassageRef:
    # each passage carries one figure, so that the row is described as rows with figures are
    ref = make_ref(text, outlet, number=number, figures=[("two", 2, "", "turbines", "")])
    return dataclasses.replace(ref, date=day)


def _row(*refs: PassageRef) -> Row:
    cells: dict[str, list[PassageRef]] = {}
    for r in refs:
        cells.setdefault(r.outlet, []).append(r)
    row = Row(cells=cells)
    describe_row(row)
    return row


def test_ages_are_read_with_words_hedges_and_decades() -> None:
    (a,) = lifespans_in("Floodwater closed two turbines of the Vessmoor dam, never before seen in its 25-year history.")
    assert (a.noun, a.owner, a.low, a.high, a.written) == ("history", "thing", 22.5, 27.5, "25-year history")
    (b,) = lifespans_in("The Vessmoor dam shut two turbines, a first in its three-decade history.")
    assert (b.low, b.high) == (27.0, 40.0)
    (c,) = lifespans_in("Never in their nearly forty-year existence had the crews seen two turbines stop.")
    assert c.written == "nearly forty-year existence"
    assert c.low < 36 < 44 < c.high
    assert lifespans_in("Her 12-year career at the Vessmoor dam ended with two turbines lost.") == []


def test_two_outlets_giving_the_age_as_25_and_35_years_flag_the_row() -> None:
    row = _row(
        _ref("Floodwater closed two turbines of the Vessmoor dam, never before seen in its 25-year history.",
             "Harbour Ledger"),
        _ref("The Vessmoor dam lost two turbines to the flood, the first such stop in its 35-year history.",
             "Upland Courier"),
    )
    assert row.disagreement
    (text,) = [d for d in row.differences if d.startswith("Age")]
    assert "25-year history (Harbour Ledger" in text
    assert "35-year history (Upland Courier" in text
    assert len(row.clashing) == 2


def test_rounding_a_wider_word_and_one_outlets_own_ages_do_not_flag() -> None:
    rounding = _row(
        _ref("Floodwater closed two turbines of the young Ostrel weir, a first in its three-year history.",
             "Harbour Ledger"),
        _ref("The Ostrel weir lost two turbines, the first stop in its four-year history.", "Upland Courier"),
    )
    assert not rounding.disagreement
    wider = _row(
        _ref("The Vessmoor dam lost two turbines, a first in its three-decade history.", "Harbour Ledger"),
        _ref("At the Vessmoor dam two turbines stopped, the first time in its 32-year history.", "Upland Courier"),
    )
    assert not wider.disagreement
    own = _row(
        _ref("At the Vessmoor dam two turbines stopped, a first in its 25-year history.", "Harbour Ledger"),
        _ref("The Vessmoor dam, in its 35-year history, had never lost two turbines.", "Harbour Ledger",
             number=1),
    )
    assert not own.disagreement


def test_a_persons_history_and_ages_told_years_apart_do_not_flag() -> None:
    people = _row(
        _ref("The engineer said two turbines had never failed in his 25-year history with the dam.",
             "Harbour Ledger"),
        _ref("The Vessmoor dam lost two turbines, a first in its 35-year history.", "Upland Courier"),
    )
    assert not people.disagreement
    grown = _row(
        _ref("At the Vessmoor dam two turbines stopped, a first in its 25-year history.", "Harbour Ledger",
             day=dt.date(2021, 3, 9)),
        _ref("The Vessmoor dam lost two turbines, a first in its 35-year history.", "Upland Courier"),
    )
    assert not grown.disagreement
