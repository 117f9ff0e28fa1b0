"""Sentences that name no place keep their article's setting apart (issue 12: "a row never joins different
events"), on articles written for these tests: invented towns, people and numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from desk.compare import grouping, setting
from desk.compare.grouping import build_rows
from desk.model import Article, PassageRef

from .helpers import body_unit, lead_and_body

FRIDAY = dt.date(2024, 3, 8)


def _article(aid: str, outlet: str, lead: str, body: str) -> Article:
    return lead_and_body(aid, outlet, lead, body, FRIDAY)


def _unit(article: Article, figure: str, value: float, counted: str) -> PassageRef:
    return body_unit(article, [(figure, value, "", counted, "")])


HALL_A = _article("hall-a", "Valley Post",
                  "A fire swept through a dance hall in the town of Greyford late on Thursday, killing nine people.",
                  "Rescuers evacuated 140 people from the burning hall overnight.")
HALL_B = _article("hall-b", "Harbour Daily",
                  "Nine people died when fire tore through a dance hall in the town of Greyford, officials said.",
                  "Firefighters evacuated about 140 people from the burning hall.")
DEPOT = _article("depot-c", "Plains Courier",
                 "A cargo plane crashed onto a fuel depot in the port of Marlow on Tuesday, setting it ablaze.",
                 "Rescuers evacuated 210 people from the burning depot overnight.")
UNSET = _article("depot-d", "Ridge Gazette",
                 "Officials gave few details of what happened or where on Tuesday night, Reuters reported.",
                 "Rescuers evacuated 210 people from the burning depot overnight.")


def test_the_lead_names_the_settlement_the_story_happens_in() -> None:
    assert setting.lead_places(HALL_A) == setting.lead_places(HALL_B) != frozenset()
    assert setting.lead_places(DEPOT)
    assert not setting.lead_places(DEPOT) & setting.lead_places(HALL_A)
    assert setting.lead_places(UNSET) == frozenset()


def _units(*articles: Article) -> list[PassageRef]:
    units = [_unit(HALL_A, "140", 140, "people"), _unit(HALL_B, "140", 140, "people")]
    return units + [_unit(a, "210", 210, "people") for a in articles if a.id.startswith("depot")]


def _rows(*articles: Article) -> list[set[str]]:
    with setting.gathered():  # as one comparison meets its articles
        for a in articles:
            setting.remember(a)
        return [set(r.outlets) for r in build_rows(_units(*articles)) if len(r.outlets) > 1]


def test_a_setting_met_by_an_earlier_comparison_does_not_reach_a_later_grouping() -> None:
    # build_rows stays pure: outside a comparison no article's setting is read, however many were met before
    _rows(HALL_A, HALL_B, DEPOT)
    assert setting.setting_of(DEPOT.id) is None
    rows = [set(r.outlets) for r in build_rows(_units(HALL_A, HALL_B, DEPOT)) if len(r.outlets) > 1]
    assert {"Valley Post", "Harbour Daily", "Plains Courier"} in rows


def test_two_reports_of_one_fire_share_a_row_and_a_crash_elsewhere_stays_out() -> None:
    rows = _rows(HALL_A, HALL_B, DEPOT)
    assert {"Valley Post", "Harbour Daily"} in rows
    assert not any("Plains Courier" in r for r in rows)


def test_without_the_setting_the_crash_joins_the_fires_row(monkeypatch: pytest.MonkeyPatch) -> None:
    # the sentences alone cannot tell the two events apart: what the rule above keeps apart
    monkeypatch.setattr(grouping, "SETTING_APART", 1.0)
    rows = _rows(HALL_A, HALL_B, DEPOT)
    assert {"Valley Post", "Harbour Daily", "Plains Courier"} in rows


def test_an_article_that_names_no_settlement_is_held_apart_by_nothing() -> None:
    rows = _rows(HALL_A, HALL_B, UNSET)
    assert {"Valley Post", "Harbour Daily", "Ridge Gazette"} in rows
