"""The one seam between the timeline and the comparison's rules.

The timeline does not decide by itself what a figure counts, when a claim
holds or whether figures disagree or grow: those rules live in
``desk.compare`` (one place for each concern) and are asked here:

- :func:`quantity_of` -- :mod:`desk.compare.quantity` (counted thing with subject and kind);
- :func:`as_of_of` -- :mod:`desk.compare.asof` (the article date, a dateline, relative expressions);
- :func:`verdicts` -- :mod:`desk.compare.disagree` (disagreement, growth, agreement per quantity).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desk.compare.asof import AsOf, resolve_as_of
from desk.compare.disagree import (
    EVENT_TOLL_MAX,
    GROWTH_GAP_DAYS,
    TOLL_KINDS,
    ClaimFact,
    Verdict,
    hedged_interval,
    judge,
    running_count,
)
from desk.compare.quantity import Quantity, fold_subject, kind_word, says_kind
from desk.compare.quantity import quantity_of as _quantity_of
from desk.compare.statements import TOLL_GAP_DAYS
from desk.model import Figure, PassageRef

__all__ = [
    "EVENT_TOLL_MAX", "GROWTH_GAP_DAYS", "TOLL_GAP_DAYS", "TOLL_KINDS", "ClaimFact", "Quantity", "Verdict", "as_of_of", "cumulative", "fold_subject",
    "hedged_interval", "kind_word", "quantity_key", "quantity_of", "running_count", "same_claimant", "says_kind", "verdicts",
]


def quantity_of(figure: Figure, ref: PassageRef, claimant: str = "") -> Quantity | None:
    """The counted quantity of ``figure`` in ``ref``, or None when the text does not say."""
    s, e = ref.local(figure.start, figure.end)
    return _quantity_of(figure, (ref.text, s, e) if e > s else None, claimant)


def quantity_key(q: Quantity) -> str:
    key = f"{q.kind}|{q.thing}|{q.subject}|{q.unit}"
    if q.baseline:
        key += "|before"
    return f"{key}|{q.scope}" if q.scope else key


def cumulative(q: Quantity) -> bool:
    """A count of something that happened (killed, wounded, displaced ...) is a running total."""
    return q.unit == "count" and bool(q.kind)


def as_of_of(ref: PassageRef, sentence: str, at: int) -> AsOf:
    """When the claim at offset ``at`` of ``sentence`` (a sentence of ``ref``) holds.

    Resolved exactly as the compare rows resolve it (desk.compare.statements:
    the sentence, the article date, the figure's offset), so one claim has one
    as-of time in both views.
    """
    return resolve_as_of(sentence, ref.date, at=at)


def same_claimant(a: str, b: str) -> bool:
    """One claimant under two names ("Zelensky", "Volodymyr Zelensky"); "" is the outlet itself."""
    if not a or not b:
        return a == b
    from desk.extract.names import same_claimant as same

    return bool(same(a, b))


def verdicts(
    facts: Sequence[ClaimFact], related: Callable[[ClaimFact, ClaimFact], bool] | None = None
) -> list[Verdict]:
    """The comparison's verdicts, one per group of matching quantities, judged as compare rows judge
    tolls (two tolls of an attack told days apart are two days' dead or an update, not a clash);
    ``related`` says whether two claims tell of one thing (unrelated claims never clash).  A figure
    lends its side to a twin that names none only from :data:`EVENT_TOLL_MAX` up: a timeline gathers the
    claims of a whole folder, where "seven killed" in two stories are two counts."""
    return judge(facts, same_claimant=same_claimant, related=related, toll_gap_days=TOLL_GAP_DAYS,
                 twin_min_value=EVENT_TOLL_MAX)
