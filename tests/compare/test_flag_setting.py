"""A figure whose sentence names no place happens where its article's story does, for the disagreement
flag (issue 12: "flag a disagreement only where it is one"): counts in reports set in two towns are two
events.  Articles, towns and numbers invented for these tests."""

from __future__ import annotations

import datetime as dt

from desk.compare import setting
from desk.compare.statements import describe_row
from desk.model import Article, PassageRef, Row

from .helpers import body_unit, lead_and_body

SUNDAY = dt.date(2024, 6, 9)


def _article(aid: str, outlet: str, lead: str, body: str) -> Article:
    return lead_and_body(aid, outlet, lead, body, SUNDAY)


def _unit(article: Article, figure: str, value: float) -> PassageRef:
    return body_unit(article, [(figure, value, "", "people", "officials")])


GREYFORD = _article("greyford", "Valley Post",
                    "Drones struck a grain silo in the town of Greyford before dawn on Sunday.",
                    "Six people were hurt by the drones, officials said.")
GREYFORD_TOO = _article("greyford-2", "Harbour Daily",
                        "A drone attack hit a grain silo in the town of Greyford early on Sunday.",
                        "Three people were hurt by the drones, officials said.")
MARLOW = _article("marlow", "Plains Courier",
                  "Shells hit a market in the port of Marlow on Sunday morning.",
                  "Three people were hurt by the drones, officials said.")


def _flagged(first: Article, second: Article, *, remembered: bool = True) -> bool:
    row = Row(cells={first.outlet: [_unit(first, "Six", 6)], second.outlet: [_unit(second, "Three", 3)]})
    with setting.gathered():  # as one comparison meets its articles
        if remembered:
            setting.remember(first)
            setting.remember(second)
        describe_row(row, word_diffs=False)
    return row.disagreement


def test_counts_in_reports_set_in_two_towns_never_clash() -> None:
    assert not _flagged(GREYFORD, MARLOW)


def test_counts_in_two_reports_of_one_town_still_clash() -> None:
    assert _flagged(GREYFORD, GREYFORD_TOO)


def test_without_the_articles_settings_the_two_towns_clash() -> None:
    # what the sentences alone say: the rule above is what keeps them apart
    assert _flagged(GREYFORD, MARLOW, remembered=False)


def test_a_place_the_sentence_names_wins_over_its_articles_setting() -> None:
    named = _article("marlow-2", "Ridge Gazette", "Shells hit a market in the port of Marlow on Sunday morning.",
                     "Three people were hurt by the drones in Greyford, officials said.")
    assert _flagged(GREYFORD, named)
