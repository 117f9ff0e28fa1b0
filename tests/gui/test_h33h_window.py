"""Session h33h, the window:

- the date filter with its From date after its To date showed "0 of 3 articles", and a search or a
  comparison over it found nothing, with no word of why: the sentence ``desk search --since A
  --until B`` gives (:func:`desk.errors.dates_reversed`) is shown, and nothing is searched;
- File > Open of a folder that holds the window's data folder closed the folder open, then the library
  refused the new one: the window was left with none, and the refused folder went on as the place of
  its settings and log; it is refused before anything happens, as at the start;
- the open folder renamed or removed: a rename reached the watcher not at all (the window went on
  showing a live index of a folder that was gone), a removal made the index run fail and left the count
  line at "indexing…" for good: the session notices, the window closes the folder and says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from desk.errors import DeskError
from desk.gui.main_window import MainWindow
from desk.gui.session import Session
from desk.library import Library
from gui.fakes import FakeLibrary


def _open_and_index(qtbot, w, folder: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.indexed, timeout=10000):
        assert w.open_folder(folder)


def test_a_reversed_date_filter_gets_the_cli_sentence(qtbot, fake_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = fake_window
    _open_and_index(qtbot, w, tmp_path)
    panel = w.library_panel
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 3)
    panel.use_dates.setChecked(True)
    panel.since.setDate(QDate(2023, 5, 2))
    panel.until.setDate(QDate(2023, 4, 1))
    said = "The From date 2023-05-02 is after the To date 2023-04-01: no date lies between them."
    assert panel.count.text() == f"0 of 3 articles: {said}"
    errors: list[str] = []
    w.errorShown.connect(errors.append)
    asked: list[str] = []
    real_call = w.session.call
    monkeypatch.setattr(w.session, "call", lambda method, *a, **k: asked.append(method) or real_call(method, *a, **k))
    w.search("killed")
    w.compare("killed")
    assert errors == [said, said]
    assert w.search_bar.message.text() == said
    assert asked == []  # nothing was searched
    # in order again: the count line counts
    panel.until.setDate(QDate(2023, 6, 1))
    assert "is after" not in panel.count.text()


def test_the_library_refuses_a_reversed_range_with_the_same_words(tmp_path: Path) -> None:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Dock\n\nThe harbour office said 40 cranes stood idle on Friday.\n", encoding="utf-8")
    with Library(f, data_dir=tmp_path / "d") as lib:
        lib.update(extract=False)
        for call in (lib.search, lib.compare, lib.timeline):
            with pytest.raises(DeskError) as caught:
                call("cranes", since="2023-05", until="2023-04")
            assert str(caught.value) == "since 2023-05 is after until 2023-04: no date lies between them."
        assert lib.search("cranes", since="2023-04", until="2023-04").hits == []  # one month is in order


def test_file_open_refuses_a_folder_holding_the_data_folder(qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    articles, other = tmp_path / "articles", tmp_path / "other"
    articles.mkdir()
    other.mkdir()
    data = articles / "desk-data"
    opened: list[str] = []

    def factory(folder: str, data_dir: str | None) -> FakeLibrary:
        opened.append(folder)
        return FakeLibrary(folder, data_dir)

    w = MainWindow(settings, data_dir=str(data), library_factory=factory, err_windows=False)
    qtbot.addWidget(w)
    w.show()
    try:
        _open_and_index(qtbot, w, other)
        errors: list[str] = []
        w.errorShown.connect(errors.append)
        assert w.open_folder(articles) is False
        assert errors
        assert "lies inside the article folder" in errors[0]
        assert opened == [str(other)]  # no library was opened for it
        assert w.library is not None
        assert w.folder == other.resolve()
        assert str(articles.resolve()) not in settings.get("folders/recent")
        assert settings.get("folders/last") == str(other.resolve())
    finally:
        w.close_library()


def test_the_session_notices_its_folder_renamed_or_removed(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for how in ("rename", "remove"):
        folder = tmp_path / f"articles-{how}"
        (folder / "inner").mkdir(parents=True)
        s = Session()
        s._place_timer.setInterval(50)
        s._watch_timer.setInterval(50)
        s.attach(object(), folder)  # type: ignore[arg-type]
        qtbot.wait(100)
        with qtbot.waitSignal(s.folderLost, timeout=5000) as lost:
            if how == "rename":
                folder.rename(tmp_path / "renamed")
            else:
                (folder / "inner").rmdir()
                folder.rmdir()
        assert str(folder) in lost.args[0]
        assert "moved, renamed or removed while it was open" in lost.args[0]
        s.close()


def test_a_folder_put_back_at_its_path_is_watched_again(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "articles"
    folder.mkdir()
    s = Session()
    s._place_timer.setInterval(50)
    s.attach(object(), folder)  # type: ignore[arg-type]
    lost: list[str] = []
    s.folderLost.connect(lost.append)
    with qtbot.waitSignal(s.folderChanged, timeout=5000):
        folder.rename(tmp_path / "old")
        folder.mkdir()  # another folder, at once, where the first was
    assert lost == []
    with qtbot.waitSignal(s.folderChanged, timeout=5000):
        (folder / "new.txt").write_text("Ferry\n\nThe ferry sailed at noon.\n", encoding="utf-8")
    s.close()


def test_the_window_closes_a_folder_that_went_away(qtbot, fake_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = fake_window
    w.session._place_timer.setInterval(50)
    folder = tmp_path / "articles"
    folder.mkdir()
    _open_and_index(qtbot, w, folder)
    qtbot.waitUntil(lambda: w.library_panel.proxy.rowCount() == 3)
    with qtbot.waitSignal(w.errorShown, timeout=5000) as shown:
        folder.rename(tmp_path / "moved")
    assert "was moved, renamed or removed while it was open" in shown.args[0]
    assert w.library is None
    assert w.library_panel.model.rowCount() == 0
    assert w.windowTitle() == "desk"
    assert "indexing" not in w.library_panel.count.text()


def test_a_failed_index_run_ends_the_indexing_line(qtbot, fake_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = fake_window
    _open_and_index(qtbot, w, tmp_path)

    def full(*_a: object, **_k: object) -> None:
        raise DeskError("The disk is full: desk could not save the index in /nowhere.")

    monkeypatch.setattr(w.libs[-1], "update", full)
    with qtbot.waitSignal(w.errorShown, timeout=5000):
        w.reindex()
    qtbot.waitUntil(lambda: not w.session.indexing, timeout=5000)
    assert "indexing" not in w.library_panel.count.text()
    assert w.library_panel.count.text() == "3 of 3 articles"
