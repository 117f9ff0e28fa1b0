"""ukraine-media: desk's collecting paths give Whoosh's top hits on the broad queries that were slow."""

from __future__ import annotations

import pytest

from desk.library import Library

pytestmark = pytest.mark.slow

BROAD = ["ukraine", "russia", "coun*", "moscow~", "sanctions OR nuclear", "moscow NOT biden", "kyiv russia",
         '"white house"']


@pytest.mark.parametrize("text", BROAD)
def test_same_top_hits_and_exact_counts_as_whoosh(ukraine_library: Library, text: str) -> None:
    ps = ukraine_library.backend.searcher
    ps.refresh()
    s = ps.searcher
    q = ps.builder.parse(text)
    expected = [(h.docnum, h.score, set(h.matched_terms() or ())) for h in s.search(q, limit=100, terms=True)]
    every = set(s.docs_for_query(q))
    found = ps._collect(q, 100, None, None)
    assert [(t.docnum, t.score, set(t.terms)) for t in found[0]] == expected
    assert set(found[1].tolist()) == every
    if not text.startswith('"'):
        assert ps._collect_arrays(q, 100, None, None) is not None  # the fast path is the one measured
    res = ps.search(text, limit=20)
    aids, outlets = ps._doc_columns()
    by_article = {aids[d]: outlets[d] for d in every}
    counts: dict[str, int] = {}
    for outlet in by_article.values():
        counts[outlet] = counts.get(outlet, 0) + 1
    assert res.total == len(every)
    assert res.outlets == counts
    assert len(res.hits) == 20
