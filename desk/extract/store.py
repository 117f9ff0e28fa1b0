"""Extractions as JSON-ready dicts (for the index's stored fields), and back."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from desk.errors import DeskError
from desk.model import Attribution, Claim, DateMention, Entity, Extraction, Figure

VERSION = 1


def extraction_to_json(x: Extraction) -> dict[str, Any]:
    """A plain dict of lists and scalars; claims refer to figures by position."""
    fig_index = {id(f): i for i, f in enumerate(x.figures)}
    claims = []
    for c in x.claims:
        i = fig_index.get(id(c.figure))
        claims.append({
            "figure": i if i is not None else asdict(c.figure),
            "claimant": c.claimant,
            "attribution": c.attribution,
        })
    return {
        "v": VERSION,
        "figures": [asdict(f) for f in x.figures],
        "attributions": [asdict(a) for a in x.attributions],
        "claims": claims,
        "entities": [asdict(e) for e in x.entities],
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
