"""Session h34h: the reader laid out a 150,000-character part of a very long article on the GUI thread;
an article saved as one line (or one paragraph) made that part one paragraph, which a document lays out
whole: 117-400 ms stalls under load for a 5 MB one-line article (and 90-130 ms for 150,000 characters of
short, marked-up paragraphs).  A part is now READER_WINDOW (60,000) characters, and READER_LINE_WINDOW
(20,000) where a line is longer than READER_LONG_LINE; the matches, the landing on the hit and the links
to the parts before and after still hold.  Measured with a 10 ms QTimer on the GUI thread (load 11 on 2
cores): 5 MB one line 334-400 ms -> 69 ms, 5 MB of paragraphs 92 ms -> 33 ms."""

from __future__ import annotations

import datetime as dt

from desk.gui import library_view
from desk.gui.library_view import ReaderPane
from desk.model import Article, Passage


def _one_line(n: int = 1_000_000) -> Article:
    unit = "the ferry office said crews waited on the quay again "
    text = (unit * (n // len(unit) + 1))[:n]
    mid = n // 2
    text = text[:mid] + " squall " + text[mid + 8 :]
    return Article(id="one", path="/x/one.txt", relpath="one.txt", title="Quay log", outlet="Gazette",
                   date=dt.date(2031, 5, 6), text=text, passages=[Passage(0, 0, len(text))])


def test_a_one_line_article_is_shown_a_short_part_at_a_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    art = _one_line()
    at = art.text.index("squall")
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.show_article(art, None, "squall", focus=at - 100)
    lo, hi = pane.part
    assert hi - lo <= library_view.READER_LINE_WINDOW
    assert lo <= at < hi
    assert pane.matches == [(at - lo, at - lo + len("squall"))]
    assert pane.browser.textCursor().selectedText() == "squall"
    assert pane.browser.toPlainText() == art.text[lo:hi]
    assert "Earlier part" in pane.header.text()
    assert "Later part" in pane.header.text()


def test_the_links_walk_a_one_line_article_without_a_gap(qtbot) -> None:  # type: ignore[no-untyped-def]
    art = _one_line(90_000)
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.show_article(art, None)
    seen = [pane.part]
    assert seen[0][0] == 0
    while "Later part" in pane.header.text():
        pane._link("desk-reader:later")
        assert pane.part[0] <= seen[-1][1] < pane.part[1]  # no gap, and it moves on
        assert pane.part[1] - pane.part[0] <= library_view.READER_LINE_WINDOW
        seen.append(pane.part)
    assert seen[-1][1] == len(art.text)
    pane._link("desk-reader:earlier")
    assert pane.part[1] == seen[-1][0]


def test_short_lines_keep_the_larger_part(qtbot) -> None:  # type: ignore[no-untyped-def]
    lines = [f"Entry {i}: the ferry office logged a calm crossing." for i in range(4000)]
    text = "\n".join(lines)
    art = Article(id="log", path="/x/log.txt", relpath="log.txt", title="Log", outlet="Gazette", date=None,
                  text=text, passages=[Passage(0, 0, len(text))])
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.show_article(art, None)
    assert pane.part[1] - pane.part[0] > library_view.READER_LINE_WINDOW
    assert pane.part[1] - pane.part[0] <= library_view.READER_WINDOW
