"""The Timeline tab: drawn when first shown (pyqtgraph only then), hover shows the sentence,
clicking a point navigates, brushing a time range filters the compare rows."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt

from desk.gui.main_window import MainWindow
from desk.gui.timeline_view import SYMBOLS, _DateAxis, day_x, x_day
from desk.timeline import timeline_from_refs
from gui.fakes import ARTICLES, FakeLibrary, passage_ref


class TimelineLibrary(FakeLibrary):
    """The fake library, with the real core's timeline over its passages."""

    def timeline(self, query: str, outlets=(), since=None, until=None, progress=None, cancelled=None) -> Any:  # type: ignore[no-untyped-def]
        return timeline_from_refs(query, [passage_ref(a, 1) for a in self.articles_list])


@pytest.fixture
def tl_window(qtbot, settings, data_dir, tmp_path):  # type: ignore[no-untyped-def]
    w = MainWindow(settings, data_dir=str(data_dir), library_factory=lambda f, d: TimelineLibrary(f, d),
                   err_windows=False)
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    with qtbot.waitSignal(w.indexed, timeout=10_000):
        w.open_folder(str(tmp_path))  # not the data folder: the window refuses that as an article folder (h33h)
    with qtbot.waitSignal(w.compared, timeout=10_000):
        w.compare("soldiers killed")
    with qtbot.waitSignal(w.timeline_tab.timelineShown, timeout=10_000):
        w.tabs.setCurrentWidget(w.timeline_tab)
    yield w
    w.close_library()


def test_window_does_not_import_the_plotting_libraries_before_the_tab_is_shown() -> None:
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from desk.gui.main_window import MainWindow
        w = MainWindow(err_windows=False)
        w.show()
        app.processEvents()
        assert "pyqtgraph" not in sys.modules and "matplotlib" not in sys.modules, "imported at start"
        w.tabs.setCurrentWidget(w.timeline_tab)
        app.processEvents()
        assert "pyqtgraph" in sys.modules
        assert "matplotlib" not in sys.modules
        print("LAZY-OK")
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "LAZY-OK" in proc.stdout, proc.stderr[-2000:]


def test_tab_is_drawn_with_a_lane_and_every_point(tl_window: MainWindow) -> None:
    view = tl_window.timeline_tab.view
    assert view is not None
    assert len(view.lanes) == 1  # the three outlets' "soldiers killed": one counted thing
    assert sorted(p.value for p in view.points) == [5710, 14000, 14400]
    lane = view.lanes[0]
    assert lane.scatter is not None
    assert len(lane.scatter.points()) == 3
    # the same claimant colours as the compare view
    marchuk = next(i for i, p in enumerate(view.points) if p.claimant == "Olena Marchuk")
    spot = next(s for s in lane.scatter.points() if s.data() == marchuk)
    book = tl_window.compare_view.model.colors
    assert spot.brush().color().name() == book.claimant("Olena Marchuk")
    assert spot.symbol() == SYMBOLS[book.look("Olena Marchuk").marker]
    assert "3 figures in 1 lanes" in view.info.text()


def test_hover_tip_shows_the_sentence_escaped(tl_window: MainWindow) -> None:
    view = tl_window.timeline_tab.view
    assert view is not None
    i = next(i for i, p in enumerate(view.points) if p.value == 5710)
    tip = view.tip_for(i)
    assert "According to the ministry, 5,710 soldiers were killed in the region." in tip
    view.points[i].sentence = "<img src=http://x/y.png> said 5,710"
    assert "<img" not in view.tip_for(i)
    assert "&lt;img" in view.tip_for(i)


def _spot_pos(view: Any, lane: Any, index: int) -> Any:
    spot = next(s for s in lane.scatter.points() if s.data() == index)
    scene = lane.plot.vb.mapViewToScene(spot.pos())
    return view.graphics.mapFromScene(scene)


def test_clicking_a_point_opens_its_compare_row(qtbot, tl_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = tl_window.timeline_tab.view
    assert view is not None
    lane = view.lanes[0]
    i = next(i for i, p in enumerate(view.points) if p.value == 14400)
    qtbot.wait(50)
    pos = _spot_pos(view, lane, i)
    with qtbot.waitSignal(view.passageRequested, timeout=5000) as sig:
        qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == ["a2", 1]
    assert tl_window.tabs.currentWidget() is tl_window.compare_view
    assert tl_window.compare_view.table.currentIndex().row() == 0


def test_clicking_a_point_outside_the_comparison_opens_the_reader(qtbot, tl_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab = tl_window.timeline_tab
    with qtbot.waitSignal(tl_window.articleShown, timeout=5000) as sig:
        tab.open_passage("a3", 2)  # a passage no compare row holds
    assert sig.args[0].id == "a3"
    assert tl_window.tabs.currentWidget() is tl_window.reader


def test_brushing_a_time_range_filters_the_compare_rows(qtbot, tl_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    view = tl_window.timeline_tab.view
    assert view is not None
    table = tl_window.compare_view.table
    a1, a2, a3 = ARTICLES
    # the 12th: only a3's figure; the second row holds a1 and a2 passages without figures, dated 10th and 11th
    with qtbot.waitSignal(tl_window.timeline_tab.rowsFiltered, timeout=5000) as sig:
        view.brush(a3.date, a3.date)
    assert sig.args == [1]
    assert not table.isRowHidden(0)
    assert table.isRowHidden(1)
    with qtbot.waitSignal(tl_window.timeline_tab.rowsFiltered, timeout=5000) as sig:
        view.brush(dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    assert sig.args == [0]
    assert table.isRowHidden(0)
    with qtbot.waitSignal(tl_window.timeline_tab.rowsFiltered, timeout=5000) as sig:
        view.clear_brush_button.click()
    assert sig.args == [2]
    assert not table.isRowHidden(0)
    assert not table.isRowHidden(1)


def test_dragging_the_band_brushes(qtbot, tl_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = tl_window.timeline_tab.view
    assert view is not None
    assert view.region is not None
    assert view.overview is not None
    left, right = view.region.getRegion()
    vb = view.overview.vb
    y = sum(vb.viewRange()[1]) / 2
    port = view.graphics.viewport()
    # grab the band's right edge and drag it a third of the way left
    start = view.graphics.mapFromScene(vb.mapViewToScene(QPointF(right, y)))
    end = view.graphics.mapFromScene(vb.mapViewToScene(QPointF(right - (right - left) / 3, y)))
    with qtbot.waitSignal(view.rangeBrushed, timeout=5000) as sig:
        qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=start)
        for k in range(1, 6):
            _move(port, start + (end - start) * (k / 5))
        qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=end)
    lo, hi = sig.args[0]
    assert lo == x_day(left)
    assert hi < x_day(right)


def _move(widget: Any, pos: Any) -> None:
    """A mouse move with the left button held (QTest's mouseMove carries no buttons)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    ev = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                     Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def test_dark_theme_redraws(tl_window: MainWindow) -> None:
    view = tl_window.timeline_tab.view
    assert view is not None
    tl_window.set_theme("dark")
    assert view.theme.dark
    assert len(view.lanes) == 1
    tl_window.set_theme("light")


def test_hovering_a_point_sets_its_sentence_as_the_tip(qtbot, tl_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = tl_window.timeline_tab.view
    assert view is not None
    lane = view.lanes[0]
    i = next(i for i, p in enumerate(view.points) if p.value == 5710)
    qtbot.wait(50)
    qtbot.mouseMove(view.graphics.viewport(), _spot_pos(view, lane, i))
    qtbot.waitUntil(lambda: "5,710 soldiers were killed" in lane.plot.vb.toolTip(), timeout=3000)
    assert lane.plot.vb.toolTip().startswith("<p>")  # rich text we built, article text escaped inside


def test_a_brushed_range_hides_the_right_rows_of_a_sorted_table(qtbot, tl_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = tl_window.timeline_tab.view
    assert view is not None
    import dataclasses

    cv = tl_window.compare_view
    a3 = ARTICLES[2]
    comp = cv.model.comparison
    assert comp is not None
    # the second row the most relevant: sorted by relevance, the table shows it first
    rows = [dataclasses.replace(row, score=float(i)) for i, row in enumerate(comp.rows)]
    cv.set_comparison(dataclasses.replace(comp, rows=rows))
    cv.sort_box.setCurrentText("Relevance")
    assert cv.model.source_row(0) == 1
    with qtbot.waitSignal(tl_window.timeline_tab.rowsFiltered, timeout=5000) as sig:
        view.brush(a3.date, a3.date)
    assert sig.args == [1]
    assert not cv.table.isRowHidden(cv.model.view_row(0))  # the row with a3's figure
    assert cv.table.isRowHidden(cv.model.view_row(1))


def test_a_new_comparison_shows_every_row_and_touches_none_when_nothing_was_hidden(qtbot, tl_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = tl_window.timeline_tab.view
    assert view is not None
    table = tl_window.compare_view.table
    a3 = ARTICLES[2]
    with qtbot.waitSignal(tl_window.timeline_tab.rowsFiltered, timeout=5000):
        view.brush(a3.date, a3.date)
    assert any(table.isRowHidden(r) for r in range(tl_window.compare_view.model.rowCount()))
    with qtbot.waitSignal(tl_window.compared, timeout=10_000):
        tl_window.compare("soldiers killed")
    assert not any(table.isRowHidden(r) for r in range(tl_window.compare_view.model.rowCount()))
    calls: list[tuple[int, bool]] = []
    table.setRowHidden = lambda r, hide: calls.append((r, hide))  # type: ignore[method-assign]
    try:
        with qtbot.waitSignal(tl_window.timeline_tab.rowsFiltered, timeout=10_000) as sig:
            tl_window.compare("soldiers killed")
    finally:
        del table.setRowHidden
    assert sig.args == [tl_window.compare_view.model.rowCount()]
    assert calls == []  # nothing was hidden: no row touched


def test_the_date_axis_drops_a_day_tick_that_crowds_its_months_tick(qtbot) -> None:
    import pyqtgraph as pg

    w = pg.GraphicsLayoutWidget()
    qtbot.addWidget(w)
    plot = w.addPlot(axisItems={"bottom": _DateAxis(orientation="bottom")})
    w.resize(1000, 300)
    w.show()
    qtbot.waitExposed(w)
    w.grab()  # the axis learns its font when first drawn
    levels = plot.getAxis("bottom").tickValues(day_x(dt.date(2031, 5, 16)), day_x(dt.date(2031, 8, 22)), 900)
    months, days = levels[0][1], levels[1][1]
    assert day_x(dt.date(2031, 6, 1)) in months
    assert days  # the day ticks stay, but none within a few days of a month's tick
    assert all(abs(d - m) >= 2 * 86400 for d in days for m in months)
