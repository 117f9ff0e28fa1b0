"""The row status and tool tip say when a row's figures hold, beside when the row was published
(desk.gui.compare_view); on sentences written for this test."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt

from desk.gui.compare_view import CompareView
from desk.model import Attribution, Claim, Comparison, Figure, FigureStatement, PassageRef, Row


def _ref(aid: str, outlet: str, text: str, figure: str, published: dt.date) -> PassageRef:
    f = text.index(figure)
    fig = Figure(f, f + len(figure), figure, float(figure.replace(",", "")), "", "count", None, None, "ferries")
    s = text.index("The harbour office")
    att = Attribution("harbour office", s, s + 18, "The harbour office", "said", s + 19, s + 23, 0, len(text))
    return PassageRef(aid, 0, 0, len(text), text, outlet, f"Title {aid}", published, f"/x/{aid}.md", f"{aid}.md", 1.0,
                      [], [Claim(fig, "harbour office", 0)], [att], [], [])


def _comparison(held: list[tuple[dt.date | None, dt.date | None]]) -> Comparison:
    a = _ref("a", "Coast Herald", "The harbour office said 40 ferries sailed on the first weekend.", "40",
             dt.date(2024, 6, 12))
    b = _ref("b", "Bay Wire", "The harbour office said 41 ferries sailed that weekend.", "41", dt.date(2024, 7, 2))
    st = [FigureStatement("Coast Herald", "harbour office", a.claims[0].figure, "a", 0),
          FigureStatement("Bay Wire", "harbour office", b.claims[0].figure, "b", 0)]
    st = [replace(s, as_of_start=h[0], as_of_end=h[1]) for s, h in zip(st, held, strict=True)]
    row = Row(cells={"Coast Herald": [a], "Bay Wire": [b]}, statements=st)
    return Comparison("ferries", ["Coast Herald", "Bay Wire"], [row])


def test_the_status_names_the_days_the_figures_hold_on(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    weekend = (dt.date(2024, 6, 8), dt.date(2024, 6, 9))
    view.set_comparison(_comparison([weekend, weekend]))
    status = view.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert status.splitlines() == ["2 outlets", "as of Jun 8\u20139", "pub. Jun 12\u2013Jul 2"]
    tip = view.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Coast Herald \u2014 harbour office: 40 (as of 2024-06-08 \u2013 2024-06-09)" in tip
    assert "Published Jun 12\u2013Jul 2; the figures hold as of 2024-06-08 \u2013 2024-06-09" in tip


def test_an_open_end_and_an_undated_figure(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.set_comparison(_comparison([(dt.date(2024, 6, 1), None), (None, None)]))
    status = view.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert "as of Jun 1" in status.splitlines()
    tip = view.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "40 (as of 2024-06-01 \u2013 \u2026)" in tip
    assert "Bay Wire \u2014 harbour office: 41<br>" in tip  # no as-of where the text gives none


def test_figures_that_hold_on_the_days_of_publication_add_no_line(qtbot) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.set_comparison(_comparison([(dt.date(2024, 6, 12),) * 2, (dt.date(2024, 7, 2),) * 2]))
    status = view.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert status.splitlines() == ["2 outlets", "Jun 12\u2013Jul 2"]
    none = _comparison([(None, None), (None, None)])
    view.set_comparison(none)
    assert "as of" not in view.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert "hold as of" not in view.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
