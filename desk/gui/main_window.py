"""The main window: the controller between the widgets and one core Library.

Every call into the core runs through :class:`desk.gui.worker.Task`; the
window only reacts to results on the GUI thread.  User errors (DeskError)
arrive as ``failed(message)`` and go to the status bar (and a dialog for the
ones that stop what the user asked for); anything else is a bug and goes to
the crash dialog.
"""

from __future__ import annotations

import datetime as dt
import heapq
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QMimeData, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desk import __version__
from desk.api import LibraryAPI
from desk.errors import DeskError, QueryError, check_query_length
from desk.gui import actions, export_dialog
from desk.gui import theme as theming
from desk.gui.application import freeze_long_lived
from desk.gui.claims_view import ClaimsView
from desk.gui.compare_view import CompareView, prepare_comparison, row_claimants
from desk.gui.crash import report_crash
from desk.gui.export_dialog import ExportDialog
from desk.gui.help import help_dialog
from desk.gui.library_view import LibraryPanel, ReaderPage, ReaderPane, reader_page
from desk.gui.markup import Theme
from desk.gui.plain import cell, menu_text, set_plain, tip, title
from desk.gui.richtext import SafeDocument
from desk.gui.search import ResultsView, SearchBar
from desk.gui.session import FOLDER, Session
from desk.gui.settings import MAX_HISTORY, MAX_RECENT, Settings
from desk.gui.timeline_tab import TimelineTab
from desk.gui.worker import Job, Task
from desk.model import (
    Article,
    Comparison,
    Extraction,
    FigureStatement,
    IndexReport,
    PassageRef,
    SearchResult,
    Skipped,
)
from desk.notes import NoteBook
from desk.paths import data_dir_problem

log = logging.getLogger(__name__)

LIST_REFRESH_S = 5.0
SEARCH_LIMIT = 50
#: saved searches kept
MAX_SAVED = 50
#: passages listed per article (two hits from one article are told apart by their sentences)
PER_ARTICLE = 5
#: files the Problems panel lists at most (the first by name, then a line saying how many more); ``desk
#: articles FOLDER`` lists every one.  A folder holding 20,000 pictures (a saved site's assets, a photo
#: folder opened by mistake) filled the panel for 0.7 s and emptied it for 0.4 s on the GUI thread, at the
#: end of every index run, so each file saved in the folder froze the window for over a second
MAX_PROBLEMS_SHOWN = 1000

LibraryFactory = Callable[[str, str | None], LibraryAPI]


def _status_text(text: str, limit: int = 80) -> str:
    """A query for a menu or the status line: one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def markdown_mime(markdown: str) -> QMimeData:
    """Clipboard data: the Markdown as plain text, and the same document as HTML for word processors.

    The Markdown escapes every piece of article text, so the HTML Qt makes of
    it holds no link, image or markup from an article.
    """
    doc = SafeDocument()
    doc.setMarkdown(markdown)
    mime = QMimeData()
    mime.setText(markdown)  # text-safe: the clipboard's plain text
    mime.setHtml(doc.toHtml())
    return mime


def _default_library(folder: str, data_dir: str | None) -> LibraryAPI:
    from desk.library import Library

    return Library(folder, data_dir=data_dir)


class Problems(NamedTuple):
    """What the Problems panel shows, made off the GUI thread by :func:`problem_list`."""

    #: the skipped files and their reasons, in any order (equal for an index run that changed none)
    key: int
    #: how many files were skipped
    total: int
    #: the first :data:`MAX_PROBLEMS_SHOWN` by name: (file cell, reason cell, file tip, reason tip)
    rows: list[tuple[str, str, str, str]]


def problem_list(skipped: Sequence[Skipped], folder: Path | None) -> Problems:
    """The Problems panel's rows for ``skipped``: the first :data:`MAX_PROBLEMS_SHOWN` by path, names made
    relative to ``folder`` and escaped for the cells and tool tips.

    Run on the pool: reading, sorting and escaping 20,000 entries (a folder of pictures) took the GUI
    thread 50 ms at each index run's end with the machine idle, 190 ms under load, and the window only
    compares the key and fills at most a thousand rows."""
    seen = {(s.path, s.reason) for s in skipped}
    listed = heapq.nsmallest(MAX_PROBLEMS_SHOWN, seen) if len(seen) > MAX_PROBLEMS_SHOWN else sorted(seen)
    rows = []
    for path, reason in listed:
        rel = path
        if folder is not None:
            try:
                rel = str(Path(path).relative_to(folder))
            except ValueError:
                pass
        rows.append((cell(rel, exact=True), cell(reason), tip(path), tip(reason)))  # a name can hold a bidi override
    return Problems(hash(frozenset(seen)), len(seen), rows)


class Listing(NamedTuple):
    """What the library list, the completer and the Problems dock show, with a key for each."""

    articles: list[Article]
    outlets: list[str]
    claimants: list[str]
    problems: Problems
    keys: tuple[int, int, int]


class MainWindow(QMainWindow):
    """The reader.  ``library_factory(folder, data_dir)`` opens a core Library."""

    #: index the core Library in a child process (False: on a thread of the window, as before)
    index_in_process = True
    #: comparisons, searches and claims run in a child process of their own (desk.gui.compare_process)
    compare_in_process = True

    #: emitted on the GUI thread when a flow step completes (tests wait on these)
    indexed = Signal(object)  # IndexReport
    searched = Signal(object)  # SearchResult
    compared = Signal(object)  # Comparison
    claimsLoaded = Signal(object)  # list[FigureStatement]
    articleShown = Signal(object)  # Article
    articlesLoaded = Signal(int)
    errorShown = Signal(str)
    crashShown = Signal(str)
    folderOpened = Signal(str)
    firstPainted = Signal()

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        data_dir: str | None = None,
        library_factory: LibraryFactory = _default_library,
        err_windows: bool = True,
    ) -> None:
        super().__init__()
        if library_factory is _default_library:
            # The core (Whoosh, NumPy, SQLite) before the window shows: imported on the
            # worker that opens the first folder, it held the GIL in long C stretches
            # (NumPy's own set-up) and the shown window stood still for 0.6-0.8 s.
            import desk.library  # noqa: F401
        self.settings = settings or Settings()
        self.data_dir = data_dir
        self.library_factory = library_factory
        self.err_windows = err_windows
        # the library, the watcher, the index job and the running tasks; drops stale results
        self.session = Session(self)
        # a comparison's claimant counts and figure order are counted as it comes in, off the GUI thread
        self.session.prepare = prepare_comparison
        self._query = ""  # the last compared query
        #: the outlets and dates the last comparison was made with (its claims and alias redos use the same)
        self._compare_filters: tuple[tuple[str, ...], dt.date | None, dt.date | None] = ((), None, None)
        self._collated: list[str] = []  # the article ids of the last collation
        self._help: QDialog | None = None
        self._notes_path: Path | None = None  # row notes of the open folder (beside its aliases)
        self._marked_query = ""  # the last searched query: its words are marked in the reader
        self._reindex_pending = False
        self._last_list_refresh = 0.0
        self._list_phase = ""  # the indexer's step at the last list refresh
        self._first_paint_reported = False
        self.articles: dict[str, Article] = {}
        self._listing_keys: tuple[int, int, int] = (0, 0, 0)
        self.last_report: IndexReport | None = None

        self.setWindowTitle("desk")
        self.setObjectName("deskMainWindow")
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self._build_widgets()
        self._build_menus()
        self._build_status()
        self._wire_session()
        self._had_state = self._restore()
        self.apply_theme()

    # ------------------------------------------------------------------ layout
    def _build_widgets(self) -> None:
        self.search_bar = SearchBar(self)
        self.search_field = self.search_bar.field
        self.search_field.submitted.connect(self.compare)
        self.search_field.typed.connect(self.search)
        self.search_field.set_history(self.settings.get("search/history"))

        tb = QToolBar("Search", self)
        tb.setObjectName("searchToolbar")
        tb.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb
        self._build_tabs()
        self._build_docks()

    def _build_tabs(self) -> None:
        """Compare, Reader, Claims and Timeline, sharing one claimant palette."""
        self.compare_view = CompareView(self)
        self.compare_view.passageActivated.connect(self.open_passage)
        self.compare_view.exportRequested.connect(self.export)
        self.compare_view.noteRequested.connect(self.edit_row_note)
        self.reader = ReaderPane(self)
        # one claimant palette for every view: a claimant looks the same in the panes, legend and reader
        self.reader.colors.claimants = self.compare_view.model.colors.claimants
        self.reader.lay_out = self._lay_out_part
        self.claims_view = ClaimsView(self)
        self.claims_view.passageRequested.connect(self.open_passage_at)
        self.claims_view.alias_action = self.alias_action
        self.claims_view.model.colors = self.compare_view.model.colors
        self.claims_view.csvRequested.connect(self.save_claims_csv)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.compare_view, "Compare")
        self.tabs.addTab(self.reader, "Reader")
        self.tabs.addTab(self.claims_view, "Claims")
        self.tabs.setTabToolTip(0, "Passages from each outlet side by side (Ctrl+1)")
        self.tabs.setTabToolTip(1, "The article you opened (Ctrl+2)")
        self.tabs.setTabToolTip(2, "Figures, qualifiers and who states them (Ctrl+3)")
        self.timeline_tab = TimelineTab(self)  # pyqtgraph is imported when the tab is first shown
        self.tabs.addTab(self.timeline_tab, "Timeline")
        self.tabs.setTabToolTip(3, "Figures by the date they hold for, one lane per counted thing (Ctrl+4)")
        self.tabs.currentChanged.connect(
            lambda i: self.timeline_tab.shown() if self.tabs.widget(i) is self.timeline_tab else None
        )
        self.setCentralWidget(self.tabs)

    def _build_docks(self) -> None:
        """Library and Results on the left (tabbed), Problems below."""
        self.library_panel = LibraryPanel(self)
        self.library_panel.articleActivated.connect(lambda a: self.open_article(a.id))
        self.library_dock = self._dock("Library", "libraryDock", self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.results = ResultsView(self)
        self.results.passageActivated.connect(self.open_passage)
        self.results.moreRequested.connect(self.more_results)
        self.results_dock = self._dock("Results", "resultsDock", self.results, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.library_dock, self.results_dock)
        self.library_dock.raise_()
        self.problems = QTreeWidget(self)
        self._problems_key = 0  # Problems.key of what the panel lists
        self.problems.setObjectName("problemsList")
        self.problems.setHeaderLabels(["File", "Why it was skipped"])
        self.problems.setRootIsDecorated(False)
        # the rows in view set the file column's width: measuring a thousand took the GUI thread 55 ms under load
        self.problems.header().setResizeContentsPrecision(0)
        self.problems.setAccessibleName("Files that were not indexed, and why")
        self.problems_dock = self._dock("Problems", "problemsDock", self.problems, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.problems_dock.hide()

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        """The menus and the toolbar, made from the declared actions (desk.gui.actions)."""
        self.commands = actions.build_actions(self)
        docks = [d.toggleViewAction() for d in (self.library_dock, self.results_dock, self.problems_dock)]
        self.submenus = actions.populate_menus(
            self.menuBar(), self.commands,
            fillers={"recent": self._fill_recent, "saved": self._fill_saved, "history": self._fill_history},
            places={"docks": docks},
        )
        self.recent_menu, self.saved_menu, self.history_menu = (
            self.submenus["recent"], self.submenus["saved"], self.submenus["history"])
        self.export_act = self.commands["export"]
        self.lock_act = self.commands["lock_rows"]
        self.lock_act.setChecked(self.settings.get("compare/locked"))
        self.compare_view.lock.toggled.connect(self.lock_act.setChecked)
        self.compare_view.lock.setChecked(self.lock_act.isChecked())
        go = QToolButton(self)
        go.setDefaultAction(self.commands["compare"])  # labelled with the action's short text
        go.setAccessibleName("Compare outlets")
        go.setObjectName("compareButton")
        actions.populate_toolbar(self.toolbar, self.commands, {"search": self.search_bar, "compare": go})
        self.compare_view.model.modelReset.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        """Enable the actions whose condition holds now (a folder open, rows on screen, work running)."""
        comp = self.compare_view.model.comparison
        actions.update_enabled(self.commands, {
            actions.FOLDER: self.library is not None,
            actions.COMPARISON: comp is not None and bool(comp.rows),
            actions.BUSY: bool(self.busy_tasks),
        })

    def compare_field(self) -> None:
        """Compare the query in the search field (Go > Compare Outlets)."""
        self.compare(self.search_field.text())

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.status = QLabel("No folder open: File > Open Folder (Ctrl+O), or drop a folder here.", self)
        self.status.setAccessibleName("Status")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName("Progress")
        self.progress.setVisible(False)
        self.cancel_btn = QToolButton(self)
        self.cancel_btn.setText("Cancel")
        self.cancel_btn.setToolTip("Stop the running work (Esc)")
        self.cancel_btn.setAccessibleName("Cancel")
        self.cancel_btn.setVisible(False)
        self.cancel_btn.clicked.connect(self.cancel_busy)
        sb.addWidget(self.status, 1)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_btn)

    def _restore(self) -> bool:
        geo = self.settings.get("window/geometry")
        if not geo.isEmpty():
            self.restoreGeometry(geo)
        state = self.settings.get("window/state")
        restored = not state.isEmpty() and self.restoreState(state)
        self.compare_view.hidden_outlets = set(self.settings.get("compare/hidden_outlets"))
        return bool(restored)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._had_state:
            self._had_state = True
            self.resizeDocks([self.library_dock], [380], Qt.Orientation.Horizontal)
            self.resizeDocks([self.problems_dock], [120], Qt.Orientation.Vertical)

    # ------------------------------------------------------------------ theme
    def set_theme(self, key: str) -> None:
        self.settings.set("view/theme", key)
        self.apply_theme()

    def apply_theme(self) -> None:
        key = self.settings.get("view/theme")
        theme_act = self.commands.get(f"theme_{key}")
        if theme_act is not None:
            theme_act.setChecked(True)
        dark = theming.apply(key)
        theme = Theme.for_dark(dark)
        self.compare_view.set_theme(theme)
        self.reader.colors.theme = theme
        self.results.set_theme(theme)
        self.timeline_tab.set_theme(theme)

    # ------------------------------------------------------------------ the session's state, read here
    @property
    def library(self) -> LibraryAPI | None:
        return self.session.library

    @property
    def folder(self) -> Path | None:
        return self.session.folder

    @property
    def pool(self) -> QThreadPool:
        return self.session.pool

    @property
    def index_task(self) -> Job | None:
        return self.session.index_task

    @property
    def busy_tasks(self) -> list[Job]:
        return self.session.busy_tasks

    @property
    def busy(self) -> Job | None:
        return self.session.busy

    def _wire_session(self) -> None:
        s = self.session
        s.busyChanged.connect(self._busy_changed)
        s.progress.connect(self._progress)
        s.failed.connect(lambda message, dialog: self.show_error(message, dialog=dialog))
        s.crashed.connect(self.show_crash)
        s.cancelled.connect(lambda name: self.set_status(f"{name.capitalize()} cancelled."))
        s.folderChanged.connect(self.reindex)
        s.folderLost.connect(self._folder_lost)

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None], name: str,
            **kwargs: Any) -> Task:
        """Run core work through the session (see :meth:`desk.gui.session.Session.run`)."""
        return self.session.run(fn, *args, on_done=on_done, name=name, **kwargs)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.cancel_btn.setVisible(busy)
        self.update_actions()

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        if message:
            set_plain(self.status, message)
        if self.session.indexing:
            self.library_panel.index_progress(done, total, message)
            # The list changes only when a pass commits: once per step of the
            # indexer ("reading", "writing", "finding" figures...) is enough.
            # Reloading 6,799 articles every few seconds through the figures pass
            # held the GIL 80-110 ms at a time (the longest stalls left in the bench).
            phase = message.split(" ", 1)[0]
            now = time.monotonic()
            if now - self._last_list_refresh > LIST_REFRESH_S and phase != self._list_phase:
                self._last_list_refresh = now
                self._list_phase = phase
                self.refresh_articles()

    def cancel_busy(self) -> None:
        if self.session.cancel_busy():
            self.set_status("Cancelling\u2026")

    def set_status(self, text: str) -> None:
        set_plain(self.status, text)

    def show_error(self, message: str, *, dialog: bool = True) -> None:
        self.set_status(message)
        self.errorShown.emit(message)
        if dialog and self.err_windows:
            QMessageBox.warning(self, "desk", tip(message))

    def show_crash(self, tb: str) -> None:
        self.set_status("Something went wrong; the details are in the log.")
        self.crashShown.emit(tb)
        report_crash(tb, self.data_dir, parent=self, dialog=self.err_windows)

    # ------------------------------------------------------------------ folder
    def choose_folder(self) -> None:
        start = str(self.folder) if self.folder else str(Path.home())
        path = QFileDialog.getExistingDirectory(self, "Open a folder of articles", start)
        if path:
            self.open_folder(path)

    def open_demo(self) -> None:
        from desk.paths import demo_folder

        self.open_folder(str(demo_folder()))

    def open_folder(self, folder: str | os.PathLike[str], *, index: bool = True) -> bool:
        """Open ``folder`` (in the background: importing and opening the index takes a while).

        Returns False at once for a path that is no folder, or one that holds the window's data
        folder; otherwise the window emits ``folderOpened`` (then indexes) or ``errorShown``.
        """
        path = Path(folder).expanduser()
        if not path.is_dir():
            what = "does not exist" if not path.exists() else "is not a folder"
            self.show_error(f"{path} {what}: choose a folder of articles (File > Open Folder).")
            if str(path) in self.settings.get("folders/recent"):
                self.settings.remove("folders/recent", str(path))
            return False
        inside = data_dir_problem(path, self.data_dir)
        if inside:
            # refused before anything happens, as at the start (desk/gui/app.py): the folder open now
            # stays open, and neither the opening nor the recent-folders list writes a word about this one
            self.show_error(inside)
            return False
        self.close_library()
        self.last_report = None
        self.set_status(f"Opening {path}\u2026")
        # another folder chosen meanwhile: the library opened here is closed unseen
        self.run(self.library_factory, str(path), self.data_dir, name="opening", scope=FOLDER,
                 on_done=lambda lib: self._library_opened(lib, path, index), on_stale=self.session.close_superseded)
        return True

    def _library_opened(self, library: LibraryAPI, path: Path, index: bool) -> None:
        self.session.attach(library, path.resolve(), data_dir=self.data_dir, child=self.compare_in_process)
        freeze_long_lived()  # the first folder's: what is alive now lives as long as the window
        folder = path.resolve()
        self.update_actions()
        self._notes_path = Path(library.notes_path)
        self.setWindowTitle(title(f"{folder.name} \u2014 desk"))
        self.settings.set("folders/last", str(folder))
        self.settings.push("folders/recent", str(folder), MAX_RECENT)
        self.set_status(f"Opened {folder}")
        self.compare_view.set_comparison(None)
        self.results.set_result(None)
        self.claims_view.set_statements([])
        self.reader.clear()
        self.problems.clear()
        self._listing_keys = (0, 0, 0)
        self.library_panel.set_folder_open(True)
        self.refresh_articles()
        if index:
            self.reindex()
        self.folderOpened.emit(str(folder))

    def _folder_lost(self, message: str) -> None:
        """The open folder was renamed, moved or removed: closed, its articles and results cleared, and
        the sentence shown (the window kept showing them, indexed, as if the folder were still there)."""
        self.close_library()
        self.last_report = None
        self.articles = {}
        self.library_panel.set_articles([])
        self.compare_view.set_comparison(None)
        self.results.set_result(None)
        self.claims_view.set_statements([])
        self.reader.clear()
        self.refresh_problems([])
        self.setWindowTitle("desk")
        self.show_error(message)

    def close_library(self) -> None:
        self.session.close()
        self.library_panel.set_indexing(False)
        self.library_panel.set_folder_open(False)
        self.update_actions()

    def reindex(self) -> None:
        if self.library is None:
            self.set_status("No folder open: File > Open Folder (Ctrl+O)")
            return
        if self.session.indexing:
            self._reindex_pending = True
            return
        self._reindex_pending = False
        self.set_status(f"Indexing {self.folder}\u2026")
        self.library_panel.set_indexing(True)
        self._last_list_refresh = time.monotonic()
        self._list_phase = ""
        self.session.index(self._indexed, self.data_dir, in_process=self.index_in_process,
                           on_error=self._index_failed)

    def _index_failed(self, message: str) -> None:
        """An index run that stopped with a sentence (the disk is full, the folder is gone): said, and the
        article list's count line no longer says "indexing…" for good."""
        self.library_panel.set_indexing(False)
        self.show_error(message)

    def _indexed(self, report: IndexReport) -> None:
        self.last_report = report
        self.library_panel.set_indexing(False)
        parts = [f"{report.added} added", f"{report.updated} updated", f"{report.removed} removed",
                 f"{report.unchanged} unchanged"]
        if report.skipped:
            parts.append(f"{len(report.skipped)} skipped (see Problems)")
        what = "Indexing cancelled" if report.cancelled else "Indexed"
        self.set_status(f"{what}: " + ", ".join(parts) + f" in {report.seconds:.1f} s.")
        self.refresh_articles()
        self.run(problem_list, report.skipped, self.folder, name="problems", scope=FOLDER, newest_only=True,
                 on_done=self.show_problems)
        self.indexed.emit(report)
        if self._reindex_pending:
            self.reindex()

    def refresh_articles(self) -> None:
        if self.library is None:
            return
        lib = self.library
        folder = self.folder

        self.session.refresh_child()

        def load() -> Listing:
            lib.refresh()
            articles, outlets, claimants = lib.articles(), lib.outlets(), lib.claimants()
            problems = problem_list(lib.skipped(), folder)
            # what the list, the completer and the Problems dock show, summed up here (off
            # the GUI thread): while a folder is indexed the list is refreshed every few
            # seconds, and from the figures pass on nothing it shows changes
            shown = hash(tuple((a.id, a.relpath, a.title, a.outlet, a.date) for a in articles))
            return Listing(articles, outlets, claimants, problems,
                           (shown, hash((tuple(outlets), tuple(claimants))), problems.key))

        self.run(load, name="listing", scope=FOLDER, on_done=self._articles_loaded, quiet_errors=True)

    def _articles_loaded(self, r: Listing) -> None:
        before = self._listing_keys
        self._listing_keys = r.keys
        if r.keys[0] != before[0]:
            self.articles = {a.id: a for a in r.articles}
            self.library_panel.set_articles(r.articles)
        if r.keys[1] != before[1]:
            self.search_field.set_vocabulary(r.outlets, r.claimants)
        if r.problems.total and r.keys[2] != before[2]:
            self.show_problems(r.problems)
        self.articlesLoaded.emit(len(r.articles))

    def refresh_problems(self, skipped: list[Skipped]) -> None:
        """The Problems panel for ``skipped``, made here (the index run's end and the listing make it on
        the pool, :func:`problem_list`, and hand it to :meth:`show_problems`)."""
        self.show_problems(problem_list(skipped, self.folder))

    def show_problems(self, problems: Problems) -> None:
        if problems.total and problems.key == self._problems_key and self.problems.topLevelItemCount():
            return  # an index run that changed no skipped file: the panel as it is
        self._problems_key = problems.key
        panel = self.problems
        panel.setUpdatesEnabled(False)
        try:
            panel.clear()
            items = []
            for file_cell, reason_cell, file_tip, reason_tip in problems.rows:
                item = QTreeWidgetItem([file_cell, reason_cell])  # problem_list escaped them with cell()
                item.setToolTip(0, file_tip)  # text-safe: tip() made it, in problem_list
                item.setToolTip(1, reason_tip)  # text-safe: tip() made it, in problem_list
                items.append(item)
            if problems.total > len(problems.rows):
                items.append(QTreeWidgetItem([f"\u2026 and {problems.total - len(problems.rows):,} more files",
                                              "desk articles FOLDER lists every one, with its reason"]))
            panel.addTopLevelItems(items)
            panel.resizeColumnToContents(0)
        finally:
            panel.setUpdatesEnabled(True)
        self.problems_dock.setWindowTitle(title(f"Problems ({problems.total})" if problems.total else "Problems"))
        if problems.total:
            self.problems_dock.show()

    # ------------------------------------------------------------------ search / compare
    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def save_search(self) -> None:
        """Keep the query in the field (or the last one compared) among the saved searches."""
        query = self.search_field.text().strip() or self._query
        if not query:
            self.set_status("Type a query first, then Edit > Save This Search (Ctrl+D).")
            return
        self.settings.push("search/saved", query, MAX_SAVED)
        self.set_status(f"Saved the search \u201c{_status_text(query)}\u201d (Edit > Saved Searches).")

    def _fill_saved(self) -> None:
        self._fill_queries(self.saved_menu, self.settings.get("search/saved"), "No saved searches yet (Ctrl+D saves one)",
                           removable=True)

    def _fill_history(self) -> None:
        self._fill_queries(self.history_menu, self.settings.get("search/history"), "No searches yet")

    def _fill_queries(self, menu: QMenu, queries: list[str], empty: str, removable: bool = False) -> None:
        menu.clear()
        if not queries:
            menu.addAction(empty).setEnabled(False)  # text-safe: a literal from the caller
            return
        for q in queries:
            act = menu.addAction(menu_text(_status_text(q)))
            act.setToolTip(tip(q))
            act.triggered.connect(lambda *_, q=q: self.run_saved(q))
        if removable:
            menu.addSeparator()
            forget = menu.addMenu("Forget")
            for q in queries:
                forget.addAction(_status_text(q).replace("&", "&&")).triggered.connect(
                    lambda *_, q=q: self.settings.remove("search/saved", q))

    def run_saved(self, query: str) -> None:
        """Put a saved or recent query in the field and compare it."""
        self.search_field.setText(query)  # text-safe: a line edit shows plain text
        self.compare(query)

    def _dates_in_order(self, *, comparing: bool = False) -> bool:
        """False, with the CLI's sentence, when the date filter's From date is after its To date (a search
        over no day found nothing, and said only that nothing matched)."""
        problem = self.library_panel.date_problem()
        if problem:
            (self._compare_failed if comparing else self._query_failed)(problem)
        return not problem

    def _need_library(self) -> bool:
        if self.library is None:
            self.set_status("No folder open: File > Open Folder (Ctrl+O)")
            return False
        return True

    def search(self, query: str) -> None:
        """Passages for the results list (as-you-type, debounced by the field)."""
        query = query.strip()
        self.search_bar.show_error("")
        if not query:
            self.results.set_result(None)
            return
        if not self._need_library() or not self._dates_in_order() or not self._query_length_ok(query):
            return
        self._marked_query = query
        self.session.new_query()
        self._run_search(query)

    def more_results(self) -> None:
        """The next page of results for the query listed (the list grows by SEARCH_LIMIT)."""
        shown = self.results.model.result
        if shown is None or not self._need_library():
            return
        self.session.new_query()
        self._run_search(shown.query, limit=len(shown.hits) + SEARCH_LIMIT)

    def _run_search(self, query: str, limit: int = 0) -> None:
        lib = self.library
        if lib is None:
            return
        outlets, since, until = self.library_panel.filters()
        self.session.call(
            "search", query, outlets=outlets, since=since, until=until, limit=limit or SEARCH_LIMIT,
            per_article=PER_ARTICLE, name="search", on_done=self._searched, on_error=self._query_failed,
        )

    def _query_length_ok(self, query: str, *, comparing: bool = False) -> bool:
        """False, with the sentence under the search field, for a query longer than desk reads
        (:func:`desk.errors.check_query_length`): nothing is sent to the comparing child, which would
        spend minutes on a pasted page, and nothing goes into the search history."""
        try:
            check_query_length(query)
        except QueryError as exc:
            (self._compare_failed if comparing else self._query_failed)(str(exc))
            return False
        return True

    def _query_failed(self, message: str) -> None:
        self.search_bar.show_error(message)
        self.set_status(message)
        self.errorShown.emit(message)

    def _searched(self, result: SearchResult) -> None:
        self.results.set_result(result)
        self.searched.emit(result)

    def compare(self, query: str) -> None:
        """Search, compare the outlets and list the claims for ``query`` (Enter)."""
        query = query.strip()
        if not query:
            self.set_status("Type a query in the search field, then press Enter to compare outlets.")
            self.focus_search()
            return
        lib = self.library
        if lib is None or not self._need_library() or not self._dates_in_order(comparing=True):
            return
        if not self._query_length_ok(query, comparing=True):
            return
        self._query = query
        self._marked_query = query
        self.search_bar.show_error("")
        self.search_field.set_history(self.settings.push("search/history", query, MAX_HISTORY))
        self.session.new_query()
        outlets, since, until = self.library_panel.filters()
        self._compare_filters = (outlets, since, until)
        self.set_status(f"Comparing outlets for \u201c{query}\u201d\u2026")
        # the comparison first, alone: on two CPUs the results list and the
        # claims, run beside it, only made the comparison later
        self.session.call(
            "compare", query, outlets=outlets, since=since, until=until,
            name="comparison", cancellable=True, on_done=self._compared, on_error=self._compare_failed,
        )

    def _compare_failed(self, message: str) -> None:
        """A malformed query: the message, and no old comparison left under it to be mistaken for the answer."""
        self.compare_view.set_comparison(None)
        self.results.set_result(None)
        self._query_failed(message)

    def _notebook(self) -> NoteBook | None:
        if self._notes_path is None:
            return None
        try:
            return NoteBook.load(self._notes_path)
        except DeskError as e:
            self.show_error(str(e), dialog=False)
            return None

    def _apply_notes(self, comparison: Comparison) -> None:
        book = self._notebook()
        if book is not None:
            book.apply(comparison)

    def edit_row_note(self, view_row: int) -> None:
        """Ask for a note on a compare row (kept with the folder, exported with the row)."""
        model = self.compare_view.model
        if self._notes_path is None or not (0 <= view_row < model.rowCount()):
            self.set_status("Notes are kept per folder: open a folder and compare first.")
            return
        row = model.row(view_row)
        text, ok = QInputDialog.getMultiLineText(  # text-safe: a row number and literals; the note is an editable value
            self, f"Note on row {view_row + 1}", "Note (kept with this folder and exported with the row):", row.note
        )
        if ok:
            self.set_row_note(view_row, text)

    def set_row_note(self, view_row: int, text: str) -> bool:
        book = self._notebook()
        if book is None:
            return False
        try:
            book.set(self.compare_view.model.row(view_row), text)
        except DeskError as e:
            self.show_error(str(e))
            return False
        self.compare_view.model.note_changed(view_row)
        self.set_status(f"Note on row {view_row + 1} saved." if text.strip() else f"Note on row {view_row + 1} removed.")
        return True

    def _compared(self, comparison: Comparison) -> None:
        self._apply_notes(comparison)
        if comparison.mode == "query" and self.library is not None:
            # the results list and the claims once the comparison is on screen (unless a newer query came)
            query = self._query
            self.compare_view.after_paint(self.session.fresh(lambda: self._follow_up(query)))
        self.compare_view.set_comparison(comparison)
        self.tabs.setCurrentWidget(self.compare_view)
        n = len(comparison.rows)
        self.set_status(
            f"{n} rows compared across {len(comparison.outlets)} outlets. Tick rows and press Ctrl+E to export."
            if n else f"No passages to compare for \u201c{comparison.query}\u201d."
        )
        self.compared.emit(comparison)

    def _follow_up(self, query: str) -> None:
        lib = self.library
        if lib is None:
            return
        self._run_search(query)
        # the figures of the comparison on screen (remembered in the child: the listing is all it costs),
        # under the filters it was made with, not a search's matches
        outlets, since, until = self._compare_filters
        self.session.call("compared_claims", query, outlets=outlets, since=since, until=until,
                          name="claims", on_done=self._claims, quiet_errors=True)

    def _claims(self, statements: list[FigureStatement]) -> None:
        dates: dict[str, dt.date | None] = {k: a.date for k, a in self.articles.items()}
        self.claims_view.set_statements(statements, dates)
        self.claimsLoaded.emit(statements)

    def collate(self, article_ids: Sequence[str] | None = None) -> None:
        """Align the articles chosen in the Library (or ``article_ids``) in reading order."""
        lib = self.library
        if lib is None or not self._need_library():
            return
        ids = list(article_ids) if article_ids is not None else [a.id for a in self.library_panel.chosen_articles()]
        if len(ids) < 2:
            self.show_error("Choose two or more articles in the Library (Ctrl+click), then Go > Collate.",
                            dialog=False)
            self.library_dock.raise_()
            return
        self.session.new_query()
        self.set_status(f"Collating {len(ids)} articles\u2026")
        self._collated = ids
        self.session.call("collate", ids, name="collation", cancellable=True, on_done=self._compared)

    # ------------------------------------------------------------------ reader
    def open_article(self, article_id: str, focus: int | None = None) -> None:
        lib = self.library
        if lib is None or not self._need_library():
            return
        query = self._marked_query
        colors = self.reader.colors

        def load() -> tuple[Article, Extraction | None, ReaderPage]:
            article, extraction = lib.article(article_id), lib.extraction(article_id)
            return article, extraction, reader_page(article, extraction, query, focus, colors)

        self.run(load, name="reading", scope=FOLDER, on_done=self._show_article)

    def _lay_out_part(self, work: Callable[[], ReaderPage], done: Callable[[ReaderPage], None]) -> None:
        """The reader's next or earlier part of a long article, marked up in a worker."""
        self.run(work, name="reading part", scope=FOLDER, on_done=done, newest_only=True)

    def _show_article(self, r: tuple[Article, Extraction | None, ReaderPage]) -> None:
        article, extraction, page = r
        self.reader.show_article(article, extraction, page=page)
        self.tabs.setCurrentWidget(self.reader)
        self.articleShown.emit(article)

    def open_passage(self, ref: PassageRef) -> None:
        self.open_article(ref.article_id, ref.start)

    def open_passage_at(self, article_id: str, number: int) -> None:
        lib = self.library
        if lib is None or not self._need_library():
            return
        self.run(lib.passage, article_id, number, name="reading", scope=FOLDER, on_done=self.open_passage)

    # ------------------------------------------------------------------ aliases
    def alias_action(self, action: str, name: str, new: str) -> None:
        lib = self.library
        if lib is None:
            return

        def after(_: object) -> None:
            what = {"merge": f"now shown as {new}", "rename": f"renamed to {new}",
                    "delete": "hidden as a claimant", "forget": "back to its own name"}.get(action, "")
            self.set_status(f"Claimant \u201c{name}\u201d {what}.")
            self._reshow_after_alias(f"Claimant \u201c{name}\u201d {what}.")

        def edit() -> list[tuple[str, str, str]]:
            from desk.library import check_alias_names

            # the command line's check: a merge into a name no claimant has is refused with its sentence
            check_alias_names(lib, action, name, new)
            return lib.edit_alias(action, name, new)  # locked against other processes in the core

        self.run(edit, name="alias edit", scope=FOLDER, on_done=after)

    def _reshow_after_alias(self, message: str) -> None:
        """Redo the comparison (or collation) and the claims on screen with the new names, staying on this tab."""
        lib = self.library
        comp = self.compare_view.model.comparison
        if lib is None or comp is None:
            return
        before = {n for row in comp.rows for n in row_claimants(row)}

        def shown(new_comp: Comparison) -> None:
            self._apply_notes(new_comp)
            self.compare_view.refresh_claimants(new_comp)
            after = {n for row in new_comp.rows for n in row_claimants(row)}
            if after == before:
                self.set_status(message + " Nothing in the comparison on screen changed.")
            self.compared.emit(new_comp)
            if new_comp.mode == "query":
                self._follow_up(new_comp.query)

        self.session.new_query()
        if comp.mode == "collate" and self._collated:
            self.session.call("collate", list(self._collated), name="collation", on_done=shown)
        elif self._query:
            outlets, since, until = self._compare_filters
            self.session.call("compare", self._query, outlets=outlets, since=since, until=until,
                     name="comparison", on_done=shown)

    # ------------------------------------------------------------------ export
    def save_claims_csv(self, path: str | None = None) -> Path | None:
        """Save the claims listed in the Claims tab as CSV (never into the article folder)."""
        from desk.paths import writes_into

        if self.claims_view.proxy.rowCount() == 0:
            self.set_status("No claims to save: compare a query first (Enter in the search field).")
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save claims as CSV", str(Path.home() / "claims.csv"),
                                                  "CSV files (*.csv)")
            if not path:
                return None
        target = Path(path)
        if self.folder is not None and writes_into(target, Path(self.folder)):
            self.show_error(f"Cannot write {target}: it lies inside the article folder; choose another place.")
            return None
        from desk.errors import ExportError
        from desk.export.files import write_text_atomic

        try:
            # the save dialog has asked before replacing a file: force, but as every export, atomically
            # and only over a regular file (never through a link, never into a named pipe)
            write_text_atomic(target, self.claims_view.listed_csv(), force=True)
        except ExportError as exc:
            self.show_error(str(exc))
            return None
        self.set_status(f"Saved {self.claims_view.proxy.rowCount()} claims to {target}.")
        return target

    def _export_comparison(self) -> tuple[Comparison | None, list[int] | None, str]:
        comp = self.compare_view.model.comparison
        if comp is None or not comp.rows:
            return None, None, ""
        ticked = self.compare_view.model.checked_rows()
        note = (f"{len(ticked)} ticked rows of \u201c{comp.query}\u201d" if ticked
                else f"No rows ticked: all {len(comp.rows)} rows of \u201c{comp.query}\u201d")
        return comp, (ticked or None), note

    def export_dialog(self) -> ExportDialog | None:
        from desk.errors import DeskError

        comp, rows, note = self._export_comparison()
        if comp is None:
            self.show_error("Nothing to export yet: search (Ctrl+F), press Enter to compare, tick rows, then Ctrl+E.",
                            dialog=False)
            return None
        try:
            return ExportDialog(comp, self, rows=rows, start_dir=self.settings.get("export/last_dir"), note=note,
                                folder=self.folder)
        except DeskError as e:
            self.show_error(str(e))
            return None

    def export(self) -> None:
        dlg = self.export_dialog()
        if dlg is None:
            return
        dlg.exec()
        if dlg.saved_path is not None:
            self.settings.set("export/last_dir", str(dlg.saved_path.parent))
            self.set_status(f"Exported to {dlg.saved_path}")
        dlg.deleteLater()

    def copy_markdown(self) -> None:
        from desk.errors import DeskError

        comp, rows, _ = self._export_comparison()
        if comp is None:
            self.show_error("Nothing to copy yet: compare outlets first (type a query, Enter).", dialog=False)
            return
        try:
            markdown = export_dialog.render(comp, rows)
        except DeskError as e:
            self.show_error(str(e))
            return
        QGuiApplication.clipboard().setMimeData(markdown_mime(markdown))
        self.set_status(f"Copied {len(rows) if rows else len(comp.rows)} rows as Markdown (and as formatted text).")

    # ------------------------------------------------------------------ help
    def show_help(self) -> None:
        """How to use desk, with the query language: a window that stays open beside the work."""
        if self._help is None:
            self._help = help_dialog(self)
        self._help.show()
        self._help.raise_()

    def show_about(self) -> None:
        try:
            from desk.gui.versions import long_version

            text = long_version()
        except ImportError:
            import PySide6

            text = f"desk {__version__}\nPython {sys.version.split()[0]}\nPySide6 {PySide6.__version__}"
        QMessageBox.about(self, "About desk", tip(text))

    # ------------------------------------------------------------------ window events
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_folder(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        folder = self._dropped_folder(event)
        if folder is not None:
            event.acceptProposedAction()
            self.open_folder(folder)

    @staticmethod
    def _dropped_folder(event: QDragEnterEvent | QDropEvent) -> str | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).is_dir():
                return url.toLocalFile()
        return None

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._first_paint_reported:
            self._first_paint_reported = True
            if os.environ.get("DESK_REPORT_FIRST_PAINT"):
                sys.stderr.write(f"desk-first-paint {time.time():.6f}\n")
                sys.stderr.flush()
            QTimer.singleShot(0, lambda: self.firstPainted.emit())

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get("folders/recent")
        if not recent:
            act = self.recent_menu.addAction("No recent folders")
            act.setEnabled(False)
            return
        for i, folder in enumerate(recent):
            act = self.recent_menu.addAction(f"&{(i + 1) % 10:d} " + menu_text(folder))
            act.triggered.connect(lambda *_, f=folder: self.open_folder(f))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear the List", lambda: self.settings.set("folders/recent", []))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.set("compare/locked", self.compare_view.lock.isChecked())
        self.settings.set("compare/hidden_outlets", sorted(self.compare_view.hidden_outlets))
        self.settings.sync()
        self.close_library()
        super().closeEvent(event)
