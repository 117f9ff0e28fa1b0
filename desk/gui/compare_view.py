"""The compare view: one column per outlet, rows aligned by fact.

A :class:`CompareModel` presents a core :class:`~desk.model.Comparison`
(nothing is computed here beyond colours): column 0 carries the row's check box
and disagreement badge, columns 1.. one outlet each.  A QTableView gives the
alignment for free: the passages of a row share its height and wrap inside
their cells.  With the lock off, each outlet gets its own pane (a list over the
same model column) that scrolls on its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.gui.markup import ColorBook, Highlight, Theme, escape_text, legend_html, passage_html, value_key
from desk.gui.plain import menu_text, set_plain, tip
from desk.gui.richtext import HtmlRole, ObjectRole, RichTextDelegate, soften_selection
from desk.model import Comparison, PassageRef, Row

Index = QModelIndex | QPersistentModelIndex

BADGE = "\u26a0"  # warning sign
#: the longest a comparison's follow-ups wait for the table's first paint
AFTER_PAINT_LIMIT_MS = 400
EMPTY_TEXT = (
    "Type a query in the search field and press Enter to compare outlets side by side.\n\n"
    "Or choose two or more articles in the Library and use Go > Collate Chosen Articles."
)


def row_marked_figures(row: Row) -> set[tuple[str, int]]:
    """The figures to mark as disagreeing: every stated figure of a row whose values differ."""
    if not row.disagreement:
        return set()
    clashing = getattr(row, "clashing", None)
    if clashing:
        return {(aid, start) for aid, start in clashing}
    values = {value_key(s.figure.value) + "|" + s.figure.qualifier for s in row.statements}
    if len(values) < 2:
        return set()
    return {(s.article_id, s.figure.start) for s in row.statements}


class CompareModel(QAbstractTableModel):
    """A Comparison as a table: column 0 = check + badge, then one column per outlet."""

    checkedChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.colors = ColorBook()
        self.hover = ""
        self._checked: set[int] = set()
        self._html: dict[tuple[int, int], str] = {}

    # -- loading
    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self._checked = set()
        self._html.clear()
        self.colors.reset()
        if comparison is not None:
            # assign colours in reading order so they are stable for one comparison
            for row in comparison.rows:
                for s in row.statements:
                    self.colors.figure(s.figure.value)
                    if s.claimant:
                        self.colors.claimant(s.claimant)
                for refs in row.cells.values():
                    for ref in refs:
                        for a in ref.attributions:
                            self.colors.claimant(a.name)
        self.endResetModel()
        self.checkedChanged.emit()

    def set_theme(self, theme: Theme) -> None:
        self.colors.theme = theme
        self._refresh_html()

    def set_hover(self, key: str) -> None:
        if key != self.hover:
            self.hover = key
            self._refresh_html()

    def _refresh_html(self) -> None:
        self._html.clear()
        if self.rowCount() and self.columnCount() > 1:
            self.dataChanged.emit(
                self.index(0, 1), self.index(self.rowCount() - 1, self.columnCount() - 1), [HtmlRole]
            )

    # -- shape
    @property
    def outlets(self) -> list[str]:
        return list(self.comparison.outlets) if self.comparison else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() or self.comparison is None:
            return 0
        return len(self.comparison.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.comparison is None:
            return 0
        return 1 + len(self.comparison.outlets)

    def row(self, r: int) -> Row:
        assert self.comparison is not None
        return self.comparison.rows[r]

    def refs(self, r: int, c: int) -> list[PassageRef]:
        if c < 1 or self.comparison is None:
            return []
        return self.row(r).cells.get(self.comparison.outlets[c - 1], [])

    # -- data
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                if role == Qt.ItemDataRole.DisplayRole:
                    return "Row"
                if role == Qt.ItemDataRole.ToolTipRole:
                    return "Tick rows to export them; \u26a0 marks rows whose figures or claimants disagree"
            elif 0 < section <= len(self.outlets):
                if role == Qt.ItemDataRole.DisplayRole:
                    return self.outlets[section - 1]
                if role == Qt.ItemDataRole.ToolTipRole:
                    return tip(f"Passages from {self.outlets[section - 1]} (right-click the header to hide or show outlets)")
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.rowCount():
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.comparison is None:
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < self.rowCount() and 0 <= c < self.columnCount()):
            return None
        row = self.row(r)
        if c == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                badge = BADGE + " differs" if row.disagreement else ""
                kind = "" if row.kind == "match" else row.kind
                return " ".join(x for x in (badge, kind) if x)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if r in self._checked else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip(self.row_tooltip(row))
            if role == Qt.ItemDataRole.ForegroundRole and row.disagreement:
                return QBrush(QColor(self.colors.theme.mark))
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return ("disagreement: " if row.disagreement else "") + (row.summary or "row")
            return None
        refs = self.refs(r, c)
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n\n".join(p.text for p in refs)
        if role == HtmlRole:
            key = (r, c)
            cached = self._html.get(key)
            if cached is None:
                cached = self.cell_html(row, refs)
                self._html[key] = cached
            return cached
        if role == ObjectRole:
            return refs[0] if refs else None
        if role == Qt.ItemDataRole.ToolTipRole and refs:
            return tip("\n".join(_citation(p) for p in refs) + "\nDouble-click to read the article")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if checked:
            self._checked.add(index.row())
        else:
            self._checked.discard(index.row())
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()
        return True

    # -- helpers
    def row_tooltip(self, row: Row) -> str:
        lines = []
        if row.disagreement:
            lines.append("Figures or claimants disagree")
        if row.summary:
            lines.append(row.summary)
        else:
            for s in row.statements:
                q = (s.figure.qualifier + " ") if s.figure.qualifier else ""
                who = s.claimant or "(the outlet)"
                lines.append(f"{s.outlet} \u2014 {who}: {q}{s.figure.text}")
        lines.extend(row.differences)
        return "\n".join(lines) or "Tick to export this row"

    def cell_html(self, row: Row, refs: list[PassageRef]) -> str:
        hl = Highlight(self.colors, hover=self.hover, marked_figures=row_marked_figures(row))
        parts = []
        for ref in refs:
            cite = escape_text(_citation(ref))
            dup = row.duplicates.get(ref.key)
            if dup:
                cite += escape_text(" \u00b7 also in " + ", ".join(dup))
            parts.append(
                passage_html(ref, hl, row)
                + f'<p style="color: {self.colors.theme.dim}; font-size: small">{cite}</p>'
            )
        return "<hr>".join(parts)

    def checked_rows(self) -> list[int]:
        return sorted(self._checked)

    def set_all_checked(self, checked: bool) -> None:
        self._checked = set(range(self.rowCount())) if checked else set()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, 0), [Qt.ItemDataRole.CheckStateRole]
            )
        self.checkedChanged.emit()

    def selected_comparison(self) -> Comparison | None:
        """The comparison restricted to the ticked rows (all rows when none is ticked)."""
        if self.comparison is None:
            return None
        rows = self.checked_rows()
        if not rows:
            return self.comparison
        return dataclasses.replace(self.comparison, rows=[self.comparison.rows[i] for i in rows])

    def disagreement_rows(self) -> list[int]:
        if self.comparison is None:
            return []
        return [i for i, r in enumerate(self.comparison.rows) if r.disagreement]


def _citation(ref: PassageRef) -> str:
    date = ref.date.isoformat() if ref.date else "no date"
    return f"{ref.outlet} \u00b7 {ref.title} \u00b7 {date} \u00b7 \u00b6{ref.number + 1}"


class _HoverTable(QTableView):
    """The aligned table; reports our anchor under the mouse, and its paints."""

    hovered = Signal(str)
    painted = Signal()

    def __init__(self, delegate: RichTextDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._delegate = delegate
        self.setMouseTracking(True)
        self.watch_paint = False

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self.watch_paint:
            self.watch_paint = False
            self.painted.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.hovered.emit(self._delegate.anchor_at(self, event.position().toPoint()))

    def leaveEvent(self, event: Any) -> None:
        super().leaveEvent(event)
        self.hovered.emit("")


class CompareView(QWidget):
    """Aligned panes, legend, disagreement navigation, row check boxes."""

    passageActivated = Signal(object)  # PassageRef
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CompareModel(self)
        self.delegate = RichTextDelegate(self)

        self.table = _HoverTable(self.delegate, self)
        self.table.setObjectName("compareTable")
        self.table.setAccessibleName("Compare table: one column per outlet")
        self.table.setModel(self.model)
        self.table.setItemDelegate(self.delegate)
        soften_selection(self.table)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Rows get an estimated height at once and their exact height when they
        # scroll into view: laying out every cell of a 200-row comparison at
        # once stalled the window for seconds.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fitted: set[int] = set()
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(15)
        self._fit_timer.timeout.connect(self._fit_visible_rows)
        self.table.verticalScrollBar().valueChanged.connect(lambda *_: self._fit_timer.start())
        hh = self.table.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._header_menu)
        hh.sectionResized.connect(self._column_resized)
        self.table.hovered.connect(self.model.set_hover)
        self.table.doubleClicked.connect(self._activated)
        self.model.dataChanged.connect(lambda *a: self.delegate.clear_cache())
        self.model.modelReset.connect(self._after_reset)

        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName("Claimant colours")
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Comparison summary")

        self.lock = QToolButton(self)
        self.lock.setText("Lock rows")
        self.lock.setCheckable(True)
        self.lock.setChecked(True)
        self.lock.setToolTip("Locked: rows stay aligned and scroll together. Unlocked: each outlet scrolls on its own")
        self.lock.setAccessibleName("Lock aligned scrolling")
        self.lock.toggled.connect(self.set_locked)
        self.prev_btn = QToolButton(self)
        self.prev_btn.setText("\u25b2 Disagreement")
        self.prev_btn.setToolTip("Previous row whose figures or claimants disagree (Shift+F8)")
        self.prev_btn.setAccessibleName("Previous disagreement")
        self.prev_btn.clicked.connect(self.previous_disagreement)
        self.next_btn = QToolButton(self)
        self.next_btn.setText("\u25bc Disagreement")
        self.next_btn.setToolTip("Next row whose figures or claimants disagree (F8)")
        self.next_btn.setAccessibleName("Next disagreement")
        self.next_btn.clicked.connect(self.next_disagreement)
        self.export_btn = QToolButton(self)
        self.export_btn.setText("Export\u2026")
        self.export_btn.setToolTip("Preview and save the ticked rows as Markdown (Ctrl+E)")
        self.export_btn.setAccessibleName("Export ticked rows")
        self.export_btn.clicked.connect(self.exportRequested)

        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for w in (self.prev_btn, self.next_btn, self.lock, self.export_btn):
            bar.addWidget(w)

        self.panes = QSplitter(Qt.Orientation.Horizontal, self)
        self.panes.setChildrenCollapsible(False)
        self.empty = QLabel(EMPTY_TEXT, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName("Compare view is empty")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.panes)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(bar)
        lay.addWidget(self.legend)
        lay.addWidget(self.stack, 1)
        self.hidden_outlets: set[str] = set()
        self._after_paint: list[Callable[[], None]] = []
        self.table.painted.connect(self._painted)
        self._auto_widths = True
        self._laying_out = False
        self._after_reset()

    # -- content
    def after_paint(self, fn: Callable[[], None], limit_ms: int = AFTER_PAINT_LIMIT_MS) -> None:
        """Call ``fn`` once the table has painted (or after ``limit_ms``, if it is not shown).

        The window starts the slower follow-ups of a comparison (results list,
        claims) here: run beside the first paint, their Python on the worker
        threads took the GIL from every cell the GUI thread painted.
        """
        self._after_paint.append(fn)
        self.table.watch_paint = True
        QTimer.singleShot(limit_ms, self._run_after_paint)

    def _painted(self) -> None:
        # not inside the paint event: the next turn of the event loop
        QTimer.singleShot(0, self._run_after_paint)

    def _run_after_paint(self) -> None:
        fns, self._after_paint = self._after_paint, []
        for fn in fns:
            fn()

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.delegate.clear_cache()
        self._auto_widths = True
        self.model.set_comparison(comparison)

    def set_theme(self, theme: Theme) -> None:
        self.delegate.clear_cache()
        soften_selection(self.table)
        self.model.set_theme(theme)
        self.legend.setText(legend_html(self.model.colors))

    def _after_reset(self) -> None:
        comp = self.model.comparison
        has = comp is not None and bool(comp.rows)
        if comp is None:
            set_plain(self.summary, "")
        elif not comp.rows:
            set_plain(self.summary, f"No passages to compare for \u201c{comp.query}\u201d. Try other words.")
        else:
            n = len(self.model.disagreement_rows())
            what = "Collated" if comp.mode == "collate" else "Compared"
            set_plain(
                self.summary, f"{what}: {len(comp.rows)} rows across {len(comp.outlets)} outlets; {n} with disagreements"
            )
        self.legend.setText(legend_html(self.model.colors))
        self.legend.setVisible(bool(self.legend.text()))
        for w in (self.prev_btn, self.next_btn, self.export_btn, self.lock):
            w.setEnabled(has)
        self._layout_columns()
        self._estimate_row_heights()
        self.set_locked(self.lock.isChecked())

    def _layout_columns(self) -> None:
        """Share the width among the visible outlets (until the user resizes a column)."""
        n = self.model.columnCount()
        if n <= 1:
            return
        self._laying_out = True
        try:
            first = 90
            self.table.setColumnWidth(0, first)
            # the table may be hidden behind the empty page: measure the page instead
            frame = self.stack.width() - self.table.verticalHeader().sizeHint().width()
            frame -= self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth()
            avail = max(300, frame - first)
            visible = [c for c in range(1, n) if self.model.outlets[c - 1] not in self.hidden_outlets]
            width = max(220, avail // max(1, len(visible)))
            for c in range(1, n):
                self.table.setColumnHidden(c, self.model.outlets[c - 1] in self.hidden_outlets)
                self.table.setColumnWidth(c, width)
        finally:
            self._laying_out = False

    def _column_resized(self, *args: Any) -> None:
        self.delegate.clear_cache()
        if not self._laying_out:
            self._auto_widths = False
            self._estimate_row_heights()

    def _estimate_row_heights(self) -> None:
        """A cheap height for every row from its text length; exact heights come when visible."""
        self._fitted.clear()
        n = self.model.rowCount()
        if not n:
            return
        fm = self.table.fontMetrics()
        line = fm.lineSpacing()
        char_w = max(1.0, fm.averageCharWidth() * 1.05)
        cols = [c for c in range(1, self.model.columnCount()) if not self.table.isColumnHidden(c)]
        widths = {c: max(40, self.table.columnWidth(c) - 2 * RichTextDelegate.PADDING) for c in cols}
        for r in range(n):
            best = 2 * line
            for c in cols:
                refs = self.model.refs(r, c)
                if not refs:
                    continue
                per_line = max(1, int(widths[c] / char_w))
                lines = sum(len(p.text) // per_line + 1 + 2 + (len(p.title) + 40) // per_line for p in refs)
                best = max(best, lines * line + 2 * RichTextDelegate.PADDING + 12 * len(refs))
            self.table.setRowHeight(r, int(best))
        self._fit_timer.start()

    def _fit_visible_rows(self) -> None:
        n = self.model.rowCount()
        if not n:
            return
        top = max(0, self.table.rowAt(0))
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        bottom = n - 1 if bottom < 0 else bottom
        changed = False
        for r in range(max(0, top - 1), min(n, bottom + 3)):
            if r not in self._fitted:
                self._fitted.add(r)
                self.table.resizeRowToContents(r)
                changed = True
        if changed:  # heights moved rows up or down: fit what is visible now
            self._fit_timer.start()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._auto_widths:
            self._layout_columns()
            self._estimate_row_heights()

    def set_locked(self, locked: bool) -> None:
        comp = self.model.comparison
        if comp is None or not comp.rows:
            self.stack.setCurrentWidget(self.empty if comp is None else self.table)
            return
        if locked:
            self.stack.setCurrentWidget(self.table)
            return
        # one independent pane per visible outlet, over the same model column
        while self.panes.count():
            w = self.panes.widget(0)
            w.setParent(None)
            w.deleteLater()
        header = self.table.horizontalHeader()
        for visual in range(1, self.model.columnCount()):
            c = header.logicalIndex(visual)
            if c < 1 or self.table.isColumnHidden(c):
                continue
            pane = QListView(self.panes)
            pane.setModel(self.model)
            pane.setModelColumn(c)
            pane.setItemDelegate(self.delegate)
            pane.setWordWrap(True)
            pane.setResizeMode(QListView.ResizeMode.Adjust)
            pane.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            pane.setAccessibleName(f"Passages from {self.model.outlets[c - 1]}")
            pane.doubleClicked.connect(self._activated)
            self.panes.addWidget(pane)
        self.stack.setCurrentWidget(self.panes)

    # -- columns
    def _header_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for name in self.model.outlets:
            act = QAction(menu_text(name), menu)
            act.setCheckable(True)
            act.setChecked(name not in self.hidden_outlets)
            act.toggled.connect(lambda on, n=name: self.set_outlet_visible(n, on))
            menu.addAction(act)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def set_outlet_visible(self, outlet: str, visible: bool) -> None:
        if visible:
            self.hidden_outlets.discard(outlet)
        else:
            self.hidden_outlets.add(outlet)
        if outlet in self.model.outlets:
            self.table.setColumnHidden(self.model.outlets.index(outlet) + 1, not visible)
        if not self.lock.isChecked():
            self.set_locked(False)

    # -- navigation
    def _go_disagreement(self, step: int) -> int:
        rows = self.model.disagreement_rows()
        if not rows:
            return -1
        cur = self.table.currentIndex().row()
        if step > 0:
            after = [r for r in rows if r > cur]
            target = after[0] if after else rows[0]
        else:
            before = [r for r in rows if r < cur] if cur >= 0 else []
            target = before[-1] if before else rows[-1]
        idx = self.model.index(target, 0)
        self.table.setCurrentIndex(idx)
        self.table.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtTop)
        return target

    def next_disagreement(self) -> int:
        return self._go_disagreement(1)

    def previous_disagreement(self) -> int:
        return self._go_disagreement(-1)

    def _activated(self, index: QModelIndex) -> None:
        ref = index.data(ObjectRole)
        if isinstance(ref, PassageRef):
            self.passageActivated.emit(ref)
