"""The search field and the results list (passages grouped by outlet).

The field takes the CLI's query language.  It completes the word under the
cursor with outlet names (``outlet:...``) and claimants, keeps a history
(Up/Down, and the drop-down of the completer when the field is empty), and
shows a readable sentence under itself when the core says the query is
malformed.  Keystrokes are debounced before anything is searched.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desk.extract.sentences import sentence_at, sentences
from desk.gui.markup import Mark, Theme, escape_text, render
from desk.gui.plain import cell, set_plain, tip
from desk.gui.richtext import HtmlRole, ObjectRole, RichTextDelegate
from desk.model import PassageRef, SearchResult
from desk.textsafe import is_inert

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
        self._timer.timeout.connect(lambda: self.typed.emit(self.text()))
        self.textEdited.connect(self._edited)
        # Enter is handled in keyPressEvent (returnPressed would also come after a completion)

    def set_vocabulary(self, outlets: list[str], claimants: list[str]) -> None:
        # a name holding a control or bidi character is not offered: the line edit would show it raw
        # (a right-to-left override reverses the query after it), and nobody types one
        words = [_outlet_token(o) for o in outlets if is_inert(o)] + [_quote(c) for c in claimants if is_inert(c)]
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
        self._popup().hide()

    def _popup(self) -> QAbstractItemView:
        popup = self.completer_.popup()
        if popup is None:  # QCompleter makes its list on first use: never None once asked
            raise RuntimeError("the completer has no popup")
        return popup

    def _insert_completion(self, word: str) -> None:
        start, _ = self._last_token()
        text = self.text()
        end = self.cursorPosition()
        new = text[:start] + word + " " + text[end:]
        self.setText(new)  # text-safe: a line edit shows plain text
        self.setCursorPosition(start + len(word) + 1)
        self._timer.start()

    def _submit(self) -> None:
        self._timer.stop()
        self._popup().hide()
        q = self.text().strip()
        if q:
            self.submitted.emit(q)

    def event(self, e: QEvent) -> bool:
        # The line edit claims some window shortcuts (Ctrl+E moves to the end of
        # the line on X11): let those reach the window's actions instead.
        if (e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent)
                and QKeySequence(e.keyCombination()) in WINDOW_KEYS):
            e.ignore()
            return False
        return super().event(e)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self._popup()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Enter always runs the query, completer open or not (a chosen completion goes in first)
            if popup.isVisible():
                idx = popup.currentIndex()
                if idx.isValid() and popup.selectionModel().isSelected(idx):
                    self._insert_completion(str(idx.data(Qt.ItemDataRole.DisplayRole)))
                popup.hide()
            self._submit()
            return
        if popup.isVisible() and event.key() == Qt.Key.Key_Tab:
            idx = popup.currentIndex()
            if idx.isValid():
                self._insert_completion(str(idx.data()))
            popup.hide()
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.history and not popup.isVisible():
            step = 1 if event.key() == Qt.Key.Key_Up else -1
            self._hist_pos = max(-1, min(len(self.history) - 1, self._hist_pos + step))
            self.setText(self.history[self._hist_pos] if self._hist_pos >= 0 else "")  # text-safe: a line edit
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
        set_plain(self.message, text)
        self.message.setVisible(bool(text))


class ResultsModel(QStandardItemModel):
    """A SearchResult as a tree: outlet (count) -> passages, each shown by its matching sentence."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Results"])
        self.result: SearchResult | None = None
        self.theme = Theme()

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
            head = QStandardItem(cell(f"{outlet} ({len(hits)})"))
            head.setEditable(False)
            head.setToolTip(tip(f"{len(hits)} passages from {outlet}"))
            for h in hits:
                date = h.date.isoformat() if h.date else "no date"
                sentence, spans = hit_sentence(h)
                item = QStandardItem(f"{date} \u00b7 {cell(_short(h.title, 90))} \u00b7 \u00b6{h.number + 1}\n{cell(sentence)}")
                item.setEditable(False)
                item.setToolTip(tip(f"{_short(h.title, 80)}\n{h.outlet} \u00b7 {date} \u00b7 \u00b6{h.number + 1}\n"
                                    "Click to read the article at this passage."))
                item.setData(h, ObjectRole)
                item.setData(self._html(h, date, sentence, spans), HtmlRole)
                head.appendRow(item)
            root.appendRow(head)

    def _html(self, h: PassageRef, date: str, sentence: str, spans: list[tuple[int, int]]) -> str:
        th = self.theme
        hits = [Mark(s, e, f"background-color: {th.hit_bg}; color: {th.hit_fg}") for s, e in spans]
        head = escape_text(f"{date} \u00b7 {_short(h.title, 90)} \u00b7 \u00b6{h.number + 1}")
        return f'<div style="color: {th.dim}">{head}</div>' + render(sentence, hits, base_css=f"color: {th.text}")


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def hit_sentence(ref: PassageRef, limit: int = 260) -> tuple[str, list[tuple[int, int]]]:
    """The sentence of a passage holding the most hits (the first of them on a tie), and the hits in it
    (offsets into the sentence).

    Without hits, the passage's opening.  A long sentence is cut around its
    first hit with an ellipsis at each cut.  (``figure:>1000 killed``: the sentence
    with both the word and the figure, not the first "killed" of the passage.)
    """
    text = ref.text
    local = sorted(ref.local(s, e) for s, e in ref.highlights)
    local = [(s, e) for s, e in local if e > s]
    at = local[0][0] if local else 0
    if len(local) > 1:
        ends = [b for _, b in sentences(text)]
        per: dict[int, list[int]] = {}  # sentence number -> the starts of its hits
        for s, _ in local:
            per.setdefault(bisect.bisect_right(ends, s), []).append(s)
        at = max(per.values(), key=len)[0]  # (max keeps the first sentence of the largest count)
    start, end = sentence_at(text, at)
    if end - start > limit:  # a run-on sentence or an unpunctuated body: a window around the hit
        lo = max(start, at - limit // 3)
        hi = min(end, lo + limit)
        start, end = lo, hi
    raw = text[start:end]
    lead = "\u2026" if start > 0 and not text[:start].rstrip().endswith((".", "!", "?")) else ""
    tail = "\u2026" if end < len(text) and not raw.rstrip().endswith((".", "!", "?", "\u201d", '"')) else ""
    # one line: newlines and runs of spaces become single spaces, keeping offsets by mapping
    out: list[str] = []
    pos: list[int] = []
    for i, ch in enumerate(raw):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        pos.append(i)
    sentence = lead + "".join(out).strip() + tail
    shift = len(lead) - (len("".join(out)) - len("".join(out).lstrip()))
    spans = []
    for s, e in local:
        if s >= start and e <= end:
            a = next((k for k, p in enumerate(pos) if p >= s - start), None)
            b = next((k for k, p in enumerate(pos) if p >= e - start), len(pos))
            if a is not None and b > a:
                spans.append((a + shift, b + shift))
    return sentence, spans


class _ListedDelegate(RichTextDelegate):
    """Rich text rows whose heights are estimated from the plain text, not laid out.

    Laying out the rich text of every listed passage to learn its height cost
    the GUI thread 80-120 ms per search on ukraine-media; only the rows on
    screen are laid out now, to paint them.  The estimate errs on the tall side.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.data(HtmlRole) is None:
            return super().sizeHint(option, index)
        width = max(40, self._width(option, index) - 8)
        fm = option.fontMetrics  # type: ignore[attr-defined]
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        lines = sum(max(1, math.ceil(fm.horizontalAdvance(ln) * 1.1 / width)) for ln in text.split("\n"))
        return QSize(width, lines * fm.lineSpacing() + 2 * self.PADDING + 6)


class _ResultsTree(QTreeView):
    """The results tree; its rich-text rows are measured again when the viewport's width changes."""

    def resizeEvent(self, event: Any) -> None:  # the viewport's resize (QAbstractScrollArea)
        super().resizeEvent(event)
        delegate = self.itemDelegate()
        if isinstance(delegate, RichTextDelegate):
            delegate.clear_cache()
        self.scheduleDelayedItemsLayout()


class ResultsView(QWidget):
    passageActivated = Signal(object)  # PassageRef
    moreRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ResultsModel(self)
        self.tree = _ResultsTree(self)
        self.tree.setObjectName("resultsTree")
        self.tree.setAccessibleName("Search results grouped by outlet")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_ListedDelegate(self.tree))
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.info = QLabel("Type a query in the search field above; matching passages appear here by outlet.", self)
        self.info.setWordWrap(True)
        self.more = QPushButton("Show more", self)
        self.more.setToolTip("List the next passages that match")
        self.more.setAccessibleName("Show more results")
        self.more.setVisible(False)
        self.more.clicked.connect(self.moreRequested)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.info)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.more)

    def set_theme(self, theme: Theme) -> None:
        self.model.theme = theme
        self.set_result(self.model.result)

    def set_result(self, result: SearchResult | None) -> None:
        delegate = self.tree.itemDelegate()
        if isinstance(delegate, RichTextDelegate):
            delegate.clear_cache()
        self.model.set_result(result)
        self.more.setVisible(bool(result and result.total > len(result.hits)))
        if result is None:
            self.info.setText("Type a query in the search field above; matching passages appear here by outlet.")
        elif not result.hits:
            set_plain(self.info, f"Nothing found for \u201c{result.query}\u201d.")
        else:
            shown = f"{len(result.hits)} of {result.total}" if result.total > len(result.hits) else f"{len(result.hits)}"
            pending = (
                f"; {result.pending_extraction} articles still being analysed" if result.pending_extraction else ""
            )
            set_plain(self.info, f"{shown} passages{pending}. Press Enter to compare them.")
            self.more.setText(f"Show more ({result.total - len(result.hits)} not listed)")  # text-safe: numbers only
        self.tree.expandAll()

    def _clicked(self, index: Any) -> None:
        ref = index.data(ObjectRole)
        if isinstance(ref, PassageRef):
            self.passageActivated.emit(ref)
