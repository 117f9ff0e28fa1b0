"""Screenshots of the main views, offscreen, into resources/screenshots/ (the README shows them).

The window runs on the real core over ../shared/corpus/seeds; the PNGs are
looked at by a person, the test checks that they were written and are not blank.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QWidget

from desk.gui.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[2] / "resources" / "screenshots"


def grab(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pix = widget.grab()
    assert pix.save(str(path), "PNG")
    img = QImage(str(path))
    assert img.width() > 300
    assert img.height() > 200
    # not one flat colour
    colours = {img.pixel(x, y) for x in range(0, img.width(), 37) for y in range(0, img.height(), 29)}
    assert len(colours) > 5
    return path


@pytest.fixture
def shot_window(qtbot, settings, data_dir: Path, seeds: Path):  # type: ignore[no-untyped-def]
    w = MainWindow(settings, data_dir=str(data_dir), err_windows=False)
    qtbot.addWidget(w)
    w.resize(1400, 860)
    w.show()
    qtbot.waitExposed(w)
    errors: list[str] = []
    w.crashShown.connect(errors.append)
    w.errorShown.connect(errors.append)
    with qtbot.waitSignal(w.indexed, timeout=300_000):
        assert w.open_folder(seeds)
    assert not errors, errors[0]
    qtbot.waitUntil(lambda: w.library_panel.model.rowCount() == 5, timeout=30_000)
    yield w
    w.set_theme("light")
    w.close_library()


def test_screenshots(qtbot, shot_window: MainWindow) -> None:
    w = shot_window
    w.set_theme("light")
    # library + reader
    w.library_dock.raise_()
    with qtbot.waitSignal(w.articleShown, timeout=30_000):
        w.library_panel.table.selectRow(0)
        w.search_field.setText("soldiers killed")
        w._marked_query = "soldiers killed"
        w.open_article(w.library_panel.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 2).id)
    grab(w, "library")
    # compare with a disagreement
    with qtbot.waitSignal(w.compared, timeout=120_000), qtbot.waitSignal(w.claimsLoaded, timeout=120_000):
        w.search_field.setText("soldiers killed")
        w.compare("soldiers killed")
    w.results_dock.raise_()
    row = w.compare_view.next_disagreement()
    assert row >= 0
    w.compare_view.model.setData(w.compare_view.model.index(row, 0), Qt.CheckState.Checked.value,
                                 Qt.ItemDataRole.CheckStateRole)
    grab(w, "compare")
    # claims table
    w.tabs.setCurrentWidget(w.claims_view)
    grab(w, "claims")
    # dark palette, compare view
    w.set_theme("dark")
    w.tabs.setCurrentWidget(w.compare_view)
    # the application palette reaches the widgets through posted events
    qtbot.waitUntil(lambda: w.palette().color(QPalette.ColorRole.Window).lightness() < 100)
    qtbot.waitUntil(lambda: w.compare_view.table.palette().color(QPalette.ColorRole.Base).lightness() < 100)
    grab(w, "compare-dark")
