"""When a claim holds: its as-of time, resolved from the text around it.

API (Qt-free, pure; shared with the timeline):

- :class:`AsOf` -- a plain frozen dataclass ``(start, end, basis, since)``.
  ``start == end`` is one exact day; ``start``/``end`` of ``None`` are open
  ends (the text leaves them open).  ``basis`` is the expression the time
  came from (``"a week earlier"``, ``"article date"``, ``"dateline"``, or
  ``""`` when nothing dates the claim).  ``since`` is the start of the
  counting period for cumulative counts ("since 24 February"), else None.
  ``AsOf.overlaps(other, slack_days)`` tells whether two claims can refer to
  the same time; ``label()`` is a short readable form.
- :func:`resolve_as_of` ``(text, article_date, *, dateline=None, at=None)``
  -- the as-of time of the claim in ``text`` (a sentence).  ``at`` is the
  offset of the figure in ``text``: the time expression nearest to it wins.
  Without any expression the claim holds as of the dateline's day or the
  article date.  An article with no date and no absolute date in the text
  gives ``AsOf(None, None)``: desk never invents a date.
- :func:`dateline_date` ``(text, article_date)`` -- the day of a dateline
  such as ``KYIV, March 3 (Reuters) -`` at the start of an article.

Relative expressions resolved (python-dateutil's ``relativedelta`` does the
calendar arithmetic): weekdays ("on Saturday": the latest such day on or
before the reference day), "yesterday"/"today"/"overnight"/"last night",
"now"/"currently"/"at present" (the reference day: "in May 200 a day, while now 30"),
"N days/weeks/months ago|earlier|before", "a week earlier", "last
week/month/year", "this time last year" (those days a year back), "next week/month/year" (the period
to come: a forecast), "this week/month", "earlier this month", absolute dates
with or without the year, "in March", "June 2022", "early/mid/late June",
"by/to/until/through/as of <date>" (the count as of that day), "since
<date>" (counted since that day, as of the reference day), "in the first N
days" / "in the first couple of weeks" (as of some day after an unnamed
start: open start, end at the reference day), "over the past two weeks" (as
of the reference day, counted since two weeks before it).  A sentence that
opens on a date ("On July 4, the minister said that over the previous two
weeks ...") makes that date the reference day of its relative expressions.  A weekday followed by its
date ("Saturday 19 March") is that date; a span ago inside a "since" clause
("since the invasion began a month ago") counts up to the reference day; a
date in a clause the claim comes after ("captured after the fall of the
town in late May") opens an interval from that date to the reference day.  A figure in a clause
"N weeks after ..." that follows the main clause ("the visit came weeks after troops downed four
drones") counts an event that span before the reference day: it holds until half that span before it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateutil.relativedelta import relativedelta

from desk.corpus.datelines import find_dateline
from desk.model import pickled_by_fields

from .tokens import case_odd

__all__ = ["AsOf", "dateline_date", "resolve_as_of"]


#: an as-of interval this long or longer is a named period with exact bounds: no slack widens it
SLACK_SPAN_DAYS = 28


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class AsOf:
    """The time a claim holds: an interval of days (open where None)."""

    start: dt.date | None
    end: dt.date | None
    basis: str = ""
    since: dt.date | None = None
    #: a day the text names as the end without a year ("to 19 March" in an undated
    #: article): kept for the label, never turned into an invented date
    open_end: str = ""

    @property
    def exact(self) -> dt.date | None:
        """The day, when the interval is one day."""
        return self.start if self.start is not None and self.start == self.end else None

    @property
    def known(self) -> bool:
        return self.start is not None or self.end is not None

    def overlaps(self, other: AsOf, slack_days: int = 0) -> bool:
        """Whether the two intervals share a day (widened by ``slack_days`` on each side).

        An open end overlaps everything on its side; a wholly unknown time
        overlaps everything (nothing says the claims are from different times).
        The slack widens a day or a few days (shorter than :data:`SLACK_SPAN_DAYS`: "on Monday" may
        be told a day late), never a period the text names whole ("in 2021", "this
        year", "in March"), whose bounds are exact: 2021 and 2022 are two years.
        """
        mine = dt.timedelta(days=slack_days if self._short() else 0)
        theirs = dt.timedelta(days=slack_days if other._short() else 0)
        if self.start is not None and other.end is not None and self.start - mine > other.end + theirs:
            return False
        return not (other.start is not None and self.end is not None and other.start - theirs > self.end + mine)

    def _short(self) -> bool:
        """A day or a few days (or an open or unknown interval): its bounds may be a few days off."""
        return self.start is None or self.end is None or (self.end - self.start).days < SLACK_SPAN_DAYS

    def before(self, other: AsOf) -> bool:
        """Whether this interval ends before the other starts (both ends known)."""
        return self.end is not None and other.start is not None and self.end < other.start

    def phrase(self) -> str:
        """The time in words after a figure: "as of 2023-05-03", "as of … – 2023-05-03", or "undated" (not "as of
        undated")."""
        label = self.label()
        return label if label == "undated" else f"as of {label}"

    def label(self) -> str:
        if self.exact is not None:
            return self.exact.isoformat()
        if self.start is None and self.end is None:
            return f"… – {self.open_end} (year not given)" if self.open_end else "undated"
        if self.start is not None and self.end is not None and (self.start.month, self.start.day) == (1, 1) \
                and self.end == dt.date(self.start.year, 12, 31):
            return str(self.start.year)  # a whole calendar year ("in 2016")
        a = self.start.isoformat() if self.start else "…"
        b = self.end.isoformat() if self.end else "…"
        return f"{a} – {b}"


_MONTHS = {
    m.lower(): i
    for i, m in enumerate(calendar.month_name)
    if m
} | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "several": None, "few": None, "couple": 2,
}
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
_UNIT = r"(?:day|week|month|year)s?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<y{n}>\d{{4}}))?"

#: an absolute date: "24 February 2022", "February 24, 2022", "24 of February"
_ABS = (
    r"(?:(?P<d1>" + _DAY + r")\s+(?:of\s+)?(?P<m1>" + _MONTH + r")" + _YEAR.format(n=1)
    + r"|(?P<m2>" + _MONTH + r")\s+(?P<d2>" + _DAY + r")(?!\d)" + _YEAR.format(n=2)
    + r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
)
_PREP = r"(?P<prep>\bas\s+of|\bby|\bto|\buntil|\btill|\bthrough|\bsince|\bfrom|\bon|\bin)?\s*"
_PART = (
    r"(?:(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end\s+of"
    # "the last week of March", "the first few days of July", "the second half of May": a part of the month
    r"|the\s+(?:first|opening|last|final|closing|second)\s+(?:(?:two|three|few)\s+)?(?:days?|weeks?|fortnight|half)\s+of"
    r")[\s-]+)?"
)

_NOT_OF_MONTH = r"(?!\s+of\s+" + _MONTH + r")"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("abs", re.compile(_PREP + r"\b" + _ABS + r"\b", re.IGNORECASE)),
    (
        "month",
        re.compile(
            _PREP + _PART + r"\b(?P<mon>" + _MONTH + r")(?:\s+(?P<my>\d{4}))?\b(?!\s+\d{1,2}\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?P<prep>since|by|on|until)?\s*\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
            # "Saturday 19 March", "Saturday, March 19": the date that follows names the day
            r"(?!,?\s+(?:the\s+)?(?:" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"|" + _MONTH + r"\s+\d))",
            re.IGNORECASE,
        ),
    ),
    ("ago", re.compile(r"\b(?P<n>" + _NUM + r"|several|a\s+few|a\s+couple\s+of)\s+(?P<unit>" + _UNIT + r")\s+(?P<dir>ago|earlier|before|previously|prior)\b", re.IGNORECASE)),
    # ... not "the last week of March" nor "the first two weeks of May" (a part of that month: "month")
    ("last", re.compile(r"\b(?P<which>last|past|previous|this|earlier\s+this|later\s+this|next)\s+(?P<unit>week|month|year|weekend)\b"
                        + _NOT_OF_MONTH, re.IGNORECASE)),
    ("first", re.compile(r"\b(?:in|during|over|within)\s+the\s+(?P<which>first|past|last|previous)\s+(?P<n>" + _NUM + r"|several|few|couple\s+of|few\s+of)\s+(?P<unit>" + _UNIT + r")\b"
                         + _NOT_OF_MONTH, re.IGNORECASE)),
    ("rel", re.compile(r"\b(?P<rel>yesterday|today|tonight|overnight|last\s+night|this\s+morning|earlier\s+today|"
                       r"now|currently|at\s+present)\b", re.IGNORECASE)),
    # a span of years: "from 2014 to 2016", "between 2014 and 2016", "in 2014-2016", "2014–16"
    (
        "years",
        re.compile(
            r"\b(?:(?:from|between)\s+(?P<y1>(?:19|20)\d\d)\s+(?:to|and|until|till|through)\s+(?P<y2>(?:19|20)\d\d)"
            r"|(?P<y3>(?:19|20)\d\d)\s*[-–]\s*(?P<y4>(?:19|20)?\d\d))\b(?![-–.,]?\d)",
            re.IGNORECASE,
        ),
    ),
    # a year under a preposition: "in 2016", "during 2016", "since 2014", "by 2030", "in the year 2016"
    (
        "year",
        re.compile(
            r"\b(?P<prep>since|by|until|till|through|in|during|throughout|for)\s+(?:the\s+(?:whole\s+|entire\s+)?"
            r"(?:year\s+)?|all\s+of\s+)?(?P<y>(?:19|20)\d\d)\b(?![-–.,]?\d|\s*(?:%|per\s*cent|percent))",
            re.IGNORECASE,
        ),
    ),
    # a past era: "during WWII", "by the close of WW1", "in the late 1980s"
    (
        "era",
        re.compile(
            r"(?:\b(?P<prep>since|during|in|throughout|after|before|until|till|by|through)\s+)?"
            r"(?:the\s+)?(?:(?P<part>end|close|start|beginning|outbreak)\s+of\s+(?:the\s+)?)?"
            r"(?:\b(?P<ordinal>first|second)\s+world\s+war|\bworld\s+war\s+(?P<roman>ii|i|two|one|2|1)\b"
            r"|\bww(?P<short>ii|i|2|1)\b|\bgreat\s+war"
            r"|\b(?:(?P<dpart>early|mid|late)[\s-]+)?(?P<decade>(?:1[89]|20)\d0)['’]?s\b)",
            re.IGNORECASE,
        ),
    ),
]

#: the world wars, first and last day (an era of the past: :func:`_era`)
_WARS = {1: (dt.date(1914, 7, 28), dt.date(1918, 11, 11)), 2: (dt.date(1939, 9, 1), dt.date(1945, 9, 2))}
#: before an era in its clause, a comparison the era is the measure of, not the time of the claim:
#: "the largest exodus since ...", "more than in ...", "not seen since ...", "the first time since ..."
_ERA_MEASURE = re.compile(
    r"\b(?:since|seen|largest|biggest|worst|deadliest|most|first\s+time)\b[^;!?]{0,60}$", re.IGNORECASE
)
#: a comparison with "than" (not the "more than" of a figure) before an era: "five times more than the rise
#: households saw during the 1970s" dates the rise it is set against, not the figure
_ERA_THAN = re.compile(
    r"\bthan\s+(?![\d$£€]|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|half|twice)\b)"
    r"[^;!?]{0,60}$",
    re.IGNORECASE,
)
#: an era that names whom or what a present fact is about, not its time: "veterans of World War II",
#: "an anniversary of the Great War's end", "a museum of the 1980s"
_ERA_OF = re.compile(
    r"\b(?:veterans?|survivors?|heroes|generation|memorial|anniversary|museum|monument|legacy|lessons?|history|"
    r"memories|memory|remembrance)\s+of\s+(?:the\s+)?(?:(?:end|close|start|beginning|outbreak)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)

#: where a sentence's clause ends; "..., up from 42 million last year" and "..., compared with 300 a year
#: earlier" set a figure of another time against the first
_CLAUSE_BREAK = re.compile(
    r";|\s[–—]\s|,\s+(?:while|but|whereas)\s|,\s+(?:up|down)\s+from\s|,?\s+(?:compared|as\s+against)\s+(?:with|to)?\s*",
    re.IGNORECASE,
)


#: what, before a date in the same clause, makes it the start of a counting period
#: rather than the claim's time: "since the invasion on 24 February", "from the
#: start of the war on ...", "in the invasion that began on ...", a clause opening "From"
_STARTS_PERIOD = re.compile(
    r"(?:\bsince\b|(?:^|[,(]\s*)from\b|\bfrom\s+the\s+(?:start|beginning|outbreak|onset)\s+of\b"
    r"|\b(?:that|which)\s+(?:began|started)\b)[^;!?]{0,80}$",
    re.IGNORECASE,
)


def _inside_since(m: re.Match[str]) -> bool:
    """Whether the date matched by ``m`` sits in a "since ..." clause of its sentence."""
    head = m.string[max(0, m.start() - 120) : m.start()]
    brk = list(_CLAUSE_BREAK.finditer(head))
    if brk:
        head = head[brk[-1].end() :]
    return bool(_STARTS_PERIOD.search(head.rstrip()))


#: what, before a date in the same clause, makes it a moment the claim comes after: "captured after the
#: fall of the town in late May", "following the vote on Sunday" (the claim holds from then on)
_AFTER_MOMENT = re.compile(r"\b(?:after|following|since\s+then)\b[^;!?,]{0,60}$", re.IGNORECASE)


def _inside_after(m: re.Match[str]) -> bool:
    """Whether the date matched by ``m`` names a moment its clause says the claim came after."""
    head = m.string[max(0, m.start() - 80) : m.start()]
    return bool(_AFTER_MOMENT.search(head.rstrip()))


#: what, right before a date, makes it the day an invasion began: "Russia's invasion of Varnia on Feb. 24",
#: "invaded Varnia on 24 February", "its invasion Feb. 24" (not "the offensive on 3 May": a day's events)
_WAR_BEGAN_BEFORE = re.compile(
    r"\b(?:invasion|invaded|invading|invade)"
    r"(?:\s+(?:of|against|on|in))?(?:\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s*$"
)
#: ... or right after it: "the Feb. 24 invasion", "the 24 February full-scale invasion of Varnia"
_WAR_BEGAN_AFTER = re.compile(r"\s*(?:full-scale\s+|large-scale\s+)?invasion\b", re.IGNORECASE)


def _war_began(m: re.Match[str]) -> bool:
    """Whether the date matched by ``m`` is named as the day an invasion began: the start of what a
    count of it runs over ("the invasion on 24 February, which has killed 5,400"), never the day it is told."""
    head = m.string[max(0, m.start() - 60) : m.start()]
    return bool(_WAR_BEGAN_BEFORE.search(head)) or bool(_WAR_BEGAN_AFTER.match(m.string, m.end()))


def _month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _last_on_or_before(base: dt.date, weekday: int) -> dt.date:
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


#: prepositions that put a month ahead of the reference day when it is the next month: "for", "by", "until"
_AHEAD_PREPS = frozenset({"by", "until", "till"})
_AHEAD_BEFORE = re.compile(r"\b(?:for|before|next)\s*$", re.IGNORECASE)


#: a month under "by", "until", "for" or "before" at most this many months after the reference day's (in
#: its year) is a month to come
AHEAD_MONTHS = 6
#: "this time last year", "last year at the same time": the reference day a year back, give or take this
SAME_TIME_DAYS = 7
_SAME_TIME_BEFORE = re.compile(r"\b(?:this|the\s+same)\s+time\s+$", re.IGNORECASE)
_SAME_TIME_AFTER = re.compile(r"\s*,?\s*(?:at\s+)?(?:this|the\s+same)\s+time\b", re.IGNORECASE)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


#: a day written without its year that falls this many days or fewer after the reference day is a day to
#: come ("referendums for 23-27 September" in an article of the 20th), not that day a year back
AHEAD_DAYS = 62


def _year_for(month: int, day: int, base: dt.date | None) -> int | None:
    """The year of a date written without one: the latest not after the reference day."""
    if base is None:
        return None
    year = base.year
    try:
        if dt.date(year, month, min(day, calendar.monthrange(year, month)[1])) > base:
            year -= 1
    except ValueError:
        return None
    return year


def _coming(month: int, day: int, base: dt.date | None) -> bool:
    """True when a day written without its year lies within :data:`AHEAD_DAYS` after the reference day."""
    if base is None:
        return False
    for year in (base.year, base.year + 1):
        try:
            ahead = (dt.date(year, month, day) - base).days
        except ValueError:
            continue
        if 0 < ahead <= AHEAD_DAYS:
            return True
    return False


def _count(word: str) -> int | None:
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    if w in ("several", "a few", "few"):
        return None
    if w == "a couple of":
        return 2
    return _NUMBER_WORDS.get(w)


def _delta(n: int, unit: str) -> relativedelta:
    unit = unit.lower().rstrip("s")
    return relativedelta(**{unit + "s": n})  # type: ignore[arg-type]


def _with_prep(prep: str, day_start: dt.date, day_end: dt.date, base: dt.date | None, basis: str) -> AsOf:
    """A dated expression under its preposition: "since X" counts up to the reference day."""
    p = " ".join(prep.lower().split())
    if p in ("since", "from"):
        return AsOf(base, base, basis, since=day_start) if base else AsOf(day_start, None, basis, since=day_start)
    if p in ("by", "to", "until", "till", "through", "as of"):
        return AsOf(day_end, day_end, basis)
    if p == "after" and base is not None and base >= day_start:
        # "captured after the fall of the town in late May" (an article of July): some day from then on
        return AsOf(day_start, base, basis)
    return AsOf(day_start, day_end, basis)


def _era(m: re.Match[str], g: dict[str, Any], base: dt.date | None, basis: str) -> AsOf | None:
    """A world war or a decade as an as-of span; a part of it ("the end of", "the early 1990s") narrows it.
    "After World War II" counts from its end up to the reference day.  An era a comparison measures by
    ("the worst attack since World War II", "more than in the 1990s") dates nothing, and neither does one
    the reference day falls in ("in the 2020s")."""
    prep = (g.get("prep") or "").lower()
    head = m.string[max(0, m.start() - 80) : m.start() + len(m.group(0)) - len(m.group(0).lstrip())]
    brk = list(_CLAUSE_BREAK.finditer(head))
    if brk:
        head = head[brk[-1].end() :]
    if prep in ("before", "since") or _ERA_THAN.search(head) is not None or (
        _ERA_MEASURE.search(head) is not None and prep not in ("during", "throughout")
    ):
        return None
    if not prep and _ERA_OF.search(m.string, max(0, m.start() - 60), m.start() + len(m.group(0)) - len(m.group(0).lstrip())):
        return None
    decade = g.get("decade")
    if decade:
        year = int(decade)
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get((g.get("dpart") or "").lower(), (0, 9))
        first, last = dt.date(year + lo, 1, 1), dt.date(year + hi, 12, 31)
    else:
        which = (g.get("ordinal") or g.get("roman") or g.get("short") or "first").lower()
        first, last = _WARS[2 if which in ("second", "ii", "two", "2") else 1]
    if base is not None and last >= base:
        return None
    part = (g.get("part") or "").lower()
    if part in ("end", "close"):
        first = last - dt.timedelta(days=180)
    elif part:
        last = first + dt.timedelta(days=180)
    if prep == "after" or _inside_since(m):
        return AsOf(last, base, basis) if base is not None else AsOf(last, None, basis)
    return _with_prep(prep if prep in ("by", "until", "till", "through") else "", first, last, base, basis)


#: "since late March, when it said ...", "since March, when the toll stood at 1,351": a report or a
#: count dated by the "since" clause that names it
_WHEN_REPORTED = re.compile(
    r"\s*,?\s*when\s+(?:[\w'’.-]+\s+){1,6}?(?:said|reported|announced|put|gave|published|claimed|released|"
    r"disclosed|revealed|acknowledged|admitted|confirmed|stood|numbered|totall?ed)\b",
    re.IGNORECASE,
)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


_NOT_DIGIT_RE = re.compile(r"\D")


def _resolve(kind: str, m: re.Match[str], base: dt.date | None) -> AsOf | None:
    g = m.groupdict()
    basis = " ".join(m.group(0).split())
    prep = g.get("prep") or ""
    if prep.lower() == "since" and _WHEN_REPORTED.match(m.string, m.end()):
        # "has not updated its figure since late March, when it said 1,351 had been killed": the
        # figure is of that time, not counted since it
        prep = ""
    if kind in ("abs", "month", "weekday", "ago") and prep.lower() in ("", "on", "in"):
        if _inside_since(m) or (kind == "abs" and _war_began(m)):
            # "since the invasion began a month ago": the count runs from then to the reference day
            # (and so does one told beside the day the war began: "the invasion on 24 February")
            prep = "since"
        elif _inside_after(m):
            prep = "after"
    if kind == "abs":
        if g.get("iso"):
            try:
                day = dt.date.fromisoformat(g["iso"])
            except ValueError:
                return None
        else:
            mon = _month_number(g.get("m1") or g.get("m2") or "")
            d = int(_NOT_DIGIT_RE.sub("", g.get("d1") or g.get("d2") or "0"))
            ytext = g.get("y1") or g.get("y2")
            if not ytext and _coming(mon, d, base):
                # a day to come: a claim does not hold as of it, and a year back is not what the text means
                return None
            year = int(ytext) if ytext else _year_for(mon, d, base)
            if year is None:
                if " ".join(prep.lower().split()) in ("by", "to", "until", "till", "through", "as of"):
                    # the end day without a year: keep it, leave the interval open
                    day_text = " ".join((g.get("d1") or g.get("d2") or "", g.get("m1") or g.get("m2") or ""))
                    if g.get("m2"):
                        day_text = f"{g['m2']} {g['d2']}"
                    return AsOf(None, None, basis, open_end=day_text.strip())
                return None
            try:
                day = dt.date(year, mon, d)
            except ValueError:
                return None
        return _with_prep(prep, day, day, base, basis)
    if kind == "month":
        mon = _month_number(g["mon"])
        if g["mon"].lower().rstrip(".") == "may" and not (prep or g.get("part") or g.get("my")):
            return None  # the verb "may"
        if (not g.get("my") and base is not None
                and (mon == base.month % 12 + 1 or 0 < mon - base.month <= AHEAD_MONTHS)
                and (prep.lower() in _AHEAD_PREPS or _AHEAD_BEFORE.search(m.string, max(0, m.start() - 9), m.start()))):
            # "shipments for November", "by November" in an article of 31 October, "before the end of July"
            # in one of May: the coming month, not one a year back, and a claim does not hold yet in a month
            # to come ("in January" in a December review of the year is the January past; "by March, a
            # million had fled" in a May article is the March past)
            return None
        year = int(g["my"]) if g.get("my") else _year_for(mon, 1, base)
        if year is None:
            return None
        first, last = _month_span(year, mon)
        part = " ".join((g.get("part") or "").lower().split())
        if "half" in part:
            first, last = (first, dt.date(year, mon, 15)) if "first" in part else (dt.date(year, mon, 16), last)
        elif part == "early" or any(w in part for w in ("beginning", "start", "first", "opening")):
            last = dt.date(year, mon, 10)
        elif part == "mid" or "second" in part:
            first, last = dt.date(year, mon, 8 if "second" in part else 11), dt.date(year, mon, 20)
        elif part == "late" or any(w in part for w in ("end", "last", "final", "closing")):
            first = dt.date(year, mon, 21)
        if base is not None and first > base and not g.get("my"):
            return None
        if base is not None and first <= base < last:
            last = base
        return _with_prep(prep, first, last, base, basis)
    if kind == "years":
        first_year = int(g.get("y1") or g.get("y3") or 0)
        last_text = g.get("y2") or g.get("y4") or ""
        last_year = int(last_text) if len(last_text) == 4 else first_year // 100 * 100 + int(last_text)
        if not first_year <= last_year <= first_year + 50:
            return None  # "1990-80", a score or a code, not a span of years
        return AsOf(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31), basis)
    if kind == "year":
        year = int(g["y"])
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        p = prep.lower()
        if p in ("in", "during", "throughout", "for") and base is not None and first <= base < last:
            last = base  # "in 2022" written in 2022: so far this year
        return _with_prep(p if p in ("since", "by", "until", "till", "through") else "", first, last, base, basis)
    if kind == "era":
        return _era(m, g, base, basis)
    if base is None:
        return None
    if kind == "weekday":
        day = _last_on_or_before(base, _WEEKDAYS.index(g["wd"].lower().rstrip("s")))
        return _with_prep(prep, day, day, base, basis)
    if kind == "rel":
        rel = " ".join(g["rel"].lower().split())
        if rel == "yesterday":
            day = base - dt.timedelta(days=1)
            return AsOf(day, day, basis)
        if rel in ("overnight", "last night", "tonight"):
            return AsOf(base - dt.timedelta(days=1), base, basis)
        return AsOf(base, base, basis)
    if kind == "ago":
        n = _count(g["n"])
        if n is None:
            return AsOf(None, base - _delta(2, g["unit"]), basis)
        day = base - _delta(n, g["unit"])
        return _with_prep(prep, day, day, base, basis)
    if kind == "last":
        which = " ".join(g["which"].lower().split())
        unit = g["unit"].lower()
        if unit == "weekend":
            sat = _last_on_or_before(base - dt.timedelta(days=1 if which in ("last", "past", "previous") else 0), 5)
            return AsOf(sat, min(sat + dt.timedelta(days=1), base), basis)
        if which == "next":
            # a forecast or a plan ("the mill will ship 40,000 crates next year"): the period to come
            if unit == "week":
                monday = base + dt.timedelta(days=7 - base.weekday())
                return AsOf(monday, monday + dt.timedelta(days=6), basis)
            if unit == "month":
                nxt = base + relativedelta(months=1)
                return AsOf(*_month_span(nxt.year, nxt.month), basis)
            if unit == "year":
                return AsOf(dt.date(base.year + 1, 1, 1), dt.date(base.year + 1, 12, 31), basis)
            sat = base + dt.timedelta(days=(5 - base.weekday()) % 7 or 7)
            return AsOf(sat, sat + dt.timedelta(days=1), basis)
        if which in ("this", "earlier this", "later this"):
            if unit == "week":
                return AsOf(base - dt.timedelta(days=base.weekday()), base, basis)
            if unit == "month":
                return AsOf(base.replace(day=1), base, basis)
            return AsOf(dt.date(base.year, 1, 1), base, basis)
        if which == "past" or (which in ("last", "previous") and _THE_BEFORE.search(m.string, max(0, m.start() - 5),
                                                                                    m.start())
                               and not _OF_AFTER.match(m.string, m.end())):
            # "over the last year", "in the previous month": the span that ends on the reference day, not the
            # calendar year or month before it ("last year"); "the last week of March" is a week of March
            return AsOf(base - _delta(1, unit), base, basis)
        if unit == "week":
            monday = base - dt.timedelta(days=base.weekday() + 7)
            return AsOf(monday, monday + dt.timedelta(days=6), basis)
        if unit == "month":
            prev = base - relativedelta(months=1)
            first, last = _month_span(prev.year, prev.month)
            return AsOf(first, last, basis)
        if unit == "year" and (_SAME_TIME_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
                               or _SAME_TIME_AFTER.match(m.string, m.end())):
            # "at this time last year", "last year at the same time": the same days a year back
            day = base - relativedelta(years=1)
            return AsOf(day - dt.timedelta(days=SAME_TIME_DAYS), day + dt.timedelta(days=SAME_TIME_DAYS), basis)
        return AsOf(dt.date(base.year - 1, 1, 1), dt.date(base.year - 1, 12, 31), basis)
    if kind == "first":
        if g["which"].lower() != "first" and base is not None:
            # "over the past two weeks": counted over the span that ends on the reference day
            n = _count(g["n"])
            return AsOf(base, base, basis, since=base - _delta(n, g["unit"]) if n else None)
        # "in the first five days" of something the sentence names: the count holds
        # as of some day the text does not fix, at the latest the reference day
        return AsOf(None, base, basis)
    return None


#: what each kind of expression needs somewhere in the text (a cheap test before the full pattern)
_NEEDS = {
    "abs": re.compile(_MONTH[3:-4] + r"|\d{4}-\d{2}", re.IGNORECASE),
    "month": re.compile(_MONTH[3:-4], re.IGNORECASE),
    "weekday": re.compile(r"day\b|days\b", re.IGNORECASE),
    "ago": re.compile(r"\b(?:ago|earlier|before|previously|prior)\b", re.IGNORECASE),
    "last": re.compile(r"\b(?:last|past|previous|this|next)\s", re.IGNORECASE),
    "first": re.compile(r"\bthe\s+(?:first|past|last|previous)\s", re.IGNORECASE),
    "rel": re.compile(r"yesterday|today|tonight|overnight|last\s+night|this\s+morning|now|currently|at\s+present",
                      re.IGNORECASE),
    "years": re.compile(r"(?:19|20)\d\d\s*[-–]|\b(?:from|between)\s+(?:19|20)\d\d", re.IGNORECASE),
    "year": re.compile(r"(?:19|20)\d\d\b"),
    "era": re.compile(r"world\s+war|\bww(?:ii|i|2|1)\b|great\s+war|\d0['’]?s\b", re.IGNORECASE),
}


#: words whose lower-case form a kind's need cannot match without (a month name begins with one of
#: these); a substring test is ten times cheaper than the case-insensitive alternation
_NEED_WORDS = {
    "abs": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "month": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "rel": ("yesterday", "today", "tonight", "overnight", "night", "morning", "now", "current", "present"),
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "ago": ("ago", "earlier", "before", "previously", "prior"),
    "last": ("last", "past", "previous", "this", "next"),
    "first": ("first", "past", "last", "previous"),
    "years": ("19", "20"),
    "year": ("19", "20"),
    "era": ("war", "ww", "0s", "0's", "0’s"),
}
#: a month name as a whole word, in lower case: both month kinds match only such a word (the name is
#: preceded by a word start and followed by a non-letter in each of their branches)
_MONTH_WORD = re.compile(r"\b(?:" + _MONTH[3:-4].lower() + r")\b")
_DIGIT = re.compile(r"\d")
_ISO_NEED = re.compile(r"\d{4}-\d{2}")


def _needed(kind: str, text: str, low: str, odd: bool | None = None, months: list[int] | None = None) -> bool:
    """Whether ``text`` may hold an expression of ``kind`` (``low`` is ``text.lower()``): never a false no.

    First a substring test of the words the kind cannot match without, then (most texts that pass
    hold none of its expressions) the kind's own cheap pattern; a whole date ("abs") also needs a digit.
    ``odd``: whether ``text`` holds a letter of :data:`desk.compare.tokens.CASE_ODD` (worked out here when None);
    ``months``: a one-item list remembering where :data:`_MONTH_WORD` first matches ``low`` (-1: nowhere),
    for both month kinds and :func:`_near_months`."""
    if odd is None:
        odd = case_odd(text)
    if odd:
        return _NEEDS[kind].search(text) is not None
    month_kind = kind == "abs" or kind == "month"
    if month_kind and months:  # the other month kind looked already
        found = months[0] >= 0
        if kind == "month":
            return found
        return _DIGIT.search(text) is not None and (found or _ISO_NEED.search(text) is not None)
    for w in _NEED_WORDS[kind]:
        if w in low:
            break
    else:
        if month_kind and months is not None:
            months.append(-1)  # no month's letters at all
        return kind == "abs" and _ISO_NEED.search(text) is not None
    if month_kind:
        first = _MONTH_WORD.search(low)
        if months is not None:
            months.append(first.start() if first is not None else -1)
        found = first is not None
        if kind == "month":
            return found
        return _DIGIT.search(text) is not None and (found or _ISO_NEED.search(text) is not None)
    if kind == "weekday":
        return True  # the pattern itself is as cheap as its need once a weekday's name is there
    return _NEEDS[kind].search(text) is not None


#: runs of letters (and of digits, for a whole date) a month expression may hold before its month's
#: name: the words of a preposition ("as of"), a part ("the beginning of", "in the opening two weeks of") or a
#: day ("24th of")
_BEFORE_MONTH = {"month": 7, "abs": 6}


def _scan_start(text: str, at: int, runs: int, digits: bool) -> int:
    """How far back from a month's name starting at ``at`` a match holding that name may start: across
    blanks and hyphens and at most ``runs`` runs of ASCII letters (and digits when ``digits``); any other
    character ends what may come before a name."""
    i = at
    seen = 0
    while i > 0:
        c = text[i - 1]
        if c == "-" or c.isspace():
            i -= 1
        elif c.isascii() and (c.isalpha() or (digits and c.isdigit())):
            if seen == runs:
                break
            seen += 1
            while i > 0 and text[i - 1].isascii() and (text[i - 1].isalpha() or (digits and text[i - 1].isdigit())):
                i -= 1
        else:
            break
    return i


def _near_months(kind: str, pattern: re.Pattern[str], text: str, low: str, first: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for the two month kinds, read only around the month names.

    Every match of theirs holds a whole month name (``first``: where the first starts in ``low``, the
    lower case of a text without a letter of :data:`desk.compare.tokens.CASE_ODD`, so with the text's
    offsets), after at most a preposition, a part and a day.  So no match starts before
    :func:`_scan_start` of the next name, and a search from there finds the match a scan of the whole
    text finds next (``search(text, pos)`` still sees the letters before ``pos`` for its word
    boundaries; the matches are never empty).  The month patterns are the costliest of all, and most
    texts name a month once, late."""
    runs = _BEFORE_MONTH[kind]
    digits = kind == "abs"
    pos = 0
    at = first
    while at >= 0:
        m = pattern.search(text, max(pos, _scan_start(text, at, runs, digits)))
        if m is None:
            return
        yield m
        pos = m.end()
        nxt = _MONTH_WORD.search(low, pos)
        at = nxt.start() if nxt is not None else -1


#: kinds of expression that date a claim but not the passage around it (:func:`resolve_as_of` ``years``)
_CLAIM_ONLY = frozenset({"years", "year", "era"})


#: the kinds a passage's own days are read from (:func:`resolve_as_of` ``years=False``): every kind but
#: :data:`_CLAIM_ONLY`, which come last
_PASSAGE_PATTERNS = [(k, p) for k, p in _PATTERNS if k not in _CLAIM_ONLY]
_CLAIM_ONLY_PATTERNS = [(k, p) for k, p in _PATTERNS if k in _CLAIM_ONLY]
assert _PATTERNS == _PASSAGE_PATTERNS + _CLAIM_ONLY_PATTERNS


#: expressions counted from a reference day, which a sentence opening on a date sets: in "On July 4, the
#: minister said that over the previous two weeks 2,000 had died" the two weeks end on July 4, not on
#: the day of the article that retells it
_FRAMED = frozenset({"weekday", "ago", "last", "first", "rel"})
#: what may stand before a sentence's opening date: white space, quotation marks, dashes, brackets
_OPENING = " \t\n\"'“‘«([—–-"


def _candidates(text: str, base: dt.date | None, years: bool = True) -> list[tuple[int, int, AsOf]]:
    if years:
        # the kinds are read in order, and the years come last: what the others found is the text's
        # candidates without years, remembered when the text was a passage (its days, for grouping)
        found = list(_candidates_cached(text, base, False))
        taken = [(s, e) for s, e, _ in found]
        patterns = _CLAIM_ONLY_PATTERNS
    else:
        found, taken, patterns = [], [], _PASSAGE_PATTERNS
    low = text.lower()
    odd = case_odd(text)
    months: list[int] = []
    frame: tuple[int, dt.date] | None = None  # (where it ends, its day): see _FRAMED
    for kind, pattern in patterns:
        if not _needed(kind, text, low, odd, months):
            continue
        if odd or (kind != "month" and (kind != "abs" or _ISO_NEED.search(text) is not None)):
            matches: Iterable[re.Match[str]] = pattern.finditer(text)
        else:
            if not months:
                first = _MONTH_WORD.search(low)
                months.append(first.start() if first is not None else -1)
            matches = _near_months(kind, pattern, text, low, months[0])
        for m in matches:
            s, e = m.span()
            # skip the optional leading blank of an empty preposition group
            while s < e and text[s].isspace():
                s += 1
            if any(s < b and a < e for a, b in taken):
                continue
            day = frame[1] if frame is not None and kind in _FRAMED and s >= frame[0] else base
            try:
                asof = _resolve(kind, m, day)
            except (KeyError, ValueError):  # a letter the case-blind pattern took for ASCII ("ſeptember")
                continue
            if asof is None:
                continue
            taken.append((s, e))
            found.append((s, e, asof))
            if (kind == "abs" and frame is None and not text[:s].strip(_OPENING) and asof.start == asof.end
                    and asof.start is not None and (m.group("prep") or "on").lower() == "on"):
                frame = (e, asof.start)
    found.sort()
    return found


@lru_cache(maxsize=16384)
def _candidates_cached(text: str, base: dt.date | None, years: bool = True) -> tuple[tuple[int, int, AsOf], ...]:
    """:func:`_candidates`, remembered: a sentence is resolved for its unit and again for each claim in it,
    and again by every later comparison that shows it (the values are frozen)."""
    return tuple(_candidates(text, base, years))


def dateline_date(text: str, article_date: dt.date | None) -> dt.date | None:
    """The day of a dateline at the start of ``text`` ("KYIV, March 3 (Reuters) -"), or None; a day written
    without its year is the latest such day not after ``article_date``."""
    d = find_dateline(text)
    return d.date(article_date) if d is not None else None


#: "... weeks after troops shot down four helicopters": the figure stands in a clause that tells of an event
#: that span before the main one (the phrase follows words of the main clause: "Weeks after the fall, 40 ..."
#: dates its figure by the main clause)
_SPAN_AFTER_RE = re.compile(
    rf"(?<=\w\s)(?:(?P<n>{_NUM}|several|a\s+few|few|a\s+couple\s+of)\s+)?"
    r"(?P<unit>days?|weeks?|months?)\s+(?:after|since)\s+",
    re.IGNORECASE,
)
#: the distance in time of a span without a number, or with a vague one ("weeks after", "a few days after")
_VAGUE_SPAN = 2
_UNIT_SPAN_DAYS = {"day": 1, "week": 7, "month": 30}
#: words before the span that make it a time or a duration, not a distance in time
_SPAN_NOT_AFTER = frozenset({"last", "next", "this", "past", "previous", "coming", "recent", "for", "over"})


#: what ends a clause between a span "after" and a figure
_CLAUSE_CUT_RE = re.compile(r"[,;:.!?]|\s[–—]\s")


def _told_as_earlier(text: str, at: int, base: dt.date) -> tuple[int, AsOf] | None:
    """The as-of time of a figure at ``at`` that stands in a clause "N weeks after ..." of ``text``: the
    event it counts came that span before ``base`` (the figure's time ends half that span before it, with
    an open start).  None when the figure stands in no such clause (a comma, a clause break or a sentence end
    between them ends the clause)."""
    lo = max(0, at - 160)
    if "after" not in text and "since" not in text:
        return None  # most sentences: no search
    last = None
    for m in _SPAN_AFTER_RE.finditer(text, lo, at):
        before = text[max(0, m.start() - 12) : m.start()].split()
        if before and before[-1].lower() in _SPAN_NOT_AFTER:
            continue  # "last month after", "for the previous year after": a time or a duration, no distance
        last = m
    if last is None or _CLAUSE_CUT_RE.search(text[last.end() : at]):
        return None
    n = _count(last.group("n")) if last.group("n") else None
    days = (n if n is not None else _VAGUE_SPAN) * _UNIT_SPAN_DAYS[last.group("unit").lower().rstrip("s")]
    if days <= 0:
        return None
    end = base - dt.timedelta(days=max(1, days // 2))
    return last.start(), AsOf(None, end, last.group(0).strip())


#: a bracketed aside: "(March 3)", "[in 2019]"
_BRACKET_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: what parts a figure from an aside in brackets: a clause of its own (a comma, a semicolon, a dash)
_ASIDE_BREAK_RE = re.compile(r"[,;]|\s[–—-]\s")


def _without_asides(
    text: str, found: tuple[tuple[int, int, AsOf], ...], at: int
) -> tuple[tuple[int, int, AsOf], ...]:
    """``found`` without the time expressions in brackets that date another clause than the figure's at ``at``:
    "eight guards were killed, if the recent (3 March) raid is set aside" -- the bracket dates the raid.  A
    bracket in the figure's own clause ("eight were killed in the raid (3 March)") still dates it."""
    if "(" not in text and "[" not in text:
        return found
    asides = []
    for m in _BRACKET_RE.finditer(text):
        if m.start() <= at < m.end():
            continue
        between = text[at : m.start()] if m.start() > at else text[m.end() : at]
        if _ASIDE_BREAK_RE.search(between):
            asides.append((m.start(), m.end()))
    if not asides:
        return found
    return tuple(f for f in found if not any(lo <= f[0] and f[1] <= hi for lo, hi in asides))


def resolve_as_of(
    text: str,
    article_date: dt.date | None,
    *,
    dateline: dt.date | None = None,
    at: int | None = None,
    years: bool = True,
) -> AsOf:
    """The as-of time of the claim in ``text`` (one sentence); see the module docstring.

    ``years=False`` leaves out bare years ("in 2016", "from 2014 to 2016"): they date a figure's
    claim, but a sentence about today often names a past year in passing ("still haunted by the
    disaster of 1986"), so the days a whole passage is about (grouping) do not follow them.
    """
    base = dateline or article_date
    found = _candidates_cached(text, base, years)
    if at is not None and base is not None:
        earlier = _told_as_earlier(text, at, base)
        if earlier is not None and not any(s >= earlier[0] for s, _, _ in found):  # a date of its own wins
            return earlier[1]
    if found and at is not None:
        found = _without_asides(text, found, at)
    if found:
        if at is None:
            return found[0][2]

        def distance(item: tuple[int, int, AsOf]) -> int:
            s, e, _ = item
            return 0 if s <= at < e else min(abs(at - s), abs(at - e))

        # an expression in the figure's own clause beats a nearer one across a clause break
        lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)), default=0)
        nxt = _CLAUSE_BREAK.search(text, at)
        hi = nxt.start() if nxt else len(text)
        own = [f for f in found if lo <= f[0] and f[1] <= hi]
        return min(own or found, key=distance)[2]
    if base is None:
        return AsOf(None, None, "")
    return AsOf(base, base, "dateline" if dateline else "article date")
