"""The Timeline tab: figures by as-of date, one lane per counted quantity, drawn with pyqtgraph.

It presents a core :class:`desk.timeline.Timeline` and nothing else: the
window builds that on a worker (``Library.timeline``) and hands it over.

- one lane per counted quantity (the series list on the left chooses which),
  all lanes sharing one date axis; undated claims sit in a column of their own
  on the right, never at an invented date;
- one colour per claimant (the compare view's colours), a ring round figures
  that disagree; hedges are drawn as arrows ("more than" up, "up to" down) or
  bars (ranges, "about"), as-of intervals as horizontal bars;
- wheel zooms, drag pans (pyqtgraph's own mouse handling);
- hovering a point shows its sentence, clicking it asks the window to open the
  passage (:attr:`TimelineView.passageRequested`);
- dragging the band in the overview strip at the bottom brushes a time range:
  :attr:`TimelineView.rangeBrushed` carries (first day, last day), or None when
  the brush is cleared; the window filters the compare rows with it.

This module imports pyqtgraph, so the window imports it only when the tab is
first shown (start-up stays as it was).
"""

from __future__ import annotations

import datetime as dt
import math
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk.gui.markup import ColorBook, Theme, escape_text
from desk.gui.plain import cell, set_plain, tip
from desk.timeline import Series, Timeline, TimelinePoint, anchor

# pyqtgraph emits its own signals (a dragged band, a zoom, a hover: thousands a
# minute).  On PySide6 6.12.0 each emit lost a reference to ``True``: 200 band
# moves took 796 and the interpreter aborted ("bool_dealloc").  The lock's
# PySide6 6.11.3 loses none (2,000 moves: 0), so this module relies on it.

#: lanes shown at first (the series with the most points); the list ticks more
FIRST_LANES = 4
#: lanes shown at most at once
MAX_LANES = 8
EMPTY_TEXT = (
    "No timeline yet. Search for something (Ctrl+F) and press Enter, then open this tab: "
    "the figures found are drawn by the date they hold for, one lane per counted thing."
)
DAY = 86400.0
#: the neutral colour of figures the outlet states itself
NO_CLAIMANT = "#7a7a7a"


def day_x(d: dt.date) -> float:
    """A date as the x of the date axis (seconds since the epoch, UTC midnight)."""
    return float((d - dt.date(1970, 1, 1)).days) * DAY


def x_day(x: float) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=math.floor(x / DAY))


def point_tip(p: TimelinePoint) -> str:
    """Rich text for a point's tool tip; every piece of article text escaped."""
    who = escape_text(p.claimant) if p.claimant else "<i>the outlet itself</i>"
    flag = ""
    if p.disagreement:
        flag = '<br><b>\u2260 disagrees with:</b> ' + "; ".join(
            escape_text(c) for c in p.conflicts[:4]
        )
    elif p.growth:
        flag = "<br>\u2191 grows on an earlier figure"
    return (
        f"<p><b>{escape_text(p.figure)}</b> {escape_text(p.counted)}<br>"
        f"{who} \u00b7 {escape_text(p.outlet)} \u00b7 {escape_text(p.as_of.phrase())}"
        f"{' (' + escape_text(p.as_of.basis) + ')' if p.as_of.basis else ''}{flag}</p>"
        f"<p><i>{escape_text(p.sentence[:400])}</i></p>"
        f"<p style='color:gray'>{escape_text(p.title[:120])} \u2014 click to open the passage</p>"
    )


#: desk.palette marker names -> pyqtgraph symbols
SYMBOLS = {"circle": "o", "square": "s", "triangle": "t1", "diamond": "d", "star": "star", "cross": "+"}
#: how far (as a factor, on the log axis) a hedge arrow reaches from its figure
ARROW = 1.8


def _fmt(v: float) -> str:
    if v >= 1_000_000:
        return f"{v / 1_000_000:g}M"
    return f"{v:,.0f}" if v >= 1 else f"{v:g}"


class _ValueAxis(pg.AxisItem):
    """A value axis over log10 of the figures: a town's 9 dead and a country's 4,000 share a lane.

    The items hold log10(value); the ticks say the values (1, 10, 100, 1,000 ...).
    """

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        lo, hi = math.floor(minVal), math.ceil(maxVal)
        majors = [float(k) for k in range(lo, hi + 1) if minVal <= k <= maxVal]
        out = [(1.0, majors)]
        if hi - lo <= 3:
            minors = [k + math.log10(m) for k in range(lo, hi + 1) for m in (2, 5) if minVal <= k + math.log10(m) <= maxVal]
            out.append((0.3, minors))
        return out

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [_fmt(10**v) for v in values]


class _DateAxis(pg.DateAxisItem):
    """pyqtgraph's date axis, without a finer tick crowding a coarser one: the 2nd of a month's "02" beside
    the month's "Jun" read as "Ju02"."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        levels = super().tickValues(minVal, maxVal, size)
        out: list[tuple[float, list[float]]] = []
        coarser: list[float] = []
        for spacing, values in levels:
            # the level's step as drawn (days every 5 days: "spacing" says 1 day)
            ordered = sorted(values)
            step = min((b - a for a, b in zip(ordered, ordered[1:], strict=False)), default=spacing)
            kept = [v for v in values if all(abs(v - c) >= 0.6 * max(step, spacing) for c in coarser)]
            out.append((spacing, kept))
            coarser.extend(kept)
        return out


def _log(v: float) -> float:
    return math.log10(v)


class _Lane:
    """One plot of one series; ``points[i]`` is the point of the scatter's spot with data i."""

    def __init__(self, plot: pg.PlotItem, series: Series) -> None:
        self.plot = plot
        self.series = series
        self.scatter: pg.ScatterPlotItem | None = None
        self.top = 1.0  # the top of the value range (log10)


class TimelineView(QWidget):
    """See the module docstring."""

    passageRequested = Signal(str, int)  # article id, passage number
    rangeBrushed = Signal(object)  # (dt.date, dt.date) or None
    drawn = Signal(float)  # seconds the last draw took

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.timeline: Timeline | None = None
        self.colors = ColorBook()
        self.theme = Theme()
        self.lanes: list[_Lane] = []
        self.points: list[TimelinePoint] = []  # flat; a spot's data is its index here
        self.last_draw = 0.0
        self._undated_x = 0.0
        self._brushing = False

        self.info = QLabel(EMPTY_TEXT, self)
        self.info.setObjectName("timelineInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_brush_button = QPushButton("Clear time filter", self)
        self.clear_brush_button.setToolTip("Show every compare row again")
        self.clear_brush_button.clicked.connect(self.clear_brush)
        self.clear_brush_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(self.clear_brush_button)

        self.series_list = QListWidget(self)
        self.series_list.setObjectName("timelineSeries")
        self.series_list.setAccessibleName("Counted quantities: tick to show a lane")
        self.series_list.itemChanged.connect(self._series_ticked)

        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setObjectName("timelinePlots")
        self.graphics.setAccessibleName("Timeline plot")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.series_list)
        split.addWidget(self.graphics)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 900])

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(top)
        lay.addWidget(split, 1)

        self.overview: pg.PlotItem | None = None
        self.region: pg.LinearRegionItem | None = None
        self._apply_colours()

    # ------------------------------------------------------------------ input
    def set_colors(self, book: ColorBook) -> None:
        """Claimant colours: the compare view's assignments first, so a claimant looks the same in both."""
        self.colors = ColorBook(self.theme, claimants=book.claimants)  # the window's one claimant palette

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.colors.theme = theme
        self._apply_colours()
        if self.timeline is not None:
            self.redraw()

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self.series_list.blockSignals(True)
        self.series_list.clear()
        if timeline is not None:
            for i, s in enumerate(timeline.series):
                flag = f" \u00b7 {s.disagreements} \u2260" if s.disagreements else ""
                item = QListWidgetItem(f"{cell(s.label)} ({len(s.points)}){flag}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if i < FIRST_LANES else Qt.CheckState.Unchecked)
                item.setToolTip(tip(s.label))
                self.series_list.addItem(item)
        self.series_list.blockSignals(False)
        self.redraw()

    def shown_series(self) -> list[Series]:
        if self.timeline is None:
            return []
        out = []
        for i, s in enumerate(self.timeline.series):
            item = self.series_list.item(i)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(s)
        return out[:MAX_LANES]

    def _series_ticked(self, _item: QListWidgetItem) -> None:
        self.redraw()

    # ------------------------------------------------------------------ drawing
    def _apply_colours(self) -> None:
        bg, fg = ("#1e1f22", "#e8e8e8") if self.theme.dark else ("#ffffff", "#1b1b1b")
        self.graphics.setBackground(bg)
        self._fg = fg

    def _colour(self, p: TimelinePoint) -> str:
        return self.colors.claimant(p.claimant) if p.claimant else NO_CLAIMANT

    def redraw(self) -> None:
        started = time.perf_counter()
        self.graphics.clear()
        self.lanes = []
        self.points = []
        self.overview = None
        self.region = None
        tl = self.timeline
        shown = self.shown_series()
        if tl is None or not tl.series:
            set_plain(self.info, EMPTY_TEXT if tl is None else f"No figures with a counted thing for \u201c{tl.query}\u201d.")
            self.last_draw = time.perf_counter() - started
            return
        span = tl.view_span()
        if span is None:
            today = dt.date.today()
            span = (today, today)
        lo, hi = day_x(span[0]), day_x(span[1])
        pad = max((hi - lo) * 0.04, DAY)
        self._undated_x = hi + pad * 3
        any_undated = any(anchor(p.as_of) is None for s in shown for p in s.points)
        right = self._undated_x + pad * 2 if any_undated else hi + pad
        first: pg.PlotItem | None = None
        for row, s in enumerate(shown):
            plot = self.graphics.addPlot(row=row, col=0, axisItems={
                "bottom": _DateAxis(orientation="bottom"), "left": _ValueAxis(orientation="left")})
            self._style_plot(plot, s)
            if first is None:
                first = plot
            else:
                plot.setXLink(first)
            lane = _Lane(plot, s)
            self._draw_series(lane, pad)
            if any_undated:
                sep = pg.InfiniteLine(pos=self._undated_x - pad * 1.5, angle=90,
                                      pen=pg.mkPen(self.theme.dim, style=Qt.PenStyle.DotLine))
                plot.addItem(sep, ignoreBounds=True)
                label = pg.TextItem("undated", color=self.theme.dim, anchor=(0.5, 0))
                plot.addItem(label, ignoreBounds=True)
                label.setPos(self._undated_x, lane.top)
            plot.setXRange(lo - pad, right, padding=0)
            self.lanes.append(lane)
        self._draw_overview(tl, lo - pad, right, len(shown))
        n = sum(len(s.points) for s in shown)
        hidden = len(tl.series) - len(shown)
        more = f"; {hidden} more counted things in the list" if hidden else ""
        self.last_draw = time.perf_counter() - started
        set_plain(
            self.info,
            f"{n} figures in {len(shown)} lanes for \u201c{tl.query}\u201d{more}. Wheel zooms, drag pans, "
            "hover a point for its sentence, click to open it; drag the band below to filter the compare rows."
        )
        self.drawn.emit(self.last_draw)

    def _style_plot(self, plot: pg.PlotItem, s: Series) -> None:
        title = escape_text(s.label) + (" <span style='color:gray'>(running total)</span>" if s.cumulative else "")
        plot.setTitle(f"<span style='color:{self._fg}; font-size:9pt'>{title}</span>", justify="left")  # text-safe: escape_text() above
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.getAxis("left").setWidth(64)  # one width in every lane, so the linked dates line up
        for name in ("left", "bottom"):
            ax = plot.getAxis(name)
            ax.setPen(pg.mkPen(self.theme.dim))
            ax.setTextPen(pg.mkPen(self._fg))
        plot.setMouseEnabled(x=True, y=True)
        plot.setMenuEnabled(False)
        plot.hideButtons()

    def _draw_series(self, lane: _Lane, pad: float) -> None:
        plot, s = lane.plot, lane.series
        xs: list[float] = []
        ys: list[float] = []
        brushes: list[Any] = []
        symbols: list[str] = []
        data: list[int] = []
        ring_x: list[float] = []
        ring_y: list[float] = []
        # hedges and as-of intervals as bars: one ErrorBarItem each for the whole lane
        up_x, up_y, up_len, down_x, down_y, down_len = [], [], [], [], [], []
        rng_x, rng_y, rng_top, rng_bottom = [], [], [], []
        iv_x, iv_y, iv_left, iv_right = [], [], [], []
        top_value = max((p.value for p in s.points), default=1.0)
        arrow = _log(ARROW)
        brush_of: dict[str, Any] = {}  # one brush per colour, not per point
        for i, p in enumerate(s.points):
            if p.value <= 0:  # no place on a log axis; the table and the CLI list it
                continue
            day = anchor(p.as_of)
            x = day_x(day) if day is not None else self._undated_x + ((i % 7) - 3) * pad * 0.25
            y = _log(p.value)
            idx = len(self.points)
            self.points.append(p)
            xs.append(x)
            ys.append(y)
            data.append(idx)
            colour = self._colour(p)
            brush = brush_of.get(colour)
            if brush is None:
                brush = brush_of[colour] = pg.mkBrush(colour)
            brushes.append(brush)
            # the claimant's marker (desk.palette); a hedge adds a line to an arrow tip
            symbols.append(SYMBOLS[self.colors.look(p.claimant).marker] if p.claimant else "o")
            if math.isinf(p.high) and not math.isinf(p.low):  # "more than", "at least"
                up_x.append(x)
                up_y.append(y)
                up_len.append(arrow)
            elif p.qualifier in ("up to", "less than"):
                down_x.append(x)
                down_y.append(y)
                down_len.append(arrow)
            else:
                if p.low != p.high and not math.isinf(p.low) and not math.isinf(p.high):
                    rng_x.append(x)
                    rng_y.append(y)
                    rng_top.append(_log(p.high) - y)
                    rng_bottom.append(y - _log(max(p.low, p.value / ARROW)))
            if p.as_of.start is not None and p.as_of.end is not None and p.as_of.start != p.as_of.end:
                iv_x.append(x)
                iv_y.append(y)
                iv_left.append(x - day_x(p.as_of.start))
                iv_right.append(0.0)
            if p.disagreement:
                ring_x.append(x)
                ring_y.append(y)
        dim = pg.mkPen(self.theme.dim, width=1)
        if up_x:
            plot.addItem(pg.ErrorBarItem(x=np.array(up_x), y=np.array(up_y), top=np.array(up_len),
                                         bottom=np.zeros(len(up_x)), beam=0, pen=dim))
            plot.addItem(pg.ScatterPlotItem(x=np.array(up_x), y=np.array(up_y) + arrow, symbol="t1", size=7,
                                            brush=pg.mkBrush(self.theme.dim), pen=None))
        if down_x:
            plot.addItem(pg.ErrorBarItem(x=np.array(down_x), y=np.array(down_y), bottom=np.array(down_len),
                                         top=np.zeros(len(down_x)), beam=0, pen=dim))
            plot.addItem(pg.ScatterPlotItem(x=np.array(down_x), y=np.array(down_y) - arrow, symbol="t", size=7,
                                            brush=pg.mkBrush(self.theme.dim), pen=None))
        if rng_x:
            plot.addItem(pg.ErrorBarItem(x=np.array(rng_x), y=np.array(rng_y), top=np.array(rng_top),
                                         bottom=np.array(rng_bottom), beam=pad * 0.3, pen=dim))
        if iv_x:
            plot.addItem(pg.ErrorBarItem(x=np.array(iv_x), y=np.array(iv_y), left=np.array(iv_left),
                                         right=np.array(iv_right), beam=0, pen=pg.mkPen(self.theme.dim, width=3)))
        if ring_x:
            plot.addItem(pg.ScatterPlotItem(x=ring_x, y=ring_y, symbol="o", size=13, brush=None,
                                            pen=pg.mkPen(self.theme.mark, width=1.1)))
        scatter = pg.ScatterPlotItem(
            x=np.array(xs), y=np.array(ys), data=data, symbol=symbols, brush=brushes, size=9,
            pen=pg.mkPen(QColor(self.theme.text).darker(150) if not self.theme.dark else "#000000", width=0.5),
            hoverable=True, tip=None, hoverSize=13,
        )
        scatter.sigClicked.connect(self._clicked)
        scatter.sigHovered.connect(self._hovered)
        plot.addItem(scatter)
        lane.scatter = scatter
        lane.top = _log(max(top_value, 1.0) * ARROW) + 0.2
        plot.setYRange(-0.1, lane.top, padding=0)

    def _draw_overview(self, tl: Timeline, left: float, right: float, row: int) -> None:
        ov = self.graphics.addPlot(row=row, col=0, axisItems={"bottom": _DateAxis(orientation="bottom")})
        ov.setMaximumHeight(70)
        ov.getAxis("left").setWidth(64)
        ov.getAxis("left").setStyle(showValues=False)
        ov.getAxis("left").setPen(pg.mkPen(None))
        ov.setMouseEnabled(x=False, y=False)
        ov.setMenuEnabled(False)
        ov.hideButtons()
        ov.getAxis("bottom").setTextPen(pg.mkPen(self._fg))
        ov.setTitle(f"<span style='color:{self.theme.dim}; font-size:8pt'>drag the band to filter the compare rows "  # text-safe: literals
                    "by as-of date</span>", justify="left")
        view = tl.view_span()
        if view is not None:
            counts: dict[dt.date, int] = {}
            for p in tl.points:
                d = anchor(p.as_of)
                if d is not None:
                    counts[d] = counts.get(d, 0) + 1
            xs = np.array([day_x(d) for d in counts])
            ys = np.array(list(counts.values()), dtype=float)
            ov.addItem(pg.BarGraphItem(x=xs, height=ys, width=DAY, brush=pg.mkBrush(self.theme.dim),
                                       pen=pg.mkPen(None)))
            lo, hi = day_x(view[0]), day_x(view[1])
        else:
            lo, hi = left, right
        ov.setXRange(left, right, padding=0)
        region = pg.LinearRegionItem(values=(lo, hi + DAY), brush=pg.mkBrush(29, 111, 184, 40), swapMode="sort")
        region.sigRegionChangeFinished.connect(self._brushed)
        ov.addItem(region)
        self.overview = ov
        self.region = region

    # ------------------------------------------------------------------ interaction
    def point_at(self, index: int) -> TimelinePoint:
        return self.points[index]

    def _clicked(self, _item: Any, spots: Any, _ev: Any = None) -> None:
        spots = list(spots)
        if not spots:
            return
        self.open_point(int(spots[0].data()))

    def open_point(self, index: int) -> None:
        p = self.points[index]
        self.passageRequested.emit(p.article_id, p.passage)

    def _hovered(self, item: Any, spots: Any, _ev: Any = None) -> None:
        vb = item.getViewBox()
        if vb is None:
            return
        spots = list(spots)
        if not spots:
            vb.setToolTip("")
            return
        vb.setToolTip("".join(point_tip(self.points[int(s.data())]) for s in spots[:3]))  # text-safe: point_tip escapes

    def tip_for(self, index: int) -> str:
        return point_tip(self.points[index])

    def brush(self, start: dt.date, end: dt.date) -> None:
        """Brush [start, end] as if the band were dragged there."""
        if self.region is not None:
            self.region.setRegion((day_x(start), day_x(end) + DAY - 1))  # emits sigRegionChangeFinished

    def _brushed(self, region: Any) -> None:
        a, b = region.getRegion()
        start, end = x_day(a), x_day(b)
        self.clear_brush_button.setEnabled(True)
        self.rangeBrushed.emit((start, end))

    def clear_brush(self) -> None:
        self.clear_brush_button.setEnabled(False)
        self.rangeBrushed.emit(None)
