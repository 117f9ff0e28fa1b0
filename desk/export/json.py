"""Plain JSON data from desk's values: the one writer behind every ``--json`` (:func:`to_plain`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import PurePath
from typing import Any

from desk.model import Comparison, Figure, FigureStatement, Row
from desk.textsafe import json_dumps, json_safe


def to_plain(value: Any, *, safe: bool = True) -> Any:
    """Any desk value (model dataclasses, dicts, lists, dates, paths) as plain JSON data.

    The one JSON writer behind every ``--json`` and :func:`comparison_to_json`:

    - passage keys ``(article_id, number)`` (any tuple key) become ``"article_id:number"``;
    - dates become ISO strings, paths strings, NaN and infinite floats ``null``
      (an open interval end);
    - a figure carries ``interval`` ``[low, high]``; a comparison row carries
      its ``outlets``, its ``word_diffs`` and each statement's ``sentence``, worked out here when the
      comparison left them for whoever shows them; a figure statement whose as-of interval is one day
      carries ``as_of``;
    - a string with bytes that were not UTF-8 (a file name) shows them as
      ``\\xNN`` and keeps them exactly under ``<key>_bytes``
      (:func:`desk.textsafe.json_safe`).

    ``safe=False`` leaves out that last pass over every string, for data written at once with
    :func:`desk.textsafe.json_dumps`, which makes the same pass itself when a string needs it; every
    float is finite (or None) either way.
    """
    plain = _plain(value)
    return json_safe(plain) if safe else plain


#: types written as they are (checked first: most values of a comparison are these)
_AS_IS = frozenset({str, int, bool, type(None)})
#: field names per dataclass type (``dataclasses.fields`` is slow to call per object)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is list or kind is tuple:
        return [v if type(v) in _AS_IS else _plain(v) for v in value]
    if kind is float:  # as the last test below gives it, without the tests between
        return value if math.isfinite(value) else None
    if isinstance(value, Figure):
        data = _fields(value)
        lo, hi = value.interval()
        data["interval"] = [_plain(lo), _plain(hi)]
        return data
    if isinstance(value, Row):
        if not value.word_diffs:
            # a comparison leaves them for whoever shows them (desk.compare.diff.row_word_diffs): worked out here
            from desk.compare.diff import row_word_diffs

            row_word_diffs(value)
        from desk.compare.statements import fill_sentences

        fill_sentences(value)  # each figure's sentence, which a comparison leaves for whoever shows it
        data = _fields(value)
        data["outlets"] = list(value.outlets)
        return data
    if isinstance(value, FigureStatement):
        data = _fields(value)
        # one day: "as_of"; an interval (open ends null): "as_of_start"/"as_of_end"
        start, end = data.get("as_of_start"), data.get("as_of_end")
        if start is not None and start == end:
            data["as_of"] = start
        return data
    if kind in _FIELD_NAMES or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        return _fields(value)  # a dataclass met before is one without the slower test
    if isinstance(value, dict):
        return {_key(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no infinity or NaN
    return value


def _fields(value: Any) -> dict[str, Any]:
    names = _FIELD_NAMES.get(type(value))
    if names is None:
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    out = {}
    for name in names:
        v = getattr(value, name)
        # most fields are strings and numbers: written as they are without a call (a comparison of
        # ukraine-media has some 90,000 values)
        out[name] = v if type(v) in _AS_IS else _plain(v)
    return out


def _key(key: Any) -> str:
    if isinstance(key, tuple):
        return ":".join(str(k) for k in key)  # (article_id, passage) -> "id:3"
    return str(key)


def comparison_to_json(comparison: Comparison) -> dict[str, Any]:
    """Every field of the comparison as JSON-ready data (:func:`to_plain`).

    Each figure statement carries ``as_of_start``/``as_of_end`` (null where
    open) and, when they are one day, ``as_of``.  Each row carries ``word_diffs``: every passage's
    word differences against the row's first (see :func:`to_plain`).
    """
    data: dict[str, Any] = to_plain(comparison)
    return data


def dumps(comparison: Comparison, *, indent: int | None = 2) -> str:
    return json_dumps(comparison_to_json(comparison), indent=indent)
