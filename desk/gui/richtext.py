"""Rich-text widgets that load nothing and follow no link by themselves.

:class:`SafeDocument` and :class:`SafeBrowser` refuse every resource (no image,
no style sheet, local or remote, is ever fetched for article text), and a link
opens only when the user clicks it, in the system browser, and only for
http(s).  :class:`RichTextDelegate` paints HTML from a model role inside table
and list cells, wrapping to the cell width.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QDesktopServices,
    QImage,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QTreeView,
    QWidget,
)

#: the model role carrying a cell's HTML (made with desk.gui.markup)
HtmlRole = Qt.ItemDataRole.UserRole + 1
#: a role carrying the plain object behind a row (PassageRef, Article ...)
ObjectRole = Qt.ItemDataRole.UserRole + 2


def nothing_loaded() -> QImage:
    """What a safe document gets for any resource it asks for (an image, a style sheet, a page).

    A blank 1x1 image, because an empty answer is not enough: given None,
    an empty QByteArray or a string for a ``file:`` URL, QTextDocument falls
    back to reading the file itself (measured with a FIFO that records its
    readers: ``tests/gui/test_export_preview.py``).  For a style sheet an
    image is no text, so no rule is applied.  (Not None either: PySide6 6.12
    on Python 3.11 loses a reference to None returned here.)
    """
    blank = QImage(1, 1, QImage.Format.Format_ARGB32)
    blank.fill(0)
    return blank


class SafeDocument(QTextDocument):
    """A text document that never loads a resource."""

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: A002 - Qt's name
        return nothing_loaded()


def open_external(url: QUrl) -> bool:
    """Open a clicked http(s) link in the system browser; anything else is ignored."""
    if url.scheme().lower() in ("http", "https"):
        return QDesktopServices.openUrl(url)
    return False


class SafeBrowser(QTextBrowser):
    """The reader's text view: no resources, links only on click, in the system browser."""

    anchor = Signal(str)  # our own anchors ("fig:...", "who:...") when clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: A002 - Qt's name
        return nothing_loaded()

    def _clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in ("http", "https"):
            open_external(url)
        else:
            self.anchor.emit(url.toString())


def soften_selection(view: QAbstractItemView) -> None:
    """A pale selection colour for views of rich text, so the highlights stay readable."""
    view.setPalette(QPalette())  # back to the application's palette
    pal = view.palette()
    tint = QColor(pal.color(QPalette.ColorRole.Highlight))
    tint.setAlpha(55)
    pal.setColor(QPalette.ColorRole.Highlight, tint)
    pal.setColor(QPalette.ColorRole.HighlightedText, pal.color(QPalette.ColorRole.Text))
    view.setPalette(pal)


class RichTextDelegate(QStyledItemDelegate):
    """Paints a cell's :data:`HtmlRole` as wrapped rich text."""

    PADDING = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs: dict[tuple[int, int, int], tuple[str, SafeDocument]] = {}

    def clear_cache(self) -> None:
        self._docs.clear()

    def _width(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
        view = option.widget  # type: ignore[attr-defined]
        if isinstance(view, QTableView):
            w = view.columnWidth(index.column())
        elif isinstance(view, QListView):
            w = view.viewport().width()
        elif isinstance(view, QTreeView):
            depth = 0
            parent = index.parent()
            while parent.isValid():
                depth += 1
                parent = parent.parent()
            w = view.viewport().width() - view.indentation() * (depth + int(view.rootIsDecorated()))
        else:
            w = option.rect.width()  # type: ignore[attr-defined]
        return max(60, w - 2 * self.PADDING)

    def document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> SafeDocument:
        html = index.data(HtmlRole)
        html = html if isinstance(html, str) else ""
        width = self._width(option, index)
        key = (index.row(), index.column(), width)
        hit = self._docs.get(key)
        if hit is not None and hit[0] == html:
            return hit[1]
        doc = SafeDocument()
        doc.setDocumentMargin(2)
        doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        wrap = doc.defaultTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WordWrap)  # whole words: never split one mid-word
        doc.setDefaultTextOption(wrap)
        doc.setHtml(html)
        doc.setTextWidth(width)
        if len(self._docs) > 4000:
            self._docs.clear()
        self._docs[key] = (html, doc)
        return doc

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if index.data(HtmlRole) is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # type: ignore[attr-defined]
        # a selected cell keeps its colours (the highlights must stay readable): a tint and a frame instead
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        opt.state &= ~QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect  # type: ignore[attr-defined]
        if selected:
            frame = QColor(opt.palette.color(QPalette.ColorRole.Highlight))  # type: ignore[attr-defined]
            frame.setAlpha(255)
            painter.save()
            painter.setPen(frame)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            painter.restore()
        doc = self.document(option, index)
        painter.save()
        painter.translate(rect.left() + self.PADDING, rect.top() + self.PADDING)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(
            QPalette.ColorRole.Text,
            opt.palette.color(QPalette.ColorRole.Text),  # type: ignore[attr-defined]
        )
        painter.setClipRect(0, 0, rect.width() - self.PADDING, rect.height() - self.PADDING)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.data(HtmlRole) is None:
            return super().sizeHint(option, index)
        doc = self.document(option, index)
        size = doc.size()
        return QSize(int(size.width()) + 2 * self.PADDING, int(size.height()) + 2 * self.PADDING)

    def anchor_at(self, view: QAbstractItemView, pos: Any) -> str:
        """Our anchor under a viewport position ("fig:14400"), or ""."""
        index = view.indexAt(pos)
        if not index.isValid() or index.data(HtmlRole) is None:
            return ""
        rect = view.visualRect(index)
        opt = QStyleOptionViewItem()
        opt.widget = view  # type: ignore[attr-defined]
        opt.font = view.font()  # type: ignore[attr-defined]
        opt.rect = rect  # type: ignore[attr-defined]
        doc = self.document(opt, index)
        local = QPointF(pos.x() - rect.left() - self.PADDING, pos.y() - rect.top() - self.PADDING)
        return doc.documentLayout().anchorAt(local)
