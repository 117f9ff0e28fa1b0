"""Session h36h: the Problems panel's 20,000 entries are read, sorted and escaped off the GUI thread.

h35h capped the panel at :data:`MAX_PROBLEMS_SHOWN` rows, but the window still built a set of every
skipped file, picked the first thousand by name and escaped them on its GUI thread at the end of each
index run and each listing: about 50 ms with the machine idle, 190 ms under load, for a folder of
20,000 pictures.  :func:`problem_list` does that on the pool now, and the GUI thread only compares a key
and fills the rows.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from desk.gui import main_window
from desk.gui.main_window import MAX_PROBLEMS_SHOWN, MainWindow
from desk.model import IndexReport, Skipped

pytestmark = pytest.mark.gui

MANY = 20_000


def _skipped(folder: Path, n: int) -> list[Skipped]:
    return [Skipped(str(folder / f"gull_{i:06d}.png"), "unsupported format: desk does not read .png files")
            for i in range(n)]


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each :func:`problem_list` call ran on the GUI thread."""
    calls: list[bool] = []
    real = main_window.problem_list

    def spy(*args: Any) -> Any:
        calls.append(threading.current_thread() is threading.main_thread())
        return real(*args)

    monkeypatch.setattr(main_window, "problem_list", spy)
    return calls


def test_an_index_run_lists_its_problems_off_the_gui_thread(qtbot, fake_window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             threads: list[bool]) -> None:
    w = fake_window
    with qtbot.waitSignal(w.indexed, timeout=10_000):
        assert w.open_folder(tmp_path)
    threads.clear()
    folder = w.folder
    assert folder is not None
    w._indexed(IndexReport(added=1, skipped=_skipped(folder, MANY)))
    qtbot.waitUntil(lambda: w.problems.topLevelItemCount() == MAX_PROBLEMS_SHOWN + 1, timeout=10_000)
    assert threads
    assert not any(threads), "the skipped files were sorted on the GUI thread"
    first = w.problems.topLevelItem(0)
    assert first is not None
    assert first.text(0) == "gull_000000.png"  # relative to the folder, the first by name
    assert w.problems_dock.windowTitle() == f"Problems ({MANY})"


def test_the_listing_makes_the_problems_off_the_gui_thread(qtbot, fake_window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           threads: list[bool]) -> None:
    w = fake_window
    with qtbot.waitSignal(w.indexed, timeout=10_000):
        assert w.open_folder(tmp_path)
    # the run's own report (the fake's one broken PDF) is listed first; the listing then reads the store
    qtbot.waitUntil(lambda: w.problems.topLevelItemCount() == 1, timeout=10_000)
    lib = w.libs[-1]  # type: ignore[attr-defined]
    folder = w.folder
    assert folder is not None
    lib.skipped = lambda: _skipped(folder, 3)
    threads.clear()
    with qtbot.waitSignal(w.articlesLoaded, timeout=10_000):
        w.refresh_articles()
    qtbot.waitUntil(lambda: w.problems.topLevelItemCount() == 3, timeout=10_000)
    assert threads
    assert not any(threads)


def test_an_unchanged_list_leaves_the_panel_alone(fake_window: MainWindow, tmp_path: Path) -> None:
    w = fake_window
    skipped = _skipped(tmp_path, 5)
    w.show_problems(main_window.problem_list(skipped, tmp_path))
    first = w.problems.topLevelItem(0)
    w.show_problems(main_window.problem_list(list(reversed(skipped)), tmp_path))
    assert w.problems.topLevelItem(0) is first  # not filled again
    w.show_problems(main_window.problem_list(skipped[:4], tmp_path))
    assert w.problems.topLevelItemCount() == 4
    w.show_problems(main_window.problem_list([], tmp_path))
    assert w.problems.topLevelItemCount() == 0
    assert w.problems_dock.windowTitle() == "Problems"
