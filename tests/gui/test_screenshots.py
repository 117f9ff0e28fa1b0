"""Screenshots of the main views, offscreen, into resources/screenshots/ (the README shows them).

The window runs on the real core over ../shared/corpus/seeds; the PNGs are
looked at by a person, the test checks that they were written and are not blank.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QWidget

from desk.gui.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[2] / "resources" / "screenshots"
#: ukraine-media screenshots show the corpus's articles: looked at, never committed
UKRAINE_SHOTS = SHOTS / "ukraine"


def ukraine_shots() -> Path:
    UKRAINE_SHOTS.mkdir(parents=True, exist_ok=True)
    (UKRAINE_SHOTS / ".gitignore").write_text("*\n", encoding="utf-8")
    return UKRAINE_SHOTS


def grab(widget: QWidget, name: str, folder: Path = SHOTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
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


# -- ukraine-media: the compare view on real coverage ------------------------------------------

#: the queries the compare view is judged on: (file name, query, since, until)
UKRAINE_QUERIES = [
    ("ukr-olenivka", "prison", dt.date(2022, 7, 29), dt.date(2022, 8, 20)),
    ("ukr-figure-killed", "figure:>1000 killed", None, None),
    ("ukr-grain-deal", '"grain deal"', None, None),
]


@pytest.fixture
def ukraine_window(qtbot, settings, ukraine: Path, ukraine_data: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window on ukraine-media, on a copy of the session's index of it (``ukraine_data``: built
    once per run, or reused from ``DESK_TEST_UKRAINE_DATA``)."""
    corpus = ukraine
    data = tmp_path / "ukr-data"
    shutil.copytree(ukraine_data, data)
    w = MainWindow(settings, data_dir=str(data), err_windows=False)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    errors: list[str] = []
    w.crashShown.connect(errors.append)
    with qtbot.waitSignal(w.indexed, timeout=900_000):
        assert w.open_folder(corpus)
    assert not errors, errors[0]
    yield w
    w.set_theme("light")
    w.close_library()


def _compare_on_ukraine(qtbot, w: MainWindow, query: str, since: dt.date | None, until: dt.date | None) -> None:  # type: ignore[no-untyped-def]
    panel = w.library_panel
    panel.use_dates.setChecked(since is not None)
    if since is not None and until is not None:
        panel.since.setDate(since)
        panel.until.setDate(until)
    with qtbot.waitSignal(w.compared, timeout=120_000), qtbot.waitSignal(w.searched, timeout=120_000):
        w.search_field.setText(query)
        w.compare(query)
    comp = w.compare_view.model.comparison
    assert comp is not None
    assert comp.rows, f"no rows for {query}"
    qtbot.wait(300)  # rows fitted, legend filled
    w.compare_view.update_legend()


@pytest.mark.slow
def test_ukraine_screenshots(qtbot, ukraine_window: MainWindow) -> None:
    w = ukraine_window
    w.results_dock.raise_()
    for theme in ("light", "dark"):
        w.set_theme(theme)
        if theme == "dark":
            qtbot.waitUntil(lambda: w.palette().color(QPalette.ColorRole.Window).lightness() < 100)
        for name, query, since, until in UKRAINE_QUERIES:
            _compare_on_ukraine(qtbot, w, query, since, until)
            view = w.compare_view
            # the legend is one line, however many claimants
            assert view.legend.height() <= 3 * view.legend.fontMetrics().lineSpacing() + 12
            grab(w, name if theme == "light" else f"{name}-dark", ukraine_shots())
    # the same comparison with rows unlocked: every pane keeps its outlet's name
    w.set_theme("light")
    _compare_on_ukraine(qtbot, w, "figure:>1000 killed", None, None)
    w.compare_view.lock.setChecked(False)
    qtbot.wait(300)
    grab(w, "ukr-unlocked", ukraine_shots())
    w.compare_view.lock.setChecked(True)
    # the rendered export preview of the same comparison
    dlg = w.export_dialog()
    assert dlg is not None
    dlg.resize(900, 700)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.rendered.requested == []
    grab(dlg, "ukr-export-preview", ukraine_shots())
    dlg.close()
    dlg.deleteLater()
    # a collation of the two articles of the strongest row: no caption rows, opened at its first row
    row = w.compare_view.model.comparison.rows[0]
    ids = list(dict.fromkeys(r.article_id for refs in row.cells.values() for r in refs))[:2]
    with qtbot.waitSignal(w.compared, timeout=120_000):
        w.collate(ids)
    qtbot.wait(300)
    assert w.compare_view.table.verticalScrollBar().value() == 0
    grab(w, "ukr-collate", ukraine_shots())
