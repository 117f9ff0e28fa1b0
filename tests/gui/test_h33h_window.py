"""Session h33h, the window:

- the date filter with its From date after its To date showed "0 of 3 articles", and a search or a
  comparison over it found nothing, with no word of why: the sentence ``desk search --since A
  --until B`` gives (:func:`desk.errors.dates_reversed`) is shown, and nothing is searched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate

from desk.errors import DeskError
from desk.library import Library


def _open_and_index(qtbot, w, folder: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.indexed, timeout=10000):
        assert w.open_folder(folder)


def test_a_reversed_date_filter_gets_the_cli_sentence(qtbot, fake_window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = fake_window
    _open_and_index(qtbot, w, tmp_path)
    panel = w.library_panel
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 3)
    panel.use_dates.setChecked(True)
    panel.since.setDate(QDate(2023, 5, 2))
    panel.until.setDate(QDate(2023, 4, 1))
    said = "The From date 2023-05-02 is after the To date 2023-04-01: no date lies between them."
    assert panel.count.text() == f"0 of 3 articles: {said}"
    errors: list[str] = []
    w.errorShown.connect(errors.append)
    asked: list[str] = []
    real_call = w.session.call
    monkeypatch.setattr(w.session, "call", lambda method, *a, **k: asked.append(method) or real_call(method, *a, **k))
    w.search("killed")
    w.compare("killed")
    assert errors == [said, said]
    assert w.search_bar.message.text() == said
    assert asked == []  # nothing was searched
    # in order again: the count line counts
    panel.until.setDate(QDate(2023, 6, 1))
    assert "is after" not in panel.count.text()


def test_the_library_refuses_a_reversed_range_with_the_same_words(tmp_path: Path) -> None:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Dock\n\nThe harbour office said 40 cranes stood idle on Friday.\n", encoding="utf-8")
    with Library(f, data_dir=tmp_path / "d") as lib:
        lib.update(extract=False)
        for call in (lib.search, lib.compare, lib.timeline):
            try:
                call("cranes", since="2023-05", until="2023-04")
            except DeskError as exc:
                assert "since 2023-05 is after until 2023-04: no date lies between them." == str(exc)
            else:
                raise AssertionError(f"{call.__name__} took a reversed range")
        assert lib.search("cranes", since="2023-04", until="2023-04").hits == []  # one month is in order
