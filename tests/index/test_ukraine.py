"""ukraine-media: the whole folder indexed once per session (slow), then checked.

The library is built once in a session-scoped data dir and shared by every
slow test here.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import desk.corpus
from desk.library import Library

UKRAINE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "ukraine-media"
_SITE = re.compile(r'^site:\s*"?(.*?)"?\s*$', re.MULTILINE)

pytestmark = pytest.mark.slow


def test_every_article_indexed_with_outlet_from_front_matter(ukraine_library: Library) -> None:
    articles = ukraine_library.articles()
    assert len(articles) == 6799
    assert ukraine_library.skipped() == []
    by_rel = {a.relpath: a for a in articles}
    wrong = []
    for path in UKRAINE.iterdir():
        head = path.read_text(encoding="utf-8", errors="replace")[:2000]
        m = _SITE.search(head.split("\n---", 1)[0])
        assert m, path
        if by_rel[path.name].outlet != m.group(1):
            wrong.append((path.name, m.group(1), by_rel[path.name].outlet))
    assert wrong == []
    assert len(ukraine_library.outlets()) == 14


def test_prisoner_swap_from_several_outlets(ukraine_library: Library) -> None:
    res = ukraine_library.search('"prisoner swap"', limit=50)
    outlets = {h.outlet for h in res.hits}
    assert len(outlets) >= 3, outlets
    assert len(res.outlets) >= 3
    for h in res.hits:
        words = [h.text[s - h.start : e - h.start].lower() for s, e in h.highlights]
        # stemmed: "prisoner swap", "prisoners swap" and "prison swap" all match the phrase, marked whole
        assert any(w.startswith("prison") and w.split()[-1].startswith("swap") for w in words), words
    # one article never fills the list
    per_article: dict[str, int] = {}
    for h in res.hits:
        per_article[h.article_id] = per_article.get(h.article_id, 0) + 1
    assert max(per_article.values()) <= 2


def test_filters_on_the_big_library(ukraine_library: Library) -> None:
    outlet = ukraine_library.outlets()[0]
    res = ukraine_library.search("russia", outlets=[outlet], limit=30)
    assert res.hits
    assert {h.outlet for h in res.hits} == {outlet}
    dated = ukraine_library.search("russia date:[2022-03-01 TO 2022-03-31]", limit=30)
    assert dated.hits
    for h in dated.hits:
        assert h.date is not None
        assert "2022-03-01" <= h.date.isoformat() <= "2022-03-31"
    small = ukraine_library.search("killed figure:[10 TO 20]", limit=30)
    assert small.hits
    # Whoosh 2.7.4 asserted inside its intersection matcher on these before ranges became filters
    for q in ("killed figure:>1000", "soldiers figure:<100", "figure:>=1000000 sanctions"):
        assert ukraine_library.search(q).hits, q


def test_unchanged_reindex_reads_nothing(ukraine_library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Path] = []
    original = desk.corpus.read_article

    def counting(path, folder, ctx):  # type: ignore[no-untyped-def]
        reads.append(path)
        return original(path, folder, ctx)

    monkeypatch.setattr(desk.corpus, "read_article", counting)
    t0 = time.perf_counter()
    report = ukraine_library.update(extract=False)
    elapsed = time.perf_counter() - t0
    assert reads == []
    assert report.unchanged == 6799
    assert report.added == report.updated == report.removed == 0
    assert elapsed < 10  # the benchmark measures it properly; this only catches a full re-read
