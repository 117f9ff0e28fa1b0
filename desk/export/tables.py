"""Tables of untrusted cells: CSV that no spreadsheet runs, Markdown that no renderer runs.

Every CSV desk writes goes through :func:`write_csv` (or at least
:func:`csv_cell`); every Markdown table through :func:`markdown_table`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from desk.textsafe import visible

from .markdown import escape_markdown

#: a cell starting with one of these is read as a formula by spreadsheet tools
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """One CSV cell that a spreadsheet shows as text, never runs as a formula.

    Text that begins with ``= + - @``, a tab or a carriage return gets a
    leading ``'`` (the OWASP advice, which Excel, LibreOffice and Google
    Sheets honour).  Control characters other than line breaks (CR, LF) and tabs are
    shown as escapes, as on the terminal (:func:`desk.textsafe.visible`), so a
    CSV printed to a terminal cannot act on it either.  Numbers stay numbers;
    ``None`` becomes an empty cell.
    """
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    text = "\r".join(visible(part, newlines=True) for part in str(value).split("\r"))
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def write_csv(out: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """A header and the rows, every cell through :func:`csv_cell`."""
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([csv_cell(c) for c in columns])
    for row in rows:
        w.writerow([csv_cell(row.get(c)) for c in columns])


def markdown_cell(value: Any, *, exact: bool = False) -> str:
    """One GFM table cell, escaped as the compare export escapes article text.

    ``exact`` keeps runs of spaces (file paths).  An empty cell is one space.
    """
    text = "" if value is None else str(value)
    return escape_markdown(text, line_start=False, collapse=not exact) or " "


def markdown_table(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, exact: Sequence[str] = ()) -> list[str]:
    """The lines of a GFM pipe table; the columns named in ``exact`` keep their spacing."""
    lines = ["| " + " | ".join(markdown_cell(c) for c in columns) + " |", "|" + " --- |" * len(columns)]
    for row in rows:
        cells = [markdown_cell(row.get(c), exact=c in exact) for c in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return lines
