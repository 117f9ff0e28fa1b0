"""The one seam between the timeline and the comparison's rules.

The timeline does not decide by itself what a figure counts, when a claim
holds or whether two figures disagree: those rules live in ``desk.compare``
(one place for each concern).  This module asks them, in three calls:

- :func:`quantity_of` -- what a figure counts, as a :class:`Quantity`;
- :func:`as_of_of` -- when the claim holds, as an :class:`~desk.timeline.model.AsOf`;
- :func:`conflict` -- whether two claims about one quantity cannot both hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk.compare.profile import FactKey, ref_fact_key
from desk.compare.statements import overlaps
from desk.model import Figure, PassageRef

from .model import AsOf, TimelinePoint


@dataclass(frozen=True, slots=True)
class Quantity:
    """What a figure counts, with whether it is a running total."""

    fact: FactKey
    cumulative: bool

    @property
    def key(self) -> str:
        mods = ",".join(sorted(self.fact.modifiers))
        return f"{self.fact.outcome}|{self.fact.head}|{mods}"

    def matches(self, other: Quantity) -> bool:
        return self.fact.matches(other.fact)


def quantity_of(figure: Figure, ref: PassageRef) -> Quantity | None:
    """The counted quantity of ``figure`` in ``ref``, or None when the text does not say.

    A count with an outcome (killed, wounded, displaced ...) is a running total:
    it grows as the war goes on.
    """
    fact = ref_fact_key(figure, ref)
    if fact is None:
        return None
    return Quantity(fact, cumulative=figure.kind == "count" and bool(fact.outcome))


def as_of_of(figure: Figure, ref: PassageRef) -> AsOf:
    """When the claim holds: the article's date, or an open interval for an undated article."""
    if ref.date is None:
        return AsOf()
    return AsOf(ref.date, ref.date)


def same_claimant(a: str, b: str) -> bool:
    """One claimant under two names ("Zelensky", "Volodymyr Zelensky"); "" is the outlet itself."""
    if not a or not b:
        return a == b
    from desk.extract.names import same_claimant as same

    return bool(same(a, b))


def conflict(a: TimelinePoint, b: TimelinePoint) -> bool:
    """Two claimants' figures for one quantity, at overlapping times, whose intervals cannot both hold."""
    if (a.outlet, a.claimant) == (b.outlet, b.claimant):
        return False
    if a.claimant and b.claimant and same_claimant(a.claimant, b.claimant):
        return False
    if not a.as_of.overlaps(b.as_of):
        return False
    return not overlaps((a.low, a.high), (b.low, b.high))
