"""A statement frame's actor: a national capital speaks for its country, and stopping short of a stance takes none."""

from __future__ import annotations

import pytest

from desk.compare.frames import actor_key, statement_frames
from desk.compare.places import place_key

from .helpers import make_ref
from .test_lone_frames import DIVERS, DIVERS_B, _run


@pytest.mark.parametrize(
    ("capital", "country"),
    [("Vienna", "Austria"), ("Madrid", "Spain"), ("Kyiv", "Ukraine"), ("Kiev", "Ukrainian"), ("Moscow", "Russia")],
)
def test_a_capital_is_its_country(capital: str, country: str) -> None:
    assert actor_key(capital) == actor_key(country) == place_key(country)


def test_a_capital_is_known_by_its_spelling_not_its_folded_key() -> None:
    # "Brann" folds as "Bern" does, and "Riga" as "Iraq": neither name becomes Switzerland or Latvia
    assert place_key("Brann") == place_key("Bern")
    assert actor_key("Brann") == place_key("Brann") != actor_key("Bern")
    assert place_key("Iraq") == place_key("Riga")
    assert actor_key("Iraq") == place_key("Iraq") != actor_key("Latvia")
    # a country whose folded key another country shares takes no capital ("Romania" folds as "Armenia")
    assert place_key("Romania") == place_key("Armenia")
    assert actor_key("Bucharest") == place_key("Bucharest")
    # a name that is no capital keeps its key
    assert actor_key("Greyford") == place_key("Greyford")


def test_a_statement_by_the_capital_and_by_the_country_take_one_frame() -> None:
    by_capital = statement_frames("On Tuesday, Vienna denied sending border guards to the mountain pass.")
    by_country = statement_frames("On Tuesday, Austrian officials denied sending border guards to the pass.")
    assert by_capital == by_country == {f"deny:{place_key('Austria')}"}
    # a rival's denial stays another frame
    assert statement_frames("On Tuesday, Madrid denied sending border guards to the pass.") != by_capital


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, Madrid stopped short of claiming responsibility for the pipeline leak.",
        "On Sunday, Madrid stopped short of officially claiming responsibility for the pipeline leak.",
        "On Sunday, Spain has not claimed responsibility for the pipeline leak.",
    ],
)
def test_stopping_short_of_a_stance_is_its_negation(text: str) -> None:
    assert statement_frames(text) == {f"no-responsibility:{place_key('Spain')}"}
    assert statement_frames("On Sunday, Spain claimed responsibility for the pipeline leak.") == {
        f"responsibility:{place_key('Spain')}"
    }


# one denial told by three outlets: by the country, by the country's officials, and by its capital in other words
DENIAL = make_ref("On Friday, Spain denied that its frigate entered the disputed strait during the drill.", "Outlet A")
DENIAL_B = make_ref("On Friday, Spanish officials denied the frigate had entered the disputed strait.", "Outlet B")
CAPITAL = make_ref("Earlier, Madrid rejected reports of a frigate crossing into the disputed strait.", "Outlet C")


def test_a_lone_retelling_by_the_capital_joins_the_countrys_row() -> None:
    refs = [DENIAL, DENIAL_B, CAPITAL, DIVERS, DIVERS_B]
    # below the plain edge (0.26), above the frame's (0.15): only the shared frame joins it
    pairs = {(0, 1): 0.6, (3, 4): 0.6, (1, 2): 0.2, (0, 2): 0.18, (2, 3): 0.05}
    assert _run(refs, pairs, [[0, 1], [2], [3, 4]]) == [[0, 1, 2], [3, 4]]
    assert _run(refs, pairs, [[0, 1], [2], [3, 4]], frames=False) == [[0, 1], [2], [3, 4]]


def test_two_people_who_share_a_first_name_are_two_actors() -> None:
    people = ["Aldo Mirren", "Aldo Brann"]
    mirren = statement_frames("On Monday, President Aldo Mirren confirmed the closure of the ferry line.", people, people)
    brann = statement_frames("On Monday, President Aldo Brann confirmed the closure of the ferry line.", people, people)
    assert mirren == {f"confirm:{place_key('Mirren')}"}
    assert brann == {f"confirm:{place_key('Brann')}"}
    # the surname alone, later in the story, is the same actor
    assert statement_frames("On Tuesday, Mirren confirmed the closure.", people, people) == mirren
    # without the person entities the first capitalised word stays the actor, as before
    assert statement_frames("On Monday, President Aldo Mirren confirmed the closure of the ferry line.") == {
        f"confirm:{place_key('Aldo')}"
    }


def test_the_person_names_reach_the_frames_of_a_grouping() -> None:
    from desk.compare.grouping import grouping_scope, unit_frames
    from desk.compare.profile import profile
    from desk.model import Entity

    text = "On Monday, President Aldo Mirren confirmed the closure of the ferry line."
    start = text.index("Aldo")
    ref = make_ref(text, "Outlet A")
    ref.entities = [Entity(start, start + len("Aldo Mirren"), "Aldo Mirren", "PERSON")]
    with grouping_scope():
        frames, _ = unit_frames([profile(ref)])
    assert frames[0] == {f"confirm:{place_key('Mirren')}"}
