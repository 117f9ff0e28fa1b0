"""Publication dates: parsing metadata values, date-only lines, wire ids and URLs."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser

_MIN_YEAR = 1900
_MAX_YEAR = 2100
#: the smallest number read as a Unix time stamp (1980-01-01)
_STAMP_MIN = 315_532_800

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_ZONES = "gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ist|jst|aest|z"
_FILLER = "published|updated|posted|last|modified|on|at|date|am|pm|a\\.m\\.|p\\.m\\.|of|the|by"
# A token that may appear in a line that is nothing but a date and time.
_DATE_TOKEN = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:t[\d:.]+)?(?:z|[+-]\d{2}:?\d{2})?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    rf"|\b(?:{_MONTHS}|{_WEEKDAYS}|{_ZONES}|{_FILLER})\b\.?|\d{{1,2}}:\d{{2}}(?::\d{{2}})?|\d{{1,4}}(?:st|nd|rd|th)?"
    r"|[+-]\d{2}:?\d{2}",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[\s,|/•·–—\-()]+")
_HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_HAS_MONTH = re.compile(rf"\b(?:{_MONTHS})\b|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}", re.IGNORECASE)

_WIRE_ID = re.compile(r"\bMENAFN(\d{2})(\d{2})(\d{4})\d{6,}ID\d+\b")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[^\d])|/((?:19|20)\d{2})(\d{2})(\d{2})/")


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")


def _plausible(d: dt.date) -> dt.date | None:
    return d if _MIN_YEAR <= d.year <= _MAX_YEAR else None


def parse_date(value: object) -> dt.date | None:
    """A date from a metadata value (string, date or datetime), or None."""
    if isinstance(value, dt.datetime):
        return _plausible(value.date())
    if isinstance(value, dt.date):
        return _plausible(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        # an unquoted YAML date written without separators (published: 20240305) is that day
        if isinstance(value, int) and 10_000_000 <= value <= 99_999_999:
            try:
                return _plausible(dt.date(value // 10_000, value // 100 % 100, value % 100))
            except ValueError:
                return None
        # a Unix time stamp in a manifest; a smaller number (a year alone, a day count, -5) is none
        if value < _STAMP_MIN:
            return None
        try:
            return _plausible(dt.datetime.fromtimestamp(float(value), dt.UTC).date())
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s or len(s) > 80 or not re.search(r"\d", s):
        return None
    if _ISO.match(s):
        try:
            return _plausible(dt.date.fromisoformat(s[:10]))
        except ValueError:
            pass
    try:
        parsed = dateparser.parse(s, default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    if not _HAS_YEAR.search(s) and not re.fullmatch(r"\d{8}", s):
        return None  # dateutil would invent the year
    return _plausible(parsed.date())


_ISO_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(?:Z|([+-])(\d{2}):?(\d{2}))?\s*$",
    re.IGNORECASE,
)


def impossible_time(value: object) -> str | None:
    """What is wrong with the time of an ISO date and time whose day is fine (``2022-03-01 25:61``,
    ``T10:00+99:00``), or None.  :func:`parse_date` reads the day of such a value, and keeps only the
    day anyway, but a time that cannot be is a sign the field is wrong and is reported."""
    if not isinstance(value, str):
        return None
    m = _ISO_TIME.match(value.strip())
    if not m:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if hour > 24 or minute > 59 or second > 60 or (hour == 24 and (minute or second)):
        return "a time that does not exist"
    if m.group(4) and (int(m.group(5)) > 14 or int(m.group(6)) > 59):
        return "a time zone that does not exist"
    return None


def date_line(line: str) -> dt.date | None:
    """The date of a line that holds only a date (and time), else None."""
    if len(line) > 80 or not _HAS_YEAR.search(line) or not _HAS_MONTH.search(line):
        return None
    rest = _DATE_TOKEN.sub(" ", line)
    if _SEPARATORS.sub("", rest).strip(".:"):
        return None
    cleaned = re.sub(rf"\b(?:{_FILLER})\b:?", " ", line, flags=re.IGNORECASE).strip(" ,|:-")
    return parse_date(cleaned)


def wire_id_date(text: str) -> dt.date | None:
    """The date encoded in a MENAFN wire id (``MENAFN`` + DDMMYYYY + serial ``ID`` + number)."""
    m = _WIRE_ID.search(text)
    if not m:
        return None
    try:
        return _plausible(dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    except ValueError:
        return None


def url_date(url: str) -> dt.date | None:
    """A date in a URL path: ``/2025/06/11/`` or ``/20250611/``."""
    m = _URL_DATE.search(url)
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    try:
        return _plausible(dt.date(int(y), int(mo), int(d)))
    except ValueError:
        return None
