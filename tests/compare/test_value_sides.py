"""One value told of different sides is no evidence of one fact: "about 140 Varnian marines were killed ...
the 140 soldiers" and "more than 140 Ostrian conscripts killed" are two sides' losses, although the first
passage's short retelling ("the 140 soldiers") would fit either (issue 12: Russia's claim of 200 Ukrainian
reservists killed shared a row with a Ukrainian claim of 200 Russian paratroopers killed)."""

import numpy as np

from desk.compare.grouping import _rare_values, join_strong_pairs
from desk.compare.profile import profile

from .helpers import make_ref

MARINES = make_ref(
    "The governor said about 140 Varnian marines were killed when their barracks were hit. "
    "Officials said the 140 soldiers had arrived a week earlier.",
    "Outlet A",
    figures=[("about 140", 140, "about", "Varnian marines were killed", "governor"), ("140 soldiers", 140, "", "soldiers", "Officials")],
)
MARINES_MATE = make_ref("Relatives gathered outside the barracks as rescuers searched the rubble for survivors.", "Outlet C")


def _conscripts(side: str) -> object:
    return make_ref(
        f"The army said its gunners had killed more than 140 {side} soldiers in a strike on a troop train.",
        "Outlet B",
        figures=[("more than 140", 140, "more than", f"{side} soldiers", "army")],
    )


def _joined(other: object) -> bool:
    refs = [MARINES, MARINES_MATE, other]
    profiles = [profile(r) for r in refs]  # type: ignore[arg-type]
    sim = np.zeros((3, 3), dtype=np.float32)
    for (i, j), v in {(0, 1): 0.45, (0, 2): 0.5, (1, 2): 0.3}.items():
        sim[i, j] = sim[j, i] = v
    assert 140 in _rare_values(profiles)
    groups = join_strong_pairs([[0, 1], [2]], sim, profiles, np.arange(3))
    return len(groups) == 1


def test_one_value_told_of_another_side_does_not_join() -> None:
    assert not _joined(_conscripts("Ostrian"))


def test_one_value_told_of_the_same_side_joins() -> None:
    assert _joined(_conscripts("Varnian"))
