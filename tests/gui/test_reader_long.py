"""The reader lays out a long article a part at a time, with links to the parts before and after."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QTextCursor

from desk.gui import library_view
from desk.gui.library_view import ReaderPane
from desk.model import Article, Extraction, Figure, Passage


def _long_article() -> Article:
    lines = [f"Line {i}: the depot log records another quiet night at the harbour." for i in range(4000)]
    lines[3500] = "Line 3500: the harbour master said 40 boats were lost in the storm."
    text = "\n".join(lines)
    return Article(id="long", path="/x/long.md", relpath="long.md", title="Depot log <b>", outlet="Gazette",
                   date=dt.date(2031, 1, 2), text=text, passages=[Passage(0, 0, len(text))])


def test_a_long_article_shows_the_part_around_the_passage_asked_for(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(library_view, "READER_WINDOW", 60_000)
    art = _long_article()
    at = art.text.index("Line 3500:")
    fig = art.text.index("40 boats")
    extraction = Extraction(figures=[Figure(fig, fig + 2, "40", 40.0, counted="boats")])
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.show_article(art, extraction, "storm", focus=at)
    lo, hi = pane.part
    assert lo <= at < hi
    assert hi - lo <= 60_000
    assert lo == 0 or art.text[lo - 1] == "\n"
    shown = pane.browser.toPlainText()
    assert shown == art.text[lo:hi].rstrip("\n")  # (a document drops a last line break)
    # the one match and the cursor land on "storm" in the part shown
    assert pane.matches == [(art.text.index("storm") - lo, art.text.index("storm") - lo + 5)]
    assert pane.browser.textCursor().selectedText() == "storm"
    header = pane.header.text()
    assert f"of {len(art.text):,d}" in header
    assert "Earlier part" in header
    assert "&lt;b&gt;" in header  # the title stays escaped
    # the figure is marked at its place in the part
    cur = QTextCursor(pane.browser.document())
    cur.setPosition(fig - lo + 1)
    assert cur.charFormat().anchorHref().startswith("fig:")
    cur.setPosition(fig - lo - 3)
    assert not cur.charFormat().anchorHref()


def test_the_header_links_move_through_the_whole_article(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(library_view, "READER_WINDOW", 60_000)
    art = _long_article()
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.show_article(art, None)
    assert pane.part[0] == 0
    assert "Earlier part" not in pane.header.text()
    seen = [pane.part]
    while "Later part" in pane.header.text():
        pane._link("desk-reader:later")
        assert pane.part[0] <= seen[-1][1] < pane.part[1]  # no gap, and it moves on
        seen.append(pane.part)
    assert seen[-1][1] == len(art.text)
    pane._link("desk-reader:earlier")
    assert pane.part[1] == seen[-1][0]
    assert pane.browser.toPlainText() == art.text[pane.part[0] : pane.part[1]].rstrip("\n")


def test_a_short_article_is_shown_whole_without_links(qtbot) -> None:
    text = "The mayor said 3 people were hurt.\nThe storm passed."
    art = Article(id="s", path="/x/s.md", relpath="s.md", title="Short", outlet="Gazette", date=None, text=text,
                  passages=[Passage(0, 0, len(text))])
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.show_article(art, None, "storm")
    assert pane.part == (0, len(text))
    assert pane.browser.toPlainText() == text
    assert "part" not in pane.header.text()
    assert pane.browser.textCursor().selectedText() == "storm"


def test_the_window_lays_an_article_out_off_the_gui_thread(qtbot, fake_window, tmp_path, monkeypatch) -> None:
    # finding a query's words in a long report and marking up its part took the GUI thread 0.3-0.7 s
    import threading

    from desk.gui import markup

    w = fake_window
    with qtbot.waitSignal(w.folderOpened, timeout=10000):
        assert w.open_folder(tmp_path)
    threads: dict[str, list[bool]] = {"find_terms": [], "article_html": []}

    def watched(name, real):  # type: ignore[no-untyped-def]
        def call(*args, **kw):  # type: ignore[no-untyped-def]
            threads[name].append(threading.current_thread() is threading.main_thread())
            return real(*args, **kw)

        return call

    monkeypatch.setattr(library_view, "find_terms", watched("find_terms", markup.find_terms))
    monkeypatch.setattr(library_view, "article_html", watched("article_html", markup.article_html))
    w._marked_query = "soldiers"
    article = w.library.article("a1")
    with qtbot.waitSignal(w.articleShown, timeout=10000):
        w.open_article("a1")
    assert threads == {"find_terms": [False], "article_html": [False]}
    # what the worker laid out is what the reader shows: the text, and the query's word found in it
    assert w.reader.article is article
    assert w.reader.browser.toPlainText() == article.text.rstrip("\n")
    at = article.text.lower().index("soldiers")
    assert (at, at + len("soldiers")) in w.reader.matches
    assert w.reader.browser.textCursor().selectedText().lower() == "soldiers"


def test_the_window_lays_out_the_next_part_off_the_gui_thread(qtbot, fake_window, tmp_path, monkeypatch) -> None:
    # moving to the later part of a long report marked it up on the GUI thread (0.2 s on a 3.8 MB report)
    import threading

    from desk.gui import markup

    monkeypatch.setattr(library_view, "READER_WINDOW", 100)
    w = fake_window
    with qtbot.waitSignal(w.folderOpened, timeout=10000):
        assert w.open_folder(tmp_path)
    on_main: list[bool] = []

    def watched(*args, **kw):  # type: ignore[no-untyped-def]
        on_main.append(threading.current_thread() is threading.main_thread())
        return markup.article_html(*args, **kw)

    monkeypatch.setattr(library_view, "article_html", watched)
    article = w.library.article("a1")
    with qtbot.waitSignal(w.articleShown, timeout=10000):
        w.open_article("a1")
    first = w.reader.part
    assert first[0] == 0
    assert first[1] < len(article.text)
    assert "Later part" in w.reader.header.text()
    w.reader._link("desk-reader:later")
    qtbot.waitUntil(lambda: w.reader.part != first, timeout=10000)
    assert on_main == [False, False]
    lo, hi = w.reader.part
    assert lo <= first[1] < hi
    assert w.reader.browser.toPlainText().rstrip("\n") == article.text[lo:hi].rstrip("\n")
    # a part that arrives after another article was opened is not shown over it
    other = w.library.article("a2")
    w.reader._link("desk-reader:earlier")
    with qtbot.waitSignal(w.articleShown, timeout=10000):
        w.open_article("a2")
    qtbot.wait(300)
    assert w.reader.article is other
    assert w.reader.browser.toPlainText().rstrip("\n") == other.text[slice(*w.reader.part)].rstrip("\n")


def test_the_match_is_selected_after_emoji_and_flags(qtbot) -> None:
    # a character beyond U+FFFF takes two places in the document; the selection must still land on the word
    text = "Harbour news \U0001F1FA\U0001F1E6 \U0001F4E2 tonight: the ferry left at dawn, and the storm came at noon."
    art = Article(id="e", path="/x/e.md", relpath="e.md", title="Flags", outlet="Gazette", date=dt.date(2031, 1, 2),
                  text=text, passages=[Passage(0, 0, len(text))])
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.show_article(art, None, "storm")
    assert pane.matches == [(text.index("storm"), text.index("storm") + 5)]
    assert pane.browser.textCursor().selectedText() == "storm"
