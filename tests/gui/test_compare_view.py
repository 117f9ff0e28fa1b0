"""The compare view read at a glance: untouched pane text, the legend, row status, layout, Enter, aliases.

All sentences here are written for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import QLabel, QListView, QStyleOptionViewItem, QWidget

from desk.extract.aliases import AliasBook
from desk.gui.compare_view import PANE_MIN_WIDTH, CompareView
from desk.gui.markup import anchor_key
from desk.gui.richtext import HtmlRole
from desk.gui.search import ResultsView, SearchField, hit_sentence
from desk.model import (
    Attribution,
    Claim,
    Comparison,
    Figure,
    FigureStatement,
    PassageRef,
    Row,
    SearchResult,
    WordDiff,
)
from desk.palette import GLYPHS
from gui.fakes import ARTICLES, FakeLibrary, make_comparison


def plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    text = doc.toPlainText()
    for g in [*GLYPHS.values(), "\u2260"]:
        text = text.replace(g, "")
    return text


def _ref(aid: str, outlet: str, text: str, claimant: str = "", figure: str = "", day: int = 3) -> PassageRef:
    atts, claims = [], []
    if claimant:
        s = text.index(claimant)
        cue = text.index("said") if "said" in text else s
        atts.append(Attribution(claimant, s, s + len(claimant), claimant, "said", cue, cue + 4, 0, len(text)))
    if figure:
        f = text.index(figure)
        fig = Figure(f, f + len(figure), figure, float(figure.replace(",", "")), "", "count", None, None, "boats")
        claims.append(Claim(fig, claimant, 0 if claimant else None))
    return PassageRef(aid, 0, 0, len(text), text, outlet, f"Title {aid}", dt.date(2024, 5, day), f"/x/{aid}.md",
                      f"{aid}.md", 1.0, [], claims, atts, [], [])


def fifty_claimants() -> Comparison:
    rows = []
    outlets = ["North Gazette", "South Wire"]
    for i in range(50):
        name = f"Harbour Official {i:02d}"
        a = _ref(f"n{i}", outlets[0], f"{name} said {100 + i} boats left the bay.", name, str(100 + i))
        b = _ref(f"s{i}", outlets[1], f"The port counted {200 + i} boats on the water.", "", str(200 + i))
        st = [FigureStatement(outlets[0], name, a.claims[0].figure, a.article_id, 0),
              FigureStatement(outlets[1], "", b.claims[0].figure, b.article_id, 0)]
        rows.append(Row(cells={outlets[0]: [a], outlets[1]: [b]}, statements=st, disagreement=True))
    return Comparison("boats", outlets, rows)


def test_each_pane_shows_the_outlets_own_text_untouched(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    comp = make_comparison()
    # a deletion that used to be drawn struck-through inside another outlet's text
    r2 = comp.rows[0].cells["Wire Service"][0]
    comp.rows[0].word_diffs[r2.key].append(WordDiff(r2.start + 4, r2.start + 4, "delete", "inserted words"))
    view.set_comparison(comp)
    m = view.model
    for c, outlet in enumerate(comp.outlets, start=1):
        html = m.index(0, c).data(HtmlRole)
        ref = comp.rows[0].cells[outlet][0]
        shown = plain(html)
        assert shown.startswith(ref.text), (shown, ref.text)
        assert "line-through" not in html
        assert m.colors.theme.diff_bg not in html
    assert "inserted words" not in plain(m.index(0, 2).data(HtmlRole))
    # on demand: against a chosen outlet, with a legend saying what the marks mean
    view.diff_btn.setChecked(True)
    view.diff_ref.setCurrentText("Kyiv Daily")
    assert view.diff_legend.isVisibleTo(view)
    assert "Kyiv Daily" in view.diff_legend.text()
    marked = m.index(0, 2).data(HtmlRole)
    assert m.colors.theme.diff_bg in marked
    assert m.colors.theme.diff_bg not in m.index(0, 1).data(HtmlRole)  # the reference itself is not marked
    view.diff_btn.setChecked(False)
    assert m.colors.theme.diff_bg not in m.index(0, 2).data(HtmlRole)


def test_wording_differences_are_worked_out_on_demand_for_a_row_without_the_reference_outlet(qtbot) -> None:
    """A comparison comes without word differences (desk.compare leaves them for whoever shows them):
    with the toggle on, a row that lacks the chosen outlet is marked against its own first passage."""
    north = _ref("n1", "North Gazette", "The ferry left the harbour at dawn with forty cars aboard.")
    south = _ref("s1", "South Wire", "The ferry left the old port at dawn with forty cars aboard.")
    hill = _ref("h1", "Hill Times", "Fog closed the pass above the town for a second day.")
    rows = [Row(cells={"North Gazette": [north], "South Wire": [south]}), Row(cells={"Hill Times": [hill]})]
    comp = Comparison("ferry", ["North Gazette", "South Wire", "Hill Times"], rows)
    assert not rows[0].word_diffs
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    view.set_comparison(comp)
    m = view.model
    r = next(i for i in range(m.rowCount()) if m.row(i) is rows[0])
    assert m.colors.theme.diff_bg not in m.index(r, 2).data(HtmlRole)  # off: the outlet's own text
    assert not rows[0].word_diffs  # nothing worked out while the toggle is off
    view.diff_btn.setChecked(True)
    view.diff_ref.setCurrentText("Hill Times")  # not in the row: against the row's first passage
    marked = m.index(r, 2).data(HtmlRole)
    assert m.colors.theme.diff_bg in marked
    assert f'<span style="background-color: {m.colors.theme.diff_bg}">old port</span>' in marked  # its words for "harbour"
    assert m.colors.theme.diff_bg not in m.index(r, 1).data(HtmlRole)  # the first passage itself
    assert not rows[0].word_diffs  # worked out for the passages painted; the row is left as it came
    assert plain(m.index(r, 2).data(HtmlRole)).count("forty cars") == 1


def test_wording_differences_are_worked_out_only_for_the_passages_painted(qtbot, monkeypatch) -> None:
    import desk.compare.diff as diff
    from desk.gui.compare_view import COLLAPSED_PASSAGES

    north = _ref("n1", "North Gazette", "The ferry left the harbour at dawn with forty cars aboard.")
    many = [_ref(f"s{i}", "South Wire", f"The ferry left the old port at dawn with {40 + i} cars aboard.")
            for i in range(COLLAPSED_PASSAGES + 4)]
    row = Row(cells={"North Gazette": [north], "South Wire": many})
    comp = Comparison("ferry", ["North Gazette", "South Wire", "Hill Times"],
                      [row, Row(cells={"Hill Times": [_ref("h1", "Hill Times", "Fog closed the pass again.")]})])
    asked: list[str] = []
    real = diff._text_diff
    monkeypatch.setattr(diff, "_text_diff", lambda a, b, base: (asked.append(b), real(a, b, base))[1])
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    view.set_comparison(comp)
    view.diff_btn.setChecked(True)
    view.diff_ref.setCurrentText("Hill Times")
    m = view.model
    r = next(i for i in range(m.rowCount()) if m.row(i) is row)
    asked.clear()
    view.model._html.clear()
    assert m.colors.theme.diff_bg in m.index(r, 2).data(HtmlRole)
    # the collapsed cell shows its first passages: only theirs are worked out, not the other four
    assert 0 < len(asked) <= COLLAPSED_PASSAGES


def test_legend_of_fifty_claimants_stays_one_line_and_any_can_be_hidden(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.set_comparison(fifty_claimants())
    view.update_legend()
    line = view.legend.line
    assert view.legend.height() <= 2.2 * line.fontMetrics().lineSpacing() + 12
    assert view.legend.sizeHint().height() <= 2.2 * line.fontMetrics().lineSpacing() + 12
    # the legend lists the claimants of the rows on screen, not all fifty, and counts the rest
    assert 0 < len(view.legend.counts) < 50
    assert "more" in line.text() or len(view.legend.counts) <= 8
    # every claimant in the comparison has a look no other has
    names = [f"Harbour Official {i:02d}" for i in range(50)]
    looks = {view.model.colors.look(n) for n in names}
    assert len(looks) == 50
    # hiding one leaves its name in the text but takes its colour off
    first = view.legend.names()[0]
    colour = view.model.colors.look(first).colour
    r = next(r for r in range(view.model.rowCount()) if first in view.model.row(r).cells["North Gazette"][0].text)
    assert colour in view.model.index(r, 1).data(HtmlRole)
    view.legend._toggle(first, True)
    html = view.model.index(r, 1).data(HtmlRole)
    assert colour not in html
    assert first in plain(html)
    assert "line-through" in view.legend.entry_html(first)
    view.legend._toggle(first, False)
    assert colour in view.model.index(r, 1).data(HtmlRole)


def test_the_row_counts_are_never_cut_in_a_narrow_view(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 600)  # what a 1,280-pixel window leaves beside the Library panel, and less
    view.show()
    view.set_comparison(fifty_claimants())
    view.update_legend()
    qtbot.wait(10)
    text = view.summary.text()
    assert text.endswith("differ")
    assert view.summary.width() >= view.summary.fontMetrics().horizontalAdvance(text)


def test_stray_words_are_left_out_of_the_legend(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.show()
    a = _ref("x1", "North Gazette", "The report said 40 boats left.", "report", "40")
    b = _ref("x2", "South Wire", "Mayor Ilse Varn said 41 boats left.", "Mayor Ilse Varn", "41")
    view.set_comparison(Comparison("boats", ["North Gazette", "South Wire"],
                                   [Row(cells={"North Gazette": [a], "South Wire": [b]})]))
    view.update_legend()
    assert view.legend.names() == ["Mayor Ilse Varn"]


def test_one_persons_spellings_share_one_legend_entry_and_one_look(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.show()
    outlets = ["North Gazette", "South Wire", "East Post", "West News"]
    a = _ref("y1", outlets[0], "Harbourmaster Dmitry Olvarsky said 40 boats left.", "Dmitry Olvarsky", "40")
    b = _ref("y2", outlets[1], "Dmitri Olvarskiy said 40 boats left.", "Dmitri Olvarskiy", "40")
    c = _ref("y3", outlets[2], "Olvarsky said 40 boats left the bay.", "Olvarsky", "40")
    d = _ref("y4", outlets[3], "Mayor Ilse Varn said 41 boats left.", "Mayor Ilse Varn", "41")
    view.set_comparison(Comparison("boats", outlets, [
        Row(cells={outlets[0]: [a], outlets[1]: [b], outlets[2]: [c], outlets[3]: [d]})]))
    view.update_legend()
    names = view.legend.names()
    assert len(names) == 2
    assert names[0] in ("Dmitry Olvarsky", "Dmitri Olvarskiy")
    assert view.legend.counts[names[0]] == 3
    looks = {view.model.colors.look(n) for n in ("Dmitry Olvarsky", "Dmitri Olvarskiy", "Olvarsky")}
    assert len(looks) == 1
    assert view.model.colors.look("Mayor Ilse Varn") not in looks
    # hiding the person hides every spelling in the panes
    view.model.set_claimant_hidden(names[0], True)
    html = view.model.data(view.model.index(0, 3), HtmlRole)
    assert "underline" not in html


def test_a_rows_status_stays_visible_while_the_row_scrolls(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    long = " ".join(["The harbour master said 12 boats were lost in the storm."] * 60)
    a = _ref("t1", "North Gazette", long, "harbour master", "12")
    b = _ref("t2", "South Wire", "A shorter note says 15 boats were lost.", "", "15")
    row = Row(cells={"North Gazette": [a], "South Wire": [b]}, disagreement=True)
    view.set_comparison(Comparison("boats", ["North Gazette", "South Wire"], [row, row]))
    view.toggle_row(0)  # the whole text: a row taller than the window
    height = view.table.rowHeight(0)
    assert height > 2 * view.table.viewport().height()
    qtbot.waitUntil(lambda: view.table.verticalScrollBar().maximum() > height // 2)
    view.table.verticalScrollBar().setValue(height // 2)
    rect = view.table.visualRect(view.model.index(0, 0))
    assert rect.top() < 0  # the row's top has scrolled away
    opt = QStyleOptionViewItem()
    opt.rect = rect
    opt.widget = view.table
    opt.fontMetrics = view.table.fontMetrics()
    band = view.status_delegate.band(opt, view.model.index(0, 0))
    assert 0 <= band.top() < 5
    assert band.bottom() < view.table.viewport().height()
    status = view.model.index(0, 0).data()
    assert "\u26a0 differs" in status
    assert "2 outlets" in status
    assert "2024-05-03" in status
    # near its bottom the band rides up with the row's end, never below it
    view.table.verticalScrollBar().setValue(height - 10)
    rect = view.table.visualRect(view.model.index(0, 0))
    opt.rect = rect
    band = view.status_delegate.band(opt, view.model.index(0, 0))
    assert band.bottom() <= rect.bottom()
    # the tick box works in the band
    pos = QPoint(band.left() + 8, band.top() + band.height() // 2)
    before = view.model.checked_rows()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.model.checked_rows() != before


def test_unlocked_rows_keep_outlet_headers_and_whole_words(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    comp = fifty_claimants()
    outlets = [f"Outlet Number {i}" for i in range(11)]
    rows = [Row(cells={o: [_ref(f"{o}{i}", o, "Unbreakable extraordinarily lengthy vocabulary appears.")]
                       for o in outlets}) for i in range(3)]
    comp = Comparison("words", outlets, rows)
    view.set_comparison(comp)
    view.lock.setChecked(False)
    assert view.stack.currentWidget() is view.pane_scroll
    heads = [view.panes.widget(i).findChild(QLabel, "paneHeader").text() for i in range(view.panes.count())]
    assert heads == outlets
    for i in range(view.panes.count()):
        assert view.panes.widget(i).minimumWidth() >= PANE_MIN_WIDTH
    pane = view.panes.widget(0).findChild(QListView)
    qtbot.waitUntil(lambda: pane.viewport().width() > 100)
    opt = QStyleOptionViewItem()
    opt.widget = pane
    opt.font = pane.font()
    doc = view.delegate.document(opt, view.model.index(0, 1))
    assert doc.defaultTextOption().wrapMode() == QTextOption.WrapMode.WordWrap
    lines = []
    block = doc.firstBlock()
    while block.isValid():
        layout = block.layout()
        for n in range(layout.lineCount()):
            ln = layout.lineAt(n)
            lines.append(block.text()[ln.textStart(): ln.textStart() + ln.textLength()].strip())
        block = block.next()
    words = set(["Unbreakable", "extraordinarily", "lengthy", "vocabulary", "appears."])
    for ln in lines:
        for w in ln.split():
            assert w in words or w.startswith("North") or not w.isalpha(), (w, lines)


def test_sort_and_filters_keep_ticks(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.show()
    one = Row(cells={"North Gazette": [_ref("o1", "North Gazette", "Only here: 5 boats.", "", "5", day=9)]},
              score=3.0)
    two = Row(cells={"North Gazette": [_ref("b1", "North Gazette", "Both: 7 boats.", "", "7", day=1)],
                     "South Wire": [_ref("b2", "South Wire", "Both: 8 boats.", "", "8", day=2)]},
              disagreement=True, score=1.0)
    calm = Row(cells={"North Gazette": [_ref("c1", "North Gazette", "Calm: 2 boats.", "", "2", day=5)],
                      "South Wire": [_ref("c2", "South Wire", "Calm: 2 boats.", "", "2", day=6)]}, score=2.0)
    view.set_comparison(Comparison("boats", ["North Gazette", "South Wire"], [two, calm, one]))
    m = view.model
    m.setData(m.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    view.sort_box.setCurrentText("Relevance")
    assert [m.row(r).score for r in range(3)] == [3.0, 2.0, 1.0]
    view.sort_box.setCurrentText("Date (newest first)")
    assert [m.row(r) for r in range(3)] == [one, calm, two]
    view.hide_single.setChecked(True)
    assert m.rowCount() == 2
    view.only_dis.setChecked(True)
    assert m.rowCount() == 1
    assert m.row(0) is two
    assert m.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "1 shown" in view.summary.text()
    sel = m.selected_comparison()
    assert sel is not None
    assert sel.rows == [two]


def test_most_outlets_puts_the_widest_rows_first_and_keeps_desks_order_among_equals(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    lone = Row(cells={"North Gazette": [_ref("l1", "North Gazette", "Only here: 5 boats.", "", "5")]})
    first = Row(cells={"North Gazette": [_ref("f1", "North Gazette", "First: 7 boats.", "", "7")],
                       "South Wire": [_ref("f2", "South Wire", "First: 7 boats.", "", "7")]})
    wide = Row(cells={o: [_ref("w" + o[0], o, "Wide: 9 boats.", "", "9")]
                      for o in ("North Gazette", "South Wire", "East Courier")})
    second = Row(cells={"East Courier": [_ref("s1", "East Courier", "Second: 3 boats.", "", "3")],
                        "South Wire": [_ref("s2", "South Wire", "Second: 3 boats.", "", "3")]})
    view.set_comparison(Comparison("boats", ["North Gazette", "South Wire", "East Courier"],
                                   [lone, first, wide, second]))
    m = view.model
    assert [m.row(r) for r in range(4)] == [lone, first, wide, second]  # desk's own order by default
    view.sort_box.setCurrentText("Most outlets")
    assert [m.row(r) for r in range(4)] == [wide, first, second, lone]
    tips = {view.sort_box.itemText(i): view.sort_box.itemData(i, Qt.ItemDataRole.ToolTipRole)
            for i in range(view.sort_box.count())}
    assert all(tips.values()), tips


def test_enter_runs_the_query_with_the_completer_open(qtbot) -> None:
    field = SearchField()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.set_vocabulary(["Harbour Post"], ["Ilse Varn", "Ilse Varnholt"])
    qtbot.keyClicks(field, "boats Ilse")
    popup = field.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    with qtbot.waitSignal(field.submitted, timeout=2000) as blocker:
        qtbot.keyClick(popup, Qt.Key.Key_Return)  # the key goes to the popup, as from a real keyboard
    assert blocker.args == ["boats Ilse"]
    assert not popup.isVisible()
    # once more, typed straight at the field
    field.clear()
    qtbot.keyClicks(field, "Varn")
    qtbot.waitUntil(popup.isVisible)
    with qtbot.waitSignal(field.submitted, timeout=2000) as blocker:
        qtbot.keyClick(field, Qt.Key.Key_Enter)
    assert blocker.args == ["Varn"]
    # a completion the user picked goes in before the query runs
    field.clear()
    qtbot.keyClicks(field, "Varnh")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(field.submitted, timeout=2000) as blocker:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert blocker.args == ['"Ilse Varnholt"']


def test_ctrl_e_reaches_export_from_the_search_field(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    with qtbot.waitSignal(w.indexed, timeout=10000):
        w.open_folder(tmp_path)
    called = []
    w.export_act.triggered.disconnect()
    w.export_act.triggered.connect(lambda *_: called.append(1))
    w.activateWindow()
    w.search_field.setFocus()
    qtbot.waitUntil(w.search_field.hasFocus)
    qtbot.keyClick(w.search_field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert called == [1]


class AliasLibrary(FakeLibrary):
    """The fake library, with claimant names passed through an alias book as the core does."""

    keeps_aliases = True

    def compare(self, query, outlets=(), since=None, until=None, progress=None, cancelled=None):  # type: ignore[no-untyped-def]
        comp = super().compare(query, outlets, since, until, progress, cancelled)
        book = AliasBook.load(self.aliases_path)

        def canon(n: str) -> str:
            return book.canonical(n) or n

        for row in comp.rows:
            for s in row.statements:
                s.claimant = canon(s.claimant) if s.claimant else s.claimant
            for refs in row.cells.values():
                for ref in refs:
                    for a in ref.attributions:
                        a.name = canon(a.name)
        return comp


def test_alias_edits_reach_the_compare_view_and_the_window_stays(qtbot, settings, data_dir: Path,
                                                                  tmp_path: Path) -> None:
    from desk.gui.main_window import MainWindow

    w = MainWindow(settings, data_dir=str(data_dir), library_factory=AliasLibrary, err_windows=False)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.indexed, timeout=10000):
        w.open_folder(tmp_path)
    with qtbot.waitSignal(w.compared, timeout=10000):
        w.compare("soldiers killed")
    view = w.compare_view
    view.update_legend()
    assert "General Staff" in view.legend.counts
    view.sort_box.setCurrentText("Relevance")
    w.tabs.setCurrentWidget(w.claims_view)
    with qtbot.waitSignal(w.compared, timeout=10000):
        w.alias_action("merge", "General Staff", "Olena Marchuk")
    view.update_legend()
    assert "General Staff" not in view.legend.counts
    assert view.legend.counts["Olena Marchuk"] >= 2
    wire = view.model.index(0, view.model.outlets.index("Wire Service") + 1).data(HtmlRole)
    assert anchor_key("who", "General Staff") not in wire
    assert anchor_key("who", "Olena Marchuk") in wire
    assert w.tabs.currentWidget() is w.claims_view
    assert view.sort_box.currentText() == "Relevance"
    # an edit that changes nothing on screen says so
    with qtbot.waitSignal(w.compared, timeout=10000):
        w.alias_action("merge", "Somebody Absent", "Olena Marchuk")
    qtbot.waitUntil(lambda: "Nothing in the comparison on screen changed" in w.status.text())
    w.close_library()


def test_a_query_error_clears_the_old_comparison(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    with qtbot.waitSignal(w.indexed, timeout=10000):
        w.open_folder(tmp_path)
    with qtbot.waitSignal(w.compared, timeout=10000):
        w.compare("soldiers killed")
    assert w.compare_view.model.rowCount() == 2
    with qtbot.waitSignal(w.errorShown, timeout=10000):
        w.compare('"soldiers killed')
    assert w.compare_view.model.comparison is None
    assert w.compare_view.stack.currentWidget() is w.compare_view.empty
    assert "quote" in w.search_bar.message.text()


def _hit_ref(text: str, words: list[str], number: int = 0) -> PassageRef:
    ref = _ref(f"h{number}", "North Gazette", text)
    ref.number = number
    ref.start, ref.end = 1000, 1000 + len(text)
    ref.highlights = [(1000 + text.index(w), 1000 + text.index(w) + len(w)) for w in words]
    return ref


def test_results_show_the_matching_sentence_with_the_hit_marked() -> None:
    text = "The mayor spoke first.\nThen 40   boats left the harbour at dawn! Nobody saw them go."
    sentence, spans = hit_sentence(_hit_ref(text, ["boats"]))
    assert sentence == "Then 40 boats left the harbour at dawn!"
    assert [sentence[s:e] for s, e in spans] == ["boats"]
    # an unpunctuated run is cut around the hit
    long = "word " * 200 + "harbour " + "word " * 200
    sentence, spans = hit_sentence(_hit_ref(long, ["harbour"]))
    assert len(sentence) <= 262
    assert sentence.startswith("\u2026")
    assert [sentence[s:e] for s, e in spans] == ["harbour"]


def test_results_show_the_sentence_with_the_most_hits() -> None:
    text = "Crews sank a skiff. Later 4,200 crews were sunk by storms. Old crews rested."
    ref = _hit_ref(text, ["sank"])
    at = text.index("crews were")
    ref.highlights = sorted([*ref.highlights, (1000 + at, 1000 + at + 5), (1000 + text.index("4,200"), 1000 + at - 1)])
    sentence, spans = hit_sentence(ref)
    assert sentence == "Later 4,200 crews were sunk by storms."
    assert [sentence[s:e] for s, e in spans] == ["4,200", "crews"]


def test_results_list_tells_two_hits_of_one_article_apart_and_pages(qtbot) -> None:
    view = ResultsView()
    qtbot.addWidget(view)
    view.resize(400, 600)
    view.show()
    a = _hit_ref("Ferries stopped at noon. The ferry crews went home.", ["ferry"], 0)
    b = _hit_ref("Later the ferry service resumed on the east route.", ["ferry"], 1)
    b.article_id = a.article_id
    view.set_result(SearchResult("ferry", [a, b], total=130))
    head = view.model.item(0)
    shown = [head.child(i).data(HtmlRole) for i in range(head.rowCount())]
    assert len(shown) == 2
    assert shown[0] != shown[1]
    assert "The ferry crews went home." in plain(shown[0])
    assert view.model.theme.hit_bg in shown[0]
    assert view.more.isVisibleTo(view)
    assert "2 of 130" in view.info.text()
    with qtbot.waitSignal(view.moreRequested, timeout=1000):
        view.more.click()
    view.set_result(SearchResult("ferry", [a, b], total=2))
    assert not view.more.isVisibleTo(view)


def test_long_cells_collapse_to_the_matching_sentences_with_more(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    filler = "Tugs idled in the outer basin while crews waited for word. " * 8
    key = "The coastguard said 31 trawlers sank near the reef."
    text = filler + key + " " + filler
    a = _ref("l1", "North Gazette", text, "coastguard", "31")
    a.highlights = [(text.index("trawlers"), text.index("trawlers") + len("trawlers"))]
    extra = [_ref(f"l{i}", "North Gazette", f"Short note {i} on 4 trawlers.", "", "4") for i in range(2, 5)]
    b = _ref("m1", "South Wire", "Officials counted 30 trawlers lost.", "", "30")
    row = Row(cells={"North Gazette": [a, *extra], "South Wire": [b]})
    view.set_comparison(Comparison("trawlers", ["North Gazette", "South Wire"], [row]))
    m = view.model
    collapsed = plain(m.index(0, 1).data(HtmlRole))
    assert key in collapsed
    assert "Tugs idled" not in collapsed
    assert collapsed.startswith("\u2026")
    assert "Short note 4" not in collapsed  # only two passages when collapsed
    assert "2 more passages" in collapsed
    assert "more" not in plain(m.index(0, 2).data(HtmlRole))  # a short cell has nothing to expand
    # clicking "more" shows the whole cell; "less" collapses it again
    view.table.resizeRowToContents(0)
    rect = view.table.visualRect(m.index(0, 1))
    hits = [QPoint(x, y) for x in range(rect.left() + 4, rect.right(), 8) for y in range(rect.top(), rect.bottom(), 4)
            if view.delegate.anchor_at(view.table, QPoint(x, y)) == "more:0"]
    assert hits
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=hits[0])
    whole = plain(m.index(0, 1).data(HtmlRole))
    assert whole.startswith("Tugs idled")
    assert "Short note 4" in whole
    assert "less" in whole
    view.toggle_row(0)
    assert "Tugs idled" not in plain(m.index(0, 1).data(HtmlRole))


def test_an_excerpt_carries_no_marks_from_the_text_left_out() -> None:
    from desk.gui.markup import Mark, render

    html = render("middle part", [Mark(-20, -10, "color: red", suffix="<b>X</b>"), Mark(3, 6, "color: blue"),
                                  Mark(30, 40, "color: red", prefix="<b>Y</b>"), Mark(11, 11, suffix="<i>Z</i>")])
    assert "<b>X</b>" not in html
    assert "<b>Y</b>" not in html
    assert "color: blue" in html
    assert "<i>Z</i>" in html


def test_row_dates_are_short() -> None:
    from desk.gui.compare_view import date_range

    assert date_range(dt.date(2024, 8, 4), dt.date(2024, 8, 15)) == "Aug 4\u201315"
    assert date_range(dt.date(2024, 7, 29), dt.date(2024, 8, 19)) == "Jul 29\u2013Aug 19"
    assert date_range(dt.date(2023, 12, 30), dt.date(2024, 1, 2)) == "Dec 30 2023\u2013Jan 2 2024"


def test_reader_keeps_lines_short_and_dims_heading_markers(qtbot) -> None:
    from desk.gui.library_view import READER_LINE_CHARS, ReaderPane
    from desk.model import Article, Passage

    text = "# Harbour closes\n\n" + "Tugs idled in the outer basin while crews waited for word. " * 30
    art = Article(id="r1", path="/x/r1.md", relpath="r1.md", title="Harbour closes", outlet="North Gazette",
                  date=dt.date(2024, 5, 1), text=text, passages=[Passage(0, 0, len(text))])
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.resize(1500, 600)
    pane.show()
    pane.show_article(art, None)
    qtbot.waitUntil(lambda: pane.browser.viewport().width() < 1400)
    assert pane.browser.viewport().width() <= pane.browser.fontMetrics().averageCharWidth() * READER_LINE_CHARS + 40
    assert pane.browser.toPlainText().startswith("# Harbour closes")  # offsets kept: the marker stays, dimmed
    cur = QTextCursor(pane.browser.document())
    cur.setPosition(1)
    assert cur.charFormat().foreground().color().name() == pane.colors.theme.dim
    cur.setPosition(5)
    assert cur.charFormat().fontWeight() >= QFont.Weight.Bold


def test_help_has_the_query_language(qtbot, fake_window) -> None:
    w = fake_window
    w.show_help()
    text = w._help.findChild(QWidget, "helpText").toPlainText()
    for token in ("figure:>1000", "claimant:", "outlet:", '"grain deal"', "date:["):
        assert token in text
    w._help.close()


def test_an_empty_library_says_it_is_indexing(qtbot) -> None:
    from desk.gui.library_view import LibraryPanel

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_folder_open(True)
    panel.set_indexing(True)
    assert panel.count.text().startswith("First index of this folder")
    panel.index_progress(1234, 6000, "reading notes/harbour.md")
    assert "1,234 of 6,000 files read" in panel.count.text()
    panel.index_progress(0, 6000, "writing the index")
    assert "saving the index" in panel.count.text()
    panel.set_articles(ARTICLES)
    assert panel.count.text() == "3 of 3 articles \u00b7 indexing\u2026"
    panel.set_indexing(False)
    assert panel.count.text() == "3 of 3 articles"
    panel.set_articles([])
    assert "No articles in this folder" in panel.count.text()
    panel.set_folder_open(False)
    assert "No articles yet" in panel.count.text()


def test_the_first_index_shows_counts_in_the_library_never_no_articles(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    w.library_factory_orig = w.library_factory

    def held(f: str, d: str | None):  # type: ignore[no-untyped-def]
        lib = w.library_factory_orig(f, d)
        lib.gate.clear()
        # nothing saved yet while the first index runs
        lib.articles = lambda: list(lib.articles_list) if lib.gate.is_set() else []
        return lib

    w.library_factory = held
    with qtbot.waitSignal(w.folderOpened, timeout=10000):
        assert w.open_folder(tmp_path)
    lib = w.library
    w._progress(40, 300, "reading a/b.md")  # as the indexer reports it
    assert "40 of 300 files read" in w.library_panel.count.text()
    qtbot.waitUntil(lambda: not any(t.name == "listing" for t in w.session.tasks))
    assert "No articles" not in w.library_panel.count.text()
    assert w.library_panel.count.text().startswith("First index of this folder")
    with qtbot.waitSignal(w.indexed, timeout=10000):
        lib.gate.set()
    qtbot.waitUntil(lambda: w.library_panel.count.text() == "3 of 3 articles")


def test_more_works_in_unlocked_panes(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    refs = [_ref(f"u{i}", "North Gazette", f"Note {i}: 4 trawlers.", "", "4") for i in range(4)]
    b = _ref("v1", "South Wire", "Officials counted 30 trawlers lost.", "", "30")
    view.set_comparison(Comparison("trawlers", ["North Gazette", "South Wire"],
                                   [Row(cells={"North Gazette": refs, "South Wire": [b]})]))
    view.lock.setChecked(False)
    pane = view.panes.widget(0).findChild(QListView)
    qtbot.waitUntil(lambda: pane.visualRect(view.model.index(0, 1)).height() > 20)
    rect = pane.visualRect(view.model.index(0, 1))
    hits = [QPoint(x, y) for x in range(rect.left() + 4, rect.right(), 8) for y in range(rect.top(), rect.bottom(), 4)
            if view.delegate.anchor_at(pane, QPoint(x, y)) == "more:0"]
    assert hits
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=hits[0])
    assert view.model.expanded == {0}
    assert "Note 3" in plain(view.model.index(0, 1).data(HtmlRole))


def test_claims_save_as_csv_safely_and_share_the_claimant_colours(qtbot, fake_window, tmp_path: Path) -> None:
    import csv

    from desk.gui.claims_view import csv_cell

    w = fake_window
    (tmp_path / "articles").mkdir()
    with qtbot.waitSignal(w.indexed, timeout=10000):
        w.open_folder(tmp_path / "articles")
    assert w.save_claims_csv(str(tmp_path / "none.csv")) is None  # nothing listed yet
    with qtbot.waitSignal(w.claimsLoaded, timeout=10000):
        w.compare("soldiers killed")
    m = w.claims_view.model
    r = next(i for i, s in enumerate(m.statements) if s.claimant == "General Staff")
    brush = m.index(r, 3).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color().name() == w.compare_view.model.colors.look("General Staff").colour
    # the claimant's marker stands beside its name, as in the panes (colours alone may look alike)
    assert m.index(r, 3).data() == f'{w.compare_view.model.colors.look("General Staff").glyph} General Staff'
    assert w.save_claims_csv(str(tmp_path / "articles" / "claims.csv")) is None  # never into the articles
    out = w.save_claims_csv(str(tmp_path / "claims.csv"))
    assert out is not None
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[0][:4] == ["Figure", "Qualifier", "Counted", "Claimant"]
    assert len(rows) == 1 + w.claims_view.proxy.rowCount()
    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_cell("-5,710") == "-5,710"
    assert csv_cell("two\nlines") == "two lines"


def test_library_outlet_filter_takes_several_outlets(qtbot) -> None:
    from desk.gui.library_view import LibraryPanel
    from gui.fakes import ARTICLES

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_articles(ARTICLES)
    panel.outlet.setCurrentText("Wire Service")
    panel.set_outlet_chosen("Kyiv Daily", True)
    assert panel.proxy.rowCount() == 2
    assert panel.filters()[0] == ("Kyiv Daily", "Wire Service")
    panel.set_articles(ARTICLES)  # a reload keeps both
    assert panel.proxy.rowCount() == 2
    panel.set_outlet_chosen("Wire Service", False)
    assert panel.filters()[0] == ("Kyiv Daily",)
    assert panel.proxy.rowCount() == 1


def test_copy_puts_markdown_and_inert_html_on_the_clipboard(qtbot) -> None:
    from desk.export.markdown import render_markdown
    from desk.gui.main_window import markdown_mime

    ref = _ref("c1", "North Gazette", "The <b>pilot</b> said 40 ferries [stopped](http://x.example) <img src=y>.",
               "", "40")
    md = render_markdown(Comparison("ferries", ["North Gazette"], [Row(cells={"North Gazette": [ref]})]))
    mime = markdown_mime(md)
    assert mime.text() == md
    html = mime.html()
    assert "<b>pilot" not in html
    assert "href" not in html
    assert "<img" not in html
    assert "40" in html


def test_saved_searches_and_history_run_again(qtbot, fake_window, tmp_path: Path) -> None:
    w = fake_window
    with qtbot.waitSignal(w.indexed, timeout=10000):
        w.open_folder(tmp_path)
    w.search_field.setText("soldiers AND killed")
    w.save_search()
    assert w.settings.get("search/saved") == ["soldiers AND killed"]
    w._fill_saved()
    labels = [a.text() for a in w.saved_menu.actions() if a.text() and not a.menu()]
    assert labels == ["soldiers AND killed"]
    w.search_field.setText("")
    with qtbot.waitSignal(w.compared, timeout=10000):
        w.saved_menu.actions()[0].trigger()
    assert w.search_field.text() == "soldiers AND killed"
    w._fill_history()
    # the tool tip is escaped rich text (desk.gui.plain.tip) that reads as the query
    from PySide6.QtGui import QTextDocumentFragment

    assert QTextDocumentFragment.fromHtml(w.history_menu.actions()[0].toolTip()).toPlainText() == "soldiers AND killed"


def test_a_row_note_is_kept_with_the_folder_and_shown(qtbot, settings, data_dir: Path, tmp_path: Path) -> None:
    from desk.gui.main_window import MainWindow

    w = MainWindow(settings, data_dir=str(data_dir), library_factory=AliasLibrary, err_windows=False)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.indexed, timeout=10000):
        w.open_folder(tmp_path)
    with qtbot.waitSignal(w.compared, timeout=10000):
        w.compare("soldiers killed")
    m = w.compare_view.model
    assert w.set_row_note(0, "Check the ministry's later figure.")
    assert "\u270e note" in m.index(0, 0).data()
    assert "Check the ministry" in m.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(w.compared, timeout=10000):
        w.compare("soldiers killed")
    assert w.compare_view.model.row(0).note == "Check the ministry's later figure."
    assert (data_dir / "notes.json").exists()  # beside the aliases, in the data dir
    assert not (tmp_path / "notes.json").exists()  # never in the article folder
    w.close_library()


def test_a_date_filter_takes_a_whole_typed_or_pasted_date(qtbot) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtGui import QGuiApplication

    from desk.gui.library_view import DateField

    d = DateField()
    qtbot.addWidget(d)
    d.setDate(QDate(2000, 1, 1))
    d.show()
    qtbot.waitExposed(d)
    d.setFocus()
    d.lineEdit().selectAll()
    qtbot.keyClicks(d, "2022-07-29")
    assert d.date().toPython() == dt.date(2022, 7, 29)
    d.lineEdit().selectAll()
    qtbot.keyClicks(d, "20210315")
    assert d.date().toPython() == dt.date(2021, 3, 15)
    QGuiApplication.clipboard().setText("2023-11-02")
    qtbot.keyClick(d, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert d.date().toPython() == dt.date(2023, 11, 2)


def test_no_rows_says_why_on_the_empty_page(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.show()
    view.set_comparison(Comparison("<b>zz</b> qq", ["North Gazette"], []))
    assert view.stack.currentWidget() is view.empty
    assert "No passages to compare for \u201c<b>zz</b> qq\u201d" in view.empty.text()
    assert view.empty.textFormat() == Qt.TextFormat.PlainText
    calm = Row(cells={"North Gazette": [_ref("q1", "North Gazette", "Calm: 2 boats.", "", "2")]})
    view.set_comparison(Comparison("boats", ["North Gazette"], [calm]))
    assert view.stack.currentWidget() is view.table
    view.only_dis.setChecked(True)
    assert view.stack.currentWidget() is view.empty
    assert "filters" in view.empty.text()
    assert view.only_dis.isEnabled()
    view.only_dis.setChecked(False)
    assert view.stack.currentWidget() is view.table


def test_a_new_collation_opens_at_its_first_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    """After scrolling far down one comparison, the next one (a collation) starts at row 1, not mid-way."""
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()

    def many(mode: str) -> Comparison:
        rows = [Row(cells={"North Gazette": [_ref(f"{mode}{i}a", "North Gazette", f"Paragraph {i} about the pier. " * 6)],
                           "South Wire": [_ref(f"{mode}{i}b", "South Wire", f"Paragraph {i} on the pier repairs. " * 6)]},
                    kind="match") for i in range(40)]
        return Comparison(f"{mode} pier", ["North Gazette", "South Wire"], rows, mode=mode)

    view.set_comparison(many("query"))
    bar = view.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: bar.value() > 0)
    view.table.setCurrentIndex(view.model.index(30, 1))
    view.set_comparison(many("collate"))
    qtbot.wait(200)  # the visible rows get their exact heights on a timer
    assert bar.value() == 0
    assert view.table.rowAt(0) == 0


def test_row_heights_of_a_long_comparison_are_estimated_in_chunks(qtbot) -> None:
    from desk.gui import compare_view as cv

    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    long = " ".join(["The ferry crossed the lake twice before the storm closed the harbour."] * 12)
    rows = [
        Row(cells={"North Gazette": [_ref(f"n{i}", "North Gazette", long)],
                   "South Wire": [_ref(f"s{i}", "South Wire", "A short note on the ferry.")]})
        for i in range(cv.ESTIMATE_FIRST_ROWS + 2 * cv.ESTIMATE_CHUNK_ROWS)
    ]
    view.set_comparison(Comparison("ferry", ["North Gazette", "South Wire"], rows))
    last = len(rows) - 1
    default = view.table.verticalHeader().defaultSectionSize()
    assert view.table.rowHeight(0) > default  # the first screenful at once
    assert view.table.rowHeight(last) == default  # the tail not yet
    qtbot.waitUntil(lambda: view.table.rowHeight(last) > default)  # then, on later turns of the event loop
    assert view.table.rowHeight(last) == view.table.rowHeight(cv.ESTIMATE_FIRST_ROWS + 1)


def test_a_new_comparison_stops_the_old_estimate(qtbot) -> None:
    from desk.gui import compare_view as cv

    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    long = " ".join(["The ferry crossed the lake twice before the storm closed the harbour."] * 12)
    many = [Row(cells={"North Gazette": [_ref(f"n{i}", "North Gazette", long)]})
            for i in range(cv.ESTIMATE_FIRST_ROWS + 3 * cv.ESTIMATE_CHUNK_ROWS)]
    view.set_comparison(Comparison("ferry", ["North Gazette"], many))
    # the new comparison is long enough for a chunk of its own, from the same row the old one's next chunk starts at
    more = [Row(cells={"North Gazette": [_ref(f"x{i}", "North Gazette", "A short note on the ferry.")]})
            for i in range(cv.ESTIMATE_FIRST_ROWS + 20)]
    calls: list[tuple[int, int]] = []
    original = view._estimate_rows
    view._estimate_rows = lambda start, end, *rest: (calls.append((start, end)), original(start, end, *rest))
    view.set_comparison(Comparison("note", ["North Gazette"], more))
    qtbot.waitUntil(lambda: len(calls) >= 2)
    qtbot.wait(100)  # the old comparison's pending chunk has had its turn
    assert calls[0][0] == 0
    assert calls[1][1] == len(more)
    assert len(calls) == 2  # the old comparison's chunk did not run


def test_claims_csv_is_written_as_every_export(qtbot, fake_window, tmp_path: Path) -> None:
    """Never through a symbolic link (it would change a file the user did not name), never half a file."""
    w = fake_window
    (tmp_path / "articles").mkdir()
    with qtbot.waitSignal(w.indexed, timeout=10000):
        w.open_folder(tmp_path / "articles")
    with qtbot.waitSignal(w.claimsLoaded, timeout=10000):
        w.compare("soldiers killed")
    elsewhere = tmp_path / "ledger.txt"
    elsewhere.write_text("a file the user did not name\n", encoding="utf-8")
    link = tmp_path / "claims.csv"
    link.symlink_to(elsewhere)
    errors: list[str] = []
    w.errorShown.connect(errors.append)
    assert w.save_claims_csv(str(link)) is None
    assert elsewhere.read_text(encoding="utf-8") == "a file the user did not name\n"
    assert link.is_symlink()
    assert errors
    assert "symbolic link" in errors[-1]
    # a regular file the save dialog agreed to replace is replaced whole, no temporary file left beside it
    kept = tmp_path / "kept.csv"
    kept.write_text("old\n", encoding="utf-8")
    assert w.save_claims_csv(str(kept)) == kept
    assert kept.read_text(encoding="utf-8").startswith("Figure,")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".desk-export-")]
