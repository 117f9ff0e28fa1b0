"""Session h35h: a folder with many files desk does not read (20,000 pictures: a saved site's assets, a
photo folder opened by mistake) held the window's GUI thread for over a second at the end of every index
run, filling the Problems panel with one row each (0.7 s) after emptying it (0.4 s); each file saved in
the folder started a run.  The panel now lists the first :data:`MAX_PROBLEMS_SHOWN` by name and a line
saying how many more (``desk articles FOLDER`` lists every one), and is left as it is by a run that
changed no skipped file."""

from __future__ import annotations

import time

import pytest

from desk.gui.main_window import MAX_PROBLEMS_SHOWN, MainWindow
from desk.model import Skipped

pytestmark = pytest.mark.gui

MANY = 20_000


def _skipped(n: int) -> list[Skipped]:
    return [Skipped(f"/photos/shore_{i:06d}.jpg", "unsupported format: desk does not read .jpg files") for i in range(n)]


def test_many_skipped_files_fill_the_panel_in_a_bounded_time(fake_window: MainWindow) -> None:
    w = fake_window
    skipped = _skipped(MANY)
    started = time.perf_counter()
    w.refresh_problems(skipped)
    took = time.perf_counter() - started
    assert w.problems.topLevelItemCount() == MAX_PROBLEMS_SHOWN + 1
    first = w.problems.topLevelItem(0)
    last = w.problems.topLevelItem(MAX_PROBLEMS_SHOWN)
    assert first is not None
    assert last is not None
    assert first.text(0).endswith("shore_000000.jpg")  # the first by name
    assert last.text(0) == f"\u2026 and {MANY - MAX_PROBLEMS_SHOWN:,} more files"
    assert "desk articles FOLDER" in last.text(1)
    assert w.problems_dock.windowTitle() == f"Problems ({MANY})"  # every one counted
    assert took < 1.0  # 1.1 s before, with the panel empty; about 0.05 s now
    # a second run that skipped the same files leaves the panel alone
    started = time.perf_counter()
    w.refresh_problems(list(reversed(skipped)))
    assert time.perf_counter() - started < 0.2
    assert w.problems.topLevelItemCount() == MAX_PROBLEMS_SHOWN + 1


def test_a_few_skipped_files_are_each_listed_and_changes_shown(fake_window: MainWindow) -> None:
    w = fake_window
    w.refresh_problems(_skipped(3))
    assert w.problems.topLevelItemCount() == 3
    w.refresh_problems(_skipped(2))
    assert w.problems.topLevelItemCount() == 2
    w.refresh_problems([])
    assert w.problems.topLevelItemCount() == 0
