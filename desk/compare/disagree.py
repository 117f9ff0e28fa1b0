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
  at most 2.5% of the value), and for a bare share the rounding of its last
  digit ("80%" may be 80.4%), so that rounding never reads as a disagreement.
- :func:`judge` ``(claims, same_claimant=None, growth_gap_days=GROWTH_GAP_DAYS)``
  -> list of :class:`Verdict`, one per group of claims whose quantities
  match strictly (:meth:`Quantity.strictly_matches`: "40 killed" and "53
  prisoners killed" are too vague to compare):

  * ``"disagree"`` -- two claims from different documents whose quantities
    match strictly (:meth:`Quantity.strictly_matches`), whose as-of times lie
    within ``growth_gap_days`` of each other and whose hedged intervals do
    not overlap: the figures cannot all hold;
  * ``"growth"`` -- no such pair, but a later claim is larger than an earlier
    one whose time lies more than ``growth_gap_days`` before it (a
    cumulative count growing); ``"change"`` when it fell instead;
  * ``"mixed"`` -- (with ``max_rivals``) clashing figures that need more than
    ``max_rivals`` different values to all hold: several counts mixed (parts and the whole,
    several places or loads), not a dispute between rivals, so no flag;
  * ``"agree"`` -- several claims, all compatible;
  * ``"single"`` -- one claimant/outlet only.

  Before that, a claimant's bare figure that the same claimant gives
  elsewhere as a running count is taken as that running count; figures
  counted as parts ("another 75", "30 others", "25 of the wounded") never
  clash; a figure that names no side ("1,351 troops killed") takes the one
  side that other reports of the same figure name ("1,351 Russian soldiers").
  ``toll_gap_days`` shortens the growth gap for tolls, and for counts with no outcome whose sentences tell of
  things fired or shot down (one attack's missiles or drones): tolls told on days at least that far apart
  (with no slack: "two killed" on the 27th and "one" on the 29th) are two days' dead or a toll updated,
  never a clash; tolls of the same or the next day still clash.  Shares over two different long
  periods ("43% over the last year" told in October, "nearly 40% last year") never clash.  One named
  source's figures on different days are its updates: for them the gap is
  nought (growth or a revision, not a disagreement with itself); its two
  figures of one day never clash either (a governor's round-up of two towns).  One source's running count ("the
  toll has hit 15") has grown past its smaller figure told no later ("Thirteen have died"): growth, not a clash.
  An event-sized total since a day ("more than 70 killed since Monday") holds a smaller toll of a shorter time
  inside it ("19 killed on Monday"): growth, not a clash.

  A figure told in a question ("After 5,000 are killed?"), or in a report its sentence rejects ("dismissed reports
  that 8,000 were lost"), asserts nothing: it never clashes,
  grows or falls.  Figures whose sentences name different places (``ClaimFact.places``,
  see :mod:`desk.compare.places`) never clash: they count one kind of thing
  at two places; nor do figures of different scopes (``ClaimFact.scope``: "in the
  capital" and "nationwide", a part and the whole), and neither do figures more than :data:`MAX_RIVAL_RATIO` times apart
  (:func:`scales_apart`: one ship's load and a season's exports), nor two figures of a count
  that names no kind ("drones", "people": no "killed", "fired", "released") more than
  :data:`KINDLESS_RIVAL_RATIO` apart (42 and 450 drones: those shot down and those bought, more
  often than rival counts of one set); they still count towards a ``"mixed"`` verdict.  Temperatures
  (:attr:`Quantity.reading`) never clash: each is a reading of one place and moment, or a setting advised.  Claimant names play no part in a flag: different names of one claimant
  (or the same figure from two claimants) never disagree.  ``Verdict.text``
  says which figures, by whom, as of when; ``Verdict.clashes`` lists the
  pairs that cannot both hold.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from desk.model import Figure, pickled_by_fields

from .asof import SLACK_SPAN_DAYS, AsOf
from .places import different_places, different_scopes
from .quantity import Quantity
from .tokens import stem_set

__all__ = ["GROWTH_GAP_DAYS", "KINDLESS_RIVAL_RATIO", "MAX_RIVAL_RATIO", "MAX_RIVAL_VALUES", "TOLL_KINDS", "ClaimFact", "Verdict", "hedged_interval", "judge", "rival_values",
           "running_count", "scales_apart", "sub_counts", "won_back"]

#: claims whose as-of times lie further apart than this may differ by growth
GROWTH_GAP_DAYS = 6
#: kinds of count updated day by day: the tolls of an event, as the dead and hurt are found, and
#: the count of people who fled or were displaced or evacuated, as the agencies register them
TOLL_KINDS = frozenset({"kill", "wound", "casualty", "miss", "hospitalis", "hospitaliz", "flee", "displac", "evacuat"})
#: kinds of count that add up over time (a later, larger figure is the same count grown); other
#: counts ("50 prisoners exchanged", "12 ships sailed") on different dates are different events
CUMULATIVE_KINDS = TOLL_KINDS | {"kill", "lost", "destroy", "captur", "arrest", "detain", "shot", "injur"}
#: relative tolerance of "about"/"nearly" figures
TOLERANCE = 0.05
#: the most a bare round figure's implied rounding may stretch, relative to its value
ROUNDING_SHARE = 0.025


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


#: a running count told at one moment: "the toll rose to 50", "50 so far" (counts only go up)
_RUNNING_RE = re.compile(
    r"\b(?:(?:rose|risen|climbed|increased|grown|grew|jumped|reached|reaching|rising|climbing)(?:\s+to)?|"
    r"has\s+(?:now\s+)?(?:hit|passed|reached))\s*$",
    re.IGNORECASE,
)
_SO_FAR_RE = re.compile(r"^[^.;:]{0,60}?\b(?:so\s+far|thus\s+far|as\s+yet|by\s+now)\b", re.IGNORECASE)
#: a count its sentence calls provisional: "so far", "the latest report", "preliminary figures",
#: "confirmed dead" -- the count known at that moment, which later counts may exceed
_PROVISIONAL_RE = re.compile(
    r"\b(?:so\s+far|thus\s+far|as\s+yet|as\s+of\s+now|for\s+now|(?:preliminary|initial|provisional|latest)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:reports?|figures?|data|counts?|tolls?|tally|estimates?|information)|"
    r"confirmed\s+(?:dead|killed|deaths?)|(?:deaths?|dead)\s+(?:have\s+been\s+|were\s+|was\s+)?confirmed)\b",
    re.IGNORECASE,
)
_SENTENCE_STOP = re.compile(r"[.!?](?=\s)")


#: a count of what was won back ("the brigade reclaimed 17 hamlets", "freed and held 26 villages", "recaptured
#: some 900 square miles"): it only grows while an offensive goes on
_GAINED_RE = re.compile(
    r"\b(?:liberat(?:ed|ing)|recaptur(?:ed|ing)|retak(?:en|ing)|retook|regain(?:ed|ing)|reclaim(?:ed|ing)|"
    r"(?:took|taken|taking|won|winning)\s+back)\b[^.;:!?]{0,50}$",
    re.IGNORECASE,
)


def won_back(text: str, start: int) -> bool:
    """The figure at ``start`` of ``text`` counts what was won back ("the brigade reclaimed 17 hamlets",
    "recaptured some 900 square miles"): a count to date of an offensive (:attr:`ClaimFact.to_date`), which a
    larger count of a later day has outgrown; rival figures of one day still clash."""
    return _GAINED_RE.search(text, max(0, start - 70), start) is not None


def running_count(text: str, start: int, end: int) -> bool:
    """The figure at ``start``..``end`` of ``text`` is a running count ("the death toll rose to 50",
    "16 have been confirmed dead so far", "15,000 have by now been moved", "preliminary reports said two were killed", "according to the
    latest report, 18 were killed"): the count at that moment, which can only grow."""
    before = text[max(0, start - 40) : start]
    if _RUNNING_RE.search(before):
        return True
    clause_start = max(text.rfind(".", 0, start), text.rfind(";", 0, start)) + 1
    if bool(_SO_FAR_RE.match(text, clause_start)) and start - clause_start <= 80 or bool(_SO_FAR_RE.match(text, end)):
        return True
    # the whole sentence may call its counts provisional ("Preliminary reports said two were killed")
    stops = [m.end() for m in _SENTENCE_STOP.finditer(text, max(0, start - 400), start)]
    s = stops[-1] if stops else max(0, start - 400)
    m_end = _SENTENCE_STOP.search(text, end)
    return bool(_PROVISIONAL_RE.search(text, s, m_end.end() if m_end else min(len(text), end + 400)))


#: compatible figures are said to "agree" only when they are this close; "410" beside
#: "at least 21" do not conflict, but a reader would not call them agreeing
AGREE_RATIO = 1.15


def _share_unit(value: float) -> float:
    """The unit of a share's last written digit: "80%" -> 10, "43%" -> 1, "7.5%" -> 0.1."""
    if value != int(value):
        return 10.0 ** -min(len(repr(value).partition(".")[2]), 6)
    v, unit = int(value), 1.0
    while v and v % 10 == 0:
        v //= 10
        unit *= 10
    return unit


def hedged_interval(figure: Figure, running: bool = False) -> tuple[float, float]:
    """The values a figure admits, with its hedge (see the module docstring).

    With ``running`` (see :func:`running_count`) a bare figure is a lower
    bound: "the toll rose to 50" does not deny "more than 50" a day later.
    A bare share is rounded to its last digit: "80%" does not deny "more than 80%".
    """
    low, high = figure.interval(TOLERANCE)
    if running and not figure.qualifier and figure.high is None:
        return figure.value, math.inf
    if not figure.qualifier and figure.high is None:
        unit = _rounding_unit(figure.value) or (_share_unit(figure.value) if figure.kind == "percent" else 0.0)
        if unit:
            cap = ROUNDING_SHARE * figure.value
            low = figure.value - min(unit / 2, cap)
            high = figure.value + min(unit, cap)
    return low, high


@pickled_by_fields
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
    #: the document the claim comes from: figures of one document are different facts, never a clash
    document: str = ""
    #: where the claim happens (:func:`desk.compare.places.places_in` keys of its sentence): figures
    #: for different places count different things and never clash
    places: frozenset[str] = field(default=frozenset(), compare=False)
    #: a running count ("rose to 50"): ``high`` is open, but growth is measured from ``value``
    running: bool = field(default=False, compare=False)
    #: what the figure counts over (:func:`desk.compare.places.figure_scope`): a part ("in the capital")
    #: and the whole ("nationwide") count different things and never clash
    scope: str = field(default="", compare=False)
    #: a smaller count its own sentence sets, in one voice, beside a larger count of the same quantity
    #: (:func:`sub_counts`): "2 million fled, and 300,000 of them crossed at Dolna"; a part or another day's count
    sub: bool = field(default=False, compare=False)
    #: the text calls the figure a count to date ("by now", "so far"), hedged or not (:attr:`running` is for
    #: bare figures only), or it counts what was won back (:func:`won_back`): a larger count of a later day is
    #: the same count grown
    to_date: bool = field(default=False, compare=False)
    #: the text the figure is told in and the figure's offset in it (empty: unknown), for its sentence: tolls of one
    #: attack told on two days clash only when their sentences retell one report (:func:`_retold`)
    told_in: tuple[str, int] = field(default=("", 0), compare=False)

    @classmethod
    def from_figure(
        cls,
        figure: Figure,
        claimant: str,
        quantity: Quantity,
        as_of: AsOf,
        outlet: str = "",
        key: Any = None,
        document: str = "",
        places: frozenset[str] = frozenset(),
        running: bool = False,
        scope: str = "",
        to_date: bool = False,
        told_in: tuple[str, int] = ("", 0),
    ) -> ClaimFact:
        low, high = hedged_interval(figure, running)
        written = f"{figure.qualifier} {figure.text.strip()}".strip() if figure.qualifier else figure.text.strip()
        return cls(figure.value, low, high, claimant, quantity, as_of, outlet, written, key, document, places,
                   running and not figure.qualifier and figure.high is None, scope, to_date=running or to_date,
                   told_in=told_in)

    def who(self) -> str:
        if self.claimant and self.outlet:
            return f"{self.claimant} ({self.outlet})"
        return self.claimant or self.outlet or "unattributed"

    def describe(self) -> str:
        return f"{self.written or _fmt(self.value)} ({self.who()}, {self.as_of.phrase()})"


def _fmt(v: float) -> str:
    if math.isinf(v):
        return "∞"
    return f"{int(v):,}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str  # "disagree", "growth", "change", "mixed", "agree", "single"
    quantity: Quantity
    claims: tuple[ClaimFact, ...]
    clashes: tuple[tuple[ClaimFact, ClaimFact], ...] = ()
    text: str = ""

    @property
    def disagreement(self) -> bool:
        return self.kind == "disagree"


def _overlap(a: ClaimFact, b: ClaimFact) -> bool:
    return a.low <= b.high and b.low <= a.high


def _grew(early: ClaimFact, late: ClaimFact) -> bool:
    """The later claim is larger than all the earlier one admits (a running count from its value)."""
    return late.low > (early.value if early.running else early.high)


#: a count told again days later may have grown by at most this share of itself a day and still be the
#: same count grown (visas issued, people registered, a running tally of equipment), not a rival figure
STEP_GROWTH_PER_DAY = 0.02
#: ... and only when the two days lie at least this far apart (rival tolls of one strike a day apart still clash)
STEP_MIN_DAYS = 2


def _in_time_order(a: ClaimFact, b: ClaimFact) -> tuple[ClaimFact, ClaimFact] | None:
    """(earlier, later) when one claim's time lies wholly before the other's; None when they overlap."""
    if a.as_of.before(b.as_of):
        return a, b
    if b.as_of.before(a.as_of):
        return b, a
    return None


def _grew_in_step(a: ClaimFact, b: ClaimFact) -> tuple[ClaimFact, ClaimFact] | None:
    """(earlier, later) when the later of two counts told on days at least :data:`STEP_MIN_DAYS` apart is
    larger than all the earlier admits by no more than :data:`STEP_GROWTH_PER_DAY` of it per day between:
    "120,200 visas issued" on the 3rd and "124,400" on the 7th are one count growing, not a dispute.  Tolls
    (:data:`TOLL_KINDS`) are left to the toll gap: a strike's dead are counted again within days."""
    if a.quantity.unit != "count" or a.quantity.kind in TOLL_KINDS or a.running or b.running:
        return None
    ordered = _in_time_order(a, b)
    if ordered is None:
        return None
    early, late = ordered
    if early.as_of.end is None or late.as_of.start is None:
        return None
    days = (late.as_of.start - early.as_of.end).days
    if days < STEP_MIN_DAYS or math.isinf(early.high) or early.high <= 0 or late.low <= early.high:
        return None
    if late.value <= early.value:  # "up to 100,000" and later "more than 100,000": one figure hedged two ways
        return None
    if late.low - early.high > STEP_GROWTH_PER_DAY * days * early.high:
        return None
    return early, late


def _ran_past(a: ClaimFact, b: ClaimFact, same: Callable[[str, str], bool]) -> tuple[ClaimFact, ClaimFact] | None:
    """(smaller, running) when one source (:func:`_same_source`: one outlet, one claimant or none) gives a running
    count ("the toll has hit 15", :attr:`ClaimFact.running`) and a smaller figure for it told no later ("Thirteen
    have died" the same day): the count rose past the smaller figure, which is its earlier state, not a rival."""
    if not _same_source(a, b, same):
        return None
    for small, large in ((a, b), (b, a)):
        if large.running and small.high < large.value and not large.as_of.before(small.as_of):
            return small, large
    return None


def _part_of_total_since(a: ClaimFact, b: ClaimFact) -> tuple[ClaimFact, ClaimFact] | None:
    """(part, total) when the larger of two event-sized tolls (:func:`_one_attacks_tolls`, of a kind that adds up)
    is a total since a day ("more than 70 killed since the strikes began on Monday") and the smaller counts a
    time that lies within that total's and is shorter ("19 killed on Monday", the total told on Wednesday): the
    total holds the part, whatever else it adds; neither rules the other out."""
    if a.quantity.kind not in CUMULATIVE_KINDS or a.value == b.value or max(a.value, b.value) >= EVENT_TOLL_MAX:
        return None
    part, total = (a, b) if a.value < b.value else (b, a)
    since, end = total.as_of.since, total.as_of.end
    if since is None or end is None or part.as_of.start is None or part.as_of.end is None:
        return None
    if part.as_of.since is not None and part.as_of.since < since:
        return None  # counted from an earlier day: not a part of this total
    if (part.as_of.end - part.as_of.start) >= (end - since):
        return None  # the total counts no longer than the part: rival counts of one time
    return (part, total) if since <= part.as_of.start and part.as_of.end <= end else None


def _counted_from(a: AsOf) -> dt.date | None:
    """The first day of a count told to date: its "since" day, or the start of a period that ends later
    ("this year", told in October: 1 January to the article's day); None for a count of one day."""
    if a.since is not None:
        return a.since
    if a.start is None or a.end is None or a.start >= a.end:
        return None
    return a.start


def _grew_to_date(a: ClaimFact, b: ClaimFact) -> tuple[ClaimFact, ClaimFact] | None:
    """(earlier, later) when both count from one day to two different days (:func:`_counted_from`) and the
    count told to the later day is the larger: "raised its rate five times this year" told in October and "six
    times so far this year" in November are one count to date, grown.  Shares and rates do not add up."""
    if a.quantity.unit == "percent" or " per " in a.quantity.unit:
        return None
    start = _counted_from(a.as_of)
    if start is None or start != _counted_from(b.as_of):
        return None
    ea, eb = a.as_of.end, b.as_of.end
    if ea is None or eb is None or ea == eb:
        return None
    early, late = (a, b) if ea < eb else (b, a)
    return (early, late) if late.value > early.value else None


def _grew_from_so_far(a: ClaimFact, b: ClaimFact) -> tuple[ClaimFact, ClaimFact] | None:
    """(earlier, later) when the earlier claim is told as a count to date (:attr:`ClaimFact.to_date`: "around
    15,000 have by now been moved") and a claim of a later day is larger ("about 20,000 have moved", three days
    on): the count grew.  Shares and rates do not add up."""
    if a.quantity.unit == "percent" or " per " in a.quantity.unit:
        return None
    ordered = _in_time_order(a, b)
    if ordered is None:
        return None
    early, late = ordered
    if not early.to_date or early.as_of.end is None or late.as_of.start is None:
        return None
    if (late.as_of.start - early.as_of.end).days < 1 or late.value <= early.value:
        return None
    return early, late


def _same_source(a: ClaimFact, b: ClaimFact, same: Callable[[str, str], bool]) -> bool:
    if a.outlet != b.outlet:
        return False
    if not a.claimant or not b.claimant:
        return a.claimant == b.claimant
    return same(a.claimant, b.claimant)


def _groups(claims: Sequence[ClaimFact]) -> list[list[ClaimFact]]:
    """Claims grouped by strictly matching quantity (:meth:`Quantity.strictly_matches`)."""
    groups: list[tuple[Quantity, list[ClaimFact]]] = []
    for c in sorted(claims, key=lambda c: (not c.quantity.thing, not c.quantity.subject)):
        target = next((g for g in groups if g[0].strictly_matches(c.quantity)), None)
        if target is None:
            groups.append((c.quantity, [c]))
        else:
            target[1].append(c)
    return [g for _, g in groups]


def _one_named_source(a: ClaimFact, b: ClaimFact, same: Callable[[str, str], bool]) -> bool:
    """Both claims come from one source with a name ("UN", "Kyiv's mayor"), not "officials"."""
    if not a.claimant or not b.claimant or not same(a.claimant, b.claimant):
        return False
    return any(ch.isupper() for ch in a.claimant + b.claimant)


def _apart(a: AsOf, b: AsOf, gap: int) -> bool:
    return not a.overlaps(b, slack_days=(gap + 1) // 2)


#: tolls below this are an attack's or a day's (a town shelled, a strike on a station); tolls above it are
#: running totals of a war or a siege, which rival sources dispute for days ("2,000 civilians" against the
#: UN's "406" two days later)
EVENT_TOLL_MAX = 1000


def _one_attacks_tolls(a: ClaimFact, b: ClaimFact) -> bool:
    """Both claims are tolls the size of one attack's or one day's, neither told as a running total."""
    return (max(a.value, b.value) < EVENT_TOLL_MAX and "total" not in (a.quantity.scope, b.quantity.scope)
            and not a.running and not b.running)


#: two sentences retell one report when this share of their content stems is shared (Dice)
RETOLD_MIN = 0.4


def _sentence_of(c: ClaimFact) -> str:
    from desk.extract.sentences import sentence_at

    text, at = c.told_in
    s, e = sentence_at(text, at)
    return text[s:e]


#: what may close a question after its mark: quotation marks, brackets, spaces
_AFTER_QUESTION = " \t\n\"'’”»)]"


def _asked(c: ClaimFact) -> bool:
    """The claim's sentence is a question ("Letting them kill 200 children?"): it asks, it asserts no count,
    so it neither clashes with another claim nor grows into one.  False when the sentence is unknown."""
    if not c.told_in[0]:
        return False
    return _sentence_of(c).rstrip(_AFTER_QUESTION).endswith("?")


#: a report, claim or estimate that the sentence's speaker rejects, before the figure: "dismissed as nonsense
#: reports that the army has lost some 8,000 men", "denied claims that 300 were held"
_DENIED_RE = re.compile(
    r"\b(?:dismiss(?:ed|es|ing)|den(?:ied|ies|ying)|reject(?:ed|s|ing)|refut(?:ed|es|ing)|debunk(?:ed|s|ing)"
    r"|rubbish(?:ed)?|scoff(?:ed|s|ing)\s+at)\b[^.;:!?]{0,80}?\b(?:reports?|claims?|allegations?|suggestions?"
    r"|figures?|estimates?|assertions?)\b[^.;:!?]{0,100}$",
    re.IGNORECASE,
)


def _denied(c: ClaimFact) -> bool:
    """The claim's figure is one its sentence rejects ("Kemp dismissed as nonsense reports that the army had lost
    some 8,000 men"): nobody in the sentence asserts it, so, like a question's, it neither clashes with another
    claim nor grows into one.  False when the sentence is unknown."""
    text, at = c.told_in
    if not text:
        return False
    from desk.extract.sentences import sentence_at

    s, _e = sentence_at(text, at)
    return _DENIED_RE.search(text, s, at) is not None


def _retold(a: ClaimFact, b: ClaimFact) -> bool:
    """The claims' sentences share most of their words besides what they count (Dice of their content stems at
    least :data:`RETOLD_MIN`; true when either is unknown): one report retold, as a wire story a day later ("... killing 22 people, the
    president said" and "... killing 25 people, officials said")."""
    if not a.told_in[0] or not b.told_in[0]:
        return True
    # the words of what they count ("people killed") are shared by every toll of the quantity: not counted
    counted = stem_set(f"{a.quantity.written} {b.quantity.written}")
    wa, wb = stem_set(_sentence_of(a)) - counted, stem_set(_sentence_of(b)) - counted
    if not wa or not wb:
        return True
    return 2 * len(wa & wb) >= RETOLD_MIN * (len(wa) + len(wb))


def _larger_later_in_other_words(a: ClaimFact, b: ClaimFact) -> bool:
    """Tolls of one attack's size told on different days, the later one larger, in sentences that do not retell
    one report (:func:`_retold`): the later is another attack's toll, or the same toll updated, not a rival count.
    A retold report with another figure a day later ("killing 22 people" / "killing 25 people") and a toll that
    fell ("about 50 wounded", then "31 injured") still clash."""
    if a.quantity.kind not in TOLL_KINDS or not _one_attacks_tolls(a, b) or _days_between(a.as_of, b.as_of) < 1:
        return False
    early, late = (a, b) if a.as_of.before(b.as_of) else (b, a)
    return late.low > early.high and not _retold(a, b)


#: verbs that tell of things fired or brought down in an attack: "fired seven missiles", "shot down 40 drones"
_LAUNCHED_RE = re.compile(
    r"\b(?:fired|launched|shot\s+down|downed|intercepted|neutrali[sz]ed)\b", re.IGNORECASE
)


def _launched(c: ClaimFact) -> bool:
    """The claim's sentence tells of things fired or brought down ("fired seven missiles overnight", "shot down 40
    of the drones"): a count of one attack, like a toll; counts of that size told days apart count two attacks (a
    barrage "overnight" on the 19th is not the one "at around midnight" of the 13th).  False when the sentence is
    unknown."""
    return bool(c.told_in[0]) and _LAUNCHED_RE.search(_sentence_of(c)) is not None


def _days_between(a: AsOf, b: AsOf) -> int:
    """Whole days from the end of the earlier as-of time to the start of the later (0 when they touch or
    either end is open): two tolls told on days this far apart count the dead of two days, or a toll grown."""
    early, late = (a, b) if a.before(b) else (b, a) if b.before(a) else (None, None)
    if early is None or late is None or early.end is None or late.start is None:
        return 0
    return (late.start - early.end).days


#: figures for one quantity further apart than this factor count different scopes (one ship's load
#: and a season's exports, one town's toll and a country's), not rival counts of one thing
MAX_RIVAL_RATIO = 20.0


def scales_apart(a: ClaimFact, b: ClaimFact) -> bool:
    """The larger claim's lowest value exceeds :data:`MAX_RIVAL_RATIO` times the smaller's highest.

    A zero or open-ended figure ("none", "more than 100") has no scale and is never apart.
    """
    small, large = (a, b) if a.high <= b.high else (b, a)
    if small.high <= 0 or math.isinf(small.high):
        return False
    return large.low > MAX_RIVAL_RATIO * small.high


#: figures of a count that says nothing of what happened to the things ("1,000 drones", "16 regions",
#: "100,000 people": no "killed", "fired", "released") count different sets as often as rival counts of one:
#: they clash only when they lie within this factor of each other (75 and 84 missiles; not 42 and 450 drones)
KINDLESS_RIVAL_RATIO = 1.5


def _far_apart_without_kind(a: ClaimFact, b: ClaimFact) -> bool:
    """Two figures of a count with no kind (and no unit of measure) more than :data:`KINDLESS_RIVAL_RATIO` apart."""
    if a.quantity.kind or b.quantity.kind or a.quantity.measure or b.quantity.measure:
        return False
    small, large = sorted((a.value, b.value))
    return small > 0 and large > KINDLESS_RIVAL_RATIO * small


#: a dispute is between a few rival figures; a quantity whose clashing figures need more distinct
#: values than this to all hold mixes several counts (parts and the whole, other places or loads)
MAX_RIVAL_VALUES = 3


def rival_values(claims: Sequence[ClaimFact]) -> int:
    """The fewest values that every claim's hedged interval admits one of (greedy interval stabbing)."""
    count = 0
    point = -math.inf
    for c in sorted(claims, key=lambda c: c.high):
        if c.low > point:
            count += 1
            point = c.high
    return count


def _as_running(claims: Sequence[ClaimFact], same: Callable[[str, str], bool]) -> list[ClaimFact]:
    """A claimant's figure that the same claimant gives elsewhere as a running count ("the toll had
    risen to 50" / "38 of the 50 killed") is that running count too: a lower bound."""
    running = [c for c in claims if c.running and c.claimant]
    if not running:
        return list(claims)
    out: list[ClaimFact] = []
    for c in claims:
        # the running claim is a bare figure (see ClaimFact.from_figure), and so is one written the same
        if (not c.running and c.claimant and c.high < math.inf and any(
                r.value == c.value and r.written == c.written and r.quantity.matches(c.quantity)
                and same(r.claimant, c.claimant) for r in running)):
            c = replace(c, low=c.value, high=math.inf, running=True)
        out.append(c)
    return out


def _sides_from_twins(claims: Sequence[ClaimFact], min_value: float = 0) -> list[ClaimFact]:
    """A figure that does not say whose things it counts ("1,351 military personnel killed") takes the side
    that other reports of the very same figure name ("1,351 Russian soldiers killed"), when they all name one
    side: one figure reported alike is one count, so it never clashes with the other side's toll.  Only
    figures of at least ``min_value`` are twins (claims gathered from a whole folder share small values by
    chance: "seven killed" in Lviv is not the "seven American soldiers killed" of another story)."""
    sides: dict[tuple[float, str, str], set[str]] = {}
    #: the twin's words for the side and the count, for the label ("Russian soldiers wounded", not "Russ wounded")
    words: dict[tuple[float, str, str], tuple[str, str]] = {}
    for c in claims:
        q = c.quantity
        if q.subject and not q.subject.startswith("own") and c.value >= min_value:
            key = (c.value, q.kind, q.unit)
            sides.setdefault(key, set()).add(q.subject)
            if q.side or q.written:
                words.setdefault(key, (q.side, q.written))
    if not sides:
        return list(claims)
    out: list[ClaimFact] = []
    for c in claims:
        q = c.quantity
        if not q.subject:
            key = (c.value, q.kind, q.unit)
            named = sides.get(key, set())
            if len(named) == 1:
                side, written = words.get(key, ("", ""))
                c = replace(c, quantity=replace(q, subject=next(iter(named)), side=q.side or side,
                                                written=q.written or written))
        out.append(c)
    return out


def _measured_alike(claims: Sequence[ClaimFact], quantity: Quantity) -> list[ClaimFact]:
    """The claims measured in the unit ``quantity`` is measured in (tonnes, barrels; not counts, money or
    shares), whatever they measure: a row that gives many tonnages lists loads or shipments ("66,000 tons
    of corn" on one ship, "12,000 tons" on another), not rival figures for one of them."""
    if not quantity.measure:
        return []
    return [c for c in claims if c.quantity.unit == quantity.unit]


def sub_counts(sentences: Sequence[tuple[Any, ClaimFact]]) -> set[int]:
    """Indexes into ``sentences`` ((sentence key, claim) pairs) of the claims that are sub-counts: a claim whose own
    sentence gives, in the same voice (the same claimant, or none), a larger figure for a matching quantity.  One
    voice does not set rival figures for one thing in one sentence: the smaller counts a part of the larger ("2 million
    have fled and 300,000 came through the Dolna crossing"), or another day's or place's ("five were killed on
    Monday and three on Tuesday"), and it never clashes with another report's figure."""
    out: set[int] = set()
    for i, (where, c) in enumerate(sentences):
        for j, (other_where, o) in enumerate(sentences):
            if (i != j and where == other_where and o.value > c.value and o.claimant.casefold() == c.claimant.casefold()
                    and o.quantity.matches(c.quantity)):
                out.add(i)
                break
    return out


def _part(c: ClaimFact) -> bool:
    """"another 75", "30 others", "25 of the wounded": a part counted beside its own sentence's other
    figures; two such parts from different sentences count different groups."""
    return c.quantity.thing.startswith("other")


#: harm a report may give two sides' rival counts of, in one breath
_DISPUTED_KINDS = frozenset({"kill", "wound", "casualty", "miss"})


def _named(claimant: str) -> bool:
    return any(ch.isupper() for ch in claimant)


def _sides_dispute(a: ClaimFact, b: ClaimFact, same: Callable[[str, str], bool]) -> bool:
    """One report sets two named sources' counts of one side's dead or wounded against each other:
    "Shoigu said the army had lost some 6,000 soldiers; according to the Varnian side, about 55,000
    Kelmish soldiers have been killed"."""
    q = a.quantity
    return (
        q.kind in _DISPUTED_KINDS
        and bool(q.subject)
        and q.subject == b.quantity.subject
        and _named(a.claimant)
        and _named(b.claimant)
        and not same(a.claimant, b.claimant)
    )


def _told_apart(group: Sequence[ClaimFact], same: Callable[[str, str], bool]) -> set[frozenset[float]]:
    """Pairs of values that one document gives for the group's quantity without setting one source
    against another: "two of the plant's six reactors", "the country has 15 reactors ... it has
    six".  One report does not contradict itself, so the two values count different things (a part
    and its whole, two scopes); the same two values from two other reports do not clash either.  A
    document that sets two named sources' figures side by side ("Moscow said 40, Kyiv 53") reports
    a dispute, and its values stay rivals."""
    apart: set[frozenset[float]] = set()
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            if not a.document or a.document != b.document or a.value == b.value:
                continue
            if a.claimant and b.claimant and not same(a.claimant, b.claimant):
                continue
            apart.add(frozenset((a.value, b.value)))
    return apart


#: a group too mixed to flag as a whole flags the dispute of its busiest day only when that day's figures need
#: at most this many values to all hold: two rival figures ("75" and "84" fired), not a day's tolls of several
#: places ("one", "four" and "at least 19" killed, a town's, a city's and the country's)
DAY_RIVAL_VALUES = 2


def _one_days_dispute(
    group: Sequence[ClaimFact], clashes: Sequence[tuple[ClaimFact, ClaimFact]], max_rivals: int
) -> list[tuple[ClaimFact, ClaimFact]]:
    """The clashes of one day's figures, when a group too mixed to flag as a whole holds a dispute of that
    day: its claims told as of one exact day (the day with most of them) clash and need at most
    ``max_rivals`` values (and :data:`DAY_RIVAL_VALUES`) to all hold.  A row that gathers a week's counts of a barrage ("18 missiles
    downed" on the Tuesday, "83" and "84 fired" on the Monday) mixes counts across its days, yet the
    Monday's "75 fired" and "84 fired" are rival counts of one barrage.  Empty when no day qualifies."""
    by_day: dict[dt.date, list[ClaimFact]] = {}
    for c in group:
        if (d := c.as_of.exact) is not None:
            by_day.setdefault(d, []).append(c)
    if not by_day:
        return []
    day, members = max(by_day.items(), key=lambda kv: (len(kv[1]), -kv[0].toordinal()))
    if len(by_day[day]) < 2 or rival_values(members) > min(max_rivals, DAY_RIVAL_VALUES):
        return []
    return [(a, b) for a, b in clashes if a.as_of.exact == day and b.as_of.exact == day]


#: a count of the past day and a count of one day at least this many days from it count different days
WINDOW_APART_DAYS = 2


def _other_windows(a: ClaimFact, b: ClaimFact) -> bool:
    """Both count the day before they were told ("in the past 24 hours"), told on different days; or one does,
    and the other is a count of a day at least :data:`WINDOW_APART_DAYS` away ("six towns shelled over the past
    day" on the 3rd, "eight towns shelled" on the 5th): the past day of the one is not the day of the other."""
    da, db = a.as_of.exact, b.as_of.exact
    if da is None or db is None or da == db:
        return False
    if a.quantity.window and b.quantity.window:
        return True
    return (a.quantity.window or b.quantity.window) and abs((da - db).days) >= WINDOW_APART_DAYS


#: a share over a period at least this long (a year, a season) is the period's own; periods whose ends lie further
#: apart than :data:`PERIOD_APART_DAYS` are two periods
PERIOD_MIN_DAYS = 90
PERIOD_APART_DAYS = 31


def _other_periods(a: ClaimFact, b: ClaimFact) -> bool:
    """Both are shares or rates over a long period ("43% of the power over the last year", "nearly 40% of it last
    year") whose periods differ: a share of one period's total says nothing of another's, however much the two
    overlap.  Counts are left out (a count to date grows; :func:`_grew_to_date` reads those)."""
    if a.quantity.unit != "percent" or b.quantity.unit != "percent":
        return False
    pa, pb = a.as_of, b.as_of
    if pa.start is None or pa.end is None or pb.start is None or pb.end is None:
        return False
    if min((pa.end - pa.start).days, (pb.end - pb.start).days) < PERIOD_MIN_DAYS:
        return False
    return abs((pa.end - pb.end).days) > PERIOD_APART_DAYS or abs((pa.start - pb.start).days) > PERIOD_APART_DAYS


#: as-of times taken from the article's own date, not named by the sentence
_DATE_OF_ARTICLE = frozenset({"", "dateline", "article date"})


def _named_days_apart(a: ClaimFact, b: ClaimFact) -> bool:
    """Each sentence names the one day its count is of ("on Monday", "on 3 May", "yesterday") and the days
    differ: the counts of two days, not rival counts of one.  Not for counts to date ("since Monday": a count
    that runs on, whose later value may not be smaller), nor for days taken from the article's date."""
    da, db = a.as_of.exact, b.as_of.exact
    if da is None or db is None or da == db:
        return False
    return all(c.as_of.basis not in _DATE_OF_ARTICLE and c.as_of.since is None and not c.running and not c.to_date
               for c in (a, b))


#: a period of days at least this long, and at most :data:`desk.compare.asof.SLACK_SPAN_DAYS` ("this week", "over
#: the past week"), holds the count of each of its days
PERIOD_OF_DAYS_MIN = 3


def _day_within_period(a: ClaimFact, b: ClaimFact) -> bool:
    """A count that adds up over time (:data:`CUMULATIVE_KINDS`) told for a period of days ("a dozen killed this
    week", :data:`PERIOD_OF_DAYS_MIN` days to a month) and a smaller count of one day or a few inside that period
    ("one killed on Tuesday"): the smaller counts a part of the period (a day of its week); neither rules the other
    out.  Not for a count to date ("since 24 February": a total from its start, which rival sides dispute) nor a
    running one, nor for a named month or year (the time one event happened, whose tolls are rivals)."""
    if a.quantity.kind not in CUMULATIVE_KINDS or a.value == b.value:
        return False
    small, large = (a, b) if a.value < b.value else (b, a)
    if large.low <= small.high:
        return False  # their hedges meet already
    lp, sp = large.as_of, small.as_of
    if (lp.start is None or lp.end is None or sp.start is None or sp.end is None or lp.since is not None
            or large.running or large.to_date):
        return False
    if not PERIOD_OF_DAYS_MIN <= (lp.end - lp.start).days + 1 <= SLACK_SPAN_DAYS:
        return False  # a named month or year may be when one event happened ("600 killed in the strike in March")
    return lp.start <= sp.start and sp.end <= lp.end and (sp.end - sp.start) < (lp.end - lp.start)


def judge(
    claims: Sequence[ClaimFact],
    same_claimant: Callable[[str, str], bool] | None = None,
    growth_gap_days: int = GROWTH_GAP_DAYS,
    related: Callable[[ClaimFact, ClaimFact], bool] | None = None,
    toll_gap_days: int | None = None,
    max_rivals: int | None = None,
    twin_min_value: float = 0,
) -> list[Verdict]:
    """Verdicts per matching quantity (see the module docstring).

    ``related`` (optional) says whether two claims are about the same event
    (compare passes "their sentences share enough words"); unrelated claims
    never clash.  ``toll_gap_days`` (optional) replaces ``growth_gap_days``
    for tolls (:data:`TOLL_KINDS`: the killed, wounded, missing), which are
    updated day by day.  With ``max_rivals`` (compare rows pass
    :data:`MAX_RIVAL_VALUES`), clashing figures that need more values than
    that to all hold are a ``"mixed"`` verdict, not a disagreement.  ``twin_min_value``: the least
    figure that lends its side to a twin that names none (claims from a whole folder, not one row,
    share small values by chance).
    """
    same = same_claimant or (lambda x, y: x.casefold() == y.casefold())
    out: list[Verdict] = []
    for group in _groups(_as_running(_sides_from_twins(claims, twin_min_value), same)):
        quantity = group[0].quantity
        toll_gap = toll_gap_days if toll_gap_days is not None and quantity.kind in TOLL_KINDS else None
        gap = growth_gap_days if toll_gap is None else toll_gap
        # a count with no outcome that its sentence says was fired at or shot down is one attack's, as a toll is
        barrage_gap = toll_gap_days if toll_gap_days is not None and not quantity.kind else None
        launched = [barrage_gap is not None and _launched(c) for c in group]
        sources: list[ClaimFact] = []
        for c in group:
            if not any(_same_source(c, s, same) for s in sources):
                sources.append(c)
        if len(sources) < 2 and len({(c.value, c.written) for c in group}) < 2:
            out.append(Verdict("single", quantity, tuple(group)))
            continue
        clashes: list[tuple[ClaimFact, ClaimFact]] = []
        told_apart = _told_apart(group, same)
        grew: list[tuple[ClaimFact, ClaimFact]] = []
        fell: list[tuple[ClaimFact, ClaimFact]] = []
        far: list[tuple[ClaimFact, ClaimFact]] = []
        asked = [_asked(c) or _denied(c) for c in group]
        for i, a in enumerate(group):
            if asked[i]:
                continue  # "After 5,000 are killed?": a question asserts no count
            for j, b in enumerate(group[i + 1 :], i + 1):
                if asked[j]:
                    continue
                # one named source giving another figure on another day has updated its count
                # ("406" on the 8th, "at least 549" on the 10th, both from the UN): no gap needed
                pair_gap = 0 if _one_named_source(a, b, same) else gap
                if _apart(a.as_of, b.as_of, pair_gap) or (
                        toll_gap and pair_gap and _one_attacks_tolls(a, b)
                        and _days_between(a.as_of, b.as_of) >= toll_gap) or (
                        barrage_gap and pair_gap and launched[i] and launched[j] and _one_attacks_tolls(a, b)
                        and _days_between(a.as_of, b.as_of) >= barrage_gap):
                    early, late = (a, b) if a.as_of.before(b.as_of) else (b, a)
                    if _grew(early, late):
                        grew.append((early, late))
                        continue
                    if _overlap(a, b):
                        continue
                    fell.append((early, late))
                    continue
                if _overlap(a, b):
                    continue
                to_date = _grew_to_date(a, b) or _grew_from_so_far(a, b)
                if to_date is not None:
                    grew.append(to_date)  # "five times this year" in October, "six times so far this year" in November
                    continue
                stepped = _grew_in_step(a, b)
                if stepped is not None:
                    grew.append(stepped)  # "120,200" on the 3rd, "124,400" on the 7th: a count growing day by day
                    continue
                if _same_source(a, b, same) and a.written == b.written:
                    continue
                if _one_named_source(a, b, same):
                    continue  # one named source's two figures of one day: two events (or an update), not a dispute
                if a.document and a.document == b.document and not _sides_dispute(a, b, same):
                    continue  # "38 adults and 12 children": one report's figures count different things
                if frozenset((a.value, b.value)) in told_apart:
                    continue  # another report gives both values as different things
                if not a.quantity.strictly_matches(b.quantity):
                    continue  # "40 killed" beside "53 prisoners killed": too vague to call a clash
                if _part(a) or _part(b):
                    continue  # "wounded another 75" and "30 others injured": parts of different wholes
                if a.sub or b.sub:
                    continue  # "300,000 crossed at Dolna" beside "2 million fled" in one sentence: a part
                if different_places(a.places, b.places):
                    continue  # "18 killed in Ashford" and "8 killed in Brent": two tolls, not a clash
                if different_scopes(a.scope, b.scope):
                    continue  # "5 killed in the capital" and "19 killed nationwide": a part and the whole
                if _other_periods(a, b):
                    continue  # "43% over the last year" told in October and "nearly 40% last year": two years' shares
                if _other_windows(a, b):
                    continue  # "13 killed in the past 24 hours" told a day after "14 in the last day": two days
                if _named_days_apart(a, b):
                    continue  # "ten drones downed on Wednesday" and "37 downed on Monday": two days' counts
                if _day_within_period(a, b):
                    continue  # "one killed on Tuesday" and "a dozen killed this week": a day's part of the week's count
                if scales_apart(a, b):
                    continue  # "26,000 tons" on one ship and "5 million tons" this season: two scopes
                if a.quantity.reading or b.quantity.reading:
                    continue  # "16 degrees" and "19 degrees": two places or moments, or a reading and advice
                if related is not None and not related(a, b):
                    continue
                if _larger_later_in_other_words(a, b):
                    # "three killed" in a port on the 23rd and "22 killed" at a station on the 24th; still figures
                    # that do not fit together when the group is judged as a whole (a mix, not a dispute)
                    far.append((a, b))
                    continue
                if _far_apart_without_kind(a, b):
                    far.append((a, b))  # "42 drones" and "450 drones": two sets more often than rival counts
                    continue
                # only a pair that would clash is read as growth here: one kept apart above (two places, two
                # scopes) stays "may not count the same thing"
                ran = _ran_past(a, b, same)
                if ran is not None:
                    grew.append(ran)  # "Thirteen have died" and, the same day, "the toll has hit 15": the toll rose
                    continue
                within = _part_of_total_since(a, b)
                if within is not None:
                    grew.append(within)  # "19 killed on Monday" and "more than 70 killed since Monday": a part of it
                    continue
                clashes.append((a, b))
        # the group's own words for what it counts ("people wounded"), not a key built of stems
        # ("Ukrain wounded") when the first claim's quantity has none
        phrases = Counter(c.quantity.written for c in group if c.quantity.written)
        label = phrases.most_common(1)[0][0] if phrases else quantity.label
        involved = list(dict.fromkeys(c for pair in clashes for c in pair))
        # a mix of counts shows in all the figures that do not fit together, the far-apart ones too
        unfitting = list(dict.fromkeys(c for pair in clashes + far for c in pair))
        if clashes and max_rivals is not None and (
            rival_values(unfitting) > max_rivals or rival_values(_measured_alike(claims, quantity)) > max_rivals
        ):
            day = _one_days_dispute(group, clashes, max_rivals) if rival_values(
                _measured_alike(claims, quantity)) <= max_rivals else None
            if day:
                involved = list(dict.fromkeys(c for pair in day for c in pair))
                text = f"{label}: " + "; ".join(c.describe() for c in involved) + " — these figures do not agree."
                out.append(Verdict("disagree", quantity, tuple(group), tuple(day), text))
                continue
            figures = " / ".join(dict.fromkeys(c.written or _fmt(c.value) for c in unfitting))
            text = f"{label}: {figures} — too many different figures to be rival counts of one quantity."
            out.append(Verdict("mixed", quantity, tuple(group), (), text))
            continue
        if clashes:
            text = f"{label}: " + "; ".join(c.describe() for c in involved) + " — these figures do not agree."
            out.append(Verdict("disagree", quantity, tuple(group), tuple(clashes), text))
        elif grew or fell:
            ordered = sorted(group, key=lambda c: (c.as_of.end or c.as_of.start or dt.date.max, c.value))
            steps = " → ".join(dict.fromkeys(c.describe() for c in ordered))
            if quantity.kind not in CUMULATIVE_KINDS and not any(c.running for c in group):
                # "30 soldiers released" in October and "50 released" two weeks later: two swaps,
                # not one count that grew
                out.append(Verdict("change", quantity, tuple(group), (), f"{label}, on different dates: {steps}."))
                continue
            kind = "growth" if grew and not fell else "change"
            word = "grew" if kind == "growth" else "changed"
            out.append(Verdict(kind, quantity, tuple(group), (), f"{label} {word} over time: {steps}."))
        else:
            written = list(dict.fromkeys(c.written or _fmt(c.value) for c in group))
            figures = " / ".join(written)
            who = ", ".join(dict.fromkeys(c.who() for c in group))
            values = [c.value for c in group if c.value > 0]
            close = not values or max(values) <= AGREE_RATIO * min(values)
            overlap = all(_overlap(a, b) for i, a in enumerate(group) for b in group[i + 1 :])
            if len(written) == 1 or (overlap and close):
                text = f"{label}: {who} agree ({figures})."
            elif overlap:
                # "410" beside "at least 21": compatible, but "agree" would mislead a reader
                text = f"{label}: {who} give {figures}, which do not rule each other out."
            else:
                # kept apart by place, scope, part or vagueness, not found to conflict
                text = f"{label}: {who} give {figures}, which may not count the same thing."
            out.append(Verdict("agree", quantity, tuple(group), (), text))
    return out


