"""Searching the passage index: hits, highlights, outlet facets, filters.

One long-lived Whoosh searcher per library (opening one per query costs ~15x
more); ``refresh()`` after every commit.  Outlet/date filters are turned into
document sets once per distinct filter and cached until the next refresh.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from whoosh import query as wq
from whoosh.index import Index
from whoosh.searching import Searcher

from desk.errors import QueryError
from desk.index.query import QueryBuilder, as_datetime


@dataclass(slots=True)
class RawHit:
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
    total: int
    outlets: dict[str, int]


class PassageSearcher:
    def __init__(self, ix: Index) -> None:
        self.ix = ix
        # Index.schema re-reads and unpickles the TOC on every access (Whoosh
        # 2.7.4): read it once.  The schema only changes with FORMAT_VERSION,
        # which rebuilds the index and makes a new searcher.
        schema = ix.schema
        self.builder = QueryBuilder(schema)
        self._body_analyzer = schema["body"].analyzer
        self._lock = threading.RLock()
        self._searcher: Searcher = ix.searcher()
        self._filters: dict[tuple[Any, ...], Any] = {}

    def refresh(self) -> None:
        with self._lock:
            new = self._searcher.refresh()
            if new is not self._searcher:
                self._searcher = new
                self._filters.clear()

    def close(self) -> None:
        with self._lock:
            self._searcher.close()

    @property
    def searcher(self) -> Searcher:
        return self._searcher

    def filter_set(
        self,
        outlets: Sequence[str] = (),
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
    ) -> Any:
        lo = as_datetime(since) if since else None
        hi = as_datetime(until, end=True) if until else None
        key = (tuple(sorted(o.lower() for o in outlets)), lo, hi)
        if key == ((), None, None):
            return None
        with self._lock:
            cached = self._filters.get(key)
            if cached is None:
                parts: list[wq.Query] = []
                if outlets:
                    parts.append(wq.Or([wq.Term("outlet_key", o.lower()) for o in outlets]))
                if lo or hi:
                    parts.append(wq.DateRange("date", lo, hi))
                q = parts[0] if len(parts) == 1 else wq.And(parts)
                cached = set(self._searcher.docs_for_query(q))
                self._filters[key] = cached
            return cached

    def _range_set(self, q: wq.Query) -> set[int]:
        key = ("range", repr(q))
        cached = self._filters.get(key)
        if cached is None:
            cached = set(self._searcher.docs_for_query(q))
            self._filters[key] = cached
        return cast(set[int], cached)

    def _split_ranges(self, q: wq.Query) -> tuple[wq.Query, list[set[int]]]:
        """Top-level ``figure:``/``date:`` clauses of an AND become cached filter sets.

        Whoosh 2.7.4 trips an assertion (``a_id != b_id`` in its intersection
        matcher) when a multi-valued NUMERIC range is intersected with terms on a
        large index; as filters they are also faster (WHOOSH.md: cached sets).
        """
        if isinstance(q, wq.And):
            ranges = [c for c in q.subqueries if isinstance(c, wq.NumericRange | wq.DateRange)]
            rest = [c for c in q.subqueries if not isinstance(c, wq.NumericRange | wq.DateRange)]
            if ranges and rest:
                query = rest[0] if len(rest) == 1 else wq.And(rest)
                return query, [self._range_set(r) for r in ranges]
            if ranges:
                return ranges[0], [self._range_set(r) for r in ranges[1:]]
        return q, []

    def search(
        self,
        text: str,
        outlets: Sequence[str] = (),
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        limit: int = 20,
        per_article: int = 2,
        facets: bool = True,
    ) -> RawResult:
        q = self.builder.parse(text)
        self.refresh()  # another process may have committed since: never search a stale snapshot
        with self._lock:
            flt = self.filter_set(outlets, since, until)
            q, range_sets = self._split_ranges(q)
            for docs in range_sets:
                flt = docs if flt is None else flt & docs
            if flt is not None and not flt:
                return RawResult([], 0, {})
            s = self._searcher
            # collapse by hand over a deeper top list: Whoosh's collapse= hides matches from
            # results.docterms, which then no longer gives exact facet counts for free
            limit = max(1, limit)
            fetch = max(limit * 5, 100) if per_article else limit
            kwargs: dict[str, Any] = {"limit": fetch, "terms": True, "filter": flt}
            try:
                results = s.search(q, **kwargs)
            except AssertionError as exc:  # 2.7.4's intersection matcher, see _split_ranges
                raise QueryError(
                    "desk cannot combine figure: or date: inside OR/NOT groups on this library; "
                    "use them at the top level of the query (they are ANDed with the rest)."
                ) from exc
            hits: list[RawHit] = []
            aids, outlets_of = self._doc_columns() if results.scored_length() else ([], [])
            per: dict[str, int] = {}
            chosen = []
            for hit in results:
                if per_article:
                    aid = aids[hit.docnum]
                    if per.get(aid, 0) >= per_article:
                        continue
                    per[aid] = per.get(aid, 0) + 1
                chosen.append(hit)
                if len(chosen) >= limit:
                    break
            for hit in chosen:
                start = hit["start"]
                spans: list[tuple[int, int]] = []
                words = {
                    t.decode("utf-8") if isinstance(t, bytes) else str(t)
                    for f, t in (hit.matched_terms() or ()) if f == "body"
                }
                if words:
                    spans = self._spans(hit["body"], words)
                hits.append(
                    RawHit(
                        aid=hit["aid"],
                        number=hit["number"],
                        start=start,
                        end=hit["end"],
                        text=hit["body"],
                        outlet=hit["outlet"],
                        score=float(hit.score or 0.0),
                        highlights=[(start + a, start + b) for a, b in spans],
                    )
                )
            counts: dict[str, int] = {}
            if facets and hits:
                matched = getattr(results, "docterms", None)
                counts = self._facets(q, flt, matched.keys() if matched else None)
            return RawResult(hits, results.estimated_length(), counts)

    def _spans(self, text: str, words: set[str]) -> list[tuple[int, int]]:
        """Character spans of the tokens of ``text`` whose indexed form is a matched term.

        Whoosh's Pinpoint path (chars=True) first loads the positions of every matched
        term in *every* matching document; for a wildcard over ukraine-media that was
        2 s.  Re-analysing just the shown passage (a few hundred characters) with the
        field's own analyzer gives the same spans in well under a millisecond.
        """
        analyzer = self._body_analyzer
        return [
            (tok.startchar, tok.endchar)
            for tok in analyzer(text, chars=True, mode="index", removestops=False)
            if tok.text in words
        ]

    def _doc_columns(self) -> tuple[list[str], list[str]]:
        """docnum -> article id and docnum -> outlet, read once per searcher snapshot."""
        cols = self._filters.get(("columns",))
        if cols is None:
            reader = self._searcher.reader()

            def text(v: Any) -> str:
                return v.decode("utf-8") if isinstance(v, bytes) else str(v)

            aids = [text(v) for v in reader.column_reader("aid")]
            outlets = [text(v) for v in reader.column_reader("outlet")]
            cols = (aids, outlets)
            self._filters[("columns",)] = cols
        return cast(tuple[list[str], list[str]], cols)

    def _facets(self, q: wq.Query, flt: set[int] | None, matched: Iterable[int] | None = None) -> dict[str, int]:
        """Matched articles per outlet.

        Whoosh's ``groupedby`` made every search collect and categorise all
        matches (2.7 s for "ukraine" on ukraine-media under load, against 0.2 s
        without); an unscored pass over the matching documents and two cached
        column arrays gives the same counts far cheaper.
        """
        aids, outlets = self._doc_columns()
        seen: set[str] = set()
        counts: dict[str, int] = {}
        docs = matched if matched is not None else self._searcher.docs_for_query(q)
        for d in docs:
            if flt is not None and d not in flt:
                continue
            aid = aids[d]
            if aid in seen:
                continue
            seen.add(aid)
            counts[outlets[d]] = counts.get(outlets[d], 0) + 1
        return counts
