"""What one grouping computes once (desk.compare.scope) is what each step would compute itself."""

from __future__ import annotations

import numpy as np
import pytest

from desk.compare import scope
from desk.compare.joining import _index_of, _owners
from desk.compare.profile import has_claims, profile
from desk.compare.scope import at_least, grouping_scope, remembered

from .helpers import make_ref


def _pairs(m: np.ndarray, threshold: float) -> tuple[list[int], list[int]]:
    rows, cols = at_least(m, threshold)
    return rows.tolist(), cols.tolist()


def _want(m: np.ndarray, threshold: float) -> tuple[list[int], list[int]]:
    rows, cols = np.nonzero(m >= threshold)
    return rows.tolist(), cols.tolist()


@pytest.mark.parametrize("order", [(0.36, 0.38, 0.3, 0.36, 0.9), (0.1, 0.5, 0.05, 0.3), (0.3, 0.3)])
def test_every_threshold_inside_a_grouping_gets_the_pairs_of_its_own_scan(order: tuple[float, ...]) -> None:
    rng = np.random.default_rng(5)
    m = rng.random((41, 29)).astype(np.float32)
    m[3, 4] = np.float32(0.36)  # a value on a threshold is kept, as m >= threshold keeps it
    with grouping_scope():
        for threshold in order:
            assert _pairs(m, threshold) == _want(m, threshold)
    assert _pairs(m, 0.36)[0].count(3) == _want(m, 0.36)[0].count(3)


def test_a_grouping_scans_each_matrix_once_unless_asked_below_its_first_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    m = np.array([[0.1, 0.35, 0.5], [0.31, 0.29, 0.9]], dtype=np.float32)
    other = m * np.float32(0.5)
    scans: list[float] = []
    real = np.flatnonzero
    monkeypatch.setattr(scope.np, "flatnonzero", lambda a: scans.append(1) or real(a))
    with grouping_scope():
        assert _pairs(m, 0.4) == ([0, 1], [2, 2])
        assert _pairs(m, 0.3) == ([0, 0, 1, 1], [1, 2, 0, 2])
        assert _pairs(m, 0.35) == ([0, 0, 1], [1, 2, 2])
        assert len(scans) == 1  # the first scan kept everything from 0.3 up
        assert _pairs(m, 0.2) == ([0, 0, 1, 1, 1], [1, 2, 0, 1, 2])
        assert len(scans) == 2  # below the first scan: scanned again
        assert _pairs(other, 0.4) == ([1], [2])  # another matrix: its own scan
        assert len(scans) == 3
    _pairs(m, 0.4)
    assert len(scans) == 4  # outside a grouping nothing is remembered


def test_a_strided_matrix_is_scanned_as_it_is() -> None:
    m = np.arange(48, dtype=np.float32).reshape(6, 8) / 48
    view = m[::2, 1::3]
    with grouping_scope():
        assert _pairs(view, 0.5) == _want(view, 0.5)
        assert _pairs(view, 0.7) == _want(view, 0.7)


def test_remembered_answers_belong_to_their_object_and_scope() -> None:
    calls: list[str] = []
    a, b = ["x"], ["x"]
    with grouping_scope():
        assert remembered("size", a, lambda: calls.append("a") or 1) == 1
        assert remembered("size", a, lambda: calls.append("a") or 2) == 1
        assert remembered("size", b, lambda: calls.append("b") or 3) == 3  # equal, but another object
        assert remembered("other", a, lambda: calls.append("a2") or 4) == 4
    assert remembered("size", a, lambda: calls.append("out") or 5) == 5
    assert calls == ["a", "b", "a2", "out"]


def test_unit_numbers_inside_a_grouping_are_one_read_only_answer() -> None:
    refs = [make_ref("Barges left the quay at dawn.", o, article=a) for o, a in
            (("Harbour News", "h1"), ("Valley Post", "v1"), ("Harbour News", "h2"))]
    profiles = [profile(r) for r in refs]
    with grouping_scope():
        outlets = _index_of(profiles, "outlet")
        assert outlets.tolist() == [0, 1, 0]
        assert _index_of(profiles, "outlet") is outlets
        assert _index_of(profiles, "article_id").tolist() == [0, 1, 2]
        with pytest.raises(ValueError, match="read-only"):
            outlets[0] = 5
    assert _index_of(profiles, "outlet") is not outlets


def test_has_claims_tells_whether_a_figure_starts_in_the_passage() -> None:
    inside = make_ref("The ferry carried 240 passengers to the island.", "Harbour News",
                      figures=[("240", 240, "", "passengers", "")])
    assert has_claims(inside)
    # the same claim on a passage that starts after the figure: not this passage's
    later = make_ref("The ferry carried 240 passengers to the island.", "Harbour News",
                     figures=[("240", 240, "", "passengers", "")])
    later.start = inside.claims[0].figure.end
    assert not has_claims(later)
    assert not has_claims(make_ref("Nobody counted the gulls.", "Valley Post"))


def test_owners_number_each_unit_by_its_row_and_leave_the_others_out() -> None:
    owner = _owners([[4, 0], [2], [5, 1, 6]], 8)
    assert owner.tolist() == [0, 2, 1, -1, 0, 2, 2, -1]
    assert _owners([], 3).tolist() == [-1, -1, -1]
