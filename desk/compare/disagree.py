"""Do claims about one quantity disagree, agree, or show a count growing over time?

API (Qt-free, pure; shared by the compare rows and the timeline):

- :class:`ClaimFact` -- one claim as a plain frozen value: ``value``, the
  hedged interval ``low``/``high`` (see :func:`hedged_interval`),
  ``claimant`` (aliases already applied; ``""`` when the outlet speaks in its
  own voice), ``quantity`` (:class:`~desk.compare.quantity.Quantity`),
  ``as_of`` (:class:`~desk.compare.asof.AsOf`), ``outlet`` and ``written``
  (the figure with its hedge as printed, for labels).  ``key`` is free for
  the caller (compare uses (article id, figure start)).
- :func:`hedged_interval` ``(figure)`` -- the values a :class:`desk.model.Figure`
  admits: its qualifier's interval ("more than 14,400" -> (14,400, inf),
  "about" +-5%, ranges), and for a bare round figure ("26,000", "9 million")
  the rounding it implies (half a rounding unit below, one unit above, each
  at most 5% of the value), so that rounding never reads as a disagreement.
- :func:`judge` ``(claims, same_claimant=None, growth_gap_days=GROWTH_GAP_DAYS)``
  -> list of :class:`Verdict`, one per group of claims whose quantities
  match (:meth:`Quantity.matches`):

  * ``"disagree"`` -- two claims (from different outlets or claimants) whose
    as-of times lie within ``growth_gap_days`` of each other and whose hedged
    intervals do not overlap: the figures cannot all hold;
  * ``"growth"`` -- no such pair, but a later claim is larger than an earlier
    one whose time lies more than ``growth_gap_days`` before it (a
    cumulative count growing); ``"change"`` when it fell instead;
  * ``"agree"`` -- several claims, all compatible;
  * ``"single"`` -- one claimant/outlet only.

  Claimant names play no part in a flag: different names of one claimant
  (or the same figure from two claimants) never disagree.  ``Verdict.text``
  says which figures, by whom, as of when; ``Verdict.clashes`` lists the
  pairs that cannot both hold.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desk.model import Figure

from .asof import AsOf
from .quantity import Quantity

__all__ = ["GROWTH_GAP_DAYS", "ClaimFact", "Verdict", "hedged_interval", "judge"]

#: claims whose as-of times lie further apart than this may differ by growth
GROWTH_GAP_DAYS = 6
#: relative tolerance of "about"/"nearly" figures
TOLERANCE = 0.05
#: the most a bare round figure's implied rounding may stretch, relative to its value
ROUNDING_SHARE = 0.05


def _rounding_unit(value: float) -> float:
    """10**k for the k trailing zeros of a whole figure ("26,000" -> 1,000); 0 when there are under 2."""
    if value <= 0 or value != int(value):
        return 0.0
    v = int(value)
    unit = 1
    while v % 10 == 0 and v:
        v //= 10
        unit *= 10
    return float(unit) if unit >= 100 else 0.0


def hedged_interval(figure: Figure) -> tuple[float, float]:
    """The values a figure admits, with its hedge (see the module docstring)."""
    low, high = figure.interval(TOLERANCE)
    if not figure.qualifier and figure.high is None:
        unit = _rounding_unit(figure.value)
        if unit:
            cap = ROUNDING_SHARE * figure.value
            low = figure.value - min(unit / 2, cap)
            high = figure.value + min(unit, cap)
    return low, high


@dataclass(frozen=True, slots=True)
class ClaimFact:
    value: float
    low: float
    high: float
    claimant: str
    quantity: Quantity
    as_of: AsOf
    outlet: str = ""
    written: str = ""
    key: Any = field(default=None, compare=False)

    @classmethod
    def from_figure(
        cls, figure: Figure, claimant: str, quantity: Quantity, as_of: AsOf, outlet: str = "", key: Any = None
    ) -> ClaimFact:
        low, high = hedged_interval(figure)
        written = f"{figure.qualifier} {figure.text.strip()}".strip() if figure.qualifier else figure.text.strip()
        return cls(figure.value, low, high, claimant, quantity, as_of, outlet, written, key)

    def who(self) -> str:
        if self.claimant and self.outlet:
            return f"{self.claimant} ({self.outlet})"
        return self.claimant or self.outlet or "unattributed"

    def describe(self) -> str:
        when = self.as_of.label()
        return f"{self.written or _fmt(self.value)} ({self.who()}, as of {when})"


def _fmt(v: float) -> str:
    if math.isinf(v):
        return "∞"
    return f"{int(v):,}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str  # "disagree", "growth", "change", "agree", "single"
    quantity: Quantity
    claims: tuple[ClaimFact, ...]
    clashes: tuple[tuple[ClaimFact, ClaimFact], ...] = ()
    text: str = ""

    @property
    def disagreement(self) -> bool:
        return self.kind == "disagree"


def _overlap(a: ClaimFact, b: ClaimFact) -> bool:
    return a.low <= b.high and b.low <= a.high


def _same_source(a: ClaimFact, b: ClaimFact, same: Callable[[str, str], bool]) -> bool:
    if a.outlet != b.outlet:
        return False
    if not a.claimant or not b.claimant:
        return a.claimant == b.claimant
    return same(a.claimant, b.claimant)


def _groups(claims: Sequence[ClaimFact]) -> list[list[ClaimFact]]:
    """Claims grouped by matching quantity; a claim naming no thing joins a group that names one."""
    groups: list[tuple[Quantity, list[ClaimFact]]] = []
    for c in sorted(claims, key=lambda c: (not c.quantity.thing, not c.quantity.subject)):
        target = next((g for g in groups if g[0].matches(c.quantity)), None)
        if target is None:
            groups.append((c.quantity, [c]))
        else:
            target[1].append(c)
    return [g for _, g in groups]


def _apart(a: AsOf, b: AsOf, gap: int) -> bool:
    return not a.overlaps(b, slack_days=(gap + 1) // 2)


def judge(
    claims: Sequence[ClaimFact],
    same_claimant: Callable[[str, str], bool] | None = None,
    growth_gap_days: int = GROWTH_GAP_DAYS,
) -> list[Verdict]:
    """Verdicts per matching quantity (see the module docstring)."""
    same = same_claimant or (lambda x, y: x.casefold() == y.casefold())
    out: list[Verdict] = []
    for group in _groups(claims):
        quantity = group[0].quantity
        sources: list[ClaimFact] = []
        for c in group:
            if not any(_same_source(c, s, same) for s in sources):
                sources.append(c)
        if len(sources) < 2 and len({(c.value, c.written) for c in group}) < 2:
            out.append(Verdict("single", quantity, tuple(group)))
            continue
        clashes: list[tuple[ClaimFact, ClaimFact]] = []
        grew: list[tuple[ClaimFact, ClaimFact]] = []
        fell: list[tuple[ClaimFact, ClaimFact]] = []
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if _overlap(a, b):
                    continue
                if _apart(a.as_of, b.as_of, growth_gap_days):
                    early, late = (a, b) if a.as_of.before(b.as_of) else (b, a)
                    (grew if late.low > early.high else fell).append((early, late))
                    continue
                if _same_source(a, b, same) and a.written == b.written:
                    continue
                clashes.append((a, b))
        label = quantity.label
        if clashes:
            involved = list(dict.fromkeys(c for pair in clashes for c in pair))
            text = f"{label}: " + "; ".join(c.describe() for c in involved) + " — these figures do not agree."
            out.append(Verdict("disagree", quantity, tuple(group), tuple(clashes), text))
        elif grew or fell:
            ordered = sorted(group, key=lambda c: (c.as_of.end or c.as_of.start or dt.date.max, c.value))
            steps = " → ".join(dict.fromkeys(c.describe() for c in ordered))
            kind = "growth" if grew and not fell else "change"
            word = "grew" if kind == "growth" else "changed"
            out.append(Verdict(kind, quantity, tuple(group), (), f"{label} {word} over time: {steps}."))
        else:
            figures = " / ".join(dict.fromkeys(c.written or _fmt(c.value) for c in group))
            who = ", ".join(dict.fromkeys(c.who() for c in group))
            out.append(Verdict("agree", quantity, tuple(group), (), f"{label}: {who} agree ({figures})."))
    return out


