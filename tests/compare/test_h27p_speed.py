"""Session 27's faster grouping paths (h27p) give the answers of the plain computations they replace."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from desk.compare import grouping


def _plain_cluster(sim: np.ndarray, articles: np.ndarray) -> tuple[list[list[int]], int]:
    """Average linkage as :func:`desk.compare.grouping.cluster` ran it before refused links were remembered
    (every hit: no neighbours): its groups, and how many links it measured."""
    h = sim.shape[0]
    owner = list(range(h))
    members: dict[int, list[int]] = {i: [i] for i in range(h)}
    measured = 0
    ii, jj = np.nonzero(sim >= grouping.EDGE_THRESHOLD)
    upper = jj > ii
    ii, jj = ii[upper], jj[upper]
    order = np.argsort(-sim[ii, jj], kind="stable")
    for _ in range(grouping.MERGE_PASSES):
        merged = False
        for k in order:
            i, j = int(ii[k]), int(jj[k])
            if articles[i] == articles[j]:
                continue
            a, b = owner[i], owner[j]
            if a == b:
                continue
            ma, mb = members[a], members[b]
            if len(ma) * len(mb) > 1:
                measured += 1
                if grouping._group_link(sim, articles, ma, mb) < grouping.LINK_THRESHOLD:
                    continue
            if len(ma) < len(mb):
                a, b, ma, mb = b, a, mb, ma
            ma.extend(mb)
            for m in mb:
                owner[m] = a
            del members[b]
            merged = True
        if not merged:
            break
    return [sorted(g) for g in members.values()], measured


def _clustered_matrix(seed: int, n: int = 240) -> tuple[np.ndarray, np.ndarray]:
    """A symmetric similarity of ``n`` hits in loose clusters (so that many links are refused and asked
    again), zero on the diagonal, and each hit's article (a few hits per article)."""
    rng = np.random.default_rng(seed)
    topic = rng.integers(0, n // 12, size=n)
    sim = rng.random((n, n)).astype(np.float32) * np.float32(0.3)
    sim += np.float32(0.35) * (topic[:, None] == topic[None, :]).astype(np.float32) * rng.random((n, n)).astype(
        np.float32
    )
    sim = np.triu(sim, 1)
    sim = sim + sim.T
    np.fill_diagonal(sim, 0.0)
    articles = rng.integers(0, n // 3, size=n).astype(np.int64)
    return np.ascontiguousarray(sim, dtype=np.float32), articles


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cluster_measures_a_refused_link_again_only_after_a_group_grew(seed: int, monkeypatch: Any) -> None:
    sim, articles = _clustered_matrix(seed)
    want, plain_measured = _plain_cluster(sim, articles)
    asked: list[tuple[int, int]] = []
    link = grouping._group_link

    def counted(hsim: np.ndarray, harts: np.ndarray | None, ma: list[int], mb: list[int]) -> float:
        asked.append((len(ma), len(mb)))
        return link(hsim, harts, ma, mb)

    monkeypatch.setattr(grouping, "_group_link", counted)
    got = grouping.cluster(sim, None, articles, np.ones(len(sim), dtype=bool))
    assert sorted(got) == sorted(want)
    assert any(len(g) > 2 for g in got)  # the matrix makes real groups, so links were measured and refused
    assert 0 < len(asked) < plain_measured


def test_pair_cells_are_the_cells_of_every_ordered_pair_within_each_group() -> None:
    rng = np.random.default_rng(11)
    n = 50
    items = rng.integers(0, n, size=600).astype(np.int64)  # repeats within a group included
    groups = rng.integers(0, 70, size=600).astype(np.int64)
    rows, cols, _ = grouping._pair_parts(items, groups)
    want = np.sort(rows * n + cols)
    got = np.sort(grouping._pair_cells(items, groups, n)).astype(np.int64)  # (int32 on so small a matrix)
    assert got.tobytes() == want.tobytes()
    one = grouping._pair_cells(np.array([4], dtype=np.int64), np.array([9], dtype=np.int64), n)
    assert one.tolist() == [4 * n + 4]


def test_rare_stems_of_one_weight_add_it_as_every_ordered_pair_did_bit_for_bit(monkeypatch: Any) -> None:
    rng = np.random.default_rng(5)
    n = 400
    units = rng.integers(0, n, size=9_000).astype(np.int64)
    stems = rng.integers(0, 2_500, size=9_000).astype(np.int64)
    stems[:2_000] = rng.integers(0, 20, size=2_000)  # a few frequent stems: the dense product
    df = np.bincount(stems, minlength=2_500)
    weight = np.where(df <= max(2, int(0.1 * n)), 3.0, np.where(df <= int(0.35 * n), 2.0, 1.0))
    frequent = df[stems] > max(3, int(grouping.DENSE_SHARE * n))
    assert frequent.any()
    assert not frequent.all()
    assert len(set(weight[stems[~frequent]].tolist())) == 1  # every rare stem weighs the same
    # the former way: the dense product, then each ordered pair of each rare stem adds its weight
    m = grouping._dense_incidence(units[frequent], stems[frequent], np.sqrt(weight), n)
    want = m @ np.ascontiguousarray(m.T)
    rows, cols, stem = grouping._pair_parts(units[~frequent], stems[~frequent])
    np.add.at(want.reshape(-1), rows * n + cols, weight[stem].astype(np.float32))

    def refused(*_: Any) -> Any:
        raise AssertionError("every ordered pair made for rare stems of one weight")

    monkeypatch.setattr(grouping, "_pair_parts", refused)
    got = grouping._shared_weights(units, stems, df, weight, n)
    assert got.tobytes() == want.tobytes()


def _finish_inputs(seed: int, spans: int) -> tuple[Any, ...]:
    rng = np.random.default_rng(seed)
    n = 300
    sim = rng.random((n, n)).astype(np.float32)
    totals = (rng.random(n) * 20).astype(np.float32)
    cols = np.arange(n)
    code = (rng.random((n, n)) < 0.05).astype(np.uint8) * rng.integers(1, 64, size=(n, n)).astype(np.uint8)
    day = rng.integers(738_000, 738_300, size=spans)
    width = rng.integers(0, 4, size=spans)
    which = rng.integers(0, spans, size=n)
    starts = day[which].astype(np.int32)
    ends = (day + width)[which].astype(np.int32)
    starts[:3] = -2 * 10**7  # units nothing dates
    ends[:3] = 2 * 10**7
    return sim, totals, cols, code, starts, ends


@pytest.mark.parametrize("spans", [12, 60])
def test_the_date_gap_read_per_distinct_span_zeroes_the_cells_the_pairwise_test_zeroed(
    spans: int, monkeypatch: Any
) -> None:
    sim, totals, cols, code, starts, ends = _finish_inputs(spans, spans)
    assert len({(int(a), int(b)) for a, b in zip(starts, ends, strict=True)}) * grouping._SPAN_SHARE <= len(sim)
    fast = sim.copy()
    fast_scan = grouping._finish(fast, totals.copy(), cols, code, starts, ends, scan=True)
    monkeypatch.setattr(grouping, "_SPAN_SHARE", 10**9)  # too many spans: each band compares its units' days
    plain = sim.copy()
    plain_scan = grouping._finish(plain, totals.copy(), cols, code, starts, ends, scan=True)
    assert fast.tobytes() == plain.tobytes()
    assert fast_scan is not None
    assert plain_scan is not None
    assert fast_scan.tolist() == plain_scan.tolist()
    far = (starts[:, None] > ends[None, :] + grouping.DATE_GAP_DAYS) | (
        ends[:, None] < starts[None, :] - grouping.DATE_GAP_DAYS
    )
    assert far.any()
    assert (fast[far] == 0).all()


def test_the_rare_values_are_counted_once_per_grouping(monkeypatch: Any) -> None:
    from desk.compare.profile import profile
    from desk.compare.scope import grouping_scope

    from .helpers import make_ref

    refs = [
        make_ref("The quarry flood left 73 workers stranded, the union said.", "North Post", article="q1",
                 figures=[("73", 73.0, "", "workers", "the union")]),
        make_ref("Rescuers reached 73 workers trapped by the quarry flood.", "Lake Daily", article="q2",
                 figures=[("73", 73.0, "", "workers", "")]),
        make_ref("A second crew of 19 divers joined the search at the quarry.", "Valley Wire", article="q3",
                 figures=[("19", 19.0, "", "divers", "")]),
    ]
    profiles = [profile(r) for r in refs]
    counted: list[int] = []
    count = grouping._count_rare_values

    def counting(ps: Any) -> frozenset[float]:
        counted.append(len(ps))
        return count(ps)

    monkeypatch.setattr(grouping, "_count_rare_values", counting)
    with grouping_scope():
        first = grouping._rare_values(profiles)
        again = grouping._rare_values(profiles)
    assert first == frozenset({73.0, 19.0})
    assert again is first
    assert counted == [3]
    assert grouping._rare_values(profiles) == first  # outside a grouping: counted afresh
    assert counted == [3, 3]
