"""A figure of how often something happened ("hit three times") counts no thing: it neither links passages
as one counted thing nor flags a disagreement against another "N times"."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.profile import profile
from desk.compare.quantity import quantity_of
from desk.compare.statements import judge_claims, passage_claims
from desk.extract.figures import find_figures
from desk.model import PassageRef

from .helpers import fact_key_in as _key
from .helpers import make_ref

DAY = dt.date(2031, 5, 9)


def _ref(text: str, outlet: str) -> PassageRef:
    figures = [(f.text, f.value, f.qualifier, f.counted, "") for f in find_figures(text)]
    return dataclasses.replace(make_ref(text, outlet, article=outlet + "-1", figures=figures), date=DAY)


def _figure(text: str, written: str):  # type: ignore[no-untyped-def]
    (fig,) = [f for f in find_figures(text) if f.text == written]
    return fig


SHELLED = "The harbour town of Velmar was shelled three times overnight, its mayor said."
MEDAL = "The old rowing club has won the river cup three times since it was founded."
ASKED = "I rang the ministry four times and nobody would answer the question."


def test_a_frequency_counts_no_thing() -> None:
    assert _figure(SHELLED, "three").counted.strip().startswith("times")
    assert _key(SHELLED, "three", "times") is None
    assert _key("Prices rose ten times more than wages in the valley.", "ten", "times more") is None
    # a count of things keeps its counted thing
    assert _key("Shells hit three houses in Velmar overnight.", "three", "houses") is not None


def test_a_frequency_is_no_quantity() -> None:
    fig = _figure(SHELLED, "three")
    assert quantity_of(fig, (SHELLED, fig.start, fig.end), "") is None


def test_two_passages_telling_how_often_share_no_counted_thing() -> None:
    shelled = profile(_ref(SHELLED, "Outlet A"))
    medal = profile(_ref(MEDAL, "Outlet B"))
    assert not shelled.facts
    assert not medal.facts


def test_different_things_done_a_number_of_times_never_flag() -> None:
    refs = [_ref(SHELLED, "Outlet A"), _ref(MEDAL, "Outlet B"), _ref(ASKED, "Outlet C")]
    assert not [v.text for v in judge_claims(passage_claims(refs)) if v.disagreement]
