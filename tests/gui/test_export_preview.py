"""The export dialog shows the Markdown rendered, read-only, and loads nothing: no picture, no remote or local file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from desk.gui.export_dialog import ExportDialog, PreviewBrowser
from desk.gui.richtext import SafeBrowser, SafeDocument
from gui.fakes import make_comparison
from gui.test_hostile_widgets import FifoWatch

HOSTILE = ('The harbour office said 12 boats sank. ![chart](http://example.invalid/track.png) '
           '<img src="file:///etc/hostname"> [minutes](file:///etc/hostname) <b>bold</b>')


def _hostile_comparison():  # type: ignore[no-untyped-def]
    comp = make_comparison()
    row = comp.rows[0]
    outlet, refs = next(iter(row.cells.items()))
    ref = refs[0]
    row.cells[outlet] = [dataclasses.replace(ref, text=HOSTILE, end=ref.start + len(HOSTILE), claims=[],
                                             attributions=[], highlights=[])]
    return comp


def test_the_export_is_shown_rendered_and_as_markdown(qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = ExportDialog(make_comparison())
    qtbot.addWidget(dlg)
    assert dlg.views.count() == 2
    assert dlg.views.currentWidget() is dlg.rendered
    assert dlg.rendered.isReadOnly()
    shown = dlg.rendered.toPlainText()
    assert "14,000" in shown
    assert "**" not in shown  # rendered: emphasis marks are gone, the text stays
    assert dlg.preview.toPlainText() == dlg.markdown


def test_the_rendered_export_requests_no_resource(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # a relative name would be looked up here
    dlg = ExportDialog(_hostile_comparison())
    qtbot.addWidget(dlg)
    dlg.resize(800, 600)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.wait(50)
    assert dlg.rendered.requested == []
    text = dlg.rendered.toPlainText()
    assert "example.invalid/track.png" in text  # the article's markup is shown as text
    assert "<img" in text
    assert "\ufffc" not in text  # no embedded object (an image) in the document


def test_the_preview_asks_only_its_hook_and_opens_no_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Markdown that does name pictures (the core's never does: it escapes them): each is asked of the
    hook and none is opened, local (a FIFO that records any reader) or remote."""
    watch = FifoWatch(tmp_path / "picture.png")
    try:
        view = PreviewBrowser()
        qtbot.addWidget(view)
        view.resize(400, 300)
        view.show()
        local = QUrl.fromLocalFile(str(watch.path)).toString()
        view.setMarkdown(f"A ![local]({local}) and ![remote](http://example.invalid/x.png) and ![rel](picture.png)")
        qtbot.waitExposed(view)
        qtbot.wait(300)
        assert set(view.requested) >= {local, "http://example.invalid/x.png"}
        assert not watch.opened
    finally:
        watch.close()


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", ["document-html", "browser-html", "browser-markdown"])
def test_safe_documents_open_no_file_for_pictures_or_style_sheets(qtbot, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    """An empty answer from loadResource made Qt read the file itself; a blank image does not."""
    watch = FifoWatch(tmp_path / "thing.png")
    try:
        url = QUrl.fromLocalFile(str(watch.path)).toString()
        html = (f'<html><head><link rel="stylesheet" type="text/css" href="{url}"></head>'
                f'<body><p>a <img src="{url}"> b</p></body></html>')
        if kind == "document-html":
            doc = SafeDocument()
            doc.setHtml(html)
            doc.setTextWidth(300)
            doc.size()  # lays it out: images are asked for here
        else:
            view = SafeBrowser()
            qtbot.addWidget(view)
            view.resize(300, 200)
            view.show()
            if kind == "browser-html":
                view.setHtml(html)
            else:
                view.setMarkdown(f"a ![x]({url}) b")
            qtbot.waitExposed(view)
        qtbot.wait(200)
        assert not watch.opened
    finally:
        watch.close()
