"""The claims table: who says which figure, in which outlet, when.

:class:`ClaimsModel` presents the core's ``list[FigureStatement]``; a filter
model sorts (figures by value, dates by date), a proxy filters on any column.  A
click opens the passage; right-click merges, renames or drops a claimant alias
through the callback the window gives (the core keeps the aliases).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.export import csv_cell as export_cell
from desk.gui.markup import ColorBook
from desk.gui.plain import cell, menu_text, tip
from desk.model import FigureStatement, more_copies

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 10
StatementRole = Qt.ItemDataRole.UserRole + 11

COLUMNS = ("Figure", "Qualifier", "Counted", "Claimant", "Outlet", "Date", "Sentence")
SENTENCE = COLUMNS.index("Sentence")
#: the widest a column other than the sentence gets: a long outlet or claimant name is elided, and its tool
#: tip shows it whole
COLUMN_MAX = 240
#: rows whose text sizes the columns (beyond those on screen): measuring every row of a
#: thousand-claim table held the GUI thread for hundreds of milliseconds
SIZE_SAMPLE_ROWS = 80
EMPTY_TEXT = "No claims yet. Search for something (Ctrl+F) and press Enter: the figures found and who states them are listed here."


def csv_cell(text: str) -> str:
    """One CSV cell of untrusted text: one line, never read as a spreadsheet formula, and its control and
    bidi characters shown as escapes (:func:`desk.export.csv_cell`, the rule of every CSV desk writes): an
    ESC or a right-to-left override in a claimant's name or a sentence went into the saved file raw, to
    act on the terminal it was printed on and reorder the cell a spreadsheet showed.  A figure written
    as a signed number ("-5,710") stays as written."""
    text = " ".join(str(text).split())
    return text if _NUMBER.match(text) else str(export_cell(text))


_NUMBER = re.compile(r"^[-+]?\d[\d,.]*$")


class ClaimsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.statements: list[FigureStatement] = []
        self.dates: dict[str, dt.date | None] = {}
        self.colors: ColorBook | None = None  # the window's shared claimant looks
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    def set_statements(
        self, statements: list[FigureStatement], dates: dict[str, dt.date | None] | None = None
    ) -> None:
        self.beginResetModel()
        self.statements = list(statements)
        self.dates = dict(dates or {})
        self._sort_statements()
        self.endResetModel()

    def display(self, s: FigureStatement, c: int) -> str:
        date = self.dates.get(s.article_id)
        return (
            cell(s.figure.text),
            cell(s.figure.qualifier),
            cell(s.figure.counted),
            cell(s.claimant) if s.claimant else "(the outlet itself)",  # a bidi override reversed the cell
            cell(s.outlet),
            (date.isoformat() if date else "") + more_copies(s.copies),
            cell(s.sentence),
        )[c]

    def sort_key(self, s: FigureStatement, c: int) -> Any:
        """What column ``c`` sorts ``s`` by (also its SortRole): figures by value, the rest by their text."""
        return s.figure.value if c == 0 else self.display(s, c)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the statements themselves (stable, as the proxy would), in Python's sort.

        A sorting proxy asks ``data`` twice per comparison, through Qt: some
        16,000 calls for 800 claims, about 90 ms of the GUI thread each time
        the claims of a comparison came in.
        """
        self.sort_column = column
        self.sort_order = order
        self.layoutAboutToBeChanged.emit()
        old = list(self.persistentIndexList())
        rows = [self.statements[i.row()] if 0 <= i.row() < len(self.statements) else None for i in old]
        self._sort_statements()
        where = {id(st): r for r, st in enumerate(self.statements)}
        for i, st in zip(old, rows, strict=True):
            if st is not None and id(st) in where:
                self.changePersistentIndex(i, self.index(where[id(st)], i.column()))
        self.layoutChanged.emit()

    def _sort_statements(self) -> None:
        c = self.sort_column
        if 0 <= c < len(COLUMNS):
            self.statements.sort(key=lambda s: self.sort_key(s, c), reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.statements)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
                return COLUMNS[section]
            if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.statements):
                return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.statements)):
            return None
        s = self.statements[index.row()]
        c = index.column()
        if role == StatementRole:
            return s
        if role == Qt.ItemDataRole.ToolTipRole:
            text = s.sentence if c == SENTENCE else self.data(index, Qt.ItemDataRole.DisplayRole)
            return tip(f"{text}\nClick to open the passage; right-click a claimant to merge or rename it")
        marked = (c == 3 and bool(s.claimant) and self.colors is not None
                  and self.colors.claimants.shown(s.claimant) not in self.colors.hidden)
        if role == Qt.ItemDataRole.DisplayRole:
            if marked and self.colors is not None:
                # the claimant's marker beside its colour, as in the compare panes: two colours alike never hide
                # which claimant is which
                return f"{self.colors.look(s.claimant).glyph} {self.display(s, c)}"
            return self.display(s, c)
        if role == SortRole:
            return self.sort_key(s, c)
        if role == Qt.ItemDataRole.ForegroundRole and marked and self.colors is not None:
            return QBrush(QColor(self.colors.look(s.claimant).colour))
        if role == Qt.ItemDataRole.TextAlignmentRole and c == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ClaimsFilter(QSortFilterProxyModel):
    """Case-insensitive filter over every column; sorting is left to the source model (:meth:`ClaimsModel.sort`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, ClaimsModel):
            source.sort(column, order)  # the proxy keeps the source's order (its own sort column stays -1)
        else:
            super().sort(column, order)


#: alias action callback: (action, claimant, new name); action is "merge", "rename", "delete" or "forget"
AliasAction = Callable[[str, str, str], None]


class ClaimsView(QWidget):
    passageRequested = Signal(str, int)  # article id, passage number
    csvRequested = Signal()

    def listed_csv(self) -> str:
        """The claims listed (filtered, in the table's order) as CSV, safe to open in a spreadsheet."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([*COLUMNS, "Value", "Passage", "Article", "Copies"])
        for r in range(self.proxy.rowCount()):
            st = self.proxy.index(r, 0).data(StatementRole)
            if not isinstance(st, FigureStatement):
                continue
            date = self.model.dates.get(st.article_id)
            w.writerow([csv_cell(x) for x in (
                st.figure.text, st.figure.qualifier, st.figure.counted, st.claimant, st.outlet,
                date.isoformat() if date else "", st.sentence, f"{st.figure.value:g}", str(st.passage + 1), st.article_id,
                str(st.copies),
            )])
        return buf.getvalue()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimsModel(self)
        self.proxy = ClaimsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.alias_action: AliasAction | None = None
        self.claimant_names: Callable[[], list[str]] = lambda: sorted(
            {s.claimant for s in self.model.statements if s.claimant}
        )

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter claims (figure, claimant, outlet\u2026)")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter claims")
        self.filter.setToolTip("Show only the claims containing this text in any column")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.csv_btn = QToolButton(self)
        self.csv_btn.setText("Save CSV\u2026")
        self.csv_btn.setToolTip("Save the claims listed (after the filter) as a CSV file")
        self.csv_btn.setAccessibleName("Save claims as CSV")
        self.csv_btn.clicked.connect(self.csvRequested)

        self.table = QTableView(self)
        self.table.setObjectName("claimsTable")
        self.table.setAccessibleName("Claims: figure, qualifier, counted, claimant, outlet, date, sentence")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)  # the sentence takes the width left
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        self._widths_due = False  # new claims came while the table was hidden: size the columns when shown
        self.table.clicked.connect(self._clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)

        self.empty = QLabel(EMPTY_TEXT, self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.csv_btn)
        lay.addLayout(top)
        lay.addWidget(self.stack, 1)
        self.model.modelReset.connect(self._reset)

    def set_statements(
        self, statements: list[FigureStatement], dates: dict[str, dt.date | None] | None = None
    ) -> None:
        self.model.set_statements(statements, dates)

    def _reset(self) -> None:
        self.stack.setCurrentWidget(self.table if self.model.statements else self.empty)
        if self.table.isVisible():
            self.fit_columns()
        else:
            self._widths_due = True  # claims come after every comparison, mostly to a tab behind

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._widths_due:
            self.fit_columns()

    def fit_columns(self) -> None:
        """Columns as wide as their text (on screen and the first rows), at most COLUMN_MAX px; the sentence
        gets the rest."""
        self._widths_due = False
        self.table.resizeColumnsToContents()
        for c in range(SENTENCE):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c) + 16, COLUMN_MAX))

    def statement_at(self, index: QModelIndex) -> FigureStatement | None:
        s = index.data(StatementRole) if index.isValid() else None
        if s is None and index.isValid():
            s = self.proxy.index(index.row(), 0).data(StatementRole)
        return s if isinstance(s, FigureStatement) else None

    def _clicked(self, index: QModelIndex) -> None:
        s = self.statement_at(index)
        if s is not None:
            self.passageRequested.emit(s.article_id, s.passage)

    def _menu(self, pos: Any) -> None:
        s = self.statement_at(self.table.indexAt(pos))
        if s is None or not s.claimant or self.alias_action is None:
            return
        menu = QMenu(self)
        name = s.claimant
        menu.addAction(menu_text(f"Merge \u201c{name}\u201d into\u2026"), lambda: self._merge(name))
        menu.addAction(menu_text(f"Rename \u201c{name}\u201d\u2026"), lambda: self._rename(name))
        menu.addAction(menu_text(f"Hide \u201c{name}\u201d as a claimant"), lambda: self._act("delete", name, ""))
        menu.addAction(menu_text(f"Forget any alias of \u201c{name}\u201d"), lambda: self._act("forget", name, ""))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _merge(self, name: str) -> None:
        others = [n for n in self.claimant_names() if n != name]
        if not others:
            return
        target, ok = QInputDialog.getItem(self, "Merge claimant", tip(f"Treat \u201c{name}\u201d as:"), others, 0, True)
        if ok and target.strip():
            self._act("merge", name, target.strip())

    def _rename(self, name: str) -> None:
        new, ok = QInputDialog.getText(self, "Rename claimant", tip(f"New name for \u201c{name}\u201d:"), text=name)
        if ok and new.strip() and new.strip() != name:
            self._act("rename", name, new.strip())

    def _act(self, action: str, name: str, new: str) -> None:
        if self.alias_action is not None:
            self.alias_action(action, name, new)
