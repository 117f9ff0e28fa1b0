"""Extractions as JSON-ready dicts (for the index's stored fields), and back."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from dataclasses import asdict, fields
from typing import Any

from desk.errors import DeskError
from desk.model import Attribution, Claim, DateMention, Entity, Extraction, Figure

VERSION = 1

#: the value types ``asdict`` passes through unchanged (it deep-copies each value, which for these is the value)
_SCALARS = frozenset({str, int, float, bool, type(None)})
_GETTERS: dict[type, tuple[tuple[str, ...], Callable[[Any], Any]]] = {}


def _as_dict(obj: Any) -> dict[str, Any]:
    """``dataclasses.asdict(obj)`` for a dataclass of plain values, without its recursion.

    ``asdict`` walks every value and deep-copies it: a tenth of a worker's Python time in pass 2,
    for records of ints, floats and strings.  Those are read off with one ``attrgetter``; a value
    of any other type takes ``asdict`` itself, so the dict is always the one it gives.
    """
    cls = type(obj)
    got = _GETTERS.get(cls)
    if got is None:
        names = tuple(f.name for f in fields(obj))
        got = _GETTERS[cls] = (names, operator.attrgetter(*names))
    names, get = got
    values = get(obj)
    if len(names) == 1:
        values = (values,)
    for v in values:
        if type(v) not in _SCALARS:
            return asdict(obj)
    return dict(zip(names, values, strict=True))


def extraction_to_json(x: Extraction) -> dict[str, Any]:
    """A plain dict of lists and scalars; claims refer to figures by position."""
    fig_index = {id(f): i for i, f in enumerate(x.figures)}
    claims = []
    for c in x.claims:
        i = fig_index.get(id(c.figure))
        claims.append({
            "figure": i if i is not None else _as_dict(c.figure),
            "claimant": c.claimant,
            "attribution": c.attribution,
        })
    return {
        "v": VERSION,
        "figures": [_as_dict(f) for f in x.figures],
        "attributions": [_as_dict(a) for a in x.attributions],
        "claims": claims,
        "entities": [_as_dict(e) for e in x.entities],
        "dates": [
            {"start": d.start, "end": d.end, "text": d.text, "date": d.date.isoformat() if d.date else None}
            for d in x.dates
        ],
    }


def extraction_from_json(d: dict[str, Any]) -> Extraction:
    """The inverse of :func:`extraction_to_json`; DeskError on a malformed dict."""
    try:
        figures = [Figure(**f) for f in d.get("figures", [])]
        claims = []
        for c in d.get("claims", []):
            ref = c["figure"]
            fig = figures[ref] if isinstance(ref, int) else Figure(**ref)
            claims.append(Claim(figure=fig, claimant=c.get("claimant", ""), attribution=c.get("attribution")))
        return Extraction(
            figures=figures,
            attributions=[Attribution(**a) for a in d.get("attributions", [])],
            claims=claims,
            entities=[Entity(**e) for e in d.get("entities", [])],
            dates=[
                DateMention(
                    start=m["start"], end=m["end"], text=m["text"],
                    date=dt.date.fromisoformat(m["date"]) if m.get("date") else None,
                )
                for m in d.get("dates", [])
            ],
        )
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise DeskError(
            "Stored figures and claimants for an article are damaged.",
            hint="Rebuild the index (desk index --rebuild).",
        ) from exc
