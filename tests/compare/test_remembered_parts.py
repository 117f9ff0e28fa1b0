"""What describe remembers per figure and per pair of passages never answers for a changed passage."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare import word_diff
from desk.compare.statements import statements_of
from desk.model import Row

from .helpers import make_ref

_TEXT = "Yesterday the ferry carried 412 passengers across the lake, harbour officials said."


def _statement(date: dt.date | None, counted: str = "passengers"):  # type: ignore[no-untyped-def]
    ref = make_ref(_TEXT, "North Post", article="n1", figures=[("412", 412.0, "", counted, "")])
    ref = dataclasses.replace(ref, date=date)
    (stmt,) = statements_of(Row(cells={"North Post": [ref]}, score=1.0))
    return stmt


def test_same_figure_in_a_passage_of_another_date_gets_its_own_as_of() -> None:
    first = _statement(dt.date(2031, 5, 20))
    again = _statement(dt.date(2031, 5, 20))
    later = _statement(dt.date(2031, 7, 2))
    assert first.as_of_start == again.as_of_start == dt.date(2031, 5, 19)
    assert later.as_of_start == dt.date(2031, 7, 1)


def test_same_figure_counting_another_thing_gets_its_own_quantity() -> None:
    passengers = _statement(None, "passengers")
    cars = _statement(None, "cars")
    assert passengers.quantity != cars.quantity


def test_word_diff_of_the_same_texts_elsewhere_in_an_article_has_that_place_offsets() -> None:
    ref = make_ref("The council approved 30 new buses for the northern routes.", "A")
    near = make_ref("The council approved 34 new buses for the northern routes.", "B", offset=100)
    far = make_ref("The council approved 34 new buses for the northern routes.", "B", offset=900)
    a, b = word_diff(ref, near), word_diff(ref, far)
    assert [(d.start - 100, d.end - 100, d.op, d.other) for d in a] == [
        (d.start - 900, d.end - 900, d.op, d.other) for d in b
    ]
    assert near.text[a[0].start - 100 : a[0].end - 100] == "34"
    a.clear()  # a caller's list is its own
    assert word_diff(ref, near)
    assert word_diff(ref, near) is not word_diff(ref, near)
