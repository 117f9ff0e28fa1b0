"""Claimant looks for the timeline's pictures, from :mod:`desk.palette` (the looks every view uses).

The pictures have no window to share a palette with, so they assign slots the
way the views do: claimants ranked most frequent first
(:func:`desk.palette.rank_claimants`), each slot a colour and a marker.
"""

from __future__ import annotations

from desk import palette

from .model import Timeline

#: points without a claimant (the outlet says it itself)
NO_CLAIMANT = "#7a7a7a"
#: desk.palette marker names -> matplotlib markers (hedges add their own arrows)
MPL_MARKERS = {"circle": "o", "square": "s", "triangle": "^", "diamond": "D", "star": "*", "cross": "P"}


def timeline_palette(tl: Timeline, dark: bool = False) -> palette.ClaimantPalette:
    book = palette.ClaimantPalette(dark=dark)
    book.assign(palette.rank_claimants(p.claimant for p in tl.points))
    return book


def timeline_colours(tl: Timeline, dark: bool = False) -> dict[str, str]:
    """Name -> colour for every claimant of ``tl`` (most frequent first); "" gets the neutral grey."""
    book = timeline_palette(tl, dark)
    out = {n: book.colour(n) for n in book.names()}
    if any(not p.claimant for p in tl.points):
        out[""] = NO_CLAIMANT
    return out
