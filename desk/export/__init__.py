"""Writing comparisons out: Markdown (:mod:`.markdown`) and JSON (:mod:`.json`); tables of untrusted
cells as CSV or Markdown (:mod:`.tables`); export files written safely (:mod:`.files`)."""

from __future__ import annotations

from .files import write_text_atomic
from .json import comparison_to_json, dumps, to_plain
from .markdown import escape_markdown, render_markdown, write_markdown
from .tables import csv_cell, markdown_cell, markdown_table, write_csv

__all__ = [
    "comparison_to_json",
    "to_plain",
    "csv_cell",
    "dumps",
    "escape_markdown",
    "markdown_cell",
    "markdown_table",
    "render_markdown",
    "write_csv",
    "write_markdown",
    "write_text_atomic",
]
