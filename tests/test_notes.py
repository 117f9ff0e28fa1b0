"""Row notes kept per folder (desk/notes.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from compare.helpers import make_ref

from desk.errors import DeskError
from desk.export.markdown import render_markdown
from desk.model import Comparison, Row
from desk.notes import MAX_NOTE, NoteBook, row_key


def _row(*refs):  # type: ignore[no-untyped-def]
    cells: dict = {}
    for r in refs:
        cells.setdefault(r.outlet, []).append(r)
    return Row(cells=cells)


def test_a_note_comes_back_for_the_same_passages_whatever_the_order(tmp_path: Path) -> None:
    a = make_ref("The ferry left at nine.", "Coast Post", article="a1", number=2)
    b = make_ref("The ferry left at ten.", "Bay Wire", article="b7", number=0)
    book = NoteBook.load(tmp_path / "notes.json")
    book.set(_row(a, b), "  Ask the port which time is right.  ")
    again = NoteBook.load(tmp_path / "notes.json")
    row = _row(b, a)
    assert row_key(row) == "a1#2|b7#0"
    assert again.apply(Comparison("ferry", ["Bay Wire", "Coast Post"], [row])) == 1
    assert row.note == "Ask the port which time is right."
    md = render_markdown(Comparison("ferry", ["Bay Wire", "Coast Post"], [row]))
    assert "**Note:** Ask the port which time is right." in md
    # an empty note removes it
    again.set(row, "")
    assert NoteBook.load(tmp_path / "notes.json").notes == {}
    assert row.note == ""


def test_notes_are_bounded_and_escaped_in_the_export(tmp_path: Path) -> None:
    a = make_ref("Gulls on the roof.", "Coast Post")
    row = _row(a)
    book = NoteBook.load(tmp_path / "notes.json")
    book.set(row, "# <b>x</b> [link](http://x) " + "y" * (2 * MAX_NOTE))
    assert len(row.note) == MAX_NOTE
    md = render_markdown(Comparison("gulls", ["Coast Post"], [row]))
    line = next(ln for ln in md.splitlines() if ln.startswith("**Note:**"))
    assert "<b>" not in line
    assert "](" not in line


def test_a_damaged_notes_file_is_one_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "notes.json"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(DeskError, match="damaged"):
        NoteBook.load(p)
    p.write_text(json.dumps({"notes": {"a#1": "kept", "b#2": 3}}), encoding="utf-8")
    assert NoteBook.load(p).notes == {"a#1": "kept"}


def test_an_empty_book_clears_old_notes_without_keying_the_rows(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import desk.notes as notes

    row = _row(make_ref("The ferry left at nine.", "Coast Post", article="a1", number=2))
    row.note = "a note from another folder"
    monkeypatch.setattr(notes, "row_key", lambda _row: pytest.fail("keyed a row"))
    assert NoteBook.load(tmp_path / "notes.json").apply(Comparison("ferry", ["Coast Post"], [row])) == 0
    assert row.note == ""
