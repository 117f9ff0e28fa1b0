"""An amount of money says what was done with it: a fine and a price of one amount are two facts."""

from __future__ import annotations

import dataclasses

import pytest

from desk.compare import profile as profile_module
from desk.compare.grouping import build_rows
from desk.compare.profile import FactKey, counts_compatible, fact_key, money_act
from desk.model import Claim, Figure, PassageRef

from .helpers import make_ref


def _money(text: str, outlet: str, written: str, value: float, counted: str) -> PassageRef:
    """A passage whose one figure is an amount of money."""
    ref = make_ref(text, outlet)
    at = text.index(written)
    figure = Figure(at, at + len(written), written, value, counted=counted, kind="money")
    return dataclasses.replace(ref, claims=[Claim(figure, "")])


def _key(text: str, written: str, counted: str) -> FactKey | None:
    at = text.index(written)
    figure = Figure(at, at + len(written), written, 1.0, counted=counted, kind="money")
    return fact_key(figure, (text, at, at + len(written)))


FINE = "A court in Dunmere fined the ferry company 2.5 million crowns for the spill in the harbour."
FINE_RETOLD = "The ferry company must pay a fine of 2.5 million crowns over the harbour spill, the court ruled."
PRICE = "Its newest harbour crane cost 2.5 million crowns, the builder said on Friday."
FILLER = [make_ref(f"A note numbered {i} on rainfall in the upland farms.", f"Filler {i}") for i in range(8)]


def test_the_act_is_read_beside_the_amount() -> None:
    assert money_act(FINE, FINE.index("2.5"), FINE.index(" crowns")) == "fine"
    assert money_act(FINE_RETOLD, FINE_RETOLD.index("2.5"), FINE_RETOLD.index(" crowns")) == "fine"
    assert money_act(PRICE, PRICE.index("2.5"), PRICE.index(" crowns")) == "cost"
    plain = "The ferry company has 2.5 million crowns in the bank."
    assert money_act(plain, plain.index("2.5"), plain.index(" crowns")) == ""


def test_a_fine_and_a_price_of_one_amount_count_two_things() -> None:
    fine = _key(FINE, "2.5 million", "crowns")
    retold = _key(FINE_RETOLD, "2.5 million", "crowns")
    price = _key(PRICE, "2.5 million", "crowns")
    assert fine is not None
    assert retold is not None
    assert price is not None
    assert (fine.act, retold.act, price.act) == ("fine", "fine", "cost")
    assert counts_compatible(fine, retold)
    assert not counts_compatible(fine, price)
    assert fine.matches(retold)
    assert not fine.matches(price)


def test_a_count_of_people_has_no_act() -> None:
    text = "The spill forced 2,500 residents to pay for bottled water."
    at = text.index("2,500")
    key = fact_key(Figure(at, at + 5, "2,500", 2500.0, counted="residents"), (text, at, at + 5))
    assert key is not None
    assert key.act == ""


def _rows(refs: list[PassageRef]) -> list[list[str]]:
    rows = build_rows([*refs, *FILLER])
    return sorted(sorted(r.outlets) for r in rows if not any(o.startswith("Filler") for o in r.outlets))


def test_the_fine_retold_shares_a_row_and_the_price_stays_apart() -> None:
    refs = [
        _money(FINE, "Outlet A", "2.5 million", 2_500_000, "crowns"),
        _money(FINE_RETOLD, "Outlet B", "2.5 million", 2_500_000, "crowns"),
        _money(PRICE, "Outlet C", "2.5 million", 2_500_000, "crowns"),
    ]
    assert _rows(refs) == [["Outlet A", "Outlet B"], ["Outlet C"]]


def test_without_the_acts_the_price_joins_the_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_module, "MONEY_ACTS", {})
    profile_module.clear_cache()  # (profiles made with the acts are remembered)
    refs = [
        _money(FINE, "Outlet A", "2.5 million", 2_500_000, "crowns"),
        _money(FINE_RETOLD, "Outlet B", "2.5 million", 2_500_000, "crowns"),
        _money(PRICE, "Outlet C", "2.5 million", 2_500_000, "crowns"),
    ]
    try:
        assert _rows(refs) == [["Outlet A", "Outlet B", "Outlet C"]]
    finally:
        profile_module.clear_cache()
