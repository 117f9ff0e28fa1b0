"""Writing comparisons out: Markdown (:mod:`.markdown`) and JSON (:mod:`.json`); tables of untrusted
cells as CSV or Markdown (:mod:`.tables`); export files written safely (:mod:`.files`).

The names below are imported from their module when first asked for: ``desk compare --json``
needs only :mod:`.json`, and a one-question process should not load (or, without cached
bytecode, compile) the Markdown writer it does not use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk.lazy import lazy_names

if TYPE_CHECKING:
    from .files import write_bytes_atomic, write_text_atomic
    from .json import comparison_to_json, dumps, to_plain
    from .markdown import escape_markdown, render_markdown, write_markdown
    from .tables import csv_cell, markdown_cell, markdown_table, write_csv

#: each public name -> the module that defines it
_HOME = {
    "write_bytes_atomic": "files",
    "write_text_atomic": "files",
    "comparison_to_json": "json",
    "dumps": "json",
    "to_plain": "json",
    "escape_markdown": "markdown",
    "render_markdown": "markdown",
    "write_markdown": "markdown",
    "csv_cell": "tables",
    "markdown_cell": "tables",
    "markdown_table": "tables",
    "write_csv": "tables",
}

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
    "write_bytes_atomic",
    "write_text_atomic",
]


__getattr__, __dir__ = lazy_names(__name__, _HOME, globals())
