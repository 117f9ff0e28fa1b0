"""The Whoosh 2.7.4 index backend: one signed, local Whoosh index per library.

:class:`WhooshBackend` is what :mod:`desk.index.backend` asks of a backend,
made of this package's modules: :mod:`.schema` (fields), :mod:`.engine`
(opening, signed tables of contents, locks, guarded commits), :mod:`.query`
(desk's query language on Whoosh's parser, and desk's query tree back to Whoosh
queries) and :mod:`.search` (scoring in numpy, facets,
highlights).  Private Whoosh calls (``_new_task``, ``_segments``, matcher
internals) stay inside this package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import whoosh
from whoosh.writing import IndexWriter

from desk.index import querytree as qt
from desk.index.backend import ClaimantSource, FigureSpan, IndexBackend, RankedPassage, RawResult
from desk.index.claimants import ClaimantIndex
from desk.model import Article

from . import engine
from .search import PassageSearcher

#: megabytes of postings a Whoosh (sub-)writer holds before it writes a run to disk
WRITER_LIMIT_MB = 64


def passage_docs(article: Article, figures: Iterable[FigureSpan]) -> Iterator[dict[str, Any]]:
    """The Whoosh documents of one article's passages."""
    figs = sorted(figures)
    when = dt.datetime(article.date.year, article.date.month, article.date.day) if article.date else None
    fi = 0
    first = True
    for p in article.passages:
        while fi < len(figs) and figs[fi][0] < p.start:
            fi += 1
        values: list[float] = []
        j = fi
        while j < len(figs) and figs[j][0] < p.end:
            values.append(float(figs[j][1]))
            high = figs[j][2]
            if high is not None:
                values.append(float(high))
            j += 1
        doc: dict[str, Any] = {
            "aid": article.id,
            "number": p.number,
            "pnum": p.number,
            "start": p.start,
            "end": p.end,
            "body": article.text[p.start : p.end],
            "outlet": article.outlet,
            "outlet_key": article.outlet,
        }
        if first:
            # the title is indexed once per article (on its first passage): indexing it with
            # every passage cost ~15% of the build for no better ranking
            doc["title"] = article.title
            first = False
        if when is not None:
            doc["date"] = when
        if values:
            # each value once: Whoosh indexes a repeated value again with all its 16 shifted terms, so a
            # passage that repeats one figure (a table, a list, a hostile file) multiplied the postings
            # and the build time with it, for no match more
            doc["figure"] = sorted(set(values))
        yield doc


class WhooshWriting:
    """One Whoosh writer as an :class:`desk.index.backend.IndexWriting`; a failed write
    becomes the user's error (a full disk named as such) and releases the lock."""

    def __init__(self, writer: IndexWriter, index_dir: Path) -> None:
        self._writer = writer
        self._index_dir = index_dir

    @property
    def closed(self) -> bool:
        return bool(getattr(self._writer, "is_closed", True))

    def delete_articles(self, aids: Iterable[str]) -> None:
        for aid in aids:
            self._writer.delete_by_term("aid", aid)

    def add_article(self, article: Article, figures: Iterable[FigureSpan]) -> int:
        n = 0
        try:
            for doc in passage_docs(article, figures):
                self._writer.add_document(**doc)
                n += 1
        except OSError as exc:  # Whoosh writes its runs and segments as it goes: a full disk shows here
            engine.abandon(self._writer)
            raise engine.disk_error(exc, self._index_dir) from exc
        return n

    def commit(self) -> None:
        engine.commit(self._writer)

    def abandon(self) -> None:
        engine.abandon(self._writer)


class WhooshBackend:
    """The default backend (see :mod:`desk.index.backend` for the contract)."""

    name = "Whoosh"
    version = whoosh.versionstring()

    def __init__(self, library_dir: Path, index_dir: Path, folder: Path, notices: list[str]) -> None:
        self.index_dir = index_dir
        self.rebuilt = engine.prepare(library_dir, index_dir, folder, notices)
        self.ix = engine.open_index(index_dir)
        self.searcher = PassageSearcher(self.ix)

    def use_claimants(self, source: ClaimantSource) -> None:
        analyzer = self.searcher._schema["claimant"].analyzer

        def tokens(text: str) -> list[str]:
            # the claimant field's own analyzer: claimant: words and names' words split alike
            return [t.text for t in analyzer(text, mode="index")]

        self.searcher.claimants = ClaimantIndex(source.rows, source.version, source.canon, tokens)

    def parse(self, query: str) -> qt.Node:
        return self.searcher.parse(query)

    def warm(self) -> None:
        """What the first search of the current snapshot reads, read now (:meth:`PassageSearcher.warm`)."""
        self.searcher.warm()

    def search(
        self,
        query: qt.Node,
        outlets: Sequence[str] = (),
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        limit: int = 20,
        per_article: int = 2,
        facets: bool = True,
    ) -> RawResult:
        return self.searcher.search(query, outlets, since, until, limit=limit, per_article=per_article, facets=facets)

    def ranked(
        self,
        groups: Sequence[qt.Node],
        depth: int,
        outlets: Sequence[str] = (),
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        per_article: int = 0,
    ) -> list[RankedPassage]:
        return self.searcher.ranked(groups, depth, outlets, since, until, per_article)

    def writer(
        self, *, bulk: bool, wait: float, message: Callable[[str], None], workers: int = 1, early: bool = False
    ) -> WhooshWriting:
        """A writer; ``bulk`` (thousands of passages) with ``workers`` > 1 uses Whoosh's parallel
        sub-writers.  ``early``: fork them now, while this process is still small (opened before
        a first index reads every article, whose memory they would otherwise count again)."""
        kwargs: dict[str, Any] = {"limitmb": WRITER_LIMIT_MB}
        if bulk and workers > 1:
            kwargs.update(procs=workers, multisegment=True, batchsize=1000)
        w = engine.open_writer(self.ix, wait=wait, message=message, **kwargs)
        if bulk and workers > 1 and early:
            try:
                for _ in range(workers):
                    w._new_task()  # type: ignore[attr-defined]
            except BaseException:
                engine.abandon(w)
                raise
        return WhooshWriting(w, self.index_dir)

    def passage_count(self) -> int:
        # the latest table of contents knows each segment's live documents: no segment file is opened
        return sum(seg.doc_count() for seg in self.ix._segments())

    def passages_per_article(self) -> dict[str, int]:
        live: dict[str, int] = {}
        with self.ix.reader() as reader:
            aids = reader.column_reader("aid")
            for docnum in reader.all_doc_ids():
                aid = aids[docnum]
                live[aid] = live.get(aid, 0) + 1
        return live

    def refresh(self) -> None:
        self.searcher.refresh()

    def close(self) -> None:
        self.searcher.close()


def open_whoosh(library_dir: Path, index_dir: Path, folder: Path, notices: list[str]) -> IndexBackend:
    """The :class:`desk.index.backend.BackendFactory` of the Whoosh backend."""
    return WhooshBackend(library_dir, index_dir, folder, notices)


def describe() -> str:
    """Name and version, for bug reports (``desk --long-version``)."""
    return f"{WhooshBackend.name} {WhooshBackend.version}"
