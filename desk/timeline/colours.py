"""Claimant colours for the timeline's pictures, the same order-of-appearance rule as the window.

The window's compare view gives each claimant a colour in the order the
claimants first appear; the timeline's SVG/PNG do the same over its points,
from the same palette, so a claimant keeps its colour in the picture it is
exported beside.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Timeline

#: the window's claimant colours (light and dark palettes), in assignment order
LIGHT = ("#b3261e", "#1d6fb8", "#2e7d32", "#8e24aa", "#c25e00", "#00796b", "#5d4037", "#ad1457")
DARK = ("#ff8a80", "#82b1ff", "#9ccc65", "#e1a3f0", "#ffb74d", "#4dd0c4", "#d7b49e", "#f48fb1")
#: points without a claimant (the outlet says it itself)
NO_CLAIMANT = "#7a7a7a"


def claimant_colours(names: Iterable[str], dark: bool = False) -> dict[str, str]:
    """Name -> colour, in order of first appearance; "" gets the neutral grey."""
    palette = DARK if dark else LIGHT
    out: dict[str, str] = {}
    i = 0
    for n in names:
        if n in out:
            continue
        if not n:
            out[n] = NO_CLAIMANT
            continue
        out[n] = palette[i % len(palette)]
        i += 1
    return out


def timeline_colours(tl: Timeline, dark: bool = False) -> dict[str, str]:
    return claimant_colours((p.claimant for p in tl.points), dark)
