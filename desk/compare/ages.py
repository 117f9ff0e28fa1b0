"""The age a text gives a thing in its own history: "for the first time in its 40-year history".

An age is no figure of the claims table (the gold guide leaves durations out of figures), but two
outlets that give one plant, company or alliance a different age in one row tell the reader different
facts: "its 40-year history" against "its 30-year history" is a disagreement a fact-checker wants
flagged.  The ages of a row are read here from its passages' text and judged with its figures
(:func:`desk.compare.statements.describe_row`); they never join or split rows.

Only an age with an owner is read: "its", "their" or a possessive ("the bank's 120-year history"),
so that "a 30-year history of sanctions" (a span of events, not an age) is left alone.  An age holds
for its calendar year: two outlets' ages from articles months apart in one year still meet.
"""

from __future__ import annotations

import datetime as dt
import re

from desk.model import Figure

from .asof import AsOf
from .quantity import Quantity

#: number words of an age (the extraction rules' tables stay out of the compare path: they load slowly)
_UNITS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
UNITS_WORDS = {w: i for i, w in enumerate(_UNITS, 1)}
TENS_WORDS = {w: 10 * i for i, w in enumerate(_TENS, 2)}
#: years per unit of an age
_UNIT_YEARS = {"year": 1, "decade": 10, "century": 100}
_WORD = "|".join(sorted([*UNITS_WORDS, *TENS_WORDS], key=len, reverse=True))
#: "its 40-year history", "their four-decade history", "the bank's 120-year-long history", "its 75 year history"
AGE_RE = re.compile(
    r"\b(?:its|their|[A-Za-z][\w.-]*['’]s?)\s+"
    rf"(?P<n>\d{{1,4}}|(?:{_WORD})(?:[-\s](?:{_WORD}))?)[-\s](?P<unit>year|decade|century)"
    r"(?:[-\s]long)?\s+history\b",
    re.IGNORECASE,
)
#: the quantity every age is a value of (one thing's age: the row holds one event and its subject)
AGE = Quantity(kind="", thing="history", unit="year", written="years of its history")


def _value(number: str) -> float | None:
    if number.isdigit():
        return float(number)
    total = 0.0
    for word in re.split(r"[-\s]+", number.lower()):
        got = UNITS_WORDS.get(word, TENS_WORDS.get(word))
        if got is None:
            return None
        total += got
    return total


def ages_in(text: str, offset: int = 0) -> list[Figure]:
    """The ages ``text`` gives in a thing's own history, as figures of years (offsets plus ``offset``);
    the figure's text is the age as written ("four-decade")."""
    out: list[Figure] = []
    if "history" not in text and "History" not in text:
        return out  # most passages: no search at all
    for m in AGE_RE.finditer(text):
        value = _value(m.group("n"))
        if not value:
            continue
        years = value * _UNIT_YEARS[m.group("unit").lower()]
        start, end = m.start("n"), m.end("unit")
        out.append(Figure(offset + start, offset + end, text[start:end], years, counted=AGE.written))
    return out


def age_as_of(day: dt.date | None) -> AsOf:
    """When an age holds: the calendar year of the article (unknown for an undated one)."""
    if day is None:
        return AsOf(None, None)
    return AsOf(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "article year")
