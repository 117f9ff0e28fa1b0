"""Session 31's cheaper change check and start-up (h31s) give the answers of what they replace."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from desk.corpus.scan import SUFFIXES, is_supported
from desk.library import Library

# -- is_supported without os.path.splitext


def _plain_is_supported(name: str) -> bool:
    """:func:`desk.corpus.scan.is_supported` as it was."""
    return os.path.splitext(name)[1].lower() in SUFFIXES


def test_is_supported_answers_as_splitext_did() -> None:
    names = [
        "a.txt", "A.TXT", "note.Md", "x.markdown", "page.HTM", "page.html", "scan.pdf", "paper.docx", "photo.jpeg",
        "noext", "ends.", "two..txt", "a.b.md", "a.md.bak", ".txt", ".hidden.md", "..md", "...", ".", "",
        "tar.gz", "md", "x.", "x.Txt ", "weird.tXt", "dotted.name.HTML", "é.md", "ü.pdf", "a.mdx",
    ]
    for name in names:
        assert is_supported(name) == _plain_is_supported(name), name


# -- the change check's scan and reconciling


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ferries"
    (folder / "north" / "deep").mkdir(parents=True)
    texts = {
        "one.md": "The ferry to Harlow Point ran late on Monday after fog closed the inner channel.",
        "north/two.txt": "Deckhands at Harlow Point loaded forty crates of lamp oil before the tide turned.",
        "north/deep/three.md": "A pilot boat guided the ferry past the old breakwater while gulls circled.",
        "north/skip.docx": "not read",
        ".quiet.md": "hidden, never read",
    }
    for rel, text in texts.items():
        body = f"---\ntitle: {rel}\nsite: Harbour Gazette\npublished: 2031-03-02\n---\n\n{text}\n"
        (folder / rel).write_text(body, encoding="utf-8")
    return folder


def test_the_scan_gives_each_file_its_relative_path_and_the_reconcile_its_total(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        states = lib.store.states()
        assert sorted(states) == ["north/deep/three.md", "north/two.txt", "one.md"]
        indexed = lib.store.indexed_passages()
        assert lib.store.indexed_passage_total() == sum(indexed.values()) > 0
        assert lib.backend.passage_count() == lib.store.indexed_passage_total()
        report = lib.update(extract=False)  # nothing changed: nothing read, nothing reported
        assert report.unchanged == 3
        assert not report.problems
        path = lib.store.path
    db = sqlite3.connect(path)
    try:
        plan = " ".join(
            str(r[3]) for r in db.execute("EXPLAIN QUERY PLAN SELECT SUM(npassages) FROM articles WHERE indexed=1")
        )
        assert "COVERING INDEX articles_state" in plan
    finally:
        db.close()


def test_an_empty_store_totals_no_passages(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        assert lib.store.indexed_passage_total() == 0 == sum(lib.store.indexed_passages().values())


def test_a_store_that_lost_index_rows_is_still_repaired(tmp_path: Path) -> None:
    """A store whose indexed articles' passages are not all in the index (the counts differ) is reconciled as
    before: the per-article counts are read then, and the articles are sent again."""
    folder = _folder(tmp_path)
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        total = lib.store.indexed_passage_total()
        with lib.store.db:
            lib.store.db.execute("UPDATE articles SET npassages = npassages + 1 WHERE relpath = 'one.md'")
        assert lib.store.indexed_passage_total() == total + 1 != lib.backend.passage_count()
        report = lib.update(extract=False)
        assert any("disagreed" in p for p in report.problems)


# -- Whoosh's word variations, loaded only when called


def test_whoosh_word_variations_load_when_called() -> None:
    code = (
        "import sys, desk.index.whoosh\n"
        "print('whoosh.lang.morph_en' in sys.modules)\n"
        "from whoosh.query import terms\n"
        "got = sorted(terms.variations('ferries'))\n"
        "import whoosh.lang.morph_en as real\n"
        "print(got == sorted(real.variations('ferries')), 'ferry' in got or 'ferries' in got)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True", "True"]
