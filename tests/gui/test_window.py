"""The window over a hand-made library: the flows, the worker, settings, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desk.errors import DeskError
from desk.gui import settings as settings_mod
from desk.gui.compare_view import BADGE
from desk.gui.worker import Task
from desk.model import Skipped


def _open_and_index(qtbot, w, folder: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.indexed, timeout=10000):
        assert w.open_folder(folder)


def test_open_index_search_compare_export(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    folder = tmp_path / "articles"
    folder.mkdir()
    w.library_factory_orig = w.library_factory  # type: ignore[attr-defined]

    seen: list[tuple[int, int]] = []
    # hold the first update so the progress bar and Cancel are visibly there
    def factory(f: str, d: str | None):  # type: ignore[no-untyped-def]
        lib = w.library_factory_orig(f, d)  # type: ignore[attr-defined]
        lib.gate.clear()
        return lib

    w.library_factory = factory
    with qtbot.waitSignal(w.folderOpened, timeout=10000):
        assert w.open_folder(folder)
    lib_gate = w.library.gate
    assert w.progress.isVisible()
    assert w.cancel_btn.isVisible()
    w.index_task.progress.connect(lambda d, t, m: seen.append((d, t)))
    with qtbot.waitSignal(w.indexed, timeout=10000):
        lib_gate.set()
    assert seen[-1] == (3, 3)
    assert not w.progress.isVisible()
    qtbot.waitUntil(lambda: w.library_panel.model.rowCount() == 3)
    qtbot.waitUntil(w.problems_dock.isVisible)  # the Problems list is made off the GUI thread
    assert w.problems.topLevelItemCount() == 1

    with qtbot.waitSignal(w.compared, timeout=10000), qtbot.waitSignal(w.claimsLoaded, timeout=10000):
        w.search_field.setText("soldiers killed")
        qtbot.keyClick(w.search_field, Qt.Key.Key_Return)
    m = w.compare_view.model
    assert w.tabs.currentWidget() is w.compare_view
    assert m.rowCount() == 2
    cells = [m.index(0, c).data() for c in range(1, m.columnCount())]
    assert any("14,000" in c for c in cells)
    assert any("14,400" in c for c in cells)
    assert any("5,710" in c for c in cells)
    assert BADGE in m.index(0, 0).data()
    assert w.claims_view.model.rowCount() == 3
    assert w.settings.get("search/history")[0] == "soldiers killed"

    assert w.compare_view.next_disagreement() == 0
    m.setData(m.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dlg = w.export_dialog()
    assert dlg is not None
    assert "14,400" in dlg.markdown
    assert "Quiet" not in dlg.markdown
    target = tmp_path / "out.md"
    assert dlg.save_to(target, ask=False)
    saved = target.read_text(encoding="utf-8")
    assert "14,000" in saved
    assert "5,710" in saved
    assert "Kyiv Daily" in saved
    # never overwrite without asking
    target.write_text("mine", encoding="utf-8")
    assert not dlg.save_to(target, ask=False)
    assert target.read_text(encoding="utf-8") == "mine"
    dlg.deleteLater()


def test_cancel_indexing(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    orig = w.library_factory

    def factory(f: str, d: str | None):  # type: ignore[no-untyped-def]
        lib = orig(f, d)
        lib.gate.clear()
        return lib

    w.library_factory = factory
    with qtbot.waitSignal(w.folderOpened, timeout=10000):
        w.open_folder(tmp_path)
    with qtbot.waitSignal(w.index_task.canceled, timeout=10000):
        qtbot.mouseClick(w.cancel_btn, Qt.MouseButton.LeftButton)
    assert "cancelled" in w.status.text().lower()
    assert not w.cancel_btn.isVisible()


def test_malformed_query_reads_as_a_sentence(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    _open_and_index(qtbot, w, tmp_path)
    with qtbot.waitSignal(w.errorShown, timeout=10000) as blocker:
        w.search('"soldiers killed')
    assert "quote" in blocker.args[0]
    assert w.search_bar.message.isVisible()
    assert "quote" in w.search_bar.message.text()


def test_click_result_opens_reader_at_match(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    _open_and_index(qtbot, w, tmp_path)
    with qtbot.waitSignal(w.searched, timeout=10000):
        w.search("killed")
    ref = w.results.model.item(0).child(0).data(Qt.ItemDataRole.UserRole + 2)
    with qtbot.waitSignal(w.articleShown, timeout=10000):
        w.results.passageActivated.emit(ref)
    assert w.tabs.currentWidget() is w.reader
    assert w.reader.matches
    s, e = w.reader.matches[w.reader.current]
    assert w.reader.browser.textCursor().selectedText().lower() == w.reader.article.text[s:e].lower()
    first = w.reader.current
    w.reader.next_match()
    assert w.reader.current == (first + 1) % len(w.reader.matches)


def test_collate_needs_two_articles(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    _open_and_index(qtbot, w, tmp_path)
    qtbot.waitUntil(lambda: w.library_panel.proxy.rowCount() == 3)
    w.collate()
    assert "two or more" in w.status.text()
    w.library_panel.table.selectAll()
    with qtbot.waitSignal(w.compared, timeout=10000) as blocker:
        w.collate()
    assert blocker.args[0].mode == "collate"


def test_folder_watch_reindexes(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    _open_and_index(qtbot, w, tmp_path)
    w.session._watch_timer.setInterval(50)
    with qtbot.waitSignal(w.indexed, timeout=10000):
        (tmp_path / "new.txt").write_text("new article", encoding="utf-8")
    assert w.library.updates == 2


def test_missing_folder_is_a_message(qtbot, settings, data_dir, tmp_path: Path) -> None:
    from desk.errors import FolderError
    from desk.gui.main_window import MainWindow

    def factory(f: str, d: str | None):  # type: ignore[no-untyped-def]
        raise FolderError(f"The folder {f} does not exist.")

    w = MainWindow(settings, data_dir=str(data_dir), library_factory=factory, err_windows=False)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.errorShown):
        assert not w.open_folder("/nonexistent/folder")
    assert "does not exist" in w.status.text()
    # the core's own refusal (a folder it cannot use ...) arrives later, as a message
    # (a folder of its own: the window's data folder as the article folder is refused before the core, h33h)
    with qtbot.waitSignal(w.errorShown, timeout=10000) as blocker:
        assert w.open_folder(str(tmp_path))
    assert "does not exist" in blocker.args[0]
    assert w.library is None


def test_settings_typed_and_versioned(qtbot, settings) -> None:
    assert settings.get("folders/recent") == []
    assert settings.get("compare/locked") is True
    settings.push("folders/recent", "/a", 2)
    settings.push("folders/recent", "/b", 2)
    settings.push("folders/recent", "/c", 2)
    settings.set("compare/locked", False)
    settings.sync()
    again = settings_mod.Settings()
    assert again.get("folders/recent") == ["/c", "/b"]
    assert again.get("compare/locked") is False
    assert Path(again.path).is_relative_to(Path(settings.path).parent)
    with pytest.raises(KeyError):
        again.get("no/such/option")


def test_worker_delivers_results_errors_and_progress_on_gui_thread(qtbot) -> None:
    from PySide6.QtCore import QThread

    threads = []

    def work(n: int, progress, cancelled) -> int:  # type: ignore[no-untyped-def]
        threads.append(QThread.currentThread())
        for i in range(n):
            progress(i + 1, n, "")
        return n * 2

    t = Task(work, 5, with_progress=True)
    got = []
    t.finished.connect(lambda r: got.append((r, QThread.currentThread())))
    with qtbot.waitSignal(t.done, timeout=5000):
        t.start()
    assert got[0][0] == 10
    assert got[0][1] is QThread.currentThread()  # the GUI thread
    assert threads[0] is not QThread.currentThread()

    def bad() -> None:
        raise DeskError("The index is locked by another desk.")

    t2 = Task(bad)
    with qtbot.waitSignal(t2.failed, timeout=5000) as blocker:
        t2.start()
    assert blocker.args == ["The index is locked by another desk."]

    def bug() -> None:
        raise ZeroDivisionError("boom")

    t3 = Task(bug)
    with qtbot.waitSignal(t3.crashed, timeout=5000) as blocker:
        t3.start()
    assert "ZeroDivisionError" in blocker.args[0]


def test_list_refresh_leaves_an_unchanged_list_alone(qtbot, fake_window, tmp_path: Path) -> None:
    """While a folder is indexed the list is reloaded every few seconds: the GUI thread redoes it only on change."""
    w = fake_window
    _open_and_index(qtbot, w, tmp_path)
    qtbot.waitUntil(lambda: w.library_panel.model.rowCount() == 3)
    qtbot.waitUntil(lambda: not any(t.name in ("listing", "problems") for t in w.session.tasks))  # the loads after opening and indexing
    calls: list[int] = []
    real = w.library_panel.set_articles
    w.library_panel.set_articles = lambda arts: (calls.append(len(arts)), real(arts))  # type: ignore[method-assign]
    with qtbot.waitSignal(w.articlesLoaded, timeout=10000):
        w.refresh_articles()
    assert calls == []
    w.library.articles_list.pop()
    with qtbot.waitSignal(w.articlesLoaded, timeout=10000) as blocker:
        w.refresh_articles()
    assert blocker.args == [2]
    assert calls == [2]
    assert w.library_panel.model.rowCount() == 2
    assert set(w.articles) == {a.id for a in w.library.articles_list}
    # files the core skipped reach the Problems dock once, and only when they change
    skipped = [Skipped("/articles/broken.pdf", "the PDF has no text layer")]
    w.library.skipped = lambda: list(skipped)
    w.problems.clear()
    with qtbot.waitSignal(w.articlesLoaded, timeout=10000):
        w.refresh_articles()
    assert w.problems.topLevelItemCount() == 1
    w.problems.clear()
    with qtbot.waitSignal(w.articlesLoaded, timeout=10000):
        w.refresh_articles()
    assert w.problems.topLevelItemCount() == 0
