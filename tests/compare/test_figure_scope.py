"""A figure counted over a part of a wider area ("in the capital", "in the region") never clashes with
one counted over the whole ("nationwide", "across the country", "in total"), nor with a part of another
kind; figures of one scope, or of no stated scope, still do.

Every sentence here is written for these tests (invented countries, towns, people and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import AsOf
from desk.compare.disagree import ClaimFact, judge
from desk.compare.places import different_scopes, figure_scope, places_in
from desk.compare.quantity import quantity_of
from desk.compare.statements import describe_row
from desk.extract.figures import find_figures
from desk.model import Row

from .helpers import make_ref

DAY = dt.date(2031, 5, 6)


def _scope(text: str, figure: str) -> str:
    i = text.index(figure)
    return figure_scope(text, i, i + len(figure))


def test_a_part_of_a_wider_area() -> None:
    for text, fig, kind in [
        ("Officials said nine civilians were killed and 30 hurt in the capital.", "nine", "part:city"),
        ("Four people died in the city of Brantov overnight, the mayor said.", "Four", "part:city"),
        ("The governor said 14 people were wounded in the Ostrava Dale region.", "14", "part:region"),
        ("Medics counted 22 injured across the town after the gas blast.", "22", "part:city"),
    ]:
        assert _scope(text, fig) == kind, text


def test_the_whole_or_several_places() -> None:
    for text, fig in [
        ("At least 31 people were killed nationwide, the emergency service said.", "31"),
        ("The storms killed 31 people across the country on Sunday.", "31"),
        ("The floods have killed 31 people in total, the ministry said.", "31"),
        ("Shells struck towns across Velmaria, killing 31 civilians.", "31"),
        ("Since the start of the war, 4,200 soldiers have been killed, the ministry said.", "4,200"),
        ("At least 31 died across six provinces and the capital.", "31"),
    ]:
        assert _scope(text, fig) == "whole", text


def test_no_scope_when_the_clause_says_nothing_or_both() -> None:
    assert _scope("Nine people were killed in Brantov, police said.", "Nine") == ""
    assert _scope("Police said nine people were killed on Monday.", "nine") == ""
    # the place belongs to a clause about another moment
    assert _scope("Nine were killed at the depot, a day after shelling across the country.", "Nine") == ""
    # "the capital's mayor" names who speaks, not where the count was made
    assert _scope("The capital's mayor said nine people were killed.", "nine") == ""
    # a part and the whole in one clause: nothing sure
    assert _scope("Nine were killed in the capital and 40 nationwide.", "Nine") == ""


def test_scopes_that_differ() -> None:
    assert different_scopes("part:city", "whole")
    assert different_scopes("whole", "part:region")
    assert different_scopes("part:city", "part:region")
    assert not different_scopes("part:city", "part:city")
    assert not different_scopes("", "whole")
    assert not different_scopes("whole", "whole")


def _claim(text: str, written: str, outlet: str) -> ClaimFact:
    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end), "")
    assert q is not None
    return ClaimFact.from_figure(fig, "", q, AsOf(DAY, DAY), outlet, key=(outlet, written), document=outlet,
                                 places=places_in(text), scope=figure_scope(text, fig.start, fig.end))


def _flagged(*claims: ClaimFact) -> bool:
    return any(v.disagreement for v in judge(list(claims)))


def test_a_part_never_clashes_with_the_whole() -> None:
    capital = _claim("Officials said nine civilians were killed in the capital.", "nine", "Daily A")
    country = _claim("Missiles struck cities across Velmaria, and 31 civilians were killed.", "31", "Daily B")
    total = _claim("The ministry said 31 civilians were killed in total.", "31", "Daily B")
    assert not _flagged(capital, country)
    assert not _flagged(capital, total)
    # two parts of different kinds count different things too
    region = _claim("The governor said 31 civilians were killed in the region.", "31", "Daily B")
    assert not _flagged(capital, region)


def test_figures_of_one_scope_or_none_still_clash() -> None:
    a = _claim("Officials said nine civilians were killed.", "nine", "Daily A")
    b = _claim("The ministry said 31 civilians were killed.", "31", "Daily B")
    assert _flagged(a, b)
    c = _claim("Officials said nine civilians were killed nationwide.", "nine", "Daily A")
    d = _claim("The ministry said 31 civilians were killed across the country.", "31", "Daily B")
    assert _flagged(c, d)
    e = _claim("Officials said nine civilians were killed in the capital.", "nine", "Daily A")
    f = _claim("The city council said 31 civilians were killed in the capital.", "31", "Daily B")
    assert _flagged(e, f)


def test_a_row_with_a_part_and_the_whole_is_not_flagged() -> None:
    part = make_ref("Velmarian police later said that nine civilians were killed in the capital.", "Daily A",
                    figures=[("nine", 9, "", "civilians killed", "")])
    whole = make_ref("The strikes hit cities across Velmaria, killing at least 31 civilians.", "Daily B",
                     figures=[("31", 31, "at least", "civilians killed", "")])
    row = Row(cells={"Daily A": [part], "Daily B": [whole]})
    describe_row(row)
    assert not row.disagreement
    # the same two figures without the scopes are a disagreement (the test can fail)
    part2 = make_ref("Velmarian police later said that nine civilians were killed.", "Daily A",
                     figures=[("nine", 9, "", "civilians killed", "")])
    whole2 = make_ref("The strikes killed at least 31 civilians, officials said.", "Daily B",
                      figures=[("31", 31, "at least", "civilians killed", "")])
    row2 = Row(cells={"Daily A": [part2], "Daily B": [whole2]})
    describe_row(row2)
    assert row2.disagreement
