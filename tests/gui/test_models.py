"""Every Qt model passes qtmodeltester, and presents the core objects faithfully."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.gui.claims_view import ClaimsFilter, ClaimsModel, SortRole
from desk.gui.compare_view import BADGE, CompareModel, row_marked_figures
from desk.gui.library_view import ArticleFilter, ArticleListModel
from desk.gui.richtext import HtmlRole
from desk.gui.search import ResultsModel
from desk.model import SearchResult
from gui.fakes import ARTICLES, FakeLibrary, make_comparison, passage_ref


def test_compare_model_passes_modeltester(qtmodeltester) -> None:
    m = CompareModel()
    qtmodeltester.check(m)
    m.set_comparison(make_comparison())
    qtmodeltester.check(m)


def test_compare_model_presents_the_comparison(qtbot) -> None:
    comp = make_comparison()
    m = CompareModel()
    m.set_comparison(comp)
    assert m.rowCount() == 2
    assert m.columnCount() == 4
    assert [m.headerData(c, Qt.Orientation.Horizontal) for c in range(1, 4)] == comp.outlets
    assert BADGE in m.index(0, 0).data()
    assert BADGE not in (m.index(1, 0).data() or "")
    assert "14,400" in m.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    html = m.index(0, 2).data(HtmlRole)
    assert "14,400" in html
    assert "about" in html
    # the same value gets one colour; different values different ones
    assert m.colors.figure(14000) != m.colors.figure(14400)
    assert m.index(1, 3).data() == ""  # an outlet with nothing in that row


def test_disagreeing_figures_are_marked() -> None:
    comp = make_comparison()
    marked = row_marked_figures(comp.rows[0])
    assert len(marked) == 3
    assert row_marked_figures(comp.rows[1]) == set()
    m = CompareModel()
    m.set_comparison(comp)
    assert "\u2260" in m.index(0, 1).data(HtmlRole)
    assert "\u2260" not in m.index(1, 1).data(HtmlRole)


def test_check_boxes_choose_rows_for_export(qtbot) -> None:
    m = CompareModel()
    m.set_comparison(make_comparison())
    with qtbot.waitSignal(m.checkedChanged):
        assert m.setData(m.index(1, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    sel = m.selected_comparison()
    assert sel is not None
    assert len(sel.rows) == 1
    assert sel.rows[0] is m.comparison.rows[1]
    m.set_all_checked(False)
    assert len(m.selected_comparison().rows) == 2  # none ticked: the whole comparison


def test_claims_model_and_filter(qtmodeltester) -> None:
    lib = FakeLibrary("x")
    m = ClaimsModel()
    qtmodeltester.check(m)
    m.set_statements(lib.claims(), {a.id: a.date for a in ARTICLES})
    qtmodeltester.check(m)
    proxy = ClaimsFilter()
    proxy.setSourceModel(m)
    qtmodeltester.check(proxy)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    values = [proxy.index(r, 0).data(SortRole) for r in range(proxy.rowCount())]
    assert values == sorted(values) == [5710, 14000, 14400]
    proxy.setFilterFixedString("general staff")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 1).data() == "about"
    assert proxy.index(0, 5).data() == "2023-03-11"


def test_the_claims_table_shows_each_figures_sentence_on_one_line(qtmodeltester) -> None:
    import dataclasses

    from desk.gui.claims_view import SENTENCE

    lib = FakeLibrary("x")
    statements = lib.claims()
    m = ClaimsModel()
    m.set_statements(statements, {a.id: a.date for a in ARTICLES})
    qtmodeltester.check(m)
    assert m.headerData(SENTENCE, Qt.Orientation.Horizontal) == "Sentence"
    for r, st in enumerate(m.statements):
        shown = m.index(r, SENTENCE).data()
        assert st.figure.text in shown
        assert shown == st.sentence
    # the filter reads the sentence: a word found only there
    proxy = ClaimsFilter()
    proxy.setSourceModel(m)
    proxy.setFilterFixedString("in the battle")
    assert proxy.rowCount() == 1
    # untrusted text: a line break and a right-to-left override are shown, not obeyed
    odd = dataclasses.replace(statements[0], sentence="<b>Ten</b> died\nin the \u202eport.")
    m.set_statements([odd])
    shown = m.index(0, SENTENCE).data()
    assert "\n" not in shown
    assert "\u202e" not in shown
    assert "<b>Ten</b> died in the" in shown  # a table cell is plain text
    assert "&lt;b&gt;Ten&lt;/b&gt; died" in m.index(0, SENTENCE).data(Qt.ItemDataRole.ToolTipRole)


def test_article_list_filter(qtmodeltester) -> None:
    m = ArticleListModel()
    m.set_articles(ARTICLES)
    qtmodeltester.check(m)
    f = ArticleFilter()
    f.setSourceModel(m)
    qtmodeltester.check(f)
    f.set_filter(outlet="Wire Service")
    assert f.rowCount() == 1
    import datetime as dt

    f.set_filter(since=dt.date(2023, 3, 11), until=dt.date(2023, 3, 12))
    assert {f.index(r, 0).data() for r in range(f.rowCount())} == {"Wire Service", "Capital Herald"}
    f.set_filter(words="toll")
    assert f.rowCount() == 1


def test_results_grouped_by_outlet(qtmodeltester) -> None:
    m = ResultsModel()
    hits = [passage_ref(a, 1) for a in ARTICLES] + [passage_ref(ARTICLES[0], 2)]
    m.set_result(SearchResult("soldiers", hits, 4))
    qtmodeltester.check(m)
    groups = {m.index(r, 0).data(): m.rowCount(m.index(r, 0)) for r in range(m.rowCount())}
    assert groups == {"Capital Herald (1)": 1, "Kyiv Daily (2)": 2, "Wire Service (1)": 1}


def test_library_panel_keeps_its_filter_across_list_reloads(qtbot) -> None:
    from desk.gui.library_view import ALL_OUTLETS, LibraryPanel

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_articles(ARTICLES)
    assert panel.proxy.rowCount() == 3
    panel.outlet.setCurrentText("Wire Service")
    assert panel.proxy.rowCount() == 1
    panel.set_articles(ARTICLES)  # a reload while indexing: the chosen outlet stays chosen
    assert panel.outlet.currentText() == "Wire Service"
    assert panel.proxy.rowCount() == 1
    assert panel.count.text() == "1 of 3 articles"
    panel.set_articles([a for a in ARTICLES if a.outlet != "Wire Service"])  # the outlet is gone
    assert panel.outlet.currentText() == ALL_OUTLETS
    assert panel.proxy.rowCount() == 2
    assert panel.count.text() == "2 of 2 articles"


def test_library_listing_sorts_each_column_both_ways_undated_articles_first_ascending(qtbot) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from desk.model import Article

    def art(i: str, outlet: str, day: dt.date | None, title: str) -> Article:
        return Article(id=i, path=f"/f/{i}.md", relpath=f"{i}.md", title=title, outlet=outlet, date=day, text="")

    arts = [
        art("a", "harbour post", dt.date(2021, 5, 4), "Ferry held"),
        art("b", "Lake Daily", None, "barley prices"),
        art("c", "lake daily", dt.date(2021, 5, 3), "Storm warning"),
        art("d", "Hill Times", dt.date(2021, 5, 4), "Autumn market"),
    ]
    model = ArticleListModel()
    model.set_articles(arts)  # by date, newest first (then by outlet, backwards too)
    assert [a.id for a in model.articles] == ["d", "a", "c", "b"]
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [a.id for a in model.articles] == ["b", "c", "a", "d"]
    model.sort(0, Qt.SortOrder.AscendingOrder)  # outlets case-blind, then by date
    assert [a.id for a in model.articles] == ["a", "d", "b", "c"]
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [a.id for a in model.articles] == ["c", "a", "b", "d"]


def test_the_claims_table_tells_how_many_copies_an_outlet_printed(qtmodeltester) -> None:
    import dataclasses

    lib = FakeLibrary("x")
    first, *rest = lib.claims()
    m = ClaimsModel()
    m.set_statements([dataclasses.replace(first, copies=3), *rest], {a.id: a.date for a in ARTICLES})
    qtmodeltester.check(m)
    dates = [m.index(r, 5).data() for r in range(m.rowCount())]
    date = next(a.date for a in ARTICLES if a.id == first.article_id)
    assert f"{date.isoformat()} (+2 copies)" in dates
    assert sum("copies" in d or "copy" in d for d in dates) == 1


def test_the_claims_csv_carries_the_number_of_copies(qtbot) -> None:
    import csv
    import dataclasses
    import io

    from desk.gui.claims_view import ClaimsView

    lib = FakeLibrary("x")
    first, *rest = lib.claims()
    view = ClaimsView()
    qtbot.addWidget(view)
    view.set_statements([dataclasses.replace(first, copies=3), *rest], {a.id: a.date for a in ARTICLES})
    header, *rows = list(csv.reader(io.StringIO(view.listed_csv())))
    assert header[-1] == "Copies"
    assert sorted(r[-1] for r in rows) == ["1"] * len(rest) + ["3"]
