"""A count of weapons of any type ("projectiles", "munitions") may be another report's count of one type."""

from __future__ import annotations

from desk.compare import build_rows
from desk.compare.profile import FactKey, fact_key
from desk.model import Figure

from .helpers import make_ref


def _key(sentence: str, written: str, counted: str) -> FactKey:
    at = sentence.index(written)
    f = Figure(at, at + len(written), written, 0.0, counted=counted)
    key = fact_key(f, (sentence, at, at + len(written)))
    assert key is not None
    return key


PROJECTILES = _key("The crews launched at least 57 projectiles of many kinds toward the coast.", "57", "projectiles")
MUNITIONS = _key("Some 57 munitions were launched toward the coast before dawn.", "57", "munitions")
MISSILES = _key("The 57 missiles they used this morning were stockpiled for a season.", "57", "missiles")
DRONES = _key("The crews sent 57 drones toward the coast before dawn.", "57", "drones")
TANKS = _key("The brigade moved 57 tanks toward the coast before dawn.", "57", "tanks")


def test_a_count_of_any_type_of_weapon_takes_in_a_count_of_one_type() -> None:
    assert PROJECTILES.matches(MISSILES)
    assert MISSILES.matches(PROJECTILES)
    assert MUNITIONS.matches(DRONES)
    assert DRONES.matches(MUNITIONS)


def test_two_types_of_weapon_and_things_that_are_no_weapons_stay_apart() -> None:
    assert not MISSILES.matches(DRONES)
    assert not PROJECTILES.matches(TANKS)


def test_projectiles_and_missiles_of_one_barrage_share_a_row() -> None:
    officer = make_ref(
        "Captain Orsolya Brandt told a radio station that Veltrian crews launched at least 57 projectiles of many "
        "kinds toward the coast and that 31 of them were stopped.",
        "Harbour Post",
        figures=[("57", 57, "at least", "projectiles", "Orsolya Brandt"), ("31", 31, "", "", "Orsolya Brandt")],
    )
    analyst = make_ref(
        "\u201cThe 57 missiles they used this morning were stockpiled for a season,\u201d the analyst Ferenc Dalby "
        "wrote in a newsletter.",
        "Valley Courier",
        figures=[("57", 57, "", "missiles", "Ferenc Dalby")],
    )
    other = make_ref(
        "Farmers in the hill district say the harvest of plums came early this year after a warm spring.",
        "Hill Times",
        figures=[],
    )
    rows = build_rows([officer, analyst, other])
    assert sorted(sorted(r.cells) for r in rows) == [["Harbour Post", "Valley Courier"], ["Hill Times"]]


def test_tanks_and_missiles_of_one_value_stay_in_rows_of_their_own() -> None:
    brigade = make_ref(
        "Captain Orsolya Brandt told a radio station that Veltrian crews moved at least 57 tanks of many kinds "
        "toward the coast and that 31 of them were stopped.",
        "Harbour Post",
        figures=[("57", 57, "at least", "tanks", "Orsolya Brandt"), ("31", 31, "", "", "Orsolya Brandt")],
    )
    analyst = make_ref(
        "\u201cThe 57 missiles they used this morning were stockpiled for a season,\u201d the analyst Ferenc Dalby "
        "wrote in a newsletter.",
        "Valley Courier",
        figures=[("57", 57, "", "missiles", "Ferenc Dalby")],
    )
    rows = build_rows([brigade, analyst])
    assert len(rows) == 2
