"""Claims over time: series of figures per counted quantity, by as-of date (Qt-free).

Public API (used by :class:`desk.library.Library`, the CLI, the window and the exporters):

- :func:`timeline_for_query` -- the timeline of a query's passages;
- :func:`timeline_from_rows` / :func:`timeline_from_refs` -- of compare rows, or of passages;
- :func:`desk.timeline.table.point_rows` -- flat rows for JSON, CSV and Markdown;
- :mod:`desk.timeline.plot` -- the picture as SVG or PNG (matplotlib, imported only there).
"""

from __future__ import annotations

from .build import build_series, timeline_for_query, timeline_from_refs, timeline_from_rows
from .model import AsOf, Series, Timeline, TimelinePoint, anchor

__all__ = [
    "AsOf",
    "Series",
    "Timeline",
    "TimelinePoint",
    "anchor",
    "build_series",
    "timeline_for_query",
    "timeline_from_refs",
    "timeline_from_rows",
]
