"""A lone statement joins, at a lower similarity, the row of a sentence that takes its frame about one thing."""

import numpy as np
import pytest

from desk.compare import joining
from desk.compare.frames import statement_frames
from desk.compare.grouping import grouping_scope, unit_frames
from desk.compare.joining import join_lone_statements
from desk.compare.profile import profile

from .helpers import make_ref

# one refusal told by three outlets; the third in the passive, with few words in common
REFUSED = make_ref("The barley buyers in Ostria refused to take the cargo, saying the freighter came weeks late.",
                   "Outlet A")
REFUSED_B = make_ref("The importer in Ostria refused the barley cargo because the freighter arrived weeks late.",
                     "Outlet B")
PASSIVE = make_ref("The first freighter out of the harbour saw its barley turned away, rejected by importers in "
                   "Ostria, who cited its late arrival.", "Outlet C")
# the same actor in the same stance about something else: a refusal of talks, not of the cargo (the words
# it shares with the refusal of the cargo all name the actor)
OTHER_REFUSAL = make_ref("The barley buyers in Ostria rejected new harbour talks, citing the fishing quotas.",
                         "Outlet C", article="C-2")
# another fact of the topic
DIVERS = make_ref("Navy divers searched the harbour for the missing crew of the ferry.", "Outlet A", article="A-2")
DIVERS_B = make_ref("Divers from the navy kept searching the harbour for the missing crew.", "Outlet B", article="B-2")
FILLER = [make_ref(f"Notice {i}: the bus timetable changes for the winter season.", f"Filler {i}") for i in range(8)]


def _run(refs: list, pairs: dict[tuple[int, int], float], groups: list[list[int]],  # type: ignore[type-arg]
         frames: bool = True) -> list[list[int]]:
    profiles = [profile(r) for r in [*refs, *FILLER]]
    n = len(profiles)
    sim = np.zeros((n, n), dtype=np.float32)
    for (i, j), v in pairs.items():
        sim[i, j] = sim[j, i] = v
    fillers = [[len(refs) + k] for k in range(len(FILLER))]
    with grouping_scope():
        statements = unit_frames(profiles) if frames else None
        out = join_lone_statements([*groups, *fillers], sim, profiles, np.arange(n), statements=statements)
    return sorted(g for g in out if g[0] < len(refs))


def test_the_retellings_take_one_frame() -> None:
    # the agent of the passive verb is the actor: one frame for the three
    assert statement_frames(PASSIVE.text) == statement_frames(REFUSED.text) == statement_frames(REFUSED_B.text)
    assert statement_frames(PASSIVE.text)


def test_a_lone_retelling_in_the_passive_joins_through_its_frame() -> None:
    refs = [REFUSED, REFUSED_B, PASSIVE, DIVERS, DIVERS_B]
    # below the plain edge (0.26), above the frame's (0.15)
    pairs = {(0, 1): 0.6, (3, 4): 0.6, (1, 2): 0.2, (0, 2): 0.18, (2, 3): 0.05}
    assert _run(refs, pairs, [[0, 1], [2], [3, 4]]) == [[0, 1, 2], [3, 4]]
    # without the frames, or with the frame edge off, it stays alone
    assert _run(refs, pairs, [[0, 1], [2], [3, 4]], frames=False) == [[0, 1], [2], [3, 4]]


def test_the_frame_edge_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "LONE_FRAME_EDGE", 0.0)
    refs = [REFUSED, REFUSED_B, PASSIVE, DIVERS, DIVERS_B]
    pairs = {(0, 1): 0.6, (3, 4): 0.6, (1, 2): 0.2, (0, 2): 0.18}
    assert _run(refs, pairs, [[0, 1], [2], [3, 4]]) == [[0, 1], [2], [3, 4]]


def test_a_frame_about_something_else_does_not_join() -> None:
    # one actor, one stance, but the talks share nothing with the cargo
    assert statement_frames(OTHER_REFUSAL.text) == statement_frames(REFUSED.text)
    refs = [REFUSED, REFUSED_B, OTHER_REFUSAL, DIVERS, DIVERS_B]
    pairs = {(0, 1): 0.6, (3, 4): 0.6, (1, 2): 0.2, (0, 2): 0.2}
    assert _run(refs, pairs, [[0, 1], [2], [3, 4]]) == [[0, 1], [2], [3, 4]]


def test_below_the_frame_edge_it_stays_alone() -> None:
    refs = [REFUSED, REFUSED_B, PASSIVE, DIVERS, DIVERS_B]
    pairs = {(0, 1): 0.6, (3, 4): 0.6, (1, 2): 0.12, (0, 2): 0.1}
    assert _run(refs, pairs, [[0, 1], [2], [3, 4]]) == [[0, 1], [2], [3, 4]]


@pytest.mark.parametrize(
    "text",
    [
        # a passive stance verb without "by": the name before it is who the stance is about
        "Officials say Ostria is accused of turning the freighter away.",
        "Ostria has been widely blamed for the late freighter.",
        "The Ostrian harbour was not invited to the talks.",
    ],
)
def test_a_passive_stance_without_its_agent_has_no_actor(text: str) -> None:
    assert statement_frames(text, ["Ostria", "Ostrian"]) == frozenset()
