"""A toll of people in general and the civilians' toll are one quantity; rival estimates of a toll in the
hundreds may lie twice apart; a toll says whose it is ("the civilian death toll").

"300 people were killed" and "as many as 600 civilians died" give one toll two values (a reporter writes
"people" where another writes "civilians"), so the rows that carry them join and the row flags them.  But
"people" is not "soldiers", a bare "40 killed" names no class, and a first toll in the tens that doubles
within a day is growth, not a rival estimate: those stay apart.

Every sentence here is written for these tests (invented town, outlets and figures).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from desk.compare import joining
from desk.compare.joining import join_rival_rows
from desk.compare.profile import profile
from desk.compare.quantity import Quantity, quantity_of
from desk.compare.statements import describe_row
from desk.extract.figures import find_figures
from desk.model import PassageRef, Row

from .helpers import make_ref

DAY = dt.date(2031, 9, 12)


def _ref(text: str, outlet: str, written: str, value: float, counted: str, qualifier: str = "") -> PassageRef:
    ref = make_ref(text, outlet, figures=[(written, value, qualifier, counted, "")])
    return dataclasses.replace(ref, date=DAY)


def _join(refs: list[PassageRef], across: float = 0.4) -> list[list[int]]:
    """Two rows of two (units 0-1 and 2-3): within a row 0.6, across ``across``."""
    profiles = [profile(r) for r in refs]
    sim = np.full((4, 4), across, dtype=np.float32)
    sim[0, 1] = sim[1, 0] = sim[2, 3] = sim[3, 2] = 0.6
    np.fill_diagonal(sim, 0.0)
    return sorted(join_rival_rows([[0, 1], [2, 3]], sim, profiles, np.arange(4)))


LOW = [
    _ref("The mayor of Dravnik said 300 people were killed when the opera house was shelled.", "North Post",
         "300", 300, "people"),
    _ref("Officials in Dravnik put at 300 the people killed in the shelling of its opera house.", "East Daily",
         "300", 300, "people"),
]
HIGH = [
    _ref("A later survey found 600 civilians were killed in the shelling of the Dravnik opera house.", "South Wire",
         "600", 600, "civilians"),
    _ref("Investigators now think the shells that hit the Dravnik opera house killed 600 people.", "West Times",
         "600", 600, "people"),
]


def test_people_and_civilians_killed_are_one_toll() -> None:
    people = Quantity("kill", "", written="people killed")
    civilians = Quantity("kill", "civilian", written="civilians")
    assert people.same_toll(civilians)
    assert civilians.same_toll(people)
    # a nation's people are people in general: "300 Varnians killed"
    assert Quantity("kill", "varnian", "varn", written="Varnians killed").same_toll(people)
    # ... for the joins of rows only: a flag keeps the strict test
    assert not people.strictly_matches(civilians)


def test_people_are_not_soldiers_and_a_bare_toll_names_no_class() -> None:
    people = Quantity("kill", "", written="people killed")
    assert not people.same_toll(Quantity("kill", "soldier", written="soldiers"))
    assert not Quantity("kill", "", written="killed").same_toll(Quantity("kill", "civilian", written="civilians"))
    # ... nor is a wounded count a toll of the dead
    assert not Quantity("wound", "", written="people wounded").same_toll(
        Quantity("kill", "civilian", written="civilians"))


def test_rival_tolls_of_people_and_civilians_share_a_flagged_row() -> None:
    refs = [*LOW, *HIGH]
    assert _join(refs) == [[0, 1, 2, 3]]
    row = Row(cells={r.outlet: [r] for r in refs})
    describe_row(row)
    assert row.disagreement
    (text,) = [d for d in row.differences if "do not agree" in d]
    assert "300" in text
    assert "600" in text


def test_a_soldiers_toll_stays_apart_from_a_toll_of_people() -> None:
    soldiers = [
        _ref(r.text.replace("civilians", "soldiers").replace("600 people", "600 soldiers"), r.outlet, "600", 600,
             "soldiers")
        for r in HIGH
    ]
    assert _join([*LOW, *soldiers]) == [[0, 1], [2, 3]]


def test_a_small_first_toll_that_doubles_is_growth_not_a_rival() -> None:
    first = [_ref(r.text.replace("300", "10"), r.outlet, "10", 10, "people") for r in LOW]
    later = [_ref(r.text.replace("600", "19"), r.outlet, "19", 19, r.claims[0].figure.counted) for r in HIGH]
    assert _join([*first, *later]) == [[0, 1], [2, 3]]


def test_the_toll_ratio_is_what_joins_them(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(joining, "RIVAL_TOLL_RATIO", joining.RIVAL_MAX_RATIO)
    assert _join([*LOW, *HIGH]) == [[0, 1], [2, 3]]


def _quantity(text: str) -> Quantity | None:
    (figure,) = find_figures(text)
    return quantity_of(figure, (text, figure.start, figure.end))


def test_a_toll_says_whose_it_is_before_the_word_toll() -> None:
    civil = _quantity("By late spring, Dravnik's civilian death toll had passed 1,450, its council said.")
    assert civil is not None
    assert (civil.kind, civil.thing) == ("kill", "civilian")
    # ... and so is the army's: its dead are soldiers, never the civilians' toll
    army = _quantity("The military death toll in the valley stood at 730 on Friday.")
    assert army is not None
    assert (army.kind, army.thing) == ("kill", "soldier")
    assert not army.strictly_matches(civil)
    # a toll that names no owner counts anyone, as before
    anyone = _quantity("The death toll in Dravnik climbed to 64 on Tuesday.")
    assert anyone is not None
    assert (anyone.kind, anyone.thing) == ("kill", "")
