"""The search field and the results list (passages grouped by outlet).

The field takes the CLI's query language.  It completes the word under the
cursor with outlet names (``outlet:...``) and claimants, keeps a history
(Up/Down, and the drop-down of the completer when the field is empty), and
shows a readable sentence under itself when the core says the query is
malformed.  Keystrokes are debounced before anything is searched.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desk.gui.richtext import ObjectRole
from desk.gui.signals import data, emit
from desk.model import PassageRef, SearchResult

DEBOUNCE_MS = 300
#: window shortcuts the search field must not swallow
WINDOW_KEYS = (QKeySequence("Ctrl+E"), QKeySequence("Ctrl+Shift+C"))
PLACEHOLDER = "Search, e.g.  soldiers killed   \u00b7   \"grain deal\" outlet:Reuters   (Enter compares outlets)"


class SearchField(QLineEdit):
    """A line edit with word completion and history."""

    submitted = Signal(str)  # Enter
    typed = Signal(str)  # after the user paused typing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Search query")
        self.setToolTip(
            "Words find passages containing them; \"quotes\" for a phrase; OR, NOT; outlet:NAME.\n"
            "Press Enter to compare the outlets side by side. Up/Down: history."
        )
        self.history: list[str] = []
        self._hist_pos = -1
        self._words = QStringListModel(self)
        self.completer_ = QCompleter(self._words, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._insert_completion)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: emit(self.typed, self.text()))
        self.textEdited.connect(self._edited)
        # Enter is handled in keyPressEvent (returnPressed would also come after a completion)

    def set_vocabulary(self, outlets: list[str], claimants: list[str]) -> None:
        words = [_outlet_token(o) for o in outlets] + [_quote(c) for c in claimants]
        self._words.setStringList(sorted(set(words), key=str.lower))

    def set_history(self, history: list[str]) -> None:
        self.history = list(history)
        self._hist_pos = -1

    def _last_token(self) -> tuple[int, str]:
        text = self.text()[: self.cursorPosition()]
        m = re.search(r'(?:outlet:)?"?[^\s"]*$', text)
        if not m:
            return len(text), ""
        return m.start(), m.group(0)

    def _edited(self, text: str) -> None:
        self._hist_pos = -1
        self._timer.start()
        _, tok = self._last_token()
        bare = tok.removeprefix("outlet:").lstrip('"')
        if len(bare) >= 2:
            self.completer_.setCompletionPrefix(bare)
            if self.completer_.completionCount() > 0:
                self.completer_.complete()
                return
        self.completer_.popup().hide()

    def _insert_completion(self, word: str) -> None:
        start, _ = self._last_token()
        text = self.text()
        end = self.cursorPosition()
        new = text[:start] + word + " " + text[end:]
        self.setText(new)
        self.setCursorPosition(start + len(word) + 1)
        self._timer.start()

    def _submit(self) -> None:
        self._timer.stop()
        self.completer_.popup().hide()
        q = self.text().strip()
        if q:
            emit(self.submitted, q)

    def event(self, e: QEvent) -> bool:
        # The line edit claims some window shortcuts (Ctrl+E moves to the end of
        # the line on X11): let those reach the window's actions instead.
        if (e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent)
                and QKeySequence(e.keyCombination()) in WINDOW_KEYS):
            e.ignore()
            return False
        return super().event(e)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer_.popup()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Enter always runs the query, completer open or not (a chosen completion goes in first)
            if popup.isVisible():
                idx = popup.currentIndex()
                if idx.isValid() and popup.selectionModel().isSelected(idx):
                    self._insert_completion(str(data(idx)))
                popup.hide()
            self._submit()
            return
        if popup.isVisible() and event.key() == Qt.Key.Key_Tab:
            idx = popup.currentIndex()
            if idx.isValid():
                self._insert_completion(str(data(idx)))
            popup.hide()
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.history and not popup.isVisible():
            step = 1 if event.key() == Qt.Key.Key_Up else -1
            self._hist_pos = max(-1, min(len(self.history) - 1, self._hist_pos + step))
            self.setText(self.history[self._hist_pos] if self._hist_pos >= 0 else "")
            return
        super().keyPressEvent(event)


def _outlet_token(outlet: str) -> str:
    return "outlet:" + (_quote(outlet) if " " in outlet else outlet)


def _quote(s: str) -> str:
    return '"' + s.replace('"', "") + '"' if " " in s else s


class SearchBar(QWidget):
    """The field plus the line that explains a malformed query."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = SearchField(self)
        self.message = QLabel(self)
        self.message.setAccessibleName("Search message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setStyleSheet("color: #d32f2f")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        lay.addLayout(row)
        lay.addWidget(self.message)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class ResultsModel(QStandardItemModel):
    """A SearchResult as a tree: outlet (count) -> passages."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Results"])
        self.result: SearchResult | None = None

    def set_result(self, result: SearchResult | None) -> None:
        self.clear()
        self.setHorizontalHeaderLabels(["Results"])
        self.result = result
        if result is None:
            return
        groups: dict[str, list[PassageRef]] = {}
        for hit in result.hits:
            groups.setdefault(hit.outlet or "(no outlet)", []).append(hit)
        root = self.invisibleRootItem()
        for outlet in sorted(groups, key=str.lower):
            hits = groups[outlet]
            head = QStandardItem(f"{outlet} ({len(hits)})")
            head.setEditable(False)
            head.setToolTip(f"{len(hits)} passages from {outlet}")
            for h in hits:
                date = h.date.isoformat() if h.date else "no date"
                snippet = " ".join(h.text.split())
                if len(snippet) > 160:
                    snippet = snippet[:157] + "\u2026"
                item = QStandardItem(f"{date} \u00b7 {h.title}\n{snippet}")
                item.setEditable(False)
                item.setToolTip(f"{h.title}\n{h.outlet} \u00b7 {date}\nClick to read the article at this passage")
                item.setData(h, ObjectRole)
                head.appendRow(item)
            root.appendRow(head)


class ResultsView(QWidget):
    passageActivated = Signal(object)  # PassageRef

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResultsModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("resultsTree")
        self.tree.setAccessibleName("Search results grouped by outlet")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.info = QLabel("Type a query in the search field above; matching passages appear here by outlet.", self)
        self.info.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.info)
        lay.addWidget(self.tree, 1)

    def set_result(self, result: SearchResult | None) -> None:
        self.model.set_result(result)
        if result is None:
            self.info.setText("Type a query in the search field above; matching passages appear here by outlet.")
        elif not result.hits:
            self.info.setText(f"Nothing found for \u201c{result.query}\u201d.")
        else:
            more = f" (about {result.total} in all)" if result.total > len(result.hits) else ""
            pending = (
                f"; {result.pending_extraction} articles still being analysed" if result.pending_extraction else ""
            )
            self.info.setText(f"{len(result.hits)} passages{more}{pending}. Press Enter to compare them.")
        self.tree.expandAll()

    def _clicked(self, index: Any) -> None:
        ref = data(index, ObjectRole)
        if isinstance(ref, PassageRef):
            emit(self.passageActivated, ref)
