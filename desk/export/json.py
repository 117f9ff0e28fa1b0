"""A comparison as plain JSON data (``desk compare --json``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any

from desk.model import Comparison, Figure
from desk.textsafe import json_dumps, json_safe


def _plain(value: Any) -> Any:
    if isinstance(value, Figure):
        data = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        lo, hi = value.interval()
        data["interval"] = [_plain(lo), _plain(hi)]
        return data
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {_key(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no infinity: an open interval end is null
    return value


def _key(key: Any) -> str:
    if isinstance(key, tuple):
        return ":".join(str(k) for k in key)  # (article_id, passage) -> "id:3"
    return str(key)


def comparison_to_json(comparison: Comparison) -> dict[str, Any]:
    """Every field of the comparison as JSON-ready data.

    Passage keys ``(article_id, number)`` become ``"article_id:number"``;
    infinite interval ends become ``null``; a string with bytes that were not
    UTF-8 (a file name) shows them as ``\\xNN`` and keeps them exactly under
    ``<key>_bytes`` (:func:`desk.textsafe.json_safe`).  Each figure statement
    carries ``as_of_start``/``as_of_end`` (null where open) and, when they are
    one day, ``as_of``.
    """
    data: dict[str, Any] = _plain(comparison)
    for row, out in zip(comparison.rows, data["rows"], strict=True):
        out["outlets"] = row.outlets
        for stmt in out.get("statements") or []:
            # one day: "as_of"; an interval (open ends null): "as_of_start"/"as_of_end"
            start, end = stmt.get("as_of_start"), stmt.get("as_of_end")
            if start is not None and start == end:
                stmt["as_of"] = start
    safe: dict[str, Any] = json_safe(data)
    return safe


def dumps(comparison: Comparison, *, indent: int | None = 2) -> str:
    return json_dumps(comparison_to_json(comparison), indent=indent)
