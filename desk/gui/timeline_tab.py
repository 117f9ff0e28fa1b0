"""The Timeline tab's place in the window, without the plotting library.

:class:`TimelineTab` sits in the window's tabs from the start but imports
:mod:`desk.gui.timeline_view` (and with it pyqtgraph) only when the tab is first
shown, so the window starts as fast as before.  It asks the core for the
timeline of the last compared query on the window's worker pool
(``Library.timeline``), opens a clicked point's passage (its compare row when
the comparison holds it, else the reader), and filters the compare rows to a
brushed time range.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout, QWidget

from desk.gui.markup import Theme
from desk.model import Comparison

if TYPE_CHECKING:
    from desk.gui.timeline_view import TimelineView
    from desk.timeline import Timeline

PLACEHOLDER = (
    "Figures over time: search for something (Ctrl+F) and press Enter, then open this tab. "
    "Each counted thing gets a lane; each figure sits at the date it holds for."
)


class TimelineTab(QWidget):
    #: the timeline is on screen (tests wait on it)
    timelineShown = Signal(object)  # Timeline
    #: compare rows were filtered to a time range: the number of rows left shown
    rowsFiltered = Signal(int)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("timelineTab")
        self.window_ = window
        self.view: TimelineView | None = None
        self.theme = Theme()
        self._query = ""  # the query the shown timeline is for
        self._hiding = False  # compare rows are hidden by a brushed range
        self.placeholder = QLabel(PLACEHOLDER, self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.placeholder)
        window.compared.connect(self._compared)

    # ------------------------------------------------------------------ window hooks
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.view is not None:
            self.view.set_theme(theme)

    def shown(self) -> None:
        """The tab became current: build the view, and the timeline when it is stale."""
        self.ensure_view()
        query = self.window_._query
        if query and query != self._query and self.window_.library is not None:
            self.load(query)

    def ensure_view(self) -> TimelineView:
        if self.view is None:
            from desk.gui.timeline_view import TimelineView  # pyqtgraph: only now

            view = TimelineView(self)
            view.set_theme(self.theme)
            view.passageRequested.connect(self.open_passage)
            view.rangeBrushed.connect(self.filter_rows)
            self.placeholder.hide()
            self.layout_.addWidget(view)
            self.view = view
        return self.view

    def _compared(self, comparison: Comparison) -> None:
        self.filter_rows(None)
        if comparison.mode != "query":
            return
        if self.window_.tabs.currentWidget() is self:
            self.load(comparison.query)

    # ------------------------------------------------------------------ loading
    def load(self, query: str) -> None:
        lib = self.window_.library
        if lib is None or not hasattr(lib, "timeline"):
            return
        self._query = query
        outlets, since, until = self.window_.library_panel.filters()
        self.window_.set_status(f"Drawing the timeline of \u201c{query}\u201d\u2026")
        self.window_.run(
            lib.timeline, query, outlets=outlets, since=since, until=until, name="timeline", cancellable=True,
            on_done=self._loaded, newest_only=True,  # a timeline asked for again: only the last is drawn
        )

    def _loaded(self, timeline: Timeline) -> None:
        view = self.ensure_view()
        view.set_colors(self.window_.compare_view.model.colors)
        view.set_timeline(timeline)
        n = len(timeline.points)
        self.window_.set_status(
            f"Timeline: {n} figures in {len(timeline.series)} counted things, drawn in {view.last_draw * 1000:.0f} ms."
        )
        self.timelineShown.emit(timeline)

    # ------------------------------------------------------------------ navigation
    def compare_row_of(self, key: tuple[str, int]) -> int:
        """The compare row that holds the passage ``key``, or -1."""
        model = self.window_.compare_view.model
        comp = model.comparison
        if comp is None:
            return -1
        for i, row in enumerate(comp.rows):
            if any(ref.key == key for cell in row.cells.values() for ref in cell):
                return i
        return -1

    def open_passage(self, article_id: str, number: int) -> None:
        """A clicked point: its row in the compare view when there is one, else the passage in the reader."""
        cv = self.window_.compare_view
        row = cv.model.view_row(self.compare_row_of((article_id, number)))
        if row >= 0:
            cv.table.setRowHidden(row, False)
            idx = cv.model.index(row, 0)
            cv.table.setCurrentIndex(idx)
            cv.table.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtTop)
            self.window_.tabs.setCurrentWidget(cv)
        else:
            self.window_.open_passage_at(article_id, number)

    def filter_rows(self, span: tuple[dt.date, dt.date] | None) -> None:
        """Show only the compare rows with a figure (or, lacking one, an article) dated within ``span``."""
        cv = self.window_.compare_view
        model = cv.model
        if model.comparison is None:
            return
        n = model.rowCount()
        if span is None and not self._hiding:
            # no row hidden by a range: nothing to show again (a new comparison came in; a
            # row at a time, showing its 1,200 rows held the GUI thread before its first paint)
            self.rowsFiltered.emit(n)
            return
        when: dict[tuple[str, int], list[Any]] = {}
        view = self.view
        tl = view.timeline if view is not None else None
        if span is not None and tl is not None:
            for p in tl.points:
                when.setdefault(p.key, []).append(p.as_of)
        shown = 0
        for r in range(n):  # view rows: the compare view may be sorted or filtered
            keep = span is None or any(
                _within(when.get(ref.key), ref.date, span) for cell in model.row(r).cells.values() for ref in cell
            )
            cv.table.setRowHidden(r, not keep)
            shown += keep
        self._hiding = span is not None
        if span is not None:
            self.window_.set_status(
                f"Compare rows from {span[0].isoformat()} to {span[1].isoformat()}: {shown} of {n}."
            )
        self.rowsFiltered.emit(shown)


def _within(as_ofs: list[Any] | None, date: dt.date | None, span: tuple[dt.date, dt.date]) -> bool:
    lo, hi = span
    if as_ofs:
        for a in as_ofs:
            if not a.known:
                continue
            if (a.start or dt.date.min) <= hi and lo <= (a.end or dt.date.max):
                return True
        return False
    return date is not None and lo <= date <= hi
