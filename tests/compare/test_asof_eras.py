"""A claim dated by an era rather than a year (issue 12: "give every claim an as-of time"; "a row never joins
different events: dates far apart"): the world wars and decades, on sentences written for these tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desk.compare.asof import resolve_as_of
from desk.compare.grouping import build_rows
from desk.compare.profile import profile
from desk.model import PassageRef

from .helpers import make_ref

TOLD = dt.date(2023, 5, 9)


def _as_of(text: str, figure: str) -> tuple[dt.date | None, dt.date | None]:
    got = resolve_as_of(text, TOLD, at=text.index(figure))
    return (got.start, got.end)


@pytest.mark.parametrize(
    ("text", "figure", "span"),
    [
        ("Partisans of the Orlen valley burned 310 villages during World War II, the archivist wrote.", "310",
         (dt.date(1939, 9, 1), dt.date(1945, 9, 2))),
        ("In WWI the garrison of Dorvik lost 1,900 men.", "1,900", (dt.date(1914, 7, 28), dt.date(1918, 11, 11))),
        ("Close to the end of WW2 some 4,000 prisoners walked home to Dorvik.", "4,000",
         (dt.date(1945, 3, 6), dt.date(1945, 9, 2))),
        ("The valley's mills employed 12,000 weavers in the late 1970s.", "12,000",
         (dt.date(1976, 1, 1), dt.date(1979, 12, 31))),
        ("The hunger of the 1930s took 7,400 lives in the Orlen valley.", "7,400",
         (dt.date(1930, 1, 1), dt.date(1939, 12, 31))),
    ],
)
def test_an_era_dates_the_figure_in_its_clause(text: str, figure: str, span: tuple[dt.date, dt.date]) -> None:
    assert _as_of(text, figure) == span


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # an era a comparison measures by
        ("Some 9 million people have fled, the largest exodus since World War II.", "9 million"),
        ("The port handled 40 ships, its busiest month since the close of World War Two.", "40"),
        ("It is the first time since the 1990s that 300 reservists were called up.", "300"),
        # an era that names whom the present fact is about
        ("Some 50 veterans of World War II laid wreaths at the memorial on the square.", "50"),
        ("Around 2,000 people marked an anniversary of the Great War's close.", "2,000"),
        # no world war of the past, and a decade the report is written in
        ("Leaders warned that 300 warheads put the world closer to World War III.", "300"),
        ("Planners expect 400 ships a year in the 2020s.", "400"),
    ],
)
def test_an_era_in_a_comparison_or_naming_whom_it_is_about_leaves_the_report_day(text: str, figure: str) -> None:
    assert _as_of(text, figure) == (TOLD, TOLD)


def test_after_an_era_counts_from_its_end_to_the_report_day() -> None:
    assert _as_of("After World War II, 12,000 families settled in the Orlen valley.", "12,000") == (
        dt.date(1945, 9, 2), TOLD)


def _on(ref: PassageRef, day: dt.date) -> PassageRef:
    return dataclasses.replace(ref, date=day)


PAST = _on(make_ref(
    "Partisans killed up to 6,300 villagers of the Orlen valley during World War II, the historian told the panel.",
    "Valley Post", figures=[("6,300", 6300, "up to", "villagers", "historian")],
), TOLD)
NOW_A = _on(make_ref(
    "Up to 6,300 villagers of the Orlen valley were killed by the flood, the governor told the panel.",
    "Harbour Daily", figures=[("6,300", 6300, "up to", "villagers", "governor")],
), TOLD)
NOW_B = _on(make_ref(
    "The flood killed up to 6,300 villagers of the Orlen valley, the governor said.",
    "Plains Courier", figures=[("6,300", 6300, "up to", "villagers", "governor")],
), TOLD)


def test_a_sentence_whose_figures_hold_in_a_world_war_is_about_that_war() -> None:
    assert profile(PAST).about == (dt.date(1939, 9, 1).toordinal(), dt.date(1945, 9, 2).toordinal())
    assert profile(NOW_A).about == (TOLD.toordinal(), TOLD.toordinal())


def test_a_world_war_toll_never_shares_a_row_with_this_weeks() -> None:
    rows = build_rows([PAST, NOW_A, NOW_B])
    together = [set(r.outlets) for r in rows if len(r.outlets) > 1]
    assert {"Harbour Daily", "Plains Courier"} in together
    assert not any("Valley Post" in outlets for outlets in together)


def test_an_era_set_against_by_than_dates_what_it_is_set_against_not_the_figure() -> None:
    text = "Heating bills rose 4 times more than the rise families faced during the fuel crisis of the 1970s."
    assert _as_of(text, "4 times") == (TOLD, TOLD)
    # the "more than" of a figure is no comparison with the era
    assert _as_of("Partisans burned more than 310 villages during World War II.", "310") == (
        dt.date(1939, 9, 1), dt.date(1945, 9, 2))
