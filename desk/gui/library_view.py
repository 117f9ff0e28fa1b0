"""The library list (outlet, date, title) and the reader pane.

:class:`ArticleListModel` presents ``Library.articles()``; :class:`ArticleFilter`
narrows it by outlet, date range and title words.  :class:`ReaderPane` shows one
article with boilerplate dimmed, figures and claimants highlighted, the search
terms marked, and next/previous match.
"""

from __future__ import annotations

import datetime as dt
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
from PySide6.QtGui import QTextCursor
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
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.gui.markup import ColorBook, Highlight, article_html, escape_text, find_terms, query_terms
from desk.gui.richtext import ObjectRole, SafeBrowser, open_external
from desk.gui.signals import data, emit
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

    def _key(self, a: Article) -> tuple[str, ...]:
        date = a.date.isoformat() if a.date else ""
        return ((a.outlet.lower(), date), (date, a.outlet.lower()), (a.title.lower(), date))[self._sort_column]

    def _sort(self) -> None:
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
            return (a.outlet, a.date.isoformat() if a.date else "", a.title)[c]
        if role == SortRole:
            return (a.outlet.lower(), a.date.isoformat() if a.date else "", a.title.lower())[c]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{a.title}\n{a.outlet} \u00b7 {a.date or 'no date'}\n{a.relpath}"
        if role == ObjectRole:
            return a
        return None


class ArticleFilter(QSortFilterProxyModel):
    """Outlet, date range and title words."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.outlet = ""
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
        self, outlet: str = "", since: dt.date | None = None, until: dt.date | None = None, words: str = ""
    ) -> None:
        self.beginFilterChange()
        self.outlet, self.since, self.until, self.words = outlet, since, until, words.lower().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not (self.outlet or self.since or self.until or self.words):
            return True  # called once per article on every reset: the common case first
        model = self.sourceModel()
        if not isinstance(model, ArticleListModel) or not (0 <= source_row < len(model.articles)):
            return False
        a = model.articles[source_row]
        if self.outlet and a.outlet != self.outlet:
            return False
        if self.since and (a.date is None or a.date < self.since):
            return False
        if self.until and (a.date is None or a.date > self.until):
            return False
        return not (self.words and self.words not in a.title.lower())


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
        self.words = QLineEdit(self)
        self.words.setPlaceholderText("Title contains\u2026")
        self.words.setClearButtonEnabled(True)
        self.words.setAccessibleName("Filter by title")
        self.use_dates = QCheckBox("Dates", self)
        self.use_dates.setToolTip("Only articles dated within this range")
        self.use_dates.setAccessibleName("Filter by date range")
        self.since = QDateEdit(self)
        self.until = QDateEdit(self)
        for d, name in ((self.since, "From date"), (self.until, "To date")):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setAccessibleName(name)
            d.setToolTip(name)
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
        grid.addWidget(self.outlet, 0, 0, 1, 2)
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
        self.table.setColumnWidth(0, min(130, fm.horizontalAdvance(longest) + 16))
        self.table.setColumnWidth(1, fm.horizontalAdvance("0000-00-00") + 16)
        if self.outlet.currentText() == current or self.proxy.outlet == "":
            # the model's reset has filtered the new rows already (6,799 Python calls)
            self._update_count()
        else:  # the chosen outlet is gone from the folder: back to all outlets
            self._refilter()

    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self._refilter()

    def _refilter(self, *args: Any) -> None:
        outlet = self.outlet.currentText()
        since = until = None
        if self.use_dates.isChecked():
            since = self.since.date().toPython()
            until = self.until.date().toPython()
        self.proxy.set_filter("" if outlet == ALL_OUTLETS else outlet, since, until, self.words.text())
        self._update_count()

    def set_indexing(self, on: bool) -> None:
        """While the folder is indexed an empty list says so, not "no articles"."""
        self.indexing = on
        self._update_count()

    def _update_count(self) -> None:
        n, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0 and getattr(self, "indexing", False):
            self.count.setText("Indexing the folder\u2026 articles appear here as they are read.")
        elif total == 0:
            self.count.setText("No articles yet: File > Open Folder (Ctrl+O)")
        else:
            self.count.setText(f"{n} of {total} articles")

    def filters(self) -> tuple[tuple[str, ...], dt.date | None, dt.date | None]:
        """The outlet and date filters, for the search."""
        outlet = self.outlet.currentText()
        outlets = () if outlet == ALL_OUTLETS else (outlet,)
        if not self.use_dates.isChecked():
            return outlets, None, None
        return outlets, self.since.date().toPython(), self.until.date().toPython()

    def chosen_articles(self) -> list[Article]:
        rows = self.table.selectionModel().selectedRows()
        out = [data(r, ObjectRole) for r in rows]
        return [a for a in out if isinstance(a, Article)]

    def _activated(self, index: QModelIndex) -> None:
        a = data(index, ObjectRole)
        if isinstance(a, Article):
            emit(self.articleActivated, a)


#: how far after a passage's start a match still counts as "in the passage" when landing there
FOCUS_REACH = 1500
#: the reader's longest line, in average characters
READER_LINE_CHARS = 90


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
        self.article: Article | None = None
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.browser.setHtml(READER_EMPTY)
        self._update_buttons()

    def show_article(
        self, article: Article, extraction: Extraction | None, query: str = "", focus: int | None = None
    ) -> None:
        """Show ``article``; land on the first match (or the one at/after ``focus``)."""
        self.article = article
        self.matches = find_terms(article.text, query_terms(query)) if query else []
        html = article_html(article, extraction, self.matches, Highlight(self.colors))
        date = article.date.isoformat() if article.date else "no date"
        head = f"<b>{escape_text(article.title)}</b><br>{escape_text(article.outlet)} \u00b7 {date}"
        if article.url.lower().startswith(("http://", "https://")):
            head += f' \u00b7 <a href="{escape_text(article.url)}">source</a>'
        if extraction is None:
            head += " \u00b7 <i>figures and claimants still being extracted</i>"
        self.header.setText(head)
        self.browser.setHtml(html)
        self.current = -1
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
        self.matches = []
        self.current = -1
        self.header.setText("")
        self.browser.setHtml(READER_EMPTY)
        self._update_buttons()

    def _select(self, start: int, end: int) -> None:
        cur = QTextCursor(self.browser.document())
        n = self.browser.document().characterCount() - 1
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
        self.matches_label.setText(f"match {self.current + 1} of {len(self.matches)}" if has else "")

    def _link(self, href: str) -> None:
        open_external(QUrl(href))
