"""A hostile folder opened in the real window: no title, outlet, claimant or file name is read as rich text.

Titles, outlets and file names below carry ``<img src>`` pointing at a FIFO.
If Qt ever rendered one as HTML it would open the FIFO, which a thread here
notices.  Then every widget's tool tip, status tip, "What's this", window
title and label text, and every tool tip of every item view's model, is
checked: wherever hostile markup appears it must be shown as text.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument, QTextFormat
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QLabel, QWidget

from desk.gui.main_window import MainWindow
from desk.gui.plain import menu_text, tip, title
from gui.test_flow import compare, open_and_index

pytestmark = pytest.mark.gui

MARKERS = ("<img", "<b>", "&lt;", "<i>")


#: the FIFO's writer end, in its own process (a thread would need the GIL, which a GUI thread
#: blocked inside Qt's open() may hold): each time a reader opens the FIFO it logs one line and closes,
#: so the reader sees end of file at once and nothing hangs, however often it opens
_WRITER = """
import os, sys
fifo, log = sys.argv[1], sys.argv[2]
while True:
    fd = os.open(fifo, os.O_WRONLY)
    with open(log, "a") as fh:
        fh.write("opened\\n")
    os.close(fd)
"""


class FifoWatch:
    """A FIFO, and a process that records whether anybody opened it for reading."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.log = path.with_name(path.name + ".log")
        os.mkfifo(path)
        self.proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(path), str(self.log)])

    @property
    def opened(self) -> bool:
        return self.log.exists()

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait(10)


@pytest.fixture
def fifos(tmp_path: Path) -> Iterator[list[FifoWatch]]:
    watches = [FifoWatch(tmp_path / "fifo"), FifoWatch(tmp_path / "fifo2")]
    yield watches
    for w in watches:
        w.close()


def _hostile_folder(root: Path, fifo: Path, fifo2: Path) -> Path:
    folder = root / "<b>desk<b> [*] folder"
    folder.mkdir()
    body = (
        "The harbour master, Peter Olsen, said 420 boats were stranded in the bay on Monday.\n\n"
        "Rescuers said 35 crew were brought ashore overnight, the coastguard told reporters.\n"
    )
    (folder / f'<img src="{fifo.name}">.txt').write_text(body)
    (folder / "<b>x.md").write_text(
        f'---\ntitle: \'Storm <img src="{fifo}"> warning <b>bold</b>\'\n'
        f'site: \'Coast <img src="{fifo2}"> Post\'\n---\n\n' + body.replace("420", "430")
    )
    (folder / "a.md").write_text(
        "---\ntitle: 'Storm &lt;i&gt;italic&lt;/i&gt; at sea'\nsite: '<i>Harbour</i> Daily'\n---\n\n"
        + body.replace("Peter Olsen", "<b>Peter</b> Olsen")
    )
    (folder / f'<img src="{fifo2.name}"> broken.txt').write_bytes(b"\x00\x01\x02" * 400)  # a skipped file
    return folder


def _rendered(text: str, rich: bool) -> tuple[str, int]:
    """What the user sees, and how many images, for ``text`` shown as rich or plain text."""
    if not rich:
        return text, 0
    doc = QTextDocument()
    doc.setHtml(text)
    images = 0
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat() or fmt.objectType() == QTextFormat.ObjectTypes.ImageObject:
                images += 1
            it += 1
        block = block.next()
    return doc.toPlainText(), images


def _check(where: str, text: str, rich: bool, problems: list[str]) -> None:
    """Hostile markup in ``text`` must be seen as text: the tags shown, no image."""
    if not text or not any(m in text for m in MARKERS):
        return
    shown, images = _rendered(text, rich)
    if images or not any(m in shown for m in ("<img", "<b>", "<i>")):
        problems.append(f"{where}: {text[:120]!r} is shown as {shown[:120]!r} ({images} images)")


def _guesses(text: str) -> bool:
    return bool(QtGui.Qt.mightBeRichText(text))  # Qt's own guess, as tool tips and AutoText labels make it


def _walk_model(name: str, model: QAbstractItemModel, problems: list[str], parent: QModelIndex | None = None) -> int:
    parent = parent or QModelIndex()
    seen = 0
    for r in range(model.rowCount(parent)):
        for c in range(max(1, model.columnCount(parent))):
            idx = model.index(r, c, parent)
            tip_text = idx.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip_text, str):
                seen += 1
                _check(f"{name}[{r},{c}] tool tip", tip_text, _guesses(tip_text), problems)
            if c == 0 and model.rowCount(idx) > 0:
                seen += _walk_model(name, model, problems, idx)
    for section in range(model.columnCount(QModelIndex())):
        head = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        if isinstance(head, str):
            _check(f"{name} header {section}", head, _guesses(head), problems)
    return seen


def _walk_widgets(problems: list[str]) -> int:
    tips = 0
    for wdg in QApplication.allWidgets():
        name = f"{type(wdg).__name__}:{wdg.objectName()}"
        for what, text in (("tool tip", wdg.toolTip()), ("what's this", wdg.whatsThis())):
            if text:
                tips += 1
            _check(f"{name} {what}", text, _guesses(text), problems)
        _check(f"{name} status tip", wdg.statusTip(), False, problems)
        if wdg.isWindow() or wdg.windowTitle():
            # titles are plain in Qt; the hostile tags must be seen as they are
            _check(f"{name} window title", wdg.windowTitle(), False, problems)
        if isinstance(wdg, QLabel):
            fmt = wdg.textFormat()
            rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and _guesses(wdg.text()))
            _check(f"{name} label", wdg.text(), rich, problems)
        if isinstance(wdg, QAbstractButton):
            _check(f"{name} button", wdg.text(), False, problems)
        for act in wdg.actions():
            _check(f"{name} action {act.text()!r} tool tip", act.toolTip(), _guesses(act.toolTip()), problems)
        if isinstance(wdg, QAbstractItemView) and wdg.model() is not None:
            tips += _walk_model(name, wdg.model(), problems)
    return tips


@pytest.mark.timeout(300)
def test_hostile_folder_is_shown_as_text(qtbot, settings, data_dir: Path, tmp_path: Path, fifos,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a relative <img src="fifo"> would be looked up here
    folder = _hostile_folder(tmp_path, fifos[0].path, fifos[1].path)
    w = MainWindow(settings, data_dir=str(data_dir), err_windows=False)
    qtbot.addWidget(w)
    w.show()
    try:
        open_and_index(qtbot, w, folder)
        compare(qtbot, w, "boats")
        assert w.compare_view.model.rowCount() > 0
        qtbot.waitUntil(lambda: w.claims_view.model.rowCount() > 0 if hasattr(w.claims_view, "model") else True,
                        timeout=60_000)
        w.refresh_problems(w.last_report.skipped if w.last_report else [])
        w._progress(1, 3, f'reading <img src="{fifos[0].path}">.txt')  # the status line while indexing
        QApplication.processEvents()
        problems: list[str] = []
        tips = _walk_widgets(problems)
        for window in QApplication.topLevelWidgets():
            window.grab()  # paint everything once: a rendered <img> would open the FIFO now
        QApplication.processEvents()
        assert not any(f.opened for f in fifos), "a widget opened a file named in an <img> tag"
        assert not problems, "\n".join(problems)
        assert tips > 10  # the walk did see the views' tool tips
        assert "<b>desk<b>" in w.windowTitle()
        assert "[\u2060*]" in w.windowTitle()  # not swallowed as the modified marker
        assert w.problems.topLevelItemCount() >= 1
    finally:
        w.close_library()


def test_helpers_show_hostile_text_literally(qtbot) -> None:  # type: ignore[no-untyped-def]
    hostile = '<img src="/dev/zero"> &lt;b&gt; <b>bold</b>\n  two  spaces\x1b[2J'
    shown, images = _rendered(tip(hostile), rich=True)
    assert images == 0
    assert shown == '<img src="/dev/zero"> &lt;b&gt; <b>bold</b>\n  two  spaces\\x1b[2J'
    assert _guesses(tip("plain words"))  # always rich text, so Qt never guesses from the content
    label = QLabel()
    qtbot.addWidget(label)
    from desk.gui.plain import set_plain

    set_plain(label, hostile)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text().startswith('<img src="/dev/zero">')
    win = QWidget()
    qtbot.addWidget(win)
    win.setWindowTitle(title("a [*] b\nc"))
    assert win.windowTitle() == "a [\u2060*] b c"
    assert menu_text("Tom & Jerry") == "Tom && Jerry"
