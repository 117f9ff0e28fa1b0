"""Tolls powers of ten apart are two quantities, and "killed or wounded" counts casualties, not the dead."""

from __future__ import annotations

import numpy as np
import pytest

from desk.compare import grouping
from desk.compare.grouping import _count_scales, similarity_matrix
from desk.compare.profile import profile

from .helpers import fact_key_in as _key
from .helpers import make_ref

#: a town's toll of one night, and a country's toll of the whole war: one counted thing, two quantities
TOWN = make_ref(
    "Three civilians were killed overnight when shells hit the market square of Dornfeld, the mayor said.",
    "Outlet A",
    figures=[("Three", 3, "", "civilians killed", "mayor")],
)
NATION = make_ref(
    "Nationwide, 6,240 civilians killed is the tally the monitoring mission keeps since the first week of fighting.",
    "Outlet B",
    figures=[("6,240", 6240, "", "civilians killed", "monitoring mission")],
)
#: another town's toll, in the same decade as the first: rival or later figures of a like quantity
OTHER_TOWN = make_ref(
    "Officials in Dornfeld later said five civilians were killed when shells hit the market overnight.",
    "Outlet C",
    figures=[("five", 5, "", "civilians killed", "officials")],
)
FILLER = [make_ref(f"A note numbered {i} on rainfall in the upland farms.", f"Filler {i}") for i in range(6)]


def _sim(refs: list) -> np.ndarray:  # type: ignore[type-arg]
    return similarity_matrix([profile(r) for r in [*refs, *FILLER]])


def test_a_unit_toll_scale_spans_its_figures_and_small_figures_sit_below_ten() -> None:
    low, high = _count_scales([profile(TOWN), profile(NATION), profile(FILLER[0])])
    assert (low[0], high[0]) == (0.0, 1.0)
    assert low[1] == pytest.approx(np.log10(6240))
    assert high[1] == pytest.approx(np.log10(6240))
    assert np.isnan(low[2])
    assert np.isnan(high[2])


def test_tolls_powers_of_ten_apart_gain_no_counted_thing_bonus(monkeypatch: pytest.MonkeyPatch) -> None:
    sim = _sim([TOWN, NATION, OTHER_TOWN])
    monkeypatch.setattr(grouping, "SCALE_APART", 0.0)
    loose = _sim([TOWN, NATION, OTHER_TOWN])
    # the town's night and the country's war: the bonus for "civilians killed" is gone
    assert loose[0, 1] - sim[0, 1] == pytest.approx(grouping.FACT_BONUS)
    assert loose[1, 2] - sim[1, 2] == pytest.approx(grouping.FACT_BONUS)
    # two tolls of one scale keep it
    assert sim[0, 2] == pytest.approx(loose[0, 2])


def test_the_killed_or_wounded_together_are_casualties_not_the_dead() -> None:
    both = _key("Analysts put the losses at some 60,000 Northland troops killed or wounded by the spring thaw.", "60,000",
                "Northland troops")
    dead = _key("Analysts reckon some 30,000 Northland troops were killed by the spring thaw.", "30,000",
                "Northland troops")
    assert both is not None
    assert both.outcome == "casualty"
    assert dead is not None
    assert dead.outcome == "kill"
    assert not both.matches(dead)


def test_two_figures_for_the_dead_and_the_wounded_keep_their_own_outcomes() -> None:
    text = "In the raid 31 were killed and 64 were injured, the governor said."
    dead = _key(text, "31", "")
    hurt = _key(text, "64", "")
    assert dead is not None
    assert dead.outcome == "kill"
    assert hurt is not None
    assert hurt.outcome == "wound"
