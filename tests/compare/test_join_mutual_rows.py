"""Two rows of statements that are each other's closest row join: one event retold in two rows."""

import dataclasses
import datetime as dt

import numpy as np
import pytest

from desk.compare import joining
from desk.compare.actors import event_places
from desk.compare.grouping import unit_places
from desk.compare.joining import join_consensus_rows, join_mutual_rows
from desk.compare.profile import profile

from .helpers import make_ref
from .test_join_consensus_rows import BACKGROUND, COMMITTEES, _sim

# one denial retold in two rows: the army's denial, and the army's statement blaming the rebels
DENIED = [
    make_ref("Army commanders denied shelling the prison and said the rebels staged the strike to hide abuse.",
             "North Post"),
    make_ref("The army denied any strike on the prison, saying rebels staged it to hide abuse.", "East Daily"),
    make_ref("Army commanders denied the prison strike was theirs.", "North Post"),
]
STATEMENT = [
    make_ref("Rebels destroyed the prison to hide the abuse of inmates, according to an army statement.", "South Wire"),
    make_ref("The army statement said the rebels blew up the prison to conceal the abuse and torture of inmates.",
             "West Times"),
    make_ref("In its statement the army said rebels wanted to cover up the torture in the prison.", "South Wire"),
]


def _run(rows: list[list], across: dict[tuple[int, int], float] | None = None, *, edge: float = 0.2,
         places: bool = False, join=join_mutual_rows) -> list[list[int]]:  # type: ignore[no-untyped-def,type-arg]
    """``rows`` of sentences among the candidates; within a row 0.5, across rows ``edge`` (or ``across``
    for the pairs of rows it names)."""
    units = [r for row in rows for r in row]
    refs = [*units, *BACKGROUND, *COMMITTEES]
    profiles = [profile(r) for r in refs]
    row_of = [k for k, row in enumerate(rows) for _ in row]
    pairs = {}
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            a, b = row_of[i], row_of[j]
            pairs[(i, j)] = 0.5 if a == b else (across or {}).get((a, b), edge)
    groups, at = [], 0
    for row in rows:
        groups.append(list(range(at, at + len(row))))
        at += len(row)
    groups += [[k] for k in range(len(units), len(refs))]
    where = event_places(profiles, unit_places(profiles)) if places else None
    out = join(groups, _sim(pairs, len(refs)), profiles, np.arange(len(refs)), where)
    return sorted(g for g in out if g[0] < len(units))


def test_two_rows_that_are_each_others_closest_join() -> None:
    assert _run([DENIED, STATEMENT]) == [list(range(6))]


def test_the_consensus_join_leaves_them_apart() -> None:
    # their consensus cosine (0.36) is below CONSENSUS_THRESHOLD: the rows stayed apart before this rule
    assert _run([DENIED, STATEMENT], join=join_consensus_rows) == [[0, 1, 2], [3, 4, 5]]


def test_a_row_closer_to_a_third_row_does_not_join_the_first() -> None:
    retold = [
        make_ref("The rebels blew up the prison to conceal the abuse and torture of inmates, a statement said.",
                 "Harbour News"),
        make_ref("A statement said rebels wanted to cover up the torture of inmates in the prison.", "Valley Herald"),
    ]
    out = _run([DENIED, STATEMENT, retold])
    # the statement's two rows are each other's closest: they join, and the denial stays apart
    assert [0, 1, 2] in out
    assert [3, 4, 5, 6, 7] in out


def test_rows_whose_sentences_do_not_relate_across_stay_apart() -> None:
    assert _run([DENIED, STATEMENT], edge=0.05) == [[0, 1, 2], [3, 4, 5]]


def test_rows_of_one_outlet_stay_apart() -> None:
    one = [dataclasses.replace(r, outlet="North Post") for r in DENIED + STATEMENT]
    assert _run([one[:3], one[3:]]) == [[0, 1, 2], [3, 4, 5]]


def test_rows_weeks_apart_stay_apart() -> None:
    early = [dataclasses.replace(r, date=dt.date(2021, 3, 1)) for r in DENIED]
    late = [dataclasses.replace(r, date=dt.date(2021, 5, 1)) for r in STATEMENT]
    assert _run([early, late]) == [[0, 1, 2], [3, 4, 5]]


def _placed(rows: list, where: str) -> list:  # type: ignore[type-arg]
    return [dataclasses.replace(r, text=r.text[:-1] + f" {where}.", end=r.end + len(where) + 1) for r in rows]


def test_rows_of_events_in_two_places_stay_apart() -> None:
    assert _run([_placed(DENIED, "in Greyford"), _placed(STATEMENT, "in Brentholm")], places=True) == [
        [0, 1, 2], [3, 4, 5]]


def test_a_place_named_only_as_an_actor_does_not_keep_the_rows_apart() -> None:
    denied = _placed(DENIED, "in Greyford")
    said = [dataclasses.replace(r, text=f"Officials in Brentholm said: {r.text}", end=r.end + 29) for r in STATEMENT]
    assert _run([denied, said], places=True) == [list(range(6))]


def test_a_joined_row_that_would_flag_new_figures_stays_apart() -> None:
    denied = [*DENIED[:2], make_ref("Army commanders denied the prison strike that killed 40 inmates.", "North Post",
                                    figures=[("40", 40, "", "inmates killed", "")])]
    statement = [*STATEMENT[:2], make_ref("In its statement the army said the prison strike killed 90 inmates.",
                                          "South Wire", figures=[("90", 90, "", "inmates killed", "")])]
    assert _run([denied, statement]) == [[0, 1, 2], [3, 4, 5]]


def test_the_rule_is_off_at_threshold_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "MUTUAL_THRESHOLD", 0.0)
    assert _run([DENIED, STATEMENT]) == [[0, 1, 2], [3, 4, 5]]
