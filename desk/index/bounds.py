"""Numbers and dates as desk's query language and its filters read them (no index involved).

``figure:`` values (``14,400``, ``1.2K``, ``40%``) and ``date:``/``--since``/
``--until`` bounds (``2022``, ``2022-07``, ``1 July 2022``) for any backend;
every problem is a :class:`~desk.errors.QueryError` with a sentence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from desk.errors import QueryError
from desk.textsafe import quoted

_NUMBER_RE = re.compile(
    r"^(?P<sign>[-+])?\$?(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)\s*"
    r"(?P<mult>k|m|b|bn|thousand|million|billion|trillion)?%?$",
    re.IGNORECASE,
)
_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9, "trillion": 1e12}

def parse_number(text: str) -> float:
    """``14,400`` -> 14400.0, ``1.2K`` -> 1200.0, ``$2`` -> 2.0; QueryError otherwise."""
    m = _NUMBER_RE.match(text.strip())
    if not m:
        raise QueryError(
            f"{quoted(text)} is not a number; figure: takes numbers such as 1000, 14,400, 1.2K or 40%."
        )
    value = float(m["num"].replace(",", ""))
    if m["mult"]:
        value *= _MULT[m["mult"].lower()]
    return -value if m["sign"] == "-" else value


def parse_date(text: str, *, end: bool = False) -> dt.datetime:
    """A date as the first (or, with ``end``, the last) moment it covers.

    ``2022`` covers the year, ``2022-07`` the month, ``2022-07-01`` the day;
    anything else python-dateutil reads ("1 July 2022", "July 2022") works too.
    """
    s = text.strip()
    try:
        if re.fullmatch(r"\d{4}", s):
            y = int(s)
            return dt.datetime(y, 12, 31, 23, 59, 59) if end else dt.datetime(y, 1, 1)
        m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
        if m:
            y, mo = int(m[1]), int(m[2])
            if end:
                return dt.datetime(y, mo, calendar.monthrange(y, mo)[1], 23, 59, 59)
            return dt.datetime(y, mo, 1)
        # imported here: a query without a date bound (most, and every plain compare) never parses one
        from dateutil import parser as dateparser

        d = dateparser.parse(s, default=_FILLED)
        # what the text leaves out, dateutil fills from the default: read again with another default,
        # what changed was not written
        other = dateparser.parse(s, default=_FILLED_OTHER)
    except (ValueError, OverflowError) as exc:
        raise QueryError(f"{quoted(text)} is not a date; write dates as 2022-07-01.") from exc
    if d.year != other.year:
        # "March 3", "July", "5": the year 2000 was taken without a word
        raise QueryError(f"{quoted(text)} has no year; write dates as 2022-07-01 (or 2022-07 for a month).")
    d = d.replace(tzinfo=None)
    if end:
        if d.month != other.month:  # a year alone ("-2022"): its last day
            return dt.datetime(d.year, 12, 31, 23, 59, 59)
        if d.day != other.day:  # a month ("July 2022", "2022/07"): its last day, not its first
            return dt.datetime(d.year, d.month, calendar.monthrange(d.year, d.month)[1], 23, 59, 59)
        return d.replace(hour=23, minute=59, second=59)
    return d.replace(hour=0, minute=0, second=0, microsecond=0)


#: the two defaults :func:`parse_date` reads a free-form date with: they differ in year, month and day
#: (December, so that any day of a month written without one is a valid day of the other default)
_FILLED = dt.datetime(2000, 1, 1)
_FILLED_OTHER = dt.datetime(2004, 12, 28)


def as_datetime(value: dt.date | dt.datetime | str, *, end: bool = False) -> dt.datetime:
    """A --since/--until value (date, datetime or string) as a datetime bound."""
    if isinstance(value, str):
        return parse_date(value, end=end)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime(value.year, value.month, value.day, 23, 59, 59) if end else dt.datetime(
        value.year, value.month, value.day
    )
