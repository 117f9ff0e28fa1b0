"""Rows are described once, on the rows compare keeps; articles are read from the store once per store state."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.compare import _has_claims, build_rows, compare_query, statements
from desk.library import Library

from .helpers import make_ref, write_article


def _refs() -> list:  # type: ignore[type-arg]
    return [
        make_ref("The ferry carried 412 passengers across the lake before the storm closed the harbour.", "North Post",
                 article="n1", figures=[("412", 412.0, "", "passengers", "harbour officials")]),
        make_ref("Harbour officials said the ferry carried 430 passengers before the storm closed the harbour.",
                 "Lake Daily", article="l1", figures=[("430", 430.0, "", "passengers", "the mayor")]),
        make_ref("Farmers sold 900 tonnes of barley at the autumn market, the guild reported.", "Hill Times",
                 article="h1", figures=[("900", 900.0, "", "tonnes of barley", "the guild")]),
    ]


def test_rows_left_undescribed_group_the_same_and_describe_to_the_same() -> None:
    described = build_rows(_refs())
    bare = build_rows(_refs(), describe=False)
    assert [[p.key for c in r.cells.values() for p in c] for r in bare] == [
        [p.key for c in r.cells.values() for p in c] for r in described
    ]
    assert all(not r.statements and not r.summary for r in bare)
    for r in bare:
        statements.describe_row(r)
    assert [(r.summary, r.disagreement, r.differences, [s.figure.value for s in r.statements]) for r in bare] == [
        (r.summary, r.disagreement, r.differences, [s.figure.value for s in r.statements]) for r in described
    ]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    write_article(f, "a.md", "North Post", "The ferry carried 412 passengers across the lake before the storm closed "
                  "the harbour on Tuesday, officials said.\n\nThe mayor said the harbour would reopen next week.")
    write_article(f, "b.md", "Lake Daily", "Harbour officials said the ferry carried 412 passengers across the lake "
                  "before the storm closed the harbour.\n\nFishermen waited on the quay for news of the boats.")
    write_article(f, "c.md", "Hill Times", "Farmers sold 900 tonnes of barley at the autumn market, the guild reported "
                  "on Friday.")
    return f


def test_compare_describes_each_kept_row_exactly_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = statements.describe_row

    def counting(row, **k):  # type: ignore[no-untyped-def]
        calls.append(id(row))
        original(row, **k)

    monkeypatch.setattr(statements, "describe_row", counting)
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=True)
        c = compare_query(lib, "ferry passengers")
    assert c.rows
    # every row shown that holds a figure, each once (a row without one has nothing to describe: its word
    # differences are worked out when asked for)
    assert sorted(calls) == sorted(id(r) for r in c.rows if _has_claims(r))
    ferry = next(r for r in c.rows if len(r.outlets) == 2)
    assert ferry.summary
    assert {s.figure.value for s in ferry.statements} == {412.0}


def test_article_cache_follows_the_store(folder: Path) -> None:
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=False)
        aid = next(a.id for a in lib.articles() if a.relpath == "c.md")
        first = lib.article(aid)
        assert lib.article(aid) is first  # read once while the store is unchanged
        write_article(folder, "c.md", "Hill Times", "Farmers sold 700 tonnes of rye at the spring market.")
        lib.update(extract=False)
        again = lib.article(aid)
        assert again is not first
        assert "700 tonnes of rye" in again.text


def test_a_row_met_again_gets_the_same_description_and_a_changed_claimant_a_new_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dataclasses

    import desk.compare as comp

    comp.clear_described()
    calls: list[int] = []
    original = statements.describe_row
    monkeypatch.setattr(statements, "describe_row", lambda row, **k: (calls.append(1), original(row, **k)))
    (first, *_) = [r for r in build_rows(_refs(), describe=False) if len(r.outlets) == 2]
    comp._describe(first)
    (again, *_) = [r for r in build_rows(_refs(), describe=False) if len(r.outlets) == 2]
    comp._describe(again)
    assert len(calls) == 1  # the second row was remembered
    assert (again.summary, again.disagreement, again.differences) == (
        first.summary, first.disagreement, first.differences)
    assert again.statements == first.statements
    assert again.statements is not first.statements  # a row's lists are its own
    renamed = [dataclasses.replace(r, claims=[dataclasses.replace(c, claimant="the harbour board")
                                              for c in r.claims]) for r in _refs()]
    (other, *_) = [r for r in build_rows(renamed, describe=False) if len(r.outlets) == 2]
    comp._describe(other)
    assert len(calls) == 2
    assert "harbour board" in other.summary
    assert "harbour board" not in first.summary
