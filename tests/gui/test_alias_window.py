"""Renaming a claimant in the window, on the real core: the compare legend, the cells, the claims table,
the results list and a new collation follow."""

from __future__ import annotations

from pathlib import Path

from test_alias_everywhere import NEW, claimant_names, write_barges

from desk.export.json import to_plain
from desk.gui.main_window import MainWindow
from desk.library import Library
from gui.test_flow import open_and_index


def test_a_rename_reaches_the_legend_the_cells_and_the_claims_table(qtbot, settings, data_dir: Path,
                                                                      tmp_path: Path) -> None:
    folder = write_barges(tmp_path)
    w = MainWindow(settings, data_dir=str(data_dir), err_windows=False)
    qtbot.addWidget(w)
    w.show()
    try:
        open_and_index(qtbot, w, folder)
        with qtbot.waitSignals([w.compared, w.claimsLoaded], timeout=120_000):
            w.compare("barges lock")
        view = w.compare_view
        view.update_legend()
        old = sorted(n for n in view.legend.counts if "Kalm" in n)
        assert old, dict(view.legend.counts)
        assert set(old) <= {s.claimant for s in w.claims_view.model.statements}
        for name in old:
            with qtbot.waitSignals([w.compared, w.claimsLoaded], timeout=120_000):
                w.alias_action("rename", name, NEW)
        view.update_legend()
        assert NEW in view.legend.counts
        assert not set(old) & set(view.legend.counts)
        comp = view.model.comparison
        assert comp is not None
        shown = claimant_names(to_plain(comp))
        assert NEW in shown
        assert not set(old) & shown
        table = {s.claimant for s in w.claims_view.model.statements}
        assert NEW in table
        assert not set(old) & table
        # the results list and a collation made in the window after the rename
        with qtbot.waitSignal(w.searched, timeout=120_000):
            w.search("barges")
        listed = claimant_names(to_plain(w.results.model.result))
        assert NEW in listed
        assert not set(old) & listed
        with qtbot.waitSignal(w.compared, timeout=120_000):
            w.collate(sorted(w.articles))
        collated = view.model.comparison
        assert collated is not None
        assert collated.mode == "collate"
        names = claimant_names(to_plain(collated))
        assert NEW in names
        assert not set(old) & names
    finally:
        w.close_library()
    # the core saw the same edits: a collation made now shows the new name too
    with Library(folder, data_dir=data_dir) as lib:
        coll = to_plain(lib.collate(sorted(a.id for a in lib.articles())))
        assert NEW in claimant_names(coll)
