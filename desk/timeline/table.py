"""A timeline as flat rows: one per point, for JSON, CSV and the Markdown table."""

from __future__ import annotations

import csv
import io
import math
from typing import Any

from desk.textsafe import visible

from .model import Timeline, TimelinePoint

#: the CSV columns, in order
COLUMNS = (
    "series", "value", "figure", "qualifier", "low", "high", "counted", "claimant", "outlet",
    "as_of", "as_of_start", "as_of_end", "article_date", "growth", "disagreement", "path", "passage", "sentence",
)


def _bound(v: float) -> float | None:
    return None if math.isinf(v) or math.isnan(v) else v


def point_json(p: TimelinePoint, series: str) -> dict[str, Any]:
    """One point as JSON: ``as_of`` (YYYY-MM-DD) for one known day, else ``as_of_start``/``as_of_end`` (null: open)."""
    d: dict[str, Any] = {
        "series": series,
        "value": p.value,
        "figure": p.figure,
        "qualifier": p.qualifier,
        "low": _bound(p.low),
        "high": _bound(p.high),
        "counted": p.counted,
        "claimant": p.claimant,
        "outlet": p.outlet,
    }
    if p.as_of.exact is not None:
        d["as_of"] = p.as_of.exact.isoformat()
    else:
        d["as_of_start"] = p.as_of.start.isoformat() if p.as_of.start else None
        d["as_of_end"] = p.as_of.end.isoformat() if p.as_of.end else None
    if p.as_of.basis:
        d["as_of_basis"] = p.as_of.basis  # "article date", "dateline", or the words: "a week earlier"
    if p.as_of.since is not None:
        d["counted_since"] = p.as_of.since.isoformat()
    d.update(
        {
            "article_date": p.article_date.isoformat() if p.article_date else None,
            "growth": p.growth,
            "disagreement": p.disagreement,
            "conflicts": list(p.conflicts),
            "path": p.path,
            "article_id": p.article_id,
            "passage": p.passage,
            "title": p.title,
            "sentence": p.sentence,
        }
    )
    return d


def timeline_json(tl: Timeline) -> dict[str, Any]:
    return {
        "query": tl.query,
        "filters": dict(tl.filters),
        "passages": tl.passages,
        "pending_extraction": tl.pending_extraction,
        "series": [
            {
                "key": s.key,
                "label": s.label,
                "cumulative": s.cumulative,
                "points": [point_json(p, s.label) for p in s.points],
            }
            for s in tl.series
        ],
    }


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, float) and v == int(v):
        return str(int(v))
    text = str(v)
    # a spreadsheet runs a cell that starts with = + - @ as a formula: article text never may
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        text = "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def point_rows(tl: Timeline) -> list[dict[str, str]]:
    """Every point as a dict of strings, keyed by :data:`COLUMNS`."""
    rows: list[dict[str, str]] = []
    for s in tl.series:
        for p in s.points:
            d = point_json(p, s.label)
            d.setdefault("as_of", "")
            d.setdefault("as_of_start", "")
            d.setdefault("as_of_end", "")
            rows.append({c: _cell(d.get(c)) for c in COLUMNS})
    return rows


def timeline_csv(tl: Timeline) -> str:
    """The points as CSV; control characters in a cell (a bidi override in a sentence) shown as visible
    escapes, as in ``desk claims --csv`` (:func:`desk.export.tables.csv_cell`): desk prints it to a terminal."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in point_rows(tl):
        w.writerow({k: "\r".join(visible(part, newlines=True) for part in v.split("\r")) for k, v in row.items()})
    return buf.getvalue()
