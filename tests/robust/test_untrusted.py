"""Article text is data: markup in it never acts in the reader, the tables or an exported document.

The articles below are indexed by the real core; their passages carry HTML and
Markdown that would load remote images, run script, open links, start headings,
tables, code blocks or comments if it were ever interpreted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from desk.export import render_markdown
from desk.library import Library

MARKUP = [
    '<img src="http://evil.example/pixel.png" onerror="alert(1)">',
    "<script>alert('pwned')</script>",
    '<iframe src="http://evil.example/frame"></iframe>',
    '<a href="javascript:alert(2)">click</a>',
    "[a link](javascript:alert(3))",
    "![remote](http://evil.example/remote.png)",
    "<style>body{display:none}</style>",
    "<!-- an open comment",
    "</blockquote></td></tr></table>",
    "`code` and ```fence",
    "| a | table | row |",
    "&lt;b&gt; &amp;",
]


def _hostile_folder(folder: Path) -> list[str]:
    """Three outlets report the same evacuation; every sentence carries some markup."""
    folder.mkdir(parents=True)
    for k, outlet in enumerate(("Alpha News", "Beta Post", "Gamma Daily")):
        lines = [f"---\ntitle: Evacuation <b>{k}</b> [x](http://evil.example)\nsite: {outlet} <img src=x>\n---", ""]
        lines.append(f"# Flood {outlet}")
        lines.append("")
        for i, bad in enumerate(MARKUP):
            lines.append(
                f"Officials said {250 + k} people were evacuated {bad} from the riverside on Tuesday, "
                f"the governor told reporters in statement {i}."
            )
            lines.append("")
        lines.append("# A heading inside the text\n\n- a list item\n> a quote\n\n1. numbered\n")
        (folder / f"{outlet.split()[0].lower()}.md").write_text("\n".join(lines))
    return MARKUP


def _tokens(tokens: list[Any]) -> list[Any]:
    out = []
    for t in tokens:
        out.append(t)
        out.extend(_tokens(t.children or []))
    return out


@pytest.mark.timeout(300)
def test_exported_markdown_keeps_its_structure(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    _hostile_folder(folder)
    with Library(folder, data_dir=tmp_path / "data") as lib:
        report = lib.update(extract=False)
        assert report.added == 3
        comparison = lib.compare("evacuated")
    assert comparison.rows, "nothing to export"
    doc = render_markdown(comparison)
    tokens = _tokens(MarkdownIt("commonmark").enable("table").parse(doc))
    kinds = {t.type for t in tokens}
    # nothing from an article became HTML, a link, an image, code or a table
    for bad in ("html_block", "html_inline", "link_open", "image", "code_inline", "code_block", "fence", "table_open",
                "bullet_list_open", "ordered_list_open"):
        if bad == "table_open" and any(r.statements for r in comparison.rows):
            continue  # desk's own figures table
        assert bad not in kinds, f"{bad} in the exported document"
    # the document's own structure only: one title, one heading per row, one quote per passage
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [h.tag for h in headings] == ["h1"] + ["h2"] * len(comparison.rows)
    quotes = [t for t in tokens if t.type == "blockquote_open"]
    assert len(quotes) == sum(len(cell) for row in comparison.rows for cell in row.cells.values())
    # and the markup is still there, as text the reader of the export can see
    text = " ".join("".join(c.content for c in t.children or []) for t in tokens if t.type == "inline")
    for row in comparison.rows:
        for cell in row.cells.values():
            for ref in cell:
                assert " ".join(ref.text.split()) in text, ref.text
                assert ref.outlet in text
    assert any(bad in text for bad in MARKUP)


@pytest.mark.gui
@pytest.mark.timeout(300)
def test_reader_and_views_show_markup_as_text(tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("PySide6")
    from PySide6.QtGui import QDesktopServices, QTextDocument, QTextFormat
    from PySide6.QtWidgets import QLabel, QTextEdit

    from desk.gui import richtext
    from desk.gui import settings as settings_mod
    from desk.gui.main_window import MainWindow

    loads: list[str] = []
    opened: list[str] = []

    def record_load(self: Any, kind: int, name: Any) -> None:
        loads.append(name.toString() if hasattr(name, "toString") else str(name))
        return None

    monkeypatch.setattr(richtext.SafeDocument, "loadResource", record_load)
    monkeypatch.setattr(richtext.SafeBrowser, "loadResource", record_load)
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))

    folder = tmp_path / "articles"
    _hostile_folder(folder)
    settings_mod.use_path(str(tmp_path / "settings"))
    w = MainWindow(settings_mod.Settings(), data_dir=str(tmp_path / "data"), err_windows=False)
    qtbot.addWidget(w)
    w.show()
    problems: list[str] = []
    w.crashShown.connect(problems.append)
    w.errorShown.connect(problems.append)
    try:
        with qtbot.waitSignal(w.folderOpened, timeout=60_000):
            assert w.open_folder(folder)
        qtbot.waitUntil(lambda: w.last_report is not None or bool(problems), timeout=240_000)
        assert not problems, problems
        with qtbot.waitSignal(w.compared, timeout=120_000):
            w.compare("evacuated")
        lib = Library(folder, data_dir=tmp_path / "data")
        aid = next(a.id for a in lib.articles() if a.relpath == "alpha.md")
        lib.close()
        with qtbot.waitSignal(w.articleShown, timeout=60_000):
            w.open_article(aid)
        qtbot.wait(200)

        reader_text = w.reader.browser.document().toPlainText()
        for literal in MARKUP:
            assert literal in reader_text, f"{literal!r} is not shown as text in the reader"

        def check(doc: QTextDocument, where: str) -> None:
            block = doc.begin()
            while block.isValid():
                it = block.begin()
                while not it.atEnd():
                    fmt = it.fragment().charFormat()
                    assert not fmt.isImageFormat(), f"an image in {where}"
                    assert fmt.objectType() != QTextFormat.ObjectTypes.ImageObject, where
                    if fmt.isAnchor():
                        href = fmt.anchorHref()
                        assert "evil.example" not in href, (where, href)
                        assert "javascript" not in href.lower(), (where, href)
                    it += 1
                block = block.next()

        docs = [(e.document(), type(e).__name__) for e in w.findChildren(QTextEdit)]
        for label in w.findChildren(QLabel):
            if label.textFormat() != label.textFormat().PlainText and label.text():
                d = QTextDocument()
                d.setHtml(label.text())
                docs.append((d, f"label {label.objectName()}"))
        # the table cells are painted from HTML in the model: check what they would render
        model = w.compare_view.model
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                html = model.index(r, c).data(richtext.HtmlRole)
                if html:
                    d = richtext.SafeDocument()
                    d.setHtml(html)
                    docs.append((d, f"compare cell {r},{c}"))
        assert len(docs) > 3
        for doc, where in docs:
            check(doc, where)
        assert not [u for u in loads if "evil" in u or u.startswith(("http", "javascript", "file"))], loads
        assert opened == [], opened
    finally:
        w.close_library()
