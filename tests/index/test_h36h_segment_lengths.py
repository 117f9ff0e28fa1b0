"""Session h36h: a segment in which no document has a title (the passages of one long article).

The title is indexed on an article's first passage only, so a commit of one long article's passages
(a Markdown file of one 48 MB line: 337,500 passages, written by two sub-writers) makes a segment with no
title lengths at all.  Reading the segment's title lengths fell back to one ``doc_field_length`` per
document, and each of those looked for the missing column file again: 173,500 file-system look-ups,
12 s of the first search after each commit (``desk search`` took 7.6 CPU-s on that folder).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from whoosh.codec import whoosh3
from whoosh.index import Index

from desk.index.whoosh import engine, passage_docs
from desk.index.whoosh.search import PassageSearcher, _segment_lengths


@pytest.fixture
def index(fresh_index: Index, make_article: Callable[..., Any]) -> Index:
    w = engine.open_writer(fresh_index, wait=1)
    for doc in passage_docs(make_article("short", "the quay stood empty\nfour tugs waited", title="Quay"), []):
        w.add_document(**doc)
    w.commit(merge=False)
    w = engine.open_writer(fresh_index, wait=1)
    long = "\n".join(f"crane {i} stood idle at the berth" for i in range(300))
    for n, doc in enumerate(passage_docs(make_article("long", long, title="Berth"), [])):
        if n:  # the long article's later passages: no title in this segment
            w.add_document(**doc)
    w.commit(merge=False)
    return fresh_index


def test_a_segment_without_titles_is_read_without_a_look_up_per_document(
        index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    with index.searcher() as s:
        readers = [leaf.reader() for leaf, _offset in s.leaf_searchers()]
        bare = [r for r in readers if not r._perdoc.has_column(whoosh3._lenfield("title"))]
        assert bare, "no segment without titles was made"
        expected = [np.array([r.doc_field_length(d, "title", 1) or 0 for d in range(r.doc_count_all())])
                    for r in bare]
        looked = []
        real = whoosh3.W3PerDocReader.has_column

        def has_column(self: Any, fieldname: str) -> bool:
            looked.append(fieldname)
            return bool(real(self, fieldname))

        monkeypatch.setattr(whoosh3.W3PerDocReader, "has_column", has_column)
        for r, want in zip(bare, expected, strict=True):
            assert np.array_equal(_segment_lengths(r, "title"), want)
        assert len(looked) <= len(bare)


def test_search_over_such_a_segment(index: Index) -> None:
    ps = PassageSearcher(index)
    assert ps.search("crane", limit=3).total == 299  # the first passage left out above
    assert ps.search("title:quay", limit=3).total == 1
    ps.close()
