"""The faster matrix steps of grouping give exactly what the plain numpy expressions give."""

from __future__ import annotations

import numpy as np
import pytest

from desk.compare import grouping
from desk.compare.grouping import _at_least, similarity_matrix
from desk.compare.profile import profile

from .helpers import make_ref

_TEXTS = [
    "The council approved thirty new buses for the northern routes on Monday.",
    "Thirty new buses for the northern routes were approved by the council.",
    "The harbour reopened after the storm, and the ferries sailed again.",
    "Ferries sailed again once the harbour reopened after the storm.",
    "Farmers sold barley at the autumn market in the valley town.",
    "The valley town's autumn market saw farmers selling barley and rye.",
    "The council also debated the price of bus tickets for students.",
]


def test_at_least_matches_nonzero_in_order() -> None:
    rng = np.random.default_rng(3)
    m = rng.random((37, 23)).astype(np.float32)
    for threshold in (0.0, 0.5, 0.97, 2.0):
        rows, cols = _at_least(m, threshold)
        want_rows, want_cols = np.nonzero(m >= threshold)
        assert rows.tolist() == want_rows.tolist()
        assert cols.tolist() == want_cols.tolist()
    assert _at_least(m[:, :0], 0.1)[0].size == 0
    assert _at_least(m[::2, ::3], 0.5)[1].tolist() == np.nonzero(m[::2, ::3] >= 0.5)[1].tolist()


@pytest.mark.parametrize("columns", [None, np.array([0, 2, 5])])
def test_similarity_in_bands_equals_one_pass(monkeypatch: pytest.MonkeyPatch, columns: np.ndarray | None) -> None:
    profiles = [profile(make_ref(t, f"Outlet {i % 3}", article=f"a{i}")) for i, t in enumerate(_TEXTS)]
    whole = similarity_matrix(profiles, columns=columns)
    monkeypatch.setattr(grouping, "_BAND_CELLS", 4)  # a row or two per band
    banded = similarity_matrix(profiles, columns=columns)
    assert whole.shape == banded.shape
    assert whole.any()
    assert np.array_equal(whole, banded)
