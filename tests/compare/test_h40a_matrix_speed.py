"""The similarity matrix's faster steps (session 40) give the cells and bits the plain steps gave."""

from __future__ import annotations

import numpy as np
import pytest

from desk.compare import grouping
from desk.compare.profile import profile

from .helpers import make_ref

# (text, outlet, figures as make_ref takes them); hand-written, so that pairs gain the fact, value and
# claimant bonuses of the pair code and the text part shares rare and frequent stems
_UNITS = [
    ("Flooding in the river town left 14 people dead, the mayor said on Tuesday.", "Delta Gazette",
     [("14", 14, "", "people dead", "the mayor")]),
    ("The mayor said 14 people died when the river flooded the town.", "Ridge Times",
     [("14", 14, "", "people died", "the mayor")]),
    ("Rescue crews pulled 230 residents from rooftops after the river rose.", "Delta Gazette",
     [("230", 230, "", "residents", "")]),
    ("About 230 residents were lifted from rooftops by rescue crews.", "Harbour Wire",
     [("230", 230, "about", "residents", "")]),
    ("Health officials counted 9 people dead in the neighbouring valley.", "Ridge Times",
     [("9", 9, "", "people dead", "health officials")]),
    ("The regional council set aside 40 million for rebuilding bridges.", "Harbour Wire",
     [("40 million", 40_000_000, "", "", "the regional council")]),
    ("Rebuilding the bridges will cost 40 million, the regional council said.", "Plains Courier",
     [("40 million", 40_000_000, "", "", "the regional council")]),
    ("Schools in the river town stayed shut for a week after the flood.", "Plains Courier", []),
    ("The flood shut the town's schools for a week, parents said.", "Delta Gazette", []),
]


def _profiles() -> list[grouping.Profile]:
    return [
        profile(make_ref(text, outlet, article=f"u{i}", figures=figures))
        for i, (text, outlet, figures) in enumerate(_UNITS)
    ]


def test_nonzero_cells_are_numpys_flat_nonzero_across_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(40)
    code = np.zeros((23, 17), dtype=np.uint8)
    code.reshape(-1)[rng.choice(code.size, size=41, replace=False)] = rng.integers(1, 64, size=41).astype(np.uint8)
    code[-1, -1] = 32  # the very last cell, a bit above the lowest
    want = np.flatnonzero(code)
    for step in (1 << 20, 10, 1, 391):  # one slice; slices crossing rows; a cell each; the size exactly
        monkeypatch.setattr(grouping, "_NONZERO_CELLS", step)
        got = grouping._nonzero_cells(code)
        assert got.dtype == np.int64
        assert got.tolist() == want.tolist()
    assert grouping._nonzero_cells(np.zeros((5, 4), dtype=np.uint8)).tolist() == []


def test_pair_cells_in_int32_are_the_int64_cells() -> None:
    rng = np.random.default_rng(41)
    items = rng.integers(0, 300, size=2_000).astype(np.int64)
    groups = rng.integers(0, 150, size=2_000).astype(np.int64)
    small = grouping._pair_cells(items, groups, 300)
    assert small.dtype == np.int32
    rows, cols, _ = grouping._pair_parts(items, groups)
    assert np.sort(small).astype(np.int64).tolist() == np.sort(rows * 300 + cols).tolist()
    # a matrix whose flat cells pass 2**31 (units up to 47,840 of 50,000): the cells stay int64, and right
    wide = 50_000
    spread = items * 160
    big = grouping._pair_cells(spread, groups, wide)
    assert big.dtype == np.int64
    assert int(big.max()) >= 2**31
    assert np.sort(big).tolist() == np.sort(rows * 160 * wide + cols * 160).tolist()


def test_similarity_with_coded_cells_across_bands_is_the_same_bits(monkeypatch: pytest.MonkeyPatch) -> None:
    profiles = _profiles()
    n = len(profiles)
    code = grouping._pair_code(profiles, max(3, int(grouping.COMMON_SHARE * n)))
    assert code is not None
    off = ~np.eye(n, dtype=bool)
    assert (code[off] & grouping.STRONG).any()  # pairs off the diagonal do gain the fact bonus
    assert (code[off] & grouping.CLAIMANT).any()
    whole = grouping.similarity_matrix(profiles)
    assert whole.any()
    for band, step in ((4, 3), (n, 1), (n * n, n * n)):  # bands of a row or less; a row; the whole matrix
        monkeypatch.setattr(grouping, "_BAND_CELLS", band)
        monkeypatch.setattr(grouping, "_NONZERO_CELLS", step)
        again = grouping.similarity_matrix(profiles)
        assert again.tobytes() == whole.tobytes(), (band, step)
    # the hand-made pairs: the two tolls of one flood with one claimant score above two units that only
    # share words
    assert whole[0, 1] > whole[7, 8] > 0
