"""Colours and markers for claimants and figures, shared by every view.

Qt-free on purpose: the compare view, the reader, the claims table, the
timeline and the Markdown/HTML writers all ask this module, so a claimant keeps
one look everywhere.  Colours are plain ``#rrggbb`` strings and markers plain
names (with a text glyph for rich text); a face turns them into its own
brushes and shapes.

A claimant's look is a (colour, marker) pair.  Ten colours and six markers
give sixty pairs, assigned so that no two of the first sixty claimants share a
pair and neighbours in the list differ in both colour and marker; the colour
alone is never the only cue (colour-blind readers see the marker).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: claimant text colours readable on a light background (WCAG contrast >= 4.5 on white)
LIGHT_CLAIMANTS: tuple[str, ...] = (
    "#c62828",  # red
    "#1565c0",  # blue
    "#2e7d32",  # green
    "#6a1b9a",  # purple
    "#b34700",  # orange
    "#00727d",  # teal
    "#5d4037",  # brown
    "#ad1457",  # pink
    "#303f9f",  # indigo
    "#5f6b00",  # olive
)
#: the same hues, light enough to read on a dark background
DARK_CLAIMANTS: tuple[str, ...] = (
    "#ff8a80",
    "#82b1ff",
    "#a5d6a7",
    "#ce93d8",
    "#ffb74d",
    "#80deea",
    "#d7b49e",
    "#f48fb1",
    "#9fa8da",
    "#e6ee9c",
)
#: marker names, and the glyph drawn for each in rich text
MARKERS: tuple[str, ...] = ("circle", "square", "triangle", "diamond", "star", "cross")
GLYPHS: dict[str, str] = {
    "circle": "\u25cf",
    "square": "\u25a0",
    "triangle": "\u25b2",
    "diamond": "\u25c6",
    "star": "\u2605",
    "cross": "\u271a",
}

#: figure backgrounds (the same value has the same background in every pane);
#: none of them is yellow, which is kept for search hits
LIGHT_FIGURES: tuple[str, ...] = (
    "#b8e6b0", "#a9d4ff", "#ffc2d1", "#d9c2ff", "#ffd1a6", "#b3f0ec", "#cfd8dc", "#e0c9a6",
)
DARK_FIGURES: tuple[str, ...] = (
    "#2f6b2a", "#1f4f80", "#7a2f45", "#553a8a", "#80481a", "#1f6b66", "#455a64", "#6d5530",
)
#: the search-hit background, distinct from every figure colour
LIGHT_HIT = "#fff176"
DARK_HIT = "#8d7b00"

#: how many claimants get a look of their own before looks repeat
DISTINCT_LOOKS = len(LIGHT_CLAIMANTS) * len(MARKERS)


@dataclass(frozen=True)
class Look:
    """How one claimant is drawn: a colour and a marker."""

    colour: str
    marker: str

    @property
    def glyph(self) -> str:
        return GLYPHS[self.marker]


def look_for_slot(slot: int, *, dark: bool = False) -> Look:
    """The look of the ``slot``-th claimant (0-based).

    Colour cycles every ten slots; the marker moves one step per slot and one
    more per round of ten, so the first :data:`DISTINCT_LOOKS` slots are all
    different pairs.
    """
    colours = DARK_CLAIMANTS if dark else LIGHT_CLAIMANTS
    n = len(colours)
    slot = max(0, slot)
    colour = colours[slot % n]
    marker = MARKERS[(slot % n + slot // n) % len(MARKERS)]
    return Look(colour, marker)


def rank_claimants(names: Iterable[str]) -> list[str]:
    """Distinct claimant names, most frequent first (ties: first seen first)."""
    seen = [n for n in names if n]
    counts = Counter(seen)
    first: dict[str, int] = {}
    for i, n in enumerate(seen):
        first.setdefault(n, i)
    return sorted(counts, key=lambda n: (-counts[n], first[n]))


def shown_names(counts: Mapping[str, int]) -> dict[str, str]:
    """The names of a view to show under another name: one person's spellings under the most frequent
    full one (:func:`desk.extract.names.one_name_each`), so one person has one look and one legend entry."""
    from desk.extract.names import one_name_each

    return one_name_each(counts)


def looks_like_claimant(name: str) -> bool:
    """Whether a name is worth a legend entry: a name, not a stray word or letter.

    Names carry a capital letter (people, bodies, places); a lower-case
    phrase ("report", "the statement"), a pronoun ("They") or one letter is
    an extraction slip and gets no legend entry of its own.
    """
    name = name.strip()
    if len(name) < 2 or name.lower() in PRONOUNS:
        return False
    return any(ch.isupper() for ch in name)


#: pronouns stand for a claimant named elsewhere; they are not names themselves
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "one"})


class ClaimantPalette:
    """Assigns each claimant a slot (a :class:`Look`) and keeps it until :meth:`reset`.

    One palette is shared by every view of a window, so a claimant looks the
    same in the compare panes, the legend, the claims table, the reader and the
    timeline.  :meth:`assign` takes names in the order they should get the most
    distinct looks (most frequent first, see :func:`rank_claimants`).
    """

    def __init__(self, *, dark: bool = False) -> None:
        self.dark = dark
        self._slots: dict[str, int] = {}
        self._shown: dict[str, str] = {}
        # the reader lays out an article in a worker thread while the window paints with the same palette:
        # a new name must get a slot of its own in either thread
        self._lock = threading.Lock()

    def reset(self) -> None:
        with self._lock:
            self._slots.clear()
            self._shown.clear()

    def link(self, shown: Mapping[str, str]) -> None:
        """Names to show (and colour) as another name: one person's spellings
        (:func:`desk.extract.names.one_name_each`) share one look and one legend entry."""
        with self._lock:
            self._shown.update((k, v) for k, v in shown.items() if k != v)

    def shown(self, name: str) -> str:
        """The name ``name`` is shown as (itself unless :meth:`link` said otherwise)."""
        return self._shown.get(name, name)

    def assign(self, names: Iterable[str]) -> None:
        with self._lock:
            for name in names:
                name = self.shown(name)
                if name and name not in self._slots:
                    self._slots[name] = len(self._slots)

    def slot(self, name: str) -> int:
        name = self.shown(name)
        got = self._slots.get(name)
        if got is not None:
            return got
        with self._lock:
            return self._slots.setdefault(name, len(self._slots))

    def look(self, name: str) -> Look:
        return look_for_slot(self.slot(name), dark=self.dark)

    def colour(self, name: str) -> str:
        return self.look(name).colour

    def names(self) -> list[str]:
        """Every name with a slot, in slot order."""
        with self._lock:
            return sorted(self._slots, key=self._slots.__getitem__)


class FigurePalette:
    """The same figure value gets the same background colour (keys are strings such as ``"14400"``)."""

    def __init__(self, *, dark: bool = False) -> None:
        self.dark = dark
        self._values: dict[str, int] = {}

    def reset(self) -> None:
        self._values.clear()

    def colour(self, key: str) -> str:
        colours = DARK_FIGURES if self.dark else LIGHT_FIGURES
        i = self._values.setdefault(key, len(self._values))
        return colours[i % len(colours)]

    @property
    def hit(self) -> str:
        return DARK_HIT if self.dark else LIGHT_HIT
