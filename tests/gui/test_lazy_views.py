"""The compare and claims views stay quick on long answers: what is done lazily still reaches every row.

The compare table builds a cell's text only when it is painted and fits a row's
height only when the row is on screen; the claims table sizes its columns from
a sample and only when shown, and sorts in its model.  Rows never painted must
still sort, filter, tick and export.  All sentences here are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

from PySide6.QtCore import Qt

from desk.gui.claims_view import SIZE_SAMPLE_ROWS, ClaimsView, StatementRole
from desk.gui.compare_view import (
    CompareModel,
    CompareView,
    comparison_facts,
    prepare_comparison,
    prepared_facts,
)
from desk.gui.export_dialog import render
from desk.model import Attribution, Claim, Comparison, Figure, FigureStatement, PassageRef, Row

OUTLETS = ["Lakeside Courier", "Valley Herald"]


def _ref(aid: str, outlet: str, text: str, day: int, claimant: str = "", figure: str = "") -> PassageRef:
    atts, claims = [], []
    if claimant:
        s = text.index(claimant)
        atts.append(Attribution(claimant, s, s + len(claimant), claimant, "said", s, s + 4, 0, len(text)))
    if figure:
        f = text.index(figure)
        fig = Figure(f, f + len(figure), figure, float(figure), "", "count", None, None, "ferries")
        claims.append(Claim(fig, claimant, 0 if claimant else None))
    return PassageRef(aid, 0, 0, len(text), text, outlet, f"Ferry report {aid}", dt.date(2021, 3, 1) +
                      dt.timedelta(days=day), f"/x/{aid}.md", f"{aid}.md", 1.0, [], claims, atts, [], [])


def long_comparison(n: int = 400) -> Comparison:
    """``n`` rows of two outlets; only the last row disagrees, is the newest and names "Pier Warden Ostrova"."""
    rows = []
    for i in range(n):
        last = i == n - 1
        day = 300 if last else i % 200
        who = "Pier Warden Ostrova" if last else f"Harbour Clerk {i % 7}"
        a = _ref(f"a{i}", OUTLETS[0], f"{who} said {10 + i} ferries sailed on the morning tide, row {i}.", day,
                 who, str(10 + i))
        b = _ref(f"b{i}", OUTLETS[1], f"The ferry office listed {10 + i + (5 if last else 0)} ferries, row {i}.",
                 day, "", str(10 + i + (5 if last else 0)))
        st = [FigureStatement(OUTLETS[0], who, a.claims[0].figure, a.article_id, 0),
              FigureStatement(OUTLETS[1], "", b.claims[0].figure, b.article_id, 0)]
        rows.append(Row(cells={OUTLETS[0]: [a], OUTLETS[1]: [b]}, statements=st, disagreement=last,
                        score=float(n - i)))
    return Comparison("ferries", list(OUTLETS), rows)


def shown_view(qtbot) -> CompareView:  # type: ignore[no-untyped-def]
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    return view


def test_a_row_far_below_the_first_screen_is_reachable_and_gets_its_text_and_height(qtbot) -> None:
    view = shown_view(qtbot)
    comp = long_comparison()
    view.set_comparison(comp)
    last = len(comp.rows) - 1
    default = view.table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: view.table.rowHeight(last) != default, timeout=10_000)  # every row estimated
    assert (last, 1) not in view.model._html  # not built before it is shown
    view.table.scrollTo(view.model.index(last, 1))
    qtbot.waitUntil(lambda: last in view._fitted, timeout=10_000)
    assert view.table.rowAt(view.table.viewport().height() - 1) in (last, -1)
    assert "Pier Warden Ostrova" in view.model._html[(last, 1)]
    assert view.table.rowHeight(last) >= view.delegate.sizeHint(_option(view), view.model.index(last, 1)).height()


def _option(view: CompareView):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QStyleOptionViewItem

    opt = QStyleOptionViewItem()
    opt.widget = view.table  # type: ignore[attr-defined]
    opt.font = view.table.font()  # type: ignore[attr-defined]
    return opt


def test_sorting_and_filtering_reach_rows_never_painted(qtbot) -> None:
    view = shown_view(qtbot)
    comp = long_comparison()
    view.set_comparison(comp)
    last = len(comp.rows) - 1
    view.sort_box.setCurrentText("Date (newest first)")
    assert view.model.source_row(0) == last  # the newest row was never on screen: it sorts first all the same
    view.sort_box.setCurrentText("Relevance")
    assert view.model.source_row(0) == 0
    assert view.model.source_row(last) == last
    view.only_dis.setChecked(True)
    assert view.model.rowCount() == 1
    assert view.model.source_row(0) == last
    assert "1 shown" in view.summary.text()
    view.only_dis.setChecked(False)
    assert view.model.rowCount() == len(comp.rows)


def test_a_row_never_painted_can_be_ticked_and_exported(qtbot) -> None:
    view = shown_view(qtbot)
    comp = long_comparison()
    view.set_comparison(comp)
    last = len(comp.rows) - 1
    assert view.table.rowAt(0) == 0
    assert view.model.setData(view.model.index(last, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert (last, 1) not in view.model._html  # never painted
    selected = view.model.selected_comparison()
    assert selected is not None
    assert selected.rows == [comp.rows[last]]
    text = render(comp, view.model.checked_rows())
    assert "The ferry office listed **414** ferries, row 399." in text
    assert "row 0." not in text


def test_only_the_rows_on_screen_are_fitted_before_the_rows_around_them(qtbot) -> None:
    view = shown_view(qtbot)
    view._fit_timer.stop()
    view.set_comparison(long_comparison())
    view._fit_timer.stop()  # one pass at a time, by hand
    view._fitted.clear()
    bottom = view.table.rowAt(view.table.viewport().height() - 1)
    view._fit_visible_rows()
    assert set(range(0, bottom + 1)) <= view._fitted  # the rows on screen when it ran
    assert bottom + 2 not in view._fitted  # the margin waits for a later turn
    assert view._fit_timer.isActive()
    while view._fit_timer.isActive():  # heights settle: then the margin
        view._fit_timer.stop()
        view._fit_visible_rows()
        bottom = view.table.rowAt(view.table.viewport().height() - 1)
    assert {bottom + 1, bottom + 2} <= view._fitted


def test_facts_counted_on_another_thread_are_those_of_the_gui_thread_and_used_once() -> None:
    comp = long_comparison(60)
    worker = threading.Thread(target=prepare_comparison, args=(comp,))
    worker.start()
    worker.join()
    prepared = prepared_facts(comp)
    assert prepared == comparison_facts(comp)
    assert prepared is not None
    assert prepared.row_claimants[-1] == Counter({"Pier Warden Ostrova": 2})  # statement and attribution
    assert prepared.ranked_claimants[0].startswith("Harbour Clerk")  # the most frequent first
    assert prepared_facts(comp) is None  # taken
    prepare_comparison(comp)
    twin = long_comparison(60)  # equal, but another answer: not its facts
    assert prepared_facts(twin) is None
    prepare_comparison("not a comparison")  # other answers pass by


def test_a_model_given_prepared_facts_looks_as_one_that_counted_them() -> None:
    comp = long_comparison(80)
    counted, prepared = CompareModel(), CompareModel()
    counted.set_comparison(comp)
    prepare_comparison(comp)
    prepared.set_comparison(comp)
    assert prepared_facts(comp) is None  # the model used them
    assert prepared.colors.claimant_names() == counted.colors.claimant_names()
    assert [prepared.colors.figure(v) for v in (10.0, 50.0, 89.0)] == [counted.colors.figure(v) for v in (10.0, 50.0, 89.0)]
    assert prepared.claimant_counts(range(80)) == counted.claimant_counts(range(80))


def _statements(n: int) -> tuple[list[FigureStatement], dict[str, dt.date | None]]:
    out = []
    dates: dict[str, dt.date | None] = {}
    for i in range(n):
        value = float((i * 37) % 50)  # many equal values: the sort must keep their order
        fig = Figure(0, 2, f"{value:g}", value, "", "count", None, None, "ferries")
        aid = f"c{i}"
        dates[aid] = dt.date(2021, 1, 1) + dt.timedelta(days=(i * 11) % 90)
        out.append(FigureStatement(OUTLETS[i % 2], f"Harbour Clerk {i % 5}", fig, aid, 0))
    return out, dates


def test_claims_sort_in_the_model_stably_both_ways_and_keep_the_selection(qtbot) -> None:
    view = ClaimsView()
    qtbot.addWidget(view)
    statements, dates = _statements(120)
    view.set_statements(statements, dates)
    proxy = view.proxy

    def listed(col: int) -> list[object]:
        return [proxy.index(r, col).data() for r in range(proxy.rowCount())]

    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    values = [s.figure.value for s in (proxy.index(r, 0).data(StatementRole)
                                       for r in range(proxy.rowCount()))]
    assert values == sorted(values)
    # stable: equal values keep the order they came in
    ids = [proxy.index(r, 0).data(StatementRole).article_id for r in range(proxy.rowCount())]
    by_date = sorted(statements, key=lambda s: dates[s.article_id])  # the table's first order
    want = [s.article_id for s in sorted(by_date, key=lambda s: s.figure.value)]
    assert ids == want
    view.table.selectRow(5)
    chosen = proxy.index(5, 0).data(StatementRole)
    view.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert listed(5) == sorted(listed(5), reverse=True)
    picked = view.table.selectionModel().selectedRows()
    assert [i.data(StatementRole) for i in picked] == [chosen]
    # new claims come sorted the way the table is
    view.set_statements(list(reversed(statements)), dates)
    assert listed(5) == sorted(listed(5), reverse=True)
    view.filter.setText("clerk 3")
    assert proxy.rowCount() == 24
    assert listed(5) == sorted(listed(5), reverse=True)


def test_claims_columns_are_sized_when_shown_from_the_first_rows(qtbot) -> None:
    view = ClaimsView()
    qtbot.addWidget(view)
    view.resize(1200, 500)
    statements, dates = _statements(SIZE_SAMPLE_ROWS * 3)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    # one claimant name far longer than the others, on the last row of the sorted table
    long_name = "Deputy Harbour Master of Lakes"
    fig = Figure(0, 2, "99", 99.0, "", "count", None, None, "ferries")
    statements.append(FigureStatement(OUTLETS[0], long_name, fig, "c-long", 0))
    before = view.table.columnWidth(3)
    view.set_statements(statements, dates)  # hidden: nothing measured yet
    assert view.table.columnWidth(3) == before
    view.show()
    qtbot.waitExposed(view)
    fm = view.table.fontMetrics()
    width = view.table.columnWidth(3)
    assert width != before
    assert width >= fm.horizontalAdvance("Harbour Clerk 0")
    # the row far below the sample does not widen the column for everyone
    assert width < fm.horizontalAdvance(long_name)


def test_the_first_folder_freezes_the_long_lived_objects_once(qtbot, fake_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import gc

    from desk.gui import application

    gc.unfreeze()  # as a fresh process: nothing frozen yet
    application._frozen = False
    with qtbot.waitSignal(fake_window.folderOpened, timeout=10_000):
        assert fake_window.open_folder(str(tmp_path))
    # the objects alive once the first folder is open are out of the cyclic collections
    frozen = gc.get_freeze_count()
    assert frozen > 0
    assert application.freeze_long_lived() is False  # once per process: a second folder freezes nothing
    with qtbot.waitSignal(fake_window.folderOpened, timeout=10_000):
        assert fake_window.open_folder(str(tmp_path))
    assert gc.get_freeze_count() <= frozen  # none added (some frozen objects died: reference counting frees them)
