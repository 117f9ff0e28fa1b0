"""News datelines: the place, the day and the credit that open a report.

A dateline opens the first paragraph of much agency and newspaper copy::

    KYIV, Ukraine (AP) — ...
    HARBOURTON, May 3 (Wire) - ...
    LONDON, 3 May 2023 (Quay Times) - ...
    Port Alder, May 3, 2023 (Quay Times) — ...

It reads: a place (in capitals, or in ordinary case when a day or a credit follows, so that an ordinary
sentence is never taken for one), an optional region or country, an optional day (month and day, or day and
month, with or without the year), an optional credit in brackets, and a dash.

This is desk's one grammar of a dateline: the outlet's signature (:mod:`desk.corpus.outlets`) reads its credit,
the reader (:mod:`desk.corpus.reader`) its day when a file carries no date of its own, and
:func:`desk.compare.asof.dateline_date` its day (a claim's as-of time still starts from the article's date).  (The parser's own split of
a dateline from its sentence, ``desk.extract.claimants._dateline_apart``, still has a pattern of its own.)
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

_MONTH_NUMBERS: dict[str, int] = {}
for _n in range(1, 13):
    _MONTH_NUMBERS[calendar.month_name[_n].lower()] = _n
    _MONTH_NUMBERS[calendar.month_abbr[_n].lower()] = _n
_MONTH_NUMBERS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted((m.capitalize() for m in _MONTH_NUMBERS), key=len, reverse=True)) + r")\.?"

#: a place in capitals: "KYIV", "PORT ALDER", "ST. KILDA", "WASHINGTON D.C."
_PLACE_CAPS = r"[A-Z][A-Z'’.\-]+(?:[ \t][A-Z][A-Z'’.\-]*){0,3}"
#: ... or in ordinary case, up to four capitalised words ("Port Alder", "Rio de Janeiro")
_PLACE_CASED = r"[A-Z][a-z'’.\-]+(?:[ \t](?:de|del|do|da|on|upon|am|an|la|le)?[ \t]?[A-Z][A-Za-z'’.\-]*){0,3}"
#: a region or a country after the place: words without digits ("Ukraine", "England", "N.Y.")
_REGION = r"[A-Z][A-Za-z.'’\-]*(?:[ \t][A-Za-z][A-Za-z.'’\-]*){0,3}"
_DAY = (
    rf"(?:(?P<m1>{_MONTH})[ \t]+(?P<d1>\d{{1,2}})(?:,?[ \t]+(?P<y1>(?:19|20)\d{{2}}))?"
    rf"|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{_MONTH})(?:,?[ \t]+(?P<y2>(?:19|20)\d{{2}}))?)"
)
_DATELINE = re.compile(
    rf"[ \t]*(?:(?P<caps>{_PLACE_CAPS})|(?P<cased>{_PLACE_CASED}))"
    rf"(?:,[ \t]*(?P<region>{_REGION}))??"
    rf"(?:,?[ \t]*{_DAY})?"
    r"[ \t]*(?:\((?P<credit>[^()\n]{1,40})\)[ \t]*)?"
    r"(?:[-–—]{1,2})[ \t]+(?=\S)"
)
#: words of a bracket after a place that are no outlet's name ("(Updated)", "(Video)", "(Photos)")
_NOT_CREDITS = frozenset({
    "update", "updated", "updates", "video", "videos", "photo", "photos", "live", "watch", "opinion", "analysis",
    "exclusive", "breaking", "pictured", "file", "audio", "listen", "corrected", "correction", "map", "graphic",
})
#: agency credits and the names their readers know them by
WIRE_NAMES = {"AP": "Associated Press"}


@dataclasses.dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the start of a text: where it ends (after the dash and its space), its parts as
    written, and its day (``month``/``day``; ``year`` when written)."""

    end: int
    place: str
    region: str
    month: int | None
    day: int | None
    year: int | None
    credit: str

    def date(self, reference: dt.date | None = None) -> dt.date | None:
        """The day of the dateline: its own year, or else the latest such day not after ``reference``
        (a report is dated on or before its publication); None when it gives no day or no year can be had."""
        if self.month is None or self.day is None:
            return None
        year = self.year
        if year is None:
            if reference is None:
                return None
            year = reference.year
            if (self.month, self.day) > (reference.month, reference.day):
                year -= 1
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    @property
    def outlet(self) -> str:
        """The outlet the credit names, by the name readers know ("AP" is the Associated Press), or ""
        when the bracket holds no outlet's name."""
        credit = self.credit.strip()
        if not credit or not credit[0].isupper() or any(ch.isdigit() for ch in credit):
            return ""
        words = credit.split()
        if len(words) > 4 or any(w.lower().strip(".,:") in _NOT_CREDITS for w in words):
            return ""
        return WIRE_NAMES.get(credit, credit)


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text`` (a paragraph or a line), or None.

    A place in ordinary case counts only with a day or a credit after it: "Officials - and the mayor - said"
    opens no dateline, "Port Alder (Quay Times) - The" does."""
    m = _DATELINE.match(text, 0, min(len(text), 200))
    if m is None:
        return None
    month_name = m.group("m1") or m.group("m2")
    if m.group("cased") and month_name is None and m.group("credit") is None:
        return None
    place = m.group("caps") or m.group("cased")
    credit = (m.group("credit") or "").strip()
    if m.group("cased") and (place.split()[0] in ("The", "A", "An") or credit == _initials(place)):
        return None  # "The Harbour Trust (HT) - a body ...": a name and its acronym, no dateline
    if m.group("caps") and len(place.replace(" ", "")) < 2:
        return None
    if place.rstrip(".").lower() in _MONTH_NUMBERS:
        return None  # "May 3 (Wire) -": a day with no place is no dateline
    month = _MONTH_NUMBERS.get(month_name.rstrip(".").lower()) if month_name else None
    day_text = m.group("d1") or m.group("d2")
    year_text = m.group("y1") or m.group("y2")
    return Dateline(
        end=m.end(),
        place=place.strip(),
        region=(m.group("region") or "").strip(),
        month=month,
        day=int(day_text) if day_text else None,
        year=int(year_text) if year_text else None,
        credit=credit,
    )


def _initials(words: str) -> str:
    return "".join(w[0] for w in words.split() if w[:1].isupper())
