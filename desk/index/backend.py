"""What an index backend must do for desk, and what a server backend would have to add.

:class:`desk.library.Library` holds one :class:`IndexBackend`, the way
dangerzone's ``DangerzoneCore`` holds its isolation provider: it is given one
(``Library(folder, backend=...)``), or it opens the default,
:mod:`desk.index.whoosh`.  The indexer (:mod:`desk.index.build`) and the
library speak to the backend only through the calls below; nothing outside
``desk/index/whoosh/`` imports Whoosh (an import-linter contract in
``pyproject.toml`` checks it).

The split of work:

- **The library store** (:mod:`desk.index.store`, SQLite) is desk's own and
  is the same for every backend: articles, texts, metadata, extractions, the
  skipped files, and per passage the names of the sources attributed in it.
- **The backend** holds one document per passage (article id, passage number,
  character span, body text, title on the article's first passage, outlet,
  date, the figures as signed numbers) and answers queries over them.

A backend must provide:

- ``parse(text)``: the user's string in desk's query language (words,
  phrases, ``AND``/``OR``/``NOT``, prefixes ``gas*``, fuzzy ``swap~``,
  ``title:``, ``outlet:``, ``date:[A TO B]``, ``figure:>N``, ``claimant:``)
  as desk's own query tree (:mod:`desk.index.querytree`: term, phrase,
  prefix, wildcard, fuzzy, range, and, or, not, boost).  A malformed query
  raises :class:`desk.errors.QueryError` with a sentence.  The library parses
  once and hands the tree to the calls below; a backend translates the tree
  into its own queries (the Whoosh backend: :func:`desk.index.whoosh.query.from_tree`).
- ``search(tree, outlets, since, until, limit, per_article, facets)``: the
  passages matching the tree, ranked by BM25F, at most ``per_article``
  passages of one article (chosen among every match: one long file whose
  every passage matches must not fill the list), with the exact number of matching passages
  (``total``) and exact per-outlet counts of the matching *articles*
  (``facets``).
- ``ranked(groups, depth, outlets, since, until, per_article)``: compare's
  candidates, a list of ``(article id, passage number, score)``: the best
  ``depth`` passages of the articles in which *every* group matches somewhere
  (in any passage), ranked by the OR of the groups, at most ``per_article``
  (when positive) of one article.  A passage need not hold every
  group ("the Belarusian side" for "Belarus talks"); its article must.
- ``claimant:`` clauses: claimants are not in the backend's documents (pass 2
  writes only the store, so an alias edit needs no re-index).  The backend is
  given a :class:`ClaimantSource`; for a clause it gets back the *set of
  passage keys* ``(article id, passage number)`` whose claimants match, and
  applies that set its own way (the Whoosh backend turns it into a set of
  document numbers and intersects; a server would send it as a terms filter
  on a ``passage_key`` field, or index the names and re-index on alias edits).
- ``writer(bulk=..., wait=..., message=...)`` -> :class:`IndexWriting`: delete
  an article's passages, add an article's passages, ``commit()`` all of it at
  once or ``abandon()`` it; a writer waits ``wait`` seconds for another
  process's writer and says so through ``message``.  A commit is atomic: a
  search sees the old passages or the new ones, never half.
- ``passage_count()`` and ``passages_per_article()``: what the index holds, so
  the indexer can reconcile it with the store after a loss.
- ``refresh()`` (see other processes' commits), ``close()``, and ``name`` /
  ``version`` for bug reports.

**What a server backend would have to add.** The Whoosh backend answers some
of the above with single-machine shortcuts that a server engine (an archive
that outgrows one machine) cannot use:

- *Facet counts.* Per-outlet counts of matching articles are computed from
  numpy arrays over every document of the index (document number -> article,
  document number -> outlet), kept in memory and cached beside the index.  A
  server must count distinct articles per outlet itself (a terms aggregation
  on ``outlet`` with a cardinality sub-aggregation on the article id), exactly,
  not estimated.
- *Scoring.* Every match is scored in numpy over whole posting lists (exact
  totals; no block skipping).  A server scores with its own BM25; desk's tests
  compare the Whoosh backend with Whoosh's own scorer, a server backend would
  need its own such test.
- *Claimant filtering.* :class:`ClaimantSource` reads every claimant row of
  the store into memory and answers clauses from there; the resulting key set
  may hold tens of thousands of passages.  A server must accept such a set as
  a filter (or keep claimant names in its documents and be re-indexed when the
  alias book changes).
- *Outlet and date filters* are cached as sets of document numbers per
  snapshot; a server caches filters itself.
- *Reconciling* reads every document's article id when the counts disagree; a
  server needs an aggregation by article id for that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from desk.index import querytree as qt
from desk.model import Article

#: a passage: (article id, passage number)
PassageKey = tuple[str, int]
#: compare's candidate: (article id, passage number, score)
RankedPassage = tuple[str, int, float]
#: a figure of pass 1: (offset in the article text, value, upper value of a range or None)
FigureSpan = tuple[int, float, "float | None"]


@dataclass(slots=True)
class RawHit:
    """One matching passage as the backend returns it (the library adds the article and claims)."""

    aid: str
    number: int
    start: int
    end: int
    text: str
    outlet: str
    score: float
    highlights: list[tuple[int, int]]  # offsets into the article text


@dataclass(slots=True)
class RawResult:
    hits: list[RawHit]
    #: matching passages (exact)
    total: int
    #: outlet -> matching articles (exact)
    outlets: dict[str, int]


@dataclass(slots=True)
class ClaimantSource:
    """Where a backend gets the claimants of every passage (the library store, through the alias book).

    ``rows()``: every ``(article id, passage number, name)``; ``version()``
    changes whenever a row or the alias book changes; ``canon(name)`` is the
    name the user chose for ``name`` ("" when it is no claimant).
    """

    rows: Callable[[], list[tuple[str, int, str]]]
    version: Callable[[], tuple[object, ...]]
    canon: Callable[[], Callable[[str], str]]


class IndexWriting(Protocol):
    """One write transaction: everything in it is committed together, or nothing is."""

    def delete_articles(self, aids: Iterable[str]) -> None: ...

    def add_article(self, article: Article, figures: Iterable[FigureSpan]) -> int:
        """Add one document per passage of ``article``; returns how many."""
        ...

    def commit(self) -> None: ...

    def abandon(self) -> None: ...

    @property
    def closed(self) -> bool: ...


@runtime_checkable
class IndexBackend(Protocol):
    name: str
    version: str
    #: True when opening found the index unusable and made a new, empty one (the store must go too)
    rebuilt: bool

    def use_claimants(self, source: ClaimantSource) -> None: ...

    def parse(self, query: str) -> qt.Node: ...

    def search(
        self,
        query: qt.Node,
        outlets: Sequence[str] = (),
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        limit: int = 20,
        per_article: int = 2,
        facets: bool = True,
    ) -> RawResult: ...

    def ranked(
        self,
        groups: Sequence[qt.Node],
        depth: int,
        outlets: Sequence[str] = (),
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        per_article: int = 0,
    ) -> list[RankedPassage]: ...

    def writer(
        self, *, bulk: bool, wait: float, message: Callable[[str], None], workers: int = 1, early: bool = False
    ) -> IndexWriting:
        """A write transaction.  ``bulk``: thousands of passages follow (``workers`` processes may
        share the work); ``early``: it is opened before the articles are read (a first index)."""
        ...

    def passage_count(self) -> int: ...

    def passages_per_article(self) -> dict[str, int]: ...

    def refresh(self) -> None: ...

    def close(self) -> None: ...


class BackendFactory(Protocol):
    """Opens (creating it when missing, rebuilding it when damaged) the index of one library.

    ``notices`` receives sentences for the user (an index that was damaged and rebuilt).
    """

    def __call__(self, library_dir: Path, index_dir: Path, folder: Path, notices: list[str]) -> IndexBackend: ...
