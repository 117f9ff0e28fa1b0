"""Smaller promises: hover counterparts, completion, history, copy, drop, crash report, arguments."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from desk.gui import app as gui_app
from desk.gui import application, crash
from desk.gui.compare_view import CompareView
from desk.gui.markup import anchor_key
from desk.gui.richtext import HtmlRole
from desk.gui.search import SearchField
from gui.fakes import make_comparison


def test_hover_lights_up_counterparts(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    view.set_comparison(make_comparison())
    m = view.model
    before = m.index(0, 1).data(HtmlRole)
    hover_bg = m.colors.theme.hover_bg
    assert hover_bg not in before
    key = anchor_key("who", "General Staff")
    m.set_hover(key)
    assert hover_bg in m.index(0, 2).data(HtmlRole)  # the General Staff's passage lights up
    assert hover_bg not in m.index(0, 1).data(HtmlRole)
    # the delegate finds our anchors under the mouse
    rect = view.table.visualRect(m.index(0, 1))
    found = {
        view.delegate.anchor_at(view.table, QPoint(x, y))
        for x in range(rect.left() + 2, rect.right(), 6)
        for y in range(rect.top() + 2, rect.top() + 60, 4)
    }
    assert anchor_key("fig", "14000") in found


def test_unlocked_panes_scroll_on_their_own(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.show()
    view.set_comparison(make_comparison())
    view.lock.setChecked(False)
    assert view.stack.currentWidget() is view.pane_scroll
    assert view.panes.count() == 3
    view.set_outlet_visible("Wire Service", False)
    assert view.panes.count() == 2
    view.lock.setChecked(True)
    assert view.stack.currentWidget() is view.table
    assert view.table.isColumnHidden(2)


def test_completion_and_history(qtbot) -> None:
    field = SearchField()
    qtbot.addWidget(field)
    field.show()
    field.set_vocabulary(["Kyiv Independent", "Reuters"], ["Volodymyr Zelensky"])
    qtbot.keyClicks(field, "killed Reu")
    assert field.completer_.completionCount() == 1
    assert field.completer_.currentCompletion() == "outlet:Reuters"
    field._insert_completion("outlet:Reuters")
    assert field.text() == "killed outlet:Reuters "
    field.set_history(["grain deal", "soldiers killed"])
    field.clear()
    field.completer_.popup().hide()
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "grain deal"
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "soldiers killed"
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.text() == "grain deal"
    with qtbot.waitSignal(field.submitted) as blocker:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert blocker.args == ["grain deal"]


def test_copy_as_markdown(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    with qtbot.waitSignal(w.indexed, timeout=10000):
        w.open_folder(tmp_path)
    w.copy_markdown()
    assert "Nothing to copy" in w.status.text()
    with qtbot.waitSignal(w.compared, timeout=10000):
        w.compare("soldiers killed")
    w.copy_markdown()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("# ")
    assert "14,400" in text


def test_dropping_a_folder_opens_it(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(w.folderOpened, timeout=10000) as blocker:
        w.dropEvent(event)
    assert blocker.args == [str(tmp_path.resolve())]
    assert w.settings.get("folders/recent")[0] == str(tmp_path.resolve())


def test_crash_goes_to_stderr_and_log(capsys, data_dir: Path) -> None:
    path = crash.report_crash("Traceback (most recent call last):\nValueError: x\n", str(data_dir), dialog=False)
    assert path is not None
    assert "ValueError: x" in path.read_text(encoding="utf-8")
    assert "ValueError: x" in capsys.readouterr().err


def test_arguments(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    args = gui_app.parse_args(["/some/folder", "--data-dir", "/d", "--no-err-windows"])
    assert (args.folder, args.data_dir, args.no_err_windows) == ("/some/folder", "/d", True)
    with pytest.raises(SystemExit):
        gui_app.parse_args(["--version"])
    assert "desk" in capsys.readouterr().out
    calls = []
    monkeypatch.setattr("desk.gui.smoke.run_smoke_test", lambda folder, data: calls.append((folder, data)) or 0)
    assert gui_app.main(["--smoke-test", "/f", "--data-dir", "/d"]) == 0
    assert calls == [("/f", "/d")]
    monkeypatch.setattr("desk.gui.versions.long_version", lambda: "desk 9.9 (test)")
    assert gui_app.main(["--long-version"]) == 0
    assert "desk 9.9 (test)" in capsys.readouterr().out


def test_initial_folder(tmp_path: Path) -> None:
    assert application.initial_folder("/given", "") == "/given"
    assert application.initial_folder(None, str(tmp_path)) == str(tmp_path)
    demo = application.initial_folder(None, str(tmp_path / "gone"))
    assert demo is None or Path(demo).name == "demo"
    assert sys.modules["desk.gui.app"] is gui_app
