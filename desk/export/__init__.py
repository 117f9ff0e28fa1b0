"""Writing comparisons out: Markdown (:mod:`.markdown`) and JSON (:mod:`.json`)."""

from __future__ import annotations

from .json import comparison_to_json, dumps
from .markdown import escape_markdown, render_markdown, write_markdown

__all__ = ["comparison_to_json", "dumps", "escape_markdown", "render_markdown", "write_markdown"]
