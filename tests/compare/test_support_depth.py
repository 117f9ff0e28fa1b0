"""Passages ranked below the depth join as supporting candidates: they complete rows of the best
passages, and never make a row of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

import desk.compare as comp
from desk.compare.retrieve import Candidate
from desk.library import Library

from .helpers import write_article, write_ferry_articles


@pytest.fixture
def lib(tmp_path: Path):  # type: ignore[no-untyped-def]
    f = tmp_path / "articles"
    f.mkdir()
    write_ferry_articles(f)
    write_article(f, "c.md", "Hill Gazette", "The quarry museum's bakery sold 3,000 loaves of rye bread to hikers over "
                  "the long summer season.")
    with Library(f, data_dir=tmp_path / "data") as library:
        library.update(extract=True)
        library.remember_comparisons = False
        yield library


def _ranked_in_order(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """The search ranks a.md, b.md, c.md in that order (each one passage)."""
    ids = {a.relpath: a.id for a in lib.articles()}
    order = [ids["a.md"], ids["b.md"], ids["c.md"]]

    def ranked(library, query, outlets, since, until, depth=400):  # type: ignore[no-untyped-def]
        return [Candidate(aid, 0, 3.0 - i, True) for i, aid in enumerate(order)][:depth]

    monkeypatch.setattr(comp, "ranked_passages", ranked)


def _files(row) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.relpath for cell in row.cells.values() for p in cell}


def test_a_supporting_passage_completes_a_row_but_makes_none(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    _ranked_in_order(lib, monkeypatch)
    monkeypatch.setattr(comp, "SUPPORT_FACTOR", 3.0)
    rows = comp.compare_query(lib, "ferry passengers", limit=1).rows
    # b.md (ranked second, below the depth of 1) joins a.md's row: the two outlets side by side
    assert any(_files(r) == {"a.md", "b.md"} for r in rows)
    # c.md (a figure of its own, nothing to join) would make a row of one outlet: as support it makes none
    assert not any("c.md" in _files(r) for r in rows)


def test_without_support_the_passages_below_the_depth_are_left_out(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ranked_in_order(lib, monkeypatch)
    monkeypatch.setattr(comp, "SUPPORT_FACTOR", 1.0)
    rows = comp.compare_query(lib, "ferry passengers", limit=1).rows
    assert not any("b.md" in _files(r) for r in rows)


def test_within_the_depth_a_lone_passage_with_a_figure_makes_its_row(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ranked_in_order(lib, monkeypatch)
    rows = comp.compare_query(lib, "ferry passengers", limit=3).rows
    assert any(_files(r) == {"c.md"} for r in rows)
    assert any(_files(r) == {"a.md", "b.md"} for r in rows)
