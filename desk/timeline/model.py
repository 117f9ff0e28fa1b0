"""Plain dataclasses of a timeline: series of claims about one counted quantity, by as-of time.

Nothing here imports Qt, Whoosh or a plotting library.  The CLI prints these
objects, the window plots them with pyqtgraph, the exporters draw them with
matplotlib.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

# one as-of type for compare and timeline: (start, end, basis, since), open ends None
from desk.compare.asof import AsOf

__all__ = ["AsOf", "Series", "Timeline", "TimelinePoint", "anchor"]


#: how far beyond the bulk of the claims :meth:`Timeline.view_span` still reaches, on either side: a quarter
#: of the span the bulk covers, and at least a month.  The bulk is every as-of day but the earliest and the
#: latest ``CORE_SHARE`` of them.
LATE_REACH_SHARE = 0.25
LATE_REACH_MIN = dt.timedelta(days=31)
CORE_SHARE = 0.1


def anchor(as_of: AsOf) -> dt.date | None:
    """The day a plot puts a claim at: its known end, else its known start (None: undated)."""
    return as_of.end or as_of.start


@dataclass(slots=True)
class TimelinePoint:
    """One figure of one claimant, in one outlet's passage, at its as-of time."""

    value: float
    figure: str  # the number as written: "14,400", "1.2K"
    qualifier: str  # one of desk.model.QUALIFIERS
    low: float  # the values the figure admits, given its qualifier (may be -inf/inf)
    high: float
    counted: str  # the counted phrase as written: "Russian soldiers killed"
    claimant: str  # "" when the outlet says it itself
    outlet: str
    as_of: AsOf  # desk.compare.asof.AsOf: an article with no date gets AsOf(None, None), never an invented day
    article_date: dt.date | None
    article_id: str
    passage: int  # passage number in the article
    path: str  # relative path of the article in the folder
    title: str
    sentence: str  # the sentence that holds the figure (untrusted article text)
    figure_start: int = 0  # offset of the figure in the article text
    #: larger than an earlier point of a cumulative series, and not in conflict with it
    growth: bool = False
    #: conflicts with another claimant's figure for the same quantity at an overlapping time
    disagreement: bool = False
    #: the figures it conflicts with, in words ("UN (BBC) says 1,480 as of 2022-04-03")
    conflicts: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, int]:
        """The passage it sits in: (article id, passage number), as PassageRef.key."""
        return (self.article_id, self.passage)

    @property
    def hedged(self) -> bool:
        """True when the figure admits a range of values, not one."""
        return self.low != self.high or math.isinf(self.low) or math.isinf(self.high)

    def who(self) -> str:
        return self.claimant or self.outlet


@dataclass(slots=True)
class Series:
    """Every point about one counted quantity ("civilians killed"), in as-of order."""

    key: str  # stable id of the quantity
    label: str  # for people: the most common counted phrase
    points: list[TimelinePoint] = field(default_factory=list)
    #: a running total (deaths, losses): a later, larger figure is growth, not disagreement
    cumulative: bool = False

    @property
    def disagreements(self) -> int:
        return sum(1 for p in self.points if p.disagreement)


@dataclass(slots=True)
class Timeline:
    query: str
    series: list[Series] = field(default_factory=list)
    filters: dict[str, str] = field(default_factory=dict)
    pending_extraction: int = 0
    #: passages searched (the points come from the claims in them)
    passages: int = 0

    @property
    def points(self) -> list[TimelinePoint]:
        return [p for s in self.series for p in s.points]

    def view_span(self, share: float = 0.02) -> tuple[dt.date, dt.date] | None:
        """The days a plot shows at first: every as-of day but the earliest ``share`` of them, and but the
        few that lie far before or beyond the rest.

        A few claims hold as of years before the coverage ("since 2014"); shown
        whole, they squeezed the months the articles are about into a sliver.
        A forecast for a season ("the 2022-2023 harvest", ending in December
        2023) did the same from the other side.  The latest claims near the
        others stay in view: they are often the newest count.  Zooming and
        panning (or the table) still reach the rest.
        """
        days = sorted(d for p in self.points if (d := anchor(p.as_of)) is not None)
        if not days:
            return None
        kept = days[int(len(days) * share):len(days) - int(len(days) * share)] or days
        core_start = days[int(len(days) * CORE_SHARE)]
        core_end = days[max(0, len(days) - 1 - int(len(days) * CORE_SHARE))]
        reach = max(LATE_REACH_MIN, (core_end - core_start) * LATE_REACH_SHARE)
        # a few claims months before the rest (a past date misread, "in 2014") leave the view as the late ones do
        start = min((d for d in kept if d >= core_start - reach), default=core_start)
        return (start, max(d for d in days if d <= core_end + reach))

    def span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last known as-of day over every point."""
        days = [d for p in self.points for d in (p.as_of.start, p.as_of.end) if d is not None]
        return (min(days), max(days)) if days else None
