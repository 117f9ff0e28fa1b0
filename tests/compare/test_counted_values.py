"""A shared number joins passages only when the figures count compatible things."""

from __future__ import annotations

import numpy as np
import pytest

from desk.compare import grouping
from desk.compare.grouping import _pair_evidence, similarity_matrix
from desk.compare.profile import context_outcome, counts_compatible, profile
from desk.compare.quantity import quantity_of
from desk.extract.figures import find_figures

from .helpers import fact_key_in as _key
from .helpers import make_ref

SHELLS = _key("Each shell can scatter as many as 40 bomblets over a wide field.", "40", "bomblets")
KILLED = _key("At least 40 people were killed when the rockets hit the depot.", "40", "people killed")
DIED = _key("The toll at the depot rose to 40, the governor said.", "40", "")
HURT = _key("Another 40 were injured in the blast at the depot.", "40", "injured")
CIVILIANS = _key("Some 40 civilians were killed in the raid on the market.", "40", "civilians killed")
RESIDENTS = _key("Some 40 residents were killed in the raid on the market.", "40", "residents killed")
SOLDIERS = _key("Some 40 soldiers were killed in the raid on the barracks.", "40", "soldiers killed")
NORTH = _key("About 40 Northland soldiers were killed in the assault.", "40", "Northland soldiers killed")
SOUTH = _key("About 40 Southland soldiers were killed in the assault.", "40", "Southland soldiers killed")
CROSSING = _key("More than 40 thousand people crossing into the valley were counted.", "40", "people crossing")
ARRIVALS = _key("The valley took in more than 40 thousand refugees.", "40", "refugees")


def test_a_count_of_munitions_is_no_count_of_the_dead() -> None:
    assert not counts_compatible(SHELLS, KILLED)


def test_the_killed_and_the_injured_are_two_counts() -> None:
    assert not counts_compatible(KILLED, HURT)


def test_killed_people_and_a_toll_that_names_no_thing_may_be_one_count() -> None:
    assert counts_compatible(KILLED, DIED)
    assert counts_compatible(KILLED, CIVILIANS)


def test_civilians_and_residents_are_one_kind_but_soldiers_are_another() -> None:
    assert counts_compatible(CIVILIANS, RESIDENTS)
    assert not counts_compatible(CIVILIANS, SOLDIERS)


def test_two_sides_soldiers_are_two_counts() -> None:
    assert not counts_compatible(NORTH, SOUTH)
    assert counts_compatible(NORTH, SOLDIERS)


def test_heads_without_an_outcome_do_not_tell_figures_apart() -> None:
    # "people crossing" gives the head "cross": a bare phrase's head is no reliable thing
    assert counts_compatible(CROSSING, ARRIVALS)


def test_a_figure_that_says_nothing_of_what_it_counts_follows_the_setting() -> None:
    assert counts_compatible(None, KILLED, unknown=True)
    assert not counts_compatible(None, KILLED, unknown=False)


BOMBLETS = make_ref(
    "Such warheads can scatter as many as 40 bomblets across an area the size of a stadium.",
    "Outlet A",
    figures=[("40", 40, "up to", "bomblets", "")],
)
DEAD = make_ref(
    "At least 40 people were killed when the rockets struck the crowded depot on Friday.",
    "Outlet B",
    figures=[("40", 40, "at least", "people killed", "")],
)
TOLL = make_ref(
    "Regional officials said the death toll had risen to 40 by the evening.",
    "Outlet C",
    figures=[("40", 40, "", "", "officials")],
)
FILLER = [make_ref(f"Unrelated note number {i} about the weather in the hills.", f"Outlet {i}") for i in range(6)]


def _sim(refs: list) -> np.ndarray:  # type: ignore[type-arg]
    return similarity_matrix([profile(r) for r in [*refs, *FILLER]])


def test_a_shared_value_gives_its_bonus_only_where_the_counted_things_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    sim = _sim([BOMBLETS, DEAD, TOLL])
    monkeypatch.setattr(grouping, "VALUE_NEEDS_COUNTED", False)
    loose = _sim([BOMBLETS, DEAD, TOLL])
    # bomblets and the dead: the number alone no longer links them
    assert loose[0, 1] - sim[0, 1] == pytest.approx(grouping.VALUE_BONUS)
    # the dead and the toll keep their bonus
    assert loose[1, 2] == pytest.approx(sim[1, 2])
    assert sim[1, 2] >= grouping.VALUE_BONUS


def test_a_shared_value_is_evidence_for_a_join_only_where_the_counted_things_agree() -> None:
    bomblets, dead, toll = (profile(r) for r in (BOMBLETS, DEAD, TOLL))
    rare = frozenset({40.0})
    assert not _pair_evidence(bomblets, dead, rare)
    assert _pair_evidence(dead, toll, rare)


def test_a_percentage_and_a_count_of_one_number_share_no_value() -> None:
    share = make_ref("Turnout reached 40% in the northern districts.", "Outlet A",
                     figures=[("40%", 40, "", "", "")])
    share.claims[0].figure.kind = "percent"
    assert not _pair_evidence(profile(share), profile(TOLL), frozenset({40.0}))


def test_the_verb_before_a_figure_wins_a_tie_with_a_clause_after_it() -> None:
    # "killing at least 40 sailors, some of whom had been captured": the 40 are dead, not captured
    text = "The rocket hit the jail, killing at least 40 sailors including some who had been captured in May."
    at = text.index("40")
    assert context_outcome(text, at, at + 2) == "kill"
    # a nearer outcome word after the figure still wins ("seized 40 sailors" has none before it)
    text = "Officials said 40 sailors were captured, and later two were killed."
    at = text.index("40")
    assert context_outcome(text, at, at + 2) == "captur"


#: two reports of one volley: the rockets are counted alike, the drones told apart by their makers
VOLLEY_A = make_ref(
    "Northland fired 64 rockets overnight, and 12 Eastland drones were destroyed over the coast.",
    "Outlet A",
    figures=[("64", 64, "", "rockets", ""), ("12", 12, "", "Eastland drones destroyed", "")],
)
VOLLEY_B = make_ref(
    "The navy said 64 rockets were fired overnight, while 12 Westland drones were destroyed near the port.",
    "Outlet B",
    figures=[("64", 64, "", "rockets", "navy"), ("12", 12, "", "Westland drones destroyed", "navy")],
)
#: the drones alone, told apart by their makers: two counts
DRONES_ONLY = make_ref(
    "Officers counted 12 Westland drones destroyed near the harbour after the raid.",
    "Outlet C",
    figures=[("12", 12, "", "Westland drones destroyed", "")],
)


def test_a_conflict_in_one_figure_does_not_hold_apart_passages_that_share_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refs = [VOLLEY_A, VOLLEY_B, DRONES_ONLY]
    sim = _sim(refs)
    monkeypatch.setattr(grouping, "CONFLICT_PENALTY", 0.0)
    unpenalised = _sim(refs)
    # the rockets are one named count: the drones' clash costs the pair nothing
    assert sim[0, 1] == pytest.approx(unpenalised[0, 1])
    # the drones alone still clash
    assert unpenalised[0, 2] - sim[0, 2] == pytest.approx(0.25)


def test_lost_soldiers_and_killed_soldiers_are_one_counted_thing() -> None:
    lost = _key("Officials said the northern army has lost 3,400 soldiers since the spring.", "3,400", "soldiers")
    killed = _key("Some 3,400 soldiers of the northern army were killed since the spring.", "3,400", "soldiers killed")
    hurt = _key("Some 3,400 soldiers of the northern army were injured since the spring.", "3,400", "soldiers injured")
    wounded = _key("Some 3,400 soldiers were wounded in the spring battles.", "3,400", "soldiers wounded")
    assert lost is not None
    assert killed is not None
    assert hurt is not None
    assert wounded is not None
    assert lost.outcome == killed.outcome == "kill"
    assert lost.matches(killed)
    assert hurt.matches(wounded)
    assert not lost.matches(hurt)


def test_one_handover_told_as_an_exchange_a_release_or_a_return_is_one_count() -> None:
    swapped = _key("The two sides exchanged 64 marines at the bridge on Friday.", "64", "marines")
    released = _key("Some 64 prisoners were released at the bridge on Friday.", "64", "prisoners released")
    returned = _key("Officials said 64 fighters returned home after the deal.", "64", "fighters returned")
    civilians = _key("Some 64 civilians were released at the bridge on Friday.", "64", "civilians released")
    dead = _key("Some 64 prisoners were killed in the camp on Friday.", "64", "prisoners killed")
    dead_soldiers = _key("Some 64 soldiers were killed in the camp on Friday.", "64", "soldiers killed")
    assert counts_compatible(swapped, released)
    assert counts_compatible(released, returned)
    # the people of a handover are prisoners, soldiers or fighters; civilians are another group
    assert not counts_compatible(swapped, civilians)
    # outside a handover, heads still tell counts apart, and a killing is no handover
    assert not counts_compatible(dead, dead_soldiers)
    assert not counts_compatible(released, dead)


def test_a_side_read_from_the_claimant_is_labelled_as_the_text_writes_it() -> None:
    text = "The Varnian navy said 1,300 were killed in the storm."
    (fig,) = find_figures(text)
    q = quantity_of(fig, (text, fig.start, fig.end), "Varnian navy")
    assert q is not None
    assert q.subject == "varn"
    assert q.label == "Varnian killed"  # not the folded key "Varn"


def test_an_outcome_before_and_belongs_to_the_clause_before() -> None:
    def kinds(text: str) -> list[tuple[str, str]]:
        out = []
        for f in find_figures(text):
            q = quantity_of(f, (text, f.start, f.end))
            out.append((f.text, q.kind if q is not None else ""))
        return out

    # "64 were injured": the injured, not the killed of the clause before "and"
    assert kinds("The council says 31 people were killed and 64 were injured.") == [("31", "kill"), ("64", "wound")]
    assert kinds("The blast killed 12, while 30 were wounded.") == [("12", "kill"), ("30", "wound")]
    # one verb for both figures still counts both
    assert kinds("They killed at least 20 and as many as 40.") == [("20", "kill"), ("40", "kill")]
    assert kinds("The raid killed 40 and wounded 75.") == [("40", "kill"), ("75", "wound")]
    # an outcome before "which" or "that" belongs to another clause
    got = kinds("The army says 512 of its men have died, which is at odds with the word that 30,000 more are needed.")
    assert got[0] == ("512", "kill")
    assert got[1][1] != "kill", got
    assert kinds("Ten people died after 300 shells hit the town.")[1][1] != "kill"
    assert kinds("The attack that killed 40 people hit a market.") == [("40", "kill")]


def test_a_given_name_is_no_side() -> None:
    text = "He said 58 soldiers were wounded."
    (f,) = find_figures(text)
    for person in ("Ruslan Vetrov", "Dmitri Orlov", "Brian Hale"):
        q = quantity_of(f, (text, f.start, f.end), person)
        assert q is not None
        assert q.subject == "", person
    # a side that names no other side still reports its own losses
    for body, side in (("Varnian Defense Ministry", "Varnian"), ("Varnian military", "Varnian")):
        q = quantity_of(f, (text, f.start, f.end), body)
        assert q is not None
        assert q.side == side


def test_more_of_a_thing_is_a_part_as_other_is() -> None:
    from desk.compare.quantity import quantity_of
    from desk.extract.figures import find_figures

    def thing(text: str) -> str:
        f = find_figures(text)[0]
        q = quantity_of(f, context=(text, f.start, f.end))
        assert q is not None
        return q.thing

    # "three more ships" left after others did: a part of the count, as "three other ships" is
    assert thing("Three more barges left the port of Varn.") == thing("Three other barges left the port of Varn.")
    assert thing("Three more barges left the port of Varn.") != thing("Three barges left the port of Varn.")
