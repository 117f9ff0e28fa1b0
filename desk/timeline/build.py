"""Claims in passages -> series of points, one series per counted quantity, with growth and disagreement marks."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from desk.compare.statements import figure_label, interval, short_name
from desk.errors import Cancelled
from desk.extract.sentences import sentences
from desk.model import CancelCheck, PassageRef, Progress, Row

from .model import Series, Timeline, TimelinePoint
from .sources import Quantity, as_of_of, conflict, quantity_of, same_claimant

#: passages a query's timeline reads at most (its figures come from every one of them)
QUERY_LIMIT = 3000


def _sentence(ref: PassageRef, start: int, end: int) -> str:
    """The sentence of ``ref`` around the article span [start, end)."""
    s, e = ref.local(start, end)
    for a, b in sentences(ref.text):
        if a <= s < b:
            return " ".join(ref.text[a:b].split())
    return " ".join(ref.text.split())


def points_of(ref: PassageRef) -> list[tuple[Quantity, TimelinePoint]]:
    """The points of one passage: each claim whose figure lies in it and says what it counts."""
    out: list[tuple[Quantity, TimelinePoint]] = []
    seen: set[tuple[int, str]] = set()
    for c in ref.claims:
        f = c.figure
        if not ref.start <= f.start < ref.end or (f.start, c.claimant) in seen:
            continue
        seen.add((f.start, c.claimant))
        q = quantity_of(f, ref)
        if q is None:
            continue
        low, high = interval(f)
        out.append(
            (
                q,
                TimelinePoint(
                    value=f.value,
                    figure=figure_label(f),
                    qualifier=f.qualifier,
                    low=low,
                    high=high,
                    counted=f.counted.strip(),
                    claimant=c.claimant,
                    outlet=ref.outlet,
                    as_of=as_of_of(f, ref),
                    article_date=ref.date,
                    article_id=ref.article_id,
                    passage=ref.number,
                    path=ref.relpath or ref.path,
                    title=ref.title,
                    sentence=_sentence(ref, f.start, f.end),
                    figure_start=f.start,
                ),
            )
        )
    return out


def _order_key(p: TimelinePoint) -> tuple[int, dt.date, dt.date, float, str]:
    # known days first, in time order; undated claims after them
    day = p.as_of.anchor()
    return (0 if day else 1, day or dt.date.max, p.as_of.start or dt.date.min, p.value, p.outlet)


def mark(series: Series) -> None:
    """Mark growth and disagreement in one series (points already in as-of order).

    Growth: in a running total, a point larger than a point of an earlier,
    non-overlapping time.  Disagreement: :func:`desk.timeline.sources.conflict`.
    A growing count is never flagged for growing: its points hold at different times.
    """
    pts = series.points
    for p in pts:
        p.growth = False
        p.disagreement = False
        p.conflicts = []
    for i, a in enumerate(pts):
        for b in pts[i + 1 :]:
            if conflict(a, b):
                a.disagreement = b.disagreement = True
                a.conflicts.append(_describe(b))
                b.conflicts.append(_describe(a))
    if series.cumulative:
        for i, p in enumerate(pts):
            if not p.as_of.known:
                continue
            if any(
                q.as_of.anchor() is not None and not q.as_of.overlaps(p.as_of) and q.high < p.low
                for q in pts[:i]
            ):
                p.growth = True


def _describe(p: TimelinePoint) -> str:
    who = short_name(p.claimant) if p.claimant else p.outlet
    when = f"as of {p.as_of.label()}" if p.as_of.known else "undated"
    return f"{who} ({p.outlet}) says {p.figure}, {when}"


def build_series(refs: Iterable[PassageRef], cancelled: CancelCheck | None = None) -> list[Series]:
    """Series for the claims in ``refs``: one per counted quantity, the largest first."""
    groups: list[tuple[Quantity, list[TimelinePoint]]] = []
    seen: set[tuple[str, int, str]] = set()
    for n, ref in enumerate(refs):
        if cancelled is not None and n % 64 == 0 and cancelled():
            raise Cancelled()
        for q, p in points_of(ref):
            k = (p.article_id, p.figure_start, p.claimant)
            if k in seen:  # the same passage reached twice (a hit and a neighbour)
                continue
            seen.add(k)
            # a figure joins the first series whose quantity it matches; a headless
            # one ("40 killed") prefers a series that names a thing
            target = next((g for g in groups if g[0].matches(q) and (g[0].fact.head or not q.fact.head)), None)
            if target is None:
                target = next((g for g in groups if g[0].matches(q)), None)
            if target is None:
                target = (q, [])
                groups.append(target)
            target[1].append(p)
    out: list[Series] = []
    for q, pts in groups:
        pts = _one_per_article(pts)
        pts.sort(key=_order_key)
        label = _label(pts)
        s = Series(key=q.key, label=label, points=pts, cumulative=q.cumulative)
        mark(s)
        out.append(s)
    out.sort(key=lambda s: (-len(s.points), s.label.casefold()))
    return out


def _one_per_article(pts: list[TimelinePoint]) -> list[TimelinePoint]:
    """An article that repeats a claim (headline, standfirst, body) gives one point for it."""
    kept: list[TimelinePoint] = []
    for p in pts:
        if not any(
            k.article_id == p.article_id and k.value == p.value and k.qualifier == p.qualifier
            and k.as_of == p.as_of and same_claimant(k.claimant, p.claimant)
            for k in kept
        ):
            kept.append(p)
    return kept


def _label(pts: Sequence[TimelinePoint]) -> str:
    counts = Counter(p.counted.casefold() for p in pts if p.counted)
    if not counts:
        return "figures"
    best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    return next(p.counted for p in pts if p.counted.casefold() == best)


def timeline_from_refs(query: str, refs: Iterable[PassageRef], cancelled: CancelCheck | None = None) -> Timeline:
    return Timeline(query=query, series=build_series(refs, cancelled))


def timeline_from_rows(query: str, rows: Sequence[Row]) -> Timeline:
    """The timeline of a set of compare rows (their passages' claims)."""
    refs = [r for row in rows for cell in row.cells.values() for r in cell]
    return timeline_from_refs(query, refs)


def timeline_for_query(
    library: Any,
    query: str,
    outlets: Sequence[str] = (),
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    limit: int = QUERY_LIMIT,
) -> Timeline:
    """Search ``library`` (every matching passage up to ``limit``) and build the timeline of its claims."""
    from desk.compare.tokens import expand_query
    from desk.errors import QueryError

    if progress:
        progress(0, 0, "searching")
    expanded = expand_query(query)
    try:
        result = library.search(expanded, outlets=tuple(outlets), since=since, until=until, limit=limit, per_article=0)
    except QueryError:
        if expanded == query:
            raise
        result = library.search(query, outlets=tuple(outlets), since=since, until=until, limit=limit, per_article=0)
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress:
        progress(0, 0, "building the timeline")
    tl = timeline_from_refs(query, result.hits, cancelled)
    tl.pending_extraction = result.pending_extraction
    tl.passages = len(result.hits)
    if outlets:
        tl.filters["outlets"] = ", ".join(outlets)
    if since:
        tl.filters["since"] = since if isinstance(since, str) else since.isoformat()
    if until:
        tl.filters["until"] = until if isinstance(until, str) else until.isoformat()
    return tl
