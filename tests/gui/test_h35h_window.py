"""Session h35h, the window.

- A query longer than desk reads (:data:`desk.errors.MAX_QUERY_CHARS`) is refused in the search field
  with the CLI's sentence, and nothing is sent to the comparing child, nor kept in the search history.
- Every role of a model that carries article text is inert.  Compare cells were painted from escaped HTML
  but gave the raw passage for their display role, which a screen reader reads and Ctrl+C copies, and a
  row's accessible text was its raw summary: a right-to-left override in a passage reordered what a
  screen reader read and what a copy pasted, and an ESC reached the clipboard.  Now a cell's display
  role is the text as painted (:func:`desk.textsafe.body_text`: one replacement character for each
  control), and one-line texts are :func:`desk.gui.plain.cell`'s.  One test per face: the compare
  table, the Results list, the claims table, the article list, the timeline's lane list, the completions.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QListWidget

from desk.errors import MAX_QUERY_CHARS, query_too_long
from desk.gui.claims_view import ClaimsModel
from desk.gui.compare_view import CompareModel, CompareView
from desk.gui.library_view import ArticleListModel
from desk.gui.main_window import MainWindow
from desk.gui.richtext import HtmlRole
from desk.gui.search import ResultsModel, SearchField
from desk.model import SearchResult
from desk.textsafe import BODY_UNSAFE_RE
from gui.fakes import ARTICLES, FakeLibrary, make_comparison, passage_ref
from gui.test_timeline import tl_window  # noqa: F401 - the fixture

pytestmark = pytest.mark.gui

RLO, ESC, LSEP = "\u202e", "\x1b", "\u2028"
HOSTILE = f"Harbour {RLO}deyalpsid {ESC}]52;c;cGFzdGU={ESC}\\ notice{LSEP}end"

#: every role a screen reader, a copy, a tool tip or an editor may read
ROLES = (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole, Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole, HtmlRole,
)


def _shown(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if value.lstrip().startswith("<"):
        doc = QTextDocument()
        doc.setHtml(value)
        return doc.toPlainText()
    return value


def _problems(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Each role of each index (and header) whose text holds a control, a line separator or a reordering
    bidi character."""
    parent = parent or QModelIndex()
    out: list[str] = []
    try:
        cols = model.columnCount(parent)
    except TypeError:  # a list model's columnCount is private in PySide
        cols = 1
    for r in range(model.rowCount(parent)):
        for c in range(max(1, cols)):
            idx = model.index(r, c, parent)
            for role in ROLES:
                text = _shown(idx.data(role))
                if text is not None and BODY_UNSAFE_RE.search(text):
                    out.append(f"[{r},{c}] role {int(role)}: {text[:60]!r}")
            if c == 0 and model.rowCount(idx) > 0:
                out.extend(_problems(model, idx))
    if not parent.isValid():
        for orient, n in ((Qt.Orientation.Horizontal, max(1, cols)), (Qt.Orientation.Vertical, model.rowCount())):
            for s in range(n):
                for role in ROLES:
                    text = _shown(model.headerData(s, orient, role))
                    if text is not None and BODY_UNSAFE_RE.search(text):
                        out.append(f"header {s}: {text!r}")
    return out


def _hostile_comparison():  # type: ignore[no-untyped-def]
    comp = make_comparison()
    row = comp.rows[0]
    ref = row.cells["Kyiv Daily"][0]
    ref.text = ref.text + " " + HOSTILE
    ref.end = ref.start + len(ref.text)
    row.summary = f"Olena {RLO}hcuraM: 14,000 {ESC}[2J"
    return comp


@pytest.mark.qt_log_ignore("QFont::setPixelSize")  # a cell's HTML read back into a bare document
def test_compare_cells_and_rows_are_inert_in_every_role(qtmodeltester) -> None:
    m = CompareModel()
    m.set_comparison(_hostile_comparison())
    qtmodeltester.check(m)
    assert _problems(m) == []
    shown = m.index(0, 1).data(Qt.ItemDataRole.DisplayRole)
    assert "Harbour \ufffddeyalpsid \ufffd]52;c;cGFzdGU=\ufffd\\ notice\ufffdend" in shown  # as painted, offsets kept
    said = m.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert said == "disagreement: Olena \\u202ehcuraM: 14,000 \\x1b[2J"


def test_ctrl_c_on_a_compare_cell_copies_no_control(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    view.set_comparison(_hostile_comparison())
    QGuiApplication.clipboard().setText("before")
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 1))
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert "deyalpsid" in copied
    assert not BODY_UNSAFE_RE.search(copied), repr(copied)


def test_the_results_list_is_inert_in_every_role(qtmodeltester) -> None:
    a = dataclasses.replace(ARTICLES[0], title=f"Gale {RLO}gninraw {ESC}[31m", outlet="Coast Post")
    a = dataclasses.replace(a, text=a.text.replace("the battle", f"the {RLO}elttab{ESC}]8;;x{ESC}\\"))
    m = ResultsModel()
    m.set_result(SearchResult("soldiers", [passage_ref(a, 1)], 1))
    qtmodeltester.check(m)
    assert _problems(m) == []


def test_the_claims_table_is_inert_in_every_role(qtmodeltester) -> None:
    lib = FakeLibrary("x")
    statements = [dataclasses.replace(s, claimant=f"Olena {RLO}hcuraM", sentence=HOSTILE) for s in lib.claims()]
    m = ClaimsModel()
    m.set_statements(statements, {a.id: a.date for a in ARTICLES})
    qtmodeltester.check(m)
    assert _problems(m) == []


def test_the_article_list_is_inert_in_every_role(qtmodeltester) -> None:
    m = ArticleListModel()
    odd = dataclasses.replace(ARTICLES[0], title=HOSTILE, relpath=f"memo{RLO}txt.exe{LSEP}.md")
    m.set_articles([odd, *ARTICLES[1:]])
    qtmodeltester.check(m)
    assert _problems(m) == []


def test_the_timeline_lanes_are_inert_in_every_role(tl_window: MainWindow) -> None:  # noqa: F811
    view = tl_window.timeline_tab.view
    assert view is not None
    assert view.timeline is not None
    view.set_timeline(dataclasses.replace(view.timeline, series=[
        dataclasses.replace(s, label=f"boats {RLO}dednarts {ESC}[2J") for s in view.timeline.series]))
    lanes: QListWidget = view.series_list
    assert lanes.count()
    assert _problems(lanes.model()) == []


def test_the_completions_are_inert_in_every_role(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = SearchField()
    qtbot.addWidget(field)
    field.set_vocabulary([f"Coast {ESC}[2JPost", "Bay Times", f"Sea{LSEP}Post"], [f"Peter {RLO}Olsen", "Ana Roe"])
    model = field.completer_.model()
    assert model is not None
    assert model.rowCount() == 2
    assert _problems(model) == []


def _open(qtbot, w: MainWindow, folder: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.indexed, timeout=10000):
        assert w.open_folder(folder)


def test_a_query_too_long_is_refused_in_the_search_field(qtbot, fake_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = fake_window
    _open(qtbot, w, tmp_path)
    errors: list[str] = []
    w.errorShown.connect(errors.append)
    asked: list[str] = []
    real_call = w.session.call
    monkeypatch.setattr(w.session, "call", lambda method, *a, **k: asked.append(method) or real_call(method, *a, **k))
    long = "quay " * 2000
    said = query_too_long(len(long.strip()))
    w.search(long)
    w.search_field.setText(long)  # text-safe: a test's own
    qtbot.keyClick(w.search_field, Qt.Key.Key_Return)  # Enter compares
    assert errors == [said, said]
    assert w.search_bar.message.text() == said
    assert w.search_bar.message.isVisible()
    assert asked == []  # nothing was searched or compared
    assert long.strip() not in w.search_field.history
    ok = ("quay " * (MAX_QUERY_CHARS // 5)).strip()
    with qtbot.waitSignal(w.compared, timeout=10000):
        w.compare(ok)
    assert asked == ["compare"]
    assert not w.search_bar.message.isVisible()


def _window_folder(root: Path) -> Path:
    folder = root / "articles"
    folder.mkdir()
    body = (
        f"The harbour master, Peter {RLO}Olsen, said 420 {ESC}[2Jboats were stranded in the {RLO}bay on Monday.\n\n"
        "Rescuers said 35 crew were brought ashore overnight, the coastguard told reporters.\n"
    )
    (folder / f"gale{RLO}txt{ESC}[31m.md").write_text(
        f"---\ntitle: 'Gale {RLO}gninraw strands boats'\nsite: 'Coast Post'\ndate: 2023-03-04\n---\n\n" + body)
    (folder / "b.md").write_text(
        "---\ntitle: \"Boats \\e[31madrift\"\nsite: 'Bay Times'\ndate: 2023-03-05\n---\n\n" + body.replace("420", "430"))
    return folder


@pytest.mark.timeout(300)
@pytest.mark.qt_log_ignore("QFont::setPixelSize")
def test_every_item_role_of_the_whole_window_is_inert(qtbot, settings, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from gui.test_flow import compare, open_and_index

    w = MainWindow(settings, data_dir=str(data_dir), err_windows=False)
    qtbot.addWidget(w)
    w.show()
    try:
        open_and_index(qtbot, w, _window_folder(tmp_path))
        compare(qtbot, w, "boats")
        assert w.compare_view.model.rowCount() > 0
        with qtbot.waitSignal(w.searched, timeout=60_000):
            w.search("boats")
        w.tabs.setCurrentWidget(w.timeline_tab)
        qtbot.wait(2000)
        QApplication.processEvents()
        problems: list[str] = []
        for wdg in QApplication.allWidgets():
            if isinstance(wdg, QAbstractItemView) and wdg.model() is not None:
                problems += [f"{type(wdg).__name__}:{wdg.objectName()} {p}" for p in _problems(wdg.model())]
        assert not problems, "\n".join(problems)
    finally:
        w.close_library()
