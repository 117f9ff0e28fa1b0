"""Each change check reads every file's state from a small index, not from the table of texts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desk.index.store import Store
from desk.library import Library

STATES = "SELECT aid, relpath, size, mtime, sha1, indexed, extracted FROM articles"
INDEXED = "SELECT aid, npassages FROM articles WHERE indexed=1"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.md").write_text(
            f"---\ntitle: Barge {i}\nsite: River Post\npublished: 2031-06-0{i + 1}\n---\n\n"
            f"The barge carried {i + 20} tonnes of gravel downstream. Locks were slow.\n",
            encoding="utf-8",
        )
    return folder


def test_the_change_checks_queries_scan_the_state_index_and_an_older_store_gains_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        path = lib.store.path
        states = lib.store.states()
    assert sorted(states) == ["0.md", "1.md", "2.md", "3.md"]
    assert all(s.indexed and s.size > 0 and len(s.sha1) == 40 for s in states.values())
    db = sqlite3.connect(path)
    for query in (STATES, INDEXED):
        plan = " ".join(str(r[3]) for r in db.execute("EXPLAIN QUERY PLAN " + query))
        assert "COVERING INDEX articles_state" in plan
    # a store written before the index existed gains it when it is opened, and reads the same
    db.execute("DROP INDEX articles_state")
    db.commit()
    db.close()
    store = Store(path)
    try:
        names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
        assert "articles_state" in names
        assert store.states() == states
        assert store.indexed_passages() == {s.aid: 1 for s in states.values()}
    finally:
        store.close()
