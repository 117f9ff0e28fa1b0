"""Preview the Markdown the core writes, rendered and as source, then save it or copy it.

The Markdown comes from ``desk.export.markdown.render_markdown``; this dialog
shows it rendered read-only (:class:`PreviewBrowser`: no resource of any kind
is loaded, local or remote, and every request for one is recorded so a test
can prove it) and as its source text, saves it atomically and asks before
replacing a file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.gui.plain import set_plain, tip
from desk.gui.richtext import SafeBrowser
from desk.model import Comparison


def render(comparison: Comparison, rows: Sequence[int] | None = None) -> str:
    """The core's Markdown for ``comparison`` (only ``rows`` when given)."""
    from desk.export.markdown import render_markdown

    return render_markdown(comparison, rows)


def save(comparison: Comparison, path: Path, rows: Sequence[int] | None, *, overwrite: bool, folder: Path | None) -> Path:
    """Write through the core's writer: atomic, never into the article folder, no clobbering."""
    from desk.export.markdown import write_markdown

    return write_markdown(comparison, path, rows=rows, force=overwrite, folder=folder)


def default_name(comparison: Comparison) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in comparison.query.lower()).strip("-")
    stem = "-".join(p for p in stem.split("-") if p)[:50] or "comparison"
    return f"desk-{stem}.md"


class PreviewBrowser(SafeBrowser):
    """The rendered export: read-only, loads nothing; ``requested`` lists every resource Qt asked for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requested: list[str] = []
        self.setReadOnly(True)
        self.document().setBaseUrl(QUrl())  # a relative name resolves to nothing, not to the current folder

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: A002 - Qt's name
        self.requested.append(name.toString() if isinstance(name, QUrl) else str(name))
        return super().loadResource(type, name)


class ExportDialog(QDialog):
    """Markdown preview with Save and Copy."""

    def __init__(
        self,
        comparison: Comparison,
        parent: QWidget | None = None,
        *,
        rows: Sequence[int] | None = None,
        start_dir: str = "",
        note: str = "",
        folder: Path | None = None,
        renderer: Callable[[Comparison, Sequence[int] | None], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export to Markdown")
        self.setObjectName("exportDialog")
        self.comparison = comparison
        self.rows = list(rows) if rows is not None else None
        self.folder = folder
        self.start_dir = start_dir or str(Path.home())
        self.saved_path: Path | None = None
        self.markdown = (renderer or render)(comparison, self.rows)

        n = len(comparison.rows) if self.rows is None else len(self.rows)
        self.info = QLabel(self)
        set_plain(self.info, note or f"{n} rows of \u201c{comparison.query}\u201d")
        self.info.setWordWrap(True)
        # rendered first: what a reader of the saved file sees; the source beside it
        self.rendered = PreviewBrowser(self)
        self.rendered.setObjectName("exportRendered")
        self.rendered.setMarkdown(self.markdown)  # text-safe: the core's Markdown escapes every article text
        self.rendered.setAccessibleName("Rendered preview")
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setPlainText(self.markdown)
        self.preview.setAccessibleName("Markdown preview")
        self.preview.setToolTip("The Markdown that will be saved")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.preview.setFont(font)
        self.views = QTabWidget(self)
        self.views.setObjectName("exportViews")
        self.views.addTab(self.rendered, "Rendered")
        self.views.addTab(self.preview, "Markdown")
        self.views.setTabToolTip(0, "The export as a Markdown reader shows it (no picture or remote file is loaded)")
        self.views.setTabToolTip(1, "The Markdown text that will be saved")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_btn = QPushButton("Save\u2026", self)
        self.save_btn.setDefault(True)
        self.save_btn.setToolTip("Save this Markdown to a file")
        self.save_btn.setAccessibleName("Save Markdown")
        self.copy_btn = QPushButton("Copy as Markdown", self)
        self.copy_btn.setToolTip("Put this Markdown on the clipboard")
        self.copy_btn.setAccessibleName("Copy as Markdown")
        buttons.addButton(self.save_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_btn.clicked.connect(self.choose_and_save)
        self.copy_btn.clicked.connect(self.copy)

        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addWidget(self.views, 1)
        lay.addWidget(buttons)
        self.resize(760, 560)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.markdown)  # text-safe: the clipboard
        self.info.setText("Copied to the clipboard.")

    def choose_and_save(self) -> None:
        start = str(Path(self.start_dir) / default_name(self.comparison))
        # we ask about replacing ourselves, so the question is the same on every platform
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Save Markdown",
            start,
            "Markdown (*.md);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.save_to(Path(path), ask=True)

    def save_to(self, path: Path, *, ask: bool = True, overwrite: bool = False) -> bool:
        """Save; an existing file is replaced only when ``overwrite`` or the user says so."""
        if path.exists() and not overwrite:
            if not ask:
                set_plain(self.info, f"{path.name} exists; not replaced.")
                return False
            answer = QMessageBox.question(
                self,
                "Replace file?",
                tip(f"{path} already exists. Replace it?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            overwrite = True
        try:
            path = save(self.comparison, path, self.rows, overwrite=overwrite, folder=self.folder)
        except DeskError as e:
            QMessageBox.warning(self, "Export", tip(e))
            return False
        self.saved_path = path
        self.start_dir = str(path.parent)
        set_plain(self.info, f"Saved to {path}")
        return True
