"""Session h34h: a bidi override (U+202E) or isolate in a title, an outlet, a claimant's name or an
article's text was shown raw by the article list, the Results list, the claims table, the search
field's completions, the compare cells and the reader: it reordered the rest of the cell ("Gale
\u202egninraw" read "Gale warning", "\u202e0021" read "1200").  Tool tips, labels and window titles
escaped it already (:mod:`desk.gui.plain`).  Now one-line cells show it as the terminal does
(``\u202e``, :func:`desk.gui.plain.cell`) and article text as one replacement character each
(:func:`desk.gui.markup.escape_text`, offsets kept); one test per face, then the whole window walked.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QLabel, QTextEdit

from desk.gui.claims_view import ClaimsModel
from desk.gui.library_view import ArticleListModel
from desk.gui.main_window import MainWindow
from desk.gui.markup import escape_text
from desk.gui.richtext import HtmlRole
from desk.gui.search import ResultsModel, SearchField
from desk.model import SearchResult
from desk.textsafe import REORDERING
from gui.fakes import ARTICLES, FakeLibrary, passage_ref
from gui.test_flow import compare, open_and_index
from gui.test_timeline import tl_window  # noqa: F401 - the fixture

pytestmark = pytest.mark.gui

RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"


def _folder(root: Path) -> Path:
    folder = root / "articles"
    folder.mkdir()
    body = (
        f"The harbour master, Peter {RLO}Olsen, said 420 {RLO}boats were stranded in the {RLO}bay on Monday.\n\n"
        "Rescuers said 35 crew were brought ashore overnight, the coastguard told reporters.\n"
    )
    (folder / f"gale{RLO}txt.md").write_text(
        f"---\ntitle: 'Gale {RLO}gninraw strands boats'\nsite: 'Coast {LRI}Post'\ndate: 2023-03-04\n---\n\n" + body)
    (folder / "b.md").write_text(
        f"---\ntitle: 'Boats {RLO}adrift'\nsite: 'Bay {RLO}Times'\ndate: 2023-03-05\n---\n\n" + body.replace("420", "430"))
    return folder


def _bad(text: object) -> bool:
    return isinstance(text, str) and any(ch in REORDERING for ch in text)


def _walk_model(name: str, model: QAbstractItemModel, problems: list[str], parent: QModelIndex | None = None) -> None:
    parent = parent or QModelIndex()
    for r in range(model.rowCount(parent)):
        try:
            cols = model.columnCount(parent)
        except TypeError:
            cols = 1
        for c in range(max(1, cols)):
            idx = model.index(r, c, parent)
            roles = [Qt.ItemDataRole.ToolTipRole, HtmlRole]
            if not (name.startswith("_HoverTable:compareTable") and c > 0):
                roles.append(Qt.ItemDataRole.DisplayRole)  # a compare pane's cell is painted from HtmlRole
            for role in roles:
                v = idx.data(role)
                if isinstance(v, str) and v.lstrip().startswith("<"):
                    d = QTextDocument()
                    d.setHtml(v)
                    v = d.toPlainText()
                if _bad(v):
                    problems.append(f"{name}[{r},{c}] role {role}: {v[:80]!r}")
            if c == 0 and model.rowCount(idx) > 0:
                _walk_model(name, model, problems, idx)
    for orient in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        try:
            n = model.columnCount(QModelIndex()) if orient == Qt.Orientation.Horizontal else model.rowCount(QModelIndex())
        except TypeError:  # a list model's columnCount is private in PySide
            n = 1 if orient == Qt.Orientation.Horizontal else model.rowCount(QModelIndex())
        for s in range(n):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                v = model.headerData(s, orient, role)
                if _bad(v):
                    problems.append(f"{name} header {s}: {v!r}")


def _plain(v: str) -> str:
    if v.lstrip().startswith("<"):
        d = QTextDocument()
        d.setHtml(v)
        return d.toPlainText()
    return v


def _walk(problems: list[str]) -> None:
    for wdg in QApplication.allWidgets():
        if isinstance(wdg, QAbstractItemView) and wdg.objectName() == "" and type(wdg).__name__ == "QHeaderView":
            continue  # a header shows its table's model, walked with the table
        name = f"{type(wdg).__name__}:{wdg.objectName()}"
        for what, text in (("tip", wdg.toolTip()), ("title", wdg.windowTitle()), ("status", wdg.statusTip())):
            if _bad(text):
                problems.append(f"{name} {what}: {text!r}")
        if isinstance(wdg, QLabel) and _bad(_plain(wdg.text())):
            problems.append(f"{name} label: {wdg.text()!r}")
        if isinstance(wdg, QAbstractButton) and _bad(wdg.text()):
            problems.append(f"{name} button: {wdg.text()!r}")
        if isinstance(wdg, QTextEdit) and _bad(wdg.toPlainText()):
            problems.append(f"{name} text: {wdg.toPlainText()[:80]!r}")
        for act in wdg.actions():
            if _bad(act.text()) or _bad(act.toolTip()):
                problems.append(f"{name} action {act.text()!r}")
        if isinstance(wdg, QAbstractItemView) and wdg.model() is not None:
            _walk_model(name, wdg.model(), problems)


@pytest.mark.timeout(300)
def test_the_whole_window_shows_no_reordering_character(qtbot, settings, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path)
    w = MainWindow(settings, data_dir=str(data_dir), err_windows=False)
    qtbot.addWidget(w)
    w.show()
    try:
        open_and_index(qtbot, w, folder)
        compare(qtbot, w, "boats")
        assert w.compare_view.model.rowCount() > 0
        gale = next(a for a in w.articles.values() if a.title.startswith("Gale"))
        with qtbot.waitSignal(w.articleShown, timeout=60_000):
            w.open_article(gale.id)
        w.tabs.setCurrentWidget(w.timeline_tab)
        qtbot.wait(3000)
        QApplication.processEvents()
        problems: list[str] = []
        _walk(problems)
        assert not problems, "\n".join(problems)
    finally:
        w.close_library()


def _odd(article, title: str = "", outlet: str = ""):  # type: ignore[no-untyped-def]
    return dataclasses.replace(article, title=title or article.title, outlet=outlet or article.outlet)


def test_the_article_list_escapes_a_bidi_title_and_outlet(qtmodeltester) -> None:
    m = ArticleListModel()
    m.set_articles([_odd(ARTICLES[0], "Gale \u202egninraw", "Coast \u2066Post"), *ARTICLES[1:]])
    qtmodeltester.check(m)
    row = next(r for r in range(m.rowCount()) if "Post" in m.index(r, 0).data())  # sorted by outlet
    assert m.index(row, 0).data() == "Coast \\u2066Post"
    assert m.index(row, 2).data() == "Gale \\u202egninraw"


def test_the_results_list_escapes_title_and_sentence(qtmodeltester) -> None:
    a = _odd(ARTICLES[0], "Gale \u202egninraw", "Coast \u202ePost")
    m = ResultsModel()
    m.set_result(SearchResult("soldiers", [passage_ref(a, 1)], 1))
    qtmodeltester.check(m)
    head = m.index(0, 0)
    item = m.index(0, 0, head)
    assert not _bad(head.data())
    assert "\\u202e" in head.data()
    assert not _bad(item.data())
    assert "Gale \\u202egninraw" in item.data()
    assert not _bad(_plain(item.data(HtmlRole)))


def test_the_claims_table_escapes_names(qtmodeltester) -> None:
    lib = FakeLibrary("x")
    statements = [dataclasses.replace(s, claimant="Olena \u202ehcuraM", outlet="Kyiv \u2067Daily")
                  for s in lib.claims()]
    m = ClaimsModel()
    m.set_statements(statements, {a.id: a.date for a in ARTICLES})
    qtmodeltester.check(m)
    for r in range(m.rowCount()):
        for c in range(m.columnCount()):
            assert not _bad(m.index(r, c).data()), (r, c)
    assert "Olena \\u202ehcuraM" in m.index(0, 3).data()
    assert m.index(0, 4).data() == "Kyiv \\u2067Daily"


def test_the_completions_leave_out_a_name_with_a_bidi_control(qtbot) -> None:
    field = SearchField()
    qtbot.addWidget(field)
    field.set_vocabulary(["Coast \u202ePost", "Bay Times"], ["Peter \u202eOlsen", "Ana Roe"])
    words = field.completer_.model().stringList()  # type: ignore[attr-defined]
    assert not any(_bad(w) for w in words)
    assert any("Ana Roe" in w for w in words)
    assert any("Bay" in w for w in words)


def test_article_text_in_rich_text_keeps_its_offsets_and_loses_its_overrides() -> None:
    text = "Officials said \u202e0021 people left; \u2067ferry\u2069 \u200fservice resumed."
    shown = _plain(f"<p style='white-space:pre-wrap'>{escape_text(text)}</p>")
    assert len(shown) == len(text)  # one character for one: a document position is an article offset
    assert not _bad(shown)
    assert "\ufffd0021" in shown
    assert "\u200f" in shown  # a right-to-left mark reorders nothing after it: kept for right-to-left text


def test_the_timeline_lane_list_escapes_a_counted_phrase(tl_window: MainWindow) -> None:  # noqa: F811
    view = tl_window.timeline_tab.view
    assert view is not None
    assert view.timeline is not None
    odd = dataclasses.replace(view.timeline, series=[
        dataclasses.replace(s, label="soldiers \u202edellik") for s in view.timeline.series])
    view.set_timeline(odd)
    shown = [view.series_list.item(i).text() for i in range(view.series_list.count())]
    assert shown
    assert all("soldiers \\u202edellik" in t and not _bad(t) for t in shown)


def test_the_problems_panel_escapes_a_file_name(fake_window: MainWindow, tmp_path: Path) -> None:
    from desk.model import Skipped

    w = fake_window
    odd = tmp_path / "memo\u202etxt.exe\nsecond line.docx"
    w.refresh_problems([Skipped(str(odd), "files of this format (.docx) are not read")])
    item = w.problems.topLevelItem(0)
    assert item is not None
    assert not _bad(item.text(0))
    assert "\n" not in item.text(0)
    assert "memo\\u202etxt.exe\\x0asecond line.docx" in item.text(0)
