"""A sentence that goes on, in the past tense, with a sentence about a past era carries that sentence with it
(issue 12: "give every claim an as-of time"; "a row never joins different events"): "... during World War II.
They also killed up to 9,400 villagers." names no time of its own.  Articles and numbers invented."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.grouping import build_rows
from desk.compare.profile import profile
from desk.compare.retrieve import _passage_units
from desk.extract.figures import find_figures
from desk.model import Article, Claim, Extraction, Passage, PassageRef

from .helpers import make_ref

TOLD = dt.date(2023, 5, 9)
WAR = (dt.date(1939, 9, 1).toordinal(), dt.date(1945, 9, 2).toordinal())


def _units(text: str) -> list[PassageRef]:
    article = Article(id="valley", path="/articles/valley.md", relpath="valley.md", title="Valley history",
                      outlet="Valley Post", date=TOLD, text=text, passages=[Passage(0, 0, len(text))])
    extraction = Extraction(claims=[Claim(f, "historian") for f in find_figures(text)])
    return _passage_units(article, 0, 0, len(text), extraction)


PAST = "Partisans burned 310 villages of the Orlen valley during World War II, the historian said. "


def test_a_past_tense_sentence_going_on_from_a_past_era_is_one_unit_with_it() -> None:
    units = _units(PAST + "They also killed up to 9,400 villagers in the valley's hill farms.")
    assert len(units) == 1
    assert "9,400" in units[0].text
    assert "World War II" in units[0].text
    assert profile(units[0]).about == WAR


def test_a_sentence_of_the_present_or_of_its_own_time_stands_alone() -> None:
    for goes_on in ("They now number some 9,400 descendants across the valley's hill farms.",
                    "In March this year the valley's hill farms held 9,400 sheep, the council said.",
                    "It is home to 9,400 people, most of whom farm the valley's hills."):
        units = _units(PAST + goes_on)
        assert len(units) == 2, goes_on
        assert profile(units[1]).about != WAR


def test_a_sentence_after_one_about_today_stands_alone() -> None:
    units = _units("Partisans' heirs marked 310 years of the valley's fair on Sunday, the council said. "
                   "They also raised 9,400 crowns for the old mill in the valley's hill farms.")
    assert len(units) == 2


def test_the_war_toll_keeps_out_of_this_weeks_toll_row() -> None:
    (past,) = _units(PAST + "They also killed up to 9,400 villagers in the valley's hill farms.")
    now = [
        dataclasses.replace(make_ref(text, outlet, figures=[("9,400", 9400, "up to", "villagers", "governor")]),
                            date=TOLD)
        for outlet, text in (("Harbour Daily", "Floods killed up to 9,400 villagers in the valley's hill farms, "
                                               "the governor said."),
                             ("Plains Courier", "Up to 9,400 villagers were killed by the floods in the valley's "
                                                "hill farms, the governor said."))
    ]
    rows = [set(r.outlets) for r in build_rows([past, *now]) if len(r.outlets) > 1]
    assert {"Harbour Daily", "Plains Courier"} in rows
    assert not any("Valley Post" in r for r in rows)
