"""Library.settled: one look at the store's state and the alias book for a whole comparison."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.extract.aliases import AliasBook
from desk.library import Library
from desk.model import Extraction


def _write(folder: Path, name: str, title: str, body: str, outlet: str) -> None:
    (folder / name).write_text(
        f"---\ntitle: \"{title}\"\nsite: \"{outlet}\"\npublished: \"2023-03-0{len(name) % 9 + 1}\"\n---\n\n{body}\n",
        encoding="utf-8",
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    _write(f, "a.md", "Lock gates shut", "Canal warden Oskar Pell said 30 barges waited at the lock on Friday.",
           "River Courier")
    _write(f, "b.md", "Barges held", "Oskar Pell said that 30 barges waited at the lock late on Friday.",
           "Towpath Daily")
    return f


def _counting(lib: Library, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    fresh = lib._canon_now

    def counted():  # type: ignore[no-untyped-def]
        calls.append(1)
        return fresh()

    monkeypatch.setattr(lib, "_canon_now", counted)
    return calls


def test_inside_settled_the_alias_book_is_looked_up_once(folder, monkeypatch):
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        ids = sorted(a.id for a in lib.articles())
        calls = _counting(lib, monkeypatch)
        with lib.settled():
            for _ in range(3):
                for aid in ids:
                    lib.extraction(aid)
        assert len(calls) == 1
        calls.clear()
        for aid in ids:
            lib.extraction(aid)
        assert len(calls) == len(ids)


def test_an_alias_edit_made_inside_settled_counts_from_the_next_body_on(folder):
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        aid = sorted(a.id for a in lib.articles())[0]
        ext = lib.extraction(aid) or Extraction()
        name = next(a.name for a in ext.attributions if "Pell" in a.name)
        with lib.settled():
            assert name in {a.name for a in (lib.extraction(aid) or Extraction()).attributions}
            book = AliasBook.load(lib.aliases_path)
            book.rename(name, "Oskar Pellinen")
            book.save()
            # the same comparison keeps the book it began with
            assert name in {a.name for a in (lib.extraction(aid) or Extraction()).attributions}
        assert "Oskar Pellinen" in {a.name for a in (lib.extraction(aid) or Extraction()).attributions}


def test_inside_settled_the_store_state_is_the_one_found_first(folder):
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update()
        with lib.settled():
            before = lib._store_state()
            # another connection commits meanwhile: a new file indexed by a second library
            _write(folder, "c.md", "Weir repaired", "Engineers repaired the weir below the lock in two days.",
                   "River Courier")
            with Library(folder, data_dir=data) as other:
                other.update()
            assert lib._store_state() == before
            with lib.settled():  # nested: still the outer body's look
                assert lib._store_state() == before
        assert lib._store_state() != before


def test_a_comparison_looks_at_the_alias_book_once(folder, monkeypatch):
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        calls = _counting(lib, monkeypatch)
        comparison = lib.compare("barges lock")
        assert comparison.rows
        assert len(calls) <= 1
        assert getattr(lib._settled, "state", None) is None  # the look ends with the comparison
