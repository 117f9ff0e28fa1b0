"""Screenshots of the Timeline tab on ukraine-media (light and dark), and the time to draw it.

Runs on a copy of the session's index of ../shared/corpus/ukraine-media (the
``ukraine_data`` fixture of tests/conftest.py; ``DESK_TEST_UKRAINE_DATA=DIR``
reuses one built earlier).  The PNGs go to
resources/screenshots/ and are looked at by a person; the test checks they were
written and are not blank, and prints the draw time of the whole-folder
``figure:>1000 killed`` timeline.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from desk.gui.main_window import MainWindow
from gui.test_screenshots import grab

pytestmark = pytest.mark.slow


@pytest.fixture
def ukr_window(qtbot, settings, ukraine: Path, ukraine_data: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    data = tmp_path / "ukr-data"
    shutil.copytree(ukraine_data, data)  # the session's index of ukraine-media, copied: the window writes
    w = MainWindow(settings, data_dir=data, err_windows=False)
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.indexed, timeout=600_000):
        assert w.open_folder(ukraine)
    yield w
    w.set_theme("light")
    w.close_library()


def _timeline(qtbot, w: MainWindow, query: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.compared, timeout=120_000):
        w.search_field.setText(query)
        w.compare(query)
    with qtbot.waitSignal(w.timeline_tab.timelineShown, timeout=120_000):
        w.tabs.setCurrentWidget(w.timeline_tab)


def test_timeline_screenshots_and_draw_time(qtbot, ukr_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    w = ukr_window
    w.set_theme("light")
    _timeline(qtbot, w, "figure:>1000 killed")
    view = w.timeline_tab.view
    assert view is not None
    assert view.lanes
    import time

    t0 = time.perf_counter()
    view.graphics.grab()  # paints every lane now
    painted = time.perf_counter() - t0
    t0 = time.perf_counter()
    view.redraw()
    view.graphics.grab()
    again = time.perf_counter() - t0
    print(f"\nfigure:>1000 killed: {len(view.timeline.points) if view.timeline else 0} points, "
          f"{len(view.lanes)} lanes: items built in {view.last_draw * 1000:.0f} ms, first paint {painted * 1000:.0f} ms; "
          f"rebuilt and painted again in {again * 1000:.0f} ms")
    # every lane shown at once (the list's most)
    view.series_list.blockSignals(True)
    for i in range(view.series_list.count()):
        view.series_list.item(i).setCheckState(Qt.CheckState.Checked)
    view.series_list.blockSignals(False)
    t0 = time.perf_counter()
    view.redraw()
    view.graphics.grab()
    print(f"all {len(view.lanes)} lanes the list allows: built and painted in {(time.perf_counter() - t0) * 1000:.0f} ms")
    _timeline(qtbot, w, "civilians killed")
    qtbot.wait(200)
    grab(w, "timeline")
    w.set_theme("dark")
    qtbot.waitUntil(lambda: w.palette().color(QPalette.ColorRole.Window).lightness() < 100)
    qtbot.wait(200)
    grab(w, "timeline-dark")
