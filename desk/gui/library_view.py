"""The library list (outlet, date, title) and the reader pane.

:class:`ArticleListModel` presents ``Library.articles()``; :class:`ArticleFilter`
narrows it by outlet, date range and title words.  :class:`ReaderPane` shows one
article with boilerplate dimmed, figures and claimants highlighted, the search
terms marked, and next/previous match.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.errors import dates_reversed
from desk.gui.markup import ColorBook, Highlight, article_html, escape_text, find_terms, query_terms
from desk.gui.plain import cell, menu_text, set_plain, tip
from desk.gui.richtext import ObjectRole, SafeBrowser, open_external
from desk.model import Article, Extraction

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 20
ALL_OUTLETS = "All outlets"
COLUMNS = ("Outlet", "Date", "Title")


class ArticleListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.articles: list[Article] = []

    def set_articles(self, articles: list[Article]) -> None:
        self.beginResetModel()
        self.articles = list(articles)
        self._sort()
        self.endResetModel()

    _sort_column = 1
    _sort_order = Qt.SortOrder.DescendingOrder

    def _key(self, a: Article) -> tuple[Any, ...]:
        date = a.date.toordinal() if a.date else 0  # day numbers sort as the ISO dates did ("" first)
        column = self._sort_column
        if column == 0:
            return (a.outlet.lower(), date)
        if column == 1:
            return (date, a.outlet.lower())
        return (a.title.lower(), date)

    def _sort(self) -> None:
        # only the sorted column's key per article (the three were built for every article): the window
        # sorts the whole listing on the GUI thread each time the store changes
        self.articles.sort(key=self._key, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here with one key function: a proxy asking data() per comparison took seconds."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column, self._sort_order = column, order
        self.beginResetModel()
        self._sort()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.articles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.articles)):
            return None
        a = self.articles[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (cell(a.outlet), a.date.isoformat() if a.date else "", cell(a.title))[c]
        if role == SortRole:
            return (a.outlet.lower(), a.date.isoformat() if a.date else "", a.title.lower())[c]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(f"{a.title}\n{a.outlet} \u00b7 {a.date or 'no date'}\n{a.relpath}")
        if role == ObjectRole:
            return a
        return None


class ArticleFilter(QSortFilterProxyModel):
    """Outlet, date range and title words."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.outlet = ""
        self.outlets: frozenset[str] = frozenset()
        self.since: dt.date | None = None
        self.until: dt.date | None = None
        self.words = ""
        self.setSortRole(SortRole)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # the source sorts itself (fast); the proxy only filters, keeping the source order
        model = self.sourceModel()
        if isinstance(model, ArticleListModel):
            model.sort(column, order)

    def set_filter(
        self, outlet: str | Iterable[str] = "", since: dt.date | None = None, until: dt.date | None = None,
        words: str = "",
    ) -> None:
        """Filter by one outlet or several (any of them), a date range and title words."""
        self.beginFilterChange()
        self.outlets = frozenset([outlet] if isinstance(outlet, str) else outlet) - {""}
        self.outlet = outlet if isinstance(outlet, str) else ", ".join(sorted(self.outlets))
        self.since, self.until, self.words = since, until, words.lower().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not (self.outlet or self.since or self.until or self.words):
            return True  # called once per article on every reset: the common case first
        model = self.sourceModel()
        if not isinstance(model, ArticleListModel) or not (0 <= source_row < len(model.articles)):
            return False
        a = model.articles[source_row]
        if self.outlets and a.outlet not in self.outlets:
            return False
        if self.since and (a.date is None or a.date < self.since):
            return False
        if self.until and (a.date is None or a.date > self.until):
            return False
        return not (self.words and self.words not in a.title.lower())


class DateField(QDateEdit):
    """A date typed in one go: "2022-07-29" or "20220729" from the year on, or pasted whole.

    A plain QDateEdit edits one part at a time: typed over a full selection, a
    whole date was refused, and the dashes jumped between parts.  Here focus
    lands on the year, separators are skipped (each part moves on by itself
    when full), and a pasted ISO date is taken as it is.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)

    def _to_year(self) -> None:
        self.setCurrentSection(QDateEdit.Section.YearSection)
        self.setSelectedSection(QDateEdit.Section.YearSection)

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self._to_year()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text().strip()
            try:
                day = dt.date.fromisoformat(text[:10])
                self.setDate(QDate(day.year, day.month, day.day))
            except ValueError:
                pass
            return
        if event.text() in ("-", "/", ".", " "):
            return  # each part moves on by itself
        if event.text().isdigit() and self.lineEdit().selectedText() == self.lineEdit().text():
            self._to_year()  # typing over the whole date starts at the year
        super().keyPressEvent(event)


class LibraryPanel(QWidget):
    """Filters above the article list."""

    articleActivated = Signal(object)  # Article

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleListModel(self)
        self.proxy = ArticleFilter(self)
        self.proxy.setSourceModel(self.model)

        self.outlet = QComboBox(self)
        self.outlet.setAccessibleName("Filter by outlet")
        self.outlet.setToolTip("Show one outlet's articles")
        self.outlet.addItem(ALL_OUTLETS)
        self.more_outlets = QToolButton(self)
        self.more_outlets.setText("+")
        self.more_outlets.setToolTip("Add more outlets to the filter (articles from any of them are shown)")
        self.more_outlets.setAccessibleName("Filter by several outlets")
        self.more_outlets.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.outlets_menu = QMenu(self)
        self.outlets_menu.aboutToShow.connect(self._fill_outlets_menu)
        self.more_outlets.setMenu(self.outlets_menu)
        self.extra_outlets: set[str] = set()
        self.words = QLineEdit(self)
        self.words.setPlaceholderText("Title contains\u2026")
        self.words.setClearButtonEnabled(True)
        self.words.setAccessibleName("Filter by title")
        self.use_dates = QCheckBox("Dates", self)
        self.use_dates.setToolTip("Only articles dated within this range")
        self.use_dates.setAccessibleName("Filter by date range")
        self.since = DateField(self)
        self.until = DateField(self)
        for d, name in ((self.since, "From date"), (self.until, "To date")):
            d.setAccessibleName(name)
            d.setToolTip(f"{name}: type it as 2022-07-29, paste it, or pick it from the calendar")  # text-safe: literals
            d.setEnabled(False)
        self.since.setDate(QDate(2000, 1, 1))
        self.until.setDate(QDate.currentDate())

        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setAccessibleName("Articles: outlet, date, title")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setToolTip("Click an article to read it; select two or more and use Go > Collate")
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.count = QLabel(self)

        grid = QGridLayout()
        grid.addWidget(self.outlet, 0, 0, 1, 1)
        grid.addWidget(self.more_outlets, 0, 1, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.addWidget(self.words, 1, 0, 1, 2)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.since, 1)
        dates.addWidget(QLabel("\u2013", self))
        dates.addWidget(self.until, 1)
        grid.addLayout(dates, 2, 0, 1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(grid)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count)

        self.outlet.currentIndexChanged.connect(self._refilter)
        self.words.textChanged.connect(self._refilter)
        self.indexing = False
        self.use_dates.toggled.connect(self._dates_toggled)
        self.since.dateChanged.connect(self._refilter)
        self.until.dateChanged.connect(self._refilter)
        self._update_count()

    def set_articles(self, articles: list[Article]) -> None:
        current = self.outlet.currentText()
        self.model.set_articles(articles)
        outlets = sorted({a.outlet for a in articles if a.outlet}, key=str.lower)
        self.extra_outlets &= set(outlets)
        self.outlet.blockSignals(True)
        self.outlet.clear()
        self.outlet.addItem(ALL_OUTLETS)
        self.outlet.addItems(outlets)
        i = self.outlet.findText(current)
        self.outlet.setCurrentIndex(max(0, i))
        self.outlet.blockSignals(False)
        # measured from the text, not the rows: a folder may hold many thousands
        fm = self.table.fontMetrics()
        longest = max((a.outlet for a in articles[:2000]), key=len, default="Outlet")
        # the outlet column never takes the title's room (long outlet names are elided)
        self.table.setColumnWidth(0, min(100, fm.horizontalAdvance(longest) + 16))
        self.table.setColumnWidth(1, fm.horizontalAdvance("0000-00-00") + 16)
        if (self.outlet.currentText() == current or self.proxy.outlet == "") and not self.extra_outlets:
            # the model's reset has filtered the new rows already (6,799 Python calls)
            self._update_count()
        else:  # the chosen outlet is gone from the folder: back to all outlets
            self._refilter()

    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self._refilter()

    def _fill_outlets_menu(self) -> None:
        self.outlets_menu.clear()
        for i in range(1, self.outlet.count()):
            name = self.outlet.itemText(i)
            act = self.outlets_menu.addAction(menu_text(name))
            act.setCheckable(True)
            act.setChecked(name in self.chosen_outlets())
            act.toggled.connect(lambda on, n=name: self.set_outlet_chosen(n, on))

    def set_outlet_chosen(self, name: str, on: bool) -> None:
        """Add an outlet to the filter, or take it out."""
        if on:
            self.extra_outlets.add(name)
        else:
            self.extra_outlets.discard(name)
            if self.outlet.currentText() == name:
                self.outlet.setCurrentIndex(0)
        self._refilter()

    def chosen_outlets(self) -> tuple[str, ...]:
        """The outlets the filter keeps (none: all)."""
        one = self.outlet.currentText()
        chosen = set(self.extra_outlets) | ({one} if one != ALL_OUTLETS else set())
        return tuple(sorted(chosen, key=str.lower))

    def _refilter(self, *args: Any) -> None:
        since = until = None
        if self.use_dates.isChecked():
            since = _pydate(self.since.date())
            until = _pydate(self.until.date())
        chosen = self.chosen_outlets()
        self.proxy.set_filter(chosen[0] if len(chosen) == 1 else chosen, since, until, self.words.text())
        self.more_outlets.setText(f"+{len(self.extra_outlets)}" if self.extra_outlets else "+")  # text-safe: a count
        self._update_count()

    def set_indexing(self, on: bool) -> None:
        """While the folder is indexed the count line says so, with counts; an empty list never says "no articles"."""
        self.indexing = on
        self._index_step = (0, 0, "")
        self._update_count()

    def set_folder_open(self, on: bool) -> None:
        self.folder_open = on
        self._update_count()

    def index_progress(self, done: int, total: int, message: str) -> None:
        """The indexer's step (the first word of its message) and counts, for the count line."""
        self._index_step = (done, total, message.split(" ", 1)[0])
        self._update_count()

    def date_problem(self) -> str:
        """The sentence for a From date after the To date (the CLI's, :func:`desk.errors.dates_reversed`),
        or "": the list showed "0 of 120 articles" and searches found nothing, and nothing said why."""
        _outlets, since, until = self.filters()
        if since is None or until is None or since <= until:
            return ""
        return dates_reversed(since.isoformat(), until.isoformat(), since_name="The From date", until_name="the To date")

    def _update_count(self) -> None:
        n, total = self.proxy.rowCount(), self.model.rowCount()
        indexing = getattr(self, "indexing", False)
        reversed_dates = self.date_problem() if hasattr(self, "use_dates") else ""
        if reversed_dates and total:
            set_plain(self.count, f"0 of {total:d} articles: {reversed_dates}")
        elif total == 0 and indexing:
            set_plain(self.count, index_status(*getattr(self, "_index_step", (0, 0, ""))))
        elif total == 0 and getattr(self, "folder_open", False):
            self.count.setText("No articles in this folder (files desk could not read are under Problems).")
        elif total == 0:
            self.count.setText("No articles yet: File > Open Folder (Ctrl+O)")
        elif indexing:
            set_plain(self.count, f"{n:d} of {total:d} articles \u00b7 indexing\u2026")
        else:
            set_plain(self.count, f"{n:d} of {total:d} articles")

    def filters(self) -> tuple[tuple[str, ...], dt.date | None, dt.date | None]:
        """The outlet and date filters, for the search."""
        outlets = self.chosen_outlets()
        if not self.use_dates.isChecked():
            return outlets, None, None
        return outlets, _pydate(self.since.date()), _pydate(self.until.date())

    def chosen_articles(self) -> list[Article]:
        rows = self.table.selectionModel().selectedRows()
        out = [r.data(ObjectRole) for r in rows]
        return [a for a in out if isinstance(a, Article)]

    def _activated(self, index: QModelIndex) -> None:
        a = index.data(ObjectRole)
        if isinstance(a, Article):
            self.articleActivated.emit(a)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def index_status(done: int, total: int, step: str) -> str:
    """The Library's line while a folder is indexed and no article is listed yet (the first index)."""
    head = "First index of this folder: "
    if step == "reading" and total > 0:
        return head + f"{done:,d} of {total:,d} files read\u2026 articles appear here when they are saved."
    if step in ("writing", "saving"):
        return head + "saving the index\u2026 articles appear here in a moment."
    return head + "looking for articles\u2026"


#: how far after a passage's start a match still counts as "in the passage" when landing there
FOCUS_REACH = 1500
#: the reader's longest line, in average characters
READER_LINE_CHARS = 90
#: characters of a long article the reader lays out at once (a part of it, with links to the parts
#: before and after): laying out a 1.5-million-character report took the GUI thread 0.4 s, a 5-million one
#: over 6 s; a part of 150,000 characters with its marks still took 90-130 ms (parsing the marked-up
#: HTML), 60,000 some 15-35 ms
READER_WINDOW = 60_000
#: a line longer than this in the part makes the part READER_LINE_WINDOW characters at most: a document
#: lays out a paragraph whole, and one of 150,000 characters (a report saved as one line) held the GUI
#: thread 120-400 ms, one of 20,000 some 30 ms
READER_LONG_LINE = 5_000
READER_LINE_WINDOW = 20_000
#: our own links in the reader's header that move to the part before / after
_EARLIER, _LATER = "desk-reader:earlier", "desk-reader:later"


class _ReadingBrowser(SafeBrowser):
    """The reader's text: lines no longer than READER_LINE_CHARS, centred in a wide window."""

    def resizeEvent(self, event: Any) -> None:
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        line = self.fontMetrics().averageCharWidth() * READER_LINE_CHARS
        side = max(0, (room - line) // 2)
        self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)


READER_EMPTY = (
    "<p>No article open.</p><p>Click an article in the <b>Library</b>, or a passage in the search results, "
    "to read it here.</p>"
)


class ReaderPane(QWidget):
    """One article as text: boilerplate dimmed, figures, claimants and matches marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setOpenExternalLinks(False)
        self.header.linkActivated.connect(self._link)
        self.header.setAccessibleName("Article title and source")
        self.browser = _ReadingBrowser(self)
        self.browser.setObjectName("reader")
        self.browser.setAccessibleName("Article text")
        self.prev_btn = QToolButton(self)
        self.prev_btn.setText("\u25b2")
        self.prev_btn.setToolTip("Previous match (Shift+F3)")
        self.prev_btn.setAccessibleName("Previous match")
        self.next_btn = QToolButton(self)
        self.next_btn.setText("\u25bc")
        self.next_btn.setToolTip("Next match (F3)")
        self.next_btn.setAccessibleName("Next match")
        self.matches_label = QLabel(self)
        self.prev_btn.clicked.connect(self.previous_match)
        self.next_btn.clicked.connect(self.next_match)
        bar = QHBoxLayout()
        bar.addWidget(self.header, 1)
        bar.addWidget(self.matches_label)
        bar.addWidget(self.prev_btn)
        bar.addWidget(self.next_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(bar)
        lay.addWidget(self.browser, 1)
        self.colors = ColorBook()
        #: lays out a part off the GUI thread: ``lay_out(work, done)`` calls ``done(work())`` on the GUI thread
        #: later.  The window hands it to its workers; a pane on its own lays out in place.
        self.lay_out: Callable[[Callable[[], ReaderPage], Callable[[ReaderPage], None]], None] = _in_place
        self.article: Article | None = None
        self._extraction: Extraction | None = None
        self._all_matches: list[tuple[int, int]] = []
        self.part = (0, 0)
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.browser.setHtml(READER_EMPTY)
        self._update_buttons()

    def show_article(
        self,
        article: Article,
        extraction: Extraction | None,
        query: str = "",
        focus: int | None = None,
        page: ReaderPage | None = None,
    ) -> None:
        """Show ``article``; land on the first match (or the one at/after ``focus``).  An article longer
        than READER_WINDOW (READER_LINE_WINDOW where its lines are very long) shows the part around
        ``focus`` (or its first match), with links to the rest.
        ``page``: the same laid out already by :func:`reader_page` (off the GUI thread)."""
        if page is None:
            page = reader_page(article, extraction, query, focus, self.colors)
        self.article = article
        self._extraction = extraction
        self._all_matches = page.matches
        self._present(page)

    def _show_part(self, window: tuple[int, int], focus: int | None) -> None:
        article, extraction, matches, colors = self.article, self._extraction, self._all_matches, self.colors
        assert article is not None

        def work() -> ReaderPage:  # marking up a part of a long report took the GUI thread 0.2 s
            return ReaderPage(matches, window, article_html(article, extraction, matches, Highlight(colors), window),
                              focus)

        def done(page: ReaderPage) -> None:
            if self.article is article:  # not when another article came meanwhile
                self._present(page)

        self.lay_out(work, done)

    def _present(self, page: ReaderPage) -> None:
        article, extraction = self.article, self._extraction
        assert article is not None
        lo, hi = self.part = page.window
        focus = page.focus
        self.matches = [(s - lo, e - lo) for s, e in self._all_matches if lo <= s and e <= hi]
        date = article.date.isoformat() if article.date else "no date"
        head = f"<b>{escape_text(article.title)}</b><br>{escape_text(article.outlet)} \u00b7 {date}"
        if article.url.lower().startswith(("http://", "https://")):
            head += f' \u00b7 <a href="{escape_text(article.url)}">source</a>'
        if extraction is None:
            head += " \u00b7 <i>figures and claimants still being extracted</i>"
        n = len(article.text)
        if (lo, hi) != (0, n):
            head += f"<br><i>A long article: showing characters {lo + 1:,d}\u2013{hi:,d} of {n:,d}.</i>"
            if lo > 0:
                head += f' <a href="{_EARLIER}">\u25b2 Earlier part</a>'
            if hi < n:
                head += f' <a href="{_LATER}">\u25bc Later part</a>'
        self.header.setText(head)  # text-safe: rich text built from escape_text() above
        self.browser.setHtml(page.html)
        self.current = -1
        if focus is not None:
            focus = min(max(0, focus - lo), hi - lo)
        near = None
        if self.matches and focus is not None:
            # the first match in the passage asked for; none there: the passage itself
            near = next((i for i, (s, _) in enumerate(self.matches) if focus <= s < focus + FOCUS_REACH), None)
        if self.matches and (focus is None or near is not None):
            self.go_to_match(near or 0)
        elif focus is not None:
            self._select(focus, focus)
        else:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_buttons()

    def clear(self) -> None:
        self.article = None
        self._extraction = None
        self._all_matches = []
        self.part = (0, 0)
        self.matches = []
        self.current = -1
        self.header.setText("")
        self.browser.setHtml(READER_EMPTY)
        self._update_buttons()

    def _select(self, start: int, end: int) -> None:
        """Select characters ``start``-``end`` of the part shown (offsets in the article's text)."""
        cur = QTextCursor(self.browser.document())
        n = self.browser.document().characterCount() - 1
        if self.article is not None:
            shown = self.article.text[self.part[0] : self.part[1]]
            start, end = _document_position(shown, start), _document_position(shown, end)
        cur.setPosition(min(start, n))
        cur.setPosition(min(end, n), QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cur)
        self.browser.ensureCursorVisible()

    def go_to_match(self, i: int) -> None:
        if not self.matches:
            return
        self.current = i % len(self.matches)
        s, e = self.matches[self.current]
        self._select(s, e)
        self._update_buttons()

    def next_match(self) -> None:
        self.go_to_match(self.current + 1)

    def previous_match(self) -> None:
        self.go_to_match(self.current - 1 if self.current >= 0 else -1)

    def _update_buttons(self) -> None:
        has = bool(self.matches)
        self.prev_btn.setEnabled(has)
        self.next_btn.setEnabled(has)
        set_plain(self.matches_label, f"match {self.current + 1} of {len(self.matches)}" if has else "")

    def _link(self, href: str) -> None:
        if self.article is not None and href in (_EARLIER, _LATER):
            lo, hi = self.part
            text = self.article.text
            part = _window_before(text, lo) if href == _EARLIER else _window_around(text, hi, lead=0)
            self._show_part(part, None)
            return
        open_external(QUrl(href))


@dataclass(frozen=True, slots=True)
class ReaderPage:
    """What the reader shows of an article, laid out: every match of the query in the whole text, the part
    shown (``window``: start, end) as HTML, and the offset to land on.  Plain data, made by
    :func:`reader_page` in a worker: on a long report, finding the matches and marking up the part took
    0.3-0.7 s, which the GUI thread spent frozen."""

    matches: list[tuple[int, int]]
    window: tuple[int, int]
    html: str
    focus: int | None


def reader_page(
    article: Article, extraction: Extraction | None, query: str, focus: int | None, colors: ColorBook
) -> ReaderPage:
    """Lay out ``article`` for the reader (no widget is touched: any thread may call it)."""
    terms = query_terms(query) if query else []
    matches = find_terms(article.text, terms) if terms else []
    at = focus if focus is not None else (matches[0][0] if matches else 0)
    window = _window_around(article.text, at)
    return ReaderPage(matches, window, article_html(article, extraction, matches, Highlight(colors), window), focus)


def _in_place(work: Callable[[], ReaderPage], done: Callable[[ReaderPage], None]) -> None:
    done(work())


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _document_position(text: str, i: int) -> int:
    """Offset ``i`` of ``text`` as a position in the document that shows it: the document counts in UTF-16,
    where a character beyond the first 65,536 (an emoji, a flag) takes two places."""
    return i + len(_ASTRAL.findall(text, 0, i))


def _part_size(text: str, lo: int, hi: int) -> int:
    """How many characters the reader lays out at once around ``text[lo:hi]``: READER_WINDOW, or
    READER_LINE_WINDOW when a line there is longer than READER_LONG_LINE (a paragraph is laid out whole,
    on the GUI thread)."""
    lo, hi = max(0, lo), min(len(text), hi)
    start = lo
    while start < hi:
        end = text.find("\n", start, hi)
        end = hi if end < 0 else end
        if end - start > READER_LONG_LINE:
            return min(READER_WINDOW, READER_LINE_WINDOW)
        start = end + 1
    return READER_WINDOW


def _window_around(text: str, at: int, lead: int | None = None) -> tuple[int, int]:
    """The part of a long text the reader shows for position ``at``: :func:`_part_size` characters starting
    ``lead`` (a fifth of them by default) before it, cut at line breaks where one is near; the whole text
    when it is short."""
    n = len(text)
    size = _part_size(text, at - READER_WINDOW, at + READER_WINDOW)
    if n <= size:
        return 0, n
    lead = size // 5 if lead is None else lead
    lo = max(0, min(at - lead, n - size))
    if lo + size >= n:  # the last part: it starts after a line break at or after ``lo``, never after ``at``
        cut = text.find("\n", lo, lo + 2000)
        return (min(cut + 1, at) if cut >= 0 else lo), n
    start = _at_line(text, lo)  # the end is counted from the start shown: a part is never longer than ``size``
    return start, _at_line(text, start + size)


def _window_before(text: str, end: int) -> tuple[int, int]:
    """The part that ends where the part shown starts."""
    size = _part_size(text, end - READER_WINDOW, end)
    return _at_line(text, max(0, end - size)), end


def _at_line(text: str, i: int) -> int:
    """``i`` moved back to just after a line break within 2,000 characters, or left where it is."""
    if i <= 0 or i >= len(text):
        return max(0, min(i, len(text)))
    cut = text.rfind("\n", max(0, i - 2000), i)
    return cut + 1 if cut >= 0 else i
