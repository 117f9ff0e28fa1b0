"""Article text reaches rich-text widgets as text: no image, link, script or style from it."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QTextCharFormat, QTextDocument, QTextFormat

from desk.gui.compare_view import CompareModel
from desk.gui.library_view import ReaderPane
from desk.gui.markup import ColorBook, Highlight, escape_text, passage_html
from desk.gui.richtext import HtmlRole, SafeDocument
from gui.fakes import ARTICLES, extraction_of, make_comparison

HOSTILE = (
    'Look <img src="http://tracker.example/pixel.png"> here '
    "<script>alert('x')</script> and <a href=\"javascript:alert(1)\">click me</a> "
    "<style>body{display:none}</style> # Heading | pipe | `code` > quote **bold** [link](http://x.example) "
    "&amp; &lt;b&gt; \x00\x07 end"
)


def _anchors_and_images(doc: QTextDocument) -> tuple[list[str], int]:
    hrefs, images = [], 0
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt: QTextCharFormat = frag.charFormat()
            if fmt.isAnchor():
                hrefs.extend(fmt.anchorHref().split() or [""])
            if fmt.objectType() == QTextFormat.ObjectTypes.ImageObject or fmt.isImageFormat():
                images += 1
            it += 1
        block = block.next()
    return hrefs, images


def test_escape_text_is_inert() -> None:
    out = escape_text(HOSTILE)
    assert "<" not in out
    assert ">" not in out
    assert len(escape_text("a\x00b")) == 3


def test_reader_shows_hostile_text_as_text(qtbot) -> None:
    reader = ReaderPane()
    qtbot.addWidget(reader)
    base = ARTICLES[0]
    art = dataclasses.replace(base, text=base.text + "\n\n" + HOSTILE, url="javascript:alert(2)")
    reader.show_article(art, extraction_of(base), "soldiers")
    doc = reader.browser.document()
    plain = doc.toPlainText()
    for literal in ('<img src="http://tracker.example/pixel.png">', "<script>alert('x')</script>",
                    '<a href="javascript:alert(1)">click me</a>', "<style>body{display:none}</style>",
                    "# Heading | pipe | `code` > quote", "&amp; &lt;b&gt;"):
        assert literal in plain
    hrefs, images = _anchors_and_images(doc)
    assert images == 0
    # only desk's own anchors (figures, claimants), none from the article
    assert all(h.startswith(("fig:", "who:")) for h in hrefs), hrefs
    assert any(h.startswith("fig:") for h in hrefs)  # the walk does see anchors
    assert "javascript" not in reader.header.text()  # the URL is no link unless http(s)
    # one character of plain text per character of article text: matches land where they are
    s, e = reader.matches[reader.current]
    assert plain[s:e].lower().startswith("soldiers")


def test_compare_cell_shows_hostile_text_as_text(qtbot) -> None:
    comp = make_comparison()
    ref = comp.rows[0].cells["Kyiv Daily"][0]
    ref.text = ref.text + " " + HOSTILE
    ref.end = ref.start + len(ref.text)
    m = CompareModel()
    m.set_comparison(comp)
    doc = SafeDocument()
    doc.setHtml(m.index(0, 1).data(HtmlRole))
    assert "<script>alert('x')</script>" in doc.toPlainText()
    assert '<img src="http://tracker.example/pixel.png">' in doc.toPlainText()
    hrefs, images = _anchors_and_images(doc)
    assert images == 0
    assert all(h.startswith(("fig:", "who:")) for h in hrefs), hrefs


def test_documents_load_no_resource() -> None:
    from PySide6.QtCore import QUrl

    doc = SafeDocument()
    loaded = doc.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("http://x.example/a.png"))
    # a blank 1x1 image: nothing from the URL (an empty answer let Qt read file: URLs itself)
    assert (loaded.width(), loaded.height()) == (1, 1)
    assert loaded.pixel(0, 0) == 0
    html = passage_html(make_comparison().rows[0].cells["Wire Service"][0], Highlight(ColorBook()))
    assert "http" not in html


def test_reader_dims_boilerplate_without_highlights(qtbot) -> None:
    from desk.gui.markup import article_html

    art = ARTICLES[0]
    ext = extraction_of(art)
    b = art.boilerplate[0]
    inside = dataclasses.replace(ext.figures[0], start=b.start, end=b.start + 4)
    ext.figures.append(inside)
    html = article_html(art, ext, [], Highlight(ColorBook()))
    assert html.count('href="fig:') == 1  # the body figure only
