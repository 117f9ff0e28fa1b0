"""The Claims tab after a compare lists the figures of the comparison on screen, under its filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desk.gui.claims_view import SENTENCE
from desk.library import comparison_claims
from tests.gui.fakes import ARTICLES, make_comparison


def test_claims_tab_lists_the_comparisons_figures_under_its_filters(qtbot, fake_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = fake_window
    folder = tmp_path / "articles"
    folder.mkdir()
    with qtbot.waitSignal(w.indexed, timeout=10000):
        assert w.open_folder(folder)
    lib = w.libs[-1]
    asked: list[tuple[str, tuple[str, ...], Any, Any]] = []
    compare = lib.compare

    def recording(query: str, outlets: Any = (), since: Any = None, until: Any = None, *a: Any, **k: Any) -> Any:
        asked.append((query, tuple(outlets), since, until))
        return compare(query, outlets, since, until, *a, **k)

    lib.compare = recording
    # a search of the typed words finds no figure: a compare query ranks passages a search leaves out
    lib.claims = lambda *a, **k: []
    chosen = ((ARTICLES[0].outlet,), dt.date(2022, 1, 1), None)
    w.library_panel.filters = lambda: chosen

    with qtbot.waitSignal(w.compared, timeout=10000), qtbot.waitSignal(w.claimsLoaded, timeout=10000):
        w.search_field.setText("soldiers killed")
        qtbot.keyClick(w.search_field, Qt.Key.Key_Return)

    model = w.claims_view.model
    assert model.rowCount() == 3  # the comparison's three figures, though the search found none
    shown = sorted(model.index(r, 0).data() for r in range(model.rowCount()))
    assert shown == ["14,000", "14,400", "5,710"], shown
    sentences = [model.index(r, SENTENCE).data() for r in range(model.rowCount())]
    assert all(sentences), sentences  # each figure with the sentence it stands in
    # the listing came from the comparison made with the window's filters, both times
    assert len(asked) >= 2, asked  # the compare, then the claims of its comparison
    assert all(a == ("soldiers killed", *chosen) for a in asked), asked


def test_comparison_claims_lists_each_figure_once_with_its_sentence() -> None:
    comparison = make_comparison()
    row = comparison.rows[0]
    row.statements = row.statements + [row.statements[0]]  # the same figure met twice
    listed = comparison_claims(comparison)
    assert [(s.article_id, s.figure.text) for s in listed] == [("a3", "5,710"), ("a1", "14,000"), ("a2", "14,400")]
    for st in listed:
        ref = row.cells[st.outlet][0]
        assert st.sentence
        assert st.sentence in ref.text
        assert st.figure.text in st.sentence
