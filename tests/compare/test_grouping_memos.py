"""What one grouping remembers to run faster gives the answers it would compute."""

from __future__ import annotations

from desk.compare import grouping
from desk.compare.grouping import penalty_stance, places_remembered, unit_places
from desk.compare.places import place_key
from desk.compare.profile import profile
from desk.model import Entity

from .helpers import make_ref


def _placed(text: str, name: str, outlet: str):  # type: ignore[no-untyped-def]
    ref = make_ref(text, outlet)
    at = ref.text.index(name)
    ref.entities = [Entity(at, at + len(name), name, "GPE")]
    return ref


def _profiles():  # type: ignore[no-untyped-def]
    refs = [
        _placed("Rescuers in Tollby searched the rubble of the depot all night.", "Tollby", "Outlet A"),
        _placed("Crowds gathered in Wexham to mourn the dead.", "Wexham", "Outlet B"),
    ]
    refs += [make_ref(f"Bread prices rose for the {i}th week running.", f"Outlet {i}") for i in range(6)]
    return [profile(r) for r in refs]


def test_unit_places_inside_a_grouping_are_computed_once_and_each_caller_gets_its_own_list(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    profiles = _profiles()
    calls = []
    real = grouping._unit_places
    monkeypatch.setattr(grouping, "_unit_places", lambda ps: calls.append(1) or real(ps))
    with places_remembered():
        first = unit_places(profiles)
        first[0] = frozenset({"changed"})  # a caller's edit never reaches the next caller
        second = unit_places(profiles)
        other = unit_places(profiles[1:])  # other units: computed for them
    assert len(calls) == 2
    assert second[0] == {place_key("Tollby")}
    assert second[1] == {place_key("Wexham")}
    assert other[0] == {place_key("Wexham")}
    unit_places(profiles)  # outside a grouping nothing is remembered
    assert len(calls) == 3


def test_the_places_a_grouping_remembered_are_gone_after_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    profiles = _profiles()
    with places_remembered():
        assert unit_places(profiles)[0] == {place_key("Tollby")}
    profiles[0].ref.entities = []  # changed after the grouping: computed again
    profiles[0].ref.text = "Rescuers searched the rubble of the depot all night."
    assert unit_places(profiles)[0] == frozenset()


def test_a_remembered_penalty_stance_is_the_stance_of_that_text() -> None:
    penalty_stance.cache_clear()
    threatened = "The skipper faces up to 12 years in jail if convicted of smuggling."
    imposed = "The skipper was sentenced to seven years in jail for smuggling."
    assert [penalty_stance(t) for t in (threatened, imposed, threatened, imposed)] == [
        "threatened", "imposed", "threatened", "imposed"
    ]
    assert penalty_stance.cache_info().hits == 2
