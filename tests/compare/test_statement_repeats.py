"""An outlet's repeated figure is one statement of a row, unless the repeat names another place.

Every sentence here is written for these tests (invented places and figures).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.statements import statements_of
from desk.model import PassageRef, Row

from .helpers import make_ref

DAY = dt.date(2031, 5, 4)


def _ref(text: str, article: str, number: int) -> PassageRef:
    ref = make_ref(text, "South Wire", article=article, number=number, figures=[("44 million", 44e6, "", "tonnes", "")])
    return dataclasses.replace(ref, date=DAY)


def test_a_repeat_naming_another_place_is_its_own_statement() -> None:
    """An outlet's repeated figure is one statement, unless the repeat names another place: the rule of
    places then reads each where it is."""
    base = "Varnia signed the accord to export 44 million tonnes of grain."
    elsewhere = "The accord signed in Ostrava lets Varnia export 44 million tonnes of grain."
    a = _ref(base, "first", 0)
    b = _ref(base, "other", 1)
    c = _ref(elsewhere, "third", 2)
    assert len(statements_of(Row(cells={"South Wire": [a, b]}))) == 1
    assert len(statements_of(Row(cells={"South Wire": [a, c]}))) == 2
