"""Session h36h: a query of some hundreds of OR'ed frequent words ("said OR we OR they OR ...").

Such a query (all a 2,000-character query holds of short frequent words: 270 on ukraine-media) compared
for 3-7 CPU-s.  Most of its search went into ``np.union1d``, which hashes or sorts its input afresh at
every node of Whoosh's union tree, so each level of the tree paid for every posting again (1.5 of 2.9 s
of the ranking).  The two sides of a union are sorted lists of distinct document numbers, whose union is
one linear merge.  The scores stay those of the tree desk adds them by (``test_search_arrays.py`` holds
the arrays path to Whoosh's own search for exact equality on short queries; over a long OR list Whoosh's
matcher reshapes its tree as children run out, which changes the last bits of a sum, before and after).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from whoosh.index import Index

from desk.index.whoosh import engine, passage_docs
from desk.index.whoosh import search as whoosh_search
from desk.index.whoosh.search import PassageSearcher

#: invented words; each passage draws some of them
WORDS = [
    "ferry", "quay", "berth", "tug", "pilot", "crane", "harbour", "dredger", "buoy", "lighthouse", "pier",
    "wharf", "ballast", "hull", "keel", "rudder", "mast", "sail", "anchor", "chain", "rope", "deck", "cabin",
    "galley", "bridge", "funnel", "cargo", "hold", "hatch", "tide"
]


@pytest.fixture
def index(fresh_index: Index, make_article: Callable[..., Any]) -> Index:
    rnd = np.random.default_rng(36)
    for part in range(2):  # two segments, one with a deleted article
        w = engine.open_writer(fresh_index, wait=1)
        for i in range(40):
            lines = [" ".join(WORDS[int(k)] for k in rnd.integers(0, len(WORDS), int(rnd.integers(3, 25))))
                     for _ in range(int(rnd.integers(1, 5)))]
            art = make_article(f"p{part}a{i:02d}", "\n".join(lines), outlet=("Quay Times", "Tide Post")[i % 2],
                               date=dt.date(2023, 1 + i % 12, 1), title=f"{WORDS[i % len(WORDS)]} notes")
            for doc in passage_docs(art, []):
                w.add_document(**doc)
        w.commit(merge=False)
    w = engine.open_writer(fresh_index, wait=1)
    w.delete_by_term("aid", "p0a07")
    w.commit(merge=False)
    return fresh_index


def test_merge_sorted_is_the_union(index: Index) -> None:
    rnd = np.random.default_rng(1)
    for n, m in ((0, 0), (0, 5), (7, 0), (50, 60), (3000, 20), (1, 1)):
        a = np.unique(rnd.integers(0, 200, n)).astype(np.int64)
        b = np.unique(rnd.integers(0, 200, m)).astype(np.int64)
        assert np.array_equal(whoosh_search._merge_sorted(a, b), np.union1d(a, b))


def test_a_long_or_list_scores_as_whoosh_does_without_union1d(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    ps = PassageSearcher(index)
    text = " OR ".join(WORDS) + " OR title:ferry OR title:pier"
    q, _ranges = ps._split_ranges(ps.builder.parse(text))
    r = ps.searcher.search(q, limit=None)
    expected = [(h.docnum, h.score) for h in r]

    def union1d(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("np.union1d sorts every posting again at each node of the union tree")

    monkeypatch.setattr(whoosh_search.np, "union1d", union1d)
    found = ps._collect_arrays(q, len(expected), None, None)
    assert found is not None
    top, matched = found
    assert {t.docnum: t.score for t in top} == pytest.approx(dict(expected), rel=1e-12)
    assert sorted(matched.tolist()) == sorted(d for d, _s in expected)
    ps.close()
