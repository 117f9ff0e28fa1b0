"""The real flow, on the real core: open -> index -> search -> compare -> tick -> export."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desk.export.markdown import escape_markdown
from desk.gui.compare_view import BADGE
from desk.gui.index_process import IndexJob
from desk.gui.main_window import MainWindow

FIGURES = ("14,000", "14,400", "5,710")


@pytest.fixture
def window(qtbot, settings, data_dir: Path):  # type: ignore[no-untyped-def]
    w = MainWindow(settings, data_dir=str(data_dir), err_windows=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_library()


def open_and_index(qtbot, w: MainWindow, folder: Path) -> None:  # type: ignore[no-untyped-def]
    progress: list[tuple[int, int]] = []
    crashes: list[str] = []
    w.crashShown.connect(crashes.append)
    w.errorShown.connect(crashes.append)
    with qtbot.waitSignal(w.folderOpened, timeout=60_000):
        assert w.open_folder(folder)
    task = w.index_task
    assert task is not None
    assert w.progress.isVisible()
    assert w.cancel_btn.isVisible()
    task.progress.connect(lambda d, t, m: progress.append((d, t)))
    qtbot.waitUntil(lambda: w.last_report is not None or bool(crashes), timeout=300_000)
    assert not crashes, crashes[0]
    report = w.last_report
    assert report is not None
    assert not report.cancelled
    assert progress, "no progress was reported while indexing"
    assert not w.progress.isVisible()
    qtbot.waitUntil(lambda: w.library_panel.model.rowCount() > 0, timeout=30_000)


def compare(qtbot, w: MainWindow, query: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.compared, timeout=120_000):
        w.focus_search()
        w.search_field.setText(query)
        qtbot.keyClick(w.search_field, Qt.Key.Key_Return)


def soldiers_row(w: MainWindow) -> int:
    m = w.compare_view.model
    for r in range(m.rowCount()):
        text = " ".join(m.index(r, c).data() or "" for c in range(1, m.columnCount()))
        if all(f in text for f in FIGURES):
            return r
    return -1


def test_seeds_flow(qtbot, window: MainWindow, seeds: Path, tmp_path: Path) -> None:
    w = window
    open_and_index(qtbot, w, seeds)
    assert w.library_panel.model.rowCount() == 5
    compare(qtbot, w, "soldiers killed")
    m = w.compare_view.model
    r = soldiers_row(w)
    assert r >= 0, "the 14,000 / 14,400 / 5,710 passages are not in one row"
    assert BADGE in m.index(r, 0).data()
    assert "\u2260" in " ".join(m.index(r, c).data(Qt.ItemDataRole.UserRole + 1) or "" for c in range(1, m.columnCount()))
    # the disagreement keys reach the row
    seen = set()
    for _ in range(m.rowCount()):
        seen.add(w.compare_view.next_disagreement())
    assert r in seen
    m.setData(m.index(r, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dlg = w.export_dialog()
    assert dlg is not None
    target = tmp_path / "soldiers.md"
    assert dlg.save_to(target, ask=False)
    saved = target.read_text(encoding="utf-8")
    for f in FIGURES:
        assert f in saved
    row = m.comparison.rows[r]
    for refs in row.cells.values():
        for ref in refs:
            assert ref.title.split()[0] in saved  # every passage is cited
            assert escape_markdown(ref.outlet) in saved  # as the export writes article text
            assert escape_markdown(ref.relpath) in saved or ref.relpath in saved
    dlg.deleteLater()


def test_demo_flow(qtbot, window: MainWindow, demo: Path, tmp_path: Path) -> None:
    """The demo folder (an invented dam failure): a query whose outlets disagree, exported."""
    if not demo.is_dir() or not any(demo.iterdir()):
        pytest.skip("the demo folder is not written yet")
    w = window
    open_and_index(qtbot, w, demo)
    compare(qtbot, w, "dead")
    m = w.compare_view.model
    r = w.compare_view.next_disagreement()
    assert r >= 0, "no disagreement among the demo outlets on the death toll"
    assert BADGE in m.index(r, 0).data()
    row = m.comparison.rows[r]
    assert len(row.outlets) >= 2
    m.setData(m.index(r, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dlg = w.export_dialog()
    assert dlg is not None
    target = tmp_path / "demo.md"
    assert dlg.save_to(target, ask=False)
    saved = target.read_text(encoding="utf-8")
    for outlet in row.outlets:
        assert outlet in saved
    for s in row.statements:
        assert s.figure.text in saved
    dlg.deleteLater()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie still answers: ask the process table
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


def test_indexing_runs_in_a_child_process(qtbot, window: MainWindow, seeds: Path) -> None:
    """The window's Library never runs update(): a child does, and the window sees its commits."""
    w = window
    assert w.open_folder(seeds)
    qtbot.waitUntil(lambda: w.index_task is not None, timeout=60_000)
    job = w.index_task
    assert isinstance(job, IndexJob)
    assert job.pid is not None
    assert job.pid != os.getpid()
    with qtbot.waitSignal(w.indexed, timeout=300_000) as blocker:
        pass
    report = blocker.args[0]
    assert report.added == 5
    assert not report.cancelled
    assert w.index_task is None
    qtbot.waitUntil(lambda: not _alive(job.pid), timeout=10_000)
    compare(qtbot, w, "soldiers killed")
    assert soldiers_row(w) >= 0
    # a second run finds nothing new
    with qtbot.waitSignal(w.indexed, timeout=300_000) as blocker:
        w.reindex()
    assert blocker.args[0].unchanged == 5


def test_cancel_indexing_in_the_child(qtbot, window: MainWindow, seeds: Path) -> None:
    w = window
    assert w.open_folder(seeds)
    qtbot.waitUntil(lambda: w.index_task is not None, timeout=60_000)
    job = w.index_task
    with qtbot.waitSignal(job.done, timeout=120_000):
        qtbot.mouseClick(w.cancel_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cancelled" in w.status.text().lower(), timeout=30_000)
    assert not w.cancel_btn.isVisible()
    assert w.last_report is None or w.last_report.cancelled
    qtbot.waitUntil(lambda: not _alive(job.pid), timeout=10_000)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_killed_indexing_child_is_reported_and_reindex_recovers(qtbot, window: MainWindow, seeds: Path) -> None:
    w = window
    crashes: list[str] = []
    w.crashShown.connect(crashes.append)
    assert w.open_folder(seeds)
    qtbot.waitUntil(lambda: w.index_task is not None, timeout=60_000)
    job = w.index_task
    with qtbot.waitSignal(job.done, timeout=60_000):
        os.kill(job.pid, signal.SIGKILL)
    assert crashes
    assert "ended unexpectedly" in crashes[0]
    assert not w.cancel_btn.isVisible()
    with qtbot.waitSignal(w.indexed, timeout=300_000) as blocker:
        w.reindex()
    report = blocker.args[0]
    assert report.added + report.unchanged == 5
    assert not report.cancelled


@pytest.mark.skipif(not hasattr(os, "nice"), reason="os.nice is POSIX")
def test_the_indexing_child_lowers_its_own_priority() -> None:
    """The child (and the workers it starts) yield the CPU to the window: run in a fresh process."""
    import subprocess
    import sys

    from desk.gui.index_child import NICENESS

    code = (
        "import os; from desk.gui.index_child import _yield_to_the_window; "
        "before = os.nice(0); _yield_to_the_window(); print(os.nice(0) - before)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert int(out.stdout.strip()) == min(NICENESS, 19 - os.nice(0))


def test_a_data_folder_inside_the_article_folder_is_refused_in_the_window(qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # the core refuses it (desk.library.Library), so the window says the same sentence as the command line
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Bridge <b>\n---\n\nThe mayor said 40 cars crossed the bridge.\n")
    w = MainWindow(settings, data_dir=str(folder / "desk-data"), err_windows=False)
    qtbot.addWidget(w)
    errors: list[str] = []
    w.errorShown.connect(errors.append)
    with qtbot.waitSignal(w.errorShown, timeout=20_000):
        assert w.open_folder(folder) is False  # refused at once (h33h), before any library is opened
    assert "lies inside the article folder" in errors[0]
    assert w.library is None
    assert sorted(p.name for p in folder.iterdir()) == ["a.md"]
    w.close()
