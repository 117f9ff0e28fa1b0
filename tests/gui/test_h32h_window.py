"""Session h32h, the window:

- the merge dialog stored a target name no claimant has (a typed misspelling), then said nothing on
  screen had changed: it is refused with the sentence ``desk aliases --merge`` gives;
- setting up the folder watcher walked the whole folder on the GUI thread (92 ms on one flat folder
  of 6,799 files): the walk runs on a pool thread, and the watcher still gets every sub-folder.
"""

from __future__ import annotations

import threading
from pathlib import Path

from test_h31h_alias_names import write_harbour as _harbour

from desk.gui import session as session_mod
from desk.gui.main_window import MainWindow
from desk.gui.session import Session
from desk.library import Library
from gui.test_flow import open_and_index


def test_the_merge_dialog_refuses_a_target_no_claimant_has(qtbot, settings, data_dir: Path,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    folder = _harbour(tmp_path)
    w = MainWindow(settings, data_dir=str(data_dir), err_windows=False)
    qtbot.addWidget(w)
    w.show()
    try:
        open_and_index(qtbot, w, folder)
        errors: list[str] = []
        w.errorShown.connect(errors.append)
        w.session.failed.connect(lambda message, _dialog: errors.append(message))
        w.alias_action("merge", "Ana Roe", "Coast Gard")
        qtbot.waitUntil(lambda: bool(errors), timeout=60_000)
        assert any("No claimant is called \u201cCoast Gard\u201d" in e for e in errors), errors
        assert any("Rename" in e for e in errors)
    finally:
        w.close_library()
    with Library(folder, data_dir=data_dir) as lib:
        assert lib.alias_entries() == []  # nothing was stored
        # a merge into a claimant the folder has still goes through
        lib.edit_alias("merge", "Ana Roe", "Coast Guard")
        assert lib.alias_entries()


def test_the_folder_walk_runs_off_the_gui_thread(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "articles"
    for sub in ("north", "north/quay", "south", ".hidden"):
        (folder / sub).mkdir(parents=True)
    threads: list[threading.Thread] = []
    real = session_mod.sub_folders

    def watched(found_in: Path, *args: object) -> list[str]:
        threads.append(threading.current_thread())
        return real(found_in, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(session_mod, "sub_folders", watched)
    s = Session()
    s.attach(object(), folder)  # type: ignore[arg-type]
    assert s._watcher.directories() == [str(folder)]  # the folder itself at once
    expected = {str(folder), str(folder / "north"), str(folder / "north" / "quay"), str(folder / "south")}
    qtbot.waitUntil(lambda: set(s._watcher.directories()) == expected, timeout=5000)
    assert threads
    assert threads[0] is not threading.main_thread()
    s.close()
    assert s._watcher.directories() == []


def test_a_walk_that_ends_after_the_folder_was_left_is_dropped(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    old, new = tmp_path / "old", tmp_path / "new"
    (old / "inner").mkdir(parents=True)
    new.mkdir()
    gate = threading.Event()
    real = session_mod.sub_folders

    def slow(found_in: Path, *args: object) -> list[str]:
        if found_in == old:
            gate.wait(5)
        return real(found_in, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(session_mod, "sub_folders", slow)
    s = Session()
    s.attach(object(), old)  # type: ignore[arg-type]
    threading.Timer(0.2, gate.set).start()  # the walk ends while close() waits for the pool
    s.close()
    s.attach(object(), new)  # type: ignore[arg-type]
    qtbot.wait(300)
    assert s._watcher.directories() == [str(new)]
    s.close()


def test_a_sub_folder_made_after_the_opening_is_watched_too(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Qt's watcher is not recursive: a file saved into a sub-folder made after the folder was opened
    changed nothing that was watched, and was not indexed until something else changed."""
    folder = tmp_path / "articles"
    folder.mkdir()
    s = Session()
    s._watch_timer.setInterval(50)
    s.attach(object(), folder)  # type: ignore[arg-type]
    qtbot.wait(200)
    with qtbot.waitSignal(s.folderChanged, timeout=5000):
        (folder / "later").mkdir()
    qtbot.waitUntil(lambda: str(folder / "later") in s._watcher.directories(), timeout=5000)
    with qtbot.waitSignal(s.folderChanged, timeout=5000):
        (folder / "later" / "news.txt").write_text("Ferry\n\nThe ferry sailed at noon.\n", encoding="utf-8")
    s.close()
