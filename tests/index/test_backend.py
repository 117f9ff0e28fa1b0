"""The library takes the index backend it is given, and speaks to it only through the Protocol."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from desk.index import querytree as qt
from desk.index.backend import FigureSpan, IndexBackend, IndexWriting, RankedPassage, RawResult
from desk.index.whoosh import open_whoosh
from desk.library import Library, index_backend_version
from desk.model import Article

STORY = "The lock keeper said {n} barges passed the weir on Sunday. River traffic rose after the repairs."


class CountingWriting:
    def __init__(self, inner: IndexWriting, log: list[str]) -> None:
        self.inner, self.log = inner, log

    @property
    def closed(self) -> bool:
        return self.inner.closed

    def delete_articles(self, aids: Iterable[str]) -> None:
        aids = list(aids)
        self.log.append(f"delete {len(aids)}")
        self.inner.delete_articles(aids)

    def add_article(self, article: Article, figures: Iterable[FigureSpan]) -> int:
        n = self.inner.add_article(article, figures)
        self.log.append(f"add {article.relpath} {n}")
        return n

    def commit(self) -> None:
        self.log.append("commit")
        self.inner.commit()

    def abandon(self) -> None:
        self.log.append("abandon")
        self.inner.abandon()


class CountingBackend:
    """Wraps the Whoosh backend and records every call the library and the indexer make."""

    def __init__(self, inner: IndexBackend, log: list[str]) -> None:
        self.inner, self.log = inner, log
        self.name, self.version, self.rebuilt = "counting", "1", inner.rebuilt

    def use_claimants(self, source: Any) -> None:
        self.inner.use_claimants(source)

    def parse(self, query: str) -> qt.Node:
        self.log.append(f"parse {query}")
        return self.inner.parse(query)

    def search(self, query: qt.Node, *args: Any, **kwargs: Any) -> RawResult:
        assert not isinstance(query, str), "the library hands the backend a parsed tree"
        self.log.append(f"search {query}")
        return self.inner.search(query, *args, **kwargs)

    def ranked(self, groups: Sequence[qt.Node], depth: int, *args: Any) -> list[RankedPassage]:
        assert all(not isinstance(g, str) for g in groups)
        self.log.append(f"ranked {len(groups)} {depth}")
        return self.inner.ranked(groups, depth, *args)

    def writer(self, **kwargs: Any) -> CountingWriting:
        self.log.append("writer")
        return CountingWriting(self.inner.writer(**kwargs), self.log)

    def passage_count(self) -> int:
        return self.inner.passage_count()

    def passages_per_article(self) -> dict[str, int]:
        return self.inner.passages_per_article()

    def refresh(self) -> None:
        self.inner.refresh()

    def close(self) -> None:
        self.log.append("close")
        self.inner.close()


def test_library_uses_the_backend_it_is_given(tmp_path: Path) -> None:
    folder = tmp_path / "weir"
    folder.mkdir()
    (folder / "one.txt").write_text("Barges at the weir\n\n" + STORY.format(n=14), encoding="utf-8")
    (folder / "two.txt").write_text("More barges\n\n" + STORY.format(n=22), encoding="utf-8")
    log: list[str] = []

    def factory(library_dir: Path, index_dir: Path, folder: Path, notices: list[str]) -> IndexBackend:
        return CountingBackend(open_whoosh(library_dir, index_dir, folder, notices), log)

    backend_factory: Callable[..., IndexBackend] = factory
    with Library(folder, data_dir=tmp_path / "d", backend=backend_factory) as lib:
        assert isinstance(lib.backend, CountingBackend)
        assert isinstance(lib.backend, IndexBackend)  # the Protocol, checked at run time too
        report = lib.update(extract=False)
        assert report.added == 2
        result = lib.search("barges")
        assert {h.relpath for h in result.hits} == {"one.txt", "two.txt"}
        assert result.outlets
        counts = {a.relpath: lib.passage_counts()[a.id] for a in lib.articles()}
        # compare's candidates come from the backend's ranked(), one tree per word group
        comparison = lib.compare("weir barges")
        assert {c.relpath for r in comparison.rows for cell in r.cells.values() for c in cell} == {"one.txt", "two.txt"}
    assert log[0] == "writer"
    # every passage went through the backend's writer, one article at a time
    assert sorted(x for x in log if x.startswith("add ")) == [f"add {rel} {n}" for rel, n in sorted(counts.items())]
    assert all(n >= 1 for n in counts.values())
    assert log.index("commit") < log.index("parse barges") < log.index("search Term(field='body', text='barg')")
    assert "ranked 2 800" in log  # the depth (400) and the supporting passages below it (to twice the depth)
    assert log[-1] == "close"


def test_the_default_backend_names_itself() -> None:
    assert index_backend_version().startswith("Whoosh 2.7")
