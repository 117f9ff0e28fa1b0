"""Dates written in the text, parsed with python-dateutil.

Absolute dates ("24 February 2022", "June 2", "2022-02-24") take the missing
parts from the article date; weekdays ("on Saturday") and "yesterday"/"today"
resolve to the latest such day on or before the article date, since news
reports what has happened.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateparser

from desk.model import DateMention

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DATE_RE = re.compile(
    r"\b(?:"
    r"(?P<dmy>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+\d{4})?)"
    r"|(?P<mdy>" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)(?!\d)"
    r"|(?P<my>" + _MONTH + r"\s+\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    r"|(?P<rel>yesterday|today)"
    r")\b"
)


def find_dates(text: str, base_date: dt.date | None = None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date mention in ``text[start:end]``, resolved where it can be."""
    if end is None:
        end = len(text)
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text, start, end):
        s, e = m.span()
        written = m.group(0)
        date: dt.date | None = None
        try:
            if m.group("wd"):
                if base_date is not None:
                    target = _WEEKDAYS.index(written.lower())
                    back = (base_date.weekday() - target) % 7
                    date = base_date - dt.timedelta(days=back)
            elif m.group("rel"):
                if base_date is not None:
                    date = base_date - dt.timedelta(days=1 if written.lower() == "yesterday" else 0)
                elif written.lower() == "today":
                    continue
            else:
                default = dt.datetime.combine(base_date or dt.date(1900, 1, 1), dt.time())
                parsed = dateparser.parse(written, default=default.replace(day=1)).date()
                if m.group("dmy") or m.group("mdy"):
                    has_year = bool(re.search(r"\d{4}", written))
                    if not has_year and base_date is None:
                        parsed = None  # type: ignore[assignment]
                    elif not has_year and base_date is not None and parsed > base_date:
                        # "24 February" in a March article is this year's; in January, last year's
                        parsed = parsed.replace(year=parsed.year - 1)
                date = parsed
        except (ValueError, OverflowError):
            date = None
        out.append(DateMention(start=s, end=e, text=written, date=date))
    return out
