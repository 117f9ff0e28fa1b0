"""Compare: rows of passages from different outlets that report the same fact.

Public API (used by :class:`desk.library.Library`, the CLI and the GUI):

- :func:`compare_query` -- rows for a search query over an indexed library;
- :func:`collate` / :func:`collate_articles` -- whole articles aligned like a diff;
- :func:`build_rows` -- the pure grouping step;
- :func:`word_diff` -- word differences of one passage against a reference.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from desk.corpus import UNKNOWN_OUTLET
from desk.errors import Cancelled, DeskError, QueryError
from desk.model import CancelCheck, Comparison, PassageRef, Progress, Row

from .collate import collate_articles, passage_refs
from .diff import word_diff
from .grouping import build_rows
from .tokens import expand_query

__all__ = [
    "build_rows",
    "collate",
    "collate_articles",
    "compare_query",
    "passage_refs",
    "word_diff",
    "column_order",
]

#: how many neighbouring passages on each side of a hit join the candidates
NEIGHBOURS = 1


def _neighbour(library: Any, article_id: str, number: int) -> PassageRef | None:
    try:
        ref = library.passage(article_id, number)
    except (IndexError, KeyError, ValueError, LookupError, DeskError):
        return None
    return ref if isinstance(ref, PassageRef) else None


def separate_unknown_sources(refs: Sequence[PassageRef]) -> None:
    """Give each article of unknown outlet a column of its own.

    Two articles whose outlet could not be found are not one source; sharing
    the "Unknown outlet" column would make their figures look like one
    outlet contradicting itself.
    """
    for ref in refs:
        if ref.outlet == UNKNOWN_OUTLET:
            name = PurePosixPath(ref.relpath or ref.path).stem or ref.article_id
            ref.outlet = f"{UNKNOWN_OUTLET} · {name}"


def column_order(rows: Sequence[Row]) -> list[str]:
    """Outlets in the order of the first row they appear in, then by how many rows, then by name.

    Rows come ordered by how many outlets they span, so the outlets of the
    strongest comparison sit side by side on the left.
    """
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    for i, r in enumerate(rows):
        for o in r.outlets:
            first.setdefault(o, i)
            counts[o] = counts.get(o, 0) + 1
    return sorted(counts, key=lambda o: (first[o], -counts[o], o.casefold()))


def compare_query(
    library: Any,
    query: str,
    outlets: Sequence[str] = (),
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    limit: int = 200,
) -> Comparison:
    """Search ``library`` and group the hits (and their neighbours) into rows."""
    if progress:
        progress(0, 0, "searching")
    expanded = expand_query(query)
    try:
        result = library.search(expanded, outlets=tuple(outlets), since=since, until=until, limit=limit)
    except QueryError:
        if expanded == query:
            raise
        result = library.search(query, outlets=tuple(outlets), since=since, until=until, limit=limit)
    hits: list[PassageRef] = list(result.hits)
    if cancelled is not None and cancelled():
        raise Cancelled()
    hit_keys = {h.key for h in hits}
    candidates: list[PassageRef] = list(hits)
    seen = set(hit_keys)
    for h in hits:
        for d in range(-NEIGHBOURS, NEIGHBOURS + 1):
            n = h.number + d
            if d == 0 or n < 0 or (h.article_id, n) in seen:
                continue
            seen.add((h.article_id, n))
            ref = _neighbour(library, h.article_id, n)
            if ref is not None:
                ref.score = h.score * 0.5
                candidates.append(ref)
    if cancelled is not None and cancelled():
        raise Cancelled()
    separate_unknown_sources(candidates)
    rows = build_rows(candidates, progress, cancelled, hits=hit_keys)
    filters: dict[str, str] = {}
    if outlets:
        filters["outlets"] = ", ".join(outlets)
    if since:
        filters["since"] = since if isinstance(since, str) else since.isoformat()
    if until:
        filters["until"] = until if isinstance(until, str) else until.isoformat()
    return Comparison(query=query, outlets=column_order(rows), rows=rows, mode="query", filters=filters)


def collate(
    library: Any,
    article_ids: Sequence[str],
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Comparison:
    """Collate indexed articles by id (see :func:`collate_articles`)."""
    articles = [library.article(a) for a in article_ids]
    extractions = [library.extraction(a) for a in article_ids]
    return collate_articles(articles, extractions, progress, cancelled)
