"""A passage that names no place takes the place its article's title names."""

from __future__ import annotations

from desk.compare import grouping
from desk.compare.grouping import unit_places
from desk.compare.places import place_key, title_places
from desk.compare.profile import profile
from desk.model import Entity

from .helpers import make_ref

GREYFORD = place_key("Greyford")


def test_a_title_names_its_place_without_a_preposition() -> None:
    assert title_places("Greyford Depot Attack: What We Know So Far", frozenset({GREYFORD})) == {GREYFORD}


def test_a_capitalised_title_word_is_no_place_unless_the_texts_around_name_it_one() -> None:
    assert title_places("Greyford Depot Attack: What We Know So Far") == frozenset()
    assert title_places("Hopeful Talks On Marlow's Release", frozenset({GREYFORD})) == frozenset()


def test_a_peoples_adjective_in_a_title_is_no_place() -> None:
    assert title_places("Varnian court jails two reporters", frozenset({place_key("Varnia")})) == frozenset()


def _with_place_entity(ref, name: str):  # type: ignore[no-untyped-def]
    at = ref.text.index(name)
    ref.entities = [Entity(at, at + len(name), name, "GPE")]
    return ref


def _refs():  # type: ignore[no-untyped-def]
    unplaced = make_ref("At least 30 people were killed when rockets hit the depot at dawn.", "Outlet A")
    unplaced.title = "Greyford depot attack: what we know"
    named = _with_place_entity(
        make_ref("Rescuers in Greyford searched the rubble of the depot all night.", "Outlet B"), "Greyford"
    )
    own = _with_place_entity(make_ref("Crowds gathered in Ashby to mourn the dead.", "Outlet C"), "Ashby")
    own.title = "Greyford depot attack: mourners gather"
    others = [make_ref(f"Market prices rose for the {i}th week running.", f"Outlet {i}") for i in range(10)]
    return [unplaced, named, own, *others]


def test_a_passage_without_a_place_takes_its_titles_place_and_one_with_a_place_keeps_its_own(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(grouping, "TITLE_PLACES", True)
    places = unit_places([profile(r) for r in _refs()])
    assert places[0] == {GREYFORD}
    assert places[1] == {GREYFORD}
    assert places[2] == {place_key("Ashby")}


def test_title_places_are_off_by_default_and_then_leave_a_passage_unplaced(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert grouping.TITLE_PLACES is False
    monkeypatch.setattr(grouping, "TITLE_PLACES", False)
    places = unit_places([profile(r) for r in _refs()])
    assert places[0] == frozenset()
