"""Searching the passage index: hits, highlights, outlet facets, filters.

One long-lived Whoosh searcher per library (opening one per query costs ~15x
more); ``refresh()`` after every commit.  Outlet/date filters are turned into
document sets once per distinct filter and cached until the next refresh.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from whoosh import query as wq
from whoosh import sorting
from whoosh.highlight import Formatter, Highlighter, PinpointFragmenter
from whoosh.index import Index
from whoosh.searching import Searcher

from desk.errors import QueryError
from desk.index.query import QueryBuilder, as_datetime


class _SpanFormatter(Formatter):
    """A 'formatter' that returns the matched tokens' character spans."""

    def format(self, fragments: Any, replace: bool = False) -> list[tuple[int, int]]:  # type: ignore[override]
        spans: list[tuple[int, int]] = []
        for frag in fragments:
            for tok in frag.matches:
                spans.append((tok.startchar, tok.endchar))
        return sorted(set(spans))


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
        self.builder = QueryBuilder(ix.schema)
        self._lock = threading.RLock()
        self._searcher: Searcher = ix.searcher()
        self._filters: dict[tuple[Any, ...], Any] = {}
        # Pinpoint needs chars=True on the field; charlimit=None so long passages highlight fully
        self._highlighter = Highlighter(
            fragmenter=PinpointFragmenter(maxchars=100000, surround=0, autotrim=False, charlimit=None),
            formatter=_SpanFormatter(),
        )

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
            kwargs: dict[str, Any] = {"limit": max(1, limit), "terms": True, "filter": flt}
            if per_article:
                kwargs.update(collapse="aid", collapse_limit=per_article)
            if facets:
                kwargs["groupedby"] = {"outlet": sorting.FieldFacet("outlet")}
            try:
                results = s.search(q, **kwargs)
            except AssertionError as exc:  # 2.7.4's intersection matcher, see _split_ranges
                raise QueryError(
                    "desk cannot combine figure: or date: inside OR/NOT groups on this library; "
                    "use them at the top level of the query (they are ANDed with the rest)."
                ) from exc
            hits: list[RawHit] = []
            for hit in results[: max(1, limit)]:
                start = hit["start"]
                spans: list[tuple[int, int]] = []
                if hit.matched_terms() and any(f == "body" for f, _t in hit.matched_terms()):
                    spans = self._highlighter.highlight_hit(hit, "body", top=100000, minscore=0)
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
            groups = results.groups("outlet") if facets else {}
            if groups:  # an empty index has no columns: column_reader raises there
                aid_col = s.reader().column_reader("aid")
                for outlet, docnums in groups.items():
                    name = outlet.decode("utf-8") if isinstance(outlet, bytes) else str(outlet)
                    counts[name] = len({aid_col[d] for d in docnums})
            return RawResult(hits, results.estimated_length(), counts)
