"""A comparison asked again of an unchanged library is remembered; any change to the library,
the alias book or a setting of the compare modules makes it be computed again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import desk.compare as comp
from desk.compare import compare_query, grouping
from desk.export.json import to_plain
from desk.library import Library

from .helpers import write_article, write_ferry_articles


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    write_ferry_articles(f, second_count="430")
    return f


def _plain(c: Any) -> Any:
    data = to_plain(c)
    data.pop("created")
    return data


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each grouping run of compare_query, by query."""
    comp.clear_results()
    calls: list[str] = []
    original = comp.build_rows

    def counting(refs, *a, **k):  # type: ignore[no-untyped-def]
        calls.append("grouped")
        return original(refs, *a, **k)

    monkeypatch.setattr(comp, "build_rows", counting)
    return calls


def test_the_same_query_again_is_answered_from_memory_with_the_same_rows(folder: Path, counted: list[str]) -> None:
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        first = compare_query(lib, "ferry passengers")
        again = compare_query(lib, "ferry passengers")
        assert counted == ["grouped"]
        assert first.rows
        assert _plain(again) == _plain(first)
        # each caller gets its own copy: changing one answer changes no later one
        first.rows.clear()
        assert compare_query(lib, "ferry passengers").rows
        # other filters are another comparison
        compare_query(lib, "ferry passengers", since="2021-05-01")
        assert counted == ["grouped", "grouped"]


def test_a_changed_article_is_compared_again(folder: Path, counted: list[str]) -> None:
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        before = compare_query(lib, "ferry passengers")
        write_article(folder, "b.md", "Lake Daily", "Ilse Varga told reporters the ferry carried 455 passengers across "
                      "the lake before the storm closed the harbour.")
        lib.update(extract=True)
        after = compare_query(lib, "ferry passengers")
    assert counted == ["grouped", "grouped"]
    texts = [p.text for r in after.rows for c in r.cells.values() for p in c]
    assert any("455" in t for t in texts)
    assert not any("455" in p.text for r in before.rows for c in r.cells.values() for p in c)


def test_an_article_indexed_by_another_process_is_seen(folder: Path, counted: list[str]) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=True)
        compare_query(lib, "ferry passengers")
        write_article(folder, "c.md", "Hill Times", "The ferry carried 398 passengers across the lake, Ilse Varga said.")
        with Library(folder, data_dir=data) as other:  # another connection commits
            other.update(extract=True)
        lib.refresh()
        after = compare_query(lib, "ferry passengers")
    assert counted == ["grouped", "grouped"]
    assert "Hill Times" in after.outlets


def test_an_alias_edit_is_compared_again(folder: Path, counted: list[str]) -> None:
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        before = compare_query(lib, "ferry passengers")
        names = {s.claimant for r in before.rows for s in r.statements}
        assert "Ilse Varga" in names
        lib.edit_alias("rename", "Ilse Varga", "Harbour Master Varga")
        after = compare_query(lib, "ferry passengers")
    assert counted == ["grouped", "grouped"]
    names = {s.claimant for r in after.rows for s in r.statements}
    assert "Harbour Master Varga" in names
    assert "Ilse Varga" not in names


def test_a_changed_setting_is_compared_again(
    folder: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        compare_query(lib, "ferry passengers")
        monkeypatch.setattr(grouping, "FACT_BONUS", grouping.FACT_BONUS + 0.01)
        compare_query(lib, "ferry passengers")
        assert counted == ["grouped", "grouped"]
        monkeypatch.setattr(comp, "RESULTS_KEPT", 0)  # remembering turned off
        compare_query(lib, "ferry passengers")
        assert counted == ["grouped", "grouped", "grouped"]
        monkeypatch.setattr(comp, "RESULTS_KEPT", 12)
        lib.remember_comparisons = False  # the CLI's one-question process
        compare_query(lib, "ferry passengers")
        compare_query(lib, "ferry passengers")
    assert counted == ["grouped", "grouped", "grouped", "grouped", "grouped"]


def test_a_library_that_remembers_later_keeps_the_copy_only_when_told(
    folder: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The comparing child's way: no copy is pickled before the answer goes out; remember_compared (or
    the next comparison) keeps it, with the same rows as the answer."""
    pickled: list[str] = []
    original = comp._remember

    def spying(key, comparison):  # type: ignore[no-untyped-def]
        pickled.append(comparison.query)
        original(key, comparison)

    monkeypatch.setattr(comp, "_remember", spying)
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        lib.remember_later = True
        first = compare_query(lib, "ferry passengers")
        assert pickled == []  # nothing kept before the caller had the answer
        expected = _plain(first)
        lib.remember_compared()
        assert pickled == ["ferry passengers"]
        lib.remember_compared()  # nothing left to keep
        assert pickled == ["ferry passengers"]
        again = compare_query(lib, "ferry passengers")
        assert counted == ["grouped"]
        assert _plain(again) == expected
        # a comparison left pending is kept by the next one before it looks for its own query
        compare_query(lib, "ferry passengers", since="2021-05-01")
        assert pickled == ["ferry passengers"]
        compare_query(lib, "ferry passengers", since="2021-05-01")
        assert pickled == ["ferry passengers", "ferry passengers"]
        assert counted == ["grouped", "grouped"]
