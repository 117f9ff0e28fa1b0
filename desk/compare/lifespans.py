"""How old a thing is, as outlets write it in passing: "a first in its 35-year history".

API (Qt-free, pure; used by :func:`desk.compare.statements.describe_row`):

- :func:`lifespans_in` ``(text)`` -> list of :class:`Lifespan`: each "its/their/his/her N-year
  (or N-decade) history / existence / lifetime" of ``text``, with the years it admits (``low``,
  ``high``).  Durations are not figures (they are never extracted as claims), yet the age of the
  thing a row is about is one fixed detail: two outlets that give it as 40 and 30 years on one row
  cannot both be right.
- :func:`lifespan_clashes` ``(mentions)`` -> pairs of :class:`Told` (a lifespan with its outlet
  and date) from different outlets, for one noun ("history") and one owner (a thing: "its",
  "their"; a person: "his", "her"), whose years cannot both hold once the time between the two
  reports is allowed for (a thing told 30 years old in 2012 is 40 in 2022).

A bare "N-year" admits N within a tenth either way (at least half a year: "three-year" and
"four-year" may round one age); "N-decade" admits 10N to 10N+10; a hedge ("nearly", "some",
"about", "more than") widens the span by a tenth either way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Lifespan", "Told", "lifespan_clashes", "lifespans_in"]

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_NUMBER = r"\d{1,4}|" + "|".join(sorted(_WORDS, key=len, reverse=True))
#: the nouns of a thing's whole life so far (not "career" or "term": a part of a life, often of someone
#: else than the row's subject)
_NOUNS = ("history", "existence", "lifetime")
_LIFESPAN_RE = re.compile(
    r"\b(?P<owner>its|their|his|her)\s+"
    r"(?:(?P<hedge>nearly|almost|about|around|roughly|some|over|more\s+than|less\s+than)\s+)?"
    rf"(?P<n>{_NUMBER})(?:[-\s](?P<tens>{'|'.join(k for k, v in _WORDS.items() if v < 10)}))?"
    r"[-\s](?P<unit>year|decade|century)(?:s)?(?:[-\s]long)?\s+"
    rf"(?P<noun>{'|'.join(_NOUNS)})\b",
    re.IGNORECASE,
)
#: the owners that name one kind of thing: a thing or a body ("its", "their"), or a person
_OWNER_KIND = {"its": "thing", "their": "thing", "his": "person", "her": "person"}


@dataclass(frozen=True, slots=True)
class Lifespan:
    noun: str  # "history"
    owner: str  # "thing" or "person"
    low: float  # the fewest years the words admit
    high: float  # the most
    written: str  # "40-year history", as printed
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Told:
    """A lifespan as one outlet told it on one day."""

    lifespan: Lifespan
    outlet: str
    date: dt.date | None
    key: tuple[str, int] = ("", 0)  # the passage's article id and the lifespan's start in the article


def _value(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _WORDS.get(w)


def lifespans_in(text: str) -> list[Lifespan]:
    """The lifespans ("its 40-year history", "their four-decade existence") written in ``text``."""
    out: list[Lifespan] = []
    for m in _LIFESPAN_RE.finditer(text):
        n = _value(m.group("n"))
        if n is None or n <= 0:
            continue
        if m.group("tens"):
            if n < 20 or n % 10:
                continue  # "five-three-year": not a number
            n += _WORDS[m.group("tens").lower()]
        unit = m.group("unit").lower()
        if unit == "decade":
            low, high = 10.0 * n * 0.9, 10.0 * n + 10
        elif unit == "century":
            low, high = 100.0 * n * 0.9, 100.0 * n + 100
        else:
            slack = max(0.5, 0.1 * n)
            low, high = n - slack, n + slack
        if m.group("hedge"):
            low, high = 0.9 * low, 1.1 * high
        out.append(Lifespan(m.group("noun").lower(), _OWNER_KIND[m.group("owner").lower()], low, high,
                            text[m.start("hedge") if m.group("hedge") else m.start("n"):m.end()], m.start(), m.end()))
    return out


def _years_between(a: dt.date | None, b: dt.date | None) -> float:
    if a is None or b is None:
        return 0.0
    return abs((a - b).days) / 365.25


def lifespan_clashes(mentions: list[Told]) -> list[tuple[Told, Told]]:
    """Pairs of lifespans of one noun and owner from different outlets that cannot both hold, the years
    between the two reports allowed for either way (a thing grows older between two reports)."""
    clashes: list[tuple[Told, Told]] = []
    for i, a in enumerate(mentions):
        for b in mentions[i + 1:]:
            x, y = a.lifespan, b.lifespan
            if a.outlet == b.outlet or x.noun != y.noun or x.owner != y.owner:
                continue
            gap = _years_between(a.date, b.date)
            if x.low > y.high + gap or y.low > x.high + gap:
                clashes.append((a, b))
    return clashes
