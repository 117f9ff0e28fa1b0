"""Helpers for index tests: a Whoosh index filled with hand-made articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from whoosh.index import Index

from desk.index.whoosh import engine, passage_docs
from desk.model import Article, Passage


def make_article(aid: str, text: str, outlet: str = "Daily Test", date: dt.date | None = None,
                 title: str = "A title") -> Article:
    """One passage per line of ``text``."""
    passages = []
    pos = 0
    for n, line in enumerate(text.split("\n")):
        passages.append(Passage(n, pos, pos + len(line)))
        pos += len(line) + 1
    return Article(id=aid, path=f"/x/{aid}.txt", relpath=f"{aid}.txt", title=title, outlet=outlet,
                   date=date, text=text, passages=passages)


@pytest.fixture(name="make_article")
def _make_article_fixture() -> Callable[..., Article]:
    return make_article


@pytest.fixture
def fresh_index(tmp_path: Path) -> Index:
    lib = tmp_path / "lib"
    lib.mkdir()
    engine.prepare(lib, lib / "index", tmp_path)
    return engine.open_index(lib / "index")


@pytest.fixture
def fill(fresh_index: Index) -> Callable[..., Index]:
    def _fill(*items: tuple[Article, list[tuple[int, float, float | None]]]) -> Index:
        w = engine.open_writer(fresh_index, wait=1)
        for article, figures in items:
            for doc in passage_docs(article, figures):
                w.add_document(**doc)
        engine.commit(w)
        return fresh_index

    return _fill
